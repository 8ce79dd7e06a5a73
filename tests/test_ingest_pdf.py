"""Reading PDFs laid out as real plans are: running headers and footers, words hyphenated at
line ends, two columns (``ingest/pdf.py``).

The PDFs are built in pure Python (``ingest/pdf_pages.py``), so these run anywhere; the
benchmark (``benchmarks/ingest_documents.py``) reads the same layouts printed by Chromium.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from samklang.graph.ingest import ingest
from samklang.graph.ingest.model import Extraction
from samklang.graph.ingest.pdf import join_hyphenated
from samklang.graph.ingest.text import read_document

from .ingest.builders import HERE
from .ingest.pdf_pages import column_pages, wrap

HEADER = "Sagosta kommun | Handlingsplan för trygghet 2024–2027"


def _facts(extraction: Extraction) -> list[tuple[str, str, dict[str, list[object]]]]:
    """What ingest found, without where: each entity's section, key and values."""

    def plain(value: object) -> object:
        key = getattr(value, "key", value)
        return key() if callable(key) else key

    return [
        (e.section, e.key, {name: [plain(f.value) for f in fs] for name, fs in e.facts.items()})
        for e in extraction.entities
    ]


def _plan_lines(width: int) -> list[str]:
    """Sagosta's plan wrapped at ``width`` characters, an empty line between paragraphs."""
    text = (HERE / "sagosta-handlingsplan.txt").read_text(encoding="utf-8")
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if not paragraph.strip():
            if lines and lines[-1]:
                lines.append("")
            continue
        lines += wrap(paragraph, width)
    return lines


def _hyphenate(lines: list[str]) -> tuple[list[str], list[str]]:
    """The lines as printed, with the first long word of a line broken over the line before
    when it is a plain lowercase word, and the lines a reader should give back."""
    printed, read = list(lines), list(lines)
    for n in range(1, len(lines)):
        words = printed[n].split(" ")
        word = words[0]
        if not printed[n - 1] or len(words) < 2 or len(word) < 12 or not word.isalpha():
            continue
        if not word.islower():
            continue
        cut = len(word) // 2
        printed[n - 1] += f" {word[:cut]}-"
        printed[n] = " ".join([word[cut:], *words[1:]])
        read[n - 1] += f" {word}"
        read[n] = " ".join(words[1:])
    return printed, read


def _pages(
    lines: list[str], per_column: int, columns: int
) -> tuple[list[list[list[str]]], list[str]]:
    """Lay ``lines`` out on pages of ``columns`` columns; returns the pages and the lines a
    reader can see (an empty line at the top or the foot of a column cannot be seen)."""
    laid = [lines[k : k + per_column] for k in range(0, len(lines), per_column)]
    pages = [laid[k : k + columns] for k in range(0, len(laid), columns)]
    seen: list[str] = []
    for column in laid:
        while column and not column[0]:
            column = column[1:]
        while column and not column[-1]:
            column = column[:-1]
        seen += column
    return pages, seen


def test_running_headers_and_footers_are_left_out(tmp_path: Path) -> None:
    lines = [line for line in _plan_lines(90) if line]
    pages = [[lines[k : k + 8]] for k in range(0, len(lines), 8)]
    assert len(pages) >= 3
    for footer in ("Sida {n} av {total}", "{n}", "- {n} -"):
        path = column_pages(pages, tmp_path / "plan.pdf", header=HEADER, footer=footer)
        text = read_document(path).text
        assert HEADER not in text
        assert text.splitlines() == lines  # every line of the body, in order, and nothing else


def test_a_line_on_one_page_only_is_not_a_running_header(tmp_path: Path) -> None:
    lines = [line for line in _plan_lines(90) if line]
    pages = [[lines[:8]], [lines[8:16]], [lines[16:]]]
    pages[0][0].insert(0, "Handlingsplan för trygghet")  # a title at the top of page 1 only
    path = column_pages(pages, tmp_path / "plan.pdf", header=None, footer="Sida {n} av {total}")
    assert read_document(path).text.splitlines() == [line for page in pages for line in page[0]]


def test_words_hyphenated_at_line_ends_are_joined(tmp_path: Path) -> None:
    printed = [
        "Det brotts-",
        "förebyggande arbetet bedrivs i polis-",
        "och kommunsamverkan och gäller för 2020-",
        "2023. Polismyndigheten stöder med IT-",
        "stöd och med e-",
        "post, och risk-",
        "eller skyddsfaktorer följs upp av Social-",
        "nämnden.",
    ]
    path = column_pages([[printed]], tmp_path / "plan.pdf")
    assert read_document(path).text.splitlines() == [
        "Det brottsförebyggande",
        "arbetet bedrivs i polis-",
        "och kommunsamverkan och gäller för 2020-2023.",
        "Polismyndigheten stöder med IT-stöd",
        "och med e-post,",
        "och risk-",
        "eller skyddsfaktorer följs upp av Socialnämnden.",
    ]


def test_hyphen_joining_keeps_real_hyphens() -> None:
    assert join_hyphenated(["Kultur-", "och fritidsnämnden", "- en punkt"]) == [
        "Kultur-",
        "och fritidsnämnden",
        "- en punkt",
    ]
    assert join_hyphenated(["slut med ett tankstreck -", "nästa rad"]) == [
        "slut med ett tankstreck -",
        "nästa rad",
    ]
    assert join_hyphenated(["ett mjukt bind\u00ad", "streck"]) == ["ett mjukt bindstreck"]


@pytest.mark.parametrize("across", [False, True], ids=["column-after-column", "line-by-line"])
def test_two_columns_are_read_column_by_column(tmp_path: Path, across: bool) -> None:
    """A two-column PDF gives the same text, and so the same facts, as the text file."""
    printed, read = _hyphenate(_plan_lines(42))
    pages, _ = _pages(printed, per_column=12, columns=2)
    _, seen = _pages(read, per_column=12, columns=2)
    assert len(pages) >= 2 and all(len(page) == 2 for page in pages[:-1])
    pdf = column_pages(
        pages, tmp_path / "plan.pdf", header=HEADER, footer="Sida {n} av {total}", across=across
    )
    txt = tmp_path / "plan.txt"
    txt.write_text("\n".join(seen) + "\n", encoding="utf-8")

    from_pdf, from_txt = ingest(pdf), ingest(txt)
    assert from_pdf.source.text.splitlines() == seen
    assert _facts(from_pdf.extraction) == _facts(from_txt.extraction)
    assert len(_facts(from_pdf.extraction)) > 10
    text = from_pdf.source.text
    for entity in from_pdf.extraction.entities:  # provenance points into the text read
        for evidence in entity.evidence():
            assert text[evidence.start : evidence.end] == evidence.quote
            assert from_pdf.source.line_of(evidence.start) == evidence.first_line


def test_a_two_column_table_is_not_read_as_columns(tmp_path: Path) -> None:
    """Short cells side by side are a table: each row stays a line, its cells apart by a tab
    (as a DOCX table's row), which the table reader reads as cells."""
    rows = [
        ("Handläggare", "Omar Nilsson"),
        ("Granskad av", "Lena Berg"),
        ("Beslutad av", "Kommunstyrelsen"),
        ("Datum för beslut", "2025-02-18"),
        ("Diarienummer", "KS 2025/12"),
    ]
    columns = [[a for a, _ in rows], [b for _, b in rows]]
    path = column_pages([columns], tmp_path / "t.pdf", across=True)  # as Word writes a table
    assert read_document(path).text.splitlines() == [f"{a}\t{b}" for a, b in rows]


NARROW = [
    "Åtgärdsplan för Låtsasnäs 2026–2027",
    "",
    "Låtsasnäs kommun",
    "",
    "Bakgrund",
    "Låtsasnäs kommun har arbetat med",
    "brottsförebyggande frågor länge. Den",
    "här planen ersätter Brottsförebyggande plan",
    "2022–2025 och bygger på Lägesbild",
    "Låtsasnäs 2025.",
    "Organisation",
    "Arbetet leds av trygghetsrådet.",
]
"""A narrow column (fictional: Låtsasnäs is no real place): lines end wherever one is full."""


def test_a_short_line_in_the_middle_of_a_sentence_is_not_a_heading(tmp_path: Path) -> None:
    """In a PDF, a short line right under a line of text that does not end its sentence goes
    on with that sentence: the documents it names keep their periods."""
    x = ingest(column_pages([[NARROW]], tmp_path / "plan.pdf")).extraction
    keys = {e.key for e in x.of("documents")}
    assert keys >= {
        "brottsforebyggande-plan|2022-01-01/2025-12-31",
        "lagesbild|2025-01-01/2025-12-31",
    }


def test_a_short_line_after_a_finished_sentence_stays_a_heading(tmp_path: Path) -> None:
    """A heading after a line that ends its sentence (``… Låtsasnäs 2025.`` / ``Organisation``)
    is a heading still, and the first lines under the title are not run together."""
    source = read_document(column_pages([[NARROW]], tmp_path / "plan.pdf"))
    from samklang.graph.ingest.layout import read_layout

    kinds = read_layout(source).kinds
    lines = {line.text: line.number for line in source.lines}
    assert kinds[lines["Organisation"]] == "heading"
    assert kinds[lines["Bakgrund"]] == "heading"
