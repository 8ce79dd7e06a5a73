"""Series of documents renewed at a cadence (``RENEWAL``: ``Medborgarlöftet förnyas varje
år``) and since when (``SINCE``); each document belongs to the series of its type."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from samklang.graph.ingest import patterns as pat
from samklang.graph.ingest.mentions import document_for, document_mentions, own_reference, type_of
from samklang.graph.ingest.model import Entity, Evidence
from samklang.graph.ingest.periods import CADENCE, cadence_of
from samklang.graph.ingest.titles import TYPE_WORDS

if TYPE_CHECKING:
    from samklang.graph.ingest.reader import Reader

def series_entity(reader: Reader, doc_type: str, title: str, evidence: Evidence) -> Entity:
    """The series of documents of ``doc_type``, made if new."""
    entity, made = reader.entity("series", doc_type)
    if made:
        entity.set(
            "title",
            TYPE_WORDS[doc_type] if doc_type != "brottsforebyggande-plan" else title,
            evidence,
        )
        entity.set("type", doc_type, evidence)
    return entity


def read_cadences(reader: Reader) -> None:
    """How often a kind of document is renewed (``RENEWAL`` + a cadence) and since when
    (``SINCE``): a series for medborgarlöften, a note for other documents."""
    for span, sentence in reader.sentences():
        renewals = list(pat.RENEWAL.finditer(sentence))
        since = list(pat.SINCE.finditer(sentence))
        if not renewals and not since:
            continue  # most sentences: spare looking for documents
        mentions = list(pat.DOCUMENT_MENTION.finditer(sentence))
        own_ref = own_reference(reader).search(sentence)
        for verb in renewals:
            c = CADENCE.search(sentence, verb.end())
            if c is None or c.start() - verb.end() > 30:
                continue
            subject = mentions[0] if mentions else None
            for m in mentions:  # "… medborgarlöftena, som tas fram varje år": that one
                if m.end() <= verb.start() and re.fullmatch(
                    r"\s*,?\s*som\s+", sentence[m.end() : verb.start()]
                ):
                    subject = m
            doc_type = type_of(subject) if subject else None
            promises = re.match(
                r"\W*(?:[Ll]öftet|[Ll]öftena|[Vv]åra\s+löften|"
                r"(?:[Ee]tt\s+nytt|[Nn]ästa|[Nn]ya)\s+löften?)\b",
                sentence,
            )
            if doc_type is None and (
                own_ref is not None
                or (  # "Löftena förnyas varje år" in a medborgarlöfte
                    reader.own.get("type") == "medborgarlofte" and promises
                )
            ):
                doc_type = reader.own.get("type")
            elif doc_type is None and promises and _names_promises(reader):
                doc_type = "medborgarlofte"  # "Löftena förnyas …" in a text about medborgarlöften
            if doc_type is None:
                continue
            evidence = reader.ev(span.start + verb.start(), span.start + c.end())
            if doc_type == "medborgarlofte":
                series = series_entity(reader, doc_type, "Medborgarlöfte", evidence)
                series.set("cadence", cadence_of(c), evidence)
            elif subject is None or document_for(reader, subject, sentence) is reader.own:
                reader.own.notes.append(
                    f"{sentence[verb.start() : c.end()].strip().capitalize()} "
                    f"(rad {evidence.lines})."
                )
        for m in since:
            first = mentions[0] if mentions else None
            if first is not None and type_of(first) == "medborgarlofte":
                series = series_entity(reader, "medborgarlofte", "Medborgarlöfte", reader.ev(0, 0))
                series.set(
                    "since",
                    int(m["year"]),
                    reader.ev(span.start + m.start(), span.start + m.end()),
                )
    for series in reader.documents:
        if series.section == "series" and "cadence" not in series.facts:
            series.review.append("hur ofta en ny kommer står inte i texten")


def _names_promises(reader: Reader) -> bool:
    """Whether the text names medborgarlöften (so ``löftena`` are those)."""
    return any(type_of(m) == "medborgarlofte" for _, _, m in document_mentions(reader))


def link_series(reader: Reader) -> None:
    """Each document belongs to the series of its type, once the whole text is read."""
    series = [e for e in reader.documents if e.section == "series"]
    for doc in [e for e in reader.documents if e.section == "documents"]:
        same = [s for s in series if s.get("type") == doc.get("type")]
        if same:
            doc.set("series", same[0], None)
