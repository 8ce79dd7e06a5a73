"""The SPARQL endpoint: an ASGI application (Starlette) speaking the SPARQL 1.1 Protocol.

- ``GET /sparql?query=…`` and ``POST /sparql`` (form-encoded ``query=…`` or a body of type
  ``application/sparql-query``), with ``default-graph-uri`` and ``named-graph-uri``;
- results negotiated by ``Accept`` (then ``format=``, read for the query's form; see
  :func:`choose_media_type`): SPARQL JSON, XML, CSV and TSV for ``SELECT``/``ASK``; Turtle,
  N-Triples, JSON-LD and RDF/XML for ``CONSTRUCT``/``DESCRIBE``;
- ``GET /sparql`` without a query: the service description (SPARQL 1.1 Service Description);
- read-only: SPARQL Update is refused with 403; ``SERVICE`` and ``FROM``/``default-graph-uri``
  naming a graph the store does not hold are refused unless the operator allows remote access;
- every query runs in a worker process that is killed at the timeout; answers over the row cap
  are refused with 413; the store is read as its latest load left it;
- in front of it all, :class:`samklang.server.guard.Guard`: the ``Host`` header, the size of a
  request and the time a client may take to send it;
- ``GET /``: an offline query page (YASGUI, vendored) preloaded with the research queries.

The default graph is the union of all named graphs, as for ``samklang query``.
"""

from __future__ import annotations

import contextlib
import html
from collections.abc import AsyncIterator
from dataclasses import dataclass
from importlib.resources import files
from typing import Any
from urllib.parse import parse_qsl

import pyoxigraph as ox
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from samklang.errors import UsageError
from samklang.graph.store import folder
from samklang.ontology.namespace import DCTERMS, RDF, XSD
from samklang.server.guard import Guard, allowed_names
from samklang.server.workers import GRAPH_FORMATS, RESULT_FORMATS, Job, Pool

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS_NS = "http://www.w3.org/ns/formats/"

RESULT_SHORT = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
"""What ``format=`` (or ``output=``, a convention of Virtuoso, Fuseki and SPARQLWrapper, not of
the protocol) names for a SELECT or ASK query."""
GRAPH_SHORT = {
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "n3": "text/turtle",  # Turtle is N3 without its extensions: an N3 reader reads it
    "ntriples": "application/n-triples",
    "nt": "application/n-triples",
    "json": "application/ld+json",
    "jsonld": "application/ld+json",
    "json-ld": "application/ld+json",
    "xml": "application/rdf+xml",
    "rdf": "application/rdf+xml",
    "rdfxml": "application/rdf+xml",
}
"""What ``format=`` names for a CONSTRUCT or DESCRIBE query (SPARQLWrapper sends ``xml`` by
default, and ``n3`` or ``turtle`` when asked for Turtle)."""
RESULT_ALIASES = {
    "application/json": "application/sparql-results+json",
    "application/xml": "application/sparql-results+xml",
    "text/xml": "application/sparql-results+xml",
}
"""Media types common clients send for SELECT and ASK results and what they get."""
GRAPH_ALIASES = {
    "text/n3": "text/turtle",
    "text/rdf+n3": "text/turtle",
    "application/rdf+n3": "text/turtle",
    "application/turtle": "text/turtle",
    "application/x-turtle": "text/turtle",
    "text/plain": "application/n-triples",
    "application/json": "application/ld+json",
    "application/xml": "application/rdf+xml",
    "text/xml": "application/rdf+xml",
}
"""Media types common clients send for graphs (SPARQLWrapper's Turtle and N3 lists) and what
they get."""
RESULT_TYPES = list(RESULT_FORMATS)
GRAPH_TYPES = list(GRAPH_FORMATS)
FORMAT_IRIS = {
    "application/sparql-results+json": "SPARQL_Results_JSON",
    "application/sparql-results+xml": "SPARQL_Results_XML",
    "text/csv": "SPARQL_Results_CSV",
    "text/tab-separated-values": "SPARQL_Results_TSV",
    "text/turtle": "Turtle",
    "application/n-triples": "N-Triples",
    "application/ld+json": "JSON-LD",
    "application/rdf+xml": "RDF_XML",
}
PAGE_SECURITY = (
    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'"
)


@dataclass(frozen=True)
class ServerSettings:
    """What the operator chose.

    Attributes:
        store_path: the on-disk Oxigraph store to serve (read-only).
        timeout: seconds a query may run (and may wait for a worker).
        max_rows: the most rows or triples an answer may hold.
        workers: worker processes kept ready (queries at once, when they are quick).
        max_workers: the most worker processes, when slow queries hold the others.
        allow_remote: allow ``SERVICE`` and ``FROM`` graphs the store does not hold.
        lang: language of the query page (``sv`` or ``en``).
        host: the address the endpoint listens on.
        allow_hosts: more host names the endpoint answers to (``*``: any).
        max_body: the most bytes a request body may hold.
        client_timeout: seconds a client has to send a whole request.
        max_connections: the most connections at once (more get 503).
        queue: the most queries that may wait for a worker (more get 503).
    """

    store_path: str
    timeout: float = 10.0
    max_rows: int = 10_000
    workers: int = 2
    max_workers: int = 8
    allow_remote: bool = False
    lang: str = "sv"
    host: str = "127.0.0.1"
    allow_hosts: tuple[str, ...] = ()
    max_body: int = 1024 * 1024
    client_timeout: float = 10.0
    max_connections: int = 100
    queue: int = 32


class RefusalError(Exception):
    """A request the endpoint will not run: an HTTP status and one sentence."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def negotiate(accept: str, offered: list[str], aliases: dict[str, str] | None = None) -> str | None:
    """The offered media type the ``Accept`` header prefers (first offered on ties), or
    ``None`` if it accepts none. An empty header accepts anything; a media type in
    ``aliases`` stands for the offered one it names.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+json", RESULT_TYPES)
    'application/sparql-results+json'
    >>> negotiate("application/json", RESULT_TYPES, RESULT_ALIASES)
    'application/sparql-results+json'
    """
    if not accept.strip():
        return offered[0]
    aliases = aliases or {}
    ranges: list[tuple[str, float]] = []
    for part in accept.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if media:
            ranges.append((aliases.get(media.lower(), media.lower()), q))

    def quality(media_type: str) -> tuple[float, int]:
        best: tuple[int, float] = (-1, 0.0)  # (specificity, q)
        kind = media_type.split("/")[0]
        for media, q in ranges:
            if media == media_type:
                spec = 2
            elif media == f"{kind}/*":
                spec = 1
            elif media == "*/*":
                spec = 0
            else:
                continue
            best = max(best, (spec, q))
        return best[1], 0

    scored = [(quality(m)[0], -i, m) for i, m in enumerate(offered)]
    q, _, media_type = max(scored)
    return media_type if q > 0 else None


def charset_of(content_type: str) -> str:
    """The ``charset`` parameter of a ``Content-Type`` header (default UTF-8).

    >>> charset_of('application/sparql-query; charset="ISO-8859-1"')
    'ISO-8859-1'
    """
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip().strip('"'):
            return value.strip().strip('"')
    return "utf-8"


UTF8_ONLY = ("application/sparql-query", "application/sparql-update")
"""Media types whose encoding "is always UTF-8" (their IANA registrations, SPARQL 1.1 Query
and Update): a body declaring another charset is refused (the W3C protocol test
``bad_query_non_utf8``), where a form is read in the charset it declares."""


def decoded(body: bytes, content_type: str) -> str:
    """A request body as text: UTF-8 for a SPARQL query or update, a form in the charset its
    ``Content-Type`` declares.

    Raises:
        RefusalError: 415, the charset is unknown, not UTF-8 for a query or update, or the
            body is not in it.
    """
    import codecs

    charset = charset_of(content_type)
    try:
        name = codecs.lookup(charset).name
    except LookupError:
        raise RefusalError(
            415, f"The charset {charset!r} of the request is unknown; send UTF-8."
        ) from None
    media_type = content_type.split(";")[0].strip().lower()
    if media_type in UTF8_ONLY and name not in ("utf-8", "ascii"):
        raise RefusalError(
            415,
            f"{media_type} is always UTF-8, and the request declares the charset {charset}; "
            "send the query in UTF-8.",
        )
    try:
        return body.decode(charset)
    except UnicodeDecodeError as err:
        raise RefusalError(
            415,
            f"The request body is not in the charset it declares ({charset}): byte "
            f"{err.start} cannot be read; send UTF-8, or declare the charset it is in.",
        ) from None


def choose_media_type(form: str, params: list[tuple[str, str]], accept: str) -> str | None:
    """The media type to answer a query of ``form`` in, or ``None`` (406).

    The SPARQL 1.1 Protocol negotiates by ``Accept`` alone; ``format=`` (or ``output=``) is a
    convention clients such as SPARQLWrapper send beside a matching ``Accept``. ``Accept``
    decides when it names an offered type (or an alias of one) itself, not only by a wildcard;
    else ``format=`` does, read for the query's form (``xml`` is SPARQL results XML for SELECT
    and ASK, RDF/XML for CONSTRUCT and DESCRIBE); else the wildcard or the first offered type.

    >>> choose_media_type("CONSTRUCT", [("format", "xml")], "application/rdf+xml")
    'application/rdf+xml'
    >>> choose_media_type("CONSTRUCT", [("format", "n3")], "*/*")
    'text/turtle'
    >>> choose_media_type("SELECT", [("format", "json")], "text/csv")
    'text/csv'
    """
    results = form in ("SELECT", "ASK")
    offered, aliases, short = (
        (RESULT_TYPES, RESULT_ALIASES, RESULT_SHORT)
        if results
        else (GRAPH_TYPES, GRAPH_ALIASES, GRAPH_SHORT)
    )
    specific = _without_wildcards(accept)
    named = negotiate(specific, offered, aliases) if specific.strip() else None
    if named is not None:
        return named
    wanted = [v.strip().lower() for k, v in params if k in ("format", "output") and v.strip()]
    for value in wanted:
        media = short.get(value) or aliases.get(value) or (value if value in offered else None)
        if media is not None:
            return media
    if wanted and not accept.strip():
        return None  # a format= naming nothing offered, and no Accept to fall back on
    return negotiate(accept, offered, aliases)


def _without_wildcards(accept: str) -> str:
    """``accept`` without its ``*/*`` and ``type/*`` ranges."""
    return ",".join(part for part in accept.split(",") if "*" not in part.split(";")[0])


class Endpoint:
    """The application's state: settings, the worker pool, the store's graph names.

    The store is read as it is now: before each request the endpoint looks at the store's
    pointer (one small file), and once a load has published a new generation it lists the new
    graphs (and the workers read the new generation from their next query on)."""

    def __init__(self, settings: ServerSettings) -> None:
        from pathlib import Path

        self.settings = settings
        self.root = Path(settings.store_path)
        self.pointer: folder.Pointer | None = None
        self.graphs: list[str] = []
        self.pool: Pool | None = None
        self.limiter: Any = None
        self._list_graphs(verify=True)

    def _list_graphs(self, *, verify: bool = False) -> None:
        """Read the current generation's graph names (after checking its catalogue)."""
        from samklang.graph.corpus import verify_catalogue
        from samklang.graph.store.oxigraph import OxigraphStore

        store = OxigraphStore(self.root, read_only=True)
        try:
            if verify:
                verify_catalogue(store, self.root, count=store.generation is None)
            self.graphs = [g.value for g in store.graphs()]
            self.pointer = store.generation
        finally:
            store.close()

    def refresh(self) -> None:
        """Follow the store to the generation a load has published since the last request."""
        pointer = folder.generation(self.root)
        if pointer is not None and pointer != self.pointer:
            self._list_graphs()

    def check(self, query: str, default_graphs: list[str], named_graphs: list[str]) -> str:
        """The query's form, after refusing what a read-only local endpoint must not do.

        Raises:
            RefusalError: an update, a SERVICE call or a remote graph (unless allowed), or no query.
        """
        from samklang.graph.sparql_text import inspect

        try:
            shape = inspect(query)
        except UsageError as err:
            raise RefusalError(400, f"The query is not valid SPARQL: {err}.") from err
        if shape.is_update:
            raise RefusalError(
                403,
                "This endpoint is read-only: SPARQL Update (INSERT, DELETE, LOAD, CLEAR, DROP…) "
                "is refused.",
            )
        if not shape.form:
            raise RefusalError(
                400, "The text is not a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE)."
            )
        if self.settings.allow_remote:
            return shape.form
        if shape.services:
            raise RefusalError(
                403,
                f"SERVICE <{shape.services[0]}> is refused: this endpoint does not call other "
                "endpoints unless its operator starts it with --allow-remote.",
            )
        local = set(self.graphs)
        for graph in [*shape.from_graphs, *default_graphs, *named_graphs]:
            if graph not in local:
                raise RefusalError(
                    403,
                    f"The graph <{graph}> is not in this store, and fetching remote graphs is "
                    "refused unless the operator starts the endpoint with --allow-remote.",
                )
        return shape.form

    async def answer(self, request: Request, params: list[tuple[str, str]], query: str) -> Response:
        """Run ``query`` for ``request`` and negotiate the answer."""
        import anyio

        self.refresh()
        default_graphs = [v for k, v in params if k == "default-graph-uri"]
        named_graphs = [v for k, v in params if k == "named-graph-uri"]
        try:
            form = self.check(query, default_graphs, named_graphs)
        except RefusalError as refusal:
            return PlainTextResponse(refusal.message + "\n", status_code=refusal.status)
        media_type = choose_media_type(form, params, request.headers.get("accept", ""))
        offered = RESULT_TYPES if form in ("SELECT", "ASK") else GRAPH_TYPES
        if media_type is None:
            return PlainTextResponse(
                f"None of the accepted media types is available; this query gives "
                f"{', '.join(offered)}.\n",
                status_code=406,
            )
        job = Job(
            query=query,
            result_type=media_type if form in ("SELECT", "ASK") else RESULT_TYPES[0],
            graph_type=media_type if form not in ("SELECT", "ASK") else GRAPH_TYPES[0],
            default_graphs=tuple(default_graphs),
            named_graphs=tuple(named_graphs),
            max_rows=self.settings.max_rows,
            base_iri=str(request.url.replace(query="", fragment="")).rstrip("?"),
        )
        assert self.pool is not None
        result = await anyio.to_thread.run_sync(self.pool.run, job, limiter=self.limiter)
        headers = {"Vary": "Accept"}
        media = result.media_type
        if media.startswith("text/") and "charset" not in media:
            media += "; charset=utf-8"
        return Response(result.body, status_code=result.status, media_type=media, headers=headers)

    def description(self, request: Request) -> Response:
        """The SPARQL 1.1 service description, negotiated among the RDF formats."""
        self.refresh()
        media_type = (
            negotiate(request.headers.get("accept", ""), GRAPH_TYPES, GRAPH_ALIASES)
            or GRAPH_TYPES[0]
        )
        endpoint = ox.NamedNode(str(request.url.replace(query="", fragment="")).rstrip("?"))
        sd = lambda name: ox.NamedNode(SD + name)  # noqa: E731
        rdf_type = RDF.type
        service, dataset, default = ox.BlankNode("service"), ox.BlankNode("dataset"), ox.BlankNode()
        triples = [
            ox.Triple(service, rdf_type, sd("Service")),
            ox.Triple(service, sd("endpoint"), endpoint),
            ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
            ox.Triple(service, sd("feature"), sd("UnionDefaultGraph")),
            ox.Triple(service, sd("defaultDataset"), dataset),
            ox.Triple(dataset, rdf_type, sd("Dataset")),
            ox.Triple(dataset, sd("defaultGraph"), default),
            ox.Triple(default, rdf_type, sd("Graph")),
            ox.Triple(
                service,
                ox.NamedNode("http://purl.org/dc/terms/title"),
                ox.Literal("samklang SPARQL endpoint (read-only)", language="en"),
            ),
        ]
        if self.pointer is not None:  # the load whose data is served
            triples.append(
                ox.Triple(
                    dataset,
                    DCTERMS.modified,
                    ox.Literal(self.pointer.published, datatype=XSD.dateTime),
                )
            )
        for media in RESULT_TYPES + GRAPH_TYPES:
            triples.append(
                ox.Triple(
                    service, sd("resultFormat"), ox.NamedNode(FORMATS_NS + FORMAT_IRIS[media])
                )
            )
        for graph in self.graphs:
            named = ox.BlankNode()
            triples += [
                ox.Triple(dataset, sd("namedGraph"), named),
                ox.Triple(named, rdf_type, sd("NamedGraph")),
                ox.Triple(named, sd("name"), ox.NamedNode(graph)),
            ]
        body = ox.serialize(
            triples, format=GRAPH_FORMATS[media_type], prefixes={"sd": SD, "formats": FORMATS_NS}
        )
        return Response(body, media_type=media_type, headers={"Vary": "Accept"})


def create_app(settings: ServerSettings) -> Guard:
    """The ASGI application serving ``settings.store_path``, behind its :class:`Guard`.

    Raises:
        UsageError: the store cannot be opened, or disagrees with its catalogue.
    """
    import anyio

    endpoint = Endpoint(settings)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        endpoint.limiter = anyio.CapacityLimiter(settings.max_workers + settings.queue + 1)
        endpoint.pool = Pool(
            settings.store_path,
            settings.workers,
            settings.timeout,
            max_size=settings.max_workers,
            queue=settings.queue,
        )
        try:
            yield
        finally:
            endpoint.pool.close()

    async def sparql(request: Request) -> Response:
        params = list(request.query_params.multi_items())
        if request.method == "POST":
            header = request.headers.get("content-type", "")
            content_type = header.split(";")[0].strip().lower()
            try:
                body = decoded(await request.body(), header)
            except RefusalError as refusal:
                return PlainTextResponse(refusal.message + "\n", status_code=refusal.status)
            if content_type == "application/x-www-form-urlencoded":
                params += parse_qsl(body, keep_blank_values=True, encoding=charset_of(header))
            elif content_type == "application/sparql-query":
                params.append(("query", body))
            elif content_type == "application/sparql-update":
                params.append(("update", body))
            else:
                return PlainTextResponse(
                    "POST a query as application/x-www-form-urlencoded (query=…) or as "
                    "application/sparql-query.\n",
                    status_code=415,
                )
        if any(k == "update" for k, _ in params):
            return PlainTextResponse(
                "This endpoint is read-only: SPARQL Update is refused.\n", status_code=403
            )
        queries = [v for k, v in params if k == "query"]
        if not queries:
            if request.method == "GET":
                return endpoint.description(request)
            return PlainTextResponse("No query given (expected query=…).\n", status_code=400)
        if len(queries) > 1:
            return PlainTextResponse("Give one query per request.\n", status_code=400)
        return await endpoint.answer(request, params, queries[0])

    async def page(request: Request) -> Response:
        return HTMLResponse(
            _page(settings.lang), headers={"Content-Security-Policy": PAGE_SECURITY}
        )

    async def page_script(request: Request) -> Response:
        return Response(_PAGE_SCRIPT, media_type="text/javascript; charset=utf-8")

    async def named_queries(request: Request) -> Response:
        return JSONResponse(query_list(settings.lang))

    async def vendor(request: Request) -> Response:
        name = request.path_params["name"]
        media = {"yasgui.min.js": "text/javascript", "yasgui.min.css": "text/css"}.get(name)
        if media is None:
            return PlainTextResponse("Not found.\n", status_code=404)
        data = files("samklang").joinpath("vendor", "yasgui", name).read_bytes()
        return Response(
            data,
            media_type=f"{media}; charset=utf-8",
            headers={"Cache-Control": "public, max-age=86400"},
        )

    async def favicon(request: Request) -> Response:
        return Response(status_code=204)

    app = Starlette(
        routes=[
            Route("/", page),
            Route("/favicon.ico", favicon),
            Route("/page.js", page_script),
            Route("/queries.json", named_queries),
            Route("/sparql", sparql, methods=["GET", "POST"]),
            Route("/vendor/yasgui/{name}", vendor),
        ],
        lifespan=lifespan,
    )
    return Guard(
        app,
        max_body=settings.max_body,
        hosts=allowed_names(settings.host, settings.allow_hosts),
        client_timeout=settings.client_timeout,
    )


def query_list(lang: str) -> list[dict[str, Any]]:
    """The research queries as the page shows them: parameters bound to their defaults through
    a ``VALUES`` row the reader can edit, and the project's prefixes declared."""
    from samklang.graph.sparql_text import bind_values
    from samklang.graph.store import with_prefixes
    from samklang.queries.research import library

    out = []
    for q in library().values():
        head = [f"# {q.title.get(lang, q.name)}", f"# {q.description.get(lang, '')}"]
        for p in q.parameters:
            head.append(f"# ?{p.name} ({p.type}): {p.description.get(lang, '')}")
        text = bind_values(q.query, q.bindings())
        out.append(
            {
                "name": q.name,
                "title": q.title.get(lang, q.name),
                "description": q.description.get(lang, ""),
                "query": "\n".join(head) + "\n" + with_prefixes(text),
            }
        )
    return out


_TEXT = {
    "sv": {
        "title": "samklang – SPARQL",
        "intro": "Fråga kunskapsgrafen med SPARQL. Flikarna innehåller forskningsbibliotekets "
        "frågor; parametrarna står i VALUES-raden överst i varje fråga. Endast läsning.",
        "endpoint": "Ändpunkt",
    },
    "en": {
        "title": "samklang – SPARQL",
        "intro": "Query the knowledge graph with SPARQL. The tabs hold the research library's "
        "queries; their parameters are in the VALUES row at the top of each. Read-only.",
        "endpoint": "Endpoint",
    },
}


def _page(lang: str) -> str:
    text = {k: html.escape(v) for k, v in _TEXT.get(lang, _TEXT["sv"]).items()}
    return f"""<!DOCTYPE html>
<html lang="{html.escape(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{text["title"]}</title>
<link rel="stylesheet" href="vendor/yasgui/yasgui.min.css">
<style>
body {{ font-family: system-ui, sans-serif; margin: 0 1rem; }}
header p {{ max-width: 60rem; }}
code {{ background: #f3f3f3; padding: 0 .2em; }}
</style>
</head>
<body>
<header>
<h1>{text["title"]}</h1>
<p>{text["intro"]} {text["endpoint"]}: <code>sparql</code></p>
</header>
<div id="yasgui"></div>
<script src="vendor/yasgui/yasgui.min.js"></script>
<script src="page.js"></script>
</body>
</html>
"""


_PAGE_SCRIPT = """\
"use strict";
(function () {
  var endpoint = new URL("sparql", document.baseURI).href;
  // Offline: no autocompleter that calls an outside vocabulary service.
  Yasgui.Yasqe.defaults.autocompleters = ["prefixes", "variables"];
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    persistenceId: null,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } }
  });
  fetch("queries.json").then(function (r) { return r.json(); }).then(function (queries) {
    var first = Object.keys(yasgui._tabs || {});
    queries.forEach(function (q, i) {
      yasgui.addTab(i === 0, { name: q.name, yasqe: { value: q.query },
                               requestConfig: { endpoint: endpoint, method: "POST" } });
    });
    first.forEach(function (id) { var tab = yasgui.getTab(id); if (tab) { tab.close(); } });
  });
})();
"""
