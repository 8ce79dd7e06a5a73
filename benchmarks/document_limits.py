"""Plan documents at and over the limits of `samklang ingest` (samklang/graph/limits.py: 1 MB of
text, 20 MB a file, a .docx unpacking to 20 MB): each read or refused as `samklang ingest` in a
process of its own; wall time, processor time and peak memory against the baseline of the
100-page plan of benchmarks/ingest_documents.py measured in the same run.

Usage: python benchmarks/document_limits.py [--repeat N] [--keep DIR]

The inputs are made here (nothing is downloaded): the benchmark's plan text of 100 pages and
of 315 (0.98 MB), as .txt and as a .docx of one paragraph a line; the worst texts for the
ingester just under 1 MB (a million empty lines; one sentence of one word a line); a .docx of
3.15 million empty paragraphs, 19.8 MB unpacked, and one of 1.05 million paragraphs of an
empty run, 18.8 MB (both under the unpacking limit, refused where the reader passes 1 MB of
lines); a .docx unpacking to 200 MB (refused from the zip's directory).
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.ingest_documents import plan_text  # noqa: E402
from benchmarks.input_limits import measured  # noqa: E402


def run(document: Path, draft: Path) -> tuple[float, float, int, int, str]:
    """`samklang ingest --lang en DOCUMENT -o DRAFT` in a process of its own: wall s,
    processor s, peak KB, exit status, the last line of its error output."""
    return measured(["ingest", "--lang", "en", str(document), "-o", str(draft)])


def word(path: Path, body: str, extra: dict[str, bytes] | None = None) -> Path:
    """A .docx of python-docx's template with ``body`` (WordprocessingML) as its body."""
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "word/document.xml":
                head, rest = content.decode("utf-8").split("<w:body>", 1)
                content = f"{head}<w:body>{body}{rest}".encode()
            z.writestr(info.filename, content)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return path


def paragraphs(text: str) -> str:
    from xml.sax.saxutils import escape

    return "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>'
        for line in text.split("\n")
    )


def cases(work: Path) -> list[tuple[str, Path]]:
    plan, near = plan_text(100), plan_text(315)
    title = "Plan för brottsförebyggande arbete 2024–2027\n"
    made = {
        "100-page plan (.txt, 0.31 MB): baseline": ("plan.txt", plan),
        "315-page plan (.txt, 0.98 MB)": ("near.txt", near),
        "a million empty lines (.txt, 1 MB)": ("empty.txt", title + "\n" * 999_000),
        "249,000 sentences of one word (.txt, 1 MB)": ("words.txt", title + "Ja.\n" * 249_000),
        "1 MB and one byte (.txt)": ("over.txt", None),
    }
    out = []
    for name, (file, text) in made.items():
        path = work / file
        if text is None:
            text = near + "x" * (1_000_001 - len(near.encode()))
        path.write_text(text, encoding="utf-8")
        out.append((name, path))
    out.append(("315-page plan (.docx)", word(work / "near.docx", paragraphs(near))))
    out.append(
        ("3.15 million empty paragraphs (.docx, 19.8 MB unpacked): refused at 1 MB of lines",
         word(work / "xml20.docx", "<w:p/>" * 3_150_000))
    )  # fmt: skip
    out.append(
        ("1.05 million paragraphs of an empty run (.docx, 18.8 MB unpacked): refused at 1 MB",
         word(work / "runs.docx", "<w:p><w:r/></w:p>" * 1_050_000))
    )  # fmt: skip
    out.append(
        ("a .docx unpacking to 200 MB",
         word(work / "bomb.docx", "", {"word/media/image1.jpeg": b" " * 200_000_000}))
    )  # fmt: skip
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, default=None)
    args = parser.parse_args()
    print("load before:", Path("/proc/loadavg").read_text().split()[:3])
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        found = cases(work)
        base = None
        print("| input | file MB | exit | s | processor s | peak MB | × baseline s |")
        print("|---|---|---|---|---|---|---|")
        for name, path in found:
            runs = [run(path, work / f"draft-{path.name}-{k}") for k in range(args.repeat)]
            wall = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[1] for r in runs)
            peak = max(r[2] for r in runs) / 1024
            base = base or wall
            print(
                f"| {name} | {path.stat().st_size / 1e6:.2f} | {runs[0][3]} | {wall:.2f} | "
                f"{cpu:.2f} | {peak:.0f} | {wall / base:.1f} |",
                flush=True,
            )
            if runs[0][3] == 2:
                print(f"|  ↳ {runs[0][4][:150]} |||||||")
    print("load after:", Path("/proc/loadavg").read_text().split()[:3])


if __name__ == "__main__":
    main()
