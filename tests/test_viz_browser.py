"""The pages in a real headless Chromium (Debian's /usr/bin/chromium, installed by
.ci/system-packages), driven over the DevTools protocol (tests/viz/cdp.py).

Each page must load from file:// with no request but itself (data: URIs of the vendored
stylesheet are not requests to anywhere), log no console error, draw exactly the nodes and
edges its view holds, and run none of the XSS payloads. Screenshots go to the test's tmp_path
and to artifacts/ at the repository root (git-ignored), for people to look at.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from samklang.graph.store import Store
from samklang.viz.views.model import View
from samklang.viz.visualise import build_view, render_html

from .conftest import EXAMPLES, ROOT
from .test_viz import AS_OF, DATA, EXEMPELSTAD, store_of, xss_dataset
from .viz.cdp import Browser, chromium_path

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "artifacts"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert chromium_path(), "chromium is not installed: run .ci/system-packages"
    with Browser(width=1600, height=1000) as b:
        yield b


def open_page(browser: Browser, view: View, path: Path) -> None:
    path.write_text(render_html(view), encoding="utf-8")
    browser.navigate(path.as_uri())
    browser.wait_until("window.samklang && window.samklang.ready && window.samklang.stable")


def offline_and_clean(browser: Browser, path: Path) -> None:
    requests = [r for r in browser.requests() if not r.startswith("data:")]
    assert requests == [path.as_uri()], requests
    assert browser.console_errors() == []
    assert browser.dialogs() == []


def screenshot(browser: Browser, tmp_path: Path, name: str) -> Path:
    shot = browser.screenshot(tmp_path / f"{name}.png")
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copy(shot, ARTIFACTS / shot.name)
    assert shot.stat().st_size > 10_000
    return shot


def drawn(browser: Browser) -> dict[str, int]:
    return browser.evaluate("window.samklang.counts()")  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def exempelstad() -> Store:
    return store_of(EXEMPELSTAD)


@pytest.mark.parametrize("name", ["coverage", "documents", "chain", "organisations"])
def test_view_loads_offline_and_draws_the_graph(
    browser: Browser, exempelstad: Store, tmp_path: Path, name: str
) -> None:
    view = build_view(exempelstad, name, as_of=AS_OF)
    page = tmp_path / f"{name}.html"
    open_page(browser, view, page)
    offline_and_clean(browser, page)
    counts = drawn(browser)
    assert counts["nodes"] == len(view.nodes) > 5
    assert counts["edges"] == len(view.edges) > 5
    browser.pump(0.3)
    screenshot(browser, tmp_path, f"viz-{name}")


def test_xss_payloads_do_not_run(browser: Browser, tmp_path: Path) -> None:
    store = store_of(xss_dataset(tmp_path))
    for name in ("coverage", "documents", "chain", "organisations"):
        view = build_view(store, name, as_of=AS_OF)
        page = tmp_path / f"xss-{name}.html"
        open_page(browser, view, page)
        assert browser.evaluate("typeof window.__xss") == "undefined"
        assert (
            browser.evaluate("document.querySelectorAll('img, svg:not(.swatch) *[onload]').length")
            == 0
        )
        assert "<b onmouseover" in browser.evaluate(
            "document.querySelector('.subtitle').textContent"
        )
        # hover the details of the payload activity: shown as text, still nothing runs
        if name in ("coverage", "chain"):
            browser.evaluate(f"window.samklang.select({DATA + 'a-xss'!r})")
            details = browser.evaluate("document.getElementById('details').textContent")
            assert "<img src=x onerror=" in details
            assert "<!-- <script>window.__xss = 4</script>" in details
            tables = browser.evaluate("document.getElementById('tables').textContent")
            if name == "coverage":
                assert "</script><script>window.__xss = 2; alert(2)</script>" in tables
        browser.pump(0.2)
        assert browser.evaluate("typeof window.__xss") == "undefined"
        offline_and_clean(browser, page)
        assert drawn(browser)["nodes"] == len(view.nodes)
        if name == "coverage":
            screenshot(browser, tmp_path, "viz-xss-coverage")


def test_click_shows_details_and_source(
    browser: Browser, exempelstad: Store, tmp_path: Path
) -> None:
    view = build_view(exempelstad, "coverage", as_of=AS_OF)
    page = tmp_path / "click.html"
    open_page(browser, view, page)
    goal = DATA + "mal-unga"
    point = browser.evaluate(f"window.samklang.position({goal!r})")  # canvas → element
    rect = browser.evaluate(
        "(() => { const r = document.getElementById('graph').getBoundingClientRect();"
        " return {x: r.left, y: r.top}; })()"
    )
    browser.click(point["x"] + rect["x"], point["y"] + rect["y"])  # a real mouse click
    browser.pump(0.3)
    details = browser.evaluate("document.getElementById('details').textContent")
    assert "Färre unga ska begå brott" in details
    assert "Plan för brottsförebyggande arbete 2024–2026 (fiktiv)" in details
    assert "kallor/plan.txt, rad 31" in details
    offline_and_clean(browser, page)
    screenshot(browser, tmp_path, "viz-coverage-details")


def test_year_filter_hides_and_recolours(
    browser: Browser, exempelstad: Store, tmp_path: Path
) -> None:
    view = build_view(exempelstad, "coverage", as_of=AS_OF)
    page = tmp_path / "year.html"
    open_page(browser, view, page)
    browser.evaluate(
        "(() => { const s = document.querySelector('select[data-filter=year]');"
        " s.value = '2025'; s.dispatchEvent(new Event('change')); })()"
    )
    browser.pump(0.3)
    shown = {n.id for n in view.nodes if not n.years or 2025 in n.years}
    expected_edges = [e for e in view.edges if e.source in shown and e.target in shown]
    counts = drawn(browser)
    assert counts["nodes"] == len(shown) < len(view.nodes)
    assert counts["edges"] == len(expected_edges)
    colour = browser.evaluate(
        "window.samklang.network.body.data.nodes.get("
        "'https://w3id.org/samklang/vocab/domain/individen').color.background"
    )
    assert colour.upper() == "#D55E00"  # no activity in individen in 2025
    offline_and_clean(browser, page)
    screenshot(browser, tmp_path, "viz-coverage-2025")


def test_national_view_drills_down(browser: Browser, tmp_path: Path) -> None:
    store = store_of(EXEMPELSTAD, EXAMPLES / "vetlanda", EXAMPLES / "fiktivby")
    view = build_view(store, "coverage", as_of=date(2025, 6, 1))
    page = tmp_path / "national.html"
    open_page(browser, view, page)
    counts = drawn(browser)
    assert (counts["nodes"], counts["edges"]) == (len(view.nodes), len(view.edges))
    screenshot(browser, tmp_path, "viz-national")
    browser.evaluate("window.samklang.drill('9990')")
    browser.wait_until("window.samklang.stable")
    sub = view.drilldown["9990"]
    counts = drawn(browser)
    assert (counts["nodes"], counts["edges"]) == (len(sub.nodes), len(sub.edges))
    assert "Exempelstad kommun: täckning" in browser.evaluate(
        "document.getElementById('tables').textContent"
    )
    shown = (
        "[document.querySelector('header h1').textContent,"
        " document.querySelector('header .subtitle').textContent,"
        " document.querySelector('header .intro').textContent,"
        " Array.from(document.querySelectorAll('.legend li'), li => li.textContent),"
        " Array.from(document.querySelectorAll('.legend li'), li => !!li.querySelector('svg')),"
        " Array.from(document.querySelectorAll('select[data-filter]'))"
        "  .filter(s => !s.closest('label').hidden).map(s => s.dataset.filter)]"
    )
    # the header and the legend are the drill-down's own: goals and domains, one municipality
    legend = [text for _, text in sub.legend]
    assert browser.evaluate(shown) == [
        sub.title,
        sub.subtitle,
        sub.intro,
        legend,
        [True] * len(legend),
        [],
    ]
    browser.pump(0.3)
    screenshot(browser, tmp_path, "viz-national-drilldown")
    browser.evaluate("window.samklang.back()")
    browser.wait_until("window.samklang.stable")
    assert drawn(browser)["nodes"] == len(view.nodes)
    national = [text for _, text in view.legend]
    assert browser.evaluate(shown) == [
        view.title,
        view.subtitle,
        view.intro,
        national,
        [True] * len(national),
        [f.name for f in view.filters],
    ]
    offline_and_clean(browser, page)
