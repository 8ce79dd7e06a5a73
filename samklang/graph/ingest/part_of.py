"""Which document contains which (``PART_OF``: ``X är en del av Y``, ``X ingår i Y``;
``WITHIN``: ``Inom ramen för samverkansöverenskommelsen tecknas medborgarlöften``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from samklang.graph.ingest import patterns as pat
from samklang.graph.ingest.layout import Span
from samklang.graph.ingest.literals import gate
from samklang.graph.ingest.mentions import (
    document_at,
    document_for,
    own_reference,
    previous_sentence,
    sentence_subject,
    type_of,
)
from samklang.graph.ingest.model import Entity
from samklang.graph.ingest.series import series_entity

if TYPE_CHECKING:
    from samklang.graph.ingest.reader import Reader

def read_part_of(reader: Reader) -> None:
    """``X är en del av Y``, ``X ingår i Y``, ``X är en förlängning av Y`` (``PART_OF``)."""
    words = gate((pat.PART_OF, pat.WITHIN))
    for span, sentence, lowered in reader.sentences_lowered():
        if words is not None and not words.search(lowered):
            continue  # neither can match (literals.py)
        _read_within(reader, span, sentence)
        for link in pat.PART_OF.finditer(sentence):
            child = _child_before(reader, sentence, link.start())
            if child is None and re.search(r"\boch\s*$", sentence[: link.start()]):
                # "Löftet gäller 2025 och är en del av …": the subject of the sentence
                child = sentence_subject(reader, sentence, link.start())
            parent = document_at(reader, span.start + link.end(), sentence[link.end() :])
            if child is None or parent is None or child is parent:
                continue
            evidence = reader.ev(span.start, span.end)
            if child.get("type") == "medborgarlofte" and child is not reader.own:
                series = series_entity(reader, "medborgarlofte", "Medborgarlöfte", evidence)
                series.set("part_of", parent, evidence)
                for e in reader.documents:
                    if e.section == "documents" and e.get("type") == "medborgarlofte":
                        e.set("part_of", parent, evidence)
                continue
            child.set("part_of", parent, evidence)
            if child is reader.own and child.get("type") == "medborgarlofte":
                for e in reader.documents:
                    if e.section == "series" and e.get("type") == "medborgarlofte":
                        e.set("part_of", parent, evidence)


def _read_within(reader: Reader, span: Span, sentence: str) -> None:
    """``Inom ramen för samverkansöverenskommelsen tecknas medborgarlöften``, ``Inom den
    tecknar parterna medborgarlöften`` (``WITHIN``): the documents named in the clause are
    part of the one named after ``inom``, or of what the sentence before was about."""
    for m in pat.WITHIN.finditer(sentence):
        named = m["parent"]
        if named.lower() in ("den", "denna", "detta", "det"):
            previous = previous_sentence(reader, sentence)
            parent = sentence_subject(reader, previous, len(previous)) if previous else None
        else:
            parent = document_at(reader, span.start + m.start("parent"), named)
        if parent is None or parent.section != "documents":
            continue
        clause = sentence[m.end() :].split(";")[0]
        evidence = reader.ev(span.start, span.end)
        for child in pat.DOCUMENT_MENTION.finditer(clause):
            if type_of(child) == "medborgarlofte" and reader.own.get("type") != "medborgarlofte":
                series = series_entity(reader, "medborgarlofte", "Medborgarlöfte", evidence)
                if series is not parent:
                    series.set("part_of", parent, evidence)
                continue
            found = document_for(reader, child, clause)
            if found is not None and found is not parent:
                found.set("part_of", parent, evidence)


def _child_before(reader: Reader, sentence: str, end: int) -> Entity | None:
    head = sentence[:end]
    mentions = list(pat.DOCUMENT_MENTION.finditer(head))
    if mentions and not head[mentions[-1].end() :].strip():
        m = mentions[-1]
        if type_of(m) == "medborgarlofte" and reader.own.get("type") != "medborgarlofte":
            return (
                series_entity(reader, "medborgarlofte", "Medborgarlöfte", reader.ev(0, 0))
                if any(e.section == "series" for e in reader.documents)
                else document_for(reader, m, sentence)
                or series_entity(reader, "medborgarlofte", "Medborgarlöfte", reader.ev(0, 0))
            )
        return document_for(reader, m, sentence)
    own = list(own_reference(reader).finditer(head))
    if own and not head[own[-1].end() :].strip():
        return reader.own
    return None
