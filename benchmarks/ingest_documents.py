"""Time `samklang ingest` on a long plan: a 100-page text, and the plan printed as PDF.

Makes its own inputs, in a temporary folder (or --keep DIR):

- ``plan.txt``: a long plan text of --pages pages (3,000 characters a page, a page of running
  text in 11 pt on A4): the Vetlanda seed plan, then the test documents of tests/ingest as
  its numbered chapters (``2. Medborgarlöfte för Låtsasvik …``), over and over, their years
  varied (a plan of 190 captioned appendices, ``Bilaga N.``, would be another test: each
  line is looked up in the appendices' parts, captions.caption_document);
- ``plan-1.pdf`` and ``plan-2.pdf``: the first --pdf-pages pages of that plan printed by
  headless Chromium in one column and in two columns (CSS ``column-count: 2``), A4,
  justified, with a soft hyphen in the middle of every long word (so lines end in hyphenated
  words), an empty line's space between paragraphs, and a running header (the title) and
  footer (``Sida N av M``) on every page. Chromium prints no CSS ``@page`` margin boxes, so
  each page is a fixed-height ``div`` with its own header and footer, and the plan is laid
  out onto pages here (a paragraph is never split across pages; a page's capacity is an
  estimate on the safe side, and the check below shows whether any text was cut off);
  ``plan-1.txt`` and ``plan-2.txt`` hold the text each PDF prints.

It times, each the median of --repeat runs after a warm-up:

- ``ingest`` (``samklang.graph.ingest.ingest``, what ``samklang ingest`` runs, without
  writing the folder) on the 100-page text: the **baseline**, every figure is also given as
  a ratio to it;
- ``ingest`` on each PDF, and on the text each prints;
- the PDF reader alone (``samklang.graph.ingest.pdf.pdf_text``), and each library's bare
  extraction page after page: pypdf (``page.extract_text()``, the reader before issue 14) and
  pypdfium2 (``get_text_range()``);

and how true each way of reading a PDF is to the text printed: the share of the printed
text's runs of eight words found whole and in order, the header and footer lines left in,
and the words that are not words of the plan (a word split by a space or a hyphen, or two
run together); and whether ingest finds the same facts in each PDF as in the text it prints.
The machine's load (``/proc/loadavg``) is printed before and after: it is shared.

Usage (from the repository root; needs chromium, pypdf and pypdfium2):

    python benchmarks/ingest_documents.py [--pages 100] [--pdf-pages 94] [--repeat 5] [--keep DIR]
"""

from __future__ import annotations

import argparse
import html
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples/vetlanda/kallor/plan-brottsforebyggande-arbete-vetlanda-2020-2023.txt"
TEST_DOCUMENTS = ROOT / "tests" / "ingest"
CHARS_PER_PAGE = 3000
TITLE = "Plan för brottsförebyggande arbete 2020-2023"

LAYOUTS = {1: (86, 48), 2: (40, 96)}
"""Per number of columns: characters a line holds, lines a page holds (the estimates of the
layout, on the safe side: 170 mm of 10 pt Liberation Sans hold about 92 characters, each of
two columns of 81 mm about 44, and a page's body 51 lines of 14 pt)."""


def plan_text(pages: int) -> str:
    """A long plan text of about ``pages`` pages, from the seed and the test documents."""
    documents = []
    for path in sorted(TEST_DOCUMENTS.glob("*.txt")) + sorted(TEST_DOCUMENTS.glob("*.md")):
        if path.name.endswith(".docx.txt") or path.name == "README.md":
            continue  # builder markup, not a plan's text
        data = path.read_bytes()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252")
        lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
        documents.append([line for line in lines if not re.search(r"(?i)påhittat|fiktivt", line)])
    parts = [SEED.read_text(encoding="utf-8").strip("\n")]
    total = len(parts[0])
    appendix = 0
    while total < pages * CHARS_PER_PAGE:
        lines = documents[appendix % len(documents)]
        appendix += 1
        heading = next(line for line in lines if line.strip()).lstrip("#= ").strip()
        body = "\n".join(lines).strip("\n").replace(heading, "", 1).strip("\n")
        shift = appendix % 7
        body = re.sub(r"\b20([12]\d)\b", lambda m, s=shift: str(2000 + int(m[1]) + s), body)
        part = f"{appendix + 1}. {heading}\n\n{body}"
        parts.append(part)
        total += len(part) + 2
    return "\n\n".join(parts) + "\n"


def soft_hyphens(line: str) -> str:
    """A line as HTML, with a soft hyphen in the middle of every word of 12 letters or more."""

    def hyphenate(m: re.Match[str]) -> str:
        return m[0][: len(m[0]) // 2] + "&shy;" + m[0][len(m[0]) // 2 :]

    return re.sub(r"[^\W\d_]{12,}", hyphenate, html.escape(line))


def paginate(blocks: list[list[str]], columns: int) -> list[list[list[str]]]:
    """The blocks (paragraphs, as lines) on each page, by the estimated capacity of a page."""
    per_line, capacity = LAYOUTS[columns]
    pages: list[list[list[str]]] = [[]]
    used = 0
    for block in blocks:
        lines = sum(max(1, -(-len(line) // per_line)) for line in block) + 1  # and a line's gap
        if used + lines > capacity and pages[-1]:
            pages.append([])
            used = 0
        pages[-1].append(block)
        used += lines
    return pages


STYLE = """
@page { size: A4; margin: 0 }
body { margin: 0; font: 10pt/14pt "Liberation Sans", Arial, sans-serif }
.page { height: 297mm; box-sizing: border-box; padding: 12mm 20mm; overflow: hidden;
        break-after: page; display: flex; flex-direction: column }
.head, .foot { font-size: 8pt; line-height: 10pt; color: #444 }
.head { margin-bottom: 6mm } .foot { margin-top: 6mm; text-align: right }
.body { flex: 1; overflow: hidden }
.columns { column-count: 2; column-gap: 8mm; column-fill: auto }
p { margin: 0 0 14pt; text-align: justify }
"""


def write_html(text: str, target: Path, columns: int, most: int) -> str:
    """Write the first ``most`` pages of ``text`` as an HTML document of fixed pages; returns
    the text they hold."""
    blocks = [b.split("\n") for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    pages = paginate(blocks, columns)[:most]
    body = []
    for n, page in enumerate(pages, 1):
        ps = "".join(f"<p>{'<br>'.join(soft_hyphens(x) for x in block)}</p>" for block in page)
        body.append(
            f'<div class="page"><div class="head">Vetlanda kommun | {html.escape(TITLE)}</div>'
            f'<div class="body{" columns" if columns == 2 else ""}">{ps}</div>'
            f'<div class="foot">Sida {n} av {len(pages)}</div></div>'
        )
    target.write_text(
        f'<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>{TITLE}</title>'
        f"<style>{STYLE}</style></head><body>{''.join(body)}</body></html>",
        encoding="utf-8",
    )
    return "\n\n".join("\n".join(block) for page in pages for block in page) + "\n"


def chromium() -> str:
    """The Chromium binary (as tests/viz/cdp.py finds it)."""
    if os.access("/usr/bin/chromium", os.X_OK):
        return "/usr/bin/chromium"
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        raise SystemExit("chromium is not installed (see .ci/system-packages)")
    return found


def print_pdf(page: Path, target: Path) -> None:
    """Print ``page`` to ``target`` with headless Chromium."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                chromium(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                f"--user-data-dir={profile}",
                "--no-pdf-header-footer",
                f"--print-to-pdf={target}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )


def pypdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def pdfium_text(path: Path) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        texts = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range().replace("\r\n", "\n"))
            textpage.close()
            page.close()
        return "\n".join(texts)
    finally:
        document.close()


def timed(run: Callable[[], object], repeat: int) -> tuple[float, float, float]:
    """The median and the fastest wall time of ``repeat`` runs after a warm-up, and the
    median processor time (the machine is shared: a wall time far above the processor time
    is time spent waiting for a core)."""
    run()  # warm-up: imports, caches
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), min(walls), statistics.median(cpus)


WORD = re.compile(r"[^\W_]+")
RUNNING = re.compile(r"\s*(?:Sida \d+ av \d+|Vetlanda kommun \| .*)\s*")


def fidelity(printed: str, read: str) -> tuple[float, int, int]:
    """How true ``read`` is to ``printed``: the share of the printed runs of eight words found
    whole and in order, the header and footer lines left in, the words that are not words of
    the printed text."""
    want = WORD.findall(printed)
    got = " " + " ".join(WORD.findall(read)) + " "
    found, position, runs = 0, 0, 0
    for k in range(0, len(want) - 7, 8):
        runs += 1
        at = got.find(" " + " ".join(want[k : k + 8]) + " ", position)
        if at >= 0:
            found += 1
            position = at + 1
    left_in = sum(1 for line in read.splitlines() if RUNNING.fullmatch(line))
    vocabulary = set(want) | {"Sida", "av"}
    strange = sum(1 for word in WORD.findall(read) if word not in vocabulary)
    return found / max(runs, 1), left_in, strange


def facts(extraction: Any) -> list[tuple[str, str]]:
    return sorted((entity.section, entity.key) for entity in extraction.entities)


def load() -> str:
    with open("/proc/loadavg", encoding="ascii") as stream:
        return " / ".join(stream.read().split()[:3])


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--pages", type=int, default=100, help="pages of text (3,000 characters)")
    parser.add_argument("--pdf-pages", type=int, default=94, help="pages of each PDF")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, default=None, help="write the inputs here")
    args = parser.parse_args()

    from samklang.graph.ingest import ingest
    from samklang.graph.ingest.pdf import pdf_text

    print(f"load before: {load()} ({os.cpu_count()} cores)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        text = plan_text(args.pages)
        source = folder / "plan.txt"
        source.write_text(text, encoding="utf-8")
        pdfs: dict[int, tuple[Path, Path, int, str]] = {}
        for columns in (1, 2):
            page = folder / f"plan-{columns}.html"
            printed = write_html(text, page, columns, args.pdf_pages)
            pdf, printed_txt = folder / f"plan-{columns}.pdf", folder / f"plan-{columns}.txt"
            printed_txt.write_text(printed, encoding="utf-8")
            print_pdf(page, pdf)
            import pypdfium2

            with pypdfium2.PdfDocument(str(pdf)) as document:
                count = len(document)
            pdfs[columns] = (pdf, printed_txt, count, printed)
        pages_text = len(text) / CHARS_PER_PAGE
        from samklang.graph.limits import MAX_DOCUMENT_TEXT_BYTES

        size = len(text.encode("utf-8"))
        print(
            f"text: {size / 1e6:.2f} MB as UTF-8 (ingest reads up to "
            f"{MAX_DOCUMENT_TEXT_BYTES / 1e6:.0f} MB: --pages {args.pages} is "
            f"{'under' if size <= MAX_DOCUMENT_TEXT_BYTES else 'OVER'} it)"
        )
        print(
            f"text: {len(text):,} characters, {len(text.splitlines()):,} lines "
            f"({pages_text:.0f} pages of {CHARS_PER_PAGE:,} characters); PDFs: "
            + "; ".join(
                f"{c} column{'s' if c > 1 else ''} {n} pages, {len(p):,} characters"
                for c, (_, _, n, p) in pdfs.items()
            )
        )

        drafts = folder / "utkast"
        drafts.mkdir(exist_ok=True)

        def samklang_ingest(path: Path) -> None:
            """What ``samklang ingest PATH -o DIR`` does: read, extract, write the draft."""
            ingest(path).write(Path(tempfile.mkdtemp(dir=drafts)) / "utkast")

        n = args.repeat
        rows = [
            (
                "ingest, 100-page text (baseline)",
                timed(lambda: samklang_ingest(source), n),
                pages_text,
                n,
            )
        ]
        quality = []
        same = []
        for columns, (pdf, printed_txt, pages, printed) in pdfs.items():
            label = f"{columns} column{'s' if columns > 1 else ''}"
            rows.append(
                (f"ingest, PDF {label}", timed(lambda p=pdf: samklang_ingest(p), n), pages, n)
            )
            rows.append(
                (
                    f"ingest, the text PDF {label} prints",
                    timed(lambda p=printed_txt: samklang_ingest(p), n),
                    pages,
                    n,
                )
            )
            readers: list[tuple[str, Callable[[], str], int]] = [
                ("samklang pdf_text", lambda p=pdf: pdf_text(p), n),
                ("pypdfium2 get_text_range", lambda p=pdf: pdfium_text(p), n),
                ("pypdf extract_text", lambda p=pdf: pypdf_text(p), 1),
            ]
            for name, read, times in readers:
                rows.append((f"{name}, PDF {label}", timed(read, times), pages, times))
                quality.append((f"{name}, PDF {label}", *fidelity(printed, read())))
            from_pdf, from_text = (
                facts(ingest(pdf).extraction),
                facts(ingest(printed_txt).extraction),
            )
            same.append((label, len(set(from_pdf) & set(from_text)), len(from_text), len(from_pdf)))

        base = rows[0][1][0]
        print(f"\nmedian of --repeat {n} runs after a warm-up (pypdf: 1); ingest writes the draft")
        print("| run | seconds | fastest | processor s | ms per page | ratio to the baseline |")
        print("|---|---|---|---|---|---|")
        for name, (wall, fastest, cpu), count, _ in rows:
            print(
                f"| {name} | {wall:.2f} | {fastest:.2f} | {cpu:.2f} | {1000 * wall / count:.1f} "
                f"| {wall / base:.2f} |"
            )
        print(
            "\n| text read | 8-word runs in order | header/footer lines left"
            " | not words of the plan"
            " |"
        )
        print("|---|---|---|---|")
        for name, in_order, left_in, strange in quality:
            print(f"| {name} | {100 * in_order:.1f} % | {left_in} | {strange} |")
        print("\n| PDF | records found in the PDF and in its text / in the text / in the PDF |")
        print("|---|---|")
        for label, both, in_text, in_pdf in same:
            print(f"| {label} | {both} / {in_text} / {in_pdf} |")
    print(f"\nload after: {load()}")


if __name__ == "__main__":
    main()
