"""The coverage view: goals and focus areas, activities, factors and the five domains.

Read left to right as the red thread: problems | factors | goal areas | goals and focus areas
| activities | domains. A domain, goal or prioritised problem with no activity is red; one
with activity in some of its years but not all is orange; the year filter recolours for one
year. Beside the graph: domains × years, objectives × years and prioritised problems × years
as tables.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from samklang.graph import concepts
from samklang.network.build import Municipality, label_of, sources_of, targets
from samklang.viz.views import layout
from samklang.viz.views.common import (
    activities_of,
    ancestors,
    base_node,
    coverage_line,
    hover,
    kind_word,
    plan_years,
    stated_years,
    subtitle,
    vocabulary_label,
    year_filter,
)
from samklang.viz.views.model import Cell, Edge, Filter, Matrix, Node, View
from samklang.viz.views.pages import paginate
from samklang.viz.views.style import WORDS, coverage_status, years_text

if TYPE_CHECKING:
    import networkx as nx

TEXT: dict[str, dict[str, Any]] = {
    "sv": {
        "title": "Täckning: problem, faktorer, mål, aktiviteter och domäner",
        "intro": (
            "Läs från vänster till höger som den röda tråden: problemen, deras orsaker (risk- "
            "och skyddsfaktorer), målen och löftena, aktiviteterna som bidrar till dem och "
            "domänerna aktiviteterna riktar sig mot. Rött saknar aktivitet, orange har "
            "aktivitet vissa år men inte alla, grönt har aktivitet varje år. Välj ett år för "
            "att se just det året."
        ),
        "columns": [
            "Problem",
            "Faktorer",
            "Målområden",
            "Mål och löften",
            "Aktiviteter",
            "Domäner",
        ],
        "plan": "planperiod {years}",
        "domains": "Aktiviteter per domän och år",
        "objectives": "Aktiviteter per mål, målområde och löfte och år",
        "problems": "Aktiviteter per prioriterat problem och år",
        "domain": "Domän",
        "objective": "Mål",
        "problem": "Problem",
        "total": "Aktiviteter totalt",
        "note": (
            "Siffran är antalet aktiviteter. Markerat ”saknas”: inga aktiviteter ett år som "
            "ska ha det. – : året ligger utanför perioden eller har inte kommit än."
        ),
        "contributes": "bidrar till",
        "targets": "riktas mot",
        "addresses": "åtgärdar",
        "cause": "orsak",
        "in_domain": "ingår i domänen",
        "in_goal_area": "ingår i målområdet",
    },
    "en": {
        "title": "Coverage: problems, factors, goals, activities and domains",
        "intro": (
            "Read left to right as the red thread: the problems, their causes (risk and "
            "protective factors), the goals and promises, the activities serving them and the "
            "domains the activities target. Red has no activity, orange has activity in some "
            "years but not all, green has activity every year. Choose a year to see that year "
            "alone."
        ),
        "columns": [
            "Problems",
            "Factors",
            "Goal areas",
            "Goals and promises",
            "Activities",
            "Domains",
        ],
        "plan": "plan period {years}",
        "domains": "Activities per domain and year",
        "objectives": "Activities per goal, goal area and promise and year",
        "problems": "Activities per prioritised problem and year",
        "domain": "Domain",
        "objective": "Goal",
        "problem": "Problem",
        "total": "Activities in all",
        "note": (
            "The number is the count of activities. Marked “missing”: no activity in a year "
            "that should have one. – : the year lies outside the period or is still to come."
        ),
        "contributes": "contributes to",
        "targets": "targets",
        "addresses": "addresses",
        "cause": "cause",
        "in_domain": "in the domain",
        "in_goal_area": "in the goal area",
    },
}

OBJECTIVE_KINDS = ("goal_area", "goal", "focus_area")

COLUMN_WIDTH = 270.0
"""Six columns: 1,590 canvas pixels wide, under a 1366 px window's panel at scale 0.8."""


def coverage_view(
    graph: nx.MultiDiGraph, municipality: Municipality | None, lang: str, as_of: date
) -> View:
    """Build the coverage view of one municipality's planning graph."""
    text = TEXT[lang]
    words = WORDS[lang]
    domains: list[str] = list(graph.graph["vocabulary"]["domains"])
    years_planned = plan_years(graph)
    activities = activities_of(graph)
    activity_years = {a: graph.nodes[a].get("years", []) for a in activities}
    all_years = sorted(set(years_planned).union(*activity_years.values()))

    nodes: dict[str, Node] = {}
    edges: list[Edge] = []
    column: dict[str, int] = {}
    domains_of = {a: concepts.domains_of(graph, a) for a in activities}

    for a in activities:
        attrs = graph.nodes[a]
        kind = concepts.kind(graph, a) or "other"
        style = f"activity-{kind}"
        kind_text = (
            vocabulary_label(graph, kind, "kind") if kind != "other" else words["unspecified"]
        )
        node = base_node(graph, a, lang, style, f"{kind_word(lang, 'activity')} ({kind_text})")
        documents = sorted(
            {d for p in targets(graph, a, "planned_in") for d in ancestors(graph, p)}
        )
        node.years = activity_years[a]
        node.status = "neutral"
        node.facets = {
            "document": documents,
            "domain": domains_of[a],
            "kind": [kind],
        }
        responsible = "; ".join(label_of(graph, o) for o in targets(graph, a, "responsible"))
        node.hover = hover(
            node.kind,
            node.label,
            years_text(node.years),
            responsible,
            attrs.get("description", ""),
        )
        nodes[a] = node
        column[a] = 4

    def covered_by(activity_set: set[str]) -> list[int]:
        return concepts.covered_years(graph, activity_set)

    def due(years: list[int]) -> list[int]:
        return concepts.due_years(years, as_of)

    # objectives
    objective_activities: dict[str, set[str]] = {}
    for iri, attrs in graph.nodes(data=True):
        if attrs["kind"] in OBJECTIVE_KINDS:
            objective_activities[iri] = set(sources_of(graph, iri, "contributes_to"))
    for iri in list(objective_activities):
        if graph.nodes[iri]["kind"] == "goal_area":
            for goal in sources_of(graph, iri, "in_goal_area"):
                objective_activities[iri] |= objective_activities.get(goal, set())
    for iri, members in objective_activities.items():
        attrs = graph.nodes[iri]
        node = base_node(graph, iri, lang, attrs["kind"], kind_word(lang, attrs["kind"]))
        node.relevant = due(stated_years(graph, iri))
        node.covered = covered_by(members)
        node.status = coverage_status(node.relevant, node.covered)
        node.gap = "none"
        if attrs.get("lso") and not members:  # a rescue-services (LSO) area: not crime prevention
            node.status = node.gap = "neutral"
            node.relevant = []
        node.facets = {
            "document": sorted(
                {d for p in targets(graph, iri, "stated_in") for d in ancestors(graph, p)}
            )
        }
        node.hover = hover(node.kind, node.label, coverage_line(lang, node.relevant, node.covered))
        nodes[iri] = node
        column[iri] = 2 if attrs["kind"] == "goal_area" else 3
        for goal_area in targets(graph, iri, "in_goal_area"):
            edges.append(Edge(iri, goal_area, "part", text["in_goal_area"]))

    # problems
    for iri, attrs in graph.nodes(data=True):
        if attrs["kind"] != "problem":
            continue
        prioritised = bool(attrs.get("prioritised"))
        key = "problem-prioritised" if prioritised else "problem"
        node = base_node(graph, iri, lang, "problem", kind_word(lang, key))
        node.covered = covered_by(set(sources_of(graph, iri, "addresses")))
        node.relevant = due(years_planned) if prioritised else []
        node.gap = "none" if prioritised else "neutral"
        if prioritised:
            node.status = coverage_status(node.relevant, node.covered)
        else:
            node.status = "covered" if node.covered else "neutral"
        node.facets = {
            "document": sorted(
                {d for p in targets(graph, iri, "identified_in") for d in ancestors(graph, p)}
            )
        }
        node.hover = hover(node.kind, node.label, coverage_line(lang, node.relevant, node.covered))
        nodes[iri] = node
        column[iri] = 0

    # factors: those targeted by an activity or named as a cause
    factor_activities: dict[str, set[str]] = {}
    for iri, attrs in graph.nodes(data=True):
        if attrs["kind"] == "factor":
            factor_activities[iri] = set(sources_of(graph, iri, "targets_factor"))
    for iri, members in factor_activities.items():
        attrs = graph.nodes[iri]
        key = f"factor-{attrs.get('factor_type')}" if attrs.get("factor_type") else "factor"
        node = base_node(graph, iri, lang, "factor", kind_word(lang, key))
        node.covered = covered_by(members)
        node.status = "covered" if members else "none"
        node.gap = "none"
        node.facets = {"domain": [attrs["domain"]]}
        node.hover = hover(
            node.kind,
            node.label,
            label_of(graph, attrs["domain"]),
            coverage_line(lang, [], node.covered),
        )
        nodes[iri] = node
        column[iri] = 1
        edges.append(Edge(iri, attrs["domain"], "thin", text["in_domain"]))

    # domains
    for iri in domains:
        members = {a for a in activities if iri in domains_of[a]}
        node = base_node(graph, iri, lang, "domain", kind_word(lang, "domain"))
        node.relevant = due(years_planned)
        node.covered = covered_by(members)
        node.status = coverage_status(node.relevant, node.covered)
        node.gap = "none"
        node.facets = {"domain": [iri]}
        node.hover = hover(node.kind, node.label, coverage_line(lang, node.relevant, node.covered))
        nodes[iri] = node
        column[iri] = 5

    for a in activities:
        for o in targets(graph, a, "contributes_to"):
            edges.append(Edge(a, o, "plain", text["contributes"]))
        for p in targets(graph, a, "addresses"):
            edges.append(Edge(a, p, "plain", text["addresses"]))
        for f in targets(graph, a, "targets_factor"):
            edges.append(Edge(a, f, "plain", text["targets"]))
        for d in targets(graph, a, "targets_domain"):
            edges.append(Edge(a, d, "plain", text["targets"]))
    for iri in nodes:
        if graph.nodes[iri]["kind"] == "problem":
            for f in targets(graph, iri, "cause"):
                edges.append(Edge(iri, f, "dashed", text["cause"]))

    node_list = list(nodes.values())
    layout.layered(node_list, edges, column, column_width=COLUMN_WIDTH)

    documents = sorted(
        {d for n in node_list for d in n.facets.get("document", [])},
        key=lambda d: label_of(graph, d).casefold(),
    )
    filters = [
        year_filter(lang, all_years),
        Filter(
            "document",
            words["document"],
            [("", words["all"])] + [(d, label_of(graph, d)) for d in documents],
        ),
        Filter(
            "domain",
            words["domain"],
            [("", words["all"])] + [(d, label_of(graph, d)) for d in domains],
        ),
        Filter(
            "kind",
            words["kind"],
            [
                ("", words["all"]),
                ("social", words["social"]),
                ("situationell", words["situationell"]),
                ("other", words["unspecified"]),
            ],
        ),
    ]
    matrices = [
        _matrix(
            text["domains"],
            text["domain"],
            [(label_of(graph, d), nodes[d]) for d in domains],
            all_years,
            activity_years,
            {d: {a for a in activities if d in domains_of[a]} for d in domains},
            [d for d in domains],
            text,
        ),
    ]
    objectives = sorted(
        objective_activities,
        key=lambda o: (
            OBJECTIVE_KINDS.index(graph.nodes[o]["kind"]),
            label_of(graph, o).casefold(),
        ),
    )
    if objectives:
        matrices.append(
            _matrix(
                text["objectives"],
                text["objective"],
                [(f"{nodes[o].label} ({nodes[o].kind.lower()})", nodes[o]) for o in objectives],
                all_years,
                activity_years,
                objective_activities,
                objectives,
                text,
            )
        )
    prioritised_problems = [
        n for n in node_list if graph.nodes[n.id]["kind"] == "problem" and n.gap == "none"
    ]
    if prioritised_problems:
        matrices.append(
            _matrix(
                text["problems"],
                text["problem"],
                [(n.label, n) for n in prioritised_problems],
                all_years,
                activity_years,
                {n.id: set(sources_of(graph, n.id, "addresses")) for n in prioritised_problems},
                [n.id for n in prioritised_problems],
                text,
            )
        )
    legend = [
        ("covered", words["covered"]),
        ("partial", words["partial"]),
        ("none", words["none"]),
        ("neutral", words["neutral"]),
        ("domain", kind_word(lang, "domain")),
        ("factor", kind_word(lang, "factor")),
        ("goal", f"{kind_word(lang, 'goal')} / {kind_word(lang, 'focus_area').lower()}"),
        ("problem", kind_word(lang, "problem")),
        ("activity-social", f"{kind_word(lang, 'activity')} ({words['social']})"),
        ("activity-situationell", f"{kind_word(lang, 'activity')} ({words['situationell']})"),
        ("activity-other", f"{kind_word(lang, 'activity')} ({words['unspecified']})"),
    ]
    extra = text["plan"].format(years=years_text(years_planned)) if years_planned else ""
    view = View(
        name="coverage",
        lang=lang,
        title=text["title"],
        subtitle=subtitle(municipality, lang, as_of, extra),
        intro=text["intro"],
        nodes=node_list,
        edges=edges,
        legend=legend,
        filters=filters,
        matrices=matrices,
        physics=False,
        columns=[(k * COLUMN_WIDTH, name) for k, name in enumerate(text["columns"])],
    )
    paginate(view, column, 4, column_width=COLUMN_WIDTH)
    return view


def _matrix(
    caption: str,
    corner: str,
    rows: list[tuple[str, Node]],
    years: list[int],
    activity_years: dict[str, list[int]],
    members: dict[str, set[str]],
    keys: list[str],
    text: dict[str, str],
) -> Matrix:
    """Rows × years: how many activities of each row fall in each year."""
    body = []
    for (heading, node), key in zip(rows, keys, strict=True):
        cells = []
        for year in years:
            count = sum(1 for a in members.get(key, set()) if year in activity_years[a])
            relevant = node.relevant or years
            if node.gap == "neutral" and not count:
                cells.append(Cell(None, "na"))
            elif year not in relevant:
                cells.append(Cell(count or None, "na" if not count else "covered"))
            else:
                cells.append(Cell(count, "covered" if count else "none"))
        body.append((heading, cells))
    totals = [sum(1 for ys in activity_years.values() if y in ys) for y in years]
    return Matrix(
        caption=caption,
        corner=corner,
        columns=[str(y) for y in years],
        rows=body,
        totals=totals,
        totals_label=text["total"],
        note=text["note"],
    )
