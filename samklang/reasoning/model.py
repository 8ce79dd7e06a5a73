"""What reasoning found: inferred memberships, clashes, omissions, and the errors it raises."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

import pyoxigraph as ox

from samklang.errors import SamklangError, UsageError
from samklang.ontology.namespace import (
    GRAPH,
    PREFIXES,
    RDF,
)

if TYPE_CHECKING:
    pass



INFERRED_GRAPH = GRAPH.inferred
"""The named graph that holds inferred class memberships."""

REASONERS = ("hermit", "pellet")

SLOW_INDIVIDUALS = 5000
"""From about this many individuals (ten municipalities) reasoning takes some seconds, growing
with the data (docs/reasoning.md); ``samklang reason`` says so before it starts."""

Triple = tuple[ox.NamedNode | ox.BlankNode, ox.NamedNode, ox.NamedNode | ox.BlankNode | ox.Literal]



class ReasonerUnavailableError(UsageError):
    """The reasoner cannot run here: no Java, or a Java too old for the reasoner's jar.

    Attributes:
        messages: the one-sentence explanation in Swedish (``sv``) and English (``en``).
    """

    def __init__(self, messages: dict[str, str]) -> None:
        self.messages = messages
        super().__init__(messages["en"])


class ReasonerError(SamklangError):
    """The reasoner stopped with an error of its own (not an inconsistency)."""


class InconsistentModelError(SamklangError):
    """The ontology and the data contradict each other; ``reasoning`` says where."""

    def __init__(self, reasoning: Reasoning) -> None:
        self.reasoning = reasoning
        first = reasoning.clashes[0] if reasoning.clashes else None
        if first is None:
            where = ""
        elif len(first.classes) == 2:
            a, b = (reasoning.label(c, "en") for c in first.classes)
            where = (
                f": {reasoning.label(first.individual, 'en')} would be both {a} and {b}, "
                "which exclude each other"
            )
        else:
            where = f": it involves {reasoning.label(first.individual, 'en')}"
        super().__init__(
            f"the ontology and the data are inconsistent{where}; run 'samklang reason' to see "
            "every clash and the statements behind it"
        )


@dataclass(frozen=True, order=True)
class Membership:
    """One inferred class membership: ``individual`` is a ``cls`` (and the data does not say so)."""

    individual: str
    cls: str


@dataclass(frozen=True)
class Clash:
    """Why the model is inconsistent: an individual that would belong to disjoint classes.

    Attributes:
        individual: the IRI (or blank node id) of the individual.
        classes: the two disjoint classes it would belong to, or ``()`` when the reasoner only
            narrowed the contradiction down to this individual's statements.
        statements: a smallest set of the data's statements that together contradict the
            ontology (empty when it could not be narrowed down within the budget).
    """

    individual: str
    classes: tuple[str, ...]
    statements: tuple[Triple, ...]


@dataclass(frozen=True)
class Omission:
    """Statements of the data the reasoner did not see, and why.

    ``reason`` is ``datatype`` (a literal of a datatype OWL 2 lacks; ``detail`` names it),
    ``literal-object`` (a literal given to the object property ``detail``), ``rdf-vocabulary``
    (the RDF vocabulary's own property ``detail``) or ``meta-property`` (the property
    ``detail`` takes properties as values). ``converted`` of them reached the reasoner as day
    numbers instead.
    """

    reason: str
    detail: str
    count: int
    converted: int = 0


@dataclass
class Reasoning:
    """What the reasoner made of a dataset.

    Attributes:
        reasoner: ``hermit`` or ``pellet``.
        as_of: the reference date of ``sk:DocumentInForce``.
        consistent: whether the ontology and the data are consistent.
        memberships: inferred class memberships of the data's individuals, sorted (empty when
            inconsistent).
        clashes: where the contradiction lies (empty when consistent).
        omissions: what the reasoner did not see.
        individuals: how many individuals the data describes.
        seconds: wall time of the reasoning, explanation included.
        labels: names of the IRIs involved, by IRI and language.
        defined: the defined classes (with an ``owl:equivalentClass`` definition).
        message: the reasoner's own message on an inconsistency (Pellet names a clash).
        explained: whether an inconsistency was looked into (``clashes`` may still be empty).
    """

    reasoner: str
    as_of: date
    consistent: bool
    memberships: list[Membership] = field(default_factory=list)
    clashes: list[Clash] = field(default_factory=list)
    omissions: list[Omission] = field(default_factory=list)
    individuals: int = 0
    seconds: float = 0.0
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    defined: frozenset[str] = frozenset()
    message: str = ""
    explained: bool = False

    def quads(self) -> list[ox.Quad]:
        """The inferred memberships as ``rdf:type`` quads in the graph ``graph/inferred``."""
        return [
            ox.Quad(_node(m.individual), RDF.type, ox.NamedNode(m.cls), INFERRED_GRAPH)
            for m in self.memberships
        ]

    def label(self, iri: str, lang: str) -> str:
        """A name for ``iri``: its label in ``lang``, else Swedish, else any, else a CURIE."""
        names = self.labels.get(iri, {})
        for key in (lang, "sv", "en", ""):
            if key in names:
                return names[key]
        if names:
            return next(iter(names.values()))
        return curie(iri)


def curie(iri: str) -> str:
    """``sk:Activity`` for the IRI of ``sk:Activity``; the IRI itself when no prefix fits."""
    best = max(
        ((name, ns) for name, ns in PREFIXES.items() if iri.startswith(ns)),
        key=lambda pair: len(pair[1]),
        default=None,
    )
    if best is None:
        return iri
    return f"{best[0]}:{iri[len(best[1]) :]}"


def _node(value: str) -> ox.NamedNode | ox.BlankNode:
    return ox.BlankNode(value[2:]) if value.startswith("_:") else ox.NamedNode(value)


