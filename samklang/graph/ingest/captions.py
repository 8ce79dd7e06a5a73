"""The parts of a text about another document: an appendix captioned ``Bilaga 1.
Handlingsprogram …`` runs to the next heading, and what it says (a decision, priorities) is that
document's, not the plan's (``header.py``, ``goals.py`` ask here)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from samklang.graph.ingest import patterns as pat
from samklang.graph.ingest.decisions import read_decision_line
from samklang.graph.ingest.layout import clean
from samklang.graph.ingest.mentions import document_for
from samklang.graph.ingest.model import Entity

if TYPE_CHECKING:
    from samklang.graph.ingest.reader import Reader

class CaptionScopes:
    """The parts of the text about another document (``caption_scopes``), and the document of
    each line in one (the first part that holds it), found once: a line is looked up in a
    dictionary, not in every part (a plan may have a hundred appendices)."""

    def __init__(self, parts: list[tuple[int, int, Entity]]) -> None:
        self.parts = parts
        self.by_line: dict[int, Entity] = {}
        for first, last, doc in parts:
            for number in range(first, last + 1):
                self.by_line.setdefault(number, doc)


def caption_scopes(reader: Reader) -> CaptionScopes:
    """The parts of the text about another document: ``(first line, last line, document)``.

    Such a part begins with a line of its own (a heading, or a short line after a blank line)
    that begins with ``Bilaga N`` or the like (``CAPTION``) and then names a document other
    than this one: ``Bilaga 1. Handlingsprogram för trygghet och säkerhet 2024–2027
    (sammanfattning)``. It runs to the next heading. What it says (a decision, priorities,
    goal areas) is that document's, not this one's.
    """
    scopes = []
    kinds = reader.layout.kinds
    for line in reader.source.lines:
        kind = kinds[line.number]
        if line.number == reader.title_line or kind not in ("heading", "text"):
            continue
        if kind == "text" and (
            kinds.get(line.number - 1) not in ("blank", "heading", None) or len(line.text) > 160
        ):
            continue
        body = clean(line.text)
        head = pat.CAPTION.match(body)
        m = pat.DOCUMENT_MENTION.match(body, head.end()) if head else None
        if m is None:
            continue
        doc = document_for(reader, m, body)
        if doc is None or doc is reader.own:
            continue
        last = line.number
        while last + 1 <= len(kinds) and (
            kinds[last + 1] != "heading" or _field_line(reader.layout.line(last + 1).text)
        ):
            last += 1
        scopes.append((line.number, last, doc))
    return CaptionScopes(scopes)


def _field_line(text: str) -> bool:
    """A short line of a decision or header field (``Fastställt av kommunfullmäktige
    2023-10-02``), which a caption's part runs on past even when it looks like a heading."""
    return read_decision_line(text) is not None or pat.HEADER_LINE.match(text) is not None


def caption_document(scopes: CaptionScopes, number: int) -> Entity | None:
    """The other document line ``number`` is in a part about (``caption_scopes``), if any."""
    return scopes.by_line.get(number)
