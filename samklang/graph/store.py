"""Where the graph lives, behind one small interface: ``add`` quads, ``select`` with bindings.

Chosen by a descriptor (:func:`open_store`):

- ``memory``: Oxigraph in memory, the default;
- ``rdflib``: rdflib's in-memory store, the baseline the benchmarks compare against;
- ``oxigraph:DIR``: a persistent Oxigraph store on disk (``samklang load`` builds one);
- ``sparql:URL``: any SPARQL 1.1 endpoint (Virtuoso, Fuseki, GraphDB, ``samklang serve``),
  read through the SPARQL 1.1 Protocol and written through SPARQL Update or the Graph Store
  Protocol.

Local stores start with the ontology and vocabularies in the named graph ``graph/ontology``;
queries see the union of all named graphs as their default graph (remote endpoints must be set
up to do the same: see docs/triple-stores.md).
"""

from __future__ import annotations

import json
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Protocol

import pyoxigraph as ox

from samklang.errors import UsageError
from samklang.ontology import ontology_triples
from samklang.ontology.namespace import GRAPH, PREFIXES, XSD

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


def _in_graph(graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> Iterator[ox.Quad]:
    for q in quads:
        yield q if q.graph_name == graph else ox.Quad(q.subject, q.predicate, q.object, graph)


class OxigraphStore:
    """Oxigraph, in memory (the fast default) or on disk in a folder.

    Args:
        path: the store's folder; ``None`` for memory. Created if it does not exist.
        read_only: open an on-disk store for reading only (several processes may then read
            it at once, e.g. the endpoint's workers, while ``samklang load`` writes).

    Raises:
        UsageError: the folder is not an Oxigraph store, or another process holds it.
    """

    concurrent_queries = True
    """Queries may run in several threads at once (Oxigraph releases the GIL)."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self._threads = threading.local()
        if self.path is None:
            self.store = ox.Store()
            self.add(ontology_quads())
            return
        if read_only or self.path.exists():
            if not is_store_folder(self.path):
                raise UsageError(
                    f"{self.path} is not a samklang store; build one with 'samklang load PATH… "
                    f"--store {self.path}'"
                )
        try:
            self.store = ox.Store.read_only(str(self.path)) if read_only else ox.Store(str(path))
        except OSError as err:
            raise UsageError(f"cannot open the store {self.path}: {err}") from err
        if not read_only:
            self.replace_graph(ONTOLOGY_GRAPH, ontology_quads())

    def add(self, quads: Iterable[ox.Quad]) -> None:
        self.store.bulk_extend(quads)

    def select(self, query: str, bindings: Mapping[str, Term] | None = None) -> list[Row]:
        from samklang.graph.sparql_text import bind_values, projection

        # Oxigraph substitutes only variables the query projects (SEP-0007); the others are
        # bound through VALUES, as on a remote endpoint.
        projected = set(projection(query)) if bindings else set()
        substitutions: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple]
        substitutions = {ox.Variable(k): v for k, v in (bindings or {}).items() if k in projected}
        rest = {
            k: v
            for k, v in (bindings or {}).items()
            if k not in projected and not isinstance(v, ox.BlankNode)
        }
        if rest:
            query = bind_values(query, rest)
        try:
            solutions = self._reader().query(
                with_prefixes(query), use_default_graph_as_union=True, substitutions=substitutions
            )
        except SyntaxError as err:
            raise UsageError(f"the query is not valid SPARQL: {err}") from err
        if not isinstance(solutions, ox.QuerySolutions):
            raise UsageError("only SELECT queries give rows; this is an ASK or CONSTRUCT query")
        names = [v.value for v in solutions.variables]
        return [
            {name: term for name in names if (term := solution[name]) is not None}
            for solution in solutions
        ]

    def _reader(self) -> ox.Store:
        """The handle this thread queries through. An on-disk store opened for reading gets a
        handle of its own in each thread: queries running at once in one RocksDB instance slow
        each other down (the rule pack at 290 municipalities: 1.5 s with one handle, 1.1 s
        with one per thread)."""
        if not self.read_only or threading.current_thread() is threading.main_thread():
            return self.store
        handle: ox.Store | None = getattr(self._threads, "store", None)
        if handle is None:
            try:
                handle = self._threads.store = ox.Store.read_only(str(self.path))
            except OSError as err:
                raise UsageError(f"cannot open the store {self.path}: {err}") from err
        return handle

    def graphs(self) -> list[ox.NamedNode]:
        return sorted(
            (g for g in self.store.named_graphs() if isinstance(g, ox.NamedNode)),
            key=lambda g: g.value,
        )

    def quads(self, graph: ox.NamedNode | None = None) -> Iterator[ox.Quad]:
        if graph is not None:
            yield from self.store.quads_for_pattern(None, None, None, graph)
            return
        for q in self.store.quads_for_pattern(None, None, None, None):
            if not isinstance(q.graph_name, ox.DefaultGraph):
                yield q

    def replace_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> None:
        if self.store.contains_named_graph(graph):
            self.store.remove_graph(graph)
        self.store.bulk_extend(_in_graph(graph, quads))

    def flush(self) -> None:
        """Write what is buffered to disk and compact it (a no-op in memory). Compaction after
        a load halved query time on disk (the rule pack at 290 municipalities, as the rules were
        first written: 14 s → 7.7 s)."""
        if self.path is not None:
            self.store.flush()
            self.store.optimize()


def is_store_folder(path: Path) -> bool:
    """Whether ``path`` is a folder holding an Oxigraph (RocksDB) store."""
    return path.is_dir() and (path / "CURRENT").is_file()


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
        self.add(_in_graph(graph, quads))


RESULTS_JSON = "application/sparql-results+json"
"""The media type of SPARQL 1.1 Query Results JSON."""

_BOOLEAN = XSD.boolean.value
_DURATION = XSD.duration.value


def term_from_json(binding: Mapping[str, str]) -> Term:
    """A term from one value of SPARQL 1.1 Query Results JSON.

    Accepts Virtuoso's ``typed-literal``, its booleans written ``1``/``0`` and its year-month
    durations written as a number of months.
    """
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":  # Virtuoso labels them "nodeID://b1001": keep what a label may hold
        return ox.BlankNode(re.sub(r"[^A-Za-z0-9_]", "_", value.removeprefix("nodeID://")))
    if "xml:lang" in binding:
        return ox.Literal(value, language=binding["xml:lang"])
    datatype = binding.get("datatype")
    if datatype == _BOOLEAN and value in ("1", "0"):
        value = "true" if value == "1" else "false"
    elif datatype == _DURATION and re.fullmatch(r"-?\d+", value):
        # Virtuoso 7 keeps a year-month duration as its number of months ("P2Y" → "24").
        months = int(value)
        years, rest = divmod(abs(months), 12)
        value = ("-" if months < 0 else "") + "P" + (f"{years}Y" if years else "")
        value += f"{rest}M" if rest or not years else ""
    if datatype:
        return ox.Literal(value, datatype=ox.NamedNode(datatype))
    return ox.Literal(value)


class SparqlStore:
    """A SPARQL 1.1 endpoint: read with the SPARQL 1.1 Protocol, write with SPARQL Update or
    the Graph Store Protocol.

    Values are bound through ``VALUES`` blocks (:func:`samklang.graph.sparql_text.bind_values`),
    since the protocol has no pre-binding. Rules and queries expect the default graph to be the
    union of the named graphs (Virtuoso and GraphDB do this by default; Fuseki needs
    ``unionDefaultGraph``).

    Args:
        endpoint: the query URL, e.g. ``http://127.0.0.1:8890/sparql``.
        update_endpoint: where SPARQL Update requests go (default: ``endpoint``).
        graph_store: a Graph Store Protocol URL; when given, graphs are written through it.
        user: a user name for HTTP Basic or Digest authentication on writes and reads.
        password: that user's password.
        timeout: seconds to wait for an answer.
        batch: triples per ``INSERT DATA`` request.
    """

    def __init__(
        self,
        endpoint: str,
        *,
        update_endpoint: str | None = None,
        graph_store: str | None = None,
        user: str | None = None,
        password: str | None = None,
        timeout: float = 120.0,
        batch: int = 500,
    ) -> None:
        for url in (endpoint, update_endpoint, graph_store):
            if url is not None and urllib.parse.urlsplit(url).scheme not in ("http", "https"):
                raise UsageError(f"'{url}' is not an http or https URL of a SPARQL endpoint")
        self.endpoint = endpoint
        self.update_endpoint = update_endpoint or endpoint
        self.graph_store = graph_store
        self.timeout = timeout
        self.batch = batch
        handlers: list[urllib.request.BaseHandler] = []
        if user is not None:
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for url in {endpoint, self.update_endpoint, graph_store} - {None}:
                passwords.add_password(None, url, user, password or "")  # type: ignore[arg-type]
            handlers += [
                urllib.request.HTTPDigestAuthHandler(passwords),
                urllib.request.HTTPBasicAuthHandler(passwords),
            ]
        # No proxies from the environment: a loopback endpoint must not go through one.
        handlers.append(urllib.request.ProxyHandler({}))
        self.opener = urllib.request.build_opener(*handlers)

    def _request(
        self,
        url: str,
        data: bytes | None,
        content_type: str | None,
        accept: str | None = None,
        method: str | None = None,
    ) -> bytes:
        headers = {"User-Agent": "samklang"}
        if content_type:
            headers["Content-Type"] = content_type
        if accept:
            headers["Accept"] = accept
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                body: bytes = response.read()
                return body
        except urllib.error.HTTPError as err:
            detail = err.read().decode("utf-8", "replace").strip().splitlines()
            first = next((line for line in detail if line.strip()), "")[:300]
            raise UsageError(
                f"the endpoint {url} answered {err.code} {err.reason}"
                + (f": {first}" if first else "")
            ) from err
        except (urllib.error.URLError, OSError) as err:
            reason = getattr(err, "reason", err)
            raise UsageError(f"cannot reach the endpoint {url}: {reason}") from err

    def query_json(self, query: str) -> dict[str, Any]:
        """Send a query as-is; its SPARQL Results JSON."""
        body = self._request(
            self.endpoint,
            urllib.parse.urlencode({"query": query}).encode(),
            "application/x-www-form-urlencoded",
            accept=RESULTS_JSON,
        )
        try:
            result: dict[str, Any] = json.loads(body)
        except ValueError as err:
            raise UsageError(
                f"the endpoint {self.endpoint} did not answer with SPARQL results JSON"
            ) from err
        return result

    def select(self, query: str, bindings: Mapping[str, Term] | None = None) -> list[Row]:
        from samklang.graph.sparql_text import bind_values

        values = {k: v for k, v in (bindings or {}).items() if not isinstance(v, ox.BlankNode)}
        result = self.query_json(with_prefixes(bind_values(query, values)))
        if "results" not in result:
            raise UsageError("only SELECT queries give rows; this is an ASK or CONSTRUCT query")
        return [
            {name: term_from_json(value) for name, value in row.items()}
            for row in result["results"]["bindings"]
        ]

    def update(self, request: str) -> None:
        """Send a SPARQL Update request."""
        self._request(
            self.update_endpoint,
            urllib.parse.urlencode({"update": request}).encode(),
            "application/x-www-form-urlencoded",
        )

    def add(self, quads: Iterable[ox.Quad]) -> None:
        by_graph: dict[ox.NamedNode, list[ox.Quad]] = {}
        for q in quads:
            if not isinstance(q.graph_name, ox.NamedNode):
                raise UsageError("only quads in named graphs can be written to an endpoint")
            by_graph.setdefault(q.graph_name, []).append(q)
        for graph, members in by_graph.items():
            self._write(graph, members, replace=False)

    def replace_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> None:
        self._write(graph, list(_in_graph(graph, quads)), replace=True)

    def _write(self, graph: ox.NamedNode, quads: list[ox.Quad], *, replace: bool) -> None:
        if self.graph_store is not None:
            url = _with_query(self.graph_store, {"graph": graph.value})
            body = ox.serialize(
                [ox.Triple(q.subject, q.predicate, q.object) for q in quads],
                format=ox.RdfFormat.N_TRIPLES,
            )
            assert body is not None
            self._request(url, body, "application/n-triples", method="PUT" if replace else "POST")
            return
        if replace:
            self.update(f"DROP SILENT GRAPH {graph}")
        for chunk in _batches(quads, self.batch):
            triples = "\n".join(
                f"{_n3(q.subject)} {_n3(q.predicate)} {_n3(q.object)} ." for q in chunk
            )
            if any(isinstance(t, ox.BlankNode) for q in chunk for t in (q.subject, q.object)):
                # INSERT DATA may hold blank nodes, but Virtuoso refuses them there; a template
                # does the same everywhere. Labels are scoped to one request, so a batch holds
                # every triple of the blank nodes it names.
                self.update(f"INSERT {{ GRAPH {graph} {{\n{triples}\n}} }} WHERE {{}}")
            else:
                self.update(f"INSERT DATA {{ GRAPH {graph} {{\n{triples}\n}} }}")

    def graphs(self) -> list[ox.NamedNode]:
        rows = self.query_json("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        names = [term_from_json(r["g"]) for r in rows["results"]["bindings"] if "g" in r]
        return sorted((g for g in names if isinstance(g, ox.NamedNode)), key=lambda g: g.value)

    def quads(self, graph: ox.NamedNode | None = None) -> Iterator[ox.Quad]:
        for g in [graph] if graph is not None else self.graphs():
            result = self.query_json(f"SELECT ?s ?p ?o WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}")
            for row in result["results"]["bindings"]:
                s, p, o = (term_from_json(row[k]) for k in ("s", "p", "o"))
                assert isinstance(p, ox.NamedNode) and not isinstance(s, ox.Literal)
                yield ox.Quad(s, p, o, g)


def _batches(quads: list[ox.Quad], size: int) -> Iterator[list[ox.Quad]]:
    """``quads`` in batches of about ``size``, keeping the triples that share a blank node
    (directly or through others) in one batch."""
    parent: dict[str, str] = {}

    def root(label: str) -> str:
        while parent.setdefault(label, label) != label:
            parent[label] = parent[parent[label]]
            label = parent[label]
        return label

    for q in quads:
        labels = [t.value for t in (q.subject, q.object) if isinstance(t, ox.BlankNode)]
        for label in labels[1:]:
            parent[root(label)] = root(labels[0])
    groups: dict[str, list[ox.Quad]] = {}
    batch: list[ox.Quad] = []
    for q in quads:
        first = next((t.value for t in (q.subject, q.object) if isinstance(t, ox.BlankNode)), None)
        if first is None:
            batch.append(q)
        else:
            groups.setdefault(root(first), []).append(q)
        if len(batch) >= size:
            yield batch
            batch = []
    for group in groups.values():
        if batch and len(batch) + len(group) > size:
            yield batch
            batch = []
        batch.extend(group)
    if batch:
        yield batch


def _n3(term: Term | ox.Triple) -> str:
    """A term in SPARQL syntax, blank nodes included (as labels, in INSERT DATA)."""
    from samklang.graph.sparql_text import term_text

    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):
        raise UsageError("quoted triples cannot be written to an endpoint")
    return term_text(term)


def _with_query(url: str, params: Mapping[str, str]) -> str:
    parts = urllib.parse.urlsplit(url)
    query = "&".join(q for q in (parts.query, urllib.parse.urlencode(params)) if q)
    return urllib.parse.urlunsplit(parts._replace(query=query))


ENGINES: dict[str, type[OxigraphStore] | type[RdflibStore]] = {
    "memory": OxigraphStore,
    "rdflib": RdflibStore,
}


def open_store(descriptor: str = "memory", *, read_only: bool = False) -> Store:
    """Open a store by descriptor: ``memory``, ``rdflib``, ``oxigraph:DIR`` or ``sparql:URL``.

    Args:
        descriptor: which store.
        read_only: open an on-disk store for reading only.

    Raises:
        UsageError: the descriptor names no known engine, or the store cannot be opened.
    """
    scheme, colon, rest = descriptor.partition(":")
    if colon and scheme == "oxigraph" and rest:
        return OxigraphStore(rest, read_only=read_only)
    if colon and scheme == "sparql" and rest:
        return SparqlStore(rest)
    try:
        return ENGINES[descriptor]()
    except KeyError:
        raise UsageError(
            f"'{descriptor}' is not a store; expected one of {', '.join(ENGINES)}, "
            "oxigraph:DIR or sparql:URL"
        ) from None
