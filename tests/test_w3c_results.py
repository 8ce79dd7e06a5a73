"""W3C SPARQL 1.1 results-format cases (CSV and TSV) against ``samklang serve``.

The suite's data, query and expected results are in ``tests/w3c/csv-tsv-res/`` (its README says
where each file came from). Each case posts the query with the data file's graph as the default
graph and asks for CSV or TSV; the answer must be the expected file: CSV as text (line ends and
blank node labels aside, which the format leaves to the writer), TSV as RDF terms
(``"bar"^^xsd:string`` is ``"bar"`` in RDF 1.1).

All six cases of the manifest run; four pass, csv03 and tsv03 fail (marked), both on the
engine's store and not on samklang's writing: Oxigraph keeps an ``xsd:double`` by its value and
writes ``"1.0E6"`` back as ``1000000`` (the same number in another lexical form), and it stores
``"-3"^^xsd:negativeInteger`` as an ``xsd:integer`` (tsv03 only: CSV drops datatypes). pyoxigraph
loading ``data2.ttl`` by itself gives the same terms. The columns of a ``SELECT *`` come in the
order their variables appear in the query (Oxigraph sorts them by name; ``samklang serve`` puts
them back in order), which csv01, tsv01, csv02 and tsv02 need.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from rdflib import BNode, Literal
from rdflib.namespace import XSD
from rdflib.query import Result

from samklang.ontology.namespace import GRAPH

from .test_server import serving

SUITE = Path(__file__).parent / "w3c" / "csv-tsv-res"
CASES = [  # manifest entry: query, data, expected result
    pytest.param("csvtsv01.rq", "data.ttl", "csvtsv01.csv", id="csv01"),
    pytest.param("csvtsv01.rq", "data.ttl", "csvtsv01.tsv", id="tsv01"),
    pytest.param("csvtsv02.rq", "data.ttl", "csvtsv02.csv", id="csv02"),
    pytest.param("csvtsv02.rq", "data.ttl", "csvtsv02.tsv", id="tsv02"),
    pytest.param(
        "csvtsv01.rq",
        "data2.ttl",
        "csvtsv03.csv",
        id="csv03",
        marks=pytest.mark.xfail(
            strict=True,
            reason='Oxigraph keeps an xsd:double by its value: "1.0E6" comes back as 1000000',
        ),
    ),
    pytest.param(
        "csvtsv01.rq",
        "data2.ttl",
        "csvtsv03.tsv",
        id="tsv03",
        marks=pytest.mark.xfail(
            strict=True,
            reason='Oxigraph stores "-3"^^xsd:negativeInteger as "-3"^^xsd:integer, and'
            ' "1.0E6"^^xsd:double as "1000000"',
        ),
    ),
]
MEDIA = {".csv": "text/csv", ".tsv": "text/tab-separated-values"}


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``samklang serve`` of the suite's two data files (a graph each); its base URL."""
    folder = tmp_path_factory.mktemp("w3c-results")
    data = [str(SUITE / "data.ttl"), str(SUITE / "data2.ttl")]
    with serving(folder, *data, "--workers", "1") as base:
        yield base


def canonical_csv(text: str) -> str:
    """CSV with LF line ends and blank nodes numbered in order of appearance."""
    labels: dict[str, str] = {}

    def label(match: re.Match[str]) -> str:
        return labels.setdefault(match[0], f"_:b{len(labels)}")

    return re.sub(r"_:[A-Za-z0-9]+", label, text.replace("\r\n", "\n"))


def terms(text: str) -> list[list[object]]:
    """TSV results as rows of RDF terms, blank nodes numbered in order of appearance."""
    result = Result.parse(io.StringIO(text), format="tsv")
    labels: dict[str, str] = {}
    rows = []
    for row in result:
        out: list[object] = []
        for term in row:
            if isinstance(term, BNode):
                term = labels.setdefault(str(term), f"b{len(labels)}")
            elif isinstance(term, Literal) and term.datatype == XSD.string:
                term = Literal(str(term))  # RDF 1.1: the same term
            out.append(term)
        rows.append(out)
    return [[str(v) for v in result.vars], *rows]  # type: ignore[union-attr]


@pytest.mark.parametrize(("query", "data", "expected"), CASES)
def test_w3c_results_format_case(endpoint: str, query: str, data: str, expected: str) -> None:
    graph = GRAPH.term(f"source/{Path(data).stem}").value
    media = MEDIA[Path(expected).suffix]
    response = httpx.post(
        endpoint + "/sparql",
        data={"query": (SUITE / query).read_text(encoding="utf-8"), "default-graph-uri": graph},
        headers={"Accept": media},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == media
    want = (SUITE / expected).read_bytes().decode("utf-8")
    if media == "text/csv":
        assert canonical_csv(response.text) == canonical_csv(want)
    else:
        assert terms(response.text) == terms(want)
