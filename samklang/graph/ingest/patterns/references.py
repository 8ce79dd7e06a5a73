"""Laws, strategies and works cited."""

from __future__ import annotations

import re

from samklang.graph.ingest.patterns.words import NAME

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
