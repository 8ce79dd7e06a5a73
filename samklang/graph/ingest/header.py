"""Header fields: who handled and reviewed the document, and who decided it when.

Each field of ``HEADER_FIELDS`` (``Handläggare:``, ``Beslutad av:``, ``| Datum för beslut |
…``) is shown, filled or empty. A decision may also stand on a line of its own
(``decisions.py``), or, where the header gives none, in a sentence about the document
(``Planen antogs av kommunfullmäktige den …``, ``DECISION_SENTENCE``). A decision in a part
of the text about another document (an appendix, ``captions.caption_scopes``) is that
document's. The deciding body is an organisation: one already found, a nämnd by its
abbreviation (``KS``), or a new one marked for review.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from samklang.graph.ingest import patterns as pat
from samklang.graph.ingest.actors import resolve_actor
from samklang.graph.ingest.captions import caption_document, caption_scopes
from samklang.graph.ingest.decisions import DecisionLine, read_decision_line
from samklang.graph.ingest.mentions import sentence_subject
from samklang.graph.ingest.model import Entity, Evidence
from samklang.graph.ingest.periods import read_date

if TYPE_CHECKING:
    from samklang.graph.ingest.reader import Reader


def read_header(reader: Reader) -> None:
    """Header fields (``HEADER_FIELDS``): each one shown, filled or empty. Where the header
    gives no decision, a sentence such as ``Planen antogs av kommunfullmäktige den …``
    (``DECISION_SENTENCE``) does."""
    seen: set[str] = set()
    scopes = caption_scopes(reader)
    for line in reader.source.lines:
        if reader.in_notes(line.start):
            continue
        other = caption_document(scopes, line.number)
        if (decided := read_decision_line(line.text)) is not None:
            if other is not None:  # "Bilaga 1. Handlingsprogram …" / "Fastställt av …"
                _other_decision(reader, other, line.start, line.text, decided)
                continue
            for name, where in (("decision.by", decided.body), ("decision.date", decided.date)):
                if where is None or name in seen:
                    continue
                seen.add(name)
                evidence = reader.ev(line.start + where[0], line.start + where[1])
                _header_value(reader, name, line.text[where[0] : where[1]], evidence, evidence)
            continue
        m = pat.HEADER_LINE.match(line.text)
        if m is None or other is not None:
            continue
        name = next(pat.HEADER_FIELDS[n][0] for n in range(len(pat.HEADER_FIELDS)) if m[f"f{n}"])
        if name in seen:
            continue
        seen.add(name)
        value = m["value"].strip()
        label = reader.ev(line.start + m.start("label"), line.start + m.end("label"))
        if not value:
            reader.own.empty[name] = reader.ev(line.start, line.end)
            continue
        evidence = reader.ev(
            line.start + m.start("value"),
            line.start + m.start("value") + len(m["value"].rstrip()),
        )
        _header_value(reader, name, value, evidence, label)
    if "decision.by" in seen or "decision.date" in seen:
        return
    for span, sentence in reader.sentences():
        for m in pat.DECISION_SENTENCE.finditer(sentence):
            subject = sentence_subject(reader, sentence, m.start())
            if subject is not reader.own:
                continue
            body = reader.ev(span.start + m.start("body"), span.start + m.end("body"))
            _header_value(reader, "decision.by", m["body"], body, body)
            if m["date"]:
                when = reader.ev(span.start + m.start("date"), span.start + m.end("date"))
                _header_value(reader, "decision.date", m["date"], when, when)
            return


def _other_decision(
    reader: Reader, doc: Entity, start: int, text: str, decided: DecisionLine
) -> None:
    """A decision line in a part of the text about another document (``caption_scopes``):
    that document's decision, not this one's."""
    if decided.body is not None and "decision.by" not in doc.facts:
        body_text = text[decided.body[0] : decided.body[1]]
        evidence = reader.ev(start + decided.body[0], start + decided.body[1])
        body, _ = resolve_actor(reader, evidence.start, body_text)
        if body is not None:
            doc.set("decision.by", body, evidence)
    if decided.date is not None and "decision.date" not in doc.facts:
        evidence = reader.ev(start + decided.date[0], start + decided.date[1])
        day = read_date(text[decided.date[0] : decided.date[1]])
        if day is not None:
            doc.set("decision.date", day, evidence)


def _header_value(
    reader: Reader, name: str, value: str, evidence: Evidence, label: Evidence
) -> None:
    if name in ("handlaggare", "reviewed_by"):
        reader.own.set(name, value, evidence)
        return
    if name == "decision.date":
        day = read_date(re.split(r"[,;(§]", value)[0])
        if day is None:
            reader.own.review.append(
                f"beslutsdatumet ”{value}” ({evidence.comment()}) är inte ett datum som "
                "kan läsas; skriv det som ÅÅÅÅ-MM-DD"
            )
            return
        reader.own.set(name, day, evidence)
        return
    body, _ = resolve_actor(reader, evidence.start, value)
    if body is None and value.strip().lower() in pat.BODY_ABBREVIATIONS:
        full = pat.BODY_ABBREVIATIONS[value.strip().lower()]
        body, made = reader.entity("organisations", full.lower())
        if made:
            body.set("name", full, evidence)
            body.set("type", "namnd", None)
            body.set("part_of", reader.municipality, None)
    if body is None:
        body, made = reader.entity("organisations", value.lower())
        if made:
            body.set("name", value, evidence)
            body.set("type", "organisation", None)
            body.review.append(
                f"beslutande organ ”{value}” är inte en känd sorts organisation; ange typ"
            )
    reader.own.set(name, body, evidence)
