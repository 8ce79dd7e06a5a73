"""Against an Oxigraph server with its default settings, whose default graph is not the union
of its named graphs (Fuseki's default too): ``check --endpoint`` finds the municipalities'
graphs and checks them, names them in the report, and refuses an endpoint that holds none
rather than saying all is well."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from samklang.cli import cli
from samklang.graph.corpus import load_corpus, push
from samklang.graph.store.oxigraph import OxigraphStore
from samklang.queries import verdict
from samklang.queries.check import check
from samklang.queries.rule import catalogue
from samklang.queries.settings import Settings

from .conftest import EXAMPLES
from .oxigraph_server import OxigraphServer, running
from .test_virtuoso import AS_OF

DATASETS = [EXAMPLES / "vetlanda", EXAMPLES / "fiktivby"]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    with running(tmp_path_factory.mktemp("oxigraph")) as started:
        yield started


@pytest.fixture(scope="module")
def pushed(server: OxigraphServer) -> OxigraphServer:
    push(DATASETS, None, server.store())
    return server


def test_the_default_graph_is_not_the_union(pushed: OxigraphServer) -> None:
    """The premise: without a dataset, the rules would read an empty default graph."""
    rows = pushed.store().query_json("ASK { ?s ?p ?o }")
    assert rows["boolean"] is False


def test_check_on_the_endpoint_equals_embedded(pushed: OxigraphServer, runner) -> None:
    result = runner.invoke(
        cli,
        [
            "check",
            "--endpoint",
            pushed.query,
            "--as-of",
            AS_OF.isoformat(),
            "--format",
            "json",
            "--fail-on",
            "never",
        ],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["endpoint"] == pushed.query
    assert report["graphs"] == [
        "https://w3id.org/samklang/graph/0685",
        "https://w3id.org/samklang/graph/9901",
    ]
    embedded = OxigraphStore()
    load_corpus(DATASETS, embedded)
    local = check(None, store=embedded, settings=Settings(as_of=AS_OF))
    # samklang may not write the verdicts to an endpoint it only reads: those rules do not run
    reading = {r for r, rule in catalogue().items() if verdict.reads_verdicts(rule.query)}
    remote = sorted((f["rule"], f["focus"], f["message"], f["value"]) for f in report["findings"])
    assert remote == sorted(
        (f.rule, f.focus, f.message, f.value) for f in local if f.rule not in reading
    )  # the value too: the SHACL report's sh:value, a term of the data on either store
    assert len(remote) > 20


def test_the_text_report_names_the_graphs_checked(pushed: OxigraphServer, runner) -> None:
    result = runner.invoke(
        cli,
        [
            "check",
            "--endpoint",
            pushed.query,
            "--as-of",
            AS_OF.isoformat(),
            "--rules",
            "PER-MANDATE",
            "--fail-on",
            "never",
        ],
    )
    assert result.exit_code == 0, result.output
    assert f"Granskade grafer på {pushed.query}: https://w3id.org/samklang/graph/0685, " in (
        " ".join(result.stdout.split())
    )


def test_an_endpoint_without_municipalities_is_refused(tmp_path, runner) -> None:
    with running(tmp_path) as empty:
        empty.store().update("INSERT DATA { GRAPH <urn:x:g> { <urn:x:a> <urn:x:b> <urn:x:c> } }")
        result = runner.invoke(cli, ["check", "--endpoint", empty.query])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "Inga fynd" not in result.output
    assert f"SPARQL-ändpunkten {empty.query} innehåller ingen kommun" in result.stderr
    assert "någon av dess 1 namngivna grafer" in result.stderr


def test_push_prints_a_line_for_every_graph_it_writes(tmp_path, runner) -> None:
    with running(tmp_path) as target:
        result = runner.invoke(
            cli,
            [
                "push",
                str(EXAMPLES / "vetlanda"),
                "--endpoint",
                target.query,
                "--graph-store",
                target.base + "/store",
            ],
        )
        assert result.exit_code == 0, result.output
        lines = result.stderr.splitlines()
        graphs = target.store().graphs()
    printed = [g.value for g in graphs if any(g.value in line for line in lines)]
    assert printed == [g.value for g in graphs]  # the ontology and the catalogue included
    assert {g.value.rsplit("/", 1)[-1] for g in graphs} == {"0685", "ontology", "catalogue"}
