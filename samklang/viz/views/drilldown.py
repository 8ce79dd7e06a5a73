"""A municipality's drill-down in the national view: its goals and domains, year by year.

Its goals, goal areas and focus areas (left) linked to the domains (right) their activities
target, and the tables domains × years and goals × years. As in the coverage view
(:func:`samklang.viz.views.coverage.paint`), a node is painted as lacking activity only where
an open finding of ``check`` in that municipality concerns it (CHAIN-IDLE-GOAL on a goal,
COV-DOMAIN on a domain), an open question as a question, an accepted finding as accepted;
the tables count activities (facts) and mark "saknas" only in a year such a finding names.
What a finding says of a whole document (no activity tied to a factor) is a note under them.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING, Any

from samklang.graph.concepts import due_years
from samklang.graph.store import Store
from samklang.network.build import Municipality
from samklang.viz.views import layout
from samklang.viz.views.common import hover, kind_word
from samklang.viz.views.concern import Concern
from samklang.viz.views.coverage import TEXT as COVERAGE_TEXT
from samklang.viz.views.coverage import paint, row_cells
from samklang.viz.views.model import Edge, Matrix, Node, View
from samklang.viz.views.style import years_text

if TYPE_CHECKING:
    from samklang.queries.finding import Finding

OBJECTIVES_QUERY = """
SELECT ?m ?o ?type ?title ?year (COUNT(DISTINCT ?a) AS ?n) WHERE {
  VALUES ?type { sk:GoalArea sk:Goal sk:FocusArea }
  ?o a ?type ; dcterms:title ?title ; sk:statedIn ?doc .
  ?doc sk:municipality ?m .
  OPTIONAL {
    { ?a sk:contributesTo ?o } UNION { ?a sk:contributesTo ?goal . ?goal sk:inGoalArea ?o }
    ?a sk:year ?year .
  }
}
GROUP BY ?m ?o ?type ?title ?year
"""

OBJECTIVE_PERIODS_QUERY = """
SELECT DISTINCT ?o ?year WHERE {
  VALUES ?type { sk:GoalArea sk:Goal sk:FocusArea }
  ?o a ?type ; sk:statedIn ?doc .
  ?doc sk:periodYear ?year
}
"""

OBJECTIVE_DOMAINS_QUERY = """
SELECT ?o ?domain (COUNT(DISTINCT ?a) AS ?n) WHERE {
  { ?a sk:contributesTo ?o } UNION { ?a sk:contributesTo ?goal . ?goal sk:inGoalArea ?o }
  { ?a sk:targetsFactor ?f . ?f sk:inDomain ?domain } UNION { ?a sk:targetsDomain ?domain }
}
GROUP BY ?o ?domain
"""

TEXT: dict[str, dict[str, str]] = {
    "sv": {
        "sub_title": "{name}: täckning",
        "domains": "Aktiviteter per domän och år",
        "objectives": "Aktiviteter per mål och år",
        "objective": "Mål",
        "domain": "Domän",
        "total": "Aktiviteter totalt",
        "sub_intro": (
            "Mål (vänster) och domäner (höger) som deras aktiviteter riktas mot. Rött, orange: "
            "ett öppet fynd av samklang check."
        ),
        "note": (
            "Antal aktiviteter. ”saknas”: ett öppet fynd av kontrollen det året; ”godtaget”: "
            "fyndet är godtaget; – : utanför perioden."
        ),
        "targets": "aktiviteter riktas mot",
        "sub_edge": "Målets aktiviteter riktas mot domänen (tjockare: fler)",
    },
    "en": {
        "sub_title": "{name}: coverage",
        "domains": "Activities per domain and year",
        "objectives": "Activities per goal and year",
        "objective": "Goal",
        "domain": "Domain",
        "total": "Activities in all",
        "sub_intro": (
            "Goals (left) and the domains (right) their activities target. Red, orange: an "
            "open finding of samklang check."
        ),
        "note": (
            "Count of activities. “missing”: an open finding of the check that year; "
            "“accepted”: the finding is accepted; – : outside the period."
        ),
        "targets": "activities target",
        "sub_edge": "The goal's activities target the domain (thicker: more)",
    },
}

KIND_OF = {
    "https://w3id.org/samklang/ontology#GoalArea": "goal_area",
    "https://w3id.org/samklang/ontology#Goal": "goal",
    "https://w3id.org/samklang/ontology#FocusArea": "focus_area",
}

STATUSES = ("covered", "partial", "none", "info", "accepted", "neutral")


def objectives_of(store: Store, code_of: dict[str, str]) -> dict[str, dict[str, dict[str, Any]]]:
    """Each municipality's goals, goal areas and focus areas: title, kind, activities by year."""
    objectives: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for row in store.select(OBJECTIVES_QUERY):
        code = code_of.get(row["m"].value)
        if code is None:
            continue
        entry = objectives[code].setdefault(
            row["o"].value,
            {
                "title": row["title"].value,
                "kind": KIND_OF.get(row["type"].value, "goal"),
                "years": {},
            },
        )
        if "year" in row:
            entry["years"][int(row["year"].value)] = int(row["n"].value)
    return objectives


def drilldowns(
    store: Store,
    every: list[Municipality],
    domains: list[str],
    domain_label: dict[str, str],
    counts: dict[str, dict[str, dict[int, int]]],
    totals: dict[str, dict[int, int]],
    plan: dict[str, set[int]],
    objectives: dict[str, dict[str, dict[str, Any]]],
    concerns: dict[str, dict[str, Concern]],
    notes: dict[str, list[Finding]],
    lang: str,
    as_of: date,
) -> dict[str, View]:
    """Per municipality: its domains × years and goals × years, and goals linked to domains,
    painted by ``concerns`` (code → node → the findings of check that concern it)."""
    text = TEXT[lang]
    words = COVERAGE_TEXT[lang]
    periods: dict[str, set[int]] = defaultdict(set)
    for row in store.select(OBJECTIVE_PERIODS_QUERY):
        periods[row["o"].value].add(int(row["year"].value))
    links: dict[str, dict[str, int]] = defaultdict(dict)
    for row in store.select(OBJECTIVE_DOMAINS_QUERY):
        links[row["o"].value][row["domain"].value] = int(row["n"].value)

    result = {}
    for m in every:
        relevant = due_years(plan[m.code] or totals[m.code], as_of)
        own = objectives.get(m.code, {})
        concern = concerns.get(m.code, {})
        all_years = sorted(
            set(relevant) | set(totals[m.code]) | {y for o in own.values() for y in o["years"]}
        )
        nodes: list[Node] = []
        edges: list[Edge] = []
        column: dict[str, int] = {}
        due_of: dict[str, list[int]] = {}
        domain_rows = []
        for d in domains:
            by_year = counts[m.code].get(d, {})
            node = Node(id=d, label=domain_label[d], style="domain", kind=kind_word(lang, "domain"))
            node.covered = sorted(by_year)
            paint(node, concern.get(d), due_of, relevant, words)
            _shorten(node, concern.get(d), words)
            node.details = [(node.kind, node.label)]
            nodes.append(node)
            column[d] = 1
            cells = row_cells(by_year, node, all_years, due_of, words)
            domain_rows.append((domain_label[d], cells))
        objective_rows = []
        for iri, entry in sorted(own.items(), key=lambda kv: kv[1]["title"].casefold()):
            node = Node(
                id=iri,
                label=entry["title"],
                style=entry["kind"],
                kind=kind_word(lang, entry["kind"]),
            )
            node.covered = sorted(y for y, n in entry["years"].items() if n)
            paint(node, concern.get(iri), due_of, due_years(periods.get(iri, set()), as_of), words)
            _shorten(node, concern.get(iri), words)
            node.details = [(node.kind, node.label), ("IRI", iri)]
            nodes.append(node)
            column[iri] = 0
            for d, n in sorted(links.get(iri, {}).items()):
                edges.append(
                    Edge(
                        iri,
                        d,
                        "plain",
                        f"{text['targets']} {domain_label.get(d, d)}: {n}",
                        width=min(1 + math.log2(n), 5),
                    )
                )
            objective_rows.append(
                (
                    f"{entry['title']} ({kind_word(lang, entry['kind']).lower()})",
                    row_cells(entry["years"], node, all_years, due_of, words),
                )
            )
        layout.layered(nodes, edges, column, column_width=800.0)
        columns = [str(y) for y in all_years]
        year_totals = [totals[m.code].get(y, 0) for y in all_years]
        matrices = [
            Matrix(
                text["domains"],
                text["domain"],
                columns,
                domain_rows,
                year_totals,
                text["total"],
                "" if objective_rows else text["note"],
            )
        ]
        if objective_rows:
            matrices.append(
                Matrix(
                    text["objectives"],
                    text["objective"],
                    columns,
                    objective_rows,
                    year_totals,
                    text["total"],
                    text["note"],
                )
            )
        result[m.code] = View(
            name="municipality",
            lang=lang,
            title=text["sub_title"].format(name=m.name),
            subtitle=f"{m.name} ({m.code}) · "
            + ("per " if lang == "sv" else "as of ")
            + as_of.isoformat(),
            intro=text["sub_intro"],
            nodes=nodes,
            edges=edges,
            legend=_legend(nodes, edges, lang),
            matrices=matrices,
            notes=[
                f"{f.rule}: {f.message}" + (f" ({words['accepted']})" if f.accepted else "")
                for f in notes.get(m.code, [])
            ],
        )
    return result


def _shorten(node: Node, concern: Concern | None, words: dict[str, Any]) -> None:
    """The hover names the rules of the findings, whose text the details panel gives: of a
    finding that groups several items, the item about this node, without the fix (the
    municipality's own coverage view gives it; 290 drill-downs travel in one page ≤ 5 MB)."""
    if concern:
        node.findings = [
            {
                "rule": f.rule,
                "severity": f.severity,
                "message": next((i.message for i in f.items if i.focus == node.id), f.message),
                **({"accepted": words["accepted"]} if f.accepted else {}),
            }
            for f in (*concern.open, *concern.questions, *concern.accepted)
        ]
    activity = (
        words["activity_in"].format(years=years_text(node.covered))
        if node.covered
        else words["no_activity"]
    )
    rules = ", ".join(dict.fromkeys(f["rule"] for f in node.findings))
    node.hover = hover(node.kind, node.label, activity, rules)


def _legend(nodes: list[Node], edges: list[Edge], lang: str) -> list[tuple[str, str]]:
    """What the colours, shapes and lines of one municipality's drill-down mean (goals and
    domains, painted as in its coverage view), only those drawn."""
    words = COVERAGE_TEXT[lang]
    statuses = {n.status for n in nodes}
    styles = {n.style for n in nodes}
    return [
        *((status, words[f"legend_{status}"]) for status in STATUSES if status in statuses),
        *((style, kind_word(lang, style)) for style in KIND_OF.values() if style in styles),
        ("domain", kind_word(lang, "domain")),
        *([("edge:plain", TEXT[lang]["sub_edge"])] if edges else []),
    ]


