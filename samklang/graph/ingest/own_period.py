"""The document's own period: in its title (``titles.py``), a header field
(``PERIOD_FIELD``), or a sentence about it (``PERIOD_VERB``); a start with no end (``fr.o.m.
2024 och tills vidare``) is kept as such, never given an invented end."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from samklang.graph.ingest import patterns as pat
from samklang.graph.ingest.literals import might_match
from samklang.graph.ingest.mentions import mention_before, sentence_subject
from samklang.graph.ingest.model import Entity, Evidence
from samklang.graph.ingest.periods import (
    OPEN_START,
    PERIOD,
    OpenPeriod,
    Period,
    open_period_of,
    period_of,
    year_period,
)

if TYPE_CHECKING:
    from samklang.graph.ingest.reader import Reader

def read_own_period(reader: Reader) -> None:
    """The document's own period: in its title, a header field (``PERIOD_FIELD``), or a
    sentence about it (``PERIOD_VERB``)."""
    candidates: list[tuple[Period, Evidence]] = []
    if reader.own_period:
        candidates.append(reader.own_period)
    for line in reader.source.lines[:60]:
        if m := pat.PERIOD_FIELD.match(line.text):
            if (p := PERIOD.search(line.text, m.end())) and (found := period_of(p)):
                candidates.append((found, reader.ev(line.start + p.start(), line.start + p.end())))
    for span, sentence, lowered in reader.sentences_lowered():
        if not might_match(pat.PERIOD_VERB, lowered):
            continue  # no verb of validity in it (literals.py)
        for verb in pat.PERIOD_VERB.finditer(sentence):
            p = PERIOD.match(sentence, verb.end())
            found = period_of(p) if p is not None else None
            if found is None:  # "Medborgarlöftet gäller under 2025 (och 2026)."
                p, found = years_after(sentence, verb.end())
            if p is None or found is None:
                continue
            subject = sentence_subject(reader, sentence, verb.start())
            if re.match(r"(?i)(?:för|under)\b", verb.group(0)):
                # no verb ("… Handlingsprogram för trygghet för åren 2024–2027"): the period
                # is the document's named just before, if one is
                named, before = mention_before(reader, sentence, verb.start())
                subject = before if named else subject
            if subject is not reader.own:
                continue
            candidates.append((found, reader.ev(span.start + p.start(), span.start + p.end())))
    if not candidates:
        if reader.own.get("period") is None:
            opened = _own_open_period(reader)
            if opened is not None:
                mark_open_period(reader.own, *opened)
                return
            reader.own.review.append("dokumentets period står inte i texten")
            reader.own.doubt("period")
        return
    # Exact dates win over whole years when they agree on the years.
    best = max(
        candidates,
        key=lambda c: (c[0].as_yaml().count("/"), -candidates.index(c)),
    )
    reader.own.set("period", best[0], best[1])
    for other, evidence in candidates:
        if other.years != best[0].years:
            reader.own.review.append(
                f"texten anger också perioden {other.as_yaml()} ({evidence.comment()}); "
                f"utkastet använder {best[0].as_yaml()}"
            )


YEARS_AFTER = re.compile(
    r"(?:år\s+)?(?P<year>(?:19|20)\d\d)\b(?![-–/]\d)(?:\s+och\s+(?P<next>(?:19|20)\d\d)\b)?"
)
"""After a verb of validity, a year (``gäller under 2025``) or two following years joined by
``och`` (``gäller under 2025 och 2026``)."""


def years_after(sentence: str, at: int) -> tuple[re.Match[str] | None, Period | None]:
    """The year, or two following years, a sentence states at ``at`` (``YEARS_AFTER``)."""
    m = YEARS_AFTER.match(sentence, at)
    if m is None:
        return None, None
    if m["next"] and int(m["next"]) == int(m["year"]) + 1:
        return m, Period(year_period(m["year"]).start, year_period(m["next"]).end)
    if m["next"]:  # "2020 och 2023": two years, not a period
        return None, None
    return m, year_period(m["year"])


def _own_open_period(reader: Reader) -> tuple[OpenPeriod, Evidence] | None:
    """A start with no end for the document itself: a field (``Giltighetstid: fr.o.m.
    2024-01-01``) or a sentence about it (``Planen gäller från och med 2024 och tills
    vidare``)."""
    for line in reader.source.lines[:60]:
        if m := pat.PERIOD_FIELD.match(line.text):
            if (o := OPEN_START.search(line.text, m.end())) and (found := open_period_of(o)):
                return found, reader.ev(line.start + o.start(), line.start + o.end())
    for span, sentence, lowered in reader.sentences_lowered():
        if not might_match(pat.PERIOD_VERB, lowered):
            continue  # no verb of validity in it (literals.py)
        for verb in pat.PERIOD_VERB.finditer(sentence):
            o = OPEN_START.match(sentence, verb.end())
            if o is None or (found := open_period_of(o)) is None:
                continue
            if sentence_subject(reader, sentence, verb.start()) is reader.own:
                return found, reader.ev(span.start + o.start(), span.start + o.end())
    return None


def mark_open_period(entity: Entity, period: OpenPeriod, evidence: Evidence) -> None:
    """A document that runs from a start with no end: the input format's ``period`` cannot
    say so, so the start is kept (``period_from``, written in the note), ``period`` is left
    out and marked for review, and no end year is invented (docs/decisions/0009-open-periods.md)."""
    entity.set("period_from", period.start, evidence)
    entity.review[:] = [r for r in entity.review if "står inte i texten" not in r]
    entity.review.append(
        f"texten anger att dokumentet gäller från och med {period.words()} utan slut "
        f"({evidence.comment()}); en öppen period kan inte skrivas i period, som därför är "
        "tom: skriv slutet om det finns ett"
    )
    entity.notes.append(
        f"Gäller från och med {period.words()}, tills vidare (rad {evidence.lines})."
    )
    entity.doubt("period")
