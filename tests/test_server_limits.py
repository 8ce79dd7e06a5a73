"""``samklang serve`` against a hostile web (issue 17): request sizes, the ``Host`` header,
half-sent requests and idle connections, slow queries beside cheap ones, and a store that a
load changes while it is served. Raw sockets where a client would misbehave."""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from samklang.graph.corpus import load_corpus
from samklang.graph.store.oxigraph import OxigraphStore
from samklang.server.guard import Guard, allowed_names, host_allowed, host_name

from .conftest import ROOT
from .test_server import form, free_port, http, wait_for
from .test_store import _damaged_store

RESEARCH = ROOT / "tests" / "research"
EXEMPELBY, PROVKOPING = RESEARCH / "exempelby", RESEARCH / "provkoping"
MAX_BODY = 65_536
CLIENT_TIMEOUT = 1.5
TIMEOUT = 3.0
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
CHEAP = "ASK { ?s ?p ?o }"


def _serve(folder: Path, log: Path, *args: str) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-c", "from samklang.cli import main; main()", "serve",
             "--store", str(folder), "--port", str(port), *args],
            stdout=out, stderr=subprocess.STDOUT, env=env,
        )  # fmt: skip
    return process, port


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("limits") / "store"
    load_corpus([EXEMPELBY], OxigraphStore(folder))
    return folder


@pytest.fixture(scope="module")
def served(store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """The store served with small limits; the base URL and the port."""
    log = tmp_path_factory.mktemp("limits-log") / "serve.log"
    process, port = _serve(
        store, log, "--max-body", str(MAX_BODY), "--client-timeout", str(CLIENT_TIMEOUT),
        "--timeout", str(TIMEOUT), "--allow-host", "samklang.example", "--workers", "2",
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/sparql", process, log)
        yield base, port
    finally:
        _stop(process)


def raw(port: int, data: bytes, *, wait: float = 15.0) -> tuple[bytes, float, bool]:
    """Send ``data`` on a new connection and read until the server closes it (or ``wait``
    seconds pass): the bytes read, the seconds it took, and whether the server closed it."""
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as sock:
        if data:
            sock.sendall(data)
        received = b""
        closed = False
        try:
            while True:
                chunk = sock.recv(65_536)
                if not chunk:
                    closed = True
                    break
                received += chunk
        except (TimeoutError, ConnectionResetError):
            pass
    return received, time.monotonic() - started, closed


def status_of(response: bytes) -> int:
    return int(response.split(b" ", 2)[1]) if response.startswith(b"HTTP/") else 0


# --- Without a server: the Host rules and the body limit in process ------------------------


def test_host_names() -> None:
    names = allowed_names("127.0.0.1", ["samklang.example", "Data.Example.ORG."])
    assert names == {"localhost", "samklang.example", "data.example.org"}
    assert host_name("[::1]:8000") == "::1" and host_name("LOCALHOST:80") == "localhost"
    for header in [
        "localhost:8000",
        "127.0.0.1:8000",
        "[::1]:8000",
        "10.0.0.7",
        "samklang.example",
        "data.example.org:443",
    ]:
        assert host_allowed(header, names), header
    for header in [
        "evil.example",
        "evil.example:8000",
        "localhost.evil.example",
        "127.0.0.1.nip.io",
        "",
    ]:
        assert not host_allowed(header, names), header
    assert host_allowed("anything.example", allowed_names("0.0.0.0", ["*"]))
    assert "myhost" in allowed_names("myhost", [])  # bound to a name: that name answers


def _asgi(guard: Guard, headers: list[tuple[bytes, bytes]], chunks: list[bytes]) -> list[dict]:
    """Run one request through ``guard``: what it sent."""
    sent: list[dict] = []
    pieces = [{"type": "http.request", "body": c, "more_body": i < len(chunks) - 1}
              for i, c in enumerate(chunks)]  # fmt: skip

    async def receive() -> dict:
        if pieces:
            return pieces.pop(0)
        await asyncio.sleep(3600)
        return {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/sparql", "headers": headers}
    asyncio.run(guard(scope, receive, send))  # type: ignore[arg-type]
    return sent


def test_the_body_limit_is_one_mib_by_default_and_refuses_before_reading() -> None:
    from samklang.server.app import ServerSettings

    assert ServerSettings(store_path="x").max_body == 1024 * 1024
    reached: list[bytes] = []

    async def app(scope: dict, receive: object, send: object) -> None:
        message = await receive()  # type: ignore[operator]
        reached.append(message["body"])

    guard = Guard(app, max_body=1024 * 1024, hosts=frozenset({"localhost"}), client_timeout=1)
    # Content-Length over the limit: 413 at once, nothing read.
    sent = _asgi(guard, [(b"content-length", b"104857600")], [])
    assert sent[0]["status"] == 413 and (b"connection", b"close") in sent[0]["headers"]
    assert b"larger than 1048576 bytes" in sent[1]["body"] and not reached
    # Chunked, over the limit as it arrives: 413 after the chunk that passes it.
    sent = _asgi(guard, [(b"transfer-encoding", b"chunked")], [b"x" * 600_000] * 3)
    assert sent[0]["status"] == 413 and not reached
    # At the limit: the application gets the whole body.
    sent = _asgi(guard, [(b"content-length", b"1048576")], [b"x" * 524_288] * 2)
    assert reached == [b"x" * 1024 * 1024]


# --- Over HTTP ------------------------------------------------------------------------------


def test_a_body_over_the_limit_is_413_without_being_read(served: tuple[str, int]) -> None:
    _, port = served
    head = (
        b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Content-Type: application/sparql-query\r\nContent-Length: 104857600\r\n\r\n"
    )
    response, seconds, closed = raw(port, head)
    assert status_of(response) == 413 and closed and seconds < CLIENT_TIMEOUT
    assert f"larger than {MAX_BODY} bytes".encode() in response and b"--max-body" in response
    # Chunked: refused once the chunks pass the limit.
    chunk = b"%x\r\n%s\r\n" % (20_000, b"#" * 20_000)
    head = (
        b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Content-Type: application/sparql-query\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    response, seconds, closed = raw(port, head + chunk * 4)
    assert status_of(response) == 413 and closed
    # Under the limit: answered.
    query = "# " + "x" * (MAX_BODY - 100) + "\nASK { ?s ?p ?o }"
    status, _, body = http(served[0] + "/sparql", query.encode(),
                           {"Content-Type": "application/sparql-query"})  # fmt: skip
    assert status == 200 and json.loads(body)["boolean"] is True


def test_a_request_head_over_64_kib_is_refused(served: tuple[str, int]) -> None:
    _, port = served
    for pieces in (1, 20):  # at once, and in pieces
        head = b"GET /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"a" * 70_000 + b"\r\n\r\n"
        size = len(head) // pieces + 1
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            try:
                for i in range(0, len(head), size):
                    sock.sendall(head[i : i + size])
                    time.sleep(0.02 if pieces > 1 else 0)
            except (BrokenPipeError, ConnectionResetError):
                pass
            response = sock.recv(65_536)
        assert status_of(response) in (400, 431), response[:200]
    request = b"GET /sparql?query=" + b"%20" * 5000 + b"ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    response, _, _ = raw(port, request + b"Connection: close\r\n\r\n")
    assert status_of(response) == 200  # a query of 15 KB in the URL is fine


@pytest.mark.parametrize(
    ("host", "status"),
    [
        ("localhost:{port}", 200),
        ("127.0.0.1:{port}", 200),
        ("[::1]:{port}", 200),
        ("samklang.example", 200),
        ("evil.example:{port}", 421),
        ("localhost.evil.example", 421),
    ],
)
def test_only_its_own_host_names_are_answered(
    served: tuple[str, int], host: str, status: int
) -> None:
    _, port = served
    request = (
        f"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: {host.format(port=port)}\r\n"
        "Connection: close\r\n\r\n"
    ).encode()
    response, _, _ = raw(port, request)
    assert status_of(response) == status, response[:300]
    if status == 421:
        assert b"--allow-host" in response and b"true" not in response


@pytest.mark.parametrize(
    "sent",
    [
        b"",  # connects, sends nothing
        b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty",  # half a head
        b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query"
        b"\r\nContent-Length: 100\r\n\r\nASK {",  # half a body
    ],
    ids=["nothing", "half-head", "half-body"],
)
def test_a_client_that_does_not_send_its_request_is_timed_out(
    served: tuple[str, int], sent: bytes
) -> None:
    _, port = served
    response, seconds, closed = raw(port, sent)
    assert closed and CLIENT_TIMEOUT - 0.2 <= seconds <= CLIENT_TIMEOUT + 3, seconds
    assert status_of(response) == 408 and b"did not arrive within 1.5 seconds" in response


def test_a_connection_waiting_for_its_next_request_is_timed_out(served: tuple[str, int]) -> None:
    """After an answer on a kept-alive connection, a client that starts the next request and
    stops is disconnected too (uvicorn's keep-alive timer stops at the first byte)."""
    _, port = served
    request = b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    response, seconds, closed = raw(port, request + b"GET /spa")
    assert response.startswith(b"HTTP/1.1 200") and closed
    assert seconds <= CLIENT_TIMEOUT + 3, seconds


def test_many_idle_connections_do_not_stop_the_endpoint(served: tuple[str, int]) -> None:
    base, port = served
    idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(40)]
    try:
        for sock in idle:
            sock.sendall(b"GET /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        started = time.monotonic()
        status, _, _ = http(base + "/sparql", form(CHEAP))
        assert status == 200 and time.monotonic() - started < 2
    finally:
        for sock in idle:
            sock.close()


@pytest.mark.slow
@pytest.mark.parametrize("slow", [2, 4])
def test_slow_queries_do_not_hold_up_a_cheap_one(served: tuple[str, int], slow: int) -> None:
    """``slow`` pathological queries (as many as the workers kept ready, then twice as many):
    a cheap query sent while they run is answered within half a second."""
    base, _ = served
    latencies = []
    with concurrent.futures.ThreadPoolExecutor(slow + 1) as pool:
        stuck = [pool.submit(http, base + "/sparql", form(SLOW)) for _ in range(slow)]
        time.sleep(0.5)
        for _ in range(5):
            started = time.monotonic()
            status, _, _ = http(base + "/sparql", form(CHEAP))
            latencies.append(time.monotonic() - started)
            assert status == 200
            time.sleep(0.1)
        assert [f.result()[0] for f in stuck] == [503] * slow
    print(f"{slow} slow queries: cheap ones answered in "
          f"{', '.join(f'{s * 1000:.0f}' for s in latencies)} ms")  # fmt: skip
    assert max(latencies) < 0.5


# --- A store that a load changes while it is served -----------------------------------------


def _count(base: str, query: str) -> int:
    status, _, body = http(base + "/sparql", form(query))
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


MUNICIPALITIES = (
    "SELECT (COUNT(?m) AS ?n) WHERE { ?m a <https://w3id.org/samklang/ontology#Municipality> }"
)


def test_after_a_load_the_next_query_reads_the_new_data(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    load_corpus([EXEMPELBY], OxigraphStore(folder))
    process, port = _serve(folder, tmp_path / "serve.log", "--workers", "2")
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/sparql", process, tmp_path / "serve.log")
        assert _count(base, MUNICIPALITIES) == 1
        load_corpus([PROVKOPING], OxigraphStore(folder))
        for _ in range(4):  # every worker, whichever answers
            assert _count(base, MUNICIPALITIES) == 2
        status, _, body = http(base + "/sparql", headers={"Accept": "text/turtle"})
        described = ox.Store()
        described.load(body, format=ox.RdfFormat.TURTLE)
        sd = "http://www.w3.org/ns/sparql-service-description#"
        names = {r["name"].value for r in described.query(  # type: ignore[union-attr]
            f"SELECT ?name WHERE {{ ?g <{sd}name> ?name }}")}  # fmt: skip
        assert "https://w3id.org/samklang/graph/9998" in names
        pointer = json.loads((folder / "samklang-store.json").read_text(encoding="utf-8"))
        [modified] = described.query(  # type: ignore[misc]
            "SELECT ?t WHERE { ?d <http://purl.org/dc/terms/modified> ?t }"
        )
        assert modified["t"].value == pointer["published"]
    finally:
        _stop(process)


@pytest.mark.slow  # waits for idle workers twice
def test_a_generation_no_reader_holds_is_removed_by_the_next_load(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    load_corpus([EXEMPELBY], OxigraphStore(folder))
    process, port = _serve(folder, tmp_path / "serve.log", "--workers", "2")
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/sparql", process, tmp_path / "serve.log")
        load_corpus([PROVKOPING], OxigraphStore(folder))
        assert _count(base, MUNICIPALITIES) == 2
        # Idle workers let the old generation go within a second or two; the next load removes it.
        time.sleep(2.5)
        load_corpus([PROVKOPING], OxigraphStore(folder))
        assert _count(base, MUNICIPALITIES) == 2
        time.sleep(2.5)
        load_corpus([EXEMPELBY], OxigraphStore(folder))
        generations = [p.name for p in folder.iterdir() if p.is_dir() and p.name[0] == "g"]
        assert len(generations) <= 2, generations
    finally:
        _stop(process)


def test_serve_refuses_a_store_that_disagrees_with_its_catalogue(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    _damaged_store(folder, "missing")
    process, _ = _serve(folder, tmp_path / "serve.log", "--lang", "en")
    assert process.wait(timeout=60) == 2
    log = (tmp_path / "serve.log").read_text(encoding="utf-8")
    assert f"the store {folder} disagrees with its catalogue" in log
    assert "Traceback" not in log
