"""A remote SPARQL 1.1 endpoint as a store (the descriptor ``sparql:URL``): Virtuoso, Fuseki,
GraphDB or ``samklang serve``, read through the SPARQL 1.1 Protocol and written through SPARQL
Update or the Graph Store Protocol."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import pyoxigraph as ox

from samklang.errors import UsageError
from samklang.graph.sparql_json import RESULTS_JSON, rows_from_json, term_from_json
from samklang.graph.store import Row, Term, in_graph, with_prefixes
from samklang.ontology.namespace import SK

RETRIES = 2
"""How many times a safe request is sent again when the connection drops (``_request``)."""


class SparqlStore:
    """A SPARQL 1.1 endpoint: read with the SPARQL 1.1 Protocol, write with SPARQL Update or
    the Graph Store Protocol.

    Values are bound through ``VALUES`` blocks (:func:`samklang.graph.sparql_text.bind_values`),
    since the protocol has no pre-binding. Rules and queries read the default graph, which must
    hold the municipalities' data: Virtuoso and GraphDB make it the union of the named graphs;
    where it is not (Fuseki's and Oxigraph server's default), :meth:`probe` finds the named
    graphs and every query then names them as its dataset (``default-graph-uri`` and
    ``named-graph-uri``, SPARQL 1.1 Protocol 2.1.4).

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
        self.dataset: list[ox.NamedNode] | None = None
        """The graphs every query names as its dataset, or ``None`` for the endpoint's own."""
        self.municipality_graphs: list[ox.NamedNode] = []
        """The municipalities' named graphs :meth:`probe` found."""

    def _request(
        self,
        url: str,
        data: bytes | None,
        content_type: str | None,
        accept: str | None = None,
        method: str | None = None,
        safe: bool = False,
    ) -> bytes:
        """The body of the answer to one request. A ``safe`` request (a query, or a PUT that
        replaces a graph whole: sending it twice does what sending it once does) is sent again,
        up to :data:`RETRIES` times, when the server drops the connection while it is being
        sent (Virtuoso may answer a large PUT's first, unauthenticated try and close the
        connection before the body is read: a broken pipe or a reset). An update or a POST
        that adds triples is sent once."""
        headers = {"User-Agent": "samklang"}
        if content_type:
            headers["Content-Type"] = content_type
        if accept:
            headers["Accept"] = accept
        attempts = RETRIES + 1 if safe else 1
        for attempt in range(attempts):
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
                dropped = isinstance(reason, ConnectionResetError | BrokenPipeError)
                if not dropped or attempt + 1 == attempts:
                    raise UsageError(f"cannot reach the endpoint {url}: {reason}") from err
                time.sleep(0.2 * (attempt + 1))
        raise AssertionError("unreachable")  # pragma: no cover

    def query_json(self, query: str) -> dict[str, Any]:
        """Send a query as-is; its SPARQL Results JSON."""
        params = [("query", query)]
        for graph in self.dataset or ():
            params += [("default-graph-uri", graph.value), ("named-graph-uri", graph.value)]
        body = self._request(
            self.endpoint,
            urllib.parse.urlencode(params).encode(),
            "application/x-www-form-urlencoded",
            accept=RESULTS_JSON,
            safe=True,
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
        return rows_from_json(result)

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
        self._write(graph, list(in_graph(graph, quads)), replace=True)

    def _write(self, graph: ox.NamedNode, quads: list[ox.Quad], *, replace: bool) -> None:
        if self.graph_store is not None:
            url = _with_query(self.graph_store, {"graph": graph.value})
            body = ox.serialize(
                [ox.Triple(q.subject, q.predicate, q.object) for q in quads],
                format=ox.RdfFormat.N_TRIPLES,
            )
            assert body is not None
            self._request(
                url, body, "application/n-triples", method="PUT" if replace else "POST",
                safe=replace,
            )
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

    def probe(self) -> list[ox.NamedNode]:
        """Find the municipalities' graphs before anything reads the endpoint: the named graphs
        that hold an ``sk:Municipality``. When the default graph holds none of them (it is not
        the union of the named graphs), every later query names the endpoint's named graphs as
        its dataset.

        Returns:
            The municipalities' graphs, sorted; empty when the default graph holds the
            municipalities and no named graph does.

        Raises:
            UsageError: neither the default graph nor any named graph holds a municipality,
                so a check would find nothing and say all is well.
        """
        municipality = f"?m a {SK.Municipality}"
        rows = self.query_json(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ {municipality} }} }}")
        names = [term_from_json(r["g"]) for r in rows["results"]["bindings"] if "g" in r]
        found = sorted((g for g in names if isinstance(g, ox.NamedNode)), key=lambda g: g.value)
        self.municipality_graphs = found
        if self.query_json(f"ASK {{ {municipality} }}").get("boolean") is True:
            return found
        if not found:
            named = self.graphs()
            raise UsageError(
                f"the endpoint {self.endpoint} holds no municipality: neither its default graph "
                f"nor any of its {len(named)} named graphs has an sk:Municipality; push datasets "
                "to it with 'samklang push PATH… --endpoint URL'"
            )
        self.dataset = self.graphs()
        return found

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
