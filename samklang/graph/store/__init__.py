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

import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Protocol

import pyoxigraph as ox

from samklang.errors import UsageError
from samklang.ontology import ontology_triples
from samklang.ontology.namespace import GRAPH, PREFIXES

Term = ox.NamedNode | ox.BlankNode | ox.Literal
Row = dict[str, Term]

ONTOLOGY_GRAPH = GRAPH.ontology


@functools.cache
def ontology_quads() -> tuple[ox.Quad, ...]:
    """The ontology and all vocabularies, as quads in the ontology graph, made once per process
    (a quick check opens two or three in-memory stores: 11 ms each time for its 3,234 quads)."""
    return tuple(
        ox.Quad(t.subject, t.predicate, t.object, ONTOLOGY_GRAPH) for t in ontology_triples()
    )


def with_prefixes(query: str) -> str:
    """``query`` with the project's PREFIX declarations in front (rules may add their own)."""
    head = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())
    return head + query


_POSITION = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)


def sparql_syntax_error(query: str) -> tuple[int, int, str] | None:
    """Where ``query`` (a SPARQL query, with the project's prefixes known) stops being SPARQL:
    its line and column, counted in ``query`` itself, and what the parser expected there; or
    ``None`` when it parses. Oxigraph parses it, on an empty store."""
    try:
        ox.Store().query(with_prefixes(query))
    except SyntaxError as err:
        return _where_rdflib_stops(query) or syntax_position(err)
    except Exception:  # it parses; evaluating it on an empty store failed (no matter here)
        return None
    return None


def _where_rdflib_stops(query: str) -> tuple[int, int, str] | None:
    """The line, column and word where rdflib's SPARQL parser stops, if it does: Oxigraph names
    the furthest place its parser tried, often the end of the text, rdflib the first word it
    could not take."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        parseQuery(query)
    except ParseBaseException as err:
        word = re.match(r"\S{1,30}", query[err.loc :])
        found = f"'{word[0]}'" if word else "the end of the text"
        return (err.lineno, err.col, f"the query cannot go on at {found}")
    except Exception:  # rdflib reads it (Oxigraph does not): Oxigraph's place is all there is
        return None
    return None


def syntax_position(err: SyntaxError) -> tuple[int, int, str]:
    """Oxigraph's syntax error about a query given :func:`with_prefixes`: the line and column
    in the query as written (the prefixes' lines not counted), and what was expected there."""
    m = _POSITION.match(str(err))
    if not m:
        return (1, 1, " ".join(str(err).split()))
    problem = " ".join(m[3].split())
    if problem.startswith("expected one of Prefix not found"):
        problem = "a prefix that is not declared (PREFIX name: <…>)"
    elif len(problem) > 200:  # a list of every character that may follow
        problem = problem[:200].rsplit(",", 1)[0] + ", …"
    return (max(1, int(m[1]) - len(PREFIXES)), int(m[2]), problem)


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
