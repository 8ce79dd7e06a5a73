"""Where the graph lives, behind one small interface: ``add`` quads, ``select`` with bindings.

Chosen by a descriptor (:func:`open_store`): ``memory`` (Oxigraph in memory, the default) or
``rdflib`` (rdflib's in-memory store, the baseline the benchmarks compare against). Every store
starts with the ontology and vocabularies in the named graph ``graph/ontology``; queries see the
union of all graphs as their default graph.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol

import pyoxigraph as ox

from samklang.errors import UsageError
from samklang.ontology import turtle_files
from samklang.ontology.namespace import GRAPH, PREFIXES

Term = ox.NamedNode | ox.BlankNode | ox.Literal
Row = dict[str, Term]

ONTOLOGY_GRAPH = GRAPH.ontology


def ontology_quads() -> list[ox.Quad]:
    """The ontology and all vocabularies, as quads in the ontology graph."""
    quads: list[ox.Quad] = []
    for resource in turtle_files():
        with resource.open("rb") as stream:
            quads.extend(
                ox.Quad(t.subject, t.predicate, t.object, ONTOLOGY_GRAPH)
                for t in ox.parse(stream, format=ox.RdfFormat.TURTLE)
            )
    return quads


def with_prefixes(query: str) -> str:
    """``query`` with the project's PREFIX declarations in front (rules may add their own)."""
    head = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())
    return head + query


class Store(Protocol):
    """A graph store the rules and queries run on."""

    def add(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads."""

    def select(self, query: str, bindings: Mapping[str, Term] | None = None) -> list[Row]:
        """Run a SELECT query with variables pre-bound; rows map variable names to terms."""


class OxigraphStore:
    """Oxigraph, in memory: the fast default."""

    def __init__(self) -> None:
        self.store = ox.Store()
        self.add(ontology_quads())

    def add(self, quads: Iterable[ox.Quad]) -> None:
        self.store.bulk_extend(quads)

    def select(self, query: str, bindings: Mapping[str, Term] | None = None) -> list[Row]:
        substitutions: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple]
        substitutions = {ox.Variable(k): v for k, v in (bindings or {}).items()}
        solutions = self.store.query(
            with_prefixes(query), use_default_graph_as_union=True, substitutions=substitutions
        )
        assert isinstance(solutions, ox.QuerySolutions)
        names = [v.value for v in solutions.variables]
        return [
            {name: term for name in names if (term := solution[name]) is not None}
            for solution in solutions
        ]


class RdflibStore:
    """rdflib's in-memory store: the baseline, and a second engine the rules must agree on."""

    def __init__(self) -> None:
        import rdflib

        self.rdflib = rdflib
        self.dataset = rdflib.Dataset(default_union=True)
        self.add(ontology_quads())

    def _to_rdflib(self, term: Any) -> Any:
        r = self.rdflib
        if isinstance(term, ox.NamedNode):
            return r.URIRef(term.value)
        if isinstance(term, ox.BlankNode):
            return r.BNode(term.value)
        if isinstance(term, ox.Literal):
            if term.language:
                return r.Literal(term.value, lang=term.language)
            return r.Literal(term.value, datatype=r.URIRef(term.datatype.value))
        raise TypeError(f"cannot convert {term!r}")

    def _to_ox(self, term: Any) -> Term:
        r = self.rdflib
        if isinstance(term, r.URIRef):
            return ox.NamedNode(str(term))
        if isinstance(term, r.BNode):
            return ox.BlankNode(str(term))
        if term.language:
            return ox.Literal(str(term), language=term.language)
        datatype = term.datatype or r.XSD.string
        return ox.Literal(str(term), datatype=ox.NamedNode(str(datatype)))

    def add(self, quads: Iterable[ox.Quad]) -> None:
        for q in quads:
            assert not isinstance(q.graph_name, ox.DefaultGraph)
            graph = self.dataset.graph(self.rdflib.URIRef(q.graph_name.value))
            graph.add(
                (
                    self._to_rdflib(q.subject),
                    self._to_rdflib(q.predicate),
                    self._to_rdflib(q.object),
                )
            )

    def select(self, query: str, bindings: Mapping[str, Term] | None = None) -> list[Row]:
        import warnings

        init = {k: self._to_rdflib(v) for k, v in (bindings or {}).items()}
        with warnings.catch_warnings():
            # rdflib 7.6's own query code calls its deprecated Dataset.default_context.
            warnings.filterwarnings(
                "ignore", "Dataset.default_context is deprecated", DeprecationWarning
            )
            result = self.dataset.query(with_prefixes(query), initBindings=init)
            names = [str(v) for v in result.vars or []]
            rows: list[Any] = list(result)
            return [
                {name: self._to_ox(row[name]) for name in names if row[name] is not None}
                for row in rows
            ]


ENGINES: dict[str, type[OxigraphStore] | type[RdflibStore]] = {
    "memory": OxigraphStore,
    "rdflib": RdflibStore,
}


def open_store(descriptor: str = "memory") -> Store:
    """Open a store by descriptor: ``memory`` (Oxigraph) or ``rdflib``.

    Raises:
        UsageError: the descriptor names no known engine.
    """
    try:
        return ENGINES[descriptor]()
    except KeyError:
        raise UsageError(
            f"'{descriptor}' is not a store; expected one of {', '.join(ENGINES)}"
        ) from None
