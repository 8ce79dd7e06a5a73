"""The rule pack on a real Virtuoso: the synthetic national corpus pushed through the Graph Store
Protocol (as `samklang push` does), each rule and the whole pack through the SPARQL protocol.

The baseline is the embedded Oxigraph store in memory, in the same run, as ratios. The findings
must equal the injected defects (benchmarks/national_corpus.py) on both engines, in grouped terms
(one finding per rule, document and kind, naming the same foci). Virtuoso
(Debian `virtuoso-opensource`, installed by .ci/system-packages) runs on loopback with its
database in a temporary folder, started and stopped by the script.

    python benchmarks/virtuoso_corpus.py [--sizes 3 30] [--work DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]
from national import SETTINGS, as_expected, expected_of, timed  # noqa: E402
from national_corpus import generate  # noqa: E402

from samklang.graph.corpus import load_corpus, push  # noqa: E402
from samklang.graph.store.endpoint import SparqlStore  # noqa: E402
from samklang.graph.store.oxigraph import OxigraphStore  # noqa: E402
from samklang.queries.check import check  # noqa: E402
from samklang.queries.rule import catalogue  # noqa: E402
from tests.virtuoso import installed, running  # noqa: E402


def measure(size: int, work: Path, server_folder: Path) -> dict:
    corpus = work / f"corpus-{size}"
    expected = expected_of(generate(corpus, size))
    folders = sorted(p for p in corpus.iterdir() if p.is_dir())
    embedded = OxigraphStore()
    load_corpus(folders, embedded)
    local_s, local = timed(lambda: check(None, store=embedded, settings=SETTINGS))
    assert as_expected(local) == expected
    with running(server_folder) as server:
        push_s, _ = timed(lambda: push(folders, None, server.store(graph_store=True)))
        remote_store = SparqlStore(server.sparql, timeout=600)
        pack_s, remote = timed(lambda: check(None, store=remote_store, settings=SETTINGS))
        got = as_expected(remote)
        assert got == expected, (got - expected, expected - got)
        rules = {
            rule.id: timed(lambda r=rule: check(None, store=remote_store, settings=SETTINGS,
                                                 rules=[r]))[0]
            for rule in catalogue().values()
        }
    return {"size": size, "push_s": push_s, "pack_s": pack_s, "local_s": local_s,
            "rules": rules, "findings": sum(expected.values())}


def report(results: list[dict]) -> str:
    lines = ["| municipalities | findings | push (GSP) | pack on Virtuoso | pack on Oxigraph "
             "(memory) | ratio oxigraph/virtuoso | slowest rule on Virtuoso |",
             "|---|---|---|---|---|---|---|"]
    for r in results:
        slowest = max(r["rules"], key=r["rules"].get)
        lines.append(f"| {r['size']} | {r['findings']} | {r['push_s']:.1f} s | "
                     f"{r['pack_s']:.2f} s | {r['local_s']:.2f} s | "
                     f"{r['local_s'] / r['pack_s']:.2f} | {slowest} {r['rules'][slowest]:.2f} s |")
    lines += ["", "Per rule on Virtuoso (ms):", "",
              "| rule | " + " | ".join(str(r["size"]) for r in results) + " |",
              "|---|" + "---|" * len(results)]
    for rule_id in results[0]["rules"]:
        cells = " | ".join(f"{r['rules'][rule_id] * 1000:.0f}" for r in results)
        lines.append(f"| {rule_id} | {cells} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[3, 30])
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    if not installed():
        sys.exit("Virtuoso is not installed: run .ci/system-packages (virtuoso-opensource)")
    with tempfile.TemporaryDirectory(prefix="samklang-virtuoso-") as temp:
        work = args.work or Path(temp)
        work.mkdir(parents=True, exist_ok=True)
        results = []
        for size in args.sizes:
            server_folder = Path(tempfile.mkdtemp(prefix=f"db-{size}-", dir=temp))
            results.append(measure(size, work, server_folder))
    print(report(results))


if __name__ == "__main__":
    main()
