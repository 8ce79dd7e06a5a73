"""Against a real Virtuoso (Debian ``virtuoso-opensource``): push the examples, run the rule pack
and research queries through the SPARQL protocol, and get what the embedded store gives.

The test starts its own Virtuoso on loopback from a copy of the packaged ``virtuoso.ini`` with
its database in a temporary folder and its own ports, and stops it afterwards.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from samklang.graph.corpus import load_corpus, push
from samklang.graph.store import OxigraphStore, SparqlStore
from samklang.queries.check import check
from samklang.queries.research import find_query, run
from samklang.queries.rule import catalogue
from samklang.queries.settings import Settings

from .conftest import EXAMPLES, ROOT

PACKAGED_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
AS_OF = date(2024, 6, 1)


def datasets() -> list[Path]:
    """Vetlanda, the fictional example where every rule fires (when present), and the
    research fixtures' two municipalities."""
    found = [EXAMPLES / "vetlanda"]
    found += [p for p in [EXAMPLES / "fiktivby"] if (p / "municipality.yaml").is_file()]
    found += [ROOT / "tests" / "research" / "exempelby", ROOT / "tests" / "research" / "provkoping"]
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Virtuoso:
    """A running Virtuoso: its SPARQL endpoints."""

    http_port: int
    process: subprocess.Popen[bytes]

    @property
    def sparql(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql"

    def store(self, *, graph_store: bool) -> SparqlStore:
        base = f"http://127.0.0.1:{self.http_port}"
        return SparqlStore(
            self.sparql,
            update_endpoint=base + "/sparql-auth",
            graph_store=base + "/sparql-graph-crud-auth" if graph_store else None,
            user="dba",
            password="dba",
        )


def virtuoso_ini(folder: Path, server_port: int, http_port: int) -> Path:
    """A copy of the packaged configuration with the database in ``folder`` and own ports."""
    text = PACKAGED_INI.read_text(encoding="utf-8")
    text = text.replace("/var/lib/virtuoso-opensource-7/db/", f"{folder}/")
    text = re.sub(r"(?m)^ServerPort\s*=\s*1111\b.*$", f"ServerPort = 127.0.0.1:{server_port}", text)
    text = re.sub(r"(?m)^ServerPort\s*=\s*8890\b.*$", f"ServerPort = 127.0.0.1:{http_port}", text)
    text = re.sub(r"(?m)^DirsAllowed\s*=\s*", f"DirsAllowed = {folder}, ", text)
    ini = folder / "virtuoso.ini"
    ini.write_text(text, encoding="utf-8")
    return ini


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    binary = shutil.which("virtuoso-t")
    if binary is None or not PACKAGED_INI.is_file():
        message = "Virtuoso is not installed (run .ci/system-packages: virtuoso-opensource)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    folder = tmp_path_factory.mktemp("virtuoso")
    server_port, http_port = free_port(), free_port()
    ini = virtuoso_ini(folder, server_port, http_port)
    with (folder / "out.log").open("wb") as log:
        process = subprocess.Popen(
            [binary, "+foreground", "+configfile", str(ini)],
            cwd=folder,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    server = Virtuoso(http_port, process)
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                raise AssertionError(
                    "virtuoso-t exited:\n" + (folder / "out.log").read_text(errors="replace")
                )
            try:
                with urllib.request.urlopen(server.sparql + "?query=ASK%7B%7D", timeout=5) as r:
                    if r.status == 200:
                        break
            except urllib.error.HTTPError as err:
                err.close()
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                raise AssertionError("Virtuoso did not start within 120 s")
            time.sleep(0.5)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def embedded() -> OxigraphStore:
    store = OxigraphStore()
    load_corpus(datasets(), store)
    return store


@pytest.fixture(scope="module")
def pushed(virtuoso: Virtuoso) -> SparqlStore:
    """The datasets pushed through the Graph Store Protocol; the store reads /sparql."""
    target = virtuoso.store(graph_store=True)
    entries = push(datasets(), None, target)
    assert {e.code for e in entries} >= {"0685", "9999", "9998"}
    return SparqlStore(virtuoso.sparql)


def findings(store: object, rule_ids: list[str]) -> list[tuple[str, str, str | None, str]]:
    settings = Settings(as_of=AS_OF)
    rules = [catalogue()[r] for r in rule_ids]
    found = check(None, store=store, settings=settings, rules=rules)  # type: ignore[arg-type]
    return sorted((f.rule, f.focus, f.document, f.message) for f in found)


def test_check_on_virtuoso_equals_embedded(pushed: SparqlStore, embedded: OxigraphStore) -> None:
    """The whole rule pack through the protocol: the same findings, message for message."""
    remote, local = findings(pushed, list(catalogue())), findings(embedded, list(catalogue()))
    only_local = sorted(set(local) - set(remote))
    only_remote = sorted(set(remote) - set(local))
    assert (only_local, only_remote) == ([], []), "\n".join(
        [f"embedded only: {f}" for f in only_local] + [f"Virtuoso only: {f}" for f in only_remote]
    )
    assert len({f[0] for f in local}) >= 10, "the examples should make most rules fire"



@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("documents-citing-law", {"law": "SFS 2023:196"}),
        ("organisations-by-activities", {"fromYear": "2020"}),
        ("promise-cadence", {}),
        ("no-atgardsplan", {"asOf": "2024-06-01"}),
    ],
)
def test_research_queries_on_virtuoso_equal_embedded(
    pushed: SparqlStore, embedded: OxigraphStore, name: str, params: dict[str, str]
) -> None:
    query = find_query(name)
    remote = run(query, pushed, params, today=AS_OF)
    local = run(query, embedded, params, today=AS_OF)
    assert remote.columns == local.columns
    assert remote.rows == local.rows
    assert local.rows


def test_push_through_sparql_update_gives_the_same_graph(
    virtuoso: Virtuoso, embedded: OxigraphStore
) -> None:
    """The other write path: SPARQL Update (INSERT DATA, and a template for blank nodes)."""
    target = virtuoso.store(graph_store=False)
    vetlanda = EXAMPLES / "vetlanda"
    push([vetlanda], None, target)
    graph = "https://w3id.org/samklang/graph/0685"
    import pyoxigraph as ox

    from samklang.graph.store import ONTOLOGY_GRAPH

    for name in (graph, ONTOLOGY_GRAPH.value):
        remote = sorted(str(q.triple) for q in target.quads(ox.NamedNode(name)))
        local = sorted(str(q.triple) for q in embedded.quads(ox.NamedNode(name)))
        if name == ONTOLOGY_GRAPH.value:  # blank nodes get new labels: compare their count
            assert len(remote) == len(local)
        else:
            assert remote == local
