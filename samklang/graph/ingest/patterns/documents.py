"""Documents: their types, mentions, own references, periods, parts and series."""

from __future__ import annotations

import functools
import re

from samklang.graph.ingest.patterns.words import NAME

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
