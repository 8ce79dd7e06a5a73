"""Interactive coverage graphs as one self-contained HTML file.

:func:`build_view` reads the planning from any :class:`~samklang.graph.store.Store` and makes
one of the views (``coverage``, ``documents``, ``chain``, ``organisations``, or ``national`` for
a store holding several municipalities); :func:`render_html` turns it into a page that opens
offline in any browser: vis-network (vendored from the npm registry, see
``samklang/vendor/vis-network/README.md``) and the page's own script and styles are inline,
a Content-Security-Policy forbids every fetch, and every label, title and heading is escaped —
text as HTML entities, data as JSON in which ``<``, ``>`` and ``&`` are ``\\u`` escapes. The
page is the Jinja2 template ``samklang/viz/templates/page.html.j2`` (its legend swatches and
coverage tables are macros of ``parts.html.j2``), written with :mod:`samklang.templating`.

The views are built as plain node and edge lists and laid out with networkx
(:mod:`samklang.viz.views.layout`); ``view.to_pyvis()`` gives the same view as a
``pyvis.network.Network`` for Jupyter (:mod:`samklang.viz.views.pyvis_network`, which alone
imports pyvis; its page is samklang's ``network.html.j2``, offline too), and
:func:`render_html` writes the page through pyvis's template mechanism with samklang's own
template (pyvis 0.3.2's own template links a CDN in every ``cdn_resources`` mode and leaves
the heading unescaped), so building a view does not load pyvis and writing its page does.

>>> from samklang.graph.source_kind import load_dataset
>>> from samklang.graph.store import open_store
>>> store = open_store("memory")
>>> store.add(load_dataset("examples/vetlanda").quads)
>>> page = render_html(build_view(store, "coverage"))  # doctest: +SKIP
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from samklang.errors import UsageError
from samklang.graph.store import Store
from samklang.queries.finding import Finding
from samklang.templating import environment
from samklang.templating import script_json as script_json  # where the page's tests find it
from samklang.viz.views.inline import (
    asset,
    inline_script,
    inline_style,
    vis_network_css,
    vis_network_js,
)
from samklang.viz.views.inline import vis_network_version as vis_network_version
from samklang.viz.views.model import View
from samklang.viz.views.style import (
    EDGE_STYLES,
    GAP_STATUSES,
    STATUS_COLOURS,
    STYLES,
    WORDS,
)

VIEWS = ("coverage", "documents", "chain", "organisations", "national")
"""The views :func:`build_view` makes."""

TEMPLATE = "page.html.j2"
"""The page, in ``samklang/viz/templates/``."""


def build_view(
    store: Store,
    view: str = "coverage",
    *,
    lang: str = "sv",
    as_of: date | None = None,
    municipality: str | None = None,
    findings: Sequence[Finding] | None = None,
) -> View:
    """Make one view of the planning in ``store``.

    Args:
        store: any store holding one municipality's planning, or several.
        view: ``coverage``, ``documents``, ``chain``, ``organisations`` or ``national``. A
            ``coverage`` view of a store with several municipalities (and no ``municipality``)
            is the ``national`` view: municipalities × domains, with a drill-down into each.
        lang: ``sv`` or ``en``, for the page's words and vocabulary labels.
        as_of: the reference date (default: today): follow-up is due for earlier years, and
            the documents view's findings are checked as of it.
        municipality: the SCB code of the municipality to draw, when the store holds several.
        findings: the coherence findings every view marks, and the only source of its gaps
            (default: run ``check`` on the store as of ``as_of``; for the national view, its
            coverage rules only, over the whole corpus once).

    Returns:
        The view, ready for :func:`render_html`.

    Raises:
        UsageError: an unknown view or language, a code the store does not hold, or a view
            that needs one municipality asked of a store with several.
    """
    from samklang.network.build import choose_municipality, planning_graph

    if view not in VIEWS:
        raise UsageError(f"'{view}' is not a view; expected one of {', '.join(VIEWS)}")
    if lang not in WORDS:
        raise UsageError(f"'{lang}' is not a language; expected sv or en")
    as_of = as_of or date.today()
    chosen = choose_municipality(store, municipality)
    if view == "national" or (view == "coverage" and chosen is None):
        from samklang.viz.views.national import RULES, national_view

        if findings is None:
            # the coverage rules alone, over the whole corpus once: the same findings of them
            # as a full check, without the other rules' cost
            from samklang.queries.check import check, select_rules
            from samklang.queries.settings import Settings

            findings = check(
                store=store, lang=lang, settings=Settings(as_of=as_of), rules=select_rules(RULES)
            )
        return national_view(store, lang, as_of, findings)
    if chosen is None:
        raise UsageError(
            f"the {view} view draws one municipality, and the store holds several; "
            "choose one by its code"
        )
    graph = planning_graph(store, chosen, lang)
    if findings is None:
        from samklang.queries.check import check
        from samklang.queries.settings import Settings

        findings = check(store=store, lang=lang, settings=Settings(as_of=as_of))
    if view == "coverage":
        from samklang.viz.views.coverage import coverage_view

        return coverage_view(graph, chosen, lang, as_of, findings or [])
    if view == "documents":
        from samklang.viz.views.documents import documents_view

        return documents_view(graph, chosen, lang, as_of, findings or [])
    if view == "chain":
        from samklang.viz.views.chain import chain_view

        return chain_view(graph, chosen, lang, as_of, findings or [])
    from samklang.viz.views.organisations import organisations_view

    return organisations_view(graph, chosen, lang, as_of, findings or [])


# --- the page ---------------------------------------------------------------------------------


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


@dataclass(frozen=True)
class Swatch:
    """A legend entry's small picture (the macro ``swatch`` of ``parts.html.j2``).

    Attributes:
        kind: ``edge`` (a line) or ``node`` (a shape: a node style, or a status as a dot).
        colour: the line's or the shape's colour.
        shape: the node's shape, a vis-network name (``dot``, ``box``, ``star`` …).
        width: the line's width.
        dashed: a dashed line, or a dashed border (a gap status).
    """

    kind: str
    colour: str
    shape: str = "dot"
    width: float = 1
    dashed: bool = False


def swatch(key: str) -> Swatch:
    """The picture of a legend entry: a status colour, a node style or an edge style."""
    if key in STATUS_COLOURS:
        return Swatch("node", STATUS_COLOURS[key], dashed=key in GAP_STATUSES)
    if key.startswith("edge:"):
        style = EDGE_STYLES[key[5:]]
        width = style.get("width", 1) + 1
        return Swatch("edge", style["color"], width=width, dashed=bool(style.get("dashes")))
    style = STYLES[key]
    return Swatch("node", style.get("color", "#FFFFFF"), shape=style["shape"])


def render_html(view: View) -> str:
    """The view as one self-contained HTML page (no network, no server, all text escaped),
    written by pyvis from samklang's template (imports pyvis)."""
    words = WORDS[view.lang]
    vis_js = vis_network_js()
    vis_css = vis_network_css()
    page_js = inline_script(asset("viz/views/assets/page.js"))
    page_css = inline_style(asset("viz/views/assets/page.css"))
    data = view.data()
    data["styles"] = STYLES
    data["edgeStyles"] = EDGE_STYLES
    data["statusColours"] = STATUS_COLOURS
    data["gapStatuses"] = sorted(GAP_STATUSES)
    data["words"] = words
    policy = (
        "default-src 'none'; "
        f"script-src {_hash(vis_js)} {_hash(page_js)}; "
        "style-src 'unsafe-inline'; img-src data:; font-src 'none'; connect-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )
    from samklang.viz.views.pyvis_network import write_page

    env = environment("samklang.viz")
    env.globals.update(
        view=view,
        words=words,
        policy=policy,
        vis_version=vis_network_version(),
        vis_css=vis_css,
        page_css=page_css,
        vis_js=vis_js,
        page_js=page_js,
        data=data,
        drilldown=[(key, sub.data()) for key, sub in sorted(view.drilldown.items())],
        pages=[sub.data() for sub in view.pages],
        legend=[(swatch(key), text) for key, text in view.legend],
        # the swatches of the drill-downs' legends, once: page.js builds each legend from them
        drill_swatches=[
            (key, swatch(key))
            for key in sorted({key for sub in view.drilldown.values() for key, _ in sub.legend})
        ],
    )
    return write_page(view, env, TEMPLATE)
