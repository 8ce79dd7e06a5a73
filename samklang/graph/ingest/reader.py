"""What one reading of a document shares: its text and layout, the entities found so far, and
the helpers every kind of fact is read with.

The modules that read one kind of fact each (``organisations.py``, ``groups.py``,
``titles.py``…) are functions of a :class:`Reader`; ``extract.py`` runs them in order, so
that later ones find what earlier ones read. Besides the entities, a reader remembers a few
findings later rules need: the municipality and the document itself (``own``), the line of
the document's title, the groups defined by name, the last goal area named.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from samklang.graph.ingest import patterns as pat
from samklang.graph.ingest.columns import Cell, Table, read_tables
from samklang.graph.ingest.layout import Layout, Span, clean, read_layout
from samklang.graph.ingest.model import Entity, Evidence
from samklang.graph.ingest.named_groups import NamedGroup
from samklang.graph.ingest.periods import Period
from samklang.graph.ingest.text import SourceText

DOCUMENT_SECTIONS = ("documents", "series")
"""The sections of documents and series of them (a record never moves out of them)."""


class Reader:
    """One reading of a document.

    Attributes:
        source: the document's text.
        layout: its headings, items, rows and sentences.
        text: the text itself.
        entities: every entity found, in the order found.
        by_key: the same, by section and key.
        documents: the entities of sections ``documents`` and ``series``, in the order found
            (a mention is looked up among them for every sentence: ``mentions.py``).
        review: points for the reviewer about the document as a whole.
        body: the sentences before the footnotes.
        municipality: the plan's own municipality (``organisations.py``).
        own: the document itself (``titles.py``).
        own_period: the period its title states, with its evidence, if it states one.
        title_line: the number of the line holding its title.
        steering_words: offsets of the word ``styrgrupp`` where a sentence says a group is one.
        named_groups: the groups defined by name and abbreviation (``named_groups.py``).
        named_group_entities: their entities, in the same order.
        record_activities: the activity of each table record, by the record's first line.
        last_goal_area: the goal area named last (``goals.py``).
    """

    municipality: Entity
    own: Entity
    own_period: tuple[Period, Evidence] | None
    title_line: int
    last_goal_area: Entity | None

    def __init__(self, source: SourceText) -> None:
        self.source = source
        self.layout: Layout = read_layout(source)
        self.text = source.text
        self.entities: list[Entity] = []
        self.by_key: dict[tuple[str, str], Entity] = {}
        self.documents: list[Entity] = []
        self.review: list[str] = []
        self.body = [s for s in self.layout.sentences if not self.in_notes(s.start)]
        self.steering_words: set[int] = set()
        self.named_groups: list[NamedGroup] = []
        self.named_group_entities: list[Entity] = []
        self.record_activities: dict[int, Entity] = {}
        self._sentences: list[tuple[Span, str]] | None = None
        self._lowered: list[tuple[Span, str, str]] | None = None

    def ev(self, start: int, end: int) -> Evidence:
        """Evidence for ``text[start:end]`` (trimmed of spaces)."""
        chunk = self.text[start:end]
        start += len(chunk) - len(chunk.lstrip())
        end -= len(chunk) - len(chunk.rstrip())
        return Evidence(
            start,
            end,
            self.source.line_of(start),
            self.source.line_of(max(start, end - 1)),
            self.text[start:end],
        )

    def entity(self, section: str, key: str) -> tuple[Entity, bool]:
        """The entity of ``section`` with ``key``, made if new (and whether it was)."""
        found = self.by_key.get((section, key))
        if found is not None:
            return found, False
        made = Entity(section, key)
        self.entities.append(made)
        self.by_key[(section, key)] = made
        if section in DOCUMENT_SECTIONS:
            self.documents.append(made)
        return made, True

    def drop(self, entity: Entity) -> None:
        """Forget an entity (it turned out to be another one)."""
        self.entities.remove(entity)
        if entity in self.documents:
            self.documents.remove(entity)
        self.by_key.pop((entity.section, entity.key), None)

    def ev_cell(self, cell: Cell) -> Evidence:
        """Evidence for a table's cell: its span, and each line's part of it when it wraps."""
        first, last = cell.pieces[0], cell.pieces[-1]
        evidence = self.ev(first.start, last.end)
        if len(cell.pieces) == 1:
            return evidence
        parts = tuple(self.text[p.start : p.end].strip() for p in cell.pieces)
        return Evidence(
            evidence.start,
            evidence.end,
            evidence.first_line,
            evidence.last_line,
            evidence.quote,
            parts,
        )

    def cell(self, start: int, end: int) -> Cell:
        """``text[start:end]`` as a cell of one part (a line, an item, a lead)."""
        return Cell.of(self.text, [Span(start, end)])

    @functools.cached_property
    def tables(self) -> list[Table]:
        """The tables read as records by their column headings (``columns.py``)."""
        return read_tables(self.layout)

    @functools.cached_property
    def table_lines(self) -> set[int]:
        """The numbers of the lines of those tables, headings included."""
        return {number for table in self.tables for number in table.lines}

    def sentence_text(self, span: Span) -> str:
        return self.text[span.start : span.end]

    @functools.cached_property
    def body_index(self) -> dict[str, int]:
        """Where each body sentence's text first stands in ``body`` (by its text)."""
        index: dict[str, int] = {}
        for i, span in enumerate(self.body):
            index.setdefault(self.sentence_text(span), i)
        return index

    def in_notes(self, offset: int) -> bool:
        """Whether ``offset`` is in the footnotes that end the text."""
        return self.source.line_of(offset) >= self.layout.notes_start

    def sentences(self) -> Iterator[tuple[Span, str]]:
        """Body sentences (not footnotes, not table-of-contents lines) and their text."""
        if self._sentences is None:  # every kind of fact reads them: find them once
            self._sentences = [
                (span, self.sentence_text(span))
                for span in self.body
                if self.layout.kinds.get(self.source.line_of(span.start)) != "toc"
            ]
        yield from self._sentences

    def sentences_lowered(self) -> Iterator[tuple[Span, str, str]]:
        """``sentences`` with each one's lowered text, for the quick tests of ``literals.py``."""
        if self._lowered is None:
            self._lowered = [(span, text, text.lower()) for span, text in self.sentences()]
        yield from self._lowered

    def items_under(self, headings: re.Pattern[str]) -> Iterator[tuple[int, str]]:
        """Lines that are list items (or table rows) under a heading matching ``headings``,
        also when a lead line (``Polisen lovar att``) stands between."""
        for number, kind in self.layout.kinds.items():
            if kind not in ("item", "row") or self.in_notes(self.layout.line(number).start):
                continue
            heading = self.layout.section.get(number, 0)
            while heading:
                text = clean(self.layout.line(heading).text).lower().rstrip(":")
                if headings.match(text):
                    yield number, kind
                    break
                if not pat.ACTOR_LEAD.match(self.layout.line(heading).text):
                    break
                heading = self.layout.section.get(heading, 0)

    def item_text(self, number: int) -> tuple[int, str]:
        """Where the text of list item ``number`` starts, and the text without its bullet."""
        line = self.layout.line(number)
        m = re.match(r"^\s*(?:[-•*–▪◦]|\d{1,2}[.)]|[a-z][.)])\s+", line.text)
        start = m.end() if m else len(line.text) - len(line.text.lstrip())
        # with the lines it is wrapped onto, each line end a space (the same offsets)
        whole = self.text[line.start : self.layout.line(self.layout.item_end(number)).end]
        body = whole[start:].replace("\n", " ").rstrip()
        body = re.sub(r"[\s,.;]+$", "", body)
        body = re.sub(r"^\*\*|\*\*$", "", body)
        return line.start + start, body
