"""Every research query (samklang/queries/research/*.rq) on the on-disk store at national scale.

Builds the synthetic corpus (benchmarks/national_corpus.py) and loads it into an on-disk
Oxigraph store as benchmarks/national.py does (dump, bulk load, optimize), unless ``--work``
already holds them; then opens the store read-only, as `samklang serve --store` does, and runs
each query with its default bindings (``asOf`` the corpus's date). Each query's time (median of
``--repeat`` runs; and its processor time, less swayed by other processes on the cores) is
printed as a ratio to a full scan in the same process
(``SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }``), with the load average.
``--rows FILE`` writes every query's rows, sorted, to compare two versions of the queries.

    python benchmarks/research_queries.py [--size 290] [--work DIR] [--repeat 3] [--rows FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))
from national_corpus import AS_OF, generate  # noqa: E402

from samklang.graph.source_kind import load_dataset  # noqa: E402
from samklang.graph.store.oxigraph import OxigraphStore  # noqa: E402
from samklang.queries.research import library, term_value  # noqa: E402
from samklang.queries.verdict import with_verdicts  # noqa: E402

SCAN = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def build(size: int, work: Path) -> Path:
    """The on-disk store of ``size`` municipalities under ``work`` (built once, then reused)."""
    disk = work / f"store-{size}"
    if (disk / "ready").exists():
        return disk
    corpus = work / f"corpus-{size}"
    dump = work / f"corpus-{size}.nq"
    if not dump.exists():
        generate(corpus, size)
        memory = OxigraphStore()
        for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
            memory.add(load_dataset(folder).quads)
        memory.store.dump(str(dump), format=ox.RdfFormat.N_QUADS)
        del memory
    shutil.rmtree(disk, ignore_errors=True)
    disk.mkdir(parents=True)
    on_disk = ox.Store(str(disk / "db"))
    on_disk.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
    on_disk.flush()
    on_disk.optimize()
    del on_disk
    (disk / "ready").write_text("", encoding="utf-8")
    return disk


def timed(run, repeat: int) -> tuple[float, object, float]:
    """The median wall time of ``repeat`` runs, the last value, the median processor time."""
    times, cpu, value = [], [], None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        value = run()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(times), value, statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=290)
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rows", type=Path, default=None)
    parser.add_argument("--only", nargs="*", default=None, help="query names (default: all)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="samklang-research-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    disk = build(args.size, work)
    print(f"store {disk} ready in {time.perf_counter() - started:.1f} s")
    today = date.fromisoformat(AS_OF)
    store = with_verdicts(OxigraphStore(str(disk / "db"), read_only=True), today,
                          may_write=False)
    scan_s, scan, _ = timed(lambda: store.select(SCAN), args.repeat)
    quads = int(scan[0]["n"].value)
    print(f"{args.size} municipalities, {quads:,} quads; full scan {scan_s * 1000:.0f} ms; "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'query':32} {'rows':>6} {'ms':>8} {'× scan':>7} {'cpu ms':>8}")
    rows_out = {}
    total = total_cpu = 0.0
    for name, query in library().items():
        if args.only and name not in args.only:
            continue
        bindings = query.bindings(today=today)
        seconds, rows, cpu = timed(
            lambda q=query, b=bindings: store.select(q.query, b), args.repeat)
        total += seconds
        total_cpu += cpu
        print(f"{name:32} {len(rows):>6} {seconds * 1000:>8.0f} {seconds / scan_s:>7.2f} "
              f"{cpu * 1000:>8.0f}", flush=True)
        rows_out[name] = sorted(
            json.dumps({k: term_value(v) for k, v in sorted(row.items())}, ensure_ascii=False)
            for row in rows)
    print(f"{'all':32} {'':>6} {total * 1000:>8.0f} {total / scan_s:>7.2f} "
          f"{total_cpu * 1000:>8.0f}; load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.rows:
        args.rows.write_text(json.dumps(rows_out, indent=0, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
