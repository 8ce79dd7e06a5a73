"""Every view prints on A4 landscape (the styrgrupp's meeting papers) with its heading, legend,
whole drawing and tables: headless Chromium's printToPDF (what the print dialog makes) read
back with pypdf. Exempelstad and Tvåhundraby are fictional; Vetlanda's data is its public
record."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest

from samklang.viz.views.style import WORDS
from samklang.viz.visualise import build_view, render_html

from .conftest import EXAMPLES
from .test_viz import AS_OF, EXEMPELSTAD, store_of
from .viz.cdp import Browser, chromium_path

pytestmark = pytest.mark.browser

A4_LANDSCAPE = (841.89, 595.28)  # points


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert chromium_path(), "chromium is not installed: run .ci/system-packages"
    with Browser(width=1366, height=768) as b:
        yield b


def printed(browser: Browser, view, tmp_path) -> tuple[list, list[str]]:
    from pypdf import PdfReader

    page = tmp_path / f"{view.name}.html"
    page.write_text(render_html(view), encoding="utf-8")
    browser.navigate(page.as_uri())
    browser.wait_until("window.samklang && window.samklang.ready && window.samklang.stable")
    pdf = browser.print_pdf(tmp_path / f"{view.name}.pdf")
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    return list(reader.pages), [p.extract_text() for p in reader.pages]


@pytest.mark.parametrize("name", ["coverage", "chain", "documents", "organisations", "national"])
@pytest.mark.parametrize("dataset", ["exempelstad", "vetlanda"])
def test_each_view_prints_on_a4_landscape_with_legend_drawing_and_tables(
    browser, tmp_path, name, dataset
):
    paths = [EXEMPELSTAD] if dataset == "exempelstad" else [EXAMPLES / "vetlanda"]
    if name == "national":
        paths = [EXEMPELSTAD, EXAMPLES / "vetlanda"]
    view = build_view(store_of(*paths), name, as_of=AS_OF)
    pages, texts = printed(browser, view, tmp_path)
    for page in pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(A4_LANDSCAPE, abs=1), size
    first = texts[0]
    assert view.title in " ".join(first.split())
    words = view.legend[0][1].split()[0]
    assert words in first, "the legend is on the first sheet"
    heading = WORDS[view.lang]["tables"]
    assert heading not in first, "the drawing has the first sheet to itself"
    assert heading in " ".join(texts[1:]), "the tables follow it"
    assert "Sök" not in first, "no controls on paper"
    everything = " ".join(" ".join(texts).split())
    for matrix in view.matrices:
        assert " ".join(matrix.caption.split()) in everything, matrix.caption
    assert len(pages) <= 8
    images = sum(len(page.images) for page in pages[:1])
    assert images >= 1, "the drawing is on the first sheet"
