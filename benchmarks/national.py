"""National scale: the rule pack on a synthetic corpus of 3, 30 and 290 municipalities.

For each size it reports: building the corpus from its source files; a cold start (a new
Python process) that reads the corpus exported as N-Quads (as `samklang export --format nquads`
writes it) the way `samklang check corpus.nq` reads it, and runs the whole pack, and the command
itself, `samklang check corpus.nq --format json` (wall and processor time); the whole pack on
an already loaded on-disk Oxigraph store (a new process, store opened read-only); each rule's
time on the embedded engine; peak memory; and the same on rdflib's in-memory store as the
baseline (load, pack and peak memory in a new process, each rule in this one), as ratios. rdflib
runs at 3 municipalities by default: at 30 one rule alone takes a minute there. The findings
must equal the injected defects (benchmarks/national_corpus.py) on every engine, in grouped terms:
one finding per rule, document and kind, naming the same foci.

    python benchmarks/national.py [--sizes 3 30 290] [--baseline-max 3] [--work DIR]
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))
from national_corpus import AS_OF, generate  # noqa: E402

from samklang.graph.export import export  # noqa: E402
from samklang.graph.source_kind import load_dataset  # noqa: E402
from samklang.graph.store.oxigraph import OxigraphStore  # noqa: E402
from samklang.graph.store.rdflib import RdflibStore  # noqa: E402
from samklang.queries.check import check  # noqa: E402
from samklang.queries.rule import catalogue  # noqa: E402
from samklang.queries.settings import Settings  # noqa: E402

SETTINGS = Settings(as_of=date.fromisoformat(AS_OF))

CHILD = textwrap.dedent("""
    import json, resource, sys, time
    start = time.perf_counter()
    from datetime import date
    import pyoxigraph as ox
    from samklang.graph.store.oxigraph import OxigraphStore
    from samklang.queries.check import check
    from samklang.queries.settings import Settings
    mode, path = sys.argv[1], sys.argv[2]
    if mode == "dump":  # as `samklang check corpus.nq` reads it (samklang/graph/rdf_file.py)
        from samklang.graph.corpus import open_sources
        store = open_sources([path])
    elif mode == "rdflib":
        from samklang.graph.store.rdflib import RdflibStore
        store = RdflibStore()
        store.add(ox.parse(path=path, format=ox.RdfFormat.N_QUADS))
    else:
        store = OxigraphStore(path, read_only=True)
    loaded = time.perf_counter()
    findings = check(None, store=store, settings=Settings(as_of=date.fromisoformat(sys.argv[3])))
    done = time.perf_counter()
    print(json.dumps({"load": loaded - start, "pack": done - loaded, "total": done - start,
                      "findings": [[f.rule, f.focus, f.document, list(f.foci), f.kind]
                                   for f in findings]}))
""")


def code_of(finding) -> str:
    for iri in (finding.focus, finding.document or ""):
        if "/data/" in iri:
            return iri.split("/data/")[1].split("/")[0]
    return "?"


def as_expected(findings) -> collections.Counter:
    """Findings (or a child's [rule, focus, document, foci, kind] lists) in defects.json's grouped
    terms: (rule, municipality code, document id or "", sorted focus ids, kind) — a finding that
    groups several items lists their foci, any other its one focus."""
    findings = [f if hasattr(f, "rule") else
                SimpleNamespace(rule=f[0], focus=f[1], document=f[2], foci=f[3], kind=f[4])
                for f in findings]

    def local(iri: str | None) -> str:
        return (iri or "").rsplit("/", 1)[-1]

    return collections.Counter(
        (f.rule, code_of(f), local(f.document), tuple(sorted(local(i) for i in f.foci)), f.kind)
        for f in findings)


def expected_of(rows: list[list]) -> collections.Counter:
    """defects.json's findings as ``as_expected`` counts them."""
    return collections.Counter((rule, code, document, tuple(foci), kind)
                               for rule, code, document, foci, kind in rows)


def timed(run):
    start = time.perf_counter()
    value = run()
    return time.perf_counter() - start, value


def child(mode: str, path: Path) -> dict:
    started = time.perf_counter()
    # /usr/bin/time measures the child's peak memory (a child's own ru_maxrss would include
    # this big parent's pages from before exec).
    out = subprocess.run(["/usr/bin/time", "-f", "%M", sys.executable, "-c", CHILD, mode,
                          str(path), AS_OF], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    result["peak_mb"] = int(out.stderr.strip().splitlines()[-1]) / 1024
    result["wall"] = time.perf_counter() - started
    return result


def command(args: list[str], work: Path) -> dict:
    """``samklang ARGS --as-of … --format json -o …`` in a new process: wall, processor time."""
    out = work / "command.json"
    before = os.getloadavg()[0]
    run = subprocess.run(
        ["/usr/bin/time", "-f", "%e %U %S", sys.executable, "-c",
         "import sys; from samklang.cli import main; sys.argv[0] = 'samklang'; main()",
         *args, "--as-of", AS_OF, "--format", "json", "-o", str(out), "--fail-on", "never"],
        capture_output=True, text=True, check=True)
    wall, user, system = (float(v) for v in run.stderr.strip().splitlines()[-1].split())
    return {"wall": wall, "user": user, "sys": system, "load": (before, os.getloadavg()[0])}


def measure(size: int, work: Path, baseline: bool) -> dict:
    corpus = work / f"corpus-{size}"
    expected = expected_of(generate(corpus, size))
    folders = sorted(p for p in corpus.iterdir() if p.is_dir())

    def build() -> OxigraphStore:
        store = OxigraphStore()
        for folder in folders:
            store.add(load_dataset(folder).quads)
        return store

    build_s, store = timed(build)
    quads = len(store.store)
    dump = work / f"corpus-{size}.nq"
    with dump.open("wb") as stream:  # what `samklang export --format nquads` writes
        export(store, stream, "nquads")
    disk = work / f"store-{size}"
    shutil.rmtree(disk, ignore_errors=True)  # a fresh store, not one loaded twice
    on_disk = ox.Store(str(disk))
    on_disk.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
    on_disk.flush()
    on_disk.optimize()  # as `samklang load` does
    del on_disk

    pack_s, findings = timed(lambda: check(None, store=store, settings=SETTINGS))
    got = as_expected(findings)
    assert got == expected, (got - expected, expected - got)
    rules = {}
    for rule in catalogue().values():
        rules[rule.id] = timed(lambda r=rule: check(None, store=store, settings=SETTINGS,
                                                     rules=[r]))[0]
    cold = child("dump", dump)
    cold["command"] = command(["check", str(dump)], work)
    warm = child("store", disk)
    assert as_expected(cold["findings"]) == as_expected(warm["findings"]) == expected
    result = {"size": size, "quads": quads, "build_s": build_s, "pack_s": pack_s,
              "cold": cold, "warm": warm, "rules": rules, "findings": sum(expected.values())}
    if baseline:
        def rdflib_store() -> RdflibStore:
            baseline_store = RdflibStore()
            for q in store.store.quads_for_pattern(None, None, None, None):
                if q.graph_name != ox.NamedNode("https://w3id.org/samklang/graph/ontology"):
                    baseline_store.add([q])
            return baseline_store

        rdf_store = rdflib_store()
        rdf_findings = check(None, store=rdf_store, settings=SETTINGS)
        assert as_expected(rdf_findings) == expected
        baseline_child = child("rdflib", dump)  # load, pack and peak memory in a new process
        assert as_expected(baseline_child["findings"]) == expected
        result["rdflib"] = {"load_s": baseline_child["load"], "pack_s": baseline_child["pack"],
                            "peak_mb": baseline_child["peak_mb"], "rules": {
            rule.id: timed(lambda r=rule: check(None, store=rdf_store, settings=SETTINGS,
                                                 rules=[r]))[0]
            for rule in catalogue().values()}}
    return result


def report(results: list[dict]) -> str:
    lines = ["| municipalities | quads | build from sources | cold start: load dump + pack (wall) "
             "| `samklang check corpus.nq` (wall / user, load) | peak MB (cold) "
             "| on-disk store: pack (wall / in process) | pack in memory "
             "| rdflib load | rdflib pack | rdflib peak MB "
             "| ratio oxigraph/rdflib: pack (cold start), peak memory |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        rdf = r.get("rdflib")
        lines.append(
            f"| {r['size']} | {r['quads']:,} | {r['build_s']:.1f} s | "
            f"{r['cold']['wall']:.2f} s ({r['cold']['load']:.2f} + {r['cold']['pack']:.2f}) | "
            f"{r['cold']['command']['wall']:.2f} s / {r['cold']['command']['user']:.2f} s, "
            f"{r['cold']['command']['load'][0]:.1f} → {r['cold']['command']['load'][1]:.1f} | "
            f"{r['cold']['peak_mb']:.0f} | {r['warm']['wall']:.2f} s / {r['warm']['pack']:.2f} s | "
            f"{r['pack_s']:.2f} s | "
            + (
                f"{rdf['load_s']:.1f} s | {rdf['pack_s']:.1f} s | {rdf['peak_mb']:.0f} | "
                f"{r['cold']['pack'] / rdf['pack_s']:.3f}, "
                f"{r['cold']['peak_mb'] / rdf['peak_mb']:.2f} |"
                if rdf
                else "— | — | — | — |"
            ))
    lines += ["", "Per rule (ms; embedded Oxigraph in memory, and rdflib where measured):", "",
              "| rule | " + " | ".join(f"{r['size']}" for r in results)
              + " | " + " | ".join(f"rdflib {r['size']}" for r in results if "rdflib" in r) + " |",
              "|---|" + "---|" * (len(results) + sum("rdflib" in r for r in results))]
    for rule_id in results[0]["rules"]:
        row = [f"{r['rules'][rule_id] * 1000:.0f}" for r in results]
        row += [f"{r['rdflib']['rules'][rule_id] * 1000:.0f}" for r in results if "rdflib" in r]
        lines.append(f"| {rule_id} | " + " | ".join(row) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[3, 30, 290])
    parser.add_argument("--baseline-max", type=int, default=3,
                        help="largest size also run on rdflib (default 3)")
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="samklang-national-"))
    results = [measure(size, work, size <= args.baseline_max) for size in args.sizes]
    print(report(results))
    print(f"\nthis process's peak memory: "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
