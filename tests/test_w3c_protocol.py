"""The W3C SPARQL 1.1 Protocol test suite, against ``samklang serve`` over real HTTP.

The cases are the 34 entries of the suite's manifest (w3c/rdf-tests,
``sparql/sparql11/protocol/manifest.ttl``), transcribed here: each request as the manifest
writes it (method, path and query string, content type, body) and the response it expects (the
status class, the kind of result and the boolean). The data is the suite's own setup, four
named graphs ``http://kasei.us/2009/09/sparql/data/dataN.rdf`` each stating that its own IRI
is a ``foaf:Document`` (``tests/w3c/protocol-data.nq``; ``data0.rdf``, which the query cases
name as their default graph, too: this endpoint reads only graphs it holds).

The endpoint is read-only: the seven update cases (``update_*``), which expect the update done,
are refused as the protocol lets a service refuse an operation (403, a sentence) and the store
is left as it was (their second request, the ASK, answers false); the fourteen ``bad_*`` cases
expect a 4xx and get one. One transcription departs from the letter: ``query_multiple_dataset``
writes its two ``named-graph-uri`` parameters with the ``&`` between them percent-encoded (one
parameter whose value is not an IRI); it is sent as the two parameters it means.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

from .test_server import serving

DATA = Path(__file__).parent / "w3c" / "protocol-data.nq"
KASEI = "http://kasei.us/2009/09/sparql/data/"
D0, D1, D2, D3 = (quote(f"{KASEI}data{n}.rdf", safe="") for n in range(4))
FORM = "application/x-www-form-urlencoded"
QUERY = "application/sparql-query"
UPDATE = "application/sparql-update"
RESULT_TYPES = ("application/sparql-results+json", "application/sparql-results+xml")
TABULAR_TYPES = (*RESULT_TYPES, "text/csv", "text/tab-separated-values")
RDF_TYPES = (
    "text/turtle",
    "application/n-triples",
    "application/rdf+xml",
    "application/ld+json",
    "application/rdf+json",
)


@dataclass(frozen=True)
class Request:
    """One request of a case, and what its response must be."""

    method: str
    path: str
    content_type: str | None = None
    body: bytes = b""
    status: str = "2xx"  # "2xx" (2xx or 3xx), "4xx", or "refused" (the read-only 403)
    result: str | None = None  # "boolean", "tabular" or "RDF"
    boolean: bool | None = None


@dataclass(frozen=True)
class Case:
    name: str
    requests: list[Request] = field(default_factory=list)


def ask(path: str, body: str, boolean: bool = True) -> Request:
    return Request("POST", path, QUERY, body.encode(), result="boolean", boolean=boolean)


INSERT_3 = """CLEAR ALL ;
INSERT DATA {
    GRAPH <http://kasei.us/2009/09/sparql/data/data1.rdf> { <http://kasei.us/2009/09/sparql/data/data1.rdf> a foaf:Document }
    GRAPH <http://kasei.us/2009/09/sparql/data/data2.rdf> { <http://kasei.us/2009/09/sparql/data/data2.rdf> a foaf:Document }
    GRAPH <http://kasei.us/2009/09/sparql/data/data3.rdf> { <http://kasei.us/2009/09/sparql/data/data3.rdf> a foaf:Document }
} ;
"""  # noqa: E501 (the manifest's lines)
PREFIXES = "PREFIX dc: <http://purl.org/dc/terms/>\nPREFIX foaf: <http://xmlns.com/foaf/0.1/>\n"


def update_then_ask(name: str, using: str, update: str, check: str) -> Case:
    """An update case: the update (refused here), then the ASK that would see it (false)."""
    return Case(
        name,
        [
            Request("POST", f"/sparql/?{using}", UPDATE, (PREFIXES + update).encode(), "refused"),
            ask("/sparql/", check, boolean=False),
        ],
    )


def two_types(graph: str) -> str:
    return (
        f"ASK {{\n    GRAPH <http://example.org/{graph}/> {{\n"
        f"        <{KASEI}data1.rdf> a <http://purl.org/dc/terms/BibliographicResource> .\n"
        f"        <{KASEI}data2.rdf> a <http://purl.org/dc/terms/BibliographicResource> .\n"
        "    }\n}"
    )


ASK_EMPTY = "ASK%20%7B%7D"
ASK_BOTH = f"ASK {{ <{KASEI}data1.rdf> a ?type . <{KASEI}data2.rdf> a ?type . }}"
ASK_NAMED = (
    f"ASK {{ GRAPH ?g1 {{ <{KASEI}data1.rdf> a ?type }} "
    f"GRAPH ?g2 {{ <{KASEI}data2.rdf> a ?type }} }}"
)
BAD_UPDATE_CONFLICT = (
    "using-named-graph-uri=http%3A%2F%2Fexample%2Fpeople&update=%09%09PREFIX%20foaf%3A%20%20"
    "%3Chttp%3A%2F%2Fxmlns.com%2Ffoaf%2F0.1%2F%3E%0A%09%09WITH%20%3Chttp%3A%2F%2Fexample%2F"
    "addresses%3E%0A%09%09DELETE%20%7B%20%3Fperson%20foaf%3AgivenName%20%27Bill%27%20%7D%0A"
    "%09%09INSERT%20%7B%20%3Fperson%20foaf%3AgivenName%20%27William%27%20%7D%0A%09%09WHERE"
    "%20%7B%0A%09%09%09%3Fperson%20foaf%3AgivenName%20%27Bill%27%0A%09%09%7D%0A"
)


def utf16(text: str) -> bytes:
    return text.encode("utf-16")  # with its byte-order mark, as the manifest says


CASES = [
    Case(
        "query_post_form",
        [
            Request(
                "POST",
                f"/sparql/?default-graph-uri={D0}",
                FORM,
                b"query=ASK%20%7B%7D",
                result="boolean",
                boolean=True,
            )
        ],
    ),
    Case(
        "query_dataset_default_graphs_get",
        [
            Request(
                "GET",
                f"/sparql/?query={quote(ASK_BOTH, safe='')}"
                f"&default-graph-uri={D1}&default-graph-uri={D2}",
                result="boolean",
                boolean=True,
            )
        ],
    ),
    Case(
        "query_dataset_default_graphs_post",
        [ask(f"/sparql/?default-graph-uri={D1}&default-graph-uri={D2}", ASK_BOTH)],
    ),
    Case(
        "query_dataset_named_graphs_post",
        [ask(f"/sparql/?named-graph-uri={D1}&named-graph-uri={D2}", ASK_NAMED)],
    ),
    Case(
        "query_dataset_named_graphs_get",
        [
            Request(
                "GET",
                f"/sparql/?query={quote(ASK_NAMED, safe='')}"
                f"&named-graph-uri={D1}&named-graph-uri={D2}",
                result="boolean",
                boolean=True,
            )
        ],
    ),
    Case(
        "query_dataset_full",
        [
            ask(
                f"/sparql/?default-graph-uri={D3}&named-graph-uri={D1}&named-graph-uri={D2}",
                f"ASK {{\n  <{KASEI}data3.rdf> a ?type\n"
                f"  GRAPH ?g1 {{ <{KASEI}data1.rdf> a ?type }}\n"
                f"  GRAPH ?g2 {{ <{KASEI}data2.rdf> a ?type }}\n}}",
            )
        ],
    ),
    Case(
        "query_multiple_dataset",
        [
            ask(
                f"/sparql/?named-graph-uri={D1}&named-graph-uri={D2}",
                f"ASK FROM <{KASEI}data3.rdf> {{ GRAPH ?g1 {{ <{KASEI}data1.rdf> a ?type }} "
                f"GRAPH ?g2 {{ <{KASEI}data2.rdf> a ?type }} }}",
            )
        ],
    ),
    Case(
        "query_get",
        [
            Request(
                "GET",
                f"/sparql/?query={ASK_EMPTY}&default-graph-uri={D0}",
                result="boolean",
                boolean=True,
            )
        ],
    ),
    Case(
        "query_content_type_select",
        [
            Request(
                "POST",
                f"/sparql/?default-graph-uri={D0}",
                QUERY,
                b"SELECT (1 AS ?value) {}",
                result="tabular",
            )
        ],
    ),
    Case(
        "query_content_type_ask",
        [Request("POST", f"/sparql/?default-graph-uri={D0}", QUERY, b"ASK {}", result="boolean")],
    ),
    Case(
        "query_content_type_describe",
        [
            Request(
                "POST",
                f"/sparql/?default-graph-uri={D0}",
                QUERY,
                b"DESCRIBE <http://example.org/>",
                result="RDF",
            )
        ],
    ),
    Case(
        "query_content_type_construct",
        [
            Request(
                "POST",
                f"/sparql/?default-graph-uri={D0}",
                QUERY,
                b"CONSTRUCT { <s> <p> 1 } WHERE {}",
                result="RDF",
            )
        ],
    ),
    update_then_ask(
        "update_dataset_default_graph",
        f"using-graph-uri={D1}",
        "CLEAR ALL ;\nINSERT DATA {\n    GRAPH <http://kasei.us/2009/09/sparql/data/data1.rdf> {"
        "\n        <http://kasei.us/2009/09/sparql/data/data1.rdf> a foaf:Document\n    }\n} ;"
        "\nINSERT {\n    GRAPH <http://example.org/protocol-update-dataset-test/> {\n"
        "        ?s a dc:BibliographicResource\n    }\n}\nWHERE {\n    ?s a foaf:Document\n}",
        "ASK {\n    GRAPH <http://example.org/protocol-update-dataset-test/> {\n"
        f"        <{KASEI}data1.rdf> a <http://purl.org/dc/terms/BibliographicResource>\n"
        "    }\n}",
    ),
    update_then_ask(
        "update_dataset_default_graphs",
        f"using-graph-uri={D1}&using-graph-uri={D2}",
        INSERT_3 + "INSERT {\n    GRAPH <http://example.org/protocol-update-dataset-graphs-test/>"
        " {\n        ?s a dc:BibliographicResource\n    }\n}\nWHERE {\n    ?s a foaf:Document\n}",
        two_types("protocol-update-dataset-graphs-test"),
    ),
    update_then_ask(
        "update_dataset_named_graphs",
        f"using-named-graph-uri={D1}&using-named-graph-uri={D2}",
        INSERT_3 + "INSERT {\n    GRAPH <http://example.org/protocol-update-dataset-named-graphs-"
        "test/> {\n        ?s a dc:BibliographicResource\n    }\n}\nWHERE {\n    GRAPH ?g {\n"
        "        ?s a foaf:Document\n    }\n}",
        two_types("protocol-update-dataset-named-graphs-test"),
    ),
    update_then_ask(
        "update_dataset_full",
        f"using-graph-uri={D1}&using-named-graph-uri={D2}",
        INSERT_3 + "INSERT {\n    GRAPH <http://example.org/protocol-update-dataset-full-test/> {"
        "\n        ?s <http://example.org/in> ?in\n    }\n}\nWHERE {\n    {\n        GRAPH ?g "
        "{ ?s a foaf:Document }\n        BIND(?g AS ?in)\n    }\n    UNION\n    {\n        ?s a "
        'foaf:Document .\n        BIND("default" AS ?in)\n    }\n}',
        "ASK {\n    GRAPH <http://example.org/protocol-update-dataset-full-test/> {\n"
        f'        <{KASEI}data1.rdf> <http://example.org/in> "default" .\n'
        f"        <{KASEI}data2.rdf> <http://example.org/in> <{KASEI}data2.rdf> .\n    }}\n}}",
    ),
    Case("update_post_form", [Request("POST", "/sparql/", FORM, b"update=CLEAR%20ALL", "refused")]),
    Case("update_post_direct", [Request("POST", "/sparql/", UPDATE, b"CLEAR ALL", "refused")]),
    Case(
        "update_base_uri",
        [
            Request(
                "POST",
                "/sparql/",
                UPDATE,
                b"CLEAR GRAPH <http://example.org/protocol-base-test/> ;\nINSERT DATA { GRAPH "
                b"<http://example.org/protocol-base-test/> { <http://example.org/s> "
                b"<http://example.org/p> <test> } }",
                "refused",
            ),
            ask(
                "/sparql/",
                "ASK { GRAPH <http://example.org/protocol-base-test/> { "
                "<http://example.org/s> <http://example.org/p> ?o } }",
                boolean=False,
            ),
        ],
    ),
    Case("query_post_direct", [ask("/sparql/", "ASK {}")]),
    Case(
        "bad_query_method",
        [Request("PUT", f"/sparql/?query={ASK_EMPTY}&default-graph-uri={D0}", FORM, status="4xx")],
    ),
    Case(
        "bad_multiple_queries",
        [Request("GET", f"/sparql/?query={ASK_EMPTY}&query=SELECT%20%2A%20%7B%7D", status="4xx")],
    ),
    Case(
        "bad_query_wrong_media_type", [Request("POST", "/sparql/", "text/plain", b"ASK {}", "4xx")]
    ),
    Case(
        "bad_query_missing_form_type",
        [Request("POST", "/sparql/", None, b"query=ASK%20%7B%7D", "4xx")],
    ),
    Case("bad_query_missing_direct_type", [Request("POST", "/sparql/", None, b"ASK {}", "4xx")]),
    Case(
        "bad_query_non_utf8",
        [Request("POST", "/sparql/", f"{QUERY}; charset=UTF-16", utf16("ASK {}"), "4xx")],
    ),
    Case("bad_query_syntax", [Request("GET", "/sparql/?query=ASK%20%7B", status="4xx")]),
    Case("bad_update_get", [Request("GET", "/sparql/?update=CLEAR%20ALL", status="4xx")]),
    Case(
        "bad_multiple_updates",
        [Request("POST", "/sparql/", FORM, b"update=CLEAR%20NAMED&update=CLEAR%20DEFAULT", "4xx")],
    ),
    Case(
        "bad_update_wrong_media_type",
        [Request("POST", "/sparql/", "text/plain", b"CLEAR NAMED", "4xx")],
    ),
    Case(
        "bad_update_missing_form_type",
        [Request("POST", "/sparql/", None, b"update=CLEAR%20NAMED", "4xx")],
    ),
    Case(
        "bad_update_non_utf8",
        [Request("POST", "/sparql/", f"{UPDATE}; charset=UTF-16", utf16("CLEAR NAMED"), "4xx")],
    ),
    Case("bad_update_syntax", [Request("POST", "/sparql/", FORM, b"update=CLEAR%20XYZ", "4xx")]),
    Case(
        "bad_update_dataset_conflict",
        [Request("POST", "/sparql/", FORM, BAD_UPDATE_CONFLICT.encode(), "4xx")],
    ),
]

MANIFEST_ENTRIES = [
    "query_post_form", "query_dataset_default_graphs_get", "query_dataset_default_graphs_post",
    "query_dataset_named_graphs_post", "query_dataset_named_graphs_get", "query_dataset_full",
    "query_multiple_dataset", "query_get", "query_content_type_select", "query_content_type_ask",
    "query_content_type_describe", "query_content_type_construct", "update_dataset_default_graph",
    "update_dataset_default_graphs", "update_dataset_named_graphs", "update_dataset_full",
    "update_post_form", "update_post_direct", "update_base_uri", "query_post_direct",
    "bad_query_method", "bad_multiple_queries", "bad_query_wrong_media_type",
    "bad_query_missing_form_type", "bad_query_missing_direct_type", "bad_query_non_utf8",
    "bad_query_syntax", "bad_update_get", "bad_multiple_updates", "bad_update_wrong_media_type",
    "bad_update_missing_form_type", "bad_update_non_utf8", "bad_update_syntax",
    "bad_update_dataset_conflict",
]  # fmt: skip
"""The manifest's ``mf:entries``, in its order."""


def test_every_entry_of_the_manifest_is_transcribed() -> None:
    assert [c.name for c in CASES] == MANIFEST_ENTRIES
    assert len(CASES) == 34


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``samklang serve`` of the suite's data, on a free loopback port; its base URL."""
    folder = tmp_path_factory.mktemp("w3c-protocol")
    with serving(folder, str(DATA), "--workers", "1") as base:
        yield base


def boolean_of(media_type: str, body: bytes) -> bool:
    if media_type == "application/sparql-results+json":
        value = json.loads(body)["boolean"]
        assert isinstance(value, bool)
        return value
    root = ET.fromstring(body)
    [element] = root.iter("{http://www.w3.org/2005/sparql-results#}boolean")
    assert element.text in ("true", "false")
    return element.text == "true"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_w3c_protocol_case(endpoint: str, case: Case) -> None:
    with httpx.Client(base_url=endpoint, follow_redirects=True, timeout=30) as client:
        for request in case.requests:
            headers = {"Content-Type": request.content_type} if request.content_type else {}
            response = client.request(
                request.method, request.path, content=request.body or None, headers=headers
            )
            status = response.status_code
            if request.status == "2xx":
                assert 200 <= status < 400, (status, response.text)
            elif request.status == "refused":  # read-only: refused, in one sentence
                assert status == 403 and "read-only" in response.text, (status, response.text)
            else:
                assert 400 <= status < 500, (status, response.text)
                continue
            media = response.headers.get("content-type", "").split(";")[0].strip()
            if request.result == "boolean":
                assert media in RESULT_TYPES, media
                value = boolean_of(media, response.content)
                if request.boolean is not None:
                    assert value is request.boolean
            elif request.result == "tabular":
                assert media in TABULAR_TYPES, media
            elif request.result == "RDF":
                assert media in RDF_TYPES, media
