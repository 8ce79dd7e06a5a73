"""Time OWL reasoning (samklang reason) on Vetlanda and on a corpus of 30 municipalities.

The corpus is made here: copies of examples/vetlanda under 30 different municipality codes
(1001…1030), each with generated activities added to its activities.csv (as a municipality
that has planned its years would have), so that it has the size of a real one. Reasoning time
is reported beside the SPARQL rule pack on the same quads in the same process (the baseline:
what `samklang check` does), as a ratio.

Usage: python benchmarks/reasoning_corpus.py [--municipalities 30] [--activities 60]
       [--sizes 1,10,30] [--repeat 3] [--reasoner hermit]
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pyoxigraph as ox

from samklang.graph.dataset import load_dataset
from samklang.graph.store import open_store
from samklang.ontology.reasoning import reason
from samklang.ontology.vocabulary import vocabularies
from samklang.queries.check import check
from samklang.queries.settings import Settings

VETLANDA = Path(__file__).resolve().parent.parent / "examples" / "vetlanda"
AS_OF = date(2021, 6, 1)


def median_seconds(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def municipality(target: Path, code: str, activities: int, rng: random.Random) -> Path:
    """A copy of Vetlanda under ``code`` with ``activities`` generated activities added."""
    folder = target / code
    shutil.copytree(VETLANDA, folder)
    yaml_file = folder / "municipality.yaml"
    text = yaml_file.read_text(encoding="utf-8")
    yaml_file.write_text(
        text.replace('code: "0685"', f'code: "{code}"').replace(
            "name: Vetlanda kommun", f"name: Kommun {code}"
        ),
        encoding="utf-8",
    )
    factors = sorted(vocabularies().schemes["factor"].ids)
    domains = sorted(vocabularies().schemes["domain"].ids)
    with (folder / "activities.csv").open("a", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        for n in range(activities):
            year = rng.choice(["2020", "2021", "2022", "2023", "2020-2021", "2022-2023"])
            kind = rng.choice(["social", "social", "situationell", ""])
            chosen = rng.sample(factors, rng.choice([0, 1, 1, 2])) if kind != "situationell" else []
            domain = rng.choice(domains) if kind == "social" and not chosen else ""
            writer.writerow(
                [
                    f"gen-{n:03d}",
                    f"Aktivitet {n} i kommun {code}",
                    year,
                    "plan",
                    rng.choice(["vetlanda-kommun", "lpo-hoglandet", "hrf"]),
                    kind,
                    rng.choice(["mal-brott-offentlig-miljo", "malomrade-brott", ""]),
                    "",
                    ";".join(chosen),
                    domain,
                    "",
                    "",
                    "",
                ]
            )
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--municipalities", type=int, default=30)
    parser.add_argument("--activities", type=int, default=60)
    parser.add_argument("--sizes", default="1,10,30")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--reasoner", default="hermit")
    args = parser.parse_args()
    settings = Settings(as_of=AS_OF)
    rng = random.Random(685)
    sizes = [int(s) for s in args.sizes.split(",") if int(s) <= args.municipalities]

    def measure(label: str, quads: list[ox.Quad]) -> None:
        result = reason(quads, args.reasoner, as_of=AS_OF)
        assert result.consistent, label
        seconds = median_seconds(lambda: reason(quads, args.reasoner, as_of=AS_OF), args.repeat)

        def rules() -> None:
            store = open_store("memory")
            store.add(quads)
            check(None, store=store, settings=settings)

        rules()  # warm: first-query parsing
        baseline = median_seconds(rules, args.repeat)
        print(
            f"{label:<34} {len(quads):>8} {result.individuals:>7} {len(result.memberships):>8} "
            f"{seconds:>8.2f} {baseline:>8.3f} {seconds / baseline:>7.1f}x"
        )

    print(f"reasoner: {args.reasoner}; median of {args.repeat}; baseline: the rule pack (Oxigraph)")
    print(
        f"{'data':<34} {'quads':>8} {'indiv.':>7} {'inferred':>8} {'reason s':>8} "
        f"{'rules s':>8} {'ratio':>8}"
    )
    measure("examples/vetlanda", load_dataset(VETLANDA).quads)
    with tempfile.TemporaryDirectory(prefix="samklang-corpus-") as folder:
        corpus = [
            load_dataset(municipality(Path(folder), f"{1000 + i}", args.activities, rng)).quads
            for i in range(1, args.municipalities + 1)
        ]
    for size in sizes:
        quads = [q for dataset in corpus[:size] for q in dataset]
        measure(f"{size} municipalities (+{args.activities} act.)", quads)


if __name__ == "__main__":
    main()
