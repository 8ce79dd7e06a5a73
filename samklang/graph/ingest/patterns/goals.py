"""Goals, goal areas, focus areas, activities and table columns."""

from __future__ import annotations

import re

from samklang.graph.ingest.patterns.words import COUNT

GOAL_AREA_COUNT = re.compile(
    rf"\b(?:innehåller|har|omfattar|består\s+av|är\s+indelat\s+i)\s+(?P<count>{COUNT})\s+"
    r"målområden\b"
)
"""``Handlingsprogrammet innehåller åtta målområden``."""

GOAL_AREA_NAMED = re.compile(r"\bmålområdet\s+(?P<title>[a-zåäö]+(?:\s+och\s+[a-zåäö]+)?)\b")
"""``målområdet brott``."""

GOAL_AREA_LINE = re.compile(r"^\W*Målområde\s*\d*\s*[:.–-]\s*(?P<title>[^.]+?)\.?\s*$")
"""``Målområde 2: Trygg stadskärna``."""

GOAL_AREA_GROUP = re.compile(r"\b[Tt]ill\s+(?:detta|det|varje)\s+målområde\s+kopplas\s+")
"""``Till detta målområde kopplas en temagrupp``: the group carries the goal area."""

GOAL_LINE = re.compile(
    r"^\W*(?:Mål|Delmål|Effektmål|Målsättning)\s*\d*\s*[:.–]\s*(?P<text>.+?)\s*\.?\s*$"
)
"""``Mål 1: Antalet … ska minska``."""

GOAL_HEADINGS = re.compile(
    r"^(?:mål|målen|delmål|effektmål|målsättning(?:ar)?|våra\s+mål|mål\s+för\s+.*|"
    r"övergripande\s+mål)$"
)
"""Headings whose list items are goals."""

FOCUS_LINE = re.compile(
    r"^\W*(?:Löfte|Fokusområde|Prioriterat\s+område|Insatsområde|Utvecklingsområde|"
    r"Prioritering)\s*\d*\s*[:.–]\s*(?P<text>.+?)\s*\.?\s*$"
)
"""``Löfte 1: Vi ska öka tryggheten …``."""

FOCUS_HEADINGS = re.compile(
    r"^(?:§\s*\d+\s+)?(?:(?:våra|vårt|gemensamma|prioriterade)\s+)?(?:löften|löftet|"
    r"prioriterade\s+områden|fokusområden|insatsområden|utvecklingsområden|prioriteringar|"
    r"medborgarlöften|prioriterade\s+problem(?:områden)?|problemområden)$"
)
"""Headings whose list items are prioritised areas or promises: ``Prioriterade områden``,
``Våra löften``, ``Gemensamma prioriteringar``, ``§ 4 Prioriterade problem``."""

FOCUS_LEAD = re.compile(r"\b(?:prioriterade\s+områden|fokusområden|insatsområden|löften)\s*:\s*$")
"""A sentence ending in a colon that introduces a list of areas: ``… två fokusområden:``."""

FOCUS_COUNT = re.compile(
    rf"\b(?P<count>{COUNT})\s+(?:fokusområden|prioriterade\s+områden|insatsområden|"
    r"utvecklingsområden|prioriteringar)\b[^:.]{0,60}:\s*(?P<list>[^.:]+)"
)
"""``… enats om tre fokusområden för planperioden: a, b samt c.``: the areas listed in the
sentence, taken only when there are as many as it says."""

CAPTION = re.compile(r"^\W*(?:Bilaga\s+\d+\s*[.:–-]?\s*|Utdrag\s+ur\s+|Sammanfattning\s+av\s+)")
"""What begins a part of the text about another document: ``Bilaga 1. Handlingsprogram för
trygghet och säkerhet 2024–2027 (sammanfattning)``."""

ACTIVITY_LINE = re.compile(
    r"^\W*(?:Aktivitet|Åtgärd|Insats)\s*\d*\s*[:.–]\s*(?P<text>.+?)\s*\.?\s*$"
)
"""``Åtgärd 1: Fältassistenter på kvällstid (Socialnämnden, 2025)``."""

ACTIVITY_HEADINGS = re.compile(
    r"^(?:aktiviteter|åtgärder|insatser|det\s+här\s+gör\s+vi|så\s+(?:här\s+)?gör\s+vi|"
    r"vad\s+gör\s+vi|"
    r"vi\s+lovar|våra\s+åtgärder|våra\s+aktiviteter|planerade\s+(?:aktiviteter|åtgärder|insatser)|"
    r"handlingsplan|aktivitetsplan)\b"
)
"""Headings whose list items or table rows are activities."""

TABLE_COLUMNS: dict[str, re.Pattern[str]] = {
    "title": re.compile(
        r"(?:planerade?\s+|beslutade?\s+)?(?:aktivitet(?:er(?:na)?)?|åtgärd(?:er(?:na)?)?|"
        r"insats(?:er(?:na)?)?)(?:\s*/\s*(?:aktivitet|åtgärd|insats)(?:er)?)?|vad(?:\s+ska\s+göras)?"
    ),
    "responsible": re.compile(
        r"(?:huvud)?ansvarig(?:a)?(?:\s+(?:aktör|part|förvaltning|nämnd|verksamhet)(?:er)?)?|"
        r"ansvar|vem(?:\s+ansvarar)?|utförare"
    ),
    "year": re.compile(
        r"år|när|tid|tidplan|tidsplan|tidpunkt|tidsperiod|period|genomförs|år\s*/\s*period"
    ),
    "goal": re.compile(
        r"(?:operativa?|övergripande|kopplat?\s+till|kopplade?\s+till)?\s*"
        r"(?:mål|målen|delmål|effektmål|målsättning)(?:\s+som\s+nås)?"
    ),
    "cause": re.compile(
        r"(?:bakomliggande\s+)?orsak(?:er)?|problem(?:bild)?|orsak\s*/\s*problem|"
        r"(?:risk|skydds)?faktor(?:er)?"
    ),
    "follow_up": re.compile(
        r"uppföljning|hur\s+följs\s+(?:det|den|åtgärden|aktiviteten)\s+upp|indikator(?:er)?|"
        r"mått|nyckeltal|uppföljning\s*/\s*indikator"
    ),
    "planned": re.compile(r"planerat|planerad(?:e)?|plan"),
    "done": re.compile(
        r"genomfört|genomförd(?:a)?|gjort|resultat|utfall|kommentar(?:er)?|redovisning"
    ),
    "status": re.compile(r"status|läge|lägesbeskrivning"),
}
"""The columns of a table read as records (``columns.py``), by the heading written over them:
Brå's template for an åtgärdsplan (*Orsak*, *Åtgärd*, *Operativa mål*, *När*, *Vem*,
*Uppföljning*), an activity list (*Aktivitet*, *Ansvarig*, *År*, *Mål*, *Status*) and a
follow-up (*Planerat*, *Genomfört*, *Status*). A heading matches whole, after its markup, a
closing ``:`` or ``?`` and a note in parentheses are dropped (``Åtgärd (vad ska göras?)``)."""

STATUSES: list[tuple[str, re.Pattern[str]]] = [
    (
        "ej-genomford",
        re.compile(
            r"(?:ej|inte|icke)\s+(?:genomför(?:d|t|da)|gjord|gjort|utförd|utfört|klar|klart)|"
            r"nej|[✗✘❌]"
        ),
    ),
    (
        "planerad",
        re.compile(r"(?:ej|inte)\s+(?:påbörjad|påbörjat|startad|startat)|planerad|planerat"),
    ),
    (
        "delvis-genomford",
        re.compile(r"delvis(?:\s+(?:genomför(?:d|t|da)|klar|klart|utför(?:d|t)))?"),
    ),
    (
        "pagaende",
        re.compile(
            r"pågår|pågående|påbörjad|påbörjat|startad|startat|löpande|fortgår|pågår\s+enligt\s+plan"
        ),
    ),
    (
        "installd",
        re.compile(r"inställd|inställt|inställda|utgår|utgått|struken|struket|avbruten|avbrutet"),
    ),
    (
        "genomford",
        re.compile(
            r"genomför(?:d|t|da|des|ts)|klar|klart|klara|avslutad|avslutat|slutförd|slutfört|"
            r"utförd|utfört|gjord|gjort|ja|[✓✔☑✅]"
        ),
    ),
]
"""Statuses as people write them in a follow-up table, each read as a status of the
vocabulary (``activity-statuses.ttl``): *Genomförd*, *Klar*, *✓* → ``genomford``; *Delvis* →
``delvis-genomford``; *Pågår* → ``pagaende``; *Ej genomförd*, *Nej* → ``ej-genomford``;
*Inställd*, *Utgår* → ``installd``; *Ej påbörjad*, *Planerad* → ``planerad``. The first whose
pattern matches the start of the cell as a whole word wins (``Klar i oktober`` is
``genomford``); the negated forms come first."""

ACTOR_LEAD = re.compile(
    r"^\W*(?P<who>[A-ZÅÄÖ][\wåäö ]+?)\s+(?:lovar|ska|kommer\s+att|åtar\s+sig)(?:\s+att)?\s*:?\s*$"
)
"""A line introducing one party's activities: ``Polisen lovar att``, ``Kommunen ska:``."""
