"""``samklang serve`` over real HTTP: the SPARQL 1.1 Protocol with a real client, refusals,
the timeout, concurrency, content negotiation, the service description and the query page."""

from __future__ import annotations

import concurrent.futures
import contextlib
import gc
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import warnings
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from SPARQLWrapper import JSON, POST, SPARQLWrapper

from samklang.graph.corpus import load_corpus
from samklang.graph.store.endpoint import SparqlStore
from samklang.graph.store.oxigraph import OxigraphStore
from samklang.queries.research import library, run

from .conftest import ROOT

RESEARCH = ROOT / "tests" / "research"
CORPUS = [str(RESEARCH / "exempelby"), str(RESEARCH / "provkoping")]
TIMEOUT = 2.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(url: str, process: subprocess.Popen[bytes], log: Path, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            out = log.read_text(encoding="utf-8", errors="replace")
            raise AssertionError(f"samklang serve exited {process.returncode}:\n{out}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError as err:
            err.close()
            time.sleep(0.2)
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    raise AssertionError(f"samklang serve did not answer at {url}")


@contextlib.contextmanager
def serving(folder: Path, *args: str) -> Iterator[str]:
    """``samklang serve *args`` on a free loopback port, its log in ``folder``; its base URL
    while the block runs, the server stopped after it."""
    port = free_port()
    log = folder / "serve.log"
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    command = [sys.executable, "-c", "from samklang.cli import main; main()", "serve", *args]
    with log.open("wb") as out:  # the child keeps its own descriptor
        process = subprocess.Popen(
            [*command, "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=folder,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/sparql", process, log)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``samklang serve`` of the test corpus, on a free loopback port; its base URL."""
    folder = tmp_path_factory.mktemp("serve")
    options = ["--timeout", str(TIMEOUT), "--max-rows", "500", "--workers", "2"]
    with serving(folder, *CORPUS, *options) as base:
        yield base


@pytest.fixture(scope="module")
def local() -> OxigraphStore:
    store = OxigraphStore()
    load_corpus(CORPUS, store)
    return store


def http(
    url: str,
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, str, bytes]:
    """Status, content type and body of a request (errors included)."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as err:
        with err:
            return err.code, err.headers.get("Content-Type", ""), err.read()


def form(query: str, **extra: str) -> bytes:
    return urllib.parse.urlencode({"query": query, **extra}).encode()


@pytest.mark.parametrize("name", sorted(library()))
def test_research_queries_over_http_equal_in_process(
    server: str, local: OxigraphStore, name: str
) -> None:
    """Every library query, through SparqlStore (VALUES binding over the protocol), gives the
    rows it gives in process."""
    query = library()[name]
    remote = SparqlStore(server + "/sparql")
    from datetime import date

    today = date(2024, 6, 1)
    assert run(query, remote, today=today).rows == run(query, local, today=today).rows


def test_sparqlwrapper_select_equals_in_process(server: str, local: OxigraphStore) -> None:
    text = (
        "PREFIX sk: <https://w3id.org/samklang/ontology#>\n"
        "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
        "SELECT ?a ?title WHERE { ?a a sk:Activity ; dcterms:title ?title } ORDER BY ?a"
    )
    client = SPARQLWrapper(server + "/sparql")
    client.setQuery(text)
    client.setReturnFormat(JSON)
    for method in ("GET", POST):
        client.setMethod(method)
        answer = client.queryAndConvert()
        assert isinstance(answer, dict)
        remote = [(b["a"]["value"], b["title"]["value"]) for b in answer["results"]["bindings"]]
        inside = [(r["a"].value, r["title"].value) for r in local.select(text)]
        assert remote == inside and len(remote) == 5


def test_sparql_query_body_and_ask(server: str) -> None:
    status, kind, body = http(
        server + "/sparql",
        b"ASK { ?s a <https://w3id.org/samklang/ontology#Municipality> }",
        {"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
    )
    assert status == 200 and kind.startswith("application/sparql-results+json")
    assert json.loads(body) == {"head": {}, "boolean": True}


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("text/csv;q=0.4, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
        ("*/*", "application/sparql-results+json"),
    ],
)
def test_select_results_are_negotiated(server: str, accept: str, media_type: str) -> None:
    query = "SELECT ?m WHERE { ?m a <https://w3id.org/samklang/ontology#Municipality> } ORDER BY ?m"
    status, kind, body = http(server + "/sparql", form(query), {"Accept": accept})
    assert status == 200, body
    assert kind.split(";")[0] == media_type
    assert b"https://w3id.org/samklang/data/9998/provkoping-kommun" in body
    if media_type == "application/sparql-results+xml":
        import xml.etree.ElementTree as ET

        ns = "{http://www.w3.org/2005/sparql-results#}"
        uris = [e.text for e in ET.fromstring(body).iter(f"{ns}uri")]
        assert len(uris) == 2


@pytest.mark.parametrize(
    ("accept", "fmt"),
    [
        ("text/turtle", ox.RdfFormat.TURTLE),
        ("application/n-triples", ox.RdfFormat.N_TRIPLES),
        ("application/ld+json", ox.RdfFormat.JSON_LD),
    ],
)
def test_construct_graphs_are_negotiated(server: str, accept: str, fmt: ox.RdfFormat) -> None:
    query = (
        "CONSTRUCT { ?m a <https://w3id.org/samklang/ontology#Municipality> } "
        "WHERE { ?m a <https://w3id.org/samklang/ontology#Municipality> }"
    )
    status, kind, body = http(server + "/sparql", form(query), {"Accept": accept})
    assert status == 200 and kind.split(";")[0] == accept
    assert len(list(ox.parse(body, format=fmt))) == 2


CONSTRUCT_MUNICIPALITIES = (
    "CONSTRUCT { ?m a <https://w3id.org/samklang/ontology#Municipality> } "
    "WHERE { ?m a <https://w3id.org/samklang/ontology#Municipality> }"
)


# SPARQLWrapper reads RDF/XML into rdflib's ConjunctiveGraph, which rdflib 7 deprecates.
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
@pytest.mark.parametrize("method", ["GET", POST])
@pytest.mark.parametrize("return_format", [None, "xml", "n3", "turtle", "json-ld"])
def test_sparqlwrapper_defaults_read_a_construct(
    server: str, method: str, return_format: str | None
) -> None:
    """SPARQLWrapper sends ``format=xml`` (or ``n3``, ``turtle``) beside its ``Accept``; each
    gives a graph it parses, with the two municipalities."""
    import rdflib
    from SPARQLWrapper import JSONLD, N3, TURTLE, XML

    client = SPARQLWrapper(server + "/sparql")
    client.setQuery(CONSTRUCT_MUNICIPALITIES)
    client.setMethod(method)
    if return_format is not None:
        client.setReturnFormat(
            {"xml": XML, "n3": N3, "turtle": TURTLE, "json-ld": JSONLD}[return_format]
        )
    answer = client.queryAndConvert()
    if isinstance(answer, bytes):  # N3 and Turtle come back as text
        answer = rdflib.Graph().parse(data=answer, format="turtle")
    assert isinstance(answer, rdflib.Graph)
    assert len(answer) == 2


def test_sparqlwrapper_default_select_is_results_xml(server: str) -> None:
    client = SPARQLWrapper(server + "/sparql")
    client.setQuery("SELECT ?m WHERE { ?m a <https://w3id.org/samklang/ontology#Municipality> }")
    answer = client.query()
    assert answer.info()["content-type"].startswith("application/sparql-results+xml")
    assert len(answer.convert().getElementsByTagName("result")) == 2


@pytest.mark.parametrize(
    ("query", "accept", "extra", "media_type"),
    [
        ("ASK {}", "application/json", {}, "application/sparql-results+json"),
        ("ASK {}", "application/xml", {}, "application/sparql-results+xml"),
        ("ASK {}", "text/csv", {"format": "json"}, "text/csv"),  # Accept names it: Accept wins
        ("ASK {}", "*/*", {"format": "xml"}, "application/sparql-results+xml"),
        ("ASK {}", "", {"format": "tsv"}, "text/tab-separated-values"),
        (CONSTRUCT_MUNICIPALITIES, "*/*", {"format": "xml"}, "application/rdf+xml"),
        (CONSTRUCT_MUNICIPALITIES, "", {"format": "json"}, "application/ld+json"),
        (CONSTRUCT_MUNICIPALITIES, "text/n3", {}, "text/turtle"),
        (CONSTRUCT_MUNICIPALITIES, "application/json", {}, "application/ld+json"),
        (CONSTRUCT_MUNICIPALITIES, "text/turtle", {"format": "xml"}, "text/turtle"),
    ],
)
def test_accept_decides_then_format(
    server: str, query: str, accept: str, extra: dict[str, str], media_type: str
) -> None:
    headers = {"Accept": accept} if accept else {}
    status, kind, body = http(server + "/sparql", form(query, **extra), headers)
    assert status == 200, body
    assert kind.split(";")[0] == media_type


def test_nothing_acceptable_is_406(server: str) -> None:
    status, _, body = http(server + "/sparql", form("ASK {}"), {"Accept": "image/png"})
    assert status == 406 and b"application/sparql-results+json" in body


def test_service_description(server: str) -> None:
    status, kind, body = http(server + "/sparql", headers={"Accept": "text/turtle"})
    assert status == 200 and kind.startswith("text/turtle")
    store = ox.Store()
    store.load(body, format=ox.RdfFormat.TURTLE)
    sd = "http://www.w3.org/ns/sparql-service-description#"
    rows = list(
        store.query(
            f"SELECT ?endpoint ?name WHERE {{ ?s a <{sd}Service> ; <{sd}endpoint> ?endpoint ; "
            f"<{sd}supportedLanguage> <{sd}SPARQL11Query> ; <{sd}defaultDataset> ?d . "
            f"?d <{sd}namedGraph> ?g . ?g <{sd}name> ?name }}"
        )  # type: ignore[union-attr]
    )
    assert {r["endpoint"].value for r in rows} == {server + "/sparql"}
    assert "https://w3id.org/samklang/graph/9999" in {r["name"].value for r in rows}


@pytest.mark.parametrize(
    ("data", "headers"),
    [
        (urllib.parse.urlencode({"update": "DROP ALL"}).encode(), {}),
        (
            b"INSERT DATA { <http://a> <http://b> <http://c> }",
            {"Content-Type": "application/sparql-update"},
        ),
        (form("DELETE WHERE { ?s ?p ?o }"), {}),
        (form("LOAD <http://example.org/data.ttl>"), {}),
        (form("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"), {}),
        (form("SELECT * FROM <http://example.org/remote.ttl> WHERE { ?s ?p ?o }"), {}),
        (form("SELECT * WHERE { ?s ?p ?o }", **{"default-graph-uri": "http://example.org/x"}), {}),
    ],
    ids=["update-form", "update-body", "delete", "load", "service", "from-remote", "dataset"],
)
def test_updates_and_remote_access_are_refused(
    server: str, data: bytes, headers: dict[str, str]
) -> None:
    status, _, body = http(server + "/sparql", data, headers)
    assert status == 403, body
    assert body.strip() and b"\n" == body[-1:]
    # Nothing changed.
    status, _, body = http(server + "/sparql", form("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] != "0"


def test_refusals_through_sparqlwrapper(server: str) -> None:
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    client = SPARQLWrapper(server + "/sparql")
    client.setMethod(POST)
    client.setQuery("INSERT DATA { <http://a> <http://b> <http://c> }")
    with pytest.raises((SPARQLWrapperException, urllib.error.HTTPError)) as caught:
        client.query()
    assert "403" in str(caught.value) or "read-only" in str(caught.value)
    # SPARQLWrapper leaves the refused response's socket to the garbage collector.
    del caught
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()


def test_local_graphs_may_be_named(server: str) -> None:
    query = "SELECT (COUNT(*) AS ?n) FROM <https://w3id.org/samklang/graph/9998> WHERE { ?s ?p ?o }"
    status, _, body = http(server + "/sparql", form(query))
    assert status == 200, body
    assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) > 0


def test_bad_query_is_400(server: str) -> None:
    status, _, body = http(server + "/sparql", form("SELECT ?s WHERE { ?s ?p }"))
    assert status == 400 and b"not valid SPARQL" in body


def test_row_cap_is_a_clear_413(server: str) -> None:
    status, _, body = http(server + "/sparql", form("SELECT * WHERE { ?s ?p ?o }"))
    assert status == 413
    assert b"more than 500 rows" in body and b"LIMIT" in body
    status, _, _ = http(server + "/sparql", form("SELECT * WHERE { ?s ?p ?o } LIMIT 500"))
    assert status == 200


def test_a_pathological_query_stops_at_the_timeout_and_the_server_keeps_answering(
    server: str,
) -> None:
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    status, _, body = http(server + "/sparql", form(slow))
    assert status == 503 and b"timeout" in body
    # Both workers busy with pathological queries: a third request is answered at once, by a
    # worker the pool starts when every worker is held by a slow query.
    with concurrent.futures.ThreadPoolExecutor(3) as pool:
        stuck = [pool.submit(http, server + "/sparql", form(slow)) for _ in range(2)]
        time.sleep(0.3)
        started = time.monotonic()
        quick = pool.submit(http, server + "/sparql", form("ASK { ?s ?p ?o }"))
        assert quick.result()[0] == 200
        assert time.monotonic() - started < TIMEOUT / 2
        assert [f.result()[0] for f in stuck] == [503, 503]
    status, _, body = http(server + "/sparql", form("ASK { ?s ?p ?o }"))
    assert status == 200 and json.loads(body)["boolean"] is True


def test_twenty_clients_fifty_queries_each_without_error(server: str, local: OxigraphStore) -> None:
    queries = [
        "SELECT ?m WHERE { ?m a <https://w3id.org/samklang/ontology#Municipality> } ORDER BY ?m",
        "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/samklang/ontology#Activity> }",
        "ASK { ?s <https://w3id.org/samklang/ontology#year> 2024 }",
    ]
    expected = {}
    for q in queries:
        status, _, body = http(server + "/sparql", form(q))
        assert status == 200
        expected[q] = body

    def client(n: int) -> list[str]:
        errors = []
        for i in range(50):
            q = queries[(n + i) % len(queries)]
            status, _, body = http(server + "/sparql", form(q))
            if status != 200 or body != expected[q]:
                errors.append(f"client {n} query {i}: {status} {body[:80]!r}")
        return errors

    with concurrent.futures.ThreadPoolExecutor(20) as pool:
        errors = [e for result in pool.map(client, range(20)) for e in result]
    assert errors == []


def test_query_page_is_offline_and_preloaded(server: str) -> None:
    status, kind, body = http(server + "/")
    assert status == 200 and kind.startswith("text/html")
    page = body.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sources and all(not s.startswith(("http:", "https:", "//")) for s in sources)
    for source in sources:
        assert http(server + "/" + source)[0] == 200, source
    status, _, body = http(server + "/queries.json")
    named = json.loads(body)
    assert [q["name"] for q in named] == sorted(library())
    assert all("VALUES" in q["query"] or not library()[q["name"]].parameters for q in named)
    for q in named:  # each tab runs as it is shown, parameters at their defaults
        status, _, body = http(server + "/sparql", form(q["query"]))
        assert status == 200, (q["name"], body)
    status, _, script = http(server + "/page.js")
    assert b'autocompleters = ["prefixes", "variables"]' in script


def test_vendored_editor_is_from_the_package_with_its_licence() -> None:
    from importlib.resources import files

    folder = files("samklang").joinpath("vendor", "yasgui")
    assert "MIT" in folder.joinpath("LICENSE").read_text(encoding="utf-8")
    script = folder.joinpath("yasgui.min.js").read_text(encoding="utf-8")
    assert "sourceMappingURL" not in script[-300:]
    assert Path(str(folder.joinpath("yasgui.min.css"))).stat().st_size > 10_000


def test_a_relative_iri_resolves_against_the_endpoint(server: str) -> None:
    status, _, body = http(
        server + "/sparql",
        form("SELECT ?x WHERE { BIND(<graf/1> AS ?x) }"),
        {"Accept": "application/sparql-results+json"},
    )
    assert status == 200, body
    [row] = json.loads(body)["results"]["bindings"]
    assert row["x"] == {"type": "uri", "value": server + "/graf/1"}


@pytest.mark.parametrize(
    ("content_type", "encoding"),
    [
        ("application/sparql-query", "utf-8"),
        ("application/sparql-query; charset=UTF-8", "utf-8"),
        ("application/x-www-form-urlencoded; charset=ISO-8859-1", "form-latin-1"),
    ],
)
def test_a_body_is_read_in_its_declared_charset(
    server: str, content_type: str, encoding: str
) -> None:
    query = 'SELECT ?x WHERE { BIND("Höglandet å ö" AS ?x) }'
    if encoding == "form-latin-1":
        data = urllib.parse.urlencode({"query": query}, encoding="latin-1").encode()
    else:
        data = query.encode(encoding)
    status, _, body = http(
        server + "/sparql",
        data,
        {"Content-Type": content_type, "Accept": "application/sparql-results+json"},
    )
    assert status == 200, body
    [row] = json.loads(body)["results"]["bindings"]
    assert row["x"]["value"] == "Höglandet å ö"


@pytest.mark.parametrize(
    ("content_type", "data", "says"),
    [
        ("application/sparql-query; charset=klingon", b"ASK {}", b"'klingon'"),
        ("application/sparql-query", 'ASK { FILTER("å") }'.encode("latin-1"), b"(utf-8)"),
        # application/sparql-query is always UTF-8 (its registration; W3C bad_query_non_utf8)
        ("application/sparql-query; charset=ISO-8859-1", "ASK {}".encode("latin-1"), b"UTF-8"),
        ('application/sparql-query; charset="utf-16"', "ASK {}".encode("utf-16"), b"UTF-8"),
        ("application/sparql-update; charset=UTF-16", "CLEAR ALL".encode("utf-16"), b"UTF-8"),
    ],
)
def test_a_body_not_in_its_charset_is_415(
    server: str, content_type: str, data: bytes, says: bytes
) -> None:
    status, _, body = http(server + "/sparql", data, {"Content-Type": content_type})
    assert status == 415 and says in body


CONTROL = 'SELECT ?x WHERE { BIND("a\\u0001b" AS ?x) }'


def test_a_control_character_is_refused_in_xml_and_given_in_json(server: str) -> None:
    status, _, body = http(
        server + "/sparql", form(CONTROL), {"Accept": "application/sparql-results+xml"}
    )
    assert status == 406 and b"U+0001" in body and b"application/sparql-results+json" in body
    status, _, body = http(
        server + "/sparql", form(CONTROL), {"Accept": "application/sparql-results+json"}
    )
    assert status == 200
    assert json.loads(body)["results"]["bindings"][0]["x"]["value"] == "a\u0001b"
