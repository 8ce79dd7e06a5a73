"""`samklang stats` on a synthetic national corpus: building the planning graph, the
organisations' betweenness (what `stats` uses, decision 0011: each component apart, its leaves
folded in) against rustworkx over the whole graph (what `stats` did before, equal to networkx)
and, with --networkx, networkx over the whole graph (the reference, very slow at 30), and the
whole `compute_stats` measuring the store, and with --store the figures `samklang load` kept
(decision 0017) read and finished; each against one pass over the store's quads in the same
process, the baseline that says how loaded the machine was.

    python benchmarks/stats_betweenness.py [--municipalities 30] [--repeat 3] [--networkx]
    python benchmarks/stats_betweenness.py --store DIR  # a store built by `samklang load`

The corpus is made by `national_corpus.py` (every municipality synthetic) into a temporary
folder and loaded into an in-memory store; with --store, an on-disk store is read instead (as
`samklang stats --store DIR` does). The values of the implementations are compared.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path


def load() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--municipalities", type=int, default=30)
    parser.add_argument("--store", type=Path, help="an on-disk store instead of a new corpus")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--networkx", action="store_true", help="also networkx (slow)")
    args = parser.parse_args()

    import networkx as nx
    import rustworkx as rx

    from samklang.graph.corpus import load_corpus
    from samklang.graph.store.oxigraph import OxigraphStore
    from samklang.network.analytics import (
        ACTOR_RELATIONS,
        _betweenness,
        as_of_date,
        choose_municipality,
        compute_stats,
        measure,
    )
    from samklang.network.build import planning_graph
    from samklang.network.figures import read_figures

    print(f"load average before: {load()}")
    if args.store is not None:
        store = OxigraphStore(args.store, read_only=True)
        what = f"the store {args.store}"
    else:
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
        what = f"{args.municipalities} municipalities in memory"

    def timed(run, repeat: int) -> tuple[float, object]:
        times, result = [], None
        for _ in range(repeat):
            started = time.perf_counter()
            result = run()
            times.append(time.perf_counter() - started)
        return statistics.median(times), result

    def scan() -> int:
        return sum(1 for _ in store.quads())

    def whole_rustworkx(actors: nx.Graph) -> dict[str, float]:
        nodes = list(actors.nodes())
        index = {node: i for i, node in enumerate(nodes)}
        graph = rx.PyGraph()
        graph.add_nodes_from(nodes)
        graph.add_edges_from_no_data([(index[a], index[b]) for a, b in actors.edges()])
        values = rx.betweenness_centrality(graph, normalized=True)
        return {nodes[i]: value for i, value in values.items()}

    base, quads = timed(scan, args.repeat)
    chosen = choose_municipality(store, None)
    built, graph = timed(lambda: planning_graph(store, chosen, "sv", lean=True), args.repeat)
    assert graph is not None
    actors = nx.Graph()
    actors.add_edges_from((s, o) for s, o, r in graph.edges(keys=True) if r in ACTOR_RELATIONS)
    fast, values = timed(lambda: _betweenness(actors), args.repeat)
    before, expected = timed(lambda: whole_rustworkx(actors), 1)
    assert isinstance(values, dict) and isinstance(expected, dict)
    worst = max(abs(values[n] - expected[n]) for n in expected)
    whole, _ = timed(lambda: as_of_date(measure(store), date.today()), args.repeat)
    kept, _ = timed(lambda: read_figures(store, "sv") is not None and compute_stats(store), 1)
    has_figures = read_figures(store, "sv") is not None
    print(
        f"{what}: {quads:,} quads; planning graph {graph.number_of_nodes():,} nodes; "
        f"actor graph {actors.number_of_nodes():,} nodes, "
        f"{nx.number_connected_components(actors)} components"
    )
    print(f"  one pass over the quads (baseline, median of {args.repeat}): {base:8.3f} s  ratio 1")
    print(f"  planning graph (median of {args.repeat}):        {built:8.3f} s  "
          f"ratio {built / base:6.2f}")  # fmt: skip
    print(f"  compute_stats, measuring (median of {args.repeat}): {whole:8.3f} s  "
          f"ratio {whole / base:6.2f}")  # fmt: skip
    if has_figures:
        print(f"  compute_stats, the kept figures (one run):  {kept:8.3f} s  "
              f"ratio {kept / base:6.2f}")  # fmt: skip
    else:
        print("  compute_stats, the kept figures: none for this store (load it again)")
    print(f"  betweenness, rustworkx whole graph (one run):   {before:8.3f} s")
    print(f"  betweenness, stats' (median of {args.repeat}):       {fast:8.3f} s  "
          f"{fast / before:.4f} of rustworkx's, largest difference {worst:.1e}")  # fmt: skip
    if args.networkx:
        slow, reference = timed(lambda: nx.betweenness_centrality(actors, normalized=True), 1)
        assert isinstance(reference, dict)
        worst = max(abs(values[n] - reference[n]) for n in reference)
        print(f"  betweenness, networkx whole graph (one run):    {slow:8.2f} s  "
              f"stats' {fast / slow:.5f} of it, largest difference {worst:.1e}")  # fmt: skip
    print(f"load average after: {load()}")


if __name__ == "__main__":
    main()
