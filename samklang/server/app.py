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
- answers are kept (:mod:`samklang.server.answer_cache`) until a load publishes a new
  generation: the same query, graphs and media type are answered again without running;
- in front of it all, :class:`samklang.server.guard.Guard`: the ``Host`` header, the size of a
  request and the time a client may take to send it;
- ``GET /``: an offline query page (YASGUI, vendored) preloaded with the research queries.

The default graph is the union of all named graphs, as for ``samklang query``.
"""

from __future__ import annotations

import contextlib
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
from samklang.server.answer_cache import DEFAULT_BYTES, AnswerCache
from samklang.server.guard import Guard, allowed_names
from samklang.server.media_types import (
    FORMAT_IRIS,
    GRAPH_ALIASES,
    GRAPH_TYPES,
    RESULT_TYPES,
    choose_media_type,
    negotiate,
)
from samklang.server.page import PAGE_SECURITY, query_list, query_page, query_page_script
from samklang.server.request_body import RefusalError, charset_of, decoded
from samklang.server.workers import GRAPH_FORMATS, Answer, Job, Pool

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS_NS = "http://www.w3.org/ns/formats/"

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
        cache_bytes: the most bytes of answers kept until the store changes (0: none).
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
    cache_bytes: int = DEFAULT_BYTES


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
        self.cache = AnswerCache(settings.cache_bytes)
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
        self.cache.follow(self.pointer)

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
        """Run ``query`` for ``request`` (or give the answer kept for it) and negotiate it."""
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
        base_iri = str(request.url.replace(query="", fragment="")).rstrip("?")
        key = (query, tuple(default_graphs), tuple(named_graphs), media_type, base_iri)
        result = self.cache.get(key, self.pointer)
        if result is None:
            result = await self._run(query, form, media_type, default_graphs, named_graphs,
                                     base_iri)  # fmt: skip
            self.cache.put(key, result)
        headers = {"Vary": "Accept"}
        media = result.media_type
        if media.startswith("text/") and "charset" not in media:
            media += "; charset=utf-8"
        return Response(result.body, status_code=result.status, media_type=media, headers=headers)

    async def _run(
        self,
        query: str,
        form: str,
        media_type: str,
        default_graphs: list[str],
        named_graphs: list[str],
        base_iri: str,
    ) -> Answer:
        """Run ``query`` on a worker (waiting for one in a thread)."""
        import anyio

        job = Job(
            query=query,
            result_type=media_type if form in ("SELECT", "ASK") else RESULT_TYPES[0],
            graph_type=media_type if form not in ("SELECT", "ASK") else GRAPH_TYPES[0],
            default_graphs=tuple(default_graphs),
            named_graphs=tuple(named_graphs),
            max_rows=self.settings.max_rows,
            base_iri=base_iri,
        )
        assert self.pool is not None
        answer: Answer = await anyio.to_thread.run_sync(self.pool.run, job, limiter=self.limiter)
        return answer

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
            query_page(settings.lang), headers={"Content-Security-Policy": PAGE_SECURITY}
        )

    async def page_script(request: Request) -> Response:
        return Response(query_page_script(), media_type="text/javascript; charset=utf-8")

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
    app.state.endpoint = endpoint  # for tests: its answer cache
    return Guard(
        app,
        max_body=settings.max_body,
        hosts=allowed_names(settings.host, settings.allow_hosts),
        client_timeout=settings.client_timeout,
    )


