"""Where the graph lives, behind one small interface: ``add`` quads, ``select`` with bindings.

This module holds the interface (:class:`Store`, :class:`GraphStore`), what every backend
shares, and :func:`open_store`, which chooses a backend by descriptor. One module per backend:

- ``memory``: Oxigraph in memory, the default (:mod:`samklang.graph.store.oxigraph`);
- ``rdflib``: rdflib's in-memory store, the baseline the benchmarks compare against
  (:mod:`samklang.graph.store.rdflib`);
- ``oxigraph:DIR``: a persistent Oxigraph store on disk (``samklang load`` builds one;
  :mod:`samklang.graph.store.oxigraph`);
- ``sparql:URL``: any SPARQL 1.1 endpoint (Virtuoso, Fuseki, GraphDB, ``samklang serve``),
  read through the SPARQL 1.1 Protocol and written through SPARQL Update or the Graph Store
  Protocol (:mod:`samklang.graph.store.endpoint`).

Local stores start with the ontology and vocabularies in the named graph ``graph/ontology``;
queries see the union of all named graphs as their default graph (remote endpoints must be set
up to do the same: see docs/triple-stores.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Protocol

import pyoxigraph as ox

from samklang.errors import UsageError
from samklang.ontology import ontology_triples
from samklang.ontology.namespace import GRAPH, PREFIXES

Term = ox.NamedNode | ox.BlankNode | ox.Literal
Row = dict[str, Term]

ONTOLOGY_GRAPH = GRAPH.ontology


def ontology_quads() -> list[ox.Quad]:
    """The ontology and all vocabularies, as quads in the ontology graph."""
    return [ox.Quad(t.subject, t.predicate, t.object, ONTOLOGY_GRAPH) for t in ontology_triples()]


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


class GraphStore(Store, Protocol):
    """A store that can also list, read and replace whole named graphs (corpora, export)."""

    def graphs(self) -> list[ox.NamedNode]:
        """The named graphs that hold quads, sorted by IRI."""

    def quads(self, graph: ox.NamedNode | None = None) -> Iterator[ox.Quad]:
        """The quads of one named graph, or of every named graph."""

    def replace_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> None:
        """Make ``graph`` hold exactly ``quads`` (their graph names are set to ``graph``)."""


def in_graph(graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> Iterator[ox.Quad]:
    """``quads`` with their graph name set to ``graph`` (for :meth:`GraphStore.replace_graph`)."""
    for q in quads:
        yield q if q.graph_name == graph else ox.Quad(q.subject, q.predicate, q.object, graph)


ENGINES = ("memory", "rdflib")
"""The descriptors of the in-memory engines."""


def open_store(descriptor: str = "memory", *, read_only: bool = False) -> Store:
    """Open a store by descriptor: ``memory``, ``rdflib``, ``oxigraph:DIR`` or ``sparql:URL``.

    Args:
        descriptor: which store.
        read_only: open an on-disk store for reading only.

    Raises:
        UsageError: the descriptor names no known engine, or the store cannot be opened.
    """
    # The backends are imported when chosen: what imports the interface loads none of them.
    scheme, colon, rest = descriptor.partition(":")
    if colon and scheme == "oxigraph" and rest:
        from samklang.graph.store.oxigraph import OxigraphStore

        return OxigraphStore(rest, read_only=read_only)
    if colon and scheme == "sparql" and rest:
        from samklang.graph.store.endpoint import SparqlStore

        return SparqlStore(rest)
    if descriptor == "memory":
        from samklang.graph.store.oxigraph import OxigraphStore

        return OxigraphStore()
    if descriptor == "rdflib":
        from samklang.graph.store.rdflib import RdflibStore

        return RdflibStore()
    raise UsageError(
        f"'{descriptor}' is not a store; expected one of {', '.join(ENGINES)}, "
        "oxigraph:DIR or sparql:URL"
    )
