"""`samklang stats` on a synthetic national corpus: building the planning graph, the
organisations' betweenness by rustworkx (what `stats` uses, decision 0011) against networkx
over the whole graph (the baseline, in the same process), and the whole `compute_stats`.

    python benchmarks/stats_betweenness.py [--municipalities 30] [--repeat 3]

The corpus is made by `national_corpus.py` (every municipality synthetic) into a temporary
folder and loaded into an in-memory store. The values of both implementations are compared.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def load() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--municipalities", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import networkx as nx

    from samklang.graph.corpus import load_corpus
    from samklang.graph.store.oxigraph import OxigraphStore
    from samklang.network.analytics import (
        ACTOR_RELATIONS,
        _betweenness,
        choose_municipality,
        compute_stats,
    )
    from samklang.network.build import planning_graph

    print(f"load average before: {load()}")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp)
        here = Path(__file__).resolve().parent
        subprocess.run(
            [sys.executable, str(here / "national_corpus.py"), str(corpus),
             "--municipalities", str(args.municipalities)],
            check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        store = OxigraphStore()
        load_corpus(sorted(p for p in corpus.iterdir() if p.is_dir()), store)

    chosen = choose_municipality(store, None)
    started = time.perf_counter()
    graph = planning_graph(store, chosen, "sv")
    built = time.perf_counter() - started
    actors = nx.Graph()
    actors.add_edges_from((s, o) for s, o, r in graph.edges(keys=True) if r in ACTOR_RELATIONS)

    def timed(run, repeat: int) -> tuple[float, object]:
        times, result = [], None
        for _ in range(repeat):
            started = time.perf_counter()
            result = run()
            times.append(time.perf_counter() - started)
        return statistics.median(times), result

    fast, values = timed(lambda: _betweenness(actors), args.repeat)
    slow, expected = timed(lambda: nx.betweenness_centrality(actors, normalized=True), 1)
    assert isinstance(values, dict) and isinstance(expected, dict)
    worst = max(abs(values[n] - expected[n]) for n in expected)
    whole, _ = timed(lambda: compute_stats(store), args.repeat)
    print(
        f"{args.municipalities} municipalities: planning graph {graph.number_of_nodes()} nodes, "
        f"built in {built:.2f} s; actor graph {actors.number_of_nodes()} nodes, "
        f"{nx.number_connected_components(actors)} components"
    )
    print(f"  betweenness, networkx whole graph (baseline, one run): {slow:8.2f} s  ratio 1.000")
    print(f"  betweenness, rustworkx (median of {args.repeat}):   {fast:8.3f} s  "
          f"ratio {fast / slow:.4f}  largest difference {worst:.1e}")  # fmt: skip
    print(f"  compute_stats, whole (median of {args.repeat}):      {whole:8.2f} s")
    print(f"load average after: {load()}")


if __name__ == "__main__":
    main()
