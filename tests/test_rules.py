"""Data-driven tests of the coherence rules, one folder per case, on every engine: Oxigraph,
rdflib and a real Virtuoso (started by the test when the Debian package is installed).

Each case is ``tests/rules/<RULE-ID>/<fires-…|holds-…>/``: the dataset files it adds to
``tests/rules/_base/`` (a case file replaces a base file of the same name) and ``expect.yaml``
with the reference date, optional settings and exactly the findings of that rule it expects:
each item's focus and document, and ``kind: question`` where the finding asks rather than
reports a defect, and ``severity`` where the case is about it; ``says`` lists words its Swedish
message must hold, ``fix_says`` and ``fix_says_not`` words its Swedish fix must and must not
hold (a fix filled from the case). A finding that groups several items of one document counts
once per item.
"""

from __future__ import annotations

import os
import re
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from samklang.graph.source_kind import load_dataset
from samklang.graph.store import ONTOLOGY_GRAPH, GraphStore, Store, ontology_quads, open_store
from samklang.queries.check import check, select_rules
from samklang.queries.rule import Rule, catalogue
from samklang.queries.settings import Settings

from .virtuoso import Virtuoso, installed, running

RULES = Path(__file__).parent / "rules"
BASE = RULES / "_base"
CASES = sorted(p.parent for p in RULES.glob("*/*/expect.yaml") if p.parent.parent != BASE)
ENGINES = [
    "memory",
    pytest.param("rdflib", marks=pytest.mark.slow),  # a quarter of the suite's time
    pytest.param("virtuoso", marks=pytest.mark.virtuoso),
]


def local(iri: str | None) -> str | None:
    """The last path segment of an IRI (its local id)."""
    return iri.rstrip("/").rsplit("/", 1)[-1] if iri is not None else None


def case_id(case: Path) -> str:
    return f"{case.parent.name}/{case.name}"


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    """A Virtuoso of this module's own, holding the ontology; each case replaces its graph."""
    if not installed():
        message = "Virtuoso is not installed (run .ci/system-packages: virtuoso-opensource)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with running(tmp_path_factory.mktemp("virtuoso")) as server:
        server.store(graph_store=True).replace_graph(ONTOLOGY_GRAPH, ontology_quads())
        yield server


@pytest.fixture(scope="module")
def stores() -> dict[str, GraphStore]:
    """A store of this module's own on each embedded engine, made when a case first needs it
    (loading the ontology is most of the making: 60 ms on Oxigraph, 0.4 s on rdflib)."""
    return {}


def engine_store(engine: str, request: pytest.FixtureRequest, dataset) -> Store:
    """A store on ``engine`` holding the ontology and ``dataset``, in place of the last case's:
    what ``open_store(engine)`` and ``add(dataset.quads)`` give, the ontology loaded once."""
    if engine != "virtuoso":
        made: dict[str, GraphStore] = request.getfixturevalue("stores")
        if engine not in made:
            made[engine] = open_store(engine)  # type: ignore[assignment]
        store = made[engine]
        for graph in store.graphs():  # the last case's data, and what its check wrote
            if graph != ONTOLOGY_GRAPH:
                store.replace_graph(graph, [])
        assert store.graphs() == [ONTOLOGY_GRAPH], "only the ontology, as a new store"
        assert all(q.graph_name != ONTOLOGY_GRAPH for q in dataset.quads), "keep the ontology"
        store.add(dataset.quads)
        return store
    server: Virtuoso = request.getfixturevalue("virtuoso")
    writer = server.store(graph_store=True)
    writer.replace_graph(dataset.graph, dataset.quads)
    return writer  # reads /sparql; the check writes its verdicts (queries/verdict.py) through it


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_case(case: Path, engine: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    rule_id = case.parent.name
    expect = yaml.safe_load((case / "expect.yaml").read_text(encoding="utf-8"))
    wanted = Counter(
        (f["focus"], f.get("document"), f.get("kind", "defect")) for f in expect["findings"] or []
    )
    assert case.name.startswith(("fires-", "holds-")), "case names start with fires- or holds-"
    assert bool(wanted) == case.name.startswith("fires-"), "fires- expects findings, holds- none"

    for folder in (BASE, case):
        for file in folder.iterdir():
            if file.is_file() and file.name != "expect.yaml":
                shutil.copy(file, tmp_path / file.name)
    dataset = load_dataset(tmp_path)
    store = engine_store(engine, request, dataset)
    settings = Settings(as_of=expect["as_of"], **(expect.get("settings") or {}))
    findings = check(
        dataset, rules=select_rules(only=[rule_id]), store=store, settings=settings, may_write=True
    )

    actual = Counter(
        (local(focus), local(f.document), f.kind) for f in findings for focus in f.foci
    )
    messages = (
        "\n".join(
            f"  {local(f.focus)} / {local(f.document)} ({f.kind}): {f.message}" for f in findings
        )
        or "  (none)"
    )
    for f in expect["findings"] or []:
        if "severity" in f:
            assert any(
                local(g.focus) == f["focus"] and g.severity == f["severity"] for g in findings
            ), f"{rule_id} on {engine}: no {f['severity']} about {f['focus']}:\n{messages}"
        for words in f.get("says") or []:  # what the Swedish message must say of the focus
            assert any(
                local(g.focus) == f["focus"] and words in g.message for g in findings
            ), f"{rule_id} on {engine}: nothing about {f['focus']} says {words!r}:\n{messages}"
        about = [g for g in findings if local(g.focus) == f["focus"]]
        for words in f.get("fix_says") or []:  # what its fix must say, and must not
            assert any(words in g.fix for g in about), f"{rule_id} on {engine}: fix {words!r}"
        for words in f.get("fix_says_not") or []:
            assert not any(words in g.fix for g in about), f"{rule_id} on {engine}: {words!r}"
    assert len({(f.rule, f.document or f.focus, f.kind) for f in findings}) == len(findings), (
        f"{rule_id} on {engine}: two findings of one cause (same document and kind):\n{messages}"
    )
    assert actual == wanted, f"{rule_id} on {engine} found:\n{messages}"


def test_every_rule_has_fires_and_holds_cases() -> None:
    missing = [
        f"{rule_id}: no {kind}- case"
        for rule_id in catalogue()
        for kind in ("fires", "holds")
        if not list((RULES / rule_id).glob(f"{kind}-*/expect.yaml"))
    ]
    assert not missing, "\n".join(missing)


def test_every_case_folder_names_a_rule() -> None:
    strays = [
        p.name for p in RULES.iterdir() if p.is_dir() and p != BASE and p.name not in catalogue()
    ]
    assert not strays, f"case folders for unknown rules: {strays}"


@pytest.mark.parametrize("rule", catalogue().values(), ids=lambda r: r.id)
def test_parameters_are_projected(rule: Rule) -> None:
    # Oxigraph substitutes a bound variable only where the query projects it.
    head = re.search(r"SELECT(.*?)WHERE", rule.query, re.DOTALL)
    assert head, f"{rule.id}: no SELECT … WHERE"
    missing = [p for p in rule.parameters if not re.search(rf"\?{p}\b", head[1])]
    assert not missing, f"{rule.id}: parameters {missing} not projected in SELECT"
