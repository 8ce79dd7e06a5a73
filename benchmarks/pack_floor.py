"""Where the rule pack's floor on a national store lies: the quads' layout, and derived facts.

Issue 19 asks the whole pack on the on-disk store of 290 municipalities in at most 1.5 s, and
names a lead: facts several rules recompute (an activity's outcome, its last year, the domains
it reaches) derived once at load into a graph the rules read. This script measures both what
limits the pack and what that lead would give, on one store, in one process:

1. **Layout.** The 42 rule queries one after the other (each ``--repeat`` times, the fastest
   kept) on the on-disk store opened read-only (as ``check --store`` opens it), and on two
   in-memory Oxigraph copies of the same quads: added in the order the on-disk store returns
   them (its keys are hashes of the terms, so that order scatters each activity's facts), and
   added sorted by graph and subject (the order ``samklang export`` writes, which ``check
   corpus.nq`` loads). The baseline is the on-disk store.
2. **Derived facts.** Into the disk-ordered in-memory copy (as fast as the store on disk, part
   1), the three facts derived by SPARQL as the lead describes (each outcome reported for an
   activity, its last year, each domain it reaches), in a graph of their own; then two of the
   heaviest rules as they are (FUP-IMPLEMENTATION, COV-DOMAIN) against the same rules reading
   the derived facts, interleaved. The rows must be equal (the script stops if not).

Prints the load average before and after (the machine is shared), and per part the times and
the ratios. docs/decisions/0018-no-derived-graph.md gives the figures and what was decided.

    python benchmarks/pack_floor.py --store STORE [--repeat 3]

(STORE: ``samklang load --store STORE CORPUS/[0-9]*`` of ``python benchmarks/national_corpus.py
CORPUS --municipalities 290``.)
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]
import pyoxigraph as ox  # noqa: E402

from samklang.graph.store.oxigraph import OxigraphStore  # noqa: E402
from samklang.ontology.namespace import GRAPH  # noqa: E402
from samklang.queries.rule import Rule, catalogue  # noqa: E402
from samklang.queries.settings import Settings  # noqa: E402

SETTINGS = Settings(as_of=date(2026, 11, 25))
COMPARED = [
    replace(SETTINGS, as_of=date(year, 11, 25), implementation_share_min=share)
    for year in (2024, 2026, 2028)
    for share in (50, 100)
]
"""The settings under which the rules reading derived facts must give the rules' rows (a share
of 100 % makes FUP-IMPLEMENTATION find something: 8 plans at 290; COV-DOMAIN reads only the
date, so its rows are counted once per date)."""
DERIVED = GRAPH.term("derived/prototype")
PROTOTYPE = "urn:x-samklang-prototype:"
"""The derived facts' predicates: not the ontology's, a prototype's (``proto:``)."""
OUTCOMES = "skst:genomford, skst:delvis-genomford, skst:ej-genomford, skst:installd"

DERIVATIONS = {
    "outcome": (
        ox.NamedNode(PROTOTYPE + "outcome"),
        f"""SELECT DISTINCT ?activity ?value WHERE {{
  {{ ?activity sk:status ?value }}
  UNION {{ {{ SELECT ?entry ?activity WHERE {{ ?entry sk:activity ?activity }} }}
          {{ SELECT ?entry ?value WHERE {{ ?entry sk:status ?value }} }} }}
  FILTER (?value IN ({OUTCOMES}))
}}""",
    ),
    "last year": (
        ox.NamedNode(PROTOTYPE + "lastYear"),
        """SELECT ?activity (MAX(?year) AS ?value) WHERE { ?activity a sk:Activity ; sk:year ?year }
GROUP BY ?activity""",
    ),
    "domain": (
        ox.NamedNode(PROTOTYPE + "reachesDomain"),
        """SELECT DISTINCT ?activity ?value WHERE {
  { ?factor sk:inDomain ?value . ?activity sk:targetsFactor ?factor }
  UNION { ?activity sk:targetsDomain ?value }
}""",
    ),
}
"""Each derived fact: its (prototype) predicate and the query that finds it."""

FUP_IMPLEMENTATION_CORE = """
      { SELECT ?activity ?status WHERE { ?activity proto:outcome ?status } }
      BIND (IF(?status = skst:genomford, ?activity, ?none) AS ?carried)
      { SELECT ?activity ?last WHERE { ?activity proto:lastYear ?last } }
      FILTER (?last < YEAR(?asOf))
      { SELECT ?activity ?document WHERE { ?activity sk:plannedIn ?document } }"""

COV_DOMAIN_REACH = "{ SELECT ?activity ?focus WHERE { ?activity proto:reachesDomain ?focus } }"


def derived_rules(rules: dict[str, Rule]) -> dict[str, str]:
    """FUP-IMPLEMENTATION and COV-DOMAIN, their recomputed facts read from the derived graph."""
    fup = rules["FUP-IMPLEMENTATION"].query
    start = fup.index("      {\n        SELECT ?activity ?asOf WHERE { ?activity sk:year ?year }")
    end = fup.index("\n    }\n    GROUP BY ?document ?asOf ?implementationShareMin")
    fup = fup[:start] + FUP_IMPLEMENTATION_CORE.lstrip("\n") + fup[end:]
    cov = rules["COV-DOMAIN"].query
    start = cov.index("        {\n          SELECT ?activity ?focus WHERE {")
    end = cov.index("        { SELECT ?activity ?planned WHERE")
    cov = cov[:start] + "        " + COV_DOMAIN_REACH + "\n" + cov[end:]
    head = f"PREFIX proto: <{PROTOTYPE}>\n"
    return {"FUP-IMPLEMENTATION": head + fup, "COV-DOMAIN": head + cov}


def run(
    store: OxigraphStore, query: str, parameters: tuple[str, ...], settings: Settings = SETTINGS
) -> tuple[float, list]:
    bindings = settings.bindings()
    start = time.perf_counter()
    rows = store.select(query, {name: bindings[name] for name in parameters})
    took = time.perf_counter() - start
    return took, sorted(sorted((k, str(v)) for k, v in r.items()) for r in rows)


def pack_seconds(store: OxigraphStore, rules: list[Rule], repeat: int) -> float:
    return sum(min(run(store, r.query, r.parameters)[0] for _ in range(repeat)) for r in rules)


def in_memory(quads: list[ox.Quad]) -> OxigraphStore:
    store = OxigraphStore()
    store.store = ox.Store()
    store.store.bulk_extend(quads)
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True, type=Path, help="a store samklang load built")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("load average before:", " / ".join(f"{x:.2f}" for x in os.getloadavg()))
    rules = catalogue()
    pack = list(rules.values())
    disk = OxigraphStore(args.store, read_only=True)
    quads = list(disk.quads())
    print(f"\n1. the {len(pack)} rules one after the other, the fastest of {args.repeat} each "
          f"({len(quads):,} quads)")
    base = pack_seconds(disk, pack, args.repeat)
    print(f"   on disk (read-only, baseline)            {base:6.2f} s")
    # Each copy is made, measured and dropped before the next: a copy made while another is
    # held was measured up to 1.5x slower (where its memory lies matters as much as the order).
    for name, order in (
        ("in memory, in the disk's order", quads),
        ("in memory, sorted by graph and subject",
         sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q)))),
    ):
        copy = in_memory(order)
        took = pack_seconds(copy, pack, args.repeat)
        del copy
        print(f"   {name:40} {took:6.2f} s  ({took / base:.2f}x)")
    by_hash = in_memory(quads)

    print("\n2. derived facts, in the in-memory copy in the disk's order")
    for name, (predicate, query) in DERIVATIONS.items():
        start = time.perf_counter()
        rows = by_hash.select(query)
        found = time.perf_counter() - start
        by_hash.add(ox.Quad(r["activity"], predicate, r["value"], DERIVED) for r in rows)
        print(f"   {name:10} {len(rows):8,} facts: found in {found:.2f} s, "
              f"added in {time.perf_counter() - start - found:.2f} s")
    for rule_id, query in derived_rules(rules).items():
        rule = rules[rule_id]
        now, then = [], []
        for turn in range(args.repeat * 2):
            pair = [(then, query), (now, rule.query)]
            for times, text in pair if turn % 2 else pair[::-1]:
                took, rows = run(by_hash, text, rule.parameters)
                times.append((took, rows))
        rows, seen = 0, set()
        for settings in COMPARED:
            found = run(by_hash, rule.query, rule.parameters, settings)[1]
            if run(by_hash, query, rule.parameters, settings)[1] != found:
                sys.exit(f"{rule_id}: the rule reading derived facts gives other rows")
            bound = tuple(str(settings.bindings()[n]) for n in rule.parameters)
            if bound not in seen:  # settings the rule does not read give the same rows
                seen.add(bound)
                rows += len(found)
        if not rows:
            sys.exit(f"{rule_id}: no rows under any setting, so equal rows prove nothing")
        a, b = min(t for t, _ in now), min(t for t, _ in then)
        print(f"   {rule_id:20} as it is {a * 1000:6.0f} ms, reading derived facts "
              f"{b * 1000:6.0f} ms ({b / a:.2f}x); {rows} rows alike under {len(seen)} "
              "settings it reads")
    print("load average after:", " / ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
