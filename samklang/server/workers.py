"""Queries run in worker processes that can be stopped: the endpoint's timeout holds even when a
query is deep in Oxigraph's native code, which ignores signals such as ``SIGALRM``.

Each worker opens the on-disk store's current generation read-only and answers one query at a
time over a pipe; after a load publishes a new generation, its next query reads the new one. A
query that outlives the timeout gets its worker killed and replaced; the other workers go on,
and when all of them are held by slow queries the pool starts one more (:class:`Pool`).
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import multiprocessing.connection
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from samklang.errors import UsageError
from samklang.graph.sparql_json import results_json
from samklang.graph.store import folder
from samklang.ontology.namespace import XSD

_XSD_STRING = XSD.string.value


def _context() -> Any:
    """How worker processes start: from a fork server that has imported this module already
    (a new worker answers in about 40 ms instead of 200 ms or more), or spawned where there is
    none (Windows)."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])
        return context
    return multiprocessing.get_context("spawn")  # pragma: no cover - Windows


@dataclass(frozen=True)
class Job:
    """One query to run.

    Attributes:
        query: the query text (already checked against the endpoint's policy).
        result_type: media type for SELECT/ASK results.
        graph_type: media type for CONSTRUCT/DESCRIBE results.
        default_graphs: ``default-graph-uri`` values (none: the union of all named graphs).
        named_graphs: ``named-graph-uri`` values (none: all).
        max_rows: the most rows (or triples) an answer may hold.
        base_iri: the IRI relative IRIs in the query resolve against (the endpoint's URL).
    """

    query: str
    result_type: str
    graph_type: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    max_rows: int = 10_000
    base_iri: str | None = None


@dataclass(frozen=True)
class Answer:
    """A worker's answer: an HTTP status, a media type and the body, and the store generation
    that answered (``None`` for a store built before generations)."""

    status: int
    media_type: str
    body: bytes
    pointer: folder.Pointer | None = None


RESULT_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}


def _text(status: int, message: str) -> Answer:
    return Answer(status, "text/plain; charset=utf-8", (message + "\n").encode())


def execute(store: ox.Store, job: Job) -> Answer:
    """Run ``job`` on ``store`` and serialise the answer (in the worker process)."""
    kwargs: dict[str, Any] = {}
    if job.base_iri:
        kwargs["base_iri"] = job.base_iri
    if job.default_graphs:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs]
    else:
        kwargs["use_default_graph_as_union"] = True
    if job.named_graphs:
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    try:
        result = store.query(job.query, **kwargs)
        if isinstance(result, ox.QueryBoolean):
            return Answer(200, job.result_type, _serialize_boolean(result, job.result_type))
        if isinstance(result, ox.QuerySolutions):
            variables = in_query_order(job.query, list(result.variables))
            rows = []
            for solution in result:
                rows.append([solution[v] for v in variables])
                if len(rows) > job.max_rows:
                    return _text(413, _too_many(job.max_rows, "rows"))
            if job.result_type == "application/sparql-results+xml":
                unwritable = _not_in_xml(t for row in rows for t in row)
                if unwritable:
                    return _text(406, unwritable)
            body = _serialize_rows(variables, rows, job.result_type)
            return Answer(200, job.result_type, body)
        triples = []
        for triple in result:
            triples.append(triple)
            if len(triples) > job.max_rows:
                return _text(413, _too_many(job.max_rows, "triples"))
        if job.graph_type == "application/rdf+xml":
            unwritable = _not_in_xml(t for triple in triples for t in triple)
            if unwritable:
                return _text(406, unwritable)
        body = ox.serialize(triples, format=GRAPH_FORMATS[job.graph_type]) or b""
        return Answer(200, job.graph_type, body)
    except SyntaxError as err:
        return _text(400, f"The query is not valid SPARQL: {err}")
    except (OSError, RuntimeError, ValueError) as err:
        return _text(500, f"The query failed: {err}")


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""The characters XML 1.0 cannot hold, not even as a character reference (XML 1.0 §2.2)."""


def _not_in_xml(terms: Any) -> str | None:
    """Why the answer cannot be written as XML (a sentence), or ``None`` if it can."""
    for term in terms:
        text = term.value if isinstance(term, ox.NamedNode | ox.Literal | ox.BlankNode) else ""
        found = _NOT_XML.search(text) if text else None
        if found:
            return (
                f"The answer holds the character U+{ord(found.group()):04X}, which XML 1.0 "
                "cannot carry; ask for application/sparql-results+json (or text/turtle, "
                "application/n-triples, application/ld+json for a graph)."
            )
    return None


def _too_many(limit: int, what: str) -> str:
    return (
        f"The answer has more than {limit} {what}, the most this endpoint returns; "
        "add LIMIT (and OFFSET to page), or ask the operator to raise --max-rows."
    )


def _serialize_boolean(result: ox.QueryBoolean, media_type: str) -> bytes:
    body = result.serialize(format=RESULT_FORMATS[media_type])
    assert body is not None
    return body


def in_query_order(query: str, variables: list[ox.Variable]) -> list[ox.Variable]:
    """The columns of a ``SELECT *`` in the order their variables first appear in the query,
    as the W3C results-format tests expect (Oxigraph gives them sorted by name); the columns of
    a query that names them, as it names them.

    >>> names = [ox.Variable(n) for n in ("o", "p", "s")]
    >>> [v.value for v in in_query_order("SELECT * WHERE { ?s ?p ?o }", names)]
    ['s', 'p', 'o']
    """
    from samklang.graph.sparql_text import projection, tokens

    try:
        if projection(query):
            return variables
        seen = [t.text[1:] for t in tokens(query) if t.kind == "var"]
    except UsageError:
        return variables
    first = {name: i for i, name in reversed(list(enumerate(seen)))}
    return sorted(variables, key=lambda v: first.get(v.value, len(seen)))


def _serialize_rows(variables: list[ox.Variable], rows: list[list[Any]], media_type: str) -> bytes:
    """SPARQL 1.1 results in JSON, XML, CSV or TSV."""
    names = [v.value for v in variables]
    if media_type == "application/sparql-results+json":
        doc = results_json(names, (dict(zip(names, row, strict=True)) for row in rows))
        return json.dumps(doc, ensure_ascii=False).encode()
    if media_type == "application/sparql-results+xml":
        out = [
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>'
        ]
        out += [f"<variable name={quoteattr(n)}/>" for n in names]
        out.append("</head>\n<results>\n")
        for row in rows:
            out.append("<result>")
            for n, term in zip(names, row, strict=True):
                if term is not None:
                    out.append(f"<binding name={quoteattr(n)}>{_xml_term(term)}</binding>")
            out.append("</result>\n")
        out.append("</results>\n</sparql>\n")
        return "".join(out).encode()
    if media_type == "text/csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(names)
        for row in rows:
            writer.writerow([_plain(t) for t in row])
        return buffer.getvalue().encode()
    lines = ["\t".join(f"?{n}" for n in names)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
    return ("\n".join(lines) + "\n").encode()


def _xml_term(term: Any) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Triple):
        return f"<literal>{escape(str(term))}</literal>"
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
    if term.datatype.value != _XSD_STRING:
        return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
    return f"<literal>{escape(term.value)}</literal>"


def _plain(term: Any) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):
        return str(term)
    return str(term.value)


def _main(path: str, conn: multiprocessing.connection.Connection) -> None:
    """The worker process: open the store's current generation, say so, and answer jobs until
    told to stop. Before each job, and after a second without one, it looks at the store's
    pointer (one small file): once a load has published a new generation, the next query reads
    that one and the old generation is let go (a later load removes it)."""
    root = Path(path)
    try:
        reader = folder.open_reader(root)
        store = ox.Store.read_only(str(reader.folder))
    except (OSError, UsageError) as err:
        conn.send(("failed", str(err)))
        return
    conn.send(("ready", reader.pointer.generation if reader.pointer else None))
    while True:
        try:
            if not conn.poll(1.0):
                reader, store = _current(root, reader, store)
                continue
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        reader, store = _current(root, reader, store)
        answer = execute(store, job)
        conn.send(Answer(answer.status, answer.media_type, answer.body, reader.pointer))


def _current(root: Path, reader: folder.Reader, store: ox.Store) -> tuple[folder.Reader, ox.Store]:
    """The reader and store of the current generation: the ones given if it has not changed."""
    pointer = folder.generation(root)
    if pointer is None or pointer == reader.pointer:
        return reader, store
    try:
        newer = folder.open_reader(root)
        opened = ox.Store.read_only(str(newer.folder))
    except (OSError, UsageError):
        return reader, store  # go on with the snapshot it has; the next job tries again
    del store
    reader.close()
    return newer, opened


class Worker:
    """One worker process and its end of the pipe."""

    def __init__(self, path: str) -> None:
        context = _context()
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_main, args=(path, child), daemon=True)
        self.process.start()
        child.close()

    def ready(self, timeout: float = 60.0) -> bool:
        """Wait until the process has opened the store; whether it did."""
        try:
            if not self.conn.poll(timeout):
                return False
            message = self.conn.recv()
        except (EOFError, OSError):
            return False
        return bool(message and message[0] == "ready")

    def ask(self, job: Job, timeout: float) -> Answer | None:
        """Send ``job``; its answer, or ``None`` if none came within ``timeout`` seconds."""
        try:
            self.conn.send(job)
            if not self.conn.poll(timeout):
                return None
            answer: Answer = self.conn.recv()
            return answer
        except (EOFError, OSError):
            return Answer(500, "text/plain; charset=utf-8", b"The query worker died.\n")

    def alive(self) -> bool:
        """Whether the process still runs."""
        return self.process.is_alive()

    def stop(self, kill: bool = False) -> None:
        """End the process: politely, or at once with ``kill``."""
        if kill or not self.process.is_alive():
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                self.process.kill()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def _text_answer(status: int, text: str) -> Answer:
    return Answer(status, "text/plain; charset=utf-8", (text + "\n").encode())


class Pool:
    """Worker processes over one store folder, each running one query at a time, and a bounded
    queue in front of them, so that slow queries do not hold up cheap ones.

    ``size`` workers are kept ready. When every worker is busy and each of them has been
    running its query for ``slow_after`` seconds or more, more workers are started (up to
    ``max_size``): one for each query waiting and one spare, ready for the next query; extra
    workers that stay idle for ``linger`` seconds are stopped again. A query that finds no idle
    worker waits (at most ``queue`` queries wait; more are refused at once) until one is free
    or ``timeout`` has passed.

    Args:
        path: the on-disk store folder.
        size: workers kept ready.
        timeout: seconds a query may run before its worker is killed (and may wait for one).
        max_size: the most workers at once (default: four times ``size``).
        slow_after: seconds after which a running query counts as slow.
        queue: the most queries that may wait for a worker.
        linger: seconds an extra idle worker is kept.
    """

    def __init__(
        self,
        path: str,
        size: int = 2,
        timeout: float = 10.0,
        *,
        max_size: int | None = None,
        slow_after: float = 0.1,
        queue: int = 32,
        linger: float = 30.0,
    ) -> None:
        self.path = path
        self.timeout = timeout
        self.size = max(1, size)
        self.max_size = max(self.size, max_size if max_size is not None else 4 * self.size)
        self.slow_after = slow_after
        self.queue = queue
        self.linger = linger
        self.cond = threading.Condition()
        self.idle: list[tuple[Worker, float]] = []
        for worker in [Worker(path) for _ in range(self.size)]:  # started at once, then awaited
            if worker.ready():
                self.idle.append((worker, time.monotonic()))
            else:
                worker.stop(kill=True)
        if not self.idle:
            raise UsageError(f"cannot open the store {path}: no query worker could open it")
        self.busy: dict[Worker, float] = {}
        self.starting = 0
        self.waiting = 0
        self.started = len(self.idle)  # workers started so far (a measure for tests)
        self.closed = False
        self._watcher = threading.Thread(target=self._watch, name="samklang-pool", daemon=True)
        self._watcher.start()

    def run(self, job: Job) -> Answer:
        """Run ``job`` on an idle worker (waiting for one); blocks, so call it from a thread."""
        deadline = time.monotonic() + self.timeout
        with self.cond:
            if not self.idle and self.waiting >= self.queue:
                return _text_answer(503, _busy(self.waiting))
            self.waiting += 1
            try:
                while not self.idle:
                    remaining = deadline - time.monotonic()
                    if remaining <= 0 or self.closed:
                        return _text_answer(503, _busy(self.waiting))
                    self.cond.wait(remaining)
            finally:
                self.waiting -= 1
            worker, _ = self.idle.pop()
            self.busy[worker] = time.monotonic()
            self.cond.notify_all()
        answer: Answer | None = None
        try:
            answer = worker.ask(job, self.timeout) if worker.alive() else None
            if answer is None and worker.alive():
                return _text_answer(
                    503,
                    f"The query ran longer than the endpoint's timeout of {self.timeout:g} "
                    "seconds and was stopped. Narrow it, or ask the operator to raise --timeout.",
                )
            if answer is None:
                return _text_answer(500, "The query worker died.")
            return answer
        finally:
            healthy = answer is not None and answer.body != b"The query worker died.\n"
            if not healthy:
                worker.stop(kill=True)  # the watcher starts a replacement
            with self.cond:
                del self.busy[worker]
                if healthy and not self.closed:
                    self.idle.append((worker, time.monotonic()))
                self.cond.notify_all()
            if healthy and self.closed:
                worker.stop()

    def _watch(self) -> None:
        """Keep ``size`` workers; when all are held by slow queries, start one for each query
        waiting and one spare (at once, in parallel); stop extra workers that idle."""
        failures = 0
        while True:
            retire: list[Worker] = []
            with self.cond:
                if self.closed:
                    return
                now = time.monotonic()
                total = len(self.idle) + len(self.busy) + self.starting
                held = bool(self.busy) and all(
                    now - since >= self.slow_after for since in self.busy.values()
                )
                wanted = self.size - total
                if held and not self.idle:
                    wanted = max(wanted, self.waiting + 1 - self.starting)
                wanted = max(0, min(wanted, self.max_size - total))
                if not wanted and total > self.size:
                    extra = total - self.size
                    for entry in list(self.idle):
                        if extra and now - entry[1] >= self.linger:
                            self.idle.remove(entry)
                            retire.append(entry[0])
                            extra -= 1
                self.starting += wanted
                if not wanted and not retire:
                    self.cond.wait(0.05)
                    continue
            for worker in retire:
                worker.stop()
            if not wanted:
                continue
            for worker in [Worker(self.path) for _ in range(wanted)]:  # start together
                ready = worker.ready()
                if not ready:
                    worker.stop(kill=True)
                with self.cond:
                    self.starting -= 1
                    if ready and not self.closed:
                        self.idle.append((worker, time.monotonic()))
                        self.started += 1
                        self.cond.notify_all()
                if ready and self.closed:
                    worker.stop()
                failures = 0 if ready else failures + 1
            if failures:
                time.sleep(min(5.0, 0.5 * failures))  # the store cannot be opened: retry slowly

    def counts(self) -> dict[str, int]:
        """How many workers are idle, busy and starting, and queries waiting (for tests)."""
        with self.cond:
            return {
                "idle": len(self.idle),
                "busy": len(self.busy),
                "starting": self.starting,
                "waiting": self.waiting,
                "started": self.started,
            }

    def close(self) -> None:
        """Stop every worker."""
        with self.cond:
            self.closed = True
            workers, self.idle = [w for w, _ in self.idle], []
            self.cond.notify_all()
        self._watcher.join(timeout=70)
        for worker in workers:
            worker.stop()


def _busy(waiting: int) -> str:
    return (
        f"The endpoint is busy: every query worker is running a query and {waiting} more are "
        "waiting. Try again in a moment."
    )
