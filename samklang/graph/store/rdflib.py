"""rdflib's in-memory store (the descriptor ``rdflib``): the baseline the benchmarks compare
against, and a second engine the rules must agree on."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import pyoxigraph as ox

from samklang.graph.store import Row, Term, in_graph, ontology_quads, with_prefixes


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

    def graphs(self) -> list[ox.NamedNode]:
        names = {
            str(g.identifier)
            for g in self.dataset.graphs()
            if isinstance(g.identifier, self.rdflib.URIRef) and len(g)
        }
        names.discard(str(self.rdflib.graph.DATASET_DEFAULT_GRAPH_ID))
        return [ox.NamedNode(n) for n in sorted(names)]

    def quads(self, graph: ox.NamedNode | None = None) -> Iterator[ox.Quad]:
        for g in [graph] if graph is not None else self.graphs():
            for s, p, o in self.dataset.graph(self.rdflib.URIRef(g.value)):
                yield ox.Quad(self._to_ox(s), self._to_ox(p), self._to_ox(o), g)  # type: ignore[arg-type]

    def replace_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> None:
        self.dataset.remove_graph(self.rdflib.URIRef(graph.value))
        self.add(in_graph(graph, quads))
