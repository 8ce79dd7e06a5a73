"""What the ingester found: entities (documents, organisations, groups, goals…) whose every
value carries the span of text it was read from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: a character span and the lines it covers, and its text.

    ``start`` and ``end`` are offsets into the document's text (see ``text.py``); lines are
    numbered from 1.
    """

    start: int
    end: int
    first_line: int
    last_line: int
    quote: str
    parts: tuple[str, ...] = ()
    """For a table's cell whose text wraps over lines: each line's part of it (the span
    between holds the other cells of those lines too)."""

    @property
    def lines(self) -> str:
        """``39`` or ``7-10``: the lines, as written after ``#`` in a ``source:`` field."""
        if self.first_line == self.last_line:
            return str(self.first_line)
        return f"{self.first_line}-{self.last_line}"

    def comment(self) -> str:
        """A reviewer's pointer: ``rad 39, tecken 2301–2345: ”…”``."""
        quote = " ".join((" / ".join(self.parts) if self.parts else self.quote).split())
        if len(quote) > 70:
            quote = quote[:67] + "…"
        where = (
            f"rad {self.first_line}"
            if self.first_line == self.last_line
            else f"rad {self.first_line}–{self.last_line}"
        )
        return f"{where}, tecken {self.start}–{self.end}: ”{quote}”"


@dataclass
class Fact:
    """One value of a field and where it was read (``None``: inferred, see the entity's notes)."""

    value: Any
    evidence: Evidence | None


@dataclass(eq=False)
class Entry:
    """An entry of a follow-up report (a trygghetsbokslut): the activity, and its status and
    outcome with where each was read."""

    activity: Entity
    status: Fact | None
    outcome: Fact | None

    def facts(self) -> list[tuple[str, Fact]]:
        """The status and the outcome, by name, as far as the report gives them."""
        return [(n, f) for n, f in (("status", self.status), ("outcome", self.outcome)) if f]


@dataclass(eq=False)
class Entity:
    """One record of the draft: a document, an organisation, a group, a goal…

    Attributes:
        section: the section of the input format it goes into (``documents``, ``groups``…).
        key: what identifies it while reading (a lowered name, a type and period…).
        facts: per field, its values in the order found; a single-valued field uses the first.
        empty: header fields the document shows with no value, and where.
        review: what a person must decide (written as ``GRANSKA: …``).
        notes: what the reader should know (written in ``note``).
        unsure: fields the reader could not establish (written as ``review: [goal, …]``, so
            that ``check`` asks about a gap in them instead of reporting a defect).
        id: the id given when the draft is made.
    """

    section: str
    key: str
    facts: dict[str, list[Fact]] = field(default_factory=dict)
    empty: dict[str, Evidence] = field(default_factory=dict)
    review: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    unsure: list[str] = field(default_factory=list)
    id: str = ""

    def doubt(self, name: str) -> None:
        """Mark field ``name`` as not established (once)."""
        if name not in self.unsure:
            self.unsure.append(name)

    def settle(self, name: str) -> None:
        """Field ``name`` is established after all."""
        if name in self.unsure:
            self.unsure.remove(name)

    def get(self, name: str, default: Any = None) -> Any:
        """The (first) value of field ``name``."""
        facts = self.facts.get(name)
        return facts[0].value if facts else default

    def values(self, name: str) -> list[Any]:
        """Every value of field ``name``."""
        return [f.value for f in self.facts.get(name, [])]

    def set(self, name: str, value: Any, evidence: Evidence | None) -> None:
        """Give a single-valued field a value; a different later value is kept for review."""
        facts = self.facts.setdefault(name, [])
        for fact in facts:
            if fact.value == value:
                if fact.evidence is None and evidence is not None:
                    fact.evidence = evidence
                return
        facts.append(Fact(value, evidence))

    def add(self, name: str, value: Any, evidence: Evidence | None) -> None:
        """Add one value to a many-valued field (once)."""
        self.set(name, value, evidence)

    def remove(self, name: str, value: Any) -> None:
        """Drop one value of a field."""
        self.facts[name] = [f for f in self.facts.get(name, []) if f.value != value]
        if not self.facts[name]:
            del self.facts[name]

    def evidence(self) -> list[Evidence]:
        """Every span this entity was read from, in text order, without repeats."""
        spans = {f.evidence for facts in self.facts.values() for f in facts if f.evidence}
        for facts in self.facts.values():
            for fact in facts:
                if isinstance(fact.value, Entry):
                    spans.update(f.evidence for _, f in fact.value.facts() if f.evidence)
        spans.update(self.empty.values())
        return sorted(spans, key=lambda e: (e.start, e.end))

    @property
    def label(self) -> str:
        """A name for messages."""
        for name in ("title", "name"):
            if name in self.facts:
                return str(self.get(name))
        return self.key

    def __repr__(self) -> str:
        return f"Entity({self.section}, {self.key!r})"


@dataclass
class Extraction:
    """Everything found in one document.

    Attributes:
        entities: every record, in the order of the draft's sections.
        own: the document itself.
        municipality: the municipality the plan belongs to.
        code: the municipality code, if the text states one, and where.
        review: what a person must decide that concerns no single record.
    """

    entities: list[Entity]
    own: Entity
    municipality: Entity
    code: Fact | None
    review: list[str] = field(default_factory=list)

    def of(self, section: str) -> list[Entity]:
        """The entities of one section."""
        return [e for e in self.entities if e.section == section]
