"""A corpus given as one exported N-Quads or TriG file: checked as it is, read straight into
the store (samklang/graph/rdf_file.py), the same store and findings as through a load."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from samklang.cli import cli
from samklang.graph.corpus import CATALOGUE_GRAPH, load_corpus, open_sources
from samklang.graph.store.oxigraph import OxigraphStore

from .conftest import ROOT, VETLANDA

CORPUS = [str(ROOT / "tests" / "research" / name) for name in ("exempelby", "provkoping")]


def _content(store: ox.Store) -> tuple[set[str], int]:
    """The quads without blank nodes (as text), and how many quads hold one."""
    plain, blank = set(), 0
    for q in store:
        if any(isinstance(t, ox.BlankNode) for t in (q.subject, q.object, q.graph_name)):
            blank += 1
        else:
            plain.add(str(q))
    return plain, blank


def _export(runner: CliRunner, target: Path, fmt: str) -> Path:
    result = runner.invoke(
        cli, ["export", *CORPUS, str(VETLANDA), "--format", fmt, "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    return target


@pytest.mark.parametrize(("fmt", "suffix"), [("nquads", ".nq"), ("trig", ".trig")])
def test_an_exported_file_is_read_into_the_store_a_load_builds(
    runner: CliRunner, tmp_path: Path, fmt: str, suffix: str
) -> None:
    dump = _export(runner, tmp_path / f"corpus{suffix}", fmt)
    loaded = OxigraphStore()
    load_corpus([dump], loaded)
    read = open_sources([dump])
    assert _content(read.store) == _content(loaded.store)
    assert _content(read.store)[1] > 0  # the ontology's lists: blank nodes, kept together


def test_a_file_without_catalogue_gets_one_and_its_default_graph_a_graph_of_its_own(
    tmp_path: Path,
) -> None:
    dump = tmp_path / "facts.trig"
    dump.write_text(
        "<http://example.org/a> <http://example.org/b> 'c' .\n"
        "<http://example.org/g> { <http://example.org/x> <http://example.org/y> 1 }\n",
        encoding="utf-8",
    )
    loaded = OxigraphStore()
    load_corpus([dump], loaded)
    read = open_sources([dump])

    def without_stamps(store: OxigraphStore) -> tuple[set[str], int]:
        plain, blank = _content(store.store)
        return {q for q in plain if "/terms/modified>" not in q}, blank

    assert without_stamps(read) == without_stamps(loaded)
    assert [g.value for g in read.graphs()] == [g.value for g in loaded.graphs()]
    assert CATALOGUE_GRAPH in read.graphs()


def test_check_of_an_exported_file_finds_what_check_of_a_store_finds(
    runner: CliRunner, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    result = runner.invoke(cli, ["load", *CORPUS, str(VETLANDA), "--store", str(store)])
    assert result.exit_code == 0, result.output
    dump = _export(runner, tmp_path / "corpus.nq", "nquads")
    reports = []
    for source in (["--store", str(store)], [str(dump)]):
        result = runner.invoke(
            cli,
            ["check", *source, "--as-of", "2021-06-01", "--format", "json", "--fail-on", "never"],
        )
        assert result.exit_code == 0, result.output
        reports.append(json.loads(result.stdout))
    assert reports[0]["findings"] and reports[0]["left_out"]
    assert reports[1] == reports[0]


def test_a_malformed_file_is_one_sentence_with_the_line_of_the_file(
    runner: CliRunner, tmp_path: Path
) -> None:
    lines = [
        f'<http://example.org/s{n}> <http://example.org/p> "v{n}" <http://example.org/g> .\n'
        for n in range(40)
    ]
    lines[30] = '<http://example.org/bad iri> <http://example.org/p> "v" <http://example.org/g> .\n'
    dump = tmp_path / "broken.nq"
    dump.write_text("".join(lines), encoding="utf-8")
    result = runner.invoke(cli, ["check", str(dump), "--lang", "en"])
    assert result.exit_code == 2
    [message] = result.stderr.strip().splitlines()
    assert str(dump) in message and "line 31" in message and "is not valid RDF" in message
    assert "Traceback" not in result.output


def test_a_file_that_cannot_be_opened_is_one_sentence(tmp_path: Path) -> None:
    """Oxigraph opens the file itself; when the system refuses it (here: the file is gone
    between the check of its name and the read), the sentence names the file and why."""
    from samklang.errors import InputError
    from samklang.graph import rdf_file

    gone = tmp_path / "gone.nq"
    with pytest.raises(InputError) as caught:
        rdf_file.parse(gone, ox.NamedNode("https://example.org/g"))
    assert str(gone) in str(caught.value)
    assert "cannot be read: No such file or directory" in str(caught.value)
