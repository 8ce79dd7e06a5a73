"""Where `samklang reason` spends its time on a corpus: every Java run (one model of the cut
data, one part of each form; or, for large data, the consistency check of the whole and the
processes realising the batches), timed as it runs, with the models and statements each was
given, against HermiT on the ontology alone (the baseline: a Java start and the classes
classified).

    python benchmarks/national_corpus.py /tmp/c30 --municipalities 30
    python benchmarks/reasoning_profile.py /tmp/c30 [--municipalities N] [--batch STATEMENTS]

Runs `samklang reason DIR/* --as-of 2026-11-25` in this process (the corpus in memory), with
the Java runs wrapped to time them; prints each run, the sum by kind, the whole command (wall,
and processor time in Python and in Java) and the load average.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import threading
import time
from datetime import date
from pathlib import Path


def load() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--municipalities", type=int, default=None, help="only the first N")
    parser.add_argument("--batch", type=int, default=None, help="statements a batch holds")
    args = parser.parse_args()

    import samklang.reasoning.runner as runner
    from samklang.cli import main as cli
    from samklang.graph.store import ontology_quads
    from samklang.reasoning.reason import _triple, _View

    runs: list[tuple[str, int, int, float, str]] = []
    java = runner._Runner._java

    def timed(head, options, *models, uri):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        done = java(head, options, *models, uri=uri)
        took = time.perf_counter() - started
        size = sum(len(m) for m in models)
        runs.append((options[0], len(models), size, took, threading.current_thread().name))
        return done

    print(f"load average before: {load()}")
    schema = _View([_triple(q) for q in ontology_quads()], [], date(2026, 11, 25)).schema
    started = time.perf_counter()
    runner._Runner("hermit").run(schema)
    base = time.perf_counter() - started
    print(f"HermiT -c -I on the ontology alone ({len(schema)} statements, baseline): {base:.1f} s")
    runner._Runner._java = staticmethod(timed)  # type: ignore[method-assign]
    folders = sorted(str(p) for p in args.corpus.iterdir() if p.is_dir())[: args.municipalities]
    if args.batch:
        runner.BATCH = args.batch
    print(f"{len(folders)} municipalities, batches of up to {runner.BATCH:,} statements")
    sys.argv = ["samklang", "reason", *folders, "--as-of", "2026-11-25"]
    started = time.perf_counter()
    with open(os.devnull, "w", encoding="utf-8") as quiet:
        shown, sys.stdout = sys.stdout, quiet  # the memberships reason lists: tens of thousands
        try:
            cli()
        except SystemExit:
            pass
        finally:
            sys.stdout = shown
    whole = time.perf_counter() - started
    for option, models, size, took, thread in runs:
        print(f"  java {option:3} {models:3} models {size:7,} statements {took:6.1f} s  ({thread})")
    kinds = {"-k": "consistency of the whole", "-c": "realising batches"}
    for option, name in kinds.items():
        mine = [took for o, _, _, took, _ in runs if o == option]
        if mine:
            print(f"{name}: {len(mine)} processes, {sum(mine):.1f} s summed")
    print(
        f"the whole command: {whole:.1f} s wall, {time.process_time():.1f} s processor in "
        f"Python, {_children():.1f} s in Java (all runs); load average after: {load()}"
    )


def _children() -> float:
    """Processor seconds of the finished Java processes so far (user and system)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    main()
