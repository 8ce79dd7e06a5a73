"""The words and patterns the ingester reads Swedish planning text with, each named.

Everything the ingester recognises is listed here, so a reviewer can read what it looks for
and why it finds (or misses) something. Patterns are case-sensitive unless they say otherwise:
capital letters tell names (``Lokalpolisområde Höglandet``) from ordinary words.
"""

from __future__ import annotations

import functools
import re

# --- Words ----------------------------------------------------------------------------------

NAME = r"[A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ]?[a-zåäöéü]+)?"
"""A capitalised name word: ``Vetlanda``, ``Höglandet``, ``Upplands-Bro``."""

NUMBER_WORDS = {
    "en": 1,
    "ett": 1,
    "två": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "sex": 6,
    "sju": 7,
    "åtta": 8,
    "nio": 9,
    "tio": 10,
    "elva": 11,
    "tolv": 12,
}
"""Counts written as words (``åtta målområden``)."""
COUNT = r"(?:\d{1,2}|" + "|".join(NUMBER_WORDS) + r")"


def count_value(text: str) -> int:
    """The number a ``COUNT`` match stands for."""
    return int(text) if text.isdigit() else NUMBER_WORDS[text.lower()]


# --- Documents ------------------------------------------------------------------------------

DOCUMENT_TYPES: list[tuple[str, str]] = [
    # (document type of the vocabulary, how documents of that type are named)
    ("handlingsprogram", r"[Hh]andlingsprogram(?:met|mets|s)?\b"),
    (
        "brottsforebyggande-plan",
        r"[Pp]lan(?:en)?\s+för\s+(?:det\s+)?(?:trygghet\s+och\s+)?brottsförebyggande"
        r"(?:\s+och\s+trygghetsskapande)?\s+arbete(?:t)?\b"
        r"|[Bb]rottsförebyggande\s+plan(?:en)?\b|[Tt]rygghetsplan(?:en)?\b",
    ),
    (
        "samverkansoverenskommelse",
        r"[Ss]amverkansöverenskommelse(?:n|ns|r|rna)?\b|[Öö]verenskommelse(?:n)?\s+om\s+samverkan",
    ),
    ("medborgarlofte", r"[Mm]edborgarlöfte(?:t|ts|n|na)?\b"),
    ("lagesbild", r"[Ll]ägesbild(?:en|er|erna)?\b"),
    ("atgardsplan", r"[Åå]tgärdsplan(?:en|er|erna)?\b"),
    ("trygghetsbokslut", r"[Tt]rygghetsbokslut(?:et|en)?\b"),
]
"""Document types, and the words that name a document of each type."""

DOCUMENT_MENTION = re.compile(
    "|".join(f"(?P<{t.replace('-', '_')}>{p})" for t, p in DOCUMENT_TYPES)
)
"""Any document mention; the group name (``-`` as ``_``) tells the type."""

OWN_WORDS: dict[str, tuple[str, str]] = {
    # (type: how it is called after "denna/detta", and in the definite form)
    "handlingsprogram": ("(?:handlings)?program", "(?:handlings)?programmet"),
    "brottsforebyggande-plan": ("(?:handlings|trygghets)?plan", "(?:handlings|trygghets)?planen"),
    "samverkansoverenskommelse": (
        "(?:samverkans)?överenskommelse",
        "(?:samverkans)?överenskommelsen",
    ),
    "medborgarlofte": ("(?:medborgar)?löfte", "(?:medborgar)?löftet"),
    "lagesbild": ("lägesbild", "lägesbilden"),
    "atgardsplan": ("(?:åtgärds)?plan", "(?:åtgärds)?planen"),
    "trygghetsbokslut": ("(?:trygghets)?bokslut", "(?:trygghets)?bokslutet"),
}
"""How a document refers to itself, by its type: ``Denna plan``, ``Planen``, ``Löftet``."""


@functools.cache  # asked for every sentence: compiled once per type
def own_reference(doc_type: str) -> re.Pattern[str]:
    """A document referring to itself: ``denna plan``, ``detta dokument``, ``planen``."""
    indefinite, definite = OWN_WORDS[doc_type]
    return re.compile(
        rf"\b(?:(?:denna|detta|vårt|vår)\s+(?:{indefinite}|dokument)|{definite}|dokumentet)\b",
        re.IGNORECASE,
    )


GENERIC_BEFORE = re.compile(
    r"(?:\b(?:en|ett|varje|någon|nytt|ny|nya|olika|alla|sina|flera|respektive|kommunernas|"
    r"egen|eget|egna)\s+|\b(?:varje|respektive)\s+[\wåäö]+s\s+)$"
)
"""Words before a mention that make it generic (``en åtgärdsplan``, ``varje kommuns
åtgärdsplan``), not a named document."""

POSSESSED = re.compile(
    r"\b(?:kommunens|stadens|polisens|parternas|lokalpolisområdets|vår|vårt|den\s+gemensamma"
    rf"|{NAME}\s+(?:kommuns|stads))(?:\s+(?:och|samt)\s+(?:kommunens|polisens|parternas))?\s+$"
)
"""A possessive before a mention, which makes it one document (``polisens och kommunens
lägesbild``, ``Fantasiby kommuns åtgärdsplan``), as the definite form does."""

IDENTITY = re.compile(
    r"\s(?:är|utgör|fungerar\s+som)\s+(?:också\s+)?"
    r"(?:kommunens|stadens|vår|vårt|den|(?:[A-ZÅÄÖ][\wåäö-]+\s+){1,2}(?:kommuns|stads))?\s*$"
)
"""``Handlingsplanen är kommunens åtgärdsplan`` (or ``… är Sagostad kommuns åtgärdsplan``):
what follows names the document the sentence is about, not another one."""

PRONOUN_SUBJECT = re.compile(
    r"^\W*(?:Den|Det|Denna|Detta)\s+(?=(?:är|har|gäller|bygger|ska|skall|kan|omfattar|"
    r"innehåller|beskriver|togs|tas|antogs|fastställdes|utgår|löper|följs|revideras|ersätter|"
    r"består|anger|redovisar)\b)"
)
"""A sentence that begins with a pronoun and a verb (``Det har fyra målområden``, ``Den har
tagits fram …``): it is about what the sentence before it was about."""

SEASON_BEFORE = re.compile(
    r"(?i)\b(?:hösten|våren|sommaren|vintern|januari|februari|mars|april|maj|juni|juli|"
    r"augusti|september|oktober|november|december|början\s+av|slutet\s+av)\s+$"
)
"""Before a year, a time of year (``lägesbilden från hösten 2023``): when something was made,
not the period a document runs."""

PERIOD_FILLER = re.compile(
    r"^(?:\s+(?!(?:gäller|löper|är|som|bygger|ska|har|var|blir|kommer|jämfört|sedan|till|"
    r"eller|samt|enligt|vilken|vilket|där|antogs|antagen|antaget|antagits|beslutades|beslutad|"
    r"beslutats|fastställdes|fastställd|fastställt|godkändes|godkänd|reviderades|reviderad|"
    r"ersattes|upphörde)\b)[\wåäöÅÄÖ.–-]+){0,8}?\s+$"
)
"""What may stand between a document's name and its period in running text (``Handlingsprogram
för skydd och säkerhet 2020-2023``): up to eight words, none a verb or a word that starts a new
clause (``… lägesbilden och gäller 2023 …`` gives the period to the sentence, not the
lägesbild)."""

RELATIVE_PERIOD = re.compile(
    r"^\s*,?\s*som\s+(?:gäller|löper)\s+(?:(?:under|för|över)\s+)?(?:(?:perioden|åren)\s+)?"
    r"(?=\d|[a-zåäö]+\s+\d{4}|från\s)"
    r"|^\s*,?\s*som\s+(?:(?!som\b|och\s+som\b)[\wåäöÅÄÖ]+\s+){1,5}?"
    r"(?:tecknar|tecknas|tecknade|tecknades|tar\s+fram|tas\s+fram|tog\s+fram|togs\s+fram|"
    r"antar|antas|antogs|upprättar|upprättas|upprättades)\s+"
    r"(?:för|under)\s+(?:(?:perioden|åren|år)\s+)?(?=\d)"
)
"""A period in a relative clause right after a document's name: ``en samverkansöverenskommelse
som löper 2024-2025``, ``det medborgarlöfte som kommunen och polisen tecknar för 2025`` give
the period to that document."""

PERIOD_VERB = re.compile(
    r"\b(?:(?:gäller|löper|avser|omfattar|sträcker\s+sig|är\s+giltig)\s+"
    r"(?:(?:under|för|över)\s+)?(?:(?:hela\s+)?(?:perioden|åren|tiden|året)\s+)?"
    r"|(?:för|under)\s+(?:hela\s+)?(?:perioden|åren)\s+)"
)
"""``gäller under perioden``, ``löper``, ``avser åren``, or with no verb ``för åren``, ``under
perioden`` (``Planen för åren 2024–2027 …``): the period that follows belongs to the
sentence's subject."""

PERIOD_FIELD = re.compile(
    r"^[\s*#|>]*(?:Period|Giltighetstid|Giltighet|Gäller|Gäller\s+för|Planperiod|Avtalsperiod)"
    r"[\s*]*[:|\t][\s*|]*",
    re.IGNORECASE,
)
"""A header field giving the document's own period: ``Period: 2023-01-01 – 2026-12-31``."""

PART_OF = re.compile(
    r"\s+(?:(?:är|utgör)\s+(?:en\s+|den\s+|ett\s+)?(?:\w+\s+)?"
    r"(?:del|förlängning|fördjupning|bilaga|konkretisering|underdokument|delplan)"
    r"\s+(?:\w+\s+){0,6}?(?:av|till|i|under)"
    r"|ingår\s+i|är\s+underordnad)\s+"
)
"""Between a part and what it is part of: ``X är en del av Y``, ``X är en förlängning av Y``,
``X ingår i Y``, ``X är den del av Y som …``."""

DOCUMENT_DETERMINER = (
    r"(?:(?:detta|denna|det|den|dess|vårt|vår|kommunens|polisens|"
    + NAME
    + r"\s+(?:kommuns|stads))\s+)?"
)
"""Words that may stand before a document named as the parent in ``PART_OF``."""

WITHIN = re.compile(
    r"\b[Ii]nom\s+(?:ramen\s+för\s+)?(?P<parent>den|denna|detta|det|[^,.;]{3,80}?)\s+"
    r"(?:tecknar|tecknas|tar|tas|upprättar|upprättas|tecknade|tecknades|antar|antas|finns)\b"
)
"""``Inom ramen för samverkansöverenskommelsen tecknas medborgarlöften``, ``Inom den tecknar
parterna medborgarlöften``: the documents named after it are part of the one named (or
referred to) after ``inom``."""

RENEWAL = re.compile(
    r"\b(?:förnyas|tas\s+fram|revideras|upprättas|tecknas|tecknades|uppdateras|tas\s+om|"
    r"löper\s+(?:under|över))\b"
)
"""Verbs before a cadence of renewal: ``förnyas vartannat år``, ``tas fram varje år``."""

SINCE = re.compile(r"\bsedan\s+(?:år\s+)?(?P<year>(?:19|20)\d\d)\b")
"""``sedan 2016``: the year a series of documents began."""

# --- Organisations --------------------------------------------------------------------------

DIRECTION = r"(?:Södra|Norra|Östra|Västra|Mellersta|Övre|Nedre|Stora|Lilla|Sydöstra|Nordvästra)"
"""A word of direction that begins a regional name: ``Södra Sagodalens räddningstjänstförbund``."""

POLICE_THROUGH = re.compile(
    r"^\s*Polismyndigheten(?:\s+(?:genom|via|och\s+dess|i)|\s*,|\s*[–-])\s*"
    r"(?=[Ll]okalpolisområde|LPO\b)"
)
"""``Polismyndigheten genom Lokalpolisområde Låtsasvik``, ``För Polismyndigheten, Lokalpolisområde
Låtsasvik``: the authority acting through its police area, which is the party."""

ORGANISATIONS: list[tuple[str, str]] = [
    # (organisation type, pattern; group "name" is the name as written)
    ("kommun", rf"\b(?P<name>{NAME}(?:\s{NAME})?)\s(?P<suffix>kommun|stad)s?\b"),
    (
        "lokalpolisomrade",
        rf"\b(?:[Ll]okalpolisområde(?:t)?|LPO)\s+(?P<name>{NAME}(?:[- ]{NAME})*)",
    ),
    (
        "raddningstjanstforbund",
        rf"\b(?P<name>(?:{DIRECTION}\s)?{NAME}s\s[Rr]äddningstjänstförbund"
        rf"|(?:{DIRECTION}\s)?{NAME}s\s[Bb]randförsvarsförbund"
        rf"|[Rr]äddningstjänstförbundet\s{NAME}|Räddningstjänsten\s{NAME}(?:\s{NAME})?)\b",
    ),
    ("myndighet", r"\b(?P<name>Polismyndighet)(?:en|ens)\b"),
    ("namnd", r"\b(?P<name>[Kk]ommunfullmäktige)(?:s)?\b"),
    ("namnd", r"\b(?P<name>[Kk]ommunstyrelse)(?:n|ns)\b"),
    ("namnd", r"\b(?P<name>[Ff]örbundsdirektion|[Ff]örbundsstyrelse)(?:n|ns)\b"),
    (
        "namnd",
        r"\b(?P<name>(?:[A-ZÅÄÖa-zåäö]+-\s(?:och|&)\s)?[A-ZÅÄÖa-zåäö]{3,}nämnd)(?:en|ens)\b"
        r"|\b(?P<adjective>[A-ZÅÄÖ][a-zåäö]+a)\snämnd(?:en|ens)\b",
    ),
]
"""Organisations: municipalities (``X kommun``, ``X stad``), local police areas (also written
in lower case, ``lokalpolisområde Norra Påhittsdalen``: the name is what counts), rescue-services
federations, the Police Authority, and the municipality's committees and boards (nämnder,
kommunstyrelsen, kommunfullmäktige). Other authorities, companies and associations are not
recorded."""

ORGANISATION_PATTERNS = [(kind, re.compile(pattern)) for kind, pattern in ORGANISATIONS]

NOT_MUNICIPALITY_NAMES = {
    "denna", "varje", "en", "vår", "hela", "vilken", "samma", "annan", "egen", "din", "er",
    "samtliga", "landets", "alla", "den", "det", "i", "för", "och", "med", "av", "till",
    "från", "om", "på", "att", "som", "inom", "mellan", "enligt", "under", "polisen",
    "lokalpolisområde", "lpo",
}  # fmt: skip
"""Capitalised words before ``kommun`` that are not a name (``Denna kommun``, ``I kommun``)."""

ABBREVIATION_AFTER = re.compile(r"^\s*\((?P<abbreviation>[A-ZÅÄÖ]{2,6})\)")
"""``Höglandets Räddningstjänstförbund (HRF)``: the short name written after a name."""

BODY_ABBREVIATIONS = {"kf": "Kommunfullmäktige", "ks": "Kommunstyrelsen"}
"""Short names of bodies in header fields: ``Beslutad av: KF``."""

GENERIC_ACTORS: list[tuple[str, str]] = [
    # (which organisation, how a text names it without its name)
    ("kommun", r"\b(?:[Kk]ommun(?:en|ens)?|[Vv]i\s+i\s+kommunen)\b"),
    (
        "lokalpolisomrade",
        r"\b(?:[Pp]olis(?:en|ens)?|[Ll]okalpolis(?:en|ens)?|[Kk]ommunpolis(?:en)?|"
        r"[Ll]okalpolisområde(?:t|ts)?)\b",
    ),
    ("raddningstjanstforbund", r"\b[Rr]äddningstjänst(?:en|ens|förbundet|förbundets)?\b"),
]
"""Generic names an actor is called by once the text has named it: ``kommunen``, ``polisen``,
``räddningstjänsten``. They stand for the one organisation of that kind the text names."""

MUNICIPAL_ROLES = re.compile(
    r"(?i)\b(?:kommunens\s+|stadens\s+)?(?:brottsförebyggande\s+|trygghets|säkerhets)?"
    r"(?:samordnar(?:e|en|na)|strateg(?:en|er|erna)?)\b"
    r"|\b(?:kommun|stads)direktör(?:en)?\b|\bsamordningsfunktion(?:en)?\b"
)
"""Roles held by the municipality's staff (``trygghetssamordnaren``, ``stadens
säkerhetsstrateg``, ``kommundirektören``): a convener named by role is taken to be the
municipality, with a note for review."""

# --- Groups ---------------------------------------------------------------------------------

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

# --- Parties and signatures -----------------------------------------------------------------

BETWEEN = re.compile(
    r"\bmellan\s+(?P<a>[^.,;]+?)\s+och\s+"
    r"(?P<b>[^.,;]+(?:,\s*(?:[Ll]okalpolisområde|LPO)\b[^.,;]*)?)"
)
"""``en samverkan mellan A och B``, ``Samverkansöverenskommelse mellan A och B``; B may be
``Polismyndigheten, lokalpolisområde Låtsasholm`` (the police area is the party,
``POLICE_THROUGH``)."""

TOGETHER_WITH = re.compile(r"\bi\s+samverkan\s+med\s+(?P<b>[^.,;]+)")
"""``A i samverkan med B``."""

_PARTY_LIST = r"(?P<list>[^.;:()]+?)"
PARTIES_IN_TEXT = [
    # Överenskommelsen har ingåtts mellan A, B, C och D.
    re.compile(
        rf"\bmellan\s+{_PARTY_LIST}(?=\s*(?:[.;:]|$)|,\s*(?:som|vilka|där)\b"
        r"|\s+(?:om|gäller|avseende|kring|inom|under|från|för\s+(?:att|åren|perioden|\d)))"
    ),
    # Lägesbilden har tagits fram av A och B gemensamt, … av A tillsammans med B och C.
    re.compile(
        r"\b(?:tagits|tas|togs|tagit|framtagen|framtaget|framtagna)\s+(?:fram\s+)?"
        r"(?:gemensamt\s+|tillsammans\s+)?av\s+"
        rf"{_PARTY_LIST}(?=\s+(?:gemensamt|under|inom|i\s+samverkan)\b|\s*[.,;:]|$)"
    ),
    # Medborgarlöftet är ett gemensamt åtagande från kommunen och polisen.
    re.compile(
        rf"\bgemensamt\s+åtagande\s+(?:från|mellan|av)\s+{_PARTY_LIST}"
        r"(?=\s+(?:till|för|om|gentemot|mot|i)\b|\s*[.,;:]|$)"
    ),
    # Diktby kommun och polisen i Diktby lovar invånarna att …
    re.compile(
        rf"^\W*{_PARTY_LIST}\s+(?:lovar|åtar\s+sig|förbinder\s+sig|har\s+enats\s+om\s+att)"
        r"\b"
    ),
    # Åtgärdsplanen beskriver vad A och B ska göra …, Planen beskriver hur A och B arbetar …
    re.compile(
        rf"\bbeskriver\s+(?:hur|vad)\s+{_PARTY_LIST}\s+(?:ska|skall|gemensamt|tillsammans|"
        r"arbetar|gör|kommer\s+att)\b"
    ),
]
"""Parties named in a sentence about the document: ``… har ingåtts mellan A, B och C``,
``… har tagits fram av A och B gemensamt`` (or ``av A tillsammans med B``), ``… är ett
gemensamt åtagande från A och B``, ``… beskriver vad A och B ska göra``, and in a promise, ``A
och B lovar …``. Every item of the list must be an organisation (by
name, or ``kommunen``/``polisen`` where the text names one of each), else none is taken."""

SIGNATURE = re.compile(r"^\s*(?:\*\*)?För\s+(?P<who>[^:,]+?)\s*(?:\*\*)?\s*[:,]\s*\S")
"""A signature line: ``För Påhittsvik kommun: Karin Lind, kommunstyrelsens ordförande``."""

# --- Laws, strategies, works cited ----------------------------------------------------------

LAW = re.compile(
    r"(?:\bSFS\s*|\((?:SFS\s*)?|\b[Ll]ag(?:en)?\s+\(?)(?P<number>(?:19[5-9]\d|20\d\d):\d{1,4})\)?"
    r"|\b(?P<msbfs>MSBFS\s*(?:19|20)\d\d:\d{1,3})"
)
"""A law by its SFS number: ``(2003:778)``, ``SFS 2003:778``, ``Lag (2023:196)``, and MSB's
regulations ``MSBFS 2021:1``."""

LAW_NAMES: list[tuple[str, str]] = [
    ("2003:778", r"\b[Ll]ag(?:en)?\s+om\s+skydd\s+mot\s+olyckor\b|\bLSO\b"),
    (
        "2023:196",
        r"\b[Ll]ag(?:en)?\s+om\s+kommuners\s+ansvar\s+för\s+brottsförebyggande\s+arbete\b",
    ),
]
"""Laws recognised by name when the number is not written beside it."""

ACCORDING_TO = re.compile(
    r"\b[Ee]nligt\s+(?:\d+\s*(?:kap\.\s*)?(?:\d+\s*)?§\s+)?(?:[Ll]ag(?:en)?|SFS|LSO)?\s*$"
)
"""``… är kommunens plan enligt lagen om …``, ``… enligt 4 § lagen (2023:196)``: the law that
follows is the legal basis of the document named just before ``enligt``, or else of the
document the sentence is about."""

LAW_AGAIN = re.compile(r"\benligt\s+(?:\d+\s*§\s+)?(?P<law>lagen)\b(?!\s*(?:\(|om\b|\d|[A-ZÅÄÖ]))")
"""``Handlingsplanen är kommunens åtgärdsplan enligt lagen.``: ``lagen`` alone is the law the
paragraph named last."""

LEGAL_BASIS = {"handlingsprogram": "2003:778", "atgardsplan": "2023:196"}
"""Which law requires which kind of document (DOMAIN.md): a document of the type gets the law
as its legal basis when the same paragraph names both."""

STRATEGY = re.compile(
    rf"\b(?P<title>(?:{NAME}s\s+)?[Ss]trategi\s+(?P<year>(?:19|20)\d\d))\b"
    r"|\b(?P<title2>(?:[Nn]ationell|[Rr]egional|[Kk]ommunal|[Rr]egeringens|[Ll]änsstyrelsens)\w*"
    r"\s+strategi(?:n)?\s+(?:för|mot)\s+[\wåäö ,-]+?)(?:\s*\((?P<year2>(?:19|20)\d\d)\))?"
    r"(?=\s*[.,;)]|\s+(?:ska|som|och)\b|$)"
)
"""A named strategy: ``Polismyndighetens Strategi 2024``, ``nationell strategi mot …
(2017)``. A year in parentheses is its year of issue; a year in its name is part of the name."""

REFERENCE_HEADINGS = re.compile(r"(?i)^(?:referenser|källor|källförteckning|litteratur|noter)$")
"""Headings of a list of works cited."""

WORK_FULL = re.compile(
    r"^(?P<authors>[^()\d;]+?)\s*\((?P<year>(?:19|20)\d\d)\)\s*[.:]?\s*(?P<title>[^,]+?)"
    r"(?:,\s*(?P<publisher>[^,]+?))?\s*\.?$"
)
"""``D. Farrington, B Welsh (2007) Saving children from a life of crime, Oxford University
Press``: authors, year, title, publisher."""

WORK_SHORT = re.compile(r"^(?P<authors>[A-ZÅÄÖ][^,;()]*?)\s+\(?(?P<year>(?:19|20)\d\d)\)?\.?$")
"""``Folkhälsomyndigheten 2016``: an author and a year."""

PERSON = re.compile(r"^(?:[A-ZÅÄÖ](?:-[A-ZÅÄÖ])?\.?\s+)+(?P<surname>[A-ZÅÄÖ][\wåäö-]+)$")
"""An author written with initials: ``D. Farrington``, ``A-K Andershed``."""

AUTHOR_SPLIT = re.compile(r"\s*,\s*|\s+(?:och|&|and)\s+")

# --- Goals, areas, activities ---------------------------------------------------------------

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

# --- Method, follow-up, header --------------------------------------------------------------

PHASES: list[tuple[str, str]] = [
    ("planera", r"\bplaner(?:a|ing|ingen)\b"),
    ("genomfora", r"\bgenomför(?:a|ande|andet)\b"),
    ("folja-upp", r"\bfölja\s+upp\b|\buppföljning(?:en)?\b"),
    ("forbattra", r"\bförbättr(?:a|ing|ingen|ingar)\b"),
]
"""The four phases of the work process; a sentence naming at least three lists the process."""

DOMAINS: list[tuple[str, str]] = [
    ("familjen", r"\bfamilj(?:en|er|erna)?\b"),
    (
        "kamratgruppen-fritiden",
        r"\bkamrat(?:er|erna|gruppen|grupp)?(?:/fritid(?:en)?)?\b|\bfritid(?:en)?\b",
    ),
    ("skolan", r"\bskol(?:a|an|or|orna)\b"),
    ("samhallet", r"\b(?:när|lokal)?samhäll(?:e|et)\b"),
    ("individen", r"\bindivid(?:en|er|erna)?\b"),
]
"""The five domains of risk and protective factors; a sentence about risk or protective factors
naming at least three lists the domains."""

FACTOR_WORDS = re.compile(r"(?i)risk|skydd|faktor")

FOLLOW_UP = re.compile(
    r"\b(?:följs\s+upp|följas\s+upp|redovisas|utvärderas|rapporteras|"
    r"uppföljning(?:en)?\s+(?:sker|görs|genomförs))\b"
)
"""Verbs of follow-up: ``redovisas årligen i ett trygghetsbokslut``, ``följs upp per tertial``."""

HEADER_FIELDS: list[tuple[str, str]] = [
    ("handlaggare", r"Handläggare|Ansvarig\s+handläggare"),
    ("reviewed_by", r"Granskad\s+av|Granskare"),
    ("decision.by", r"Beslutad\s+av|Fastställd\s+av|Antagen\s+av|Beslutsinstans|Beslutande"),
    ("decision.date", r"Datum\s+för\s+beslut|Beslutsdatum|Fastställd\s+den|Antagen\s+den"),
]
"""Header fields of a governing document and the input-format field each fills."""

HEADER_LINE = re.compile(
    r"^[\s*#|>]*(?P<label>"
    + "|".join(f"(?P<f{n}>{p})" for n, (_, p) in enumerate(HEADER_FIELDS))
    + r")[\s*]*(?::|\||\t|\s*$)[\s*|:]*(?P<value>.*?)[\s*|]*$",
    re.IGNORECASE,
)
"""A header field line: ``Handläggare:``, ``**Beslutad av:** Kommunstyrelsen``,
``| Datum för beslut | 14 december 2020 |``."""

DECISION_SENTENCE = re.compile(
    r"\b(?:antogs|antagen|antagits|beslutades|beslutad|beslutats|fastställdes|fastställd|"
    r"godkändes|godkänd|godkänts)"
    r"\s+(?:av|i)\s+(?P<body>[^.,;]+?)(?:\s+(?:den\s+)?(?P<date>\d{4}-\d\d-\d\d|[0-3]?\d\s+\w+\s+\d{4}))?"
    r"(?=\s*[.,;(§]|\s+och\b|$)"
)
"""``Planen antogs av kommunfullmäktige den 14 december 2020``, ``Lägesbilden godkändes av
kommunstyrelsen den 12 januari 2026``."""

PURPOSE = re.compile(
    r"\b[Ss]yftet\s+med\s+[^.]*?\s+är\s+(?P<text>att\s+[^.(]+?)\s*(?:\([^)]*\))?\s*\.?$"
)
"""``Det övergripande syftet med planen … är att …``."""

MUNICIPALITY_CODE = re.compile(
    r"(?i)\b(?:kommunkod(?:en)?|kommunnummer|kommun-?kod|SCB-kod)\s*:?\s*(?P<code>\d{4})\b"
)
"""A municipality code written in the text: ``Kommunkod: 0685``."""
