"""The chain view: the red thread problem → factor → goal → activity → follow-up.

One column per link. Where a link is missing, a dashed red edge runs to a red placeholder in
that column ("no goal", "no follow-up" …), so broken threads show at a glance; activities are
coloured by how complete their thread is.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from samklang.graph import concepts
from samklang.network.analytics import Thread, red_threads
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
from samklang.viz.views.model import Cell, Edge, Filter, Matrix, Node, View
from samklang.viz.views.pages import paginate
from samklang.viz.views.style import WORDS, years_text

if TYPE_CHECKING:
    import networkx as nx

TEXT: dict[str, dict[str, Any]] = {
    "sv": {
        "title": "Den röda tråden: problem → faktor → mål → aktivitet → uppföljning",
        "intro": (
            "Varje aktivitet ska gå att följa bakåt till ett problem och dess orsaker (risk- och "
            "skyddsfaktorer) och ett mål, och framåt till en uppföljning. Röda streckade linjer "
            "går till det som saknas. Grön aktivitet: hel tråd; orange: delvis; röd: nästan "
            "inget."
        ),
        "columns": [
            "Problem",
            "Orsaker (faktorer)",
            "Mål och löften",
            "Aktiviteter",
            "Uppföljning",
        ],
        "no_problem": "Inget problem angivet",
        "no_factor": "Ingen faktor angiven",
        "no_goal": "Inget mål angivet",
        "no_follow_up": "Ingen uppföljning redovisad",
        "no_activity": "Ingen aktivitet",
        "no_cause": "Ingen orsak angiven",
        "addresses": "åtgärdar",
        "targets": "riktas mot",
        "contributes": "bidrar till",
        "cause": "orsak",
        "reported": "redovisas i",
        "missing": "saknas",
        "table": "Röd tråd per aktivitet",
        "activity": "Aktivitet",
        "links": ["Problem", "Faktor", "Mål", "Uppföljning"],
        "present": "finns",
        "not_due": "ej ännu",
        "note": (
            "”saknas”: länken saknas. ”ej ännu”: ingen uppföljning har hunnit bli aktuell. "
            "”behövs inte”: en aktivitet som inte är social behöver ingen faktor."
        ),
        "not_needed": "behövs inte",
        "complete": "Hel tråd",
        "partial": "Delvis tråd",
        "thin": "Nästan ingen tråd",
    },
    "en": {
        "title": "The red thread: problem → factor → goal → activity → follow-up",
        "intro": (
            "Every activity should lead back to a problem and its causes (risk and protective "
            "factors) and a goal, and forward to a follow-up. Red dashed lines go to what is "
            "missing. Green activity: whole thread; orange: partly; red: almost nothing."
        ),
        "columns": [
            "Problems",
            "Causes (factors)",
            "Goals and promises",
            "Activities",
            "Follow-up",
        ],
        "no_problem": "No problem given",
        "no_factor": "No factor given",
        "no_goal": "No goal given",
        "no_follow_up": "No follow-up reported",
        "no_activity": "No activity",
        "no_cause": "No cause given",
        "addresses": "addresses",
        "targets": "targets",
        "contributes": "contributes to",
        "cause": "cause",
        "reported": "reported in",
        "missing": "missing",
        "table": "Red thread per activity",
        "activity": "Activity",
        "links": ["Problem", "Factor", "Goal", "Follow-up"],
        "present": "present",
        "not_due": "not yet",
        "note": (
            "“missing”: the link is missing. “not yet”: no follow-up is due yet. “not needed”: "
            "an activity that is not social needs no factor."
        ),
        "not_needed": "not needed",
        "complete": "Whole thread",
        "partial": "Partial thread",
        "thin": "Almost no thread",
    },
}

MISSING = "urn:samklang:missing:"
"""Ids of the placeholder nodes."""

FOLLOW_UP_STATUS = {
    "genomford": "covered",
    "delvis-genomford": "partial",
    "ej-genomford": "none",
    "installd": "none",
}


def chain_view(
    graph: nx.MultiDiGraph, municipality: Municipality | None, lang: str, as_of: date
) -> View:
    """Build the red-thread view of one municipality's planning graph."""
    text = TEXT[lang]
    words = WORDS[lang]
    threads = {t.iri: t for t in red_threads(graph, as_of)}
    activities = activities_of(graph)
    nodes: dict[str, Node] = {}
    column: dict[str, int] = {}
    edges: list[Edge] = []
    broken_ids: set[str] = set()

    def placeholder(key: str, col: int) -> str:
        iri = MISSING + key
        if iri not in nodes:
            nodes[iri] = Node(
                id=iri,
                label=text[key],
                style="missing",
                kind=kind_word(lang, "missing"),
                status="broken",
                hover=hover(kind_word(lang, "missing"), text[key]),
                details=[(kind_word(lang, "missing"), text[key])],
            )
            column[iri] = col
            broken_ids.add(iri)
        return iri

    for a in activities:
        thread = threads[a]
        attrs = graph.nodes[a]
        kind = concepts.kind(graph, a)
        kind_text = vocabulary_label(graph, kind, "kind") if kind else words["unspecified"]
        node = base_node(
            graph, a, lang, "activity-chain", f"{kind_word(lang, 'activity')} ({kind_text})"
        )
        node.status = (
            "covered" if not thread.missing else ("none" if len(thread.missing) >= 3 else "partial")
        )
        node.years = list(attrs.get("years", []))
        node.facets = {
            "document": sorted(
                {d for p in targets(graph, a, "planned_in") for d in ancestors(graph, p)}
            ),
            "kind": [kind or "other"],
        }
        missing_words = [
            text["links"][["problem", "factor", "goal", "follow_up"].index(m)]
            for m in thread.missing
        ]
        node.hover = hover(
            node.kind,
            node.label,
            years_text(node.years),
            f"{text['missing']}: {', '.join(missing_words)}" if missing_words else text["complete"],
        )
        nodes[a] = node
        column[a] = 3
        if thread.missing:
            broken_ids.add(a)
        for key, col in (("problem", 0), ("factor", 1), ("goal", 2), ("follow_up", 4)):
            if key in thread.missing:
                edges.append(Edge(a, placeholder(f"no_{key}", col), "broken", text["missing"]))

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
            has_cause = bool(targets(graph, iri, "cause"))
            node.status = (
                "covered"
                if has_activity and has_cause
                else ("none" if attrs.get("prioritised") or not has_activity else "partial")
            )
            node.facets = {
                "document": sorted(
                    {d for p in targets(graph, iri, "identified_in") for d in ancestors(graph, p)}
                )
            }
            nodes[iri] = node
            column[iri] = 0
            if not has_activity:
                edges.append(Edge(iri, placeholder("no_activity", 3), "broken", text["missing"]))
            if not has_cause:
                edges.append(Edge(iri, placeholder("no_cause", 1), "broken", text["missing"]))
            if not (has_activity and has_cause):
                broken_ids.add(iri)
            node.hover = hover(node.kind, node.label)
        elif attrs["kind"] in ("goal", "focus_area", "goal_area") and not attrs.get("lso"):
            members = set(sources_of(graph, iri, "contributes_to"))
            if attrs["kind"] == "goal_area":
                for goal in sources_of(graph, iri, "in_goal_area"):
                    members |= set(sources_of(graph, goal, "contributes_to"))
            node = base_node(graph, iri, lang, attrs["kind"], kind_word(lang, attrs["kind"]))
            node.status = "covered" if members else "none"
            node.facets = {
                "document": sorted(
                    {d for p in targets(graph, iri, "stated_in") for d in ancestors(graph, p)}
                )
            }
            node.hover = hover(node.kind, node.label)
            nodes[iri] = node
            column[iri] = 2
            if not members:
                edges.append(Edge(iri, placeholder("no_activity", 3), "broken", text["missing"]))
                broken_ids.add(iri)
            for goal_area in targets(graph, iri, "in_goal_area"):
                edges.append(Edge(iri, goal_area, "thin", kind_word(lang, "goal_area")))
        elif attrs["kind"] == "follow_up":
            status = attrs.get("status", "")
            report = next(iter(sources_of(graph, iri, "has_entry")), None)
            node = base_node(graph, iri, lang, "follow_up", kind_word(lang, "follow_up"))
            status_text = vocabulary_label(graph, status, "status") if status else ""
            node.label = f"{status_text} ({label_of(graph, report)})" if report else status_text
            node.status = FOLLOW_UP_STATUS.get(status, "neutral")
            node.hover = hover(node.kind, node.label, attrs.get("outcome", ""))
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
        targeted = bool(sources_of(graph, f, "targets_factor"))
        node.status = "covered" if targeted else "none"
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

    for iri in broken_ids:
        nodes[iri].facets["broken"] = ["1"]
    # an edge to a placeholder marks its other end as on a broken thread as well
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

    def cell(present: bool | None, absent: str = "not_due") -> Cell:
        if present is None:
            return Cell(None, "na", text[absent])
        return (
            Cell(None, "covered", text["present"])
            if present
            else Cell(None, "none", text["missing"])
        )

    def factor_cell(thread: Thread) -> bool | None:
        """Present, missing where one is due (a social activity), else not needed."""
        return True if thread.factor else (False if "factor" in thread.missing else None)

    table = Matrix(
        caption=text["table"],
        corner=text["activity"],
        columns=text["links"],
        rows=[
            (
                threads[a].label,
                [
                    cell(threads[a].problem),
                    cell(factor_cell(threads[a]), "not_needed"),
                    cell(threads[a].goal),
                    cell(threads[a].follow_up),
                ],
            )
            for a in sorted(activities, key=lambda a: (threads[a].completeness, threads[a].label))
        ],
        note=text["note"],
    )
    legend = [
        ("covered", text["complete"]),
        ("partial", text["partial"]),
        ("none", text["thin"]),
        ("missing", kind_word(lang, "missing")),
        ("edge:broken", text["missing"]),
        ("problem", kind_word(lang, "problem")),
        ("factor", kind_word(lang, "factor")),
        ("goal", kind_word(lang, "goal")),
        ("activity-chain", kind_word(lang, "activity")),
        ("follow_up", kind_word(lang, "follow_up")),
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
