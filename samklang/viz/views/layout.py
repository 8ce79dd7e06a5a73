"""Starting positions for the views, computed with networkx (no numpy needed).

A layered layout puts each kind of node in its own column (goals | activities | factors |
domains) and orders every column by the mean position of its neighbours (the barycentre
heuristic, a few sweeps each way), which removes most edge crossings. A ring layout places
many similar nodes (municipalities) evenly around their hubs (domains).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from samklang.viz.views.model import Edge, Node

COLUMN_WIDTH = 330.0
ROW_HEIGHT = 78.0


def layered(
    nodes: Sequence[Node],
    edges: Sequence[Edge],
    column_of: dict[str, int],
    *,
    sweeps: int = 6,
    column_width: float = COLUMN_WIDTH,
    row_height: float = ROW_HEIGHT,
) -> None:
    """Give every node in ``column_of`` an x by its column and a y by its order in it.

    Columns are centred vertically on 0. Nodes not in ``column_of`` are left unplaced.
    """
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(column_of)
    graph.add_edges_from(
        (e.source, e.target) for e in edges if e.source in column_of and e.target in column_of
    )
    columns: dict[int, list[str]] = {}
    labels = {n.id: n.label for n in nodes}
    for node in nodes:
        if node.id in column_of:
            columns.setdefault(column_of[node.id], []).append(node.id)
    order = sorted(columns)
    for column in order:
        columns[column].sort(key=lambda i: labels[i].casefold())
    position = {i: float(k) for c in order for k, i in enumerate(columns[c])}

    def sweep(sequence: list[int]) -> None:
        for column in sequence:
            members = columns[column]

            def centre(i: str, members: list[str] = members) -> float:
                around = [position[j] for j in graph.neighbors(i) if column_of[j] != column_of[i]]
                return sum(around) / len(around) if around else position[i]

            members.sort(key=lambda i: (centre(i), position[i]))
            for k, i in enumerate(members):
                position[i] = float(k)

    for _ in range(sweeps):
        sweep(order[1:])
        sweep(list(reversed(order[:-1])))
    tallest = max((len(m) for m in columns.values()), default=1)
    by_id = {n.id: n for n in nodes}
    for column in order:
        members = columns[column]
        spacing = row_height * max(1.0, min(2.5, tallest / max(len(members), 1)))
        top = -spacing * (len(members) - 1) / 2
        for k, i in enumerate(members):
            by_id[i].x = column * column_width
            by_id[i].y = top + k * spacing


def ring(nodes: Sequence[Node], hubs: Sequence[Node], *, spacing: float = 34.0) -> None:
    """Place ``hubs`` on a small circle in the middle and ``nodes`` evenly on a ring round them."""
    radius = max(300.0, spacing * len(nodes) / (2 * math.pi))
    for k, node in enumerate(nodes):
        angle = 2 * math.pi * k / max(len(nodes), 1)
        node.x, node.y = radius * math.cos(angle), radius * math.sin(angle)
    inner = radius * 0.35
    for k, hub in enumerate(hubs):
        angle = 2 * math.pi * k / max(len(hubs), 1) - math.pi / 2
        hub.x, hub.y = inner * math.cos(angle), inner * math.sin(angle)
