"""The layout of a document's text: headings, list items, table rows, sentences, sections.

Rules run on sentences and on lines; both are spans of the original text, so every match keeps
its character offsets. A sentence may run over several lines (a PDF wraps them); a heading, a
list item and a table row are always a line of their own.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from samklang.graph.ingest.text import Line, SourceText

LIST_ITEM = re.compile(r"^\s*(?:[-•*–▪◦]|\d{1,2}[.)]|[a-z][.)])\s+(?=\S)")
"""A bullet or numbered list item: ``- text``, ``• text``, ``1. text``, ``a) text``."""

TABLE_SEPARATOR = re.compile(r"\t+|\s*\|\s*|\s{2,}")
"""Between the cells of a table row: tabs (DOCX tables, the seed), pipes (Markdown), or two or
more spaces (a table whose columns are aligned with spaces: a text table, a PDF's table)."""

SEGMENT = re.compile(r"\S+(?: \S+)*")
"""A run of text with single spaces inside: in a line of a space-aligned table, one cell's
part of it."""

CONTINUES_CELL = re.compile(
    r"(?:[-,/(]|\b(?:och|eller|samt|i|på|för|av|om|med|till|vid|mot|"
    r"under|från|efter|inom|hos|kring|inför|utan|de|den|det|en|ett))$"
)
"""How a cell's line ends when its text goes on on the next line: a hyphen, a comma, a word
that cannot end a phrase (``Kameraövervakning vid`` / ``Påhittsåsens centrum``)."""

MARKDOWN_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
"""The ``|---|---|`` line under a Markdown table header."""

LABEL = re.compile(r"^\W*[A-ZÅÄÖ][\wåäö]*(?:\s+[\wåäö]+)?(?:\s+\d+)?\s*:\s")
"""A line that starts with a label (``Åtgärd 2: …``, ``Beslutad av: …``): never a continuation."""
_TERMINAL = re.compile(r"[.!?;:,]\s*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\^\d+\])?\s*$")
"""A line that ends in punctuation: never a heading."""
_ENDS_CLAUSE = re.compile(r"[.!?;:]\s*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\^\d+\])?\s*$")
"""A line after which the next does not go on with its sentence. A comma is not such an end:
``… representanter för kommunernas socialtjänst,`` / ``skola och fritid, …`` is one sentence
wrapped after its comma (a PDF's lines end wherever the line is full)."""
_CONTINUES = re.compile(r"^\s*[a-zåäöé(]")
_WRAPPED_MIN = 60
"""A line at least this long that ends without punctuation is taken as wrapped, not a heading."""
MARKUP = re.compile(r"^[\s#>*_]+|[\s*_]+$")
"""Markdown around a line: ``## ``, ``**``, ``> ``."""

TOC_LINE = re.compile(r"(?:\.{3,}|…|\t)\s*\d{1,3}\s*$")
"""A table-of-contents line: a heading followed by dots or a tab and a page number."""


@dataclass(frozen=True)
class Span:
    """A span of the text: ``text[start:end]``."""

    start: int
    end: int


@dataclass
class Row:
    """A table row: the line and the spans of its non-empty cells."""

    line: Line
    cells: list[Span]


@dataclass
class Layout:
    """What each line is, the sentences, and the heading each line falls under.

    Attributes:
        source: the text.
        kinds: per line number, ``blank``, ``heading``, ``item``, ``continued`` (a list item
            wrapped onto this line: ``item_end``), ``row``, ``toc`` or ``text``.
        sentences: spans of sentences (never crossing a heading, item, row or blank line).
        section: per line number, the number of the heading line above it (0 if none).
        rows: table rows by line number.
        columns: for each row of a table whose columns are aligned with spaces, where its
            table's columns start (characters from the start of the line), as its first row
            (the headings) shows them.
        notes_start: number of the first line of the trailing footnotes, or past the end.
    """

    source: SourceText
    kinds: dict[int, str] = field(default_factory=dict)
    sentences: list[Span] = field(default_factory=list)
    section: dict[int, int] = field(default_factory=dict)
    rows: dict[int, Row] = field(default_factory=dict)
    columns: dict[int, tuple[int, ...]] = field(default_factory=dict)
    notes_start: int = 0

    @property
    def text(self) -> str:
        """The whole text."""
        return self.source.text

    def line(self, number: int) -> Line:
        """Line ``number`` (1-based)."""
        return self._lines[number - 1]

    def item_end(self, number: int) -> int:
        """The number of the last line of list item ``number``: the item's own line, or the
        last of the lines it is wrapped onto (``continued``)."""
        while self.kinds.get(number + 1) == "continued":
            number += 1
        return number

    def heading_text(self, number: int) -> str:
        """The text of the heading over line ``number``, without markup or numbering, lowered."""
        heading = self.section.get(number, 0)
        if not heading:
            return ""
        return clean(self.line(heading).text).lower()

    def __post_init__(self) -> None:
        self._lines = self.source.lines


FOOTNOTE_LINE = re.compile(r"^\s*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\^\d+\]:)\s*\S")
"""A footnote: ``¹ text`` (the seed, DOCX footnotes) or ``[^1]: text`` (Markdown)."""


_SECTION_NUMBER = re.compile(r"^\d+(?:\.\d+)*\.?\s+(?=[A-ZÅÄÖ])")


@functools.lru_cache(maxsize=65536)  # headings are cleaned again by every rule that reads them
def clean(text: str) -> str:
    """A line without Markdown markup and without a leading section number (``2.``, ``3.1``)."""
    text = MARKUP.sub("", text)
    text = _SECTION_NUMBER.sub("", text)
    return text.strip()


def read_layout(source: SourceText) -> Layout:
    """Classify the lines of ``source`` and split its text into sentences."""
    layout = Layout(source)
    lines = source.lines
    layout.columns = aligned_tables(lines)
    heading = 0
    for i, line in enumerate(lines):
        kind = "row" if line.number in layout.columns else _kind(source, lines, i)
        if kind == "text" and _continues_item(layout, lines, i):
            kind = "continued"
        elif kind == "heading" and line.number not in source.headings and _runs_on(layout, i):
            kind = "text"  # a short line of a narrow column, in the middle of a sentence
        layout.kinds[line.number] = kind
        if kind == "row":
            layout.rows[line.number] = Row(line, _cells(line))
        layout.section[line.number] = heading  # for a heading: the heading above it
        if kind == "heading":
            heading = line.number
    layout.notes_start = _notes_start(lines)
    layout.sentences = _sentences(layout, lines)
    return layout


def _kind(source: SourceText, lines: list[Line], i: int) -> str:
    line = lines[i]
    text = line.text.strip()
    if not text or MARKDOWN_RULE.match(text):
        return "blank"
    if line.number in source.headings:
        return "heading"
    if line.number in source.items:
        return "item"
    if line.number in source.rows:
        return "row"
    if TOC_LINE.search(text) and len(text) < 100:
        return "toc"
    if "|" in text.strip("|") and text.count("|") >= 2 or "\t" in text.strip():
        return "row"
    if LIST_ITEM.match(line.text) and not re.match(r"^\s*\d{1,2}\.\s+[A-ZÅÄÖ][^.]*$", line.text):
        return "item"
    if (
        re.match(r"^\s*\d{1,2}\.\s+[A-ZÅÄÖ]", line.text)
        and len(text) < 60
        and not _TERMINAL.search(text)
    ):
        # "1. Utgångspunkter": a numbered heading, unless it sits in a run of numbered items
        neighbours = [
            lines[j].text for j in (i - 1, i + 1) if 0 <= j < len(lines) and lines[j].text.strip()
        ]
        if any(re.match(r"^\s*\d{1,2}\.\s", n) for n in neighbours):
            return "item"
        return "heading"
    if FOOTNOTE_LINE.match(text):
        return "text"
    if (
        len(text) < _WRAPPED_MIN
        and not _TERMINAL.search(text)
        and not _CITES_WORK.match(text)
        and not (i > 0 and _joins(lines[i - 1].text, text))
        and (i + 1 >= len(lines) or not _CONTINUES.match(lines[i + 1].text))
    ):
        return "heading"
    return "text"


def _continues_item(layout: Layout, lines: list[Line], i: int) -> bool:
    """Whether line ``i`` goes on with the list item above it: a list item wrapped where the
    line was full, as a PDF's narrow column does (``- förbättra belysningen vid busstationen``
    / ``under 2024,``). The line follows the item (or a line it is wrapped onto) with no empty
    line between, begins in lower case at the margin, and the item above does not end its
    sentence (``.``, ``:``…); it is not an item or a label itself."""
    if i == 0 or layout.kinds.get(lines[i - 1].number) not in ("item", "continued"):
        return False
    text = lines[i].text
    return (
        not text[:1].isspace()
        and bool(_CONTINUES.match(text))
        and not LIST_ITEM.match(text)
        and not LABEL.match(text)
        and not _ENDS_CLAUSE.search(lines[i - 1].text)
    )


_CITES_WORK = re.compile(r"^[A-ZÅÄÖ][^()\d;]*?\s\((?:19|20)\d\d\)\s+\S")
"""A line that begins with an author and a year in parentheses and goes on (``Polismyndigheten
(2025) Lokal lägesbild``, the rest of the title wrapped onto the next line): an entry of a
list of sources, never a heading."""


def _runs_on(layout: Layout, i: int) -> bool:
    """Whether line ``i`` goes on with the sentence of the line of text right above it: that
    line does not end its sentence (``.``, ``:``…) and this one is no item, label or numbered
    heading. A PDF's lines end wherever a line is full (its paragraphs are parted by an empty
    line, ``pdf.py``), and so do a hard-wrapped text's: in a narrow column a short line in the
    middle of a sentence (``2022–2025 och bygger på Lägesbild``) is not a heading. Not for a
    DOCX, whose lines are its paragraphs, nor a line known to be a heading (Markdown ``#``)."""
    if layout.source.kind not in ("pdf", "txt", "md") or i == 0:
        return False
    previous, text = layout.line(i), layout.line(i + 1).text  # lines i and i + 1 from 1
    return (
        layout.kinds.get(previous.number) == "text"
        and bool(previous.text.strip())
        and not _ENDS_CLAUSE.search(previous.text)
        and not LIST_ITEM.match(text)
        and not LABEL.match(text)
        and not _NUMBERED_HEADING.match(text)
    )


_NUMBERED_HEADING = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+[A-ZÅÄÖ]")


def _joins(previous: str, text: str) -> bool:
    """Whether ``text`` continues the sentence of the line before (a wrapped line)."""
    previous = previous.rstrip()
    if not previous or _ENDS_CLAUSE.search(previous) or LIST_ITEM.match(text) or LABEL.match(text):
        return False
    return bool(_CONTINUES.match(text)) or len(previous) >= _WRAPPED_MIN


def aligned_tables(lines: list[Line]) -> dict[int, tuple[int, ...]]:
    """The rows of tables whose columns are aligned with spaces, and where their columns start.

    Such a table begins with a line of two or more short cells two or more spaces apart (its
    headings) and goes on while each line's cells start where a column starts (or further on,
    after a cell that overflowed its column), up to an empty line; it has at least one line of
    two or more cells besides its headings. A line of one cell in the first column belongs to
    the table only as the continuation of a cell: it begins in lower case, or the line above
    ends as a phrase that goes on (``CONTINUES_CELL``).
    """
    found: dict[int, tuple[int, ...]] = {}
    i = 0
    while i < len(lines):
        head = _segments(lines[i].text)
        if (
            "\t" in lines[i].text
            or "|" in lines[i].text
            or len(head) < 2
            or head[0][0] > 3
            or any(end - start > 40 for start, end in head)
        ):
            i += 1
            continue
        starts = tuple(start for start, _ in head)
        block, full, j = [i], 0, i + 1
        while j < len(lines):
            text = lines[j].text
            cells = _segments(text)
            if not cells or "\t" in text or "|" in text or not _fits(cells, starts):
                break
            if len(cells) == 1 and cells[0][0] < starts[1] - 1:
                above = lines[j - 1].text[: starts[1]].rstrip()
                if not (re.match(r"[a-zåäöé0-9]", text.lstrip()) or CONTINUES_CELL.search(above)):
                    break
            full += len(cells) >= 2
            block.append(j)
            j += 1
        if full:
            for k in block:
                found[lines[k].number] = starts
            i = j
        else:
            i += 1
    return found


def _segments(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in SEGMENT.finditer(text)]


def _fits(cells: list[tuple[int, int]], starts: tuple[int, ...]) -> bool:
    """Whether each cell of a line starts where a column starts, or after a cell of the same
    line that ran on past a column's start."""
    for n, (start, _) in enumerate(cells):
        if any(abs(start - column) <= 1 for column in starts):
            continue
        column = max((c for c in starts if c <= start), default=None)
        if column is None or n == 0 or cells[n - 1][1] <= column:
            return False
    return True


def _cells(line: Line) -> list[Span]:
    cells = []
    position = 0
    for part in TABLE_SEPARATOR.split(line.text):
        offset = line.text.index(part, position) if part else position
        position = offset + len(part)
        stripped = part.strip().strip("*").strip()
        if stripped:
            first = offset + part.index(stripped)
            cells.append(Span(line.start + first, line.start + first + len(stripped)))
    return cells


def _notes_start(lines: list[Line]) -> int:
    """The first line of the run of footnotes that ends the text (past the end if none)."""
    start = len(lines) + 1
    for line in reversed(lines):
        if not line.text.strip():
            continue
        if FOOTNOTE_LINE.match(line.text):
            start = line.number
            continue
        break
    return start


_SENTENCE_END = re.compile(r"(?<=[.!?])(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\^\d+\])?\s+(?=[A-ZÅÄÖ\"”(])")


def _sentences(layout: Layout, lines: list[Line]) -> list[Span]:
    """Sentences: runs of ``text`` lines joined where wrapped, split after ``. `` and the like;
    every heading, item, row or footnote line is a sentence of its own."""
    spans: list[Span] = []
    block: list[Line] = []

    def flush() -> None:
        if not block:
            return
        start, end = block[0].start, block[-1].end
        chunk = layout.text[start:end]
        position = 0
        for m in _SENTENCE_END.finditer(chunk):
            if _abbreviation_before(chunk, m.start()):
                continue
            spans.append(Span(start + position, start + m.start()))
            position = m.end()
        spans.append(Span(start + position, end))
        block.clear()

    for line in lines:
        kind = layout.kinds[line.number]
        if kind == "continued":
            continue  # in the sentence of its item (below)
        if kind == "text" and not FOOTNOTE_LINE.match(line.text):
            if block and not (
                _joins(block[-1].text, line.text) or _runs_on(layout, line.number - 1)
            ):
                flush()
            block.append(line)
            continue
        flush()
        if kind == "row" and layout.rows[line.number].cells:
            spans.extend(layout.rows[line.number].cells)  # each cell is a sentence
        elif kind == "item":  # with the lines it is wrapped onto
            spans.append(Span(line.start, layout.line(layout.item_end(line.number)).end))
        elif kind != "blank":
            spans.append(Span(line.start, line.end))
    flush()
    return [s for s in spans if layout.text[s.start : s.end].strip()]


_ABBREVIATIONS = (
    "t.ex.",
    "bl.a.",
    "m.m.",
    "t.o.m.",
    "fr.o.m.",
    "s.k.",
    "dvs.",
    "ca.",
    "jfr.",
    "kap.",
)


def _abbreviation_before(chunk: str, end: int) -> bool:
    before = chunk[max(0, end - 8) : end + 1].lower()
    return any(before.endswith(a) for a in _ABBREVIATIONS) or bool(
        re.search(r"(?:\s|^)[A-ZÅÄÖ]\.$", chunk[max(0, end - 3) : end + 1])
    )
