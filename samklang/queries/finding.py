"""A finding: one thing in the documents that does not hang together, or one question to ask
(what ``samklang.queries.check`` returns and every report renders)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


@dataclass(frozen=True)
class Item:
    """One of the things a grouped finding names: a focus, with its name and place."""

    focus: str
    label: str
    message: str
    dataset: str | None = None
    file: str | None = None
    location: str | None = None


@dataclass(frozen=True)
class Finding:
    """One thing that does not hang together, or one question to ask.

    Attributes:
        rule: the rule ID (``PER-EXPIRED``).
        severity: ``error``, ``warning`` or ``info`` (a question is always ``info``).
        kind: ``defect`` (the documents show it, or a law requires what nothing records) or
            ``question`` (the fact is not recorded: ask).
        group: the rule's group (``samklang.queries.rule.GROUPS``).
        focus: IRI of the resource at fault; for a finding that groups several items, the
            document they belong to.
        focus_label: its name.
        document: IRI of the document it concerns, or ``None``.
        document_label: its title, or ``None``.
        message: what does not fit, in the requested language.
        title: the rule's title.
        basis: why it matters (law, method, the plan's own text).
        url: a link to the basis.
        fix: how to fix it.
        facts: the values the rule found, by name (``start``, ``end``, ``parent``…), as text.
        value: the one value of the data the rule found, as an RDF term in N-Triples syntax
            (``"2023-12-31"^^<http://www.w3.org/2001/XMLSchema#date>``, ``<https://…>``): a
            term the data states of the focus (or document), in a triple linking the two, never
            a parameter, a word of the message or a value the rule worked out; ``None`` when
            there is no such single value. The SHACL report's ``sh:value``.
        accepted: who accepted the finding, when and why, if a planner has (else ``None``).
        dataset: the dataset folder (or plan document) the focus was read from, as it was
            given, when known: a check of several datasets names each finding's own.
        file: the dataset file where the focus is written, relative to ``dataset`` (a file
            of a shared dataset outside it: its own path), when known.
        location: where in that file (``"line 12"``, ``"row 4"``), when known.
        items: when one finding stands for several items of one cause (seven activities of
            one promise with no outcome), each of them; else empty.
    """

    rule: str
    severity: str
    focus: str
    focus_label: str
    document: str | None
    document_label: str | None
    message: str
    title: str
    basis: str
    url: str
    fix: str
    facts: dict[str, str] = field(default_factory=dict)
    value: str | None = None
    accepted: dict[str, str] | None = None
    dataset: str | None = None
    file: str | None = None
    location: str | None = None
    kind: str = "defect"
    group: str = "validity"
    items: tuple[Item, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """The finding as a JSON-ready mapping: what ``dataclasses.asdict`` gives, its fields
        in their order, built without its deep copy (at 290 municipalities it took half the
        time of the JSON report)."""
        own = {name: getattr(self, name) for name in _FINDING_FIELDS}
        own["facts"] = dict(self.facts)
        own["accepted"] = None if self.accepted is None else dict(self.accepted)
        own["items"] = tuple({name: getattr(i, name) for name in _ITEM_FIELDS} for i in self.items)
        return own

    @property
    def foci(self) -> tuple[str, ...]:
        """The IRIs the finding is about: its items', or its own focus."""
        return tuple(i.focus for i in self.items) or (self.focus,)

    @property
    def counts(self) -> bool:
        """Whether the finding counts for ``--fail-on``: an open defect."""
        return self.kind == "defect" and not self.accepted


_FINDING_FIELDS = tuple(f.name for f in fields(Finding))
_ITEM_FIELDS = tuple(f.name for f in fields(Item))
