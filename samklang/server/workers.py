"""Queries run in worker processes that can be stopped: the endpoint's timeout holds even when a
query is deep in Oxigraph's native code, which ignores signals such as ``SIGALRM``.

Each worker opens the on-disk store read-only and answers one query at a time over a pipe. A
query that outlives the timeout gets its worker killed and replaced; the other workers go on.
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import multiprocessing.connection
import threading
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from samklang.graph.sparql_json import results_json
from samklang.ontology.namespace import XSD

_XSD_STRING = XSD.string.value


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
    """

    query: str
    result_type: str
    graph_type: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    max_rows: int = 10_000


@dataclass(frozen=True)
class Answer:
    """A worker's answer: an HTTP status, a media type and the body."""

    status: int
    media_type: str
    body: bytes


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
            variables = list(result.variables)
            rows = []
            for solution in result:
                rows.append([solution[v] for v in variables])
                if len(rows) > job.max_rows:
                    return _text(413, _too_many(job.max_rows, "rows"))
            body = _serialize_rows(variables, rows, job.result_type)
            return Answer(200, job.result_type, body)
        triples = []
        for triple in result:
            triples.append(triple)
            if len(triples) > job.max_rows:
                return _text(413, _too_many(job.max_rows, "triples"))
        body = ox.serialize(triples, format=GRAPH_FORMATS[job.graph_type]) or b""
        return Answer(200, job.graph_type, body)
    except SyntaxError as err:
        return _text(400, f"The query is not valid SPARQL: {err}")
    except (OSError, RuntimeError, ValueError) as err:
        return _text(500, f"The query failed: {err}")


def _too_many(limit: int, what: str) -> str:
    return (
        f"The answer has more than {limit} {what}, the most this endpoint returns; "
        "add LIMIT (and OFFSET to page), or ask the operator to raise --max-rows."
    )


def _serialize_boolean(result: ox.QueryBoolean, media_type: str) -> bytes:
    body = result.serialize(format=RESULT_FORMATS[media_type])
    assert body is not None
    return body


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
    """The worker process: open the store, answer jobs until told to stop."""
    store = ox.Store.read_only(path)
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        conn.send(execute(store, job))


class Worker:
    """One worker process and its end of the pipe."""

    def __init__(self, path: str) -> None:
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_main, args=(path, child), daemon=True)
        self.process.start()
        child.close()

    def ask(self, job: Job, timeout: float) -> Answer | None:
        """Send ``job``; its answer, or ``None`` if none came within ``timeout`` seconds."""
        self.conn.send(job)
        if self.conn.poll(timeout):
            try:
                answer: Answer = self.conn.recv()
                return answer
            except EOFError:
                return Answer(500, "text/plain; charset=utf-8", b"The query worker died.\n")
        return None

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


class Pool:
    """A fixed number of workers over one store folder, each running one query at a time.

    Args:
        path: the on-disk Oxigraph store.
        size: how many workers (queries at once).
        timeout: seconds a query may run before its worker is killed.
    """

    def __init__(self, path: str, size: int = 2, timeout: float = 10.0) -> None:
        self.path = path
        self.timeout = timeout
        self.idle: list[Worker] = [Worker(path) for _ in range(max(1, size))]
        self.ready = threading.Semaphore(len(self.idle))
        self.lock = threading.Lock()

    def run(self, job: Job) -> Answer:
        """Run ``job`` on an idle worker (waiting for one); blocks, so call it from a thread."""
        self.ready.acquire()
        with self.lock:
            worker = self.idle.pop()
        try:
            if not worker.alive():
                worker.stop(kill=True)
                worker = Worker(self.path)
            answer = worker.ask(job, self.timeout)
            if answer is None:
                worker.stop(kill=True)
                worker = Worker(self.path)
                return Answer(
                    503,
                    "text/plain; charset=utf-8",
                    (
                        f"The query ran longer than the endpoint's timeout of {self.timeout:g} "
                        "seconds and was stopped. Narrow it, or ask the operator to raise "
                        "--timeout.\n"
                    ).encode(),
                )
            return answer
        finally:
            with self.lock:
                self.idle.append(worker)
            self.ready.release()

    def close(self) -> None:
        """Stop every worker."""
        with self.lock:
            workers, self.idle = self.idle, []
        for worker in workers:
            worker.stop()
