"""What a view is: nodes, edges, a legend, filters and coverage tables, ready to be drawn.

A view is plain data. :mod:`samklang.viz.visualise` turns it into one self-contained HTML
page; tests read it to know what the page must draw.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, is_dataclass
from typing import Any


@dataclass
class Node:
    """One node to draw.

    Attributes:
        id: its IRI (or a synthetic id for a placeholder such as "no goal").
        label: the text under it.
        style: the key of its look in :data:`samklang.viz.views.style.STYLES`.
        kind: what it is, in words ("Aktivitet (social)").
        status: its state, which sets its colour: ``covered``, ``partial``, ``none``,
            ``neutral``, ``broken``, ``error``, ``warning``, ``info`` or ``ok``.
        hover: a short plain-text description shown on hover.
        details: rows (heading, text) for the details panel.
        sources: where the facts came from: title, and file, lines or url if known.
        findings: coherence findings about it: rule, severity, message, fix.
        years: the years it belongs to, for the year filter (empty: every year).
        relevant: the years it should have activity in, for coverage colouring.
        covered: the years it has activity in.
        gap: the status to show when a chosen year has no activity (``none``, or ``neutral``
            for what need not be covered); empty when coverage does not colour the node.
        facets: filter values by filter name, e.g. ``{"document": [...], "domain": [...]}``.
        x: horizontal position (pixels), or ``None`` to let the physics place it.
        y: vertical position (pixels).
        size: relative size (1 is normal).
        level: its column in a layered layout (0 on the left, or the top for a view laid out
            top down), for vis-network's hierarchical layout; ``None`` when not layered.
        caption: the label as drawn: wrapped to short lines, a long one shortened with "…"
            (set by the layout; the full label stays in the hover text and the details).
    """

    id: str
    label: str
    style: str
    kind: str
    status: str = "neutral"
    hover: str = ""
    details: list[tuple[str, str]] = field(default_factory=list)
    sources: list[dict[str, str]] = field(default_factory=list)
    findings: list[dict[str, str]] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    relevant: list[int] = field(default_factory=list)
    covered: list[int] = field(default_factory=list)
    gap: str = ""
    facets: dict[str, list[str]] = field(default_factory=dict)
    x: float | None = None
    y: float | None = None
    size: float = 1.0
    level: int | None = None
    caption: str = ""


@dataclass
class Edge:
    """One edge to draw, from ``source`` to ``target``.

    Attributes:
        source: id of the node it starts at.
        target: id of the node it ends at.
        style: the key of its look in :data:`samklang.viz.views.style.EDGE_STYLES`.
        label: what the relation is, in words (shown on hover).
        width: relative width (1 is normal), e.g. a count of activities.
    """

    source: str
    target: str
    style: str
    label: str = ""
    width: float = 1.0


@dataclass
class Cell:
    """One cell of a coverage table.

    Attributes:
        count: the number of activities, or ``None`` where the year does not apply.
        state: ``covered``, ``none`` (a gap: no activity in a year that should have one) or
            ``na`` (the year lies outside the period).
        text: words to show instead of the count (e.g. "gäller"), if any.
    """

    count: int | None
    state: str
    text: str = ""


@dataclass
class Matrix:
    """A coverage table: rows (domains, goals …) × columns (years), counts of activities.

    Attributes:
        caption: what the table shows.
        corner: the heading of the row headings' column.
        columns: the column headings.
        rows: (row heading, cells), one cell per column.
        totals: the bottom row (activities per column), or empty for none.
        totals_label: the heading of the bottom row.
        note: a sentence under the table that explains the marks.
    """

    caption: str
    corner: str
    columns: list[str]
    rows: list[tuple[str, list[Cell]]]
    totals: list[int] = field(default_factory=list)
    totals_label: str = ""
    note: str = ""


@dataclass
class Filter:
    """A drop-down filter above the graph.

    Attributes:
        name: the facet it filters on (``year``, ``document``, ``domain``, ``kind`` …).
        label: its heading.
        options: (value, text) pairs; an empty value means "all".
    """

    name: str
    label: str
    options: list[tuple[str, str]]


@dataclass
class View:
    """Everything one page draws.

    Attributes:
        name: the view (``coverage``, ``documents``, ``chain``, ``organisations``,
            ``national``).
        lang: the language of its words.
        title: the page heading.
        subtitle: a line under it (municipality, period, reference date).
        intro: one or two sentences on how to read the picture.
        nodes: the nodes.
        edges: the edges.
        legend: (style or status key, text) pairs.
        filters: the drop-down filters.
        matrices: coverage tables beside the graph.
        physics: let the force layout move nodes until stable (otherwise positions are fixed).
        columns: headings drawn above columns of a layered layout: (x, text).
        drilldown: for an aggregated view, the sub-view of each aggregate by id.
        notes: sentences shown under the tables (e.g. the number of findings).
        pages: for a view too long to draw at once, its pages (each a part of its nodes, laid
            out by itself; see :mod:`samklang.viz.views.pages`); empty: one drawing.
    """

    name: str
    lang: str
    title: str
    subtitle: str
    intro: str
    nodes: list[Node]
    edges: list[Edge]
    legend: list[tuple[str, str]]
    filters: list[Filter] = field(default_factory=list)
    matrices: list[Matrix] = field(default_factory=list)
    physics: bool = False
    columns: list[tuple[float, str]] = field(default_factory=list)
    drilldown: dict[str, View] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    pages: list[View] = field(default_factory=list)

    def to_pyvis(self, **options: Any) -> Any:
        """The view as a ``pyvis.network.Network`` (see :mod:`samklang.viz.views.pyvis_network`);
        ``options`` takes ``height``, ``width`` and ``hierarchical``. Imports pyvis."""
        from samklang.viz.views.pyvis_network import to_pyvis

        return to_pyvis(self, **options)

    def data(self) -> dict[str, Any]:
        """The view as JSON-ready data for the page (drill-downs and pages left out: they go
        apart)."""
        return {
            f.name: _plain(getattr(self, f.name))
            for f in fields(self)
            if f.name not in ("drilldown", "pages")
        }


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
