"""A view as a :class:`pyvis.network.Network`, for a researcher in Jupyter to show or restyle.

:func:`to_pyvis` gives the view's nodes and edges the looks the page gives them (shape, size,
fill by status, a dashed border and a ⚠ for a gap, fixed positions of a layered layout) and
sets them on the network directly: pyvis's ``add_edge`` looks every edge up in a list of the
edges already added, which grows quadratically. pyvis (and the IPython it pulls in) is
imported here only, when a network is asked for, so the quick commands never load it.

The network renders through samklang's own template, not pyvis's (pyvis 0.3.2's links
Bootstrap and vis-network from a CDN in every ``cdn_resources`` mode and prints the heading
as HTML): :func:`use_template` sets the network's template environment and file to
samklang's (``samklang/viz/templates/``, Jinja2 with autoescape), the one mechanism for both
pages. :func:`to_pyvis` sets ``network.html.j2``, which draws the network's own nodes, edges
and options (so a restyled network shows restyled) with vis-network vendored inline, no CDN
or Bootstrap link, a policy that forbids every fetch, every text escaped: ``generate_html``,
``write_html`` and ``show`` (in notebook mode too) give that page. :func:`write_page` sets
``page.html.j2``, the page ``samklang viz`` writes. Labels and hover texts are plain text:
vis-network draws labels on its canvas and shows a string title as text; the heading is
text, escaped by the template.

>>> net = view.to_pyvis()  # doctest: +SKIP
>>> net.show("coverage.html", notebook=True)  # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jinja2 import Environment

from samklang.templating import environment as template_environment
from samklang.viz.views.inline import vis_network_css, vis_network_js, vis_network_version
from samklang.viz.views.style import EDGE_STYLES, GAP_STATUSES, STATUS_COLOURS, STYLES

if TYPE_CHECKING:
    from pyvis.network import Network

    from samklang.viz.views.model import Edge, Node, View

FONT = "system-ui, Segoe UI, sans-serif"
FLAGGED = ("error", "warning", "info")
"""Statuses that mark a node with a fill of its own (the municipality, an organisation) by a
thick border in the status colour and a ⚠, as the page does."""


def _node(node: Node, physics: bool) -> dict[str, Any]:
    style = STYLES.get(node.style, {})
    gap = node.status in GAP_STATUSES and "color" not in style
    flagged = "color" in style and node.status in FLAGGED
    fill = style.get("color") or STATUS_COLOURS.get(node.status, "#9E9E9E")
    shape = style.get("shape", "dot")
    border = "#7A2500" if gap else (STATUS_COLOURS[node.status] if flagged else "#333333")
    item: dict[str, Any] = {
        "id": node.id,
        "label": ("\u26a0 " if gap or flagged else "") + (node.caption or node.label),
        "shape": shape,
        "size": style.get("size", 14) * node.size,
        "color": {"background": fill, "border": border},
        "borderWidth": 3 if gap else (5 if flagged else 1.5),
        "shapeProperties": {"borderDashes": [6, 3] if gap else False},
        "font": {"color": style.get("font", "#1A1A1A"), "size": 14, "face": FONT},
        "widthConstraint": {"maximum": 240},
        "title": node.hover or f"{node.kind}: {node.label}",
        "status": node.status,
        "kind": node.kind,
    }
    if node.x is not None and node.y is not None:
        item["x"], item["y"] = node.x, node.y
    if node.level is not None:
        item["level"] = node.level
    if not physics:
        item["physics"] = False
    return item


def _edge(edge: Edge) -> dict[str, Any]:
    style = EDGE_STYLES.get(edge.style, {})
    item: dict[str, Any] = {
        "from": edge.source,
        "to": edge.target,
        "color": style.get("color", "#8A8A8A"),
        "dashes": bool(style.get("dashes", False)),
        "width": style.get("width", 1) * edge.width,
        "arrows": style.get("arrows", ""),
    }
    if edge.label:
        item["title"] = edge.label
    return item


def to_pyvis(
    view: View, *, height: str = "750px", width: str = "100%", hierarchical: bool = False
) -> Network:
    """The view as a pyvis ``Network``: the same nodes, edges, looks and positions as the page.

    Args:
        view: the view (from :func:`samklang.viz.visualise.build_view`).
        height: the canvas height pyvis draws.
        width: the canvas width.
        hierarchical: let vis-network's hierarchical layout place the nodes by their
            ``level`` (the layered views' columns: left to right for coverage and chain, top
            down for documents and organisations) instead of the fixed positions.

    Returns:
        A directed network; ``network.nodes`` and ``network.edges`` are vis-network's items,
        each node also carrying its ``status`` and ``kind`` for restyling.
    """
    from pyvis.network import Network

    network = Network(
        height=height,
        width=width,
        directed=True,
        heading=f"{view.title} – {view.subtitle}",
        cdn_resources="in_line",
    )
    network.nodes = [_node(node, view.physics) for node in view.nodes]
    network.node_ids = [item["id"] for item in network.nodes]
    network.node_map = {item["id"]: item for item in network.nodes}
    network.edges = [_edge(edge) for edge in view.edges]
    network.toggle_physics(view.physics)
    env = template_environment("samklang.viz")
    env.globals.update(
        vis_version=vis_network_version(), vis_js=vis_network_js(), vis_css=vis_network_css()
    )
    use_template(network, env, "network.html.j2")
    if hierarchical:
        from pyvis.options import Layout

        layout = Layout()
        layout.hierarchical.direction = (
            "UD" if view.name in ("documents", "organisations", "national") else "LR"
        )
        layout.hierarchical.sortMethod = "directed"
        layout.hierarchical.levelSeparation = 300
        network.options.layout = layout
        for item in network.nodes:
            item.pop("x", None)
            item.pop("y", None)
    return network


def use_template(network: Network, environment: Environment, template: str) -> None:
    """Have pyvis render ``network`` from ``template`` of ``environment`` instead of its own
    template: ``generate_html`` and ``write_html`` read ``templateEnv`` and ``path``, notebook
    mode (``show``, ``generate_html(notebook=True)``) the loaded ``template``."""
    network.templateEnv = environment
    network.path = template
    network.template = environment.get_template(template)


def write_page(view: View, environment: Environment, template: str) -> str:
    """The page of ``view``, rendered by pyvis (``Network.generate_html``) from ``template`` of
    ``environment``, whose globals hold what the template needs beside pyvis's own values."""
    network = to_pyvis(view)
    use_template(network, environment, template)
    return str(network.generate_html())
