"""Starting positions for the views, computed with networkx (no numpy needed).

A layered layout puts each kind of node in its own column (goals | activities | factors |
domains) and orders every column by the mean position of its neighbours (the barycentre
heuristic, a few sweeps each way), which removes most edge crossings. A grid layout places
many similar nodes (municipalities) in rows under their hubs (domains).

Every node placed gets its :attr:`~samklang.viz.views.model.Node.caption`: the label wrapped
to lines of at most :data:`LINE_CHARS` characters, at most :data:`MAX_LINES` of them (a longer
label ends in "…"; the full one is in the hover text and the details panel). The layout knows
each node's box (shape and caption, as vis-network draws it with a 14 px font) and spaces the
nodes of a column so that no two boxes meet.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from samklang.viz.views.model import Edge, Node
from samklang.viz.views.style import STYLES

COLUMN_WIDTH = 330.0
ROW_HEIGHT = 78.0
LINE_CHARS = 22
"""Characters on a line of a caption (22 of the 14 px font stay under the 200 px a label may
take)."""
MAX_LINES = 3
LINE_HEIGHT = 18.0
"""Height of a caption line, canvas pixels (a little more than vis-network's 14 px line)."""
CHAR_WIDTH = 8.6
"""Width of a character of the 14 px font, at most on average over a line."""
GAP = 18.0
"""Empty space kept between two nodes' boxes."""


def caption(label: str, *, width: int = LINE_CHARS, lines: int = MAX_LINES) -> str:
    """``label`` wrapped at spaces to lines of at most ``width`` characters (a longer word
    split), at most ``lines`` of them; a label that does not fit ends in "…"."""
    words: list[str] = []
    for word in label.split():
        while len(word) > width:
            words.append(word[: width - 1] + "-")
            word = word[width - 1 :]
        words.append(word)
    out: list[str] = []
    for word in words:
        if out and len(out[-1]) + 1 + len(word) <= width:
            out[-1] += " " + word
        else:
            out.append(word)
    if len(out) > lines:
        last = out[lines - 1]
        out = out[: lines - 1] + [(last if len(last) < width else last[: width - 1]) + "…"]
    return "\n".join(out)


def extent(node: Node) -> tuple[float, float]:
    """Width and height of ``node``'s box as drawn (shape and caption), canvas pixels."""
    text = node.caption or caption(node.label)
    lines = text.split("\n")
    text_width = (max(len(line) for line in lines) + 2) * CHAR_WIDTH  # and a ⚠ on a gap
    text_height = len(lines) * LINE_HEIGHT
    style = STYLES.get(node.style, {})
    if style.get("shape") in ("box", "database"):  # the caption inside
        return text_width + 12, text_height + 12 + (10 if style.get("shape") == "database" else 0)
    size = 2 * style.get("size", 14) * node.size
    return max(size, text_width), size + 6 + text_height


def layered(
    nodes: Sequence[Node],
    edges: Sequence[Edge],
    column_of: dict[str, int],
    *,
    sweeps: int = 6,
    column_width: float = COLUMN_WIDTH,
    row_height: float = ROW_HEIGHT,
    across: bool = False,
) -> None:
    """Give every node in ``column_of`` an x by its column and a y by its order in it.

    Columns start at the same top, the tallest one's, the drawing centred vertically on 0: a
    short column beside a long one stands at the top, by its heading, not halfway down an
    empty panel. Nodes not in ``column_of`` are left unplaced. The rows of a column are at
    least ``row_height`` apart, and far enough apart that the boxes of two neighbours do not
    meet; ``across`` lays the columns out as rows (the caller swaps x and y), so a row's pitch
    comes from the boxes' widths instead, and centres each row on 0 (a tree drawn top down).
    """
    import networkx as nx

    for node in nodes:
        node.caption = caption(node.label)

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
    by_id = {n.id: n for n in nodes}
    pitch = {
        column: max(
            [row_height] + [extent(by_id[i])[0 if across else 1] + GAP for i in columns[column]]
        )
        for column in order
    }
    tallest = max((pitch[c] * (len(columns[c]) - 1) for c in order), default=0.0)
    for column in order:
        members = columns[column]
        spacing = pitch[column]
        if len(members) > 1:
            spacing = max(spacing, min(2.5 * spacing, tallest / (len(members) - 1)))
        top = -spacing * (len(members) - 1) / 2 if across else -tallest / 2
        for k, i in enumerate(members):
            by_id[i].x = column * column_width
            by_id[i].y = top + k * spacing
            by_id[i].level = column


def grid(
    nodes: Sequence[Node],
    hubs: Sequence[Node],
    *,
    most_columns: int = 6,
    cell_width: float = 230.0,
) -> None:
    """Place ``nodes`` in a grid in their order, row by row (at most ``most_columns`` wide,
    fewer for few nodes), and ``hubs`` in a row above it; every cell as large as the largest
    box and a gap, so no two boxes meet. Six columns of 230 stay under a 1366 px window's
    panel at scale 0.8; with more columns than hubs, their counts differ in parity, so each hub
    stands between two columns and no link runs straight down through a column's labels."""
    for node in (*nodes, *hubs):
        node.caption = caption(node.label)
    count = len(nodes)
    columns = max(1, min(most_columns, math.ceil(math.sqrt(2 * count))))
    if columns > len(hubs) and columns % 2 == len(hubs) % 2:
        columns -= 1  # the hubs stand between two columns: no link runs down a column
    width = max([cell_width] + [extent(n)[0] + GAP for n in (*nodes, *hubs)])
    height = max([ROW_HEIGHT] + [extent(n)[1] + GAP for n in nodes])
    for k, node in enumerate(nodes):
        row, column = divmod(k, columns)
        node.x = (column - (columns - 1) / 2) * width
        node.y = row * height
        node.level = row + 1
    hub_height = max([ROW_HEIGHT] + [extent(n)[1] for n in hubs])
    for k, hub in enumerate(hubs):
        hub.x = (k - (len(hubs) - 1) / 2) * width
        hub.y = -hub_height - 3 * GAP
        hub.level = 0
