"""Follow-up: how often a document is followed up, and in what kind of report.

A sentence with a verb of follow-up and a cadence sets the follow-up of the document it is
about (``read_follow_up``); a trygghetsbokslut named in it is the kind of report. The passive
verbs (``följs upp``, ``redovisas``) are ``FOLLOW_UP`` in ``patterns.py``; the active voice is
here: ``Rådet följer upp arbetet varje kvartal``, ``Vi följer upp löftena två gånger per år``,
``Arbetet återrapporteras till kommunstyrelsen i oktober``, ``Styrgruppen utvärderar planen
årligen``. A cadence may be implied rather than named: ``i samband med bokslutet`` or
``årsredovisningen`` (once a year), ``i oktober`` or ``varje höst`` (a month or season named
once: once a year), ``i samband med delårsrapporten och bokslutet`` (twice a year).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from samklang.graph.ingest import patterns as pat
from samklang.graph.ingest.documents import sentence_subject, type_of
from samklang.graph.ingest.groups import groups_in
from samklang.graph.ingest.periods import CADENCE, cadence_of

if TYPE_CHECKING:
    from samklang.graph.ingest.reader import Reader

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


def read_follow_up(reader: Reader) -> None:
    """Follow-up: a sentence with a verb of follow-up (``FOLLOW_UP``) and a cadence; a
    trygghetsbokslut named in it is the kind of report. The first such sentence about a
    document sets its follow-up; later ones go into its note."""
    for span, sentence in reader.sentences():
        verb = pat.FOLLOW_UP.search(sentence)
        active = ACTIVE_FOLLOW_UP.search(sentence)
        if verb is None or (active is not None and active.start() < verb.start()):
            verb = active
        if verb is None:
            continue
        # A group before a passive verb is what is followed up (its work), not the
        # document; a group before an active verb is who follows the document up.
        if verb is not active and groups_in(reader, span.start, sentence[: verb.start()]):
            continue
        found = CADENCE.search(sentence, verb.end()) or CADENCE.search(sentence[: verb.start()])
        cadence: tuple[str, re.Match[str]] | None = (
            (cadence_of(found), found) if found is not None else implied_cadence(sentence)
        )
        subject = sentence_subject(reader, sentence, verb.start())
        if (
            subject is None
            or subject.section != "documents"
            or subject.get("type") == "trygghetsbokslut"
        ):
            subject = reader.own
        report = next(
            (
                m
                for m in pat.DOCUMENT_MENTION.finditer(sentence)
                if type_of(m) == "trygghetsbokslut"
            ),
            None,
        )
        if cadence is None and report is None:
            continue
        evidence = reader.ev(span.start, span.end)
        if "follow_up.cadence" in subject.facts or "follow_up.document_type" in subject.facts:
            subject.notes.append(f"Uppföljning också: {sentence.strip()} (rad {evidence.lines})")
            continue
        if cadence is not None:
            duration, where = cadence
            subject.set(
                "follow_up.cadence",
                duration,
                reader.ev(span.start + where.start(), span.start + where.end()),
            )
        if report is not None:
            subject.set(
                "follow_up.document_type",
                "trygghetsbokslut",
                reader.ev(span.start + report.start(), span.start + report.end()),
            )
