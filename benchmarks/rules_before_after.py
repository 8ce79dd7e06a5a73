"""Each rule query of an older rule pack against the current one, on the same store, in one run.

Issue 11 asks that no rule's median at 290 municipalities be more than 20 % (or 20 ms) slower
than before, measured in the same run. This script builds the synthetic national corpus
(benchmarks/national_corpus.py) into one in-memory Oxigraph store, reads the old pack's rule
files from git (``git show REV:samklang/queries/rules/…``, default REV 306c3ec, the pack before
issue 11) or from a folder, and the new pack from the working tree (or a folder), and times each
rule's query, old and new interleaved (which goes first alternates), ``--repeat`` times after one
untimed warm-up of each. Parameters are bound as ``samklang.queries.check`` binds them
(``Settings(as_of=2026-11-25).bindings()``). Only the query is timed (``store.select``): the old
pack's Python side (labels, grouping) is not the old code any more. The rows each returns are
shown too: a reshaped query must still give the same rows. With ``--store`` the rules run on an
already loaded on-disk store (``samklang load --store``), opened read-only as ``check --store``
opens it, instead of a corpus built in memory. Each time is also taken as processor time
(``time.process_time``): on a shared machine it moves less than the wall time.

Reported per rule: old and new median (ms), the ratio new/old, and whether the new one is more
than 20 % and more than 20 ms slower; ``/proc/loadavg`` before and after (the machine is shared).

    python benchmarks/rules_before_after.py [--size 290] [--repeat 7] [--old-rev 306c3ec |
        --old DIR] [--new DIR] [--work DIR | --store STORE] [--only RULE …]
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

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]
from national_corpus import AS_OF, generate  # noqa: E402

from samklang.graph.corpus import load_corpus  # noqa: E402
from samklang.graph.store.oxigraph import OxigraphStore  # noqa: E402
from samklang.queries.header import parse_header  # noqa: E402
from samklang.queries.settings import Settings  # noqa: E402

RULES = "samklang/queries/rules"
RATIO, MARGIN = 1.2, 0.020
"""A rule is slower when its new median exceeds the old by more than 20 % and more than 20 ms."""


def parse(text: str, name: str) -> tuple[str, tuple[str, ...], str]:
    """A rule file's id, parameters and query. Read here, not with ``parse_rule``: an old
    header need not hold what the current parser requires (``group``)."""
    meta, query = parse_header(text, name)
    return meta["id"], tuple(meta.get("parameters", ())), query


def pack_from_git(rev: str) -> dict[str, tuple[tuple[str, ...], str]]:
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True,
                              check=True).stdout

    pack = {}
    for path in sorted(git("ls-tree", "--name-only", f"{rev}:{RULES}").split()):
        if path.endswith(".rq"):
            rule_id, parameters, query = parse(git("show", f"{rev}:{RULES}/{path}"), path)
            pack[rule_id] = (parameters, query)
    return pack


def pack_from_folder(folder: Path) -> dict[str, tuple[tuple[str, ...], str]]:
    pack = {}
    for path in sorted(folder.glob("*.rq")):
        rule_id, parameters, query = parse(path.read_text(encoding="utf-8"), path.name)
        pack[rule_id] = (parameters, query)
    return pack


def loadavg() -> str:
    return Path("/proc/loadavg").read_text().strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=290, help="municipalities (default 290)")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--old-rev", default="306c3ec",
                        help="git revision of the old pack (default 306c3ec)")
    parser.add_argument("--old", type=Path, help="folder of the old pack's .rq files instead")
    parser.add_argument("--new", type=Path, help="folder of the new pack (default: this tree)")
    parser.add_argument("--work", type=Path, help="where to write the corpus (default: temp)")
    parser.add_argument("--store", type=Path,
                        help="an on-disk store built by `samklang load --store` (read-only)")
    parser.add_argument("--only", nargs="+", default=None, help="these rule IDs only")
    args = parser.parse_args()

    old = pack_from_folder(args.old) if args.old else pack_from_git(args.old_rev)
    new = pack_from_folder(args.new or ROOT / RULES)
    ids = sorted(set(old) | set(new))
    if args.only:
        ids = [i for i in ids if i in set(args.only)]

    if args.store:
        store = OxigraphStore(args.store, read_only=True)
        where = f"on-disk store {args.store}"
    else:
        work = args.work or Path(tempfile.mkdtemp(prefix="samklang-before-after-"))
        corpus = work / f"corpus-{args.size}"
        generate(corpus, args.size)
        store = OxigraphStore()
        load_corpus(sorted(p for p in corpus.iterdir() if p.is_dir()), store)
        where = f"{args.size} municipalities in memory"
    quads = store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0]["n"].value
    bindings = Settings(as_of=date.fromisoformat(AS_OF)).bindings()

    def run(entry: tuple[tuple[str, ...], str]) -> tuple[float, float, int]:
        parameters, query = entry
        start, processor = time.perf_counter(), time.process_time()
        rows = store.select(query, {name: bindings[name] for name in parameters})
        return time.perf_counter() - start, time.process_time() - processor, len(rows)

    load_before = loadavg()
    times: dict[tuple[str, str], list[float]] = {}
    cpu: dict[tuple[str, str], list[float]] = {}
    rows: dict[tuple[str, str], int] = {}
    packs = {"old": old, "new": new}
    for rule_id in ids:  # warm-up, untimed
        for side, pack in packs.items():
            if rule_id in pack:
                rows[side, rule_id] = run(pack[rule_id])[2]
    started = time.perf_counter()
    for n in range(args.repeat):
        order = ("old", "new") if n % 2 == 0 else ("new", "old")
        for rule_id in ids:
            for side in order:
                if rule_id in packs[side]:
                    wall, processor, _ = run(packs[side][rule_id])
                    times.setdefault((side, rule_id), []).append(wall)
                    cpu.setdefault((side, rule_id), []).append(processor)
    elapsed = time.perf_counter() - started
    load_after = loadavg()

    old_name = str(args.old) if args.old else args.old_rev
    print(f"{where}, {int(quads):,} quads; {args.repeat} repeats, "
          f"interleaved; old pack {old_name}, new pack {args.new or ROOT / RULES}; "
          f"as of {AS_OF}; {os.cpu_count()} cores; {elapsed:.0f} s timed")
    print(f"/proc/loadavg before: {load_before}")
    print(f"/proc/loadavg after:  {load_after}\n")
    print("| rule | old median ms | new median ms | ratio new/old | > 20 % | > 20 ms | slower "
          "| processor ms old / new | rows old / new |")
    print("|---|---|---|---|---|---|---|---|---|")
    slower = []
    total = {"old": 0.0, "new": 0.0}
    for rule_id in ids:
        med = {side: statistics.median(times[side, rule_id]) for side in packs
               if (side, rule_id) in times}
        for side, value in med.items():
            total[side] += value
        if len(med) < 2:
            cells = [f"{med['old'] * 1000:.1f}" if "old" in med else "—",
                     f"{med['new'] * 1000:.1f}" if "new" in med else "—", "—", "—", "—", "—"]
        else:
            ratio = med["new"] / med["old"] if med["old"] else float("inf")
            over_ratio, over_ms = ratio > RATIO, med["new"] - med["old"] > MARGIN
            if over_ratio and over_ms:
                slower.append((rule_id, med["old"], med["new"], ratio))
            cells = [f"{med['old'] * 1000:.1f}", f"{med['new'] * 1000:.1f}", f"{ratio:.2f}",
                     "yes" if over_ratio else "no", "yes" if over_ms else "no",
                     "**yes**" if over_ratio and over_ms else "no"]
        counts = " / ".join(str(rows.get((side, rule_id), "—")) for side in packs)
        processor = " / ".join(
            f"{statistics.median(cpu[side, rule_id]) * 1000:.0f}" if (side, rule_id) in cpu
            else "—" for side in packs)
        print(f"| {rule_id} | " + " | ".join(cells) + f" | {processor} | {counts} |")
    print(f"| (sum of medians) | {total['old'] * 1000:.0f} | {total['new'] * 1000:.0f} | "
          f"{total['new'] / total['old']:.2f} | | | | | |")
    print()
    if slower:
        for rule_id, before, after, ratio in slower:
            print(f"SLOWER: {rule_id} {before * 1000:.1f} → {after * 1000:.1f} ms "
                  f"(×{ratio:.2f}, +{(after - before) * 1000:.0f} ms)")
    else:
        print("no rule is more than 20 % and 20 ms slower")


if __name__ == "__main__":
    main()
