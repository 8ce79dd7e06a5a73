"""The parties to a document, and its signatories.

Parties are named ``mellan A och B`` (``BETWEEN``) or ``A i samverkan med B``
(``TOGETHER_WITH``) in the document's title or in a sentence about it, or on a line under the
title naming only organisations. Signatories are read from the signature lines
(``signatures.py``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from samklang.graph.ingest import patterns as pat
from samklang.graph.ingest.actors import resolve_actor
from samklang.graph.ingest.documents import own_reference, sentence_subject, type_of
from samklang.graph.ingest.organisations import organisations_in, organisations_of
from samklang.graph.ingest.signatures import read_signatures

if TYPE_CHECKING:
    from samklang.graph.ingest.reader import Reader


def read_parties(reader: Reader) -> None:
    """Parties: ``mellan A och B`` (``BETWEEN``) and ``A i samverkan med B``
    (``TOGETHER_WITH``) in the document's title or in a sentence about it, or a line under
    the title naming only organisations; signatories from signature lines
    (``SIGNATURE``)."""
    head_end = reader.title_line + 3
    for span, sentence in reader.sentences():
        number = reader.source.line_of(span.start)
        about_own = number <= head_end or _is_about_own(reader, sentence)
        if not about_own:
            continue
        for m in pat.BETWEEN.finditer(sentence):
            before = sentence[: m.start()]
            mentions = list(pat.DOCUMENT_MENTION.finditer(before))
            if mentions and type_of(mentions[-1]) != reader.own.get("type"):
                continue
            for group in ("a", "b"):
                _party(reader, span.start + m.start(group), m[group])
        for m in pat.TOGETHER_WITH.finditer(sentence):
            before = sentence[: m.start()]
            _party(reader, span.start, before)
            _party(reader, span.start + m.start("b"), m["b"])
    for number in range(reader.title_line + 1, min(head_end, len(reader.layout.kinds)) + 1):
        line = reader.layout.line(number)
        if reader.layout.kinds[number] not in ("heading", "text") or not line.text.strip():
            continue
        rest = line.text
        found = organisations_in(reader, line.start, line.text, register=False)
        for _, s in found:
            rest = rest.replace(reader.text[s.start : s.end], "")
        if found and not re.sub(r"\b(?:och|samt|i\s+samverkan\s+med)\b|[,&]", "", rest).strip():
            for entity, s in found:
                reader.own.add("parties", entity, reader.ev(s.start, s.end))
    read_signatures(reader)
    if "signed_by" in reader.own.facts:
        reader.own.review.append(
            "undertecknare är lästa ur underskriftsraderna; kontrollera i originalet att "
            "dokumentet verkligen är undertecknat"
        )


def _is_about_own(reader: Reader, sentence: str) -> bool:
    return (
        bool(own_reference(reader).search(sentence))
        and sentence_subject(reader, sentence, len(sentence)) is reader.own
    )


def _party(reader: Reader, offset: int, text: str) -> None:
    who, _ = resolve_actor(reader, offset, text)
    if who is None:
        for kind, pattern in pat.GENERIC_ACTORS:
            if re.match(pattern + r"\s*$", text.strip()):
                candidates = organisations_of(reader, kind)
                who = candidates[0] if len(candidates) == 1 else None
    if who is not None and who.section in ("municipality", "organisations"):
        stripped = text.strip()
        at = offset + text.index(stripped) if stripped else offset
        reader.own.add("parties", who, reader.ev(at, at + min(len(stripped), 60)))
