"""Pieces every view needs: a node's details and hover text, document ancestry, filters."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from samklang.network.build import Municipality, label_of, targets
from samklang.viz.views.model import Filter, Node
from samklang.viz.views.style import KIND_WORDS, WORDS, years_text

if TYPE_CHECKING:
    import networkx as nx

DETAIL_WORDS = {
    "sv": {
        "kind": "Slag",
        "years": "År",
        "period": "Period",
        "description": "Beskrivning",
        "note": "Anteckning",
        "purpose": "Syfte",
        "status": "Status",
        "activity_kind": "Slag av aktivitet",
        "responsible": "Ansvarig",
        "planned_in": "Planerad i",
        "stated_in": "Står i",
        "identified_in": "Identifierat i",
        "prioritised": "Prioriterat",
        "decision": "Beslut",
        "not_decided": "inget beslut registrerat",
        "empty_fields": "Tomma fält i dokumentet",
        "handlaggare": "Handläggare",
        "reviewed_by": "Granskad av",
        "outcome": "Utfall",
        "report_year": "Redovisningsår",
        "type": "Dokumenttyp",
        "coverage": "Täckning",
        "yes": "ja",
        "no": "nej",
        "iri": "IRI",
        "municipality": "Kommun",
        "abbreviation": "Förkortning",
    },
    "en": {
        "kind": "Kind",
        "years": "Years",
        "period": "Period",
        "description": "Description",
        "note": "Note",
        "purpose": "Purpose",
        "status": "Status",
        "activity_kind": "Kind of activity",
        "responsible": "Responsible",
        "planned_in": "Planned in",
        "stated_in": "Stated in",
        "identified_in": "Identified in",
        "prioritised": "Prioritised",
        "decision": "Decision",
        "not_decided": "no decision recorded",
        "empty_fields": "Empty fields in the document",
        "handlaggare": "Case officer",
        "reviewed_by": "Reviewed by",
        "outcome": "Outcome",
        "report_year": "Report year",
        "type": "Document type",
        "coverage": "Coverage",
        "yes": "yes",
        "no": "no",
        "iri": "IRI",
        "municipality": "Municipality",
        "abbreviation": "Abbreviation",
    },
}


def period_text(attrs: dict[str, Any]) -> str:
    """A document's period as ``2020-01-01 – 2023-12-31``, or its years."""
    period = attrs.get("period") or {}
    if "start" in period or "end" in period:
        return f"{period.get('start', '?')} – {period.get('end', '?')}"
    return years_text(attrs.get("period_years", []))


def short_period(attrs: dict[str, Any]) -> str:
    """A document's period as years: ``2020–2023``."""
    return years_text(attrs.get("period_years", []))


def vocabulary_label(graph: nx.MultiDiGraph, local_or_iri: str, scheme: str) -> str:
    """The label of a status, kind or document type given its local id."""
    base = {
        "status": "https://w3id.org/samklang/vocab/status/",
        "kind": "https://w3id.org/samklang/vocab/activity-kind/",
        "type": "https://w3id.org/samklang/vocab/document-type/",
    }[scheme]
    iri = local_or_iri if local_or_iri.startswith("http") else base + local_or_iri
    return str(graph.graph["vocabulary"]["labels"].get(iri, local_or_iri))


def kind_word(lang: str, key: str) -> str:
    """A node kind in words."""
    return KIND_WORDS[lang].get(key, key)


def details(graph: nx.MultiDiGraph, iri: str, lang: str, kind: str) -> list[tuple[str, str]]:
    """The rows of the details panel for a node of the planning graph."""
    words = DETAIL_WORDS[lang]
    attrs = graph.nodes[iri]
    rows: list[tuple[str, str]] = [(words["kind"], kind)]
    if attrs.get("years"):
        rows.append((words["years"], years_text(attrs["years"])))
    if attrs.get("period") or attrs.get("period_years"):
        rows.append((words["period"], period_text(attrs)))
    if "type" in attrs and attrs["kind"] == "document":
        rows.append((words["type"], vocabulary_label(graph, attrs["type"], "type")))
    if "activity_kind" in attrs:
        rows.append(
            (words["activity_kind"], vocabulary_label(graph, attrs["activity_kind"], "kind"))
        )
    if "status" in attrs:
        rows.append((words["status"], vocabulary_label(graph, attrs["status"], "status")))
    if "prioritised" in attrs:
        rows.append((words["prioritised"], words["yes"] if attrs["prioritised"] else words["no"]))
    if "report_year" in attrs:
        rows.append((words["report_year"], str(attrs["report_year"])))
    if "abbreviation" in attrs:
        rows.append((words["abbreviation"], attrs["abbreviation"]))
    for relation, word in (
        ("responsible", "responsible"),
        ("planned_in", "planned_in"),
        ("stated_in", "stated_in"),
        ("identified_in", "identified_in"),
    ):
        linked = targets(graph, iri, relation)
        if linked:
            rows.append((words[word], "; ".join(label_of(graph, o) for o in linked)))
    if attrs["kind"] == "document" and attrs.get("type") not in (None, "lag", "publikation"):
        decision = attrs.get("decision")
        if decision and (decision.get("by") or decision.get("date")):
            bodies = ", ".join(label_of(graph, b) for b in decision.get("by", []))
            rows.append(
                (words["decision"], " ".join(p for p in (bodies, decision.get("date")) if p))
            )
        else:
            rows.append((words["decision"], words["not_decided"]))
    for key in ("handlaggare", "reviewed_by"):
        if key in attrs:
            rows.append((words[key], attrs[key]))
    if attrs.get("empty_fields"):
        rows.append((words["empty_fields"], ", ".join(sorted(set(attrs["empty_fields"])))))
    for key in ("purpose", "description", "outcome", "note"):
        if key in attrs:
            rows.append((words[key], attrs[key]))
    rows.append((words["iri"], iri))
    return rows


def hover(kind: str, label: str, *lines: str, limit: int = 180) -> str:
    """Plain hover text: kind, name, then short lines (each cut at ``limit`` characters)."""
    out = [f"{kind}: {label}"]
    for line in lines:
        if line:
            out.append(line if len(line) <= limit else line[: limit - 1].rstrip() + "…")
    return "\n".join(out)


def coverage_line(lang: str, relevant: list[int], covered: list[int]) -> str:
    """``Har aktivitet: 2024, 2025 · Saknar aktivitet: 2026``."""
    words = WORDS[lang]
    parts = []
    if covered:
        parts.append(f"{words['has_activity']}: {years_text(covered)}")
    missing = sorted(set(relevant) - set(covered))
    if missing:
        parts.append(f"{words['missing_years']}: {years_text(missing)}")
    if not covered and not relevant:
        parts.append(words["none"])
    return " · ".join(parts)


def ancestors(graph: nx.MultiDiGraph, document: str) -> list[str]:
    """``document`` and every document it is part of, transitively."""
    seen = [document]
    for current in seen:
        for parent in targets(graph, current, "part_of"):
            if parent not in seen:
                seen.append(parent)
    return seen


def base_node(graph: nx.MultiDiGraph, iri: str, lang: str, style: str, kind: str) -> Node:
    """A node for ``iri`` with its label, details and sources filled in."""
    attrs = graph.nodes[iri]
    return Node(
        id=iri,
        label=attrs["label"],
        style=style,
        kind=kind,
        details=details(graph, iri, lang, kind)
        if attrs["kind"] not in ("domain", "factor")
        else [
            (DETAIL_WORDS[lang]["kind"], kind),
            (DETAIL_WORDS[lang]["iri"], iri),
        ],
        sources=list(attrs.get("sources", [])),
    )


def year_filter(lang: str, years: list[int]) -> Filter:
    """The year filter."""
    words = WORDS[lang]
    return Filter(
        "year", words["year"], [("", words["year_all"])] + [(str(y), str(y)) for y in years]
    )


def subtitle(municipality: Municipality | None, lang: str, as_of: date, *extra: str) -> str:
    """``Exempelstad kommun (9990) · … · per 2025-06-01``."""
    head = f"{municipality.name} ({municipality.code})" if municipality else ""
    when = ("per " if lang == "sv" else "as of ") + as_of.isoformat()
    return " · ".join(p for p in (head, *extra, when) if p)


def activities_of(graph: nx.MultiDiGraph) -> list[str]:
    """Every activity, by label."""
    return sorted(
        (i for i, a in graph.nodes(data=True) if a["kind"] == "activity"),
        key=lambda i: (graph.nodes[i]["label"].casefold(), i),
    )


def plan_years(graph: nx.MultiDiGraph) -> list[int]:
    """The years activities should cover: those of documents of an activity-plan type (every
    activity year when there is none)."""
    flags = graph.graph["vocabulary"]["document_types"]
    years: set[int] = set()
    for _, attrs in graph.nodes(data=True):
        if attrs["kind"] == "document" and flags.get(attrs.get("type", ""), {}).get("activityPlan"):
            years.update(attrs.get("period_years", []))
    if not years:
        for _, attrs in graph.nodes(data=True):
            if attrs["kind"] == "activity":
                years.update(attrs.get("years", []))
    return sorted(years)


def stated_years(graph: nx.MultiDiGraph, iri: str) -> list[int]:
    """The period years of the documents stating an objective."""
    years: set[int] = set(graph.nodes[iri].get("period_years", []))
    for document in targets(graph, iri, "stated_in"):
        years.update(graph.nodes[document].get("period_years", []))
    return sorted(years)
