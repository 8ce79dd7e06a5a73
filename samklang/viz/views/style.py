"""How the views look and speak: colours, shapes, and the words of the page in Swedish and English.

Colours follow the Okabe–Ito palette, which stays distinguishable for colour-blind readers;
shapes tell node kinds apart, and a gap is also marked by a dashed border and a ⚠ in the
label, so nothing rests on colour alone.
"""

from __future__ import annotations

from typing import Any

VERMILION = "#D55E00"
ORANGE = "#E69F00"
GREEN = "#009E73"
BLUE = "#0072B2"
SKY = "#56B4E9"
PURPLE = "#CC79A7"
GREY = "#9E9E9E"

STATUS_COLOURS: dict[str, str] = {
    "covered": GREEN,
    "partial": ORANGE,
    "none": VERMILION,
    "broken": VERMILION,
    "neutral": GREY,
    "error": VERMILION,
    "warning": ORANGE,
    "info": SKY,
    "ok": GREEN,
    "accepted": PURPLE,
}
"""Fill colour by node status."""

GAP_STATUSES = frozenset({"none", "broken", "error"})
"""Statuses drawn with a dashed border and a ⚠ before the label."""

STYLES: dict[str, dict[str, Any]] = {
    # coverage and chain
    "domain": {"shape": "hexagon", "size": 30},
    "factor": {"shape": "diamond", "size": 16},
    "goal_area": {"shape": "star", "size": 26},
    "goal": {"shape": "star", "size": 20},
    "focus_area": {"shape": "star", "size": 20},
    "problem": {"shape": "triangle", "size": 18},
    "activity-social": {"shape": "dot", "size": 12, "color": BLUE},
    "activity-situationell": {"shape": "square", "size": 11, "color": SKY},
    "activity-other": {"shape": "dot", "size": 11, "color": GREY},
    "activity-chain": {"shape": "dot", "size": 13},
    "follow_up": {"shape": "triangleDown", "size": 12},
    "missing": {"shape": "box", "color": VERMILION, "font": "#FFFFFF"},
    "missing-asked": {"shape": "box", "color": SKY},
    "missing-accepted": {"shape": "box", "color": PURPLE},
    # documents
    "document": {"shape": "box"},
    "series": {"shape": "database"},
    "law": {"shape": "box", "color": "#EEEEEE"},
    # organisations
    "municipality": {"shape": "hexagon", "size": 26, "color": BLUE},
    "organisation": {"shape": "dot", "size": 16, "color": SKY},
    "group": {"shape": "box"},
    # national
    "municipality-score": {"shape": "dot", "size": 10},
    "domain-hub": {"shape": "hexagon", "size": 30, "color": "#FFFFFF"},
}
"""Node looks by style key: vis-network shape, size, and a fixed colour where status does not
set one."""

EDGE_STYLES: dict[str, dict[str, Any]] = {
    "plain": {"color": "#8A8A8A"},
    "thin": {"color": "#BBBBBB"},
    "strong": {"color": "#444444", "width": 2},
    "dashed": {"color": "#8A8A8A", "dashes": True},
    "broken": {"color": VERMILION, "dashes": True, "width": 2},
    "asked": {"color": SKY, "dashes": True, "width": 2},
    "accepted": {"color": PURPLE, "dashes": True, "width": 2},
    "convener": {"color": ORANGE, "width": 3},
    "reports": {"color": BLUE, "width": 2, "arrows": "to"},
    "part": {"color": "#444444", "width": 2, "arrows": "to"},
    "cites": {"color": "#9E9E9E", "dashes": True, "arrows": "to"},
    "basis": {"color": PURPLE, "dashes": [2, 4], "arrows": "to"},
    "coverage": {"color": GREEN},
}
"""Edge looks by style key."""

WORDS: dict[str, dict[str, str]] = {
    "sv": {
        "all": "alla",
        "year": "År",
        "document": "Dokument",
        "domain": "Domän",
        "kind": "Slag av aktivitet",
        "severity": "Allvar",
        "county": "Län",
        "page": "Sida",
        "type": "Dokumenttyp",
        "search": "Sök",
        "search_placeholder": "Sök på namn …",
        "broken_only": "Visa bara brutna trådar",
        "legend": "Teckenförklaring",
        "details": "Detaljer",
        "details_hint": "Klicka på en nod för att se vad den är och var uppgiften kommer ifrån.",
        "sources": "Källa",
        "no_sources": "Ingen källa angiven.",
        "findings": "Fynd",
        "fix": "Åtgärd",
        "lines": "rad",
        "shown": "Visar {nodes} av {total} noder och {edges} av {total_edges} kopplingar.",
        "matches": "{n} träffar",
        "no_matches": "Inga träffar",
        "back": "← Tillbaka till hela landet",
        "drill_hint": "Klicka på en kommun för att se dess täckning.",
        "tables": "Täckning i tabellform",
        "graph": "Graf",
        "social": "social",
        "situationell": "situationell",
        "unspecified": "ej angivet",
        "na": "–",
        "gap_mark": "saknas",
        "generated": "Skapad av samklang",
        "covered": "Har aktivitet varje år",
        "partial": "Har aktivitet vissa år men inte alla",
        "none": "Saknar aktivitet",
        "neutral": "Inte prioriterat / ingen period att täcka",
        "broken": "Bruten länk i den röda tråden",
        "error": "Fynd: fel",
        "warning": "Fynd: varning",
        "info": "Fynd: info",
        "ok": "Inga fynd",
        "relevant": "Ska ha aktivitet",
        "has_activity": "Har aktivitet",
        "missing_years": "Saknar aktivitet",
        "year_all": "alla år",
    },
    "en": {
        "all": "all",
        "year": "Year",
        "document": "Document",
        "domain": "Domain",
        "kind": "Kind of activity",
        "severity": "Severity",
        "county": "County",
        "page": "Page",
        "type": "Document type",
        "search": "Search",
        "search_placeholder": "Search by name …",
        "broken_only": "Show broken threads only",
        "legend": "Legend",
        "details": "Details",
        "details_hint": "Click a node to see what it is and where the fact came from.",
        "sources": "Source",
        "no_sources": "No source given.",
        "findings": "Findings",
        "fix": "Fix",
        "lines": "line",
        "shown": "Showing {nodes} of {total} nodes and {edges} of {total_edges} links.",
        "matches": "{n} matches",
        "no_matches": "No matches",
        "back": "← Back to the whole country",
        "drill_hint": "Click a municipality to see its coverage.",
        "tables": "Coverage as tables",
        "graph": "Graph",
        "social": "social",
        "situationell": "situational",
        "unspecified": "not given",
        "na": "–",
        "gap_mark": "missing",
        "generated": "Made by samklang",
        "covered": "Has activity every year",
        "partial": "Has activity in some years but not all",
        "none": "Has no activity",
        "neutral": "Not prioritised / no period to cover",
        "broken": "Broken link in the red thread",
        "error": "Finding: error",
        "warning": "Finding: warning",
        "info": "Finding: info",
        "ok": "No findings",
        "relevant": "Should have activity",
        "has_activity": "Has activity",
        "missing_years": "Missing activity",
        "year_all": "all years",
    },
}
"""The page's own words; data labels stay in the language they were written in."""

KIND_WORDS: dict[str, dict[str, str]] = {
    "sv": {
        "domain": "Domän",
        "factor-risk": "Riskfaktor",
        "factor-protective": "Skyddsfaktor",
        "factor": "Faktor",
        "goal_area": "Målområde",
        "goal": "Mål",
        "focus_area": "Prioriterat område / löfte",
        "problem": "Problem",
        "problem-prioritised": "Prioriterat problem",
        "activity": "Aktivitet",
        "follow_up": "Uppföljning",
        "document": "Dokument",
        "series": "Dokumentserie",
        "law": "Lag eller föreskrift",
        "municipality": "Kommun",
        "organisation": "Organisation",
        "group": "Grupp",
        "theme_group": "Temagrupp",
        "steering_group": "Styrgrupp",
        "missing": "Saknad länk",
        "missing-asked": "Länk som kontrollen frågar om",
        "missing-accepted": "Saknad länk, fyndet godtaget",
    },
    "en": {
        "domain": "Domain",
        "factor-risk": "Risk factor",
        "factor-protective": "Protective factor",
        "factor": "Factor",
        "goal_area": "Goal area",
        "goal": "Goal",
        "focus_area": "Focus area / promise",
        "problem": "Problem",
        "problem-prioritised": "Prioritised problem",
        "activity": "Activity",
        "follow_up": "Follow-up",
        "document": "Document",
        "series": "Document series",
        "law": "Law or regulation",
        "municipality": "Municipality",
        "organisation": "Organisation",
        "group": "Group",
        "theme_group": "Theme group",
        "steering_group": "Steering group",
        "missing": "Missing link",
        "missing-asked": "Link the check asks about",
        "missing-accepted": "Missing link, finding accepted",
    },
}
"""Node kinds in words."""


def years_text(years: list[int]) -> str:
    """``[2020, 2021, 2022]`` as ``2020–2022``; gaps as a list."""
    if not years:
        return ""
    years = sorted(years)
    if len(years) > 1 and years == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}–{years[-1]}"
    return ", ".join(str(y) for y in years)


def coverage_status(relevant: list[int], covered: list[int]) -> str:
    """``covered`` (activity every relevant year), ``partial``, ``none`` or ``neutral``."""
    if not relevant:
        return "covered" if covered else "none"
    hit = set(relevant) & set(covered)
    if hit == set(relevant):
        return "covered"
    return "partial" if hit else "none"
