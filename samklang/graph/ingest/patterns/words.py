"""Words: names, numbers written out."""

from __future__ import annotations

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
