"""Interactive coverage graphs as one self-contained HTML file.

:func:`build_view` reads the planning from any :class:`~samklang.graph.store.Store` and makes
one of the views (``coverage``, ``documents``, ``chain``, ``organisations``, or ``national`` for
a store holding several municipalities); :func:`render_html` turns it into a page that opens
offline in any browser: vis-network (vendored from the npm registry, see
``samklang/vendor/vis-network/README.md``) and the page's own script and styles are inline,
a Content-Security-Policy forbids every fetch, and every label, title and heading is escaped —
text as HTML entities, data as JSON in which ``<``, ``>`` and ``&`` are ``\\u`` escapes.

pyvis is not used to write the page: every ``cdn_resources`` mode of pyvis 0.3.2 still links a
CDN, it leaves headings unescaped, and its ``add_edge`` grows quadratically. The views are built
as plain node and edge lists and laid out with networkx (:mod:`samklang.viz.views.layout`).

>>> from samklang.graph.source_kind import load_dataset
>>> from samklang.graph.store import open_store
>>> store = open_store("memory")
>>> store.add(load_dataset("examples/vetlanda").quads)
>>> page = render_html(build_view(store, "coverage"))  # doctest: +SKIP
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections.abc import Sequence
from datetime import date
from importlib.resources import files
from typing import Any

from samklang.errors import UsageError
from samklang.graph.store import Store
from samklang.queries.check import Finding
from samklang.viz.views.model import Matrix, View
from samklang.viz.views.style import (
    EDGE_STYLES,
    GAP_STATUSES,
    STATUS_COLOURS,
    STYLES,
    WORDS,
)

VIEWS = ("coverage", "documents", "chain", "organisations", "national")
"""The views :func:`build_view` makes."""

VIS_NETWORK = "vendor/vis-network"


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
        findings: the coherence findings for the documents view (default: run ``check`` on
            the store).

    Returns:
        The view, ready for :func:`render_html`.

    Raises:
        UsageError: an unknown view or language, a code the store does not hold, or a view
            that needs one municipality asked of a store with several.
    """
    from samklang.network.planning_graph import choose_municipality, planning_graph

    if view not in VIEWS:
        raise UsageError(f"'{view}' is not a view; expected one of {', '.join(VIEWS)}")
    if lang not in WORDS:
        raise UsageError(f"'{lang}' is not a language; expected sv or en")
    as_of = as_of or date.today()
    chosen = choose_municipality(store, municipality)
    if view == "national" or (view == "coverage" and chosen is None):
        from samklang.viz.views.national import national_view

        return national_view(store, lang, as_of)
    if chosen is None:
        raise UsageError(
            f"the {view} view draws one municipality, and the store holds several; "
            "choose one by its code"
        )
    graph = planning_graph(store, chosen, lang)
    if view == "coverage":
        from samklang.viz.views.coverage import coverage_view

        return coverage_view(graph, chosen, lang, as_of)
    if view == "documents":
        from samklang.viz.views.documents import documents_view

        if findings is None:
            from samklang.queries.check import check
            from samklang.queries.settings import Settings

            findings = check(store=store, lang=lang, settings=Settings(as_of=as_of))
        return documents_view(graph, chosen, lang, as_of, findings)
    if view == "chain":
        from samklang.viz.views.chain import chain_view

        return chain_view(graph, chosen, lang, as_of)
    from samklang.viz.views.organisations import organisations_view

    return organisations_view(graph, chosen, lang, as_of)


# --- the page ---------------------------------------------------------------------------------


def script_json(data: Any, *, compact: bool = False) -> str:
    """JSON safe inside ``<script>``: ``<``, ``>``, ``&`` and line separators as ``\\u`` escapes,
    so no text can close the element or open a comment.

    >>> script_json({"label": "</script>"})
    '{"label": "\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":") if compact else None)
    for raw, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, escaped)
    return text


def _asset(path: str) -> str:
    return files("samklang").joinpath(path).read_text(encoding="utf-8")


def _inline_script(source: str) -> str:
    """Vendored or own script text, made safe to inline: no ``</script`` can end it early, and
    the source-map comment (which would make developer tools fetch a file) is dropped."""
    source = re.sub(r"//# sourceMappingURL=\S+\s*$", "", source.rstrip())
    return re.sub(r"</(script)", r"<\\/\1", source, flags=re.IGNORECASE)


def _inline_style(source: str) -> str:
    source = re.sub(r"/\*# sourceMappingURL=[^*]*\*/\s*$", "", source.rstrip())
    return re.sub(r"</(style)", r"<\\/\1", source, flags=re.IGNORECASE)


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def vis_network_version() -> str:
    """The version of the vendored vis-network."""
    return _asset(f"{VIS_NETWORK}/VERSION").strip()


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


SHAPE_SVG = {
    "dot": '<circle cx="10" cy="10" r="7"/>',
    "ellipse": '<ellipse cx="10" cy="10" rx="8" ry="5"/>',
    "square": '<rect x="3" y="3" width="14" height="14"/>',
    "box": '<rect x="1" y="4" width="18" height="12" rx="3"/>',
    "database": '<rect x="3" y="2" width="14" height="16" rx="5"/>',
    "diamond": '<polygon points="10,1 19,10 10,19 1,10"/>',
    "triangle": '<polygon points="10,2 19,18 1,18"/>',
    "triangleDown": '<polygon points="1,2 19,2 10,18"/>',
    "star": (
        '<polygon points="10,1 12.4,7.2 19,7.2 13.6,11.2 15.6,18 10,14 4.4,18 6.4,11.2 1,7.2 '
        '7.6,7.2"/>'
    ),
    "hexagon": '<polygon points="5,2 15,2 19.5,10 15,18 5,18 0.5,10"/>',
}


def _swatch(key: str) -> str:
    """A small SVG of a legend entry: a status colour, a node style or an edge style."""
    if key in STATUS_COLOURS:
        dashed = ' stroke-dasharray="3 2"' if key in GAP_STATUSES else ""
        shape = SHAPE_SVG["dot"]
        fill, stroke = STATUS_COLOURS[key], "#333"
        body = f'<g fill="{fill}" stroke="{stroke}" stroke-width="1.5"{dashed}>{shape}</g>'
    elif key.startswith("edge:"):
        style = EDGE_STYLES[key[5:]]
        dash = ' stroke-dasharray="4 3"' if style.get("dashes") else ""
        width = style.get("width", 1) + 1
        body = (
            f'<line x1="1" y1="10" x2="19" y2="10" stroke="{style["color"]}" '
            f'stroke-width="{width}"{dash}/>'
        )
    else:
        style = STYLES[key]
        fill = style.get("color", "#FFFFFF")
        body = (
            f'<g fill="{fill}" stroke="#333" stroke-width="1.5">'
            f"{SHAPE_SVG.get(style['shape'], SHAPE_SVG['dot'])}</g>"
        )
    return (
        '<svg class="swatch" width="20" height="20" viewBox="0 0 20 20" aria-hidden="true">'
        f"{body}</svg>"
    )


def matrix_html(matrix: Matrix, lang: str) -> str:
    """A coverage table as accessible HTML: caption, column and row headers, gaps in words."""
    words = WORDS[lang]
    head = "".join(f'<th scope="col">{_e(c)}</th>' for c in matrix.columns)
    rows = []
    for heading, cells in matrix.rows:
        tds = []
        for cell in cells:
            if cell.text:
                tds.append(f'<td class="{_e(cell.state)}">{_e(cell.text)}</td>')
            elif cell.state == "na":
                tds.append(f'<td class="na"><span aria-label="{_e(words["na"])}">–</span></td>')
            elif cell.state == "none":
                tds.append(
                    f'<td class="gap">0 <span class="mark">{_e(words["gap_mark"])}</span></td>'
                )
            else:
                tds.append(f'<td class="covered">{_e(cell.count)}</td>')
        rows.append(f'<tr><th scope="row">{_e(heading)}</th>{"".join(tds)}</tr>')
    foot = ""
    if matrix.totals:
        total_cells = "".join(f"<td>{_e(t)}</td>" for t in matrix.totals)
        foot = (
            f'<tfoot><tr><th scope="row">{_e(matrix.totals_label)}</th>{total_cells}</tr></tfoot>'
        )
    note = f'<p class="note">{_e(matrix.note)}</p>' if matrix.note else ""
    return (
        f'<table class="matrix"><caption>{_e(matrix.caption)}</caption>'
        f'<thead><tr><th scope="col">{_e(matrix.corner)}</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody>{foot}</table>{note}"
    )


def render_html(view: View) -> str:
    """The view as one self-contained HTML page (no network, no server, all text escaped)."""
    words = WORDS[view.lang]
    vis_js = _inline_script(_asset(f"{VIS_NETWORK}/vis-network.min.js"))
    vis_css = _inline_style(_asset(f"{VIS_NETWORK}/vis-network.min.css"))
    page_js = _inline_script(_asset("viz/views/assets/page.js"))
    page_css = _inline_style(_asset("viz/views/assets/page.css"))
    data = view.data()
    data["styles"] = STYLES
    data["edgeStyles"] = EDGE_STYLES
    data["statusColours"] = STATUS_COLOURS
    data["gapStatuses"] = sorted(GAP_STATUSES)
    data["words"] = words
    drill = "".join(
        f'<script type="application/json" class="drilldown" data-key="{_e(key)}">'
        f"{script_json(sub.data(), compact=True)}</script>"
        for key, sub in sorted(view.drilldown.items())
    )
    policy = (
        "default-src 'none'; "
        f"script-src {_hash(vis_js)} {_hash(page_js)}; "
        "style-src 'unsafe-inline'; img-src data:; font-src 'none'; connect-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )
    filters = "".join(
        f'<label class="filter">{_e(f.label)} '
        f'<select name="{_e(f.name)}" data-filter="{_e(f.name)}">'
        + "".join(f'<option value="{_e(v)}">{_e(t)}</option>' for v, t in f.options)
        + "</select></label>"
        for f in view.filters
    )
    if view.name == "chain":
        filters += (
            '<label class="filter check"><input type="checkbox" data-filter="broken"> '
            f"{_e(words['broken_only'])}</label>"
        )
    legend = "".join(f"<li>{_swatch(key)}<span>{_e(text)}</span></li>" for key, text in view.legend)
    tables = "".join(matrix_html(m, view.lang) for m in view.matrices)
    notes = "".join(f'<p class="note">{_e(n)}</p>' for n in view.notes)
    drill_hint = (
        f'<p class="hint" id="drill-hint">{_e(words["drill_hint"])}</p>'
        f'<button type="button" id="back" hidden>{_e(words["back"])}</button>'
        if view.drilldown
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="{_e(view.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_e(policy)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="samklang (vis-network {_e(vis_network_version())})">
<title>{_e(view.title)} – {_e(view.subtitle)}</title>
<style>{vis_css}</style>
<style>{page_css}</style>
</head>
<body>
<header>
<h1>{_e(view.title)}</h1>
<p class="subtitle">{_e(view.subtitle)}</p>
<p class="intro">{_e(view.intro)}</p>
</header>
<main>
<section class="graph-panel" aria-label="{_e(words["graph"])}">
<form class="controls" role="search">
{filters}
<label class="filter search">{_e(words["search"])} <input type="search" data-filter="search"
 placeholder="{_e(words["search_placeholder"])}"></label>
<span class="matches" id="matches" aria-live="polite"></span>
</form>
{drill_hint}
<div class="legend"><h2>{_e(words["legend"])}</h2><ul>{legend}</ul></div>
<div id="graph" role="img" aria-label="{_e(view.title)}"></div>
<p class="counts" id="counts" aria-live="polite"></p>
</section>
<aside class="side">
<section id="details" aria-live="polite"><h2>{_e(words["details"])}</h2>
<p class="hint">{_e(words["details_hint"])}</p></section>
<section class="tables" id="tables"><h2>{_e(words["tables"])}</h2>{tables}{notes}</section>
</aside>
</main>
<footer>{_e(words["generated"])} · vis-network {_e(vis_network_version())}
 (Apache-2.0 / MIT)</footer>
<script type="application/json" id="samklang-data">{script_json(data, compact=True)}</script>
{drill}
<script>{vis_js}</script>
<script>{page_js}</script>
</body>
</html>
"""
