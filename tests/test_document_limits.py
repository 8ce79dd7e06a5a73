"""The limits of the plan documents `ingest` reads (samklang/graph/limits.py): 20 MB a file,
1 MB of text after extraction (as UTF-8), a .docx unpacking to 20 MB. A document at a limit is
read; one over it is refused with one sentence naming the file and the limit (exit status 2,
no traceback). The broken .docx files are in the attack corpus (tests/attack/docx-*)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from samklang.cli import cli
from samklang.graph.ingest.text import read_document
from samklang.graph.limits import (
    MAX_DOCUMENT_BYTES,
    MAX_DOCUMENT_TEXT_BYTES,
    MAX_DOCX_UNZIPPED_BYTES,
)

TEXT_REFUSED = (
    "holds more than 1 MB of text; samklang reads plan documents of up to 1 MB of text (a plan "
    "of 100 pages holds 0.3 MB; give the plan without the documents appended to it)."
)


def refused(runner: CliRunner, path: Path) -> str:
    """The one sentence ``ingest --lang en`` refuses the document with (exit status 2)."""
    result = runner.invoke(cli, ["ingest", "--lang", "en", str(path), "-o", str(path) + ".d"])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert not Path(str(path) + ".d").exists()
    return lines[0]


def plan_text(size: int) -> str:
    """A plan's text of exactly ``size`` bytes as UTF-8, Swedish letters in it."""
    line = "Kommunen och polisen genomför trygghetsvandringar i centrum varje höst.\n"
    text = "Plan för brottsförebyggande arbete 2024–2027\n\n"
    text += line * ((size - len(text.encode())) // len(line.encode()))
    return text + "x" * (size - len(text.encode()))


def word_document(paragraphs: list[str], extra: dict[str, bytes] | None = None) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    if not extra:
        return buffer.getvalue()
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            z.writestr(info.filename, source.read(info.filename))
        for name, content in extra.items():
            z.writestr(name, content)
    return out.getvalue()


# --- the text ---------------------------------------------------------------------------------


def test_a_text_of_1_mb_is_read_and_one_byte_more_is_refused(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(plan_text(MAX_DOCUMENT_TEXT_BYTES), encoding="utf-8")
    assert len(read_document(path).text.encode()) == MAX_DOCUMENT_TEXT_BYTES
    path.write_text(plan_text(MAX_DOCUMENT_TEXT_BYTES + 1), encoding="utf-8")
    assert refused(runner, path) == f"samklang: {path}: {TEXT_REFUSED}"


def test_the_text_is_measured_as_utf_8_whatever_the_files_encoding(
    runner: CliRunner, tmp_path: Path
) -> None:
    """``Plan `` and 499,998 letters ä are 500,003 bytes in Windows-1252, 1,000,001 as UTF-8:
    refused."""
    path = tmp_path / "plan.txt"
    path.write_bytes(("Plan " + "ä" * 499_998).encode("cp1252"))
    assert path.stat().st_size < MAX_DOCUMENT_TEXT_BYTES
    assert TEXT_REFUSED in refused(runner, path)


def test_a_word_document_of_just_under_1_mb_of_text_is_read(tmp_path: Path) -> None:
    paragraph = "Trygghetsvandring i centrum med kommunen och polisen. " * 90
    count = MAX_DOCUMENT_TEXT_BYTES // (len(paragraph.encode()) + 1)
    path = tmp_path / "plan.docx"
    path.write_bytes(word_document([paragraph] * count))
    text = read_document(path).text
    assert MAX_DOCUMENT_TEXT_BYTES - 10_000 < len(text.encode()) <= MAX_DOCUMENT_TEXT_BYTES


@pytest.mark.parametrize("letter", ["a", "ä"])
def test_a_word_document_over_1_mb_of_text_is_refused(
    runner: CliRunner, tmp_path: Path, letter: str
) -> None:
    """Over the limit in characters (the reader stops at the paragraph past it), or only as
    UTF-8 (measured once the text is read)."""
    per = 600_000 if letter == "ä" else 1_100_000
    path = tmp_path / "plan.docx"
    path.write_bytes(word_document([letter * 10_000] * (per // 10_000)))
    assert refused(runner, path) == f"samklang: {path}: {TEXT_REFUSED}"


@pytest.mark.slow  # the PDF reader takes a few seconds over pages of long lines
def test_a_pdf_is_held_to_the_text_limit_in_the_text_it_reads(
    runner: CliRunner, tmp_path: Path
) -> None:
    from tests.ingest.pdf_pages import column_pages

    line = ("Kommunen och polisen genomför trygghetsvandringar varje höst. " * 80)[:4999]
    under = column_pages([[[line] * 10] for _ in range(18)], tmp_path / "under.pdf")
    size = len(read_document(under).text.encode())
    assert MAX_DOCUMENT_TEXT_BYTES - 100_000 < size <= MAX_DOCUMENT_TEXT_BYTES
    over = column_pages([[[line] * 10] for _ in range(26)], tmp_path / "plan.pdf")
    assert refused(runner, over) == f"samklang: {over}: {TEXT_REFUSED}"


# --- the file and what a .docx unpacks to ---------------------------------------------------


def test_a_word_document_of_19_mb_unpacking_to_just_under_20_mb_is_read(tmp_path: Path) -> None:
    """A picture that does not shrink in the zip: the file under its limit, its parts just
    under theirs."""
    import os

    plain = word_document(["Plan för trygghet 2024–2027."])
    with zipfile.ZipFile(io.BytesIO(plain)) as archive:
        parts = sum(info.file_size for info in archive.infolist())
    picture = os.urandom(MAX_DOCX_UNZIPPED_BYTES - parts - 200_000)
    path = tmp_path / "plan.docx"
    path.write_bytes(word_document(["Plan för trygghet 2024–2027."], {"word/media/p.bin": picture}))
    assert 19_000_000 < path.stat().st_size < MAX_DOCUMENT_BYTES
    with zipfile.ZipFile(path) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    assert MAX_DOCX_UNZIPPED_BYTES - 400_000 < unpacked <= MAX_DOCX_UNZIPPED_BYTES
    assert read_document(path).text == "Plan för trygghet 2024–2027."


def test_a_word_document_unpacking_to_more_than_20_mb_is_refused_unread(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "plan.docx"
    plain = word_document(["Plan."])
    with zipfile.ZipFile(io.BytesIO(plain)) as archive:
        parts = sum(info.file_size for info in archive.infolist())
    bomb = b" " * (MAX_DOCX_UNZIPPED_BYTES - parts + 1)
    path.write_bytes(word_document(["Plan."], {"word/media/image1.jpeg": bomb}))
    assert path.stat().st_size < 200_000
    assert refused(runner, path) == (
        f"samklang: {path}: unpacks to 20.1 MB; samklang reads Word documents that unpack to up "
        "to 20 MB (a plan of 100 pages with its pictures unpacks to a few MB; save it without "
        "pictures, or as a .txt or .pdf file)."
    )


def test_a_document_over_20_mb_is_refused_and_its_size_rounded_up(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "plan.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b" " * (MAX_DOCUMENT_BYTES - 8))
    assert refused(runner, path) == (
        f"samklang: {path}: is 20.1 MB; samklang reads documents up to 20 MB."
    )


def test_the_swedish_sentence(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(plan_text(MAX_DOCUMENT_TEXT_BYTES + 1), encoding="utf-8")
    result = runner.invoke(cli, ["ingest", str(path), "-o", str(tmp_path / "d")])
    assert result.exit_code == 2
    assert "innehåller mer än 1 MB text; samklang läser plandokument med högst 1 MB text" in (
        result.stderr
    )


def test_the_100_page_plan_of_the_ingest_benchmark_is_under_the_text_limit() -> None:
    """benchmarks/ingest_documents.py times ingest on a plan of 100 pages: 0.31 MB, well
    under the limit (about 320 pages would be at it)."""
    from benchmarks.ingest_documents import plan_text as benchmark_plan

    size = len(benchmark_plan(100).encode("utf-8"))
    assert 250_000 < size < MAX_DOCUMENT_TEXT_BYTES / 3
