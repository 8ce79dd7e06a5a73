"""The coverage view: goals and focus areas, activities, factors and the five domains.

Read left to right as the red thread: problems | factors | goal areas | goals and focus areas
| activities | domains. A domain, goal or prioritised problem with no activity is red; one
with activity in some of its years but not all is orange; the year filter recolours for one
year. Beside the graph: domains × years, objectives × years and prioritised problems × years
as tables.

A node is painted as lacking activity only where an open finding of ``samklang check``
concerns it (CHAIN-IDLE-GOAL, CHAIN-UNADDRESSED, COV-DOMAIN): red, none at all; orange,
activity in other years. An open question of those rules is light blue, an accepted finding
purple; a node with no activity that no finding concerns (a factor, a rescue-services goal
area the check leaves alone) is grey. The tables count activities (facts); "saknas" marks only
the years a finding names.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from samklang.graph import concepts
from samklang.network.build import Municipality, label_of, sources_of, targets
from samklang.viz.views import layout
from samklang.viz.views.common import (
    activities_of,
    ancestors,
    base_node,
    hover,
    kind_word,
    plan_years,
    stated_years,
    subtitle,
    vocabulary_label,
    year_filter,
)
from samklang.viz.views.concern import Concern, concerning
from samklang.viz.views.model import Cell, Edge, Filter, Matrix, Node, View
from samklang.viz.views.pages import paginate
from samklang.viz.views.style import WORDS, years_text

if TYPE_CHECKING:
    import networkx as nx

    from samklang.queries.finding import Finding

RULES = ("CHAIN-IDLE-GOAL", "CHAIN-UNADDRESSED", "COV-DOMAIN")
"""The rules whose findings say that a goal, goal area, focus area, prioritised problem or
domain lacks activity: their foci are the nodes this view paints."""

WHOLE = ("COV-DOMAIN", "COV-BALANCE")
"""Coverage rules that may concern a whole document rather than a node drawn here (no activity
tied to a factor; every activity on one side of risk and protection): said under the tables."""

TEXT: dict[str, dict[str, Any]] = {
    "sv": {
        "title": "Täckning: problem, faktorer, mål, aktiviteter och domäner",
        "intro": (
            "Läs från vänster till höger som den röda tråden: problemen, deras orsaker (risk- "
            "och skyddsfaktorer), målen och löftena, aktiviteterna och domänerna de riktar sig "
            "mot. Rött eller orange: samklang check säger att aktivitet saknas (ett öppet fynd); "
            "klicka för att läsa det. Välj ett år för att se just det året."
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
            "Siffran är antalet aktiviteter. Markerat ”saknas”: samklang check rapporterar att "
            "aktivitet saknas det året (ett öppet fynd); ”godtaget”: fyndet är godtaget. – : "
            "året ligger utanför perioden eller har inte kommit än."
        ),
        "legend_covered": "Har aktivitet; inget öppet fynd från kontrollen",
        "legend_partial": "Saknar aktivitet vissa år enligt kontrollen (öppet fynd)",
        "legend_none": "Saknar aktivitet enligt kontrollen (öppet fynd)",
        "legend_info": "Kontrollen frågar om det finns aktivitet (öppen fråga)",
        "legend_accepted": "Saknar aktivitet, men fyndet är godtaget",
        "legend_neutral": "Ingen aktivitet, och inget fynd från kontrollen",
        "activity_in": "Har aktivitet: {years}",
        "no_activity": "Inga aktiviteter",
        "accepted": "godtaget",
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
            "protective factors), the goals and promises, the activities and the domains they "
            "target. Red or orange: samklang check says activity is missing (an open finding); "
            "click to read it. Choose a year to see that year alone."
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
            "The number is the count of activities. Marked “missing”: samklang check reports "
            "no activity that year (an open finding); “accepted”: the finding is accepted. – : "
            "the year lies outside the period or is still to come."
        ),
        "legend_covered": "Has activity; no open finding of the check",
        "legend_partial": "Lacks activity in some years, says the check (open finding)",
        "legend_none": "Lacks activity, says the check (open finding)",
        "legend_info": "The check asks whether there is activity (open question)",
        "legend_accepted": "Lacks activity, but the finding is accepted",
        "legend_neutral": "No activity, and no finding of the check",
        "activity_in": "Has activity: {years}",
        "no_activity": "No activities",
        "accepted": "accepted",
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
    graph: nx.MultiDiGraph,
    municipality: Municipality | None,
    lang: str,
    as_of: date,
    findings: Sequence[Finding] = (),
) -> View:
    """Build the coverage view of one municipality's planning graph: a goal, goal area,
    focus area, prioritised problem or domain is painted as lacking activity only where one of
    ``check``'s open ``findings`` of :data:`RULES` concerns it, an accepted one as accepted."""
    text = TEXT[lang]
    concerns = concerning(findings, RULES, set(graph.nodes))
    due_of: dict[str, list[int]] = {}
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
        node.covered = covered_by(members)
        paint(node, concerns.get(iri), due_of, due(stated_years(graph, iri)), text)
        node.facets = {
            "document": sorted(
                {d for p in targets(graph, iri, "stated_in") for d in ancestors(graph, p)}
            )
        }
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
        paint(node, concerns.get(iri), due_of, due(years_planned), text)
        node.facets = {
            "document": sorted(
                {d for p in targets(graph, iri, "identified_in") for d in ancestors(graph, p)}
            )
        }
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
        paint(node, concerns.get(iri), due_of, [], text, label_of(graph, attrs["domain"]))
        node.facets = {"domain": [attrs["domain"]]}
        nodes[iri] = node
        column[iri] = 1
        edges.append(Edge(iri, attrs["domain"], "thin", text["in_domain"]))

    # domains
    for iri in domains:
        members = {a for a in activities if iri in domains_of[a]}
        node = base_node(graph, iri, lang, "domain", kind_word(lang, "domain"))
        node.covered = covered_by(members)
        paint(node, concerns.get(iri), due_of, due(years_planned), text)
        node.facets = {"domain": [iri]}
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
            due_of,
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
                due_of,
                text,
            )
        )
    prioritised_problems = [
        n
        for n in node_list
        if graph.nodes[n.id]["kind"] == "problem" and graph.nodes[n.id].get("prioritised")
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
                due_of,
                text,
            )
        )
    drawn = {n.status for n in node_list}
    styles = {n.style for n in node_list}
    shapes = [
        ("domain", kind_word(lang, "domain")),
        ("factor", kind_word(lang, "factor")),
        ("goal_area", kind_word(lang, "goal_area")),
        ("goal", f"{kind_word(lang, 'goal')} / {kind_word(lang, 'focus_area').lower()}"),
        ("problem", kind_word(lang, "problem")),
        ("activity-social", f"{kind_word(lang, 'activity')} ({words['social']})"),
        ("activity-situationell", f"{kind_word(lang, 'activity')} ({words['situationell']})"),
        ("activity-other", f"{kind_word(lang, 'activity')} ({words['unspecified']})"),
    ]
    if "focus_area" in styles:
        styles.add("goal")
    legend = [
        *(
            (status, text[f"legend_{status}"])
            for status in ("covered", "partial", "none", "info", "accepted", "neutral")
            if status in drawn
        ),
        *((style, word) for style, word in shapes if style in styles),
    ]
    notes = [
        f"{f.rule}: {f.message}" + (f" ({text['accepted']})" if f.accepted else "")
        for f in findings
        if f.rule in (*RULES, *WHOLE)
        and set(f.foci) & set(graph.nodes)
        and not set(f.foci) & set(nodes)
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
        notes=notes,
        physics=False,
        columns=[(k * COLUMN_WIDTH, name) for k, name in enumerate(text["columns"])],
    )
    paginate(view, column, 4, column_width=COLUMN_WIDTH)
    return view


def paint(
    node: Node,
    concern: Concern | None,
    due_of: dict[str, list[int]],
    due_years: list[int],
    text: dict[str, Any],
    *lines: str,
) -> None:
    """Colour ``node`` by the findings that concern it, never by its own count: an open
    defect red (no activity at all) or orange (activity in other years), an open question
    light blue, an accepted finding purple; else green with activity and grey without.
    ``relevant`` holds the years the findings name (and those with activity), ``gap`` what a
    year of them with no activity shows when the year filter picks it."""
    due_of[node.id] = due_years
    state = concern.state if concern else ""
    if concern and state:
        named = concern.years() or due_years
        node.relevant = sorted(set(named) | set(node.covered))
        if state == "missing":
            node.status = "partial" if node.covered else "none"
            node.gap = "none"
        else:
            node.status = node.gap = "info" if state == "question" else "accepted"
        node.findings = concern.rows(text["accepted"])
    else:
        node.relevant = []
        node.status = "covered" if node.covered else "neutral"
        node.gap = "neutral"
    activity = (
        text["activity_in"].format(years=years_text(node.covered))
        if node.covered
        else text["no_activity"]
    )
    messages = [f"{f['rule']}: {f['message']}" for f in node.findings]
    node.hover = hover(node.kind, node.label, *lines, activity, *messages)


def _matrix(
    caption: str,
    corner: str,
    rows: list[tuple[str, Node]],
    years: list[int],
    activity_years: dict[str, list[int]],
    members: dict[str, set[str]],
    keys: list[str],
    due_of: dict[str, list[int]],
    text: dict[str, str],
) -> Matrix:
    """Rows × years: how many activities of each row fall in each year; ``saknas`` only in a
    year an open finding names for the row, ``godtaget`` in one an accepted finding names."""
    body = []
    for (heading, node), key in zip(rows, keys, strict=True):
        by_year = {
            year: sum(1 for a in members.get(key, set()) if year in activity_years[a])
            for year in years
        }
        body.append((heading, row_cells(by_year, node, years, due_of, text, key)))
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


def row_cells(
    by_year: dict[int, int],
    node: Node,
    years: Sequence[int],
    due_of: dict[str, list[int]],
    words: dict[str, Any],
    key: str | None = None,
) -> list[Cell]:
    """One row's counts by year: ``saknas`` only in a year an open finding names for the row,
    ``godtaget`` in one an accepted finding names (the coverage view's tables and the
    national drill-downs); ``key`` is the row's key in ``due_of`` (default: the node's ID)."""
    cells = []
    for year in years:
        count = by_year.get(year, 0)
        if count:
            cells.append(Cell(count, "covered"))
        elif year in node.relevant and node.gap == "none":
            cells.append(Cell(0, "none"))
        elif year in node.relevant and node.gap == "accepted":
            cells.append(Cell(0, "na", f"0 {words['accepted']}"))
        elif year in node.relevant or year in due_of.get(node.id if key is None else key, []):
            cells.append(Cell(0, "na", "0"))
        else:
            cells.append(Cell(None, "na"))
    return cells
