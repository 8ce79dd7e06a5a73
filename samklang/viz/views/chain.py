"""The chain view: the red thread problem → factor → goal → activity → follow-up.

One column per link. Where ``samklang check`` reports a link missing (an open finding of
:data:`RULES`), a dashed red edge runs to a red placeholder in that column ("no goal", "no
follow-up" …), so broken threads show at a glance; an open question of those rules draws a
light-blue dashed edge, an accepted finding a purple one. Nodes are coloured by the findings
that concern them, never by a count of their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from samklang.graph import concepts
from samklang.network.analytics import red_threads
from samklang.network.build import Municipality, label_of, sources_of, targets
from samklang.viz.views import layout
from samklang.viz.views.common import (
    activities_of,
    ancestors,
    base_node,
    hover,
    kind_word,
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

TEXT: dict[str, dict[str, Any]] = {
    "sv": {
        "title": "Den röda tråden: problem → faktor → mål → aktivitet → uppföljning",
        "intro": (
            "Varje aktivitet ska gå att följa bakåt till ett problem och dess orsaker (risk- och "
            "skyddsfaktorer) och ett mål, och framåt till en uppföljning. Röda streckade linjer "
            "går till det som samklang check rapporterar saknas; ljusblå: kontrollen frågar; "
            "lila: fyndet är godtaget. Klicka på en nod för att läsa fyndet."
        ),
        "columns": [
            "Problem",
            "Orsaker (faktorer)",
            "Mål och löften",
            "Aktiviteter",
            "Uppföljning",
        ],
        "no_factor": "Inget problem, löfte eller faktor angivet",
        "no_goal": "Inget mål angivet",
        "no_follow_up": "Inget utfall redovisat",
        "no_activity": "Saknar aktivitet (hela eller delar av perioden)",
        "addresses": "åtgärdar",
        "targets": "riktas mot",
        "contributes": "bidrar till",
        "cause": "orsak",
        "reported": "redovisas i",
        "missing": "saknas",
        "asked": "fråga",
        "accepted": "godtaget",
        "table": "Röd tråd per aktivitet",
        "activity": "Aktivitet",
        "links": ["Problem", "Faktor", "Mål", "Uppföljning"],
        "present": "finns",
        "note": (
            "”saknas”: samklang check rapporterar att länken saknas (ett öppet fynd). ”fråga”: "
            "kontrollen frågar om den. ”godtaget”: fyndet är godtaget. – : länken finns inte, "
            "men inget fynd gäller den (den behövs inte eller är inte aktuell än). Problem och "
            "faktor saknas tillsammans: kontrollen frågar efter problem, löfte eller faktor."
        ),
        "legend_covered": "Inget öppet fynd om tråden från kontrollen",
        "legend_partial": (
            "En länk saknas, eller aktivitet vissa år, enligt kontrollen (öppet fynd)"
        ),
        "legend_none": "Flera länkar saknas, eller all aktivitet, enligt kontrollen (öppet fynd)",
        "legend_info": "Kontrollen frågar om en länk (öppen fråga)",
        "legend_accepted": "Fyndet om tråden är godtaget",
        "legend_neutral": "Inget fynd gäller den",
        "done": "Uppföljning: genomförd",
        "not_done": "Uppföljning: ej genomförd enligt kontrollen (öppet fynd)",
        "edge_broken": "Saknas enligt kontrollen",
        "edge_asked": "Kontrollen frågar",
        "edge_accepted": "Saknas, men fyndet är godtaget",
    },
    "en": {
        "title": "The red thread: problem → factor → goal → activity → follow-up",
        "intro": (
            "Every activity should lead back to a problem and its causes (risk and protective "
            "factors) and a goal, and forward to a follow-up. Red dashed lines go to what is "
            "missing, as samklang check reports it; light blue: the check asks; purple: the "
            "finding is accepted. Click a node to read the finding."
        ),
        "columns": [
            "Problems",
            "Causes (factors)",
            "Goals and promises",
            "Activities",
            "Follow-up",
        ],
        "no_factor": "No problem, promise or factor given",
        "no_goal": "No goal given",
        "no_follow_up": "No outcome reported",
        "no_activity": "Lacks activity (all or part of the period)",
        "addresses": "addresses",
        "targets": "targets",
        "contributes": "contributes to",
        "cause": "cause",
        "reported": "reported in",
        "missing": "missing",
        "asked": "question",
        "accepted": "accepted",
        "table": "Red thread per activity",
        "activity": "Activity",
        "links": ["Problem", "Factor", "Goal", "Follow-up"],
        "present": "present",
        "note": (
            "“missing”: samklang check reports the link missing (an open finding). “question”: "
            "the check asks about it. “accepted”: the finding is accepted. – : there is no link, "
            "but no finding concerns it (it is not needed or not due yet). Problem and factor "
            "are missing together: the check asks for a problem, promise or factor."
        ),
        "legend_covered": "No open finding of the check about its thread",
        "legend_partial": (
            "One link missing, or activity in some years, says the check (open finding)"
        ),
        "legend_none": "Several links missing, or all activity, says the check (open finding)",
        "legend_info": "The check asks about a link (open question)",
        "legend_accepted": "The finding about its thread is accepted",
        "legend_neutral": "No finding concerns it",
        "done": "Follow-up: carried out",
        "not_done": "Follow-up: not carried out, says the check (open finding)",
        "edge_broken": "Missing, says the check",
        "edge_asked": "The check asks",
        "edge_accepted": "Missing, but the finding is accepted",
    },
}

MISSING = "urn:samklang:missing:"
"""Ids of the placeholder nodes."""

LINKS = {
    "CHAIN-BASIS": ("no_factor", 1),
    "CHAIN-GOAL": ("no_goal", 2),
    "FUP-ACTIVITY": ("no_follow_up", 4),
}
"""The rules that report an activity's link missing: the placeholder each draws, and its
column."""

IDLE = ("CHAIN-UNADDRESSED", "CHAIN-IDLE-GOAL")
"""The rules that report a goal, focus area or prioritised problem with no activity."""

NOT_DONE = "FUP-NOT-DONE"
"""The rule that reports an activity not carried out (its follow-up entry is painted)."""

RULES = (*LINKS, *IDLE, NOT_DONE)
"""Every rule whose findings this view draws."""

EDGE = {"missing": "broken", "question": "asked", "accepted": "accepted"}
"""The line to a placeholder by the state of the findings behind it."""


def chain_view(
    graph: nx.MultiDiGraph,
    municipality: Municipality | None,
    lang: str,
    as_of: date,
    findings: Sequence[Finding] = (),
) -> View:
    """Build the red-thread view of one municipality's planning graph: a link is drawn
    broken only where one of ``check``'s open ``findings`` of :data:`RULES` reports it."""
    text = TEXT[lang]
    words = WORDS[lang]
    threads = {t.iri: t for t in red_threads(graph, as_of)}
    activities = activities_of(graph)
    ids = set(graph.nodes)
    links = {rule: concerning(findings, [rule], ids) for rule in LINKS}
    idle = concerning(findings, IDLE, ids)
    not_done = concerning(findings, [NOT_DONE], ids)
    nodes: dict[str, Node] = {}
    column: dict[str, int] = {}
    edges: list[Edge] = []
    broken_ids: set[str] = set()

    def link(source: str, key: str, col: int, concern: Concern) -> None:
        """A line from ``source`` to the placeholder ``key`` (one per state of the findings
        behind it: missing, asked, accepted)."""
        style = EDGE[concern.state]
        suffix = {"broken": "", "asked": "-asked", "accepted": "-accepted"}[style]
        target = MISSING + key + suffix
        if target not in nodes:
            label = (
                text[key]
                + {"broken": "", "asked": " ?", "accepted": f" ({text['accepted']})"}[style]
            )
            nodes[target] = Node(
                id=target,
                label=label,
                style="missing" + suffix,
                kind=kind_word(lang, "missing"),
                status={"broken": "broken", "asked": "info", "accepted": "accepted"}[style],
                hover=hover(kind_word(lang, "missing"), label),
                details=[(kind_word(lang, "missing"), label)],
            )
            column[target] = col
        edges.append(Edge(source, target, style, text[f"edge_{style}"]))
        if style == "broken":
            broken_ids.update((source, target))

    for a in activities:
        attrs = graph.nodes[a]
        kind = concepts.kind(graph, a)
        kind_text = vocabulary_label(graph, kind, "kind") if kind else words["unspecified"]
        node = base_node(
            graph, a, lang, "activity-chain", f"{kind_word(lang, 'activity')} ({kind_text})"
        )
        own = [(rule, links[rule][a]) for rule in LINKS if a in links[rule]]
        broken = sum(1 for _, c in own if c.state == "missing")
        states = {c.state for _, c in own}
        node.status = (
            ("none" if broken >= 2 else "partial")
            if broken
            else "info"
            if "question" in states
            else "accepted"
            if "accepted" in states
            else "covered"
        )
        node.findings = [row for _, c in own for row in c.rows(text["accepted"])]
        node.years = list(attrs.get("years", []))
        node.facets = {
            "document": sorted(
                {d for p in targets(graph, a, "planned_in") for d in ancestors(graph, p)}
            ),
            "kind": [kind or "other"],
        }
        node.hover = hover(
            node.kind,
            node.label,
            years_text(node.years),
            *(f"{f['rule']}: {f['message']}" for f in node.findings),
        )
        nodes[a] = node
        column[a] = 3
        for rule, concern in own:
            key, col = LINKS[rule]
            link(a, key, col, concern)

    for iri, attrs in graph.nodes(data=True):
        if attrs["kind"] == "problem":
            node = base_node(
                graph,
                iri,
                lang,
                "problem",
                kind_word(lang, "problem-prioritised" if attrs.get("prioritised") else "problem"),
            )
            has_activity = bool(sources_of(graph, iri, "addresses"))
            _goal_or_problem(node, idle.get(iri), has_activity, text)
            node.facets = {
                "document": sorted(
                    {d for p in targets(graph, iri, "identified_in") for d in ancestors(graph, p)}
                )
            }
            nodes[iri] = node
            column[iri] = 0
            if iri in idle:
                link(iri, "no_activity", 3, idle[iri])
        elif attrs["kind"] in ("goal", "focus_area", "goal_area") and (
            not attrs.get("lso") or iri in idle
        ):
            members = set(sources_of(graph, iri, "contributes_to"))
            if attrs["kind"] == "goal_area":
                for goal in sources_of(graph, iri, "in_goal_area"):
                    members |= set(sources_of(graph, goal, "contributes_to"))
            node = base_node(graph, iri, lang, attrs["kind"], kind_word(lang, attrs["kind"]))
            _goal_or_problem(node, idle.get(iri), bool(members), text)
            node.facets = {
                "document": sorted(
                    {d for p in targets(graph, iri, "stated_in") for d in ancestors(graph, p)}
                )
            }
            nodes[iri] = node
            column[iri] = 2
            if iri in idle:
                link(iri, "no_activity", 3, idle[iri])
        elif attrs["kind"] == "follow_up":
            status = attrs.get("status", "")
            report = next(iter(sources_of(graph, iri, "has_entry")), None)
            node = base_node(graph, iri, lang, "follow_up", kind_word(lang, "follow_up"))
            status_text = vocabulary_label(graph, status, "status") if status else ""
            node.label = f"{status_text} ({label_of(graph, report)})" if report else status_text
            concern = Concern()
            for activity in targets(graph, iri, "follows_up"):
                found = not_done.get(activity)
                if found and status in ("ej-genomford", "installd", "delvis-genomford"):
                    concern.open += found.open
                    concern.questions += found.questions
                    concern.accepted += found.accepted
            node.status = {"missing": "none", "question": "info", "accepted": "accepted"}.get(
                concern.state, "covered" if status == "genomford" else "neutral"
            )
            node.findings = concern.rows(text["accepted"])
            node.hover = hover(
                node.kind,
                node.label,
                attrs.get("outcome", ""),
                *(f"{f['rule']}: {f['message']}" for f in node.findings),
            )
            report_attrs = graph.nodes[report] if report else {}
            if "report_year" in report_attrs:
                node.years = [report_attrs["report_year"]]
            nodes[iri] = node
            column[iri] = 4
            for activity in targets(graph, iri, "follows_up"):
                edges.append(Edge(activity, iri, "plain", text["reported"]))

    factors = {f for a in activities for f in targets(graph, a, "targets_factor")}
    factors |= {
        f
        for i, a in graph.nodes(data=True)
        if a["kind"] == "problem"
        for f in targets(graph, i, "cause")
    }
    for f in sorted(factors):
        attrs = graph.nodes[f]
        key = f"factor-{attrs.get('factor_type')}" if attrs.get("factor_type") else "factor"
        node = base_node(graph, f, lang, "factor", kind_word(lang, key))
        node.status = "covered" if sources_of(graph, f, "targets_factor") else "neutral"
        node.hover = hover(node.kind, node.label, label_of(graph, attrs["domain"]))
        nodes[f] = node
        column[f] = 1

    for a in activities:
        for p in targets(graph, a, "addresses"):
            edges.append(Edge(a, p, "plain", text["addresses"]))
        for f in targets(graph, a, "targets_factor"):
            edges.append(Edge(a, f, "plain", text["targets"]))
        for o in targets(graph, a, "contributes_to"):
            if o in nodes:
                edges.append(Edge(a, o, "plain", text["contributes"]))
    for iri in list(nodes):
        if iri in graph and graph.nodes[iri]["kind"] == "problem":
            for f in targets(graph, iri, "cause"):
                edges.append(Edge(iri, f, "dashed", text["cause"]))
        if iri in graph and graph.nodes[iri]["kind"] in ("goal", "focus_area", "goal_area"):
            for goal_area in targets(graph, iri, "in_goal_area"):
                if goal_area in nodes:
                    edges.append(Edge(iri, goal_area, "thin", kind_word(lang, "goal_area")))

    for iri in broken_ids:
        nodes[iri].facets["broken"] = ["1"]
    node_list = list(nodes.values())
    layout.layered(node_list, edges, column)

    years = sorted({y for n in node_list for y in n.years})
    documents = sorted(
        {d for n in node_list for d in n.facets.get("document", [])},
        key=lambda d: label_of(graph, d).casefold(),
    )
    filters = [
        year_filter(lang, years),
        Filter(
            "document",
            words["document"],
            [("", words["all"])] + [(d, label_of(graph, d)) for d in documents],
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

    def cell(rule: str, activity: str, present: bool | None) -> Cell:
        """What check says of one link: missing, asked or accepted; else present or –."""
        concern = links[rule].get(activity)
        state = concern.state if concern else ""
        if present:
            return Cell(None, "covered", text["present"])
        if state == "missing":
            return Cell(None, "none", text["missing"])
        if state in ("question", "accepted"):
            return Cell(None, "na", text["asked" if state == "question" else "accepted"])
        return Cell(None, "na", "–")

    table = Matrix(
        caption=text["table"],
        corner=text["activity"],
        columns=text["links"],
        rows=[
            (
                threads[a].label,
                [
                    cell("CHAIN-BASIS", a, threads[a].problem),
                    cell("CHAIN-BASIS", a, threads[a].factor),
                    cell("CHAIN-GOAL", a, threads[a].goal),
                    cell("FUP-ACTIVITY", a, threads[a].follow_up),
                ],
            )
            for a in sorted(activities, key=lambda a: (threads[a].completeness, threads[a].label))
        ],
        note=text["note"],
    )
    drawn = {n.status for n in node_list if not n.style.startswith("missing")}
    styles = {n.style for n in node_list}
    lines = {e.style for e in edges}
    if styles & {"focus_area", "goal_area"}:
        styles.add("goal")
    legend = [
        *(
            (status, text[f"legend_{status}"])
            for status in ("covered", "partial", "none", "info", "accepted", "neutral")
            if status in drawn
        ),
        *((f"edge:{s}", text[f"edge_{s}"]) for s in ("broken", "asked", "accepted") if s in lines),
        *(
            (style, kind_word(lang, style))
            for style in (
                "missing",
                "missing-asked",
                "missing-accepted",
                "problem",
                "factor",
                "goal",
                "activity-chain",
                "follow_up",
            )
            if style in styles
        ),
    ]
    view = View(
        name="chain",
        lang=lang,
        title=text["title"],
        subtitle=subtitle(municipality, lang, as_of),
        intro=text["intro"],
        nodes=node_list,
        edges=edges,
        legend=legend,
        filters=filters,
        matrices=[table] if activities else [],
        columns=[(k * layout.COLUMN_WIDTH, name) for k, name in enumerate(text["columns"])],
    )
    paginate(view, column, 3, column_width=layout.COLUMN_WIDTH)
    return view


def _goal_or_problem(
    node: Node, concern: Concern | None, has_activity: bool, text: dict[str, Any]
) -> None:
    """A goal, focus area or problem: red where an open finding says it has no activity
    (orange where it has some, in other years), light blue where the check asks, purple
    where the finding is accepted; else green with activity, grey without."""
    state = concern.state if concern else ""
    painted = {"missing": "partial" if has_activity else "none"}
    node.status = {**painted, "question": "info", "accepted": "accepted"}.get(
        state, "covered" if has_activity else "neutral"
    )
    node.findings = concern.rows(text["accepted"]) if concern else []
    node.hover = hover(
        node.kind, node.label, *(f"{f['rule']}: {f['message']}" for f in node.findings)
    )
