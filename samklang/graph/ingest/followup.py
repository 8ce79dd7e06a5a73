"""Follow-up written in the active voice, and cadences a follow-up sentence implies.

The passive verbs (``följs upp``, ``redovisas``) are ``FOLLOW_UP`` in ``patterns.py``. Here:
``Rådet följer upp arbetet varje kvartal``, ``Vi följer upp löftena två gånger per år``,
``Arbetet återrapporteras till kommunstyrelsen i oktober``, ``Styrgruppen utvärderar planen
årligen``. A cadence may be implied rather than named: ``i samband med bokslutet`` or
``årsredovisningen`` (once a year), ``i oktober`` or ``varje höst`` (a month or season named
once: once a year), ``i samband med delårsrapporten och bokslutet`` (twice a year).
"""

from __future__ import annotations

import re

ACTIVE_FOLLOW_UP = re.compile(
    r"\b(?:följer|följde)\s+(?:\w+\s+){0,2}?upp\b"
    r"|\båterrapporter(?:as|ar|ades)\b"
    r"|\butvärderar\b"
    r"|\b(?:gör|genomför)\s+(?:\w+\s+)?uppföljning(?:en)?\b"
    r"|\b[Uu]ppföljning(?:en)?\s+(?:av\s+[^.]*?\s+)?(?:sker|görs|genomförs)\b"
)
"""A verb of follow-up in the active voice (or with its noun): ``följer upp``, ``följer vi
upp``, ``återrapporteras``, ``utvärderar``, ``Uppföljning av löftena görs``."""

_MONTH = (
    r"(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)"
)

IMPLIED_CADENCES: list[tuple[str, re.Pattern[str]]] = [
    (
        "P6M",
        re.compile(
            r"(?i)\b(?:delårsrapport(?:en)?|delårsbokslut(?:et)?)\s+och\s+(?:års)?(?:bokslut(?:et)?"
            r"|årsredovisning(?:en)?)\b|\bvarje\s+vår\s+och\s+höst\b"
        ),
    ),
    (
        "P1Y",
        re.compile(
            r"(?i)\bi\s+samband\s+med\s+(?:kommunens\s+)?(?:års)?(?:bokslut(?:et)?"
            r"|årsredovisning(?:en)?|verksamhetsberättelse(?:n)?)\b"
            rf"|\b(?:i|under|varje|senast\s+i)\s+{_MONTH}\b(?!\s+(?:19|20)\d\d)"
            r"|\bvarje\s+(?:höst|vår)\b"
        ),
    ),
]
"""Cadences implied by when a follow-up is made, as ISO 8601 durations; the first that fits
wins."""


def implied_cadence(sentence: str, start: int = 0) -> tuple[str, re.Match[str]] | None:
    """The cadence a follow-up sentence implies from ``start`` on, and where, else ``None``.

    >>> implied_cadence("Uppföljning görs i samband med bokslutet.")[0]
    'P1Y'
    """
    for duration, pattern in IMPLIED_CADENCES:
        if m := pattern.search(sentence, start):
            return duration, m
    return None
