"""The organisations view: organisations, groups, memberships, conveners and reporting lines.

Steering groups on top, the groups reporting to them below, their members under them. A
group with no convener, or a theme group without both the municipality and the police, is
orange. Node size follows betweenness: who holds the work together.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from samklang.network.analytics import organisation_centrality
from samklang.network.build import Municipality, sources_of, targets
from samklang.viz.views import layout
from samklang.viz.views.common import base_node, hover, kind_word, subtitle
from samklang.viz.views.model import Cell, Edge, Matrix, Node, View

if TYPE_CHECKING:
    import networkx as nx

    from samklang.queries.finding import Finding

TEXT: dict[str, dict[str, Any]] = {
    "sv": {
        "title": "Organisationerna: grupper, medlemmar, sammankallande och rapportvägar",
        "intro": (
            "Styrgruppen överst, grupperna som rapporterar till den under, och deras "
            "medlemmar längst ner. Tjock orange linje: sammankallande. Blå pil: rapporterar "
            "till. Ju större nod, desto fler kontakter går via den. Orange, röd eller ljusblå "
            "(en kommun eller organisation: tjock kant och ⚠): ett öppet fynd eller en fråga "
            "från samklang check gäller den; klicka för att läsa det."
        ),
        "member": "medlem",
        "convener": "sammankallande",
        "reports_to": "rapporterar till",
        "part_of": "del av",
        "accepted": "Godtaget fynd",
        "table": "Organisationer och grupper",
        "name": "Namn",
        "columns": ["Grad", "Mellanhand", "Aktiviteter", "Grupper"],
        "note": (
            "Grad: antal kopplingar. Mellanhand: hur ofta den ligger på kortaste vägen mellan "
            "två andra (0–1). Aktiviteter: som den ansvarar för. Grupper: som den är medlem i."
        ),
        "group_ok": "Grupp som inget öppet fynd eller fråga från kontrollen gäller",
        "group_warning": "Ett öppet fynd från kontrollen gäller den (varning)",
        "group_error": "Ett öppet fynd från kontrollen gäller den (fel)",
        "group_info": "En öppen fråga från kontrollen gäller den",
    },
    "en": {
        "title": "The organisations: groups, members, conveners and reporting lines",
        "intro": (
            "The steering group on top, the groups reporting to it below, their members at the "
            "bottom. Thick orange line: convener. Blue arrow: reports to. The bigger the node, "
            "the more links run through it. Orange, red or light blue (a municipality or "
            "organisation: a thick border and ⚠): an open finding or question of samklang "
            "check concerns it; click to read it."
        ),
        "member": "member",
        "convener": "convener",
        "reports_to": "reports to",
        "part_of": "part of",
        "accepted": "Accepted finding",
        "table": "Organisations and groups",
        "name": "Name",
        "columns": ["Degree", "Betweenness", "Activities", "Groups"],
        "note": (
            "Degree: number of links. Betweenness: how often it lies on the shortest path "
            "between two others (0–1). Activities: those it is responsible for. Groups: those "
            "it is a member of."
        ),
        "group_ok": "Group no open finding or question of the check concerns",
        "group_warning": "An open finding of the check concerns it (warning)",
        "group_error": "An open finding of the check concerns it (error)",
        "group_info": "An open question of the check concerns it",
    },
}


def organisations_view(
    graph: nx.MultiDiGraph,
    municipality: Municipality | None,
    lang: str,
    as_of: date,
    findings: Sequence[Finding],
) -> View:
    """Build the organisations view of one municipality's planning graph: an organisation or
    group is marked only where one of ``check``'s ``findings`` concerns it (its focus, or a
    row of a grouped finding), an accepted finding shown as accepted, not as open."""
    text = TEXT[lang]
    concerning: dict[str, list[tuple[Finding, str, bool]]] = {}
    for finding in findings:
        rows = [(i.focus, i.message) for i in finding.items] or [(finding.focus, finding.message)]
        for focus, message in rows:
            concerning.setdefault(focus, []).append((finding, message, bool(finding.accepted)))
    centrality = {c.iri: c for c in organisation_centrality(graph)}
    actors = [
        i
        for i, a in graph.nodes(data=True)
        if a["kind"] in ("municipality", "organisation", "group")
    ]
    nodes: list[Node] = []
    depth: dict[str, int] = {}
    most = max((c.betweenness for c in centrality.values()), default=0.0) or 1.0
    for iri in sorted(actors, key=lambda i: graph.nodes[i]["label"].casefold()):
        attrs = graph.nodes[iri]
        subtype = attrs.get("subtype", "")
        kind = kind_word(
            lang, subtype if subtype in ("theme_group", "steering_group") else attrs["kind"]
        )
        style = "group" if attrs["kind"] == "group" else attrs["kind"]
        node = base_node(graph, iri, lang, style, kind)
        c = centrality[iri]
        own = concerning.get(iri, [])
        problems = [message for _, message, accepted in own if not accepted]
        accepted = [message for _, message, accepted in own if accepted]
        defects = [f for f, _, a in own if not a and f.kind == "defect"]
        if defects:
            node.status = "error" if any(f.severity == "error" for f in defects) else "warning"
        elif problems:
            node.status = "info"  # only questions: the check asks, it does not say wrong
        elif attrs["kind"] == "group":
            node.status = "ok"
        else:
            node.status = "neutral"
        if attrs["kind"] == "group":
            depth[iri] = (
                0 if subtype == "steering_group" else (1 if subtype == "theme_group" else 2)
            )
        else:
            depth[iri] = 3
            if attrs.get("subtype") == "committee" or targets(graph, iri, "sub_organisation_of"):
                depth[iri] = 4
        node.size = 1.0 + 1.2 * c.betweenness / most
        node.details[1:1] = (
            [
                (text["columns"][0], str(c.degree)),
                (text["columns"][1], f"{c.betweenness:.3f}"),
                (text["columns"][2], str(c.activities)),
            ]
            + [("⚠", p) for p in problems]
            + [(text["accepted"], a) for a in accepted]
        )
        node.findings = [
            {"rule": f.rule, "severity": f.severity, "message": m, "fix": f.fix} for f, m, _ in own
        ]
        node.hover = hover(node.kind, node.label, *problems)
        nodes.append(node)
    present = {n.id for n in nodes}
    edges: list[Edge] = []
    for iri in present:
        for o in targets(graph, iri, "member"):
            if o in present and o not in targets(graph, iri, "convener"):
                edges.append(Edge(iri, o, "plain", text["member"]))
        for o in targets(graph, iri, "convener"):
            if o in present:
                edges.append(Edge(iri, o, "convener", text["convener"]))
        for o in targets(graph, iri, "reports_to"):
            if o in present:
                edges.append(Edge(iri, o, "reports", text["reports_to"]))
        for o in targets(graph, iri, "sub_organisation_of"):
            if o in present:
                edges.append(Edge(iri, o, "dashed", text["part_of"]))
    edges.sort(key=lambda e: (e.source, e.target, e.style))
    layout.layered(nodes, edges, depth, column_width=190.0, row_height=230.0, across=True)
    for node in nodes:
        node.x, node.y = node.y, node.x
    table = Matrix(
        caption=text["table"],
        corner=text["name"],
        columns=text["columns"],
        rows=[
            (
                graph.nodes[c.iri]["label"],
                [
                    Cell(c.degree, "covered", str(c.degree)),
                    Cell(None, "covered", f"{c.betweenness:.3f}"),
                    Cell(c.activities, "covered", str(c.activities)),
                    Cell(None, "covered", str(len(sources_of(graph, c.iri, "member")))),
                ],
            )
            for c in centrality.values()
        ],
        note=text["note"],
    )
    legend = (
        [
            ("municipality", kind_word(lang, "municipality")),
            ("organisation", kind_word(lang, "organisation")),
            ("ok", text["group_ok"]),
        ]
        + [
            (status, text[f"group_{status}"])
            for status in ("info", "warning", "error")
            if any(n.status == status for n in nodes)
        ]
        + [
            ("edge:convener", text["convener"]),
            ("edge:reports", text["reports_to"]),
            ("edge:plain", text["member"]),
            ("edge:dashed", text["part_of"]),
        ]
    )
    return View(
        name="organisations",
        lang=lang,
        title=text["title"],
        subtitle=subtitle(municipality, lang, as_of),
        intro=text["intro"],
        nodes=nodes,
        edges=edges,
        legend=legend,
        filters=[],
        matrices=[table],
    )
