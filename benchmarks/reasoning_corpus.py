"""Time OWL reasoning (samklang reason) on Vetlanda and on the 30-municipality benchmark corpus.

The corpus is the synthetic national corpus of benchmarks/national_corpus.py (coherent
2023–2026 plannings, about 3,500 quads per municipality, one injected defect in every third),
its first 1, 3, 10 and 30 municipalities. For each it reports the time of `reason` on all of
them at once (the links that cannot change a membership cut, one part of each form given to
HermiT: docs/reasoning.md), the same the way it was done before (uncut, a model for each batch
of municipalities, after one consistency check of the whole; up to --single-max
municipalities, and it must infer exactly the same memberships), the sum of reasoning over
each municipality alone, and the baseline in the same process: the whole SPARQL rule pack on
the same quads on the embedded Oxigraph store (what `samklang check` does), as a ratio. The
load average is printed with each row.

Usage: python benchmarks/reasoning_corpus.py [--sizes 1,3,10,30] [--repeat 1]
       [--single-max 10] [--reasoner hermit] [--work DIR]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))
from national_corpus import AS_OF, generate  # noqa: E402

from samklang.graph.source_kind import load_dataset  # noqa: E402
from samklang.graph.store import open_store  # noqa: E402
from samklang.queries.check import check  # noqa: E402
from samklang.queries.settings import Settings  # noqa: E402
from samklang.reasoning import runner  # noqa: E402
from samklang.reasoning.reason import reason  # noqa: E402

VETLANDA = Path(__file__).resolve().parent.parent / "examples" / "vetlanda"


def median_seconds(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,3,10,30")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--single-max", type=int, default=10)
    parser.add_argument("--reasoner", default="hermit")
    parser.add_argument("--work", type=Path, default=None, help="keep the corpus here")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    def measure(label: str, datasets: list[list[ox.Quad]], as_of: date) -> None:
        quads = [q for dataset in datasets for q in dataset]
        settings = Settings(as_of=as_of)
        result = reason(quads, args.reasoner, as_of=as_of)
        assert result.consistent, label
        whole = median_seconds(lambda: reason(quads, args.reasoner, as_of=as_of), args.repeat)
        single = float("nan")
        if len(datasets) <= args.single_max:
            cut, alike = runner.cut, runner.alike
            runner.cut = lambda schema, data: list(data)  # type: ignore[assignment]
            runner.alike = lambda schema, data, parts: (parts, {})  # type: ignore[assignment]
            try:
                before = reason(quads, args.reasoner, as_of=as_of)
                assert before.memberships == result.memberships, label
                single = median_seconds(
                    lambda: reason(quads, args.reasoner, as_of=as_of), args.repeat
                )
            finally:
                runner.cut, runner.alike = cut, alike
        each = (
            sum(
                median_seconds(lambda d=d: reason(d, args.reasoner, as_of=as_of), args.repeat)
                for d in datasets
            )
            if len(datasets) > 1
            else whole
        )

        def rules() -> None:
            store = open_store("memory")
            store.add(quads)
            check(None, store=store, settings=settings)

        rules()  # warm: first-query parsing
        baseline = median_seconds(rules, max(3, args.repeat))
        print(
            f"{label:<20} {len(quads):>8} {result.individuals:>7} {len(result.memberships):>8} "
            f"{whole:>8.1f} {single:>8.1f} {each:>8.1f} {baseline:>8.2f} {whole / baseline:>7.0f}x"
            f"   load {' / '.join(f'{x:.2f}' for x in os.getloadavg())}",
            flush=True,
        )

    print(
        f"reasoner: {args.reasoner}; median of {args.repeat}; "
        "baseline: the whole rule pack on Oxigraph (samklang check)"
    )
    print(
        f"{'data':<20} {'quads':>8} {'indiv.':>7} {'inferred':>8} {'reason s':>8} "
        f"{'before s':>8} {'each s':>8} {'rules s':>8} {'ratio':>8}"
    )
    measure("examples/vetlanda", [load_dataset(VETLANDA).quads], date(2021, 6, 1))
    with tempfile.TemporaryDirectory(prefix="samklang-corpus-") as temporary:
        work = args.work or Path(temporary)
        if not (work / "defects.json").exists():
            generate(work, max(sizes))
        folders = sorted(p for p in work.iterdir() if p.is_dir())[: max(sizes)]
        corpus = [load_dataset(folder).quads for folder in folders]
    for size in sizes:
        measure(f"{size} municipalities", corpus[:size], date.fromisoformat(AS_OF))


if __name__ == "__main__":
    main()
