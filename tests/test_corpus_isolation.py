"""One municipality's data never changes another's findings: each example checked alone and
in a corpus of all of them gives the same findings for its municipality, on every rule.

Found by the Virtuoso comparison: LAW-2023-196-LAGESBILD joined a municipality whose own
lägesbild was missing to another's, and in a corpus the finding was lost."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from samklang.graph.corpus import load_corpus
from samklang.graph.source_kind import load_dataset
from samklang.graph.store.oxigraph import OxigraphStore
from samklang.queries.check import check
from samklang.queries.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DATASETS = [
    ROOT / "examples" / "vetlanda",
    ROOT / "examples" / "fiktivby",
    ROOT / "tests" / "research" / "exempelby",
    ROOT / "tests" / "research" / "provkoping",
]


def _seen(findings: list) -> list[tuple[str, str, str | None, str, str]]:
    return sorted((f.rule, f.focus, f.document, f.kind, f.message) for f in findings)


@pytest.fixture(scope="module")
def corpus() -> OxigraphStore:
    store = OxigraphStore()
    load_corpus(DATASETS, store, warn_settings=False)
    return store


@pytest.mark.parametrize("folder", DATASETS, ids=lambda p: p.name)
def test_a_municipality_s_findings_are_its_own_in_a_corpus(
    folder: Path, corpus: OxigraphStore
) -> None:
    """On a date by which every document exists: on an earlier one, a store check cannot take
    the documents still to come out of the data (it drops the rows that name them), while a
    dataset checked alone is checked without them; that difference is not this test's."""
    from samklang.queries import history

    as_of = date(2026, 11, 25)
    assert history.left_out(corpus, as_of) == []
    settings = Settings(as_of=as_of)  # the defaults alone: a corpus does not use a dataset's own
    dataset = load_dataset(folder)
    alone = _seen(check(dataset, settings=settings))
    own = {q.subject.value for q in dataset.quads}  # a shared dataset's documents count too
    together = _seen(
        f for f in check(None, store=corpus, settings=settings)  # type: ignore[arg-type]
        if f.focus in own or f.document in own
    )
    assert together == alone
