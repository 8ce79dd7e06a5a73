"""The research query library, parameter binding, and the load/query/export/push commands."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import graph_diff, isomorphic

from samklang.cli import cli
from samklang.errors import UsageError
from samklang.graph.corpus import load_corpus, open_sources
from samklang.graph.sparql_text import inspect
from samklang.graph.store.oxigraph import OxigraphStore
from samklang.graph.store.rdflib import RdflibStore
from samklang.ontology.namespace import LAW, XSD
from samklang.queries.research import (
    TYPES,
    find_query,
    library,
    parse_query,
    parse_value,
    render,
    run,
)

from .conftest import ROOT, VETLANDA

RESEARCH = ROOT / "tests" / "research"
EXEMPELBY, PROVKOPING = RESEARCH / "exempelby", RESEARCH / "provkoping"
CORPUS = [str(EXEMPELBY), str(PROVKOPING)]
TODAY = date(2024, 6, 1)
NUMBERS = (XSD.integer, XSD.decimal, XSD.double)


@pytest.fixture(scope="module")
def corpus() -> OxigraphStore:
    store = OxigraphStore()
    load_corpus(CORPUS, store)
    return store


def local(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> str:
    assert term is not None
    return term.value.rsplit("/", 1)[-1]


def test_the_library_has_twelve_described_ordered_queries() -> None:
    queries = library()
    assert len(queries) >= 12
    for name, q in queries.items():
        for lang in ("sv", "en"):
            assert q.title.get(lang), f"{name}: title {lang}"
            assert q.description.get(lang), f"{name}: description {lang}"
        assert "ORDER BY" in q.query, f"{name}: no ORDER BY"
        assert inspect(q.query).form == "SELECT", name
        assert q.parameters, f"{name}: no parameters"
        mentioned = inspect(q.query).variables
        for p in q.parameters:
            assert p.type in TYPES
            assert p.name in mentioned, f"{name}: parameter {p.name} is not a variable"
            assert p.description["sv"] and p.description["en"], f"{name}: {p.name}"
            q.bindings()  # every default fits its type


@pytest.fixture(scope="module")
def rdflib_corpus() -> RdflibStore:
    store = RdflibStore()
    load_corpus(CORPUS, store)  # type: ignore[arg-type]
    return store


def normal_rows(rows: list[dict[str, ox.NamedNode | ox.BlankNode | ox.Literal]]) -> list[str]:
    """Rows as text, with what engines may say differently said one way: the parts of a
    GROUP_CONCAT sorted, numbers to three decimals."""
    out = []
    for row in rows:
        cells = []
        for key in sorted(row):
            term = row[key]
            value = term.value
            if ", " in value:  # GROUP_CONCAT: engines order the parts differently
                value = ", ".join(sorted(value.split(", ")))
            if isinstance(term, ox.Literal) and term.datatype in NUMBERS:
                value = f"{float(value):.3f}"
            cells.append(f"{key}={value}")
        out.append(" ".join(cells))
    return out


@pytest.mark.parametrize("name", sorted(library()))
def test_every_query_runs_on_both_engines_and_they_agree(
    name: str, corpus: OxigraphStore, rdflib_corpus: RdflibStore
) -> None:
    """rdflib gives the rows Oxigraph gives (and Virtuoso: tests/test_virtuoso.py)."""
    assert type(rdflib_corpus) is not type(corpus), "two engines, not one twice"
    result = run(library()[name], rdflib_corpus, {}, today=TODAY)
    expected = run(library()[name], corpus, {}, today=TODAY)
    assert result.columns == expected.columns
    assert normal_rows(result.rows) == normal_rows(expected.rows)
    assert expected.rows, f"{name} found nothing in the test corpus"


def test_expected_rows_of_some_queries(corpus: OxigraphStore) -> None:
    rows = run(find_query("no-atgardsplan"), corpus, {"asOf": "2024-06-01"}).rows
    assert [r["code"].value for r in rows] == ["9998"]
    rows = run(find_query("no-atgardsplan"), corpus, {"asOf": "2023-06-30"}).rows
    assert rows == [], "before the law applies nobody lacks a plan"
    rows = run(find_query("documents-citing-law"), corpus, {"law": "SFS 2023:196"}).rows
    assert [(local(r["document"]), r["how"].value) for r in rows] == [
        ("atgardsplan-2024", "legalBasis"),
        ("plan-brott", "references"),
        ("plan", "references"),
    ]
    rows = run(find_query("documents-citing-law"), corpus, {"law": "sfs2003:778"}).rows
    assert [local(r["document"]) for r in rows] == ["plan"]
    rows = run(find_query("follow-up-completion"), corpus).rows
    assert [(r["year"].value, r["reported"].value, r["completionRate"].value) for r in rows] == [
        ("2024", "2", "0.5")
    ]
    rows = run(find_query("promises-by-theme"), corpus, {"keyword": "TRAFIK"}).rows
    assert [(r["theme"].value, r["municipalities"].value) for r in rows] == [
        ("trafiksäkerhet i centrum", "2")
    ]
    rows = run(find_query("problems-without-activity"), corpus).rows
    assert [local(r["problem"]) for r in rows] == ["klotter"]
    rows = run(find_query("problems-without-activity"), corpus, {"prioritisedOnly": "ja"}).rows
    assert rows == []
    rows = run(find_query("expired-without-successor"), corpus, {"asOf": "2023-06-01"}).rows
    assert [local(r["document"]) for r in rows] == ["lofte-2022", "plan"]


def test_parameters_are_bound_with_their_datatypes() -> None:
    assert parse_value("2024-02-29", "date") == ox.Literal("2024-02-29", datatype=XSD.date)
    assert parse_value("2024", "year") == ox.Literal("2024", datatype=XSD.integer)
    assert parse_value("ja", "boolean") == ox.Literal("true", datatype=XSD.boolean)
    assert parse_value("0,5", "decimal") == ox.Literal("0.5", datatype=XSD.decimal)
    assert parse_value("SFS 2023:196", "law") == LAW.term("sfs-2023-196")
    assert parse_value("skdoc:lagesbild", "iri") == ox.NamedNode(
        "https://w3id.org/samklang/vocab/document-type/lagesbild"
    )
    assert parse_value("0685", "code") == ox.Literal("0685")
    for text, kind in [
        ("2024-02-30", "date"),
        ("24", "year"),
        ("kanske", "boolean"),
        ("x y", "iri"),
    ]:
        with pytest.raises(UsageError, match="is not"):
            parse_value(text, kind)


def test_an_injection_through_a_parameter_is_inert(corpus: OxigraphStore) -> None:
    """The keyword reaches the query as one literal: the attempt to close the string and add
    a pattern that matches everything finds nothing, and nothing is changed."""
    attack = '") } UNION { ?focusArea ?p ?title . BIND("x" AS ?theme) } #'
    query = find_query("promises-by-theme")
    rows = run(query, corpus, {"keyword": attack}).rows
    assert rows == []
    assert len(run(query, corpus, {"keyword": ""}).rows) == 2
    # The same through the VALUES path that remote endpoints get.
    from samklang.graph.sparql_text import bind_values

    text = bind_values(query.query, query.bindings({"keyword": attack}))
    assert attack not in text.replace('\\"', '"') or '\\"' in text
    assert inspect(text).services == () and not inspect(text).is_update


def test_undeclared_parameters_of_an_adhoc_query_are_typed_by_form(corpus: OxigraphStore) -> None:
    q = parse_query(
        "SELECT ?d WHERE { ?d sk:periodStart ?s FILTER (?s >= ?from) } ORDER BY ?d", "x"
    )
    rows = run(q, corpus, {"from": "2024-01-01"}).rows
    assert {local(r["d"]) for r in rows} == {"plan-brott", "atgardsplan-2024"}
    with pytest.raises(UsageError, match="is not a parameter"):
        run(q, corpus, {"nope": "1"})


def test_unknown_query_suggests_a_name() -> None:
    with pytest.raises(UsageError, match="did you mean 'red-thread'"):
        find_query("red-thred")


def test_output_formats(corpus: OxigraphStore) -> None:
    result = run(find_query("promise-cadence"), corpus)
    rows = list(csv.reader(io.StringIO(render(result, "csv"))))
    assert rows[0][:3] == ["municipality", "name", "promises"]
    assert rows[1][1] == "Exempelby kommun"
    tsv = render(result, "tsv").splitlines()
    assert tsv[0].split("\t")[0] == "municipality"
    doc = json.loads(render(result, "json"))
    assert doc["head"]["vars"][0] == "municipality"
    first = doc["results"]["bindings"][0]
    assert first["firstStart"] == {
        "type": "literal",
        "value": "2022-01-01",
        "datatype": "http://www.w3.org/2001/XMLSchema#date",
    }
    markdown = render(result, "markdown").splitlines()
    assert markdown[0].startswith("| municipality | name |") and markdown[1].startswith("|---|")
    assert "data:9999/exempelby-kommun" in render(result, "table")


def test_markdown_escapes_cells() -> None:
    from samklang.queries.research import Result

    text = render(Result(["x"], [{"x": ox.Literal("a | <b>")}]), "markdown")
    assert "a \\| &lt;b&gt;" in text


def test_cli_queries_lists_the_library(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["queries", "--lang", "en"])
    assert result.exit_code == 0, result.output
    names = [line.split("\t")[0] for line in result.output.splitlines()]
    assert names == sorted(library())
    assert "asOf=today" in result.output


def test_cli_query_named_file_and_inline(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        cli, ["query", "no-atgardsplan", *CORPUS, "--param", "asOf=2024-06-01", "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1].endswith("Provköpings kommun,9998,0")
    rq = tmp_path / "mine.rq"
    rq.write_text("SELECT ?m WHERE { ?m a sk:Municipality } ORDER BY ?m", encoding="utf-8")
    result = runner.invoke(cli, ["query", str(rq), *CORPUS, "--format", "tsv"])
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) == 3
    out = tmp_path / "out.json"
    result = runner.invoke(
        cli,
        [
            "query",
            "--sparql",
            "SELECT (COUNT(*) AS ?n) WHERE { ?s a sk:Activity }",
            *CORPUS,
            "--format",
            "json",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["results"]["bindings"][0]["n"]["value"] == "5"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["query", "no-such-query", str(EXEMPELBY)], "neither a query of the library"),
        (["query", "no-atgardsplan", str(EXEMPELBY), "--param", "asOf=2024-02-30"], "asOf"),
        (["query", "no-atgardsplan", str(EXEMPELBY), "--param", "x=1"], "is not a parameter"),
        (["query", "no-atgardsplan"], "give dataset paths"),
        (
            ["query", "--sparql", "SELECT * WHERE { ?s ?p }", str(EXEMPELBY)],
            "the query --sparql is not valid SPARQL at line 1, column 18: the query cannot go on "
            "at '?s'",  # the triple pattern it could not take
        ),
        (
            ["query", "--sparql", "SELEC * WHERE { ?s ?p ?o }", str(EXEMPELBY)],
            "not valid SPARQL at line 1, column 1: the query cannot go on at 'SELEC'",
        ),
        (
            ["query", "--sparql", "SELECT * WHERE { ?s nope:p ?o }", str(EXEMPELBY)],
            "at line 1, column 27: a prefix that is not declared",  # Oxigraph: after the name
        ),
        (["query", "--sparql", "DROP ALL", str(EXEMPELBY)], "is an update"),
    ],
)
def test_cli_query_bad_usage_is_one_sentence(
    runner: CliRunner, args: list[str], message: str
) -> None:
    result = runner.invoke(cli, [*args, "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_a_bad_rq_file_is_named_with_its_line(runner: CliRunner, tmp_path: Path) -> None:
    """The line is the file's own (the project's prefixes put in front are not counted), and
    the place is where the query goes wrong, not the end of the text."""
    query = tmp_path / "mine.rq"
    query.write_text(
        "# my question\nSELECT ?goal WHERE {\n  ?goal a sk:Goal .\n  FILTER(?goal > )\n}\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["query", str(query), str(EXEMPELBY), "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert result.stderr.strip() == (
        f"samklang: {query}, line 4: is not valid SPARQL at column 3: the query cannot go on at "
        "'FILTER(?goal'."
    )


def test_a_good_rq_file_still_runs(runner: CliRunner, tmp_path: Path) -> None:
    query = tmp_path / "mine.rq"
    query.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?g a sk:Goal }\n", encoding="utf-8")
    result = runner.invoke(cli, ["query", str(query), str(EXEMPELBY)])
    assert result.exit_code == 0, result.output


def test_cli_load_then_query_the_store(runner: CliRunner, tmp_path: Path) -> None:
    store = tmp_path / "store"
    result = runner.invoke(cli, ["load", *CORPUS, "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert "graph/9999" in result.stderr and "graph/9998" in result.stderr
    result = runner.invoke(cli, ["query", "activities-per-year", "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert "(4 rows)" in result.output
    junk = tmp_path / "junk"
    junk.mkdir()
    (junk / "a.txt").write_text("x", encoding="utf-8")
    result = runner.invoke(cli, ["load", str(EXEMPELBY), "--store", str(junk), "--lang", "en"])
    assert result.exit_code == 2 and "no samklang store" in result.stderr


def _rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> rdflib.term.Node:
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    assert isinstance(term, ox.Literal)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))


def _graphs(path: Path) -> dict[str, list[ox.Triple]]:
    """The named graphs of an RDF dataset file, each as its triples."""
    graphs: dict[str, list[ox.Triple]] = {}
    for quad in ox.parse(path=str(path)):
        graphs.setdefault(str(quad.graph_name), []).append(quad.triple)
    return graphs


def _canonical(triples: list[ox.Triple]) -> ox.Dataset:
    """The triples with their blank nodes named by RDFC-1.0: two graphs are isomorphic exactly
    when their canonical forms are equal."""
    dataset = ox.Dataset(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return dataset


def _rdflib_graph(triples: list[ox.Triple]) -> rdflib.Graph:
    graph = rdflib.Graph()
    for t in triples:
        graph.add((_rdflib(t.subject), _rdflib(t.predicate), _rdflib(t.object)))
    return graph


def _assert_isomorphic(a: dict[str, list[ox.Triple]], b: dict[str, list[ox.Triple]]) -> None:
    assert sorted(a) == sorted(b)
    for name, ta in a.items():
        tb = b[name]
        if _canonical(ta) != _canonical(tb):
            ga, gb = _rdflib_graph(ta), _rdflib_graph(tb)
            assert not isomorphic(ga, gb), f"{name}: rdflib and RDFC-1.0 disagree"
            _, only_a, only_b = graph_diff(ga, gb)
            raise AssertionError(
                f"{name} differs:\nonly first:\n{only_a.serialize(format='nt')}\n"
                f"only second:\n{only_b.serialize(format='nt')}"
            )


@pytest.mark.parametrize("fmt", ["trig", "nquads", "jsonld"])
def test_export_load_export_round_trip_is_isomorphic(
    runner: CliRunner, tmp_path: Path, fmt: str
) -> None:
    first = tmp_path / f"first.{fmt}"
    result = runner.invoke(
        cli, ["export", *CORPUS, str(VETLANDA), "--format", fmt, "-o", str(first)]
    )
    assert result.exit_code == 0, result.output
    suffix = {"trig": ".trig", "nquads": ".nq", "jsonld": ".jsonld"}[fmt]
    dump = first.with_suffix(suffix)
    first.rename(dump)
    store = tmp_path / "store"
    result = runner.invoke(cli, ["load", str(dump), "--store", str(store)])
    assert result.exit_code == 0, result.output
    second = tmp_path / f"second{suffix}"
    result = runner.invoke(
        cli, ["export", "--store", str(store), "--format", fmt, "-o", str(second)]
    )
    assert result.exit_code == 0, result.output
    _assert_isomorphic(_graphs(dump), _graphs(second))


def test_turtle_export_is_the_union(tmp_path: Path) -> None:
    store = open_sources(CORPUS)
    from samklang.graph.export import export

    buffer = io.BytesIO()
    count = export(store, buffer, "turtle")  # type: ignore[arg-type]
    graph = rdflib.Graph().parse(data=buffer.getvalue(), format="turtle")
    assert len(graph) == count
    assert (
        rdflib.URIRef("https://w3id.org/samklang/data/9998/provkoping-kommun"),
        rdflib.RDF.type,
        rdflib.URIRef("https://w3id.org/samklang/ontology#Municipality"),
    ) in graph
