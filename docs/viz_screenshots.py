"""Write the pictures of `samklang viz` that docs/viz.md shows (docs/images/viz-*.png).

Each view is built from an example dataset (Vetlanda's public record; the fictional Fiktivby,
Exempelstad and Tvåhundraby), opened in headless Chromium (the test suite's DevTools client,
tests/viz/cdp.py) in a 1366×768 window, and photographed once the page has laid out and
fitted the drawing (``window.samklang.stable``): the page's top 1500 px, scaled to 1000 px
wide and to 256 colours to keep the files small. Run from the repository root after a change
of the pages' look:

    python docs/viz_screenshots.py
"""

from __future__ import annotations

import base64
import io
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from samklang.graph.source_kind import load_dataset  # noqa: E402
from samklang.graph.store import open_store  # noqa: E402
from samklang.viz.visualise import build_view, render_html  # noqa: E402
from tests.viz.cdp import Browser  # noqa: E402
from tests.viz.tvahundraby import write_tvahundraby  # noqa: E402

IMAGES = ROOT / "docs" / "images"
AS_OF = date(2025, 6, 1)
WIDTH = 1000


def store_of(*paths: Path):  # noqa: ANN201
    store = open_store("memory")
    for path in paths:
        store.add(load_dataset(path).quads)
    return store


def photograph(browser: Browser, page: Path, target: Path) -> None:
    from PIL import Image

    browser.navigate(page.as_uri())
    browser.wait_until("window.samklang && window.samklang.ready && window.samklang.stable")
    height = browser.evaluate("document.documentElement.scrollHeight")
    shot = browser.send(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": 1366, "height": min(height, 1500), "scale": 1},
        },
    )
    image = Image.open(io.BytesIO(base64.b64decode(shot["data"])))
    image = image.resize((WIDTH, round(image.height * WIDTH / image.width)), Image.LANCZOS)
    image = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    image.save(target, optimize=True)
    print(f"{target.relative_to(ROOT)}  {target.stat().st_size // 1024} KB")


def main() -> None:
    examples = ROOT / "examples"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        vetlanda = store_of(examples / "vetlanda")
        fiktivby = store_of(examples / "fiktivby")
        pictures = [
            ("viz-coverage-vetlanda", build_view(vetlanda, "coverage", as_of=AS_OF)),
            ("viz-chain-vetlanda", build_view(vetlanda, "chain", as_of=AS_OF)),
            ("viz-documents-fiktivby", build_view(fiktivby, "documents", as_of=AS_OF)),
            ("viz-organisations-fiktivby", build_view(fiktivby, "organisations", as_of=AS_OF)),
            (
                "viz-coverage-tvahundraby",
                build_view(store_of(write_tvahundraby(folder)), "coverage", as_of=AS_OF),
            ),
            (
                "viz-national",
                build_view(
                    store_of(
                        ROOT / "tests" / "viz" / "exempelstad",
                        examples / "vetlanda",
                        examples / "fiktivby",
                    ),
                    "national",
                    as_of=AS_OF,
                ),
            ),
        ]
        IMAGES.mkdir(exist_ok=True)
        with Browser(width=1366, height=768) as browser:
            for name, view in pictures:
                page = folder / f"{name}.html"
                page.write_text(render_html(view), encoding="utf-8")
                photograph(browser, page, IMAGES / f"{name}.png")


if __name__ == "__main__":
    main()
