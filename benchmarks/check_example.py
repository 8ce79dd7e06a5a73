"""Time load + rule pack on one dataset: Oxigraph (the default) against rdflib (the baseline).

Usage: python benchmarks/check_example.py [DATASET] [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date

from samklang.graph.source_kind import load_dataset
from samklang.graph.store import open_store
from samklang.queries.check import check
from samklang.queries.rule import catalogue
from samklang.queries.settings import Settings


def median_seconds(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("dataset", nargs="?", default="examples/vetlanda")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    settings = Settings(as_of=date(2026, 11, 25))
    results = {}
    for engine in ("memory", "rdflib"):

        def run(engine: str = engine) -> int:
            dataset = load_dataset(args.dataset)
            store = open_store(engine)
            store.add(dataset.quads)
            return len(check(dataset, store=store, settings=settings))

        findings = run()  # warm: imports, first-query parsing
        results[engine] = (median_seconds(run, args.repeat), findings)
    rules = {}
    dataset = load_dataset(args.dataset)
    for engine in ("memory", "rdflib"):
        store = open_store(engine)
        store.add(dataset.quads)
        for rule in catalogue().values():
            rules.setdefault(rule.id, {})[engine] = median_seconds(
                lambda store=store, rule=rule: check(
                    dataset, store=store, settings=settings, rules=[rule]
                ),
                max(3, args.repeat // 4),
            )
    base = results["rdflib"][0]
    print(f"dataset: {args.dataset}, {len(dataset.quads)} quads, median of {args.repeat}")
    for engine, (seconds, findings) in results.items():
        print(
            f"  {engine:7} load+check {seconds * 1000:8.1f} ms  ratio {seconds / base:5.2f}"
            f"  findings {findings}"
        )
    print("per rule (ms, memory / rdflib):")
    for rule_id, times in rules.items():
        print(
            f"  {rule_id:26} {times['memory'] * 1000:7.1f} {times['rdflib'] * 1000:8.1f}"
            f"  ratio {times['memory'] / times['rdflib']:5.2f}"
        )
    assert results["memory"][1] == results["rdflib"][1], "engines disagree on the findings"


if __name__ == "__main__":
    main()
