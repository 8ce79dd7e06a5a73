"""The endpoint's answer cache: a kept answer is the answer, byte for byte; a load gives new
answers; the cache holds no more than its bound."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from samklang.graph.corpus import load_corpus
from samklang.graph.sparql_text import bind_values
from samklang.graph.store import with_prefixes
from samklang.graph.store.folder import Pointer
from samklang.graph.store.oxigraph import OxigraphStore
from samklang.queries.research import library
from samklang.server.answer_cache import ENTRY_OVERHEAD, AnswerCache
from samklang.server.app import Endpoint, ServerSettings, create_app
from samklang.server.workers import Answer

from .conftest import ROOT

with warnings.catch_warnings():  # starlette would rather have httpx2, which is not installed
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

RESEARCH = ROOT / "tests" / "research"
EXEMPELBY, PROVKOPING = RESEARCH / "exempelby", RESEARCH / "provkoping"
SK = "https://w3id.org/samklang/ontology#"
MUNICIPALITIES = f"SELECT (COUNT(?m) AS ?n) WHERE {{ ?m a <{SK}Municipality> }}"


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    store = tmp_path / "store"
    load_corpus([EXEMPELBY], OxigraphStore(store))
    return store


def _client(folder: Path, cache_bytes: int) -> tuple[TestClient, Endpoint]:
    settings = ServerSettings(
        store_path=str(folder),
        workers=1,
        max_workers=2,
        allow_hosts=("testserver",),
        cache_bytes=cache_bytes,
    )
    guard = create_app(settings)
    return TestClient(guard), guard.app.state.endpoint  # type: ignore[attr-defined]


@pytest.fixture()
def clients(folder: Path) -> Iterator[tuple[TestClient, Endpoint, TestClient, Endpoint]]:
    cached, cached_endpoint = _client(folder, 16 * 1024 * 1024)
    plain, plain_endpoint = _client(folder, 0)
    with cached, plain:
        yield cached, cached_endpoint, plain, plain_endpoint


def _ask(client: TestClient, query: str, accept: str) -> tuple[int, str, bytes]:
    response = client.post(
        "/sparql",
        content=query.encode(),
        headers={"Content-Type": "application/sparql-query", "Accept": accept},
    )
    return response.status_code, response.headers["content-type"], response.content


def _cases() -> list[tuple[str, str]]:
    research = [with_prefixes(bind_values(q.query, q.bindings())) for q in library().values()]
    cases = [(text, "application/sparql-results+json") for text in research]
    cases += [(research[0], media) for media in (
        "application/sparql-results+xml", "text/csv", "text/tab-separated-values")]  # fmt: skip
    cases.append(("ASK { ?s ?p ?o }", "application/sparql-results+json"))
    construct = f"CONSTRUCT {{ ?m ?p ?o }} WHERE {{ ?m a <{SK}Municipality> ; ?p ?o }}"
    cases += [(construct, media) for media in ("text/turtle", "application/n-triples")]
    return cases


def test_a_cached_answer_equals_an_uncached_one_byte_for_byte(
    clients: tuple[TestClient, Endpoint, TestClient, Endpoint],
) -> None:
    cached, endpoint, plain, plain_endpoint = clients
    cases = _cases()
    for query, accept in cases:
        first = _ask(cached, query, accept)
        assert first[0] == 200, first
        again = _ask(cached, query, accept)
        assert again == first  # status, media type and every byte
        assert _ask(plain, query, accept) == first  # and the same as an endpoint without a cache
    assert endpoint.cache.hits == len(cases)
    assert len(endpoint.cache) == len(cases)
    assert len(plain_endpoint.cache) == 0 and plain_endpoint.cache.hits == 0


def test_the_media_type_is_part_of_the_key(
    clients: tuple[TestClient, Endpoint, TestClient, Endpoint],
) -> None:
    cached, endpoint, _, _ = clients
    as_json = _ask(cached, MUNICIPALITIES, "application/sparql-results+json")
    as_csv = _ask(cached, MUNICIPALITIES, "text/csv")
    assert as_json[1].startswith("application/sparql-results+json")
    assert as_csv[1].startswith("text/csv") and as_csv[2] == b"n\r\n1\r\n"
    assert endpoint.cache.hits == 0


def test_after_a_load_the_same_query_gets_the_new_answer(
    folder: Path, clients: tuple[TestClient, Endpoint, TestClient, Endpoint]
) -> None:
    cached, endpoint, plain, _ = clients
    before = _ask(cached, MUNICIPALITIES, "text/csv")
    assert before[2] == b"n\r\n1\r\n" and _ask(cached, MUNICIPALITIES, "text/csv") == before
    assert endpoint.cache.hits == 1
    load_corpus([PROVKOPING], OxigraphStore(folder))
    after = _ask(cached, MUNICIPALITIES, "text/csv")
    assert after[2] == b"n\r\n2\r\n"
    assert after == _ask(plain, MUNICIPALITIES, "text/csv")
    assert endpoint.cache.hits == 1  # the old answer was not given
    assert _ask(cached, MUNICIPALITIES, "text/csv") == after  # the new one is kept in turn
    assert endpoint.cache.hits == 2


def test_failures_are_not_kept(clients: tuple[TestClient, Endpoint, TestClient, Endpoint]) -> None:
    cached, endpoint, _, _ = clients
    status, _, _ = _ask(cached, "SELECT ?x WHERE { ?x ?y }", "text/csv")
    assert status == 400
    assert len(endpoint.cache) == 0


def _pointer(generation: int) -> Pointer:
    return Pointer(generation, f"g{generation:08d}", "2026-12-03T18:00:00Z")


def _answer(size: int, pointer: Pointer | None, status: int = 200) -> Answer:
    return Answer(status, "text/csv", b"x" * size, pointer)


def test_the_cache_holds_no_more_than_its_bound_and_drops_the_least_used_first() -> None:
    one, two = _pointer(1), _pointer(2)
    cache = AnswerCache(max_bytes=4000)  # an entry keyed by a number is charged body + overhead
    cache.follow(one)
    for n in range(20):
        cache.put(n, _answer(400 - ENTRY_OVERHEAD, one))
        if n >= 1:
            assert cache.get(0, one) is not None  # used again and again: kept
    assert cache.size == 4000 and len(cache) == 10
    assert cache.get(0, one) is not None and cache.get(19, one) is not None
    assert cache.get(1, one) is None  # the least recently used went first
    cache.put(19, _answer(400 - ENTRY_OVERHEAD, one))  # kept again: charged once
    assert cache.size == 4000 and len(cache) == 10
    cache.put("big", _answer(501 - ENTRY_OVERHEAD, one))  # over an eighth of the bound: not kept
    cache.put("failed", _answer(10, one, status=500))
    cache.put("older", _answer(10, two))  # not the generation the cache follows
    cache.put("no pointer", _answer(10, None))
    assert all(cache.get(k, one) is None for k in ("big", "failed", "older", "no pointer"))
    assert cache.get(0, two) is None  # asked for another generation
    cache.follow(two)
    assert len(cache) == 0 and cache.size == 0
    assert AnswerCache(max_bytes=0).get(0, one) is None


def _key(n: int, padding: int) -> tuple[str, tuple[str, ...], tuple[str, ...], str, str]:
    query = f"ASK {{ ?s ?p ?o }} # {n} " + "x" * padding
    graph = f"https://example.org/graph/{n}"
    return query, (graph,), (graph,), "text/csv", "http://testserver/sparql"


def test_large_distinct_queries_with_empty_answers_stay_within_the_bound() -> None:
    one = _pointer(1)
    cache = AnswerCache(max_bytes=1024 * 1024)
    cache.follow(one)
    for n in range(100):  # 100 distinct queries of 100 KB each, every answer empty
        cache.put(_key(n, 100_000), _answer(0, one))
        assert cache.size <= 1024 * 1024
    assert 0 < len(cache) < 11  # each entry is charged its query: ten at most fit
    assert cache.get(_key(99, 100_000), one) is not None
    assert cache.get(_key(0, 100_000), one) is None  # the least recently used went first
    cache.put(_key(100, 140_000), _answer(0, one))  # its query alone is over an eighth
    assert cache.get(_key(100, 140_000), one) is None
    cache.follow(_pointer(2))
    assert len(cache) == 0 and cache.size == 0


def test_the_endpoint_keeps_large_queries_within_its_bound(folder: Path) -> None:
    client, endpoint = _client(folder, 1024 * 1024)
    with client:
        for n in range(16):
            query = f"ASK {{ ?s ?p ?o }} # {n} " + "x" * 100_000
            status, _, body = _ask(client, query, "application/sparql-results+json")
            assert status == 200 and len(body) < 100
            assert endpoint.cache.size <= 1024 * 1024
        assert 0 < len(endpoint.cache) < 11
