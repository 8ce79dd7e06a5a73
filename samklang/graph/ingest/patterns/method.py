"""Method, follow-up and the header: purpose, phases, cadences, follow-up, decision lines."""

from __future__ import annotations

import re

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
