"""W3C SPARQL 1.1 JSON results-format cases (jsonres01–04) against ``samklang serve``.

The suite's data, queries and expected results are in ``tests/w3c/json-res/`` (its README says
where each file came from). Each case posts the query with the data file's graph as the default
graph and asks for ``application/sparql-results+json``; the answer must be the expected result
by the suite's rules: the same variables, the same bindings as a multiset (the order of rows and
of keys aside), blank nodes equal up to a renaming, RDF terms compared as RDF 1.1 terms
(``"bar"^^xsd:string`` is ``"bar"``; the old ``"typed-literal"`` is a ``"literal"``); an ASK
gives the same boolean.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from samklang.ontology.namespace import GRAPH

from .test_server import serving

SUITE = Path(__file__).parent / "w3c" / "json-res"
JSON = "application/sparql-results+json"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
CASES = [  # manifest entry: query, expected result (data.ttl for all four)
    pytest.param("jsonres01.rq", "jsonres01.srj", id="jsonres01"),
    pytest.param("jsonres02.rq", "jsonres02.srj", id="jsonres02"),
    pytest.param("jsonres03.rq", "jsonres03.srj", id="jsonres03"),
    pytest.param("jsonres04.rq", "jsonres04.srj", id="jsonres04"),
]

Term = tuple[str, ...]
Row = tuple[tuple[str, Term], ...]


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``samklang serve`` of the suite's data file; its base URL."""
    folder = tmp_path_factory.mktemp("w3c-json-results")
    with serving(folder, str(SUITE / "data.ttl"), "--workers", "1") as base:
        yield base


def term(value: dict[str, str]) -> Term:
    """One JSON RDF term as a tuple an RDF 1.1 comparison can use."""
    kind = value["type"]
    if kind == "uri":
        return ("uri", value["value"])
    if kind == "bnode":
        return ("bnode", value["value"])
    assert kind in ("literal", "typed-literal"), f"not an RDF term type: {kind!r}"
    if "xml:lang" in value:
        return ("literal", value["value"], "@" + value["xml:lang"].lower())
    datatype = value.get("datatype", XSD_STRING)
    return ("literal", value["value"], datatype)


def rows(document: dict) -> list[Row]:
    """The bindings as rows of (variable, term), each row sorted by variable."""
    return [
        tuple(sorted((name, term(value)) for name, value in binding.items()))
        for binding in document["results"]["bindings"]
    ]


def relabel(table: list[Row], names: dict[str, str]) -> Counter[Row]:
    """The rows as a multiset, blank node labels renamed by ``names``."""

    def rename(t: Term) -> Term:
        return ("bnode", names[t[1]]) if t[0] == "bnode" else t

    return Counter(tuple((var, rename(t)) for var, t in row) for row in table)


def labels(table: list[Row]) -> list[str]:
    return sorted({t[1] for row in table for _, t in row if t[0] == "bnode"})


def same_solutions(got: list[Row], want: list[Row]) -> bool:
    """Equal as multisets of solutions, up to a one-to-one renaming of blank nodes."""
    mine, theirs = labels(got), labels(want)
    if len(mine) != len(theirs):
        return False
    target = relabel(want, {label: label for label in theirs})
    return any(
        relabel(got, dict(zip(mine, order, strict=True))) == target
        for order in itertools.permutations(theirs)
    )


def solutions(*objects: dict[str, str]) -> list[Row]:
    """Rows binding ``?x`` to each of ``objects`` in turn."""
    return rows({"results": {"bindings": [{"x": o} for o in objects]}})


def test_blank_nodes_match_only_up_to_a_consistent_renaming() -> None:
    """The comparison itself: renamed blank nodes match, a merged or split one does not."""
    a, y, z = ({"type": "bnode", "value": label} for label in "ayz")
    assert same_solutions(solutions(z, z), solutions(a, a))
    assert not same_solutions(solutions(y, z), solutions(a, a))
    assert not same_solutions(solutions(a, a), solutions(y, z))


def test_literals_compare_as_rdf_1_1_terms() -> None:
    """xsd:string is the plain literal and "typed-literal" a literal; a lexical form is kept."""
    plain = {"type": "literal", "value": "bar"}
    string = {"type": "typed-literal", "value": "bar", "datatype": XSD_STRING}
    decimal = "http://www.w3.org/2001/XMLSchema#decimal"
    five = {"type": "literal", "value": "5", "datatype": decimal}
    five_point_zero = {"type": "literal", "value": "5.0", "datatype": decimal}
    assert same_solutions(solutions(string), solutions(plain))
    assert not same_solutions(solutions(five_point_zero), solutions(five))


@pytest.mark.parametrize(("query", "expected"), CASES)
def test_w3c_json_results_case(endpoint: str, query: str, expected: str) -> None:
    response = httpx.post(
        endpoint + "/sparql",
        data={
            "query": (SUITE / query).read_text(encoding="utf-8"),
            "default-graph-uri": GRAPH.term("source/data").value,
        },
        headers={"Accept": JSON},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == JSON
    got = response.json()
    want = json.loads((SUITE / expected).read_text(encoding="utf-8"))
    if "boolean" in want:
        assert got["boolean"] is want["boolean"]
        assert "results" not in got
        return
    assert set(got["head"]["vars"]) == set(want["head"]["vars"])
    assert same_solutions(rows(got), rows(want)), json.dumps(got, indent=1)
