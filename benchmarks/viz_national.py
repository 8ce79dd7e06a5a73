"""File size and time to stable layout of the national view of a large corpus.

Builds a SYNTHETIC corpus (every municipality is a copy of the fictional Exempelstad in
tests/viz/exempelstad with its own code, name and a share of its activities dropped, so
coverage differs), or reads dataset folders given with --corpus, loads them into one in-memory
Oxigraph store, builds and renders the national view, and opens it in headless Chromium
(1920×1080) to measure the time until the page has laid out and fitted the drawing
(``window.samklang.stable``), and what tests/test_viz_legible.py measures there: overlapping
node boxes, the smallest label, clipped parts. A screenshot goes to artifacts/.

The baseline, in the same process: building and rendering the coverage view of one
municipality from a store of its own (its check included), times the number of municipalities
(drawing each one separately).

Run from the repository root (it uses the test suite's DevTools client):

    python -m benchmarks.viz_national [--municipalities 290] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import tempfile
import time
from pathlib import Path

from samklang.graph.source_kind import load_dataset
from samklang.graph.store import open_store
from samklang.viz.visualise import build_view, render_html
from tests.test_viz_legible import MEASURE
from tests.viz.cdp import Browser

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "viz" / "exempelstad"


def synthetic_corpus(folder: Path, count: int, seed: int = 1) -> list[Path]:
    """``count`` copies of Exempelstad with codes 7001…, each missing some activities."""
    rng = random.Random(seed)
    with (FIXTURE / "activities.csv").open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    paths = []
    for k in range(count):
        code = f"{7001 + k:04d}"
        target = folder / code
        shutil.copytree(FIXTURE, target)
        municipality = target / "municipality.yaml"
        text = municipality.read_text(encoding="utf-8")
        text = text.replace('code: "9990"', f'code: "{code}"').replace(
            "name: Exempelstad kommun", f"name: Syntetisk kommun {code}"
        )
        municipality.write_text(text, encoding="utf-8")
        kept = [r for r in rows if r["id"] in ("a-foraldrastod", "a-vandring", "a-laxhjalp")]
        kept += [r for r in rows if r not in kept and rng.random() < 0.6]
        with (target / "activities.csv").open("w", encoding="utf-8", newline="") as stream:
            writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(kept)
        paths.append(target)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--municipalities", type=int, default=290)
    parser.add_argument("--corpus", type=Path, default=None, help="dataset folders to read")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.corpus:
            paths = sorted(p for p in args.corpus.iterdir() if p.is_dir())
        else:
            paths = synthetic_corpus(folder, args.municipalities)
        start = time.perf_counter()
        store = open_store("memory")
        quads = 0
        for path in paths:
            dataset = load_dataset(path)
            quads += len(dataset.quads)
            store.add(dataset.quads)
        loaded = time.perf_counter() - start

        start = time.perf_counter()
        view = build_view(store, "national")
        built = time.perf_counter() - start
        start = time.perf_counter()
        page = render_html(view)
        rendered = time.perf_counter() - start
        out = folder / "national.html"
        out.write_text(page, encoding="utf-8")

        # The baseline draws one municipality from a store of its own, as drawing each one
        # separately would (its view's check then covers that municipality alone).
        alone = open_store("memory")
        alone.add(load_dataset(paths[0]).quads)
        start = time.perf_counter()
        render_html(build_view(alone, "coverage"))
        single = time.perf_counter() - start

        with Browser(width=1920, height=1080) as browser:
            browser.navigate(out.as_uri())
            browser.wait_until("window.samklang && window.samklang.stable", timeout=300)
            stable_ms = browser.evaluate("window.samklang.loadToStableMs")
            layout_ms = browser.evaluate("window.samklang.stableAfterMs")
            counts = browser.evaluate("window.samklang.counts()")
            legible = browser.evaluate(MEASURE)
            (ROOT / "artifacts").mkdir(exist_ok=True)
            browser.screenshot(ROOT / "artifacts" / f"viz-national-{len(paths)}.png")
            errors = browser.console_errors()
            requests = [r for r in browser.requests() if not r.startswith("data:")]

    print(f"municipalities        {len(paths)}")
    print(f"quads                 {quads}")
    print(f"load (not measured)   {loaded:.1f} s")
    print(f"build national view   {built:.2f} s")
    print(f"render page           {rendered:.2f} s")
    print(f"file size             {len(page.encode()) / 1e6:.2f} MB")
    print(f"drawn                 {counts['nodes']} nodes, {counts['edges']} edges")
    print(f"navigation → stable   {stable_ms:.0f} ms (drawing and fitting {layout_ms:.0f} ms)")
    print(f"overlapping boxes     {legible['overlapCount']}")
    print(f"smallest label        {legible['minFont']:.1f} px (scale {legible['scale']:.2f})")
    panel = legible["panel"]
    print(f"panel                 {panel['width']:.0f} × {panel['height']:.0f} px")
    print(f"clipped               {len(legible['clipped'])}")
    print(f"requests, errors      {len(requests) - 1} other requests, {len(errors)} console errors")
    print(
        f"ratio: national view / (one coverage view × {len(paths)}) = "
        f"{(built + rendered) / (single * len(paths)):.3f}"
    )


if __name__ == "__main__":
    main()
