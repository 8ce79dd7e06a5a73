"""Groups: their kinds, styrgrupp, members, conveners, reporting lines."""

from __future__ import annotations

import re

GROUP_KINDS: dict[str, str] = {
    # (word of the group, its type in the input format)
    "temagrupp": "temagrupp",
    "styrgrupp": "styrgrupp",
    "arbetsgrupp": "arbetsgrupp",
    "samverkansgrupp": "arbetsgrupp",
    "samordningsgrupp": "arbetsgrupp",
    "trygghetsgrupp": "arbetsgrupp",
    "referensgrupp": "arbetsgrupp",
    "ledningsgrupp": "",
    "trygghetsråd": "arbetsgrupp",
    "brottsförebyggande råd": "arbetsgrupp",
}
"""Groups across organisations. A ledningsgrupp is a group only when the text says it is the
styrgrupp; otherwise it is recorded as an organisation. A råd or other group whose role the text
does not give becomes an arbetsgrupp, marked for review."""

GROUP = re.compile(
    r"(?P<prefix>\b(?:[Kk]ommunens|[Pp]olisens|[Gg]emensamm?a?)\s+)?"
    r"\b(?P<word>[Tt]emagrupp|[Ss]tyrgrupp|[Aa]rbetsgrupp|[Ss]amverkansgrupp|[Ss]amordningsgrupp"
    r"|[Tt]rygghetsgrupp|[Rr]eferensgrupp|[Ll]edningsgrupp|[Tt]rygghetsråd|[Bb]rottsförebyggande\s+råd)"
    r"(?P<definite>en|et)?(?P<genitive>s)?(?P<plural>er|erna)?\b"
    r"(?:\s+(?P<topic>(?!(?:och|för|som|i|med|vars|där|är|har|ska|består|ansvarar|rapporterar|"
    r"sammankallas|arbetar|till|av|på|om|inom|under|kopplas|finns|leds|leder|samordnar|styr|utgör|vilken|vilket|"
    r"kontinuerligt|två|en|ett|varje|samt|eller|men|tillsammans)\b)[a-zåäö]{3,}))?"
)
"""A group: ``temagrupp brott`` (a named temagrupp), ``Temagruppen`` (the one named before),
``kommunens ledningsgrupp``, ``styrgruppen``, ``Trygghetsrådet``."""

STEERING = re.compile(
    r"(?:\s*,\s*som\s+[^.;()]{3,160}?,(?=\s*(?:utgör|är|fungerar|agerar)\b)"
    r"|\s+(?:leder|samordnar|styr)(?:\s+[a-zåäö]+){0,2}\s+och(?=\s+(?:utgör|är)\b))?"
    r"\s*,?\s*(?:vilken|som)?\s*(?:utgör|är|fungerar\s+som|agerar)\s+(?:\w+\s+)?styrgrupp"
)
"""After a group: ``…, vilken utgör styrgrupp``, ``… är kommunens styrgrupp``, after a
relative clause, ``Trygghetsrådet, som består av …, är styrgrupp``, or after a verb of
leading, ``Kommunens trygghetsråd leder arbetet och är styrgrupp``."""

MEMBERS = [
    re.compile(
        r"\bbestår\s+av\s+(?:\w+\s+)?(?:representanter|företrädare|tjänstepersoner|personer|"
        r"medarbetare)\s+(?:från|för|ur|i)\s+(?P<list>[^.;]+)"
    ),
    re.compile(r"\b(?:där|i\s+vilken|i\s+vilket)\s+(?P<list>[^.;]+?)\s+ingår\b"),
    re.compile(
        r"\bingår\s+(?:(?:\w+\s+)?(?:representanter|företrädare)\s+(?:från|för)\s+)?"
        r"(?P<list>[^.;]+?)(?=\s*(?:[.;]|$))"
    ),
    re.compile(r"\bhar\s+(?:representanter|företrädare)\s+(?:från|för)\s+(?P<list>[^.;]+)"),
    re.compile(
        r"\bmed\s+(?:representanter|företrädare)\s+(?:från|för)\s+(?P<list>[^.;]+?)"
        r"(?=\s+(?:planerar|leder|arbetar|ansvarar|träffas|ses|samordnar|följer|tar)\b|[.;]|$)"
    ),
]
"""Members of a group: ``Temagruppen består av representanter från A, B och C``,
``temagrupp trygghet, där A, B och C ingår``, ``I gruppen ingår A, B och C``."""

PERSON_ROLE = re.compile(
    r"(?i)^(?:[\wåäö-]+s\s+)?(?:vice\s+)?(?:ordförande|presidium|[\wåäö]*chef(?:en|er|erna)?|"
    r"[\wåäö]*direktör(?:en|er|erna)?|[\wåäö]*samordnar(?:e|en|na)|[\wåäö]*ansvarig(?:a)?)\b"
)
"""A person named by a role (``kommundirektören``, ``lokalpolisområdeschefen``, ``kommunstyrelsens
ordförande``): not an organisation that is a member of a group."""

MUNICIPAL_UNITS = re.compile(
    r"(?i)^(?:kommunens\s+)?(?:kommunledning(?:en)?|fritidsverksamhet(?:en)?|"
    r"fritid(?:en)?|skola|[\wåäö-]*avdelning(?:en)?|[\wåäö-]*kontor(?:et)?|"
    r"äldreomsorg(?:en)?|omsorg(?:en)?|förskola(?:n)?|kulturskola(?:n)?)\b"
)
"""Parts of the municipality named as members besides the services of ``actors.SERVICE``:
``kommunledningen``, ``fritidsverksamheten``, ``säkerhetsavdelningen``."""

PARTY_LIST_SPLIT = re.compile(r"\s+tillsammans\s+med\s+")
"""``A tillsammans med B och C``: one more joint between the parties of a list."""

PARTIES_HEADING = re.compile(r"(?i)^(?:§\s*\d+\s+)?(?:avtals)?part(?:er|erna)\s*:?$")
"""A heading over a list of the parties: ``Parter``, ``§ 1 Parter``, ``Avtalsparter``."""

LIST_SPLIT = re.compile(r"\s*,\s*(?:och\s+|samt\s+)?|(?<!-)\s+(?:och|samt|&)\s+")
"""Between the items of a list written in a sentence (not the ``och`` of ``Kultur- och
fritidsnämnden``)."""

CONVENER = [
    re.compile(r"(?:^|[,;:]\s*)(?P<who>[^.,;:]+?)\s+är\s+sammankallande\s+(?:i|för)\s+"),
    re.compile(r"\bsammankallas\s+av\s+(?P<who>[^.,;]+?)(?=\s+(?:och|samt|som)\s|[.,;]|$)"),
    re.compile(r"(?i)\bsammankallande\s*(?:är|:)\s*(?P<who>[^.,;]+)"),
]
"""Who convenes a group: ``X är sammankallande i temagruppen``, ``Gruppen sammankallas av X``,
``Sammankallande: X``."""

REPORTS_TO = re.compile(
    r"\b(?:rapporterar|återrapporterar|redovisar|är\s+underställd|lyder\s+under)\s+"
    r"(?:\w+\s+)?(?:till\s+)?(?P<target>[^.,;]+)"
)
"""Whom a group reports to: ``Temagruppen rapporterar kontinuerligt till kommunens
ledningsgrupp``."""

OWNS = re.compile(r"\bansvarar\s+för\s+(?:att\s+)?(?:målen\s+i\s+)?")
"""``Temagruppen ansvarar för att målen i planen nås``: the group carries the document."""
