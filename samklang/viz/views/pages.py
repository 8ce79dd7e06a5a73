"""Pages of a layered view too long to draw legibly at once (many activities).

A view whose activity column holds more than :data:`PER_PAGE` nodes gets
:attr:`~samklang.viz.views.model.View.pages`: each page draws a run of consecutive activities
(in the order the whole view's layout gives them, so activities sharing goals and factors
stay together) with every node they link to, every node that no activity links to (a goal,
factor or domain without activity is a finding the reader must see on every page), and the
nodes those link to in their turn (a goal's goal area, a factor's domain, a problem's causes).
Each page is laid out by itself, so no two boxes meet and labels keep their size however many
activities the municipality has. The view itself keeps every node and edge (for
``to_pyvis()`` and the tables); the page draws its first page and offers the others in a
drop-down.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from samklang.viz.views import layout
from samklang.viz.views.model import View

PER_PAGE = 25
"""Activities on one page."""

PAGE_WORDS = {
    "sv": "Aktiviteter {first}–{last} av {total}",
    "en": "Activities {first}–{last} of {total}",
}


def paginate(
    view: View,
    column_of: dict[str, int],
    paged: int,
    *,
    column_width: float,
    per_page: int = PER_PAGE,
) -> None:
    """Give ``view`` its pages when column ``paged`` of ``column_of`` is longer than
    ``per_page``; each page is laid out with :func:`layout.layered` and ``column_width``. A
    placeholder of a missing link in that column ("Ingen aktivitet") is not paged: it goes with
    what links to it."""
    members = sorted(
        (
            n
            for n in view.nodes
            if column_of.get(n.id) == paged and not n.style.startswith("missing")
        ),
        key=lambda n: (n.y if n.y is not None else 0.0, n.id),
    )
    if len(members) <= per_page:
        return
    paged_ids = {n.id for n in members}
    around: dict[str, set[str]] = defaultdict(set)
    onward: dict[str, set[str]] = defaultdict(set)
    for edge in view.edges:
        around[edge.source].add(edge.target)
        around[edge.target].add(edge.source)
        onward[edge.source].add(edge.target)
    orphans = {n.id for n in view.nodes if n.id not in paged_ids and not around[n.id] & paged_ids}
    for first in range(0, len(members), per_page):
        chunk = {n.id for n in members[first : first + per_page]}
        keep = set(chunk) | orphans
        for i in chunk:
            keep |= around[i] - paged_ids
        for i in list(keep - paged_ids):
            keep |= onward[i] - paged_ids
        nodes = [replace(n) for n in view.nodes if n.id in keep]
        edges = [e for e in view.edges if e.source in keep and e.target in keep]
        layout.layered(
            nodes,
            edges,
            {i: c for i, c in column_of.items() if i in keep},
            column_width=column_width,
        )
        words = PAGE_WORDS[view.lang].format(
            first=first + 1, last=first + len(chunk), total=len(members)
        )
        view.pages.append(
            replace(
                view,
                subtitle=f"{view.subtitle} · {words}",
                nodes=nodes,
                edges=edges,
                filters=[],
                matrices=[],
                notes=[],
                drilldown={},
                pages=[],
            )
        )
