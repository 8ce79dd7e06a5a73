"""A view as a pyvis Network (view.to_pyvis()): the nodes, edges, looks and positions the page
draws, pyvis imported only when a network is asked for, and the network's own page
(generate_html, write_html, show) rendered from samklang's template: vis-network inline, no
link to anywhere, every text escaped, a restyle shown. Exempelstad and the municipalities it
is drawn with are fictional (Vetlanda's data is its public record)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from samklang.viz.views.style import STYLES
from samklang.viz.visualise import VIEWS, build_view

from .conftest import EXAMPLES
from .test_viz import AS_OF, EXEMPELSTAD, store_of, xss_dataset

ONE_MUNICIPALITY = [name for name in VIEWS if name != "national"]


@pytest.fixture(scope="module")
def vetlanda():
    return store_of(EXAMPLES / "vetlanda")


@pytest.mark.parametrize("name", ONE_MUNICIPALITY)
def test_the_network_holds_the_views_nodes_edges_and_positions(vetlanda, name):
    view = build_view(vetlanda, name, as_of=AS_OF)
    network = view.to_pyvis()
    assert network.directed
    assert [n["id"] for n in network.nodes] == [n.id for n in view.nodes]
    assert [n["label"].removeprefix("\u26a0 ") for n in network.nodes] == [
        n.caption or n.label for n in view.nodes
    ]
    assert [(e["from"], e["to"]) for e in network.edges] == [
        (e.source, e.target) for e in view.edges
    ]
    placed = {n.id: (n.x, n.y) for n in view.nodes if n.x is not None}
    assert {n["id"]: (n["x"], n["y"]) for n in network.nodes if "x" in n} == placed
    assert network.get_nodes() == [n.id for n in view.nodes]


def test_a_gap_is_marked_in_the_network_as_on_the_page():
    view = build_view(store_of(EXEMPELSTAD), "chain", as_of=AS_OF)
    network = view.to_pyvis()
    coloured = {n.id for n in view.nodes if "color" in STYLES[n.style]}
    gaps = [
        n
        for n in network.nodes
        if n["status"] in ("none", "broken", "error") and n["id"] not in coloured
    ]
    assert gaps, "Exempelstad's chain view has a broken thread"
    for node in gaps:
        assert node["label"].startswith("\u26a0 ")
        assert node["shapeProperties"]["borderDashes"] == [6, 3]
        assert node["color"]["background"] == "#D55E00"
    whole = [n for n in network.nodes if n["status"] in ("covered", "ok", "neutral")]
    assert all(not n["label"].startswith("\u26a0") for n in whole)


def test_the_national_view_as_a_network():
    view = build_view(store_of(EXEMPELSTAD, EXAMPLES / "vetlanda"), "national", as_of=AS_OF)
    network = view.to_pyvis()
    assert len(network.nodes) == len(view.nodes) > 0
    assert len(network.edges) == len(view.edges)


def test_the_heading_is_escaped_and_no_label_is_html(tmp_path: Path):
    view = build_view(store_of(xss_dataset(tmp_path)), "coverage", as_of=AS_OF)
    network = view.to_pyvis()
    assert "<b onmouseover='x'>" in network.heading  # text: the template escapes it
    for page in (network.generate_html(), network.generate_html(notebook=True)):
        assert "<b onmouseover" not in page
        assert "<h1>" in page and "&lt;b onmouseover=&#x27;x&#x27;&gt;" in page
        assert "<script>window.__xss" not in page


LINKED = re.compile(
    r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=|@import|url\(\s*['"]?https?:""",
    re.IGNORECASE,
)


def _vis_network_js() -> str:
    vendored = Path(__file__).parents[1] / "samklang/vendor/vis-network/vis-network.min.js"
    source = vendored.read_text(encoding="utf-8")
    return re.sub(r"//# sourceMappingURL=\S+\s*$", "", source.rstrip())


def _nodes_of(page: str) -> list[dict]:
    return json.loads(re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", page).group(1))


@pytest.mark.parametrize("name", ["coverage", "chain", "national"])
def test_the_networks_own_page_links_nothing_and_has_vis_network_inline(
    vetlanda, tmp_path: Path, monkeypatch, name
):
    store = vetlanda if name != "national" else store_of(EXEMPELSTAD, EXAMPLES / "vetlanda")
    network = build_view(store, name, as_of=AS_OF).to_pyvis()
    monkeypatch.chdir(tmp_path)  # pyvis writes show()'s file in the working folder
    network.write_html("written.html")
    network.show("shown.html")  # notebook mode, pyvis's default for show
    pages = [
        network.generate_html(),
        network.generate_html(notebook=True),
        (tmp_path / "written.html").read_text(encoding="utf-8"),
        (tmp_path / "shown.html").read_text(encoding="utf-8"),
    ]
    assert len(set(pages)) == 1, "every way pyvis writes the page gives samklang's page"
    page = pages[0]
    assert LINKED.findall(page) == []  # no script, stylesheet or image from anywhere
    for cdn in ("cdnjs", "jsdelivr", "unpkg", "bootstrap"):
        assert cdn not in page.lower()
    assert not (tmp_path / "lib").exists()  # nor pyvis's local copies beside it
    assert _vis_network_js() in page
    assert "default-src 'none'" in page and "connect-src 'none'" in page
    assert [n["id"] for n in _nodes_of(page)] == [n["id"] for n in network.nodes]


def test_a_restyled_network_shows_restyled(vetlanda):
    network = build_view(vetlanda, "coverage", as_of=AS_OF).to_pyvis()
    network.nodes[0]["color"]["background"] = "#123456"
    network.nodes[0]["label"] = "</script><script>alert(1)</script>"
    network.heading = "Restyled & <i>shown</i>"
    network.set_options('{"interaction": {"hover": false}}')
    page = network.generate_html()
    first = _nodes_of(page)[0]
    assert first["color"]["background"] == "#123456"
    assert first["label"] == "</script><script>alert(1)</script>"  # as JSON escapes
    assert "<script>alert(1)" not in page and "<i>shown" not in page
    assert "Restyled &amp; &lt;i&gt;shown&lt;/i&gt;" in page
    assert 'data-options="{&quot;interaction&quot;: {&quot;hover&quot;: false}}"' in page


def test_building_a_view_does_not_import_pyvis_and_writing_its_page_does(tmp_path: Path):
    script = (
        "import sys\n"
        "import samklang.cli\n"
        "from samklang.graph.source_kind import load_dataset\n"
        "from samklang.graph.store import open_store\n"
        "from samklang.viz.visualise import build_view, render_html\n"
        "store = open_store('memory')\n"
        f"store.add(load_dataset({str(EXEMPELSTAD)!r}).quads)\n"
        "view = build_view(store, 'coverage')\n"
        "assert 'pyvis' not in sys.modules and 'IPython' not in sys.modules, 'imported'\n"
        "render_html(view)\n"
        "assert 'pyvis' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, cwd=Path(__file__).parents[1])


def test_the_page_is_written_by_pyvis_from_samklangs_template(monkeypatch):
    from pyvis.network import Network

    from samklang.viz.visualise import render_html

    rendered = []
    original = Network.generate_html

    def spy(self, *args, **kwargs):
        rendered.append(self.path)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Network, "generate_html", spy)
    page = render_html(build_view(store_of(EXEMPELSTAD), "chain", as_of=AS_OF))
    assert rendered == ["page.html.j2"]
    assert page.startswith("<!DOCTYPE html>") and 'id="samklang-data"' in page
    for cdn in ("cdnjs", "jsdelivr", "unpkg", "bootstrap", "<link", 'src="http'):
        assert cdn not in page.lower()


@pytest.mark.parametrize("name", ONE_MUNICIPALITY)
def test_a_network_can_be_laid_out_by_vis_networks_hierarchy_of_levels(vetlanda, name):
    view = build_view(vetlanda, name, as_of=AS_OF)
    network = view.to_pyvis(hierarchical=True)
    options = json.loads(network.options.to_json())
    hierarchy = options["layout"]["hierarchical"]
    assert hierarchy["enabled"] is True
    assert hierarchy["direction"] == ("LR" if name in ("coverage", "chain") else "UD")
    assert [n["level"] for n in network.nodes] == [n.level for n in view.nodes]
    assert all("x" not in n for n in network.nodes)
    if name in ("coverage", "chain"):  # the red thread's first step on the left
        problems = {n.level for n in view.nodes if n.style == "problem"}
        assert problems == {0}


@pytest.mark.browser
def test_the_networks_own_page_draws_offline_in_chromium(tmp_path: Path):
    """A researcher's page (write_html) in headless Chromium from file://: no request but the
    page itself, every node and edge drawn, no console error, no XSS payload run."""
    from .viz.cdp import Browser, chromium_path

    assert chromium_path(), "chromium is not installed: run .ci/system-packages"
    store = store_of(xss_dataset(tmp_path))
    for name in ("coverage", "chain"):
        view = build_view(store, name, as_of=AS_OF)
        network = view.to_pyvis()
        path = tmp_path / f"{name}.html"
        network.write_html(str(path))
        with Browser(width=1366, height=768) as browser:
            browser.navigate(path.as_uri())
            browser.wait_until("window.samklang && window.samklang.stable")
            requests = [r for r in browser.requests() if not r.startswith("data:")]
            assert requests == [path.as_uri()], requests
            drawn = browser.evaluate(
                "[window.samklang.network.body.nodeIndices.length,"
                " window.samklang.network.body.edgeIndices.length, !!window.__xss]"
            )
            assert drawn == [len(view.nodes), len(view.edges), False]
            assert browser.console_errors() == [] and browser.dialogs() == []
