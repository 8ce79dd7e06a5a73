"""A load killed at any point leaves the old store or the new one, never a mix, and readers
during loads see whole loads only (issue 17). Each test starts real ``load`` processes and
kills them with ``SIGKILL``; they take a minute or so, so they are marked ``slow``."""

from __future__ import annotations

import collections
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from samklang.graph.corpus import load_corpus, verify_catalogue
from samklang.graph.store import ONTOLOGY_GRAPH
from samklang.graph.store.oxigraph import OxigraphStore

from .conftest import ROOT

pytestmark = pytest.mark.slow

RESEARCH = ROOT / "tests" / "research"
EXEMPELBY, PROVKOPING = RESEARCH / "exempelby", RESEARCH / "provkoping"

CHILD = """
import json, os, signal, sys, time
from datetime import UTC, datetime
from samklang.graph.corpus import load_corpus
from samklang.graph.store import folder as layout
from samklang.graph.store.oxigraph import OxigraphStore
target, kill_at, *paths = sys.argv[1:]
marks = {}
def mark(name):
    if name == "cleaning" and "pointed" not in marks:
        return  # a load also cleans up when it starts
    if name not in marks:
        marks[name] = time.perf_counter() - start
    if name == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)
def hook(owner, name, before=None, after=None):
    original = getattr(owner, name)
    def hooked(*args, **kwargs):
        if before:
            mark(before)
        result = original(*args, **kwargs)
        if after:
            mark(after)
        return result
    setattr(owner, name, hooked)
hook(layout, "_copy_generation", after="copied")
hook(OxigraphStore, "replace_graph", after="wrote")  # the ontology's graph, then the data's
hook(layout, "_sync_folder", before="publish")
hook(layout.os, "rename", after="renamed")
hook(layout, "_replace_file", after="pointed")
hook(layout, "_remove_leftovers", before="cleaning")
print("start", flush=True)
start = time.perf_counter()
store = OxigraphStore(target)
load_corpus(paths, store, now=datetime(2025, 1, 1, tzinfo=UTC))
marks["done"] = time.perf_counter() - start
print(json.dumps(marks), flush=True)
"""
"""A load in a child process: ``target``, the point to kill itself at (or ``-``), the sources.
It prints ``start`` before it opens the store, and at the end when each point was reached."""


def _big(path: Path, version: int, triples: int = 20_000) -> Path:
    """An N-Triples file of ``triples`` triples, different for each version."""
    with path.open("w", encoding="utf-8") as out:
        for i in range(triples):
            out.write(
                f"<http://example.org/s{i % 5000}> <http://example.org/p{i % 7}> "
                f'"v{version} {i}" .\n'
            )
    return path


def _changed_exempelby(target: Path) -> Path:
    target.mkdir()
    for file in EXEMPELBY.iterdir():
        text = file.read_text(encoding="utf-8")
        (target / file.name).write_text(
            text.replace("Kvällsvandringar i centrum", "Nattvandringar"), encoding="utf-8"
        )
    return target


def _fingerprint(folder: Path) -> dict[str, collections.Counter[tuple[str, str, str]]]:
    """The store's graphs, each as a multiset of triples (blank nodes all alike), after
    checking that its catalogue agrees with them. The ontology graph is left out: each load
    writes the ontology of the working tree, which may change while the test runs."""
    store = OxigraphStore(folder, read_only=True)
    try:
        verify_catalogue(store, folder)
        graphs: dict[str, collections.Counter[tuple[str, str, str]]] = {}
        for q in store.quads():
            if q.graph_name == ONTOLOGY_GRAPH:
                continue

            def term(t: object) -> str:
                return "_:" if isinstance(t, ox.BlankNode) else str(t)

            graph = graphs.setdefault(str(q.graph_name), collections.Counter())
            graph[(term(q.subject), term(q.predicate), term(q.object))] += 1
        return graphs
    finally:
        store.close()


def _load(folder: Path, paths: list[Path], kill_at: str = "-") -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(folder), kill_at, *map(str, paths)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
    )


@pytest.fixture(scope="module")
def loads(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The store before a load (``old``), the sources of the load, the store a whole load
    leaves (its fingerprint) and when the load reached each point."""
    from datetime import UTC, datetime

    tmp = tmp_path_factory.mktemp("loads")
    (tmp / "v2").mkdir()
    old_sources = [EXEMPELBY, PROVKOPING, _big(tmp / "big.nt", 1)]
    new_sources = [_changed_exempelby(tmp / "exempelby"), _big(tmp / "v2" / "big.nt", 2)]
    old = tmp / "old"
    load_corpus(old_sources, OxigraphStore(old), now=datetime(2025, 1, 1, tzinfo=UTC))
    whole = tmp / "whole"
    shutil.copytree(old, whole)
    child = _load(whole, new_sources)
    out, _ = child.communicate(timeout=300)
    assert child.returncode == 0, out
    marks = json.loads(out.splitlines()[-1])
    new_print = _fingerprint(whole)
    old_print = _fingerprint(old)
    assert new_print != old_print
    return {
        "tmp": tmp,
        "old": old,
        "sources": new_sources,
        "marks": marks,
        "old_print": old_print,
        "new_print": new_print,
    }


def _killed(
    loads: dict[str, object], name: str, kill_at: str = "-", delay: float | None = None
) -> tuple[Path, str]:
    """A copy of the old store, a load into it killed (at a point, or after ``delay``
    seconds), and which store it left: ``old`` or ``new`` (anything else fails the test)."""
    folder = loads["tmp"] / name  # type: ignore[operator]
    shutil.copytree(loads["old"], folder)  # type: ignore[arg-type]
    child = _load(folder, loads["sources"], kill_at)  # type: ignore[arg-type]
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "start"
    if delay is not None:
        time.sleep(delay)
        os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=300)
    child.stdout.close()
    # At a point, the load dies there; after a delay it may have ended first (then: new).
    assert child.returncode == -signal.SIGKILL or (delay is not None and child.returncode == 0)
    found = _fingerprint(folder)  # the catalogue agrees with the graphs, or this raises
    if found == loads["old_print"]:
        return folder, "old"
    assert found == loads["new_print"], f"{name}: the killed load left a mix"
    return folder, "new"


@pytest.mark.parametrize(
    ("point", "left"),
    [
        ("copied", "old"),  # the stage holds a copy of the current generation
        ("wrote", "old"),  # the stage holds part of the load
        ("publish", "old"),  # the stage is complete, not yet renamed
        ("renamed", "old"),  # renamed to the next generation's name, the pointer unchanged
        ("pointed", "new"),  # the pointer names the new generation; nothing cleaned yet
        ("cleaning", "new"),
    ],
)
def test_a_load_killed_at_each_step_leaves_the_old_store_or_the_new_one(
    loads: dict[str, object], point: str, left: str
) -> None:
    folder, found = _killed(loads, f"at-{point}", point)
    assert found == left
    # The store takes the next load as usual: no lock is left, the stage is removed.
    again = _load(folder, loads["sources"])  # type: ignore[arg-type]
    again.communicate(timeout=300)
    assert again.returncode == 0
    assert _fingerprint(folder) == loads["new_print"]
    assert not [p for p in folder.iterdir() if p.name.startswith((".stage-", ".trash-"))]
    assert len([p for p in folder.iterdir() if p.name.startswith("g")]) == 1


def test_a_load_killed_at_random_moments_leaves_the_old_store_or_the_new_one(
    loads: dict[str, object],
) -> None:
    marks: dict[str, float] = loads["marks"]  # type: ignore[assignment]
    rng = random.Random(17)
    outcomes: collections.Counter[str] = collections.Counter()
    started = time.monotonic()
    windows = [  # while it writes, around the publication, after it
        (marks["copied"], marks["publish"]),
        (marks["publish"] - 0.05, marks["pointed"] + 0.05),
        (marks["pointed"], marks["done"] + 0.05),
    ]
    for run in range(9):
        low, high = windows[run % 3]
        folder, found = _killed(loads, f"run{run}", delay=rng.uniform(low, high))
        outcomes[found] += 1
        shutil.rmtree(folder)
    print(
        f"killed at random: {dict(outcomes)}; the load copied by {marks['copied']:.2f} s, "
        f"published from {marks['publish']:.2f} to {marks['pointed']:.2f} s, ended at "
        f"{marks['done']:.2f} s; {time.monotonic() - started:.0f} s in all"
    )
    assert outcomes["old"] >= 1


def test_readers_during_loads_see_whole_loads(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    first = [EXEMPELBY, PROVKOPING, _big(tmp_path / "big.nt", 1, 10_000)]
    (tmp_path / "v2").mkdir()
    second = [
        _changed_exempelby(tmp_path / "exempelby"),
        _big(tmp_path / "v2" / "big.nt", 2, 10_000),
    ]
    folder = tmp_path / "store"
    load_corpus(first, OxigraphStore(folder), now=datetime(2025, 1, 1, tzinfo=UTC))
    states = [_fingerprint(folder)]
    load_corpus(second, OxigraphStore(folder), now=datetime(2025, 1, 1, tzinfo=UTC))
    states.append(_fingerprint(folder))
    loads = 0
    reads: collections.Counter[int] = collections.Counter()
    deadline = time.monotonic() + 60
    child = _load(folder, first)
    while time.monotonic() < deadline and loads < 4:
        found = _fingerprint(folder)
        assert found in states, "a reader saw half a load"
        reads[states.index(found)] += 1
        if child.poll() is not None:
            assert child.returncode == 0
            assert child.stdout is not None
            child.stdout.close()
            loads += 1
            child = _load(folder, second if loads % 2 else first)
    child.kill()
    child.wait()
    assert child.stdout is not None
    child.stdout.close()
    print(f"{loads} loads, reads of each state: {dict(reads)}")
    assert loads >= 2 and len(reads) == 2
    generations = [p for p in folder.iterdir() if p.is_dir() and p.name.startswith("g")]
    assert len(generations) <= 2  # the loads removed what no reader held
