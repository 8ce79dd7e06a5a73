"""The documents view: the document hierarchy and references, with periods, decisions and the
coherence findings that concern each document, coloured by their worst severity."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from samklang.network.build import Municipality, targets
from samklang.queries.finding import Finding
from samklang.queries.rule import SEVERITIES
from samklang.viz.views import layout
from samklang.viz.views.common import (
    base_node,
    hover,
    kind_word,
    short_period,
    subtitle,
    vocabulary_label,
    year_filter,
)
from samklang.viz.views.model import Cell, Edge, Filter, Matrix, Node, View
from samklang.viz.views.style import WORDS

if TYPE_CHECKING:
    import networkx as nx

TEXT: dict[str, dict[str, Any]] = {
    "sv": {
        "title": "Dokumenten: delar, hänvisningar, perioder och fynd",
        "intro": (
            "Varje ruta är ett dokument med sin period och om det är beslutat. Heldragna pilar "
            "visar vad ett dokument är en del av, streckade pilar vad det hänvisar till. Färgen "
            "visar det allvarligaste öppna fyndet från samklang check: rött fel, orange varning, "
            "blått en fråga eller info, grönt inga öppna fynd (ett godtaget fynd färgar inte). "
            "Klicka på ett dokument för att läsa fynden."
        ),
        "decided": "beslutad {date}",
        "not_decided": "⚠ ej beslutad",
        "part_of": "är en del av",
        "in_series": "ingår i serien",
        "references": "hänvisar till",
        "legal_basis": "stöds av lagen",
        "reports_on": "följer upp",
        "periods": "Dokumentens perioder",
        "in_force": "gäller",
        "document": "Dokument",
        "findings": "Fynd per dokument",
        "summary": (
            "{n} fynd per {as_of}: {errors} fel, {warnings} varningar, {infos} info, "
            "{questions} frågor, {accepted} godtagna."
        ),
        "questions": "frågor",
        "accepted": "godtagna",
        "accepted_one": "godtaget",
        "question_status": "Fynd: en öppen fråga eller info",
        "general": "Kommunen i stort",
        "period_note": "”gäller”: året ligger inom dokumentets period.",
        "severity_words": "fel,varning,info",
    },
    "en": {
        "title": "The documents: parts, references, periods and findings",
        "intro": (
            "Each box is a document with its period and whether it was decided. Solid arrows "
            "show what a document is part of, dashed arrows what it refers to. The colour shows "
            "the most severe open finding of samklang check: red error, orange warning, blue a "
            "question or info, green no open findings (an accepted finding does not colour). "
            "Click a document to read its findings."
        ),
        "decided": "decided {date}",
        "not_decided": "⚠ not decided",
        "part_of": "is part of",
        "in_series": "is in the series",
        "references": "refers to",
        "legal_basis": "rests on the law",
        "reports_on": "follows up",
        "periods": "The documents' periods",
        "in_force": "in force",
        "document": "Document",
        "findings": "Findings per document",
        "summary": (
            "{n} findings as of {as_of}: {errors} errors, {warnings} warnings, {infos} info, "
            "{questions} questions, {accepted} accepted."
        ),
        "questions": "questions",
        "accepted": "accepted",
        "accepted_one": "accepted",
        "question_status": "Finding: an open question or info",
        "general": "The municipality as a whole",
        "period_note": "“in force”: the year lies within the document's period.",
        "severity_words": "error,warning,info",
    },
}

REFERENCE_TYPES = frozenset({"lag", "foreskrift", "publikation", "strategi"})
"""Types drawn on the bottom row: works the plans rest on or cite."""


def documents_view(
    graph: nx.MultiDiGraph,
    municipality: Municipality | None,
    lang: str,
    as_of: date,
    findings: Sequence[Finding],
) -> View:
    """Build the documents view, attaching ``findings`` to the documents they concern."""
    text = TEXT[lang]
    words = WORDS[lang]
    flags = graph.graph["vocabulary"]["document_types"]
    documents = sorted(
        (i for i, a in graph.nodes(data=True) if a["kind"] in ("document", "series")),
        key=lambda i: graph.nodes[i]["label"].casefold(),
    )
    by_document = concerning(findings, set(documents))
    nodes: list[Node] = []
    for iri in documents:
        attrs = graph.nodes[iri]
        doc_type = attrs.get("type", "")
        style = (
            "series"
            if attrs["kind"] == "series"
            else ("law" if doc_type in ("lag", "foreskrift") else "document")
        )
        type_label = vocabulary_label(graph, doc_type, "type") if doc_type else ""
        kind = kind_word(lang, "series" if attrs["kind"] == "series" else "document")
        node = base_node(graph, iri, lang, style, f"{kind} ({type_label})" if type_label else kind)
        period = short_period(attrs)
        decision_line = ""
        if flags.get(doc_type, {}).get("requiresDecision") and attrs["kind"] == "document":
            decision = attrs.get("decision") or {}
            if decision.get("date") and decision.get("by"):
                decision_line = text["decided"].format(date=decision["date"])
            else:
                decision_line = text["not_decided"]
        node.label = "\n".join(p for p in (attrs["label"], period, decision_line) if p)
        own = by_document.get(iri, [])
        open_ = [f for f in own if not f.accepted]
        node.findings = [
            {
                "rule": f.rule,
                "severity": f.severity,
                "message": f.message,
                "fix": f.fix,
                **({"accepted": text["accepted_one"]} if f.accepted else {}),
            }
            for f in open_ + [f for f in own if f.accepted]
        ]
        node.status = status_of(open_) or ("neutral" if doc_type in REFERENCE_TYPES else "ok")
        node.years = list(attrs.get("period_years", []))
        node.facets = {"type": [doc_type]} if doc_type else {}
        node.facets["severity"] = sorted({f.severity for f in open_}) or ["none"]
        node.hover = hover(
            node.kind,
            attrs["label"],
            period,
            decision_line,
            *(f"{f.rule}: {f.message}" for f in open_[:3]),
        )
        nodes.append(node)

    present = {n.id for n in nodes}
    edges: list[Edge] = []
    for iri in documents:
        for relation, style in (
            ("part_of", "part"),
            ("in_series", "part"),
            ("references", "cites"),
            ("legal_basis", "basis"),
            ("reports_on", "reports"),
        ):
            for target in targets(graph, iri, relation):
                if target in present:
                    edges.append(Edge(iri, target, style, text[relation]))

    # rows: wholes above their parts, cited works at the bottom
    depth: dict[str, int] = {}
    for node in nodes:
        chain, current = 0, node.id
        seen = {current}
        while True:
            parents = [
                p
                for r in ("part_of", "in_series")
                for p in targets(graph, current, r)
                if p in present
            ]
            if not parents or parents[0] in seen:
                break
            current = parents[0]
            seen.add(current)
            chain += 1
        depth[node.id] = chain
    bottom = max(depth.values(), default=0) + 1
    for node in nodes:
        if graph.nodes[node.id].get("type") in REFERENCE_TYPES:
            depth[node.id] = bottom
        elif graph.nodes[node.id].get("type") == "trygghetsbokslut":
            depth[node.id] = max(depth[node.id], 1)
    layout.layered(nodes, edges, depth, column_width=170.0, row_height=250.0, across=True)
    for node in nodes:
        node.x, node.y = node.y, node.x

    years = sorted({y for n in nodes for y in n.years})
    types = sorted({t for n in nodes for t in n.facets.get("type", [])})
    severity_words = dict(zip(SEVERITIES[::-1], text["severity_words"].split(","), strict=True))
    filters = [
        year_filter(lang, years),
        Filter(
            "type",
            words["type"],
            [("", words["all"])] + [(t, vocabulary_label(graph, t, "type")) for t in types],
        ),
        Filter(
            "severity",
            words["severity"],
            [("", words["all"])]
            + [(s, severity_words[s]) for s in reversed(SEVERITIES)]
            + [("none", words["ok"])],
        ),
    ]
    dated = [n for n in nodes if n.years]
    matrices = []
    if dated and years:
        matrices.append(
            Matrix(
                caption=text["periods"],
                corner=text["document"],
                columns=[str(y) for y in years],
                rows=[
                    (
                        graph.nodes[n.id]["label"],
                        [
                            Cell(None, "covered", text["in_force"])
                            if y in n.years
                            else Cell(None, "na")
                            for y in years
                        ],
                    )
                    for n in sorted(dated, key=lambda n: (min(n.years), n.label))
                ],
                note=text["period_note"],
            )
        )
    with_findings = [n for n in nodes if n.findings]
    if with_findings:
        matrices.append(
            Matrix(
                caption=text["findings"],
                corner=text["document"],
                columns=[severity_words[s] for s in reversed(SEVERITIES)]
                + [text["questions"], text["accepted"]],
                rows=[
                    (
                        graph.nodes[n.id]["label"],
                        [
                            _count_cell(tally[s], s)
                            for tally in [_tally(by_document.get(n.id, []))]
                            for s in [*reversed(SEVERITIES), "questions", "accepted"]
                        ],
                    )
                    for n in with_findings
                ],
            )
        )
    counts = _tally(findings)
    notes = [
        text["summary"].format(
            n=len(findings),
            as_of=as_of.isoformat(),
            errors=counts["error"],
            warnings=counts["warning"],
            infos=counts["info"],
            questions=counts["questions"],
            accepted=counts["accepted"],
        )
    ]
    general = [f for f in findings if not any(f in v for v in by_document.values())]
    notes.extend(
        f"{text['general']}: {f.rule} – {f.message}"
        + (f" ({text['accepted_one']})" if f.accepted else "")
        for f in general
    )
    drawn = {n.status for n in nodes}
    legend = [
        *(
            (status, words[status] if status != "info" else text["question_status"])
            for status in ("error", "warning", "info", "ok")
            if status in drawn
        ),
        ("document", kind_word(lang, "document")),
        ("series", kind_word(lang, "series")),
        ("law", kind_word(lang, "law")),
        ("edge:part", text["part_of"]),
        ("edge:cites", text["references"]),
        ("edge:basis", text["legal_basis"]),
        ("edge:reports", text["reports_on"]),
    ]
    return View(
        name="documents",
        lang=lang,
        title=text["title"],
        subtitle=subtitle(municipality, lang, as_of),
        intro=text["intro"],
        nodes=nodes,
        edges=edges,
        legend=legend,
        filters=filters,
        matrices=matrices,
        notes=notes,
    )


def concerning(findings: Sequence[Finding], documents: set[str]) -> dict[str, list[Finding]]:
    """The findings that concern each document, as ``check`` groups them: a finding concerns
    the documents among its focus and its items' foci (a grouped finding's focus is the
    document its items belong to), else the document it names; each finding once per
    document, accepted ones too (they are shown as accepted, not as open)."""
    found: dict[str, list[Finding]] = {}
    for finding in findings:
        targets_ = [i for i in dict.fromkeys((finding.focus, *finding.foci)) if i in documents]
        if not targets_ and finding.document in documents:
            targets_ = [finding.document]
        for target in targets_:
            found.setdefault(target, []).append(finding)
    return found


def status_of(open_findings: Sequence[Finding]) -> str:
    """The colour of what ``open_findings`` concern: the worst severity of its open defects,
    ``info`` when only questions are open, ``""`` when nothing is."""
    defects = [f for f in open_findings if f.kind == "defect"]
    if defects:
        return max((f.severity for f in defects), key=SEVERITIES.index)
    return "info" if open_findings else ""


def _tally(findings: Sequence[Finding]) -> dict[str, int]:
    """Counts as ``check`` makes them: open defects per severity, open questions, accepted."""
    counts = dict.fromkeys([*SEVERITIES, "questions", "accepted"], 0)
    for f in findings:
        if f.accepted:
            counts["accepted"] += 1
        elif f.kind == "question":
            counts["questions"] += 1
        else:
            counts[f.severity] += 1
    return counts


def _count_cell(count: int, severity: str) -> Cell:
    if not count:
        return Cell(None, "na")
    return Cell(count, "none" if severity == "error" else "covered", str(count))
