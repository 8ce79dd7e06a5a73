"""Read the text layer of a PDF as lines of text for the ingester (``text.py``).

The reader is PDFium (pypdfium2; decision 0006): it keeps each printed line a line, is 16 to
25 times faster than pypdf on a long plan, and gives the position of every character, which
this module uses to undo what the page layout does to the text:

- **Running headers and footers are removed**: a line among the two topmost or the two
  lowest lines of a page that recurs, at the same height, on at least half of the pages (and
  on two at least), digits not counted, so that ``Sida 3 av 12``, ``- 3 -`` or a bare ``3``
  match on every page.
- **Two columns are read in order**: a page whose lines leave a vertical gutter in its middle,
  with lines filling the columns on both sides, is read column by column, left then right;
  a line across the gutter (a title, a heading over both columns) stands where it is, and the
  columns between two such lines are read as one band. Lines that a PDF writes across the
  page (left line, right line, next left line, …) are split at the gutter first.
- **A table's cells are parted by a tab**, as a DOCX table's row is: a line with wide gaps
  between its words (1.5 times its height) is split there; a short justified line, all of
  whose spaces are wide and alike, is not, unless a piece of it begins where a piece of the
  line above or below does.
- **Words hyphenated at a line end are joined**: ``brotts-`` / ``förebyggande arbete``
  becomes ``brottsförebyggande`` / ``arbete``: the rest of the word moves up to the line it
  began on, and the next line keeps the rest (a line left empty goes). A hyphen before a
  conjunction is kept (``polis- och kommunsamverkan``, ``risk- eller skyddsfaktorer``), and
  so is one after a digit, a capital or a single letter or before a digit or a capital, the
  word being joined with its hyphen (``2020-`` / ``2023`` → ``2020-2023``, ``IT-`` / ``stöd``
  → ``IT-stöd``, ``e-`` / ``post`` → ``e-post``). A soft hyphen is always a word's break.
- A gap between two lines of a column larger than one and a half times the page's line
  spacing becomes an empty line, as paragraphs are separated in a text file.

Pages follow each other with one line end, and PDFium's own line ends and characters are kept
otherwise. **The text returned is the text every line number and offset of a draft refers
to** (``SourceText``, ``kallor/NAME.txt``): nothing is rearranged after it, so provenance is
true by construction. What is dropped (headers, footers) or moved (a hyphenated word's end)
is so before any offset is counted.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from samklang.errors import InputError
from samklang.graph.limits import MAX_DOCUMENT_TEXT_BYTES, check_document_text
from samklang.graph.textfile import normalise_line_ends

HYPHENS = "-\u2010\u00ad"
"""A hyphen at a line end: hyphen-minus, the hyphen Chromium prints for a soft hyphen, the
soft hyphen itself."""

_PDFIUM_HYPHEN = "\ufffe\x02"
"""What PDFium puts for a hyphen it takes to end a line (it then runs the next line on)."""

KEEP_HYPHEN_BEFORE = frozenset(
    "och eller samt respektive resp liksom som men till mot med utan and or".split()
)
"""Words before which a line-end hyphen is a real one: ``polis-`` / ``och kommunsamverkan``."""

_SPLIT = re.compile("\r\n|[\ufffe\x02]")
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
_FIRST_WORD = re.compile(r"\S+")


@dataclass(eq=False)
class _Line:
    """A line of a page as PDFium reads it, in the order of the page's content.

    ``x0``…``bottom`` are the box of its first and last characters, in points from the page's
    bottom left; ``pieces`` are its parts either side of a gutter (itself when it has none).
    """

    text: str
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    first: int = 0
    last: int = 0
    pieces: list[_Line] = field(default_factory=list)

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class _Page:
    lines: list[_Line]
    placed: bool  # whether the lines have positions


def _read_pages(path: Path) -> list[_Page]:
    import pypdfium2
    import pypdfium2.raw as pdfium

    try:
        document = pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError as err:
        if err.err_code == pdfium.FPDF_ERR_PASSWORD:
            raise InputError(path, None, "is an encrypted PDF; save an unencrypted copy") from err
        raise InputError(path, None, f"is not a readable PDF ({err})") from err
    pages = []
    box = pdfium.FS_RECTF()
    read = 0  # characters of the pages so far, to stop at twice the text limit (below)
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            try:
                pages.append(_page_lines(textpage, pdfium, box))
                read += sum(len(line.text) + 1 for line in pages[-1].lines)
                if read > 2 * MAX_DOCUMENT_TEXT_BYTES:
                    # The pages' text still holds the running headers, and hyphenated words
                    # unjoined: twice the limit is surely over it (text.py measures the text).
                    check_document_text(path, read)
            finally:
                textpage.close()
                page.close()
    except pypdfium2.PdfiumError as err:
        raise InputError(path, None, f"is not a readable PDF ({err})") from err
    finally:
        document.close()
    return pages


def _page_lines(textpage: Any, pdfium: Any, box: Any) -> _Page:
    """The lines of a page, with the boxes of their first and last characters."""
    text = textpage.get_text_range()
    raw = textpage.raw
    placed = textpage.count_chars() == len(text)  # one character of text per PDFium index
    lines: list[_Line] = []
    start = 0
    for m in [*_SPLIT.finditer(text), None]:
        end = m.start() if m else len(text)
        hyphen = m is not None and m[0] in _PDFIUM_HYPHEN
        # segment[i] is PDFium's character start + i; its hyphen is the character at ``end``
        segment, begin = text[start:end] + ("-" if hyphen else ""), start
        start = m.end() if m else len(text)
        stripped = segment.strip()
        if not stripped:
            continue
        line = _Line(stripped)
        if placed:
            line.first = begin + len(segment) - len(segment.lstrip())
            line.last = begin + len(segment.rstrip()) - 1
            if pdfium.FPDFText_GetLooseCharBox(raw, line.first, box):
                line.x0, line.top, line.bottom = box.left, box.top, box.bottom
                line.size = box.top - box.bottom
                if pdfium.FPDFText_GetLooseCharBox(raw, line.last, box):
                    line.x1 = box.right
                    line.top, line.bottom = max(line.top, box.top), min(line.bottom, box.bottom)
                else:
                    placed = False
            else:
                placed = False
        line.pieces = [line]
        lines.append(line)
    page = _Page(lines, placed and bool(lines))
    if page.placed:
        _split_at_gaps(page, text, raw, pdfium, box)
    return page


Gap = tuple[int, int, float, float]
"""A wide space in a line: the last character before it, the first after, and the right and
left edges of the two."""


def _split_at_gaps(page: _Page, text: str, raw: Any, pdfium: Any, box: Any) -> None:
    """Split lines at wide gaps into their pieces: the cells of a table row, or the two
    columns of a line a PDF writes across the page.

    A gap is a space between two characters at least 1.5 times the line's height wide. Only
    some lines are looked at: those far wider than their characters (a table row), and every
    fourth line reaching over the page's middle (written across a gutter?), all of those when
    one of them has a gap there. A page of running text costs a few look-ups per line. A line
    all of whose spaces are wide and alike is a short line of justified text, not a table's
    row, unless a piece of it begins where a piece of the line above or below does.
    """
    left = min(line.x0 for line in page.lines)
    width = max(line.x1 for line in page.lines) - left
    if width <= 0:
        return
    spread = [(line.x1 - line.x0) / len(line.text) for line in page.lines if len(line.text) >= 20]
    usual = statistics.median(spread) if spread else 0.0

    def gaps(line: _Line) -> tuple[list[Gap], bool]:
        """The line's gaps, and whether they are all its spaces, alike (justified text?)."""
        found: list[Gap] = []
        spaces = 0
        i = line.first + 1
        while i < line.last:
            if text[i] != " ":
                i += 1
                continue
            before, after = i - 1, i + 1
            while after < line.last and text[after] == " ":
                after += 1
            i = after
            spaces += 1
            if not pdfium.FPDFText_GetLooseCharBox(raw, before, box):
                continue
            right_edge = box.right
            if not pdfium.FPDFText_GetLooseCharBox(raw, after, box):
                continue
            if box.left - right_edge >= max(1.5 * line.size, 8.0):
                found.append((before, after, right_edge, box.left))
        widths = [b - a for _, _, a, b in found]
        alike = len(found) >= 2 and len(found) == spaces and max(widths) <= 1.25 * min(widths)
        return found, alike

    def split(line: _Line, found: list[Gap]) -> None:
        pieces = []
        first, x0 = line.first, line.x0
        for before, after, right_edge, left_edge in [*found, (line.last, 0, line.x1, 0.0)]:
            piece = line.text[first - line.first : before + 1 - line.first].strip()
            if piece:
                pieces.append(
                    _Line(piece, x0, right_edge, line.top, line.bottom, line.size, first, before)
                )
            first, x0 = after, left_edge
        line.pieces = pieces

    def in_middle(found: list[Gap]) -> bool:
        return any(left + 0.2 * width <= (a + b) / 2 <= left + 0.8 * width for *_, a, b in found)

    wide = [
        line
        for line in page.lines
        if line.x0 < left + 0.4 * width and line.x1 > left + 0.6 * width and line.last > line.first
    ]
    sampled = wide[::4]
    found = {id(line): gaps(line) for line in sampled}
    across = any(in_middle(gs) for gs, _ in found.values())
    for line in page.lines:
        if id(line) in found:
            continue
        if (across and line in wide) or (
            usual and len(line.text) >= 8 and line.x1 - line.x0 > 1.4 * usual * len(line.text)
        ):
            found[id(line)] = gaps(line)
    starts = [
        {round(b) for *_, b in found[id(line)][0]} if id(line) in found else set()
        for line in page.lines
    ]
    for n, line in enumerate(page.lines):
        gs, alike = found.get(id(line), ([], False))
        if not gs:
            continue
        if alike:
            near = set().union(*starts[max(n - 1, 0) : n], *starts[n + 1 : n + 2])
            if not any(abs(b - x) <= 2 for *_, b in gs for x in near):
                continue
        split(line, gs)


def _key(line: _Line) -> str:
    return _SPACES.sub(" ", _DIGITS.sub("#", line.text)).strip()


def _running_lines(pages: list[_Page]) -> set[int]:
    """``id`` of every line that is a running header or footer."""
    if len(pages) < 2:
        return set()
    needed = max(2, -(-len(pages) // 2))
    found: dict[tuple[str, str], list[tuple[int, _Line]]] = {}
    for number, page in enumerate(pages):
        if not page.lines:
            continue
        for zone, candidates in _edges(page).items():
            for line in candidates:
                found.setdefault((zone, _key(line)), []).append((number, line))
    running: set[int] = set()
    for occurrences in found.values():
        if len({number for number, _ in occurrences}) < needed:
            continue
        if all(pages[number].placed for number, _ in occurrences):
            height = statistics.median(line.middle for _, line in occurrences)
            occurrences = [
                (number, line)
                for number, line in occurrences
                if abs(line.middle - height) <= max(3.0, line.size / 2)
            ]
            if len({number for number, _ in occurrences}) < needed:
                continue
        running.update(id(line) for _, line in occurrences)
    return running


def _edges(page: _Page) -> dict[str, list[_Line]]:
    """The lines of a page's two topmost and two lowest baselines (its first and last two
    lines when they have no positions)."""
    if not page.placed:
        return {"top": page.lines[:2], "bottom": page.lines[-2:]}
    edges = {}
    for zone, sign in (("top", -1), ("bottom", 1)):
        ordered = sorted(page.lines, key=lambda line: sign * line.bottom)
        levels: list[float] = []
        chosen = []
        for line in ordered:
            if not any(abs(line.bottom - level) <= line.size / 2 for level in levels):
                if len(levels) == 2:
                    break
                levels.append(line.bottom)
            chosen.append(line)
        edges[zone] = chosen
    return edges


def _gutter(pieces: list[_Line]) -> float | None:
    """The x of the gutter between two columns of text, or ``None`` for one column."""
    if len(pieces) < 6:
        return None
    left = min(p.x0 for p in pieces)
    right = max(p.x1 for p in pieces)
    width = right - left
    lo, hi = left + 0.25 * width, left + 0.75 * width
    events = sorted([(p.x0, 1) for p in pieces] + [(p.x1, -1) for p in pieces])
    depth = 0
    best: tuple[int, float, float, float] | None = None  # depth, -width, start, end
    for (x, step), (following, _) in zip(events, events[1:], strict=False):
        depth += step
        if following <= lo or x >= hi:
            continue
        start, end = (x if x > lo else lo), (following if following < hi else hi)
        if end - start <= 0:
            continue
        candidate = (depth, -(end - start), start, end)
        if best is None or candidate < best:
            best = candidate
    if best is None:
        return None
    _, _, start, end = best
    if end - start < 6.0:
        return None
    gutter = (start + end) / 2
    lefts = [p for p in pieces if p.x1 <= gutter]
    rights = [p for p in pieces if p.x0 >= gutter]
    across = len(pieces) - len(lefts) - len(rights)
    if len(lefts) < 3 or len(rights) < 3 or across > 0.2 * (len(lefts) + len(rights)):
        return None
    if end - start > 0.2 * width:
        return None  # too wide a gap for a gutter: a table's columns, or text beside a margin
    for column in (lefts, rights):
        extent = max(p.x1 for p in column) - min(p.x0 for p in column)
        if (
            extent < 0.3 * width
            or statistics.median(p.x1 - p.x0 for p in column) < 0.4 * extent
            or statistics.median(len(p.text) for p in column) < 15
        ):
            return None  # short pieces: the cells of a table, not lines of running text
    top = min(max(p.top for p in lefts), max(p.top for p in rights))
    bottom = max(min(p.bottom for p in lefts), min(p.bottom for p in rights))
    if top <= bottom:
        return None  # not side by side
    return gutter


def _page_text_lines(page: _Page, running: set[int]) -> list[str]:
    """The lines of one page in reading order, with an empty line for a paragraph gap."""
    lines = [line for line in page.lines if id(line) not in running]
    if not page.placed:
        return [line.text for line in lines]
    pieces = [piece for line in lines for piece in line.pieces]
    gutter = _gutter(pieces)
    rows: list[list[_Line]]
    if gutter is None:
        rows = [line.pieces for line in lines]
    else:
        rows = []
        columns: tuple[list[_Line], list[_Line]] = ([], [])

        def flush() -> None:
            for column in columns:
                previous: _Line | None = None
                for piece in column:
                    if previous is not None and _same_level(previous, piece):
                        rows[-1].append(piece)
                    else:
                        rows.append([piece])
                    previous = piece
                column.clear()

        for piece in sorted(pieces, key=lambda p: (-round(p.bottom, 1), p.x0)):
            if piece.x1 <= gutter:
                columns[0].append(piece)
            elif piece.x0 >= gutter:
                columns[1].append(piece)
            else:
                flush()
                rows.append([piece])
        flush()
    pitches = [
        a[0].bottom - b[0].bottom
        for a, b in zip(rows, rows[1:], strict=False)
        if 0.5 * a[0].size < a[0].bottom - b[0].bottom < 4 * a[0].size
    ]
    pitch = statistics.median(pitches) if len(pitches) >= 3 else None
    out: list[str] = []
    for n, row in enumerate(rows):
        if n and pitch is not None and rows[n - 1][0].bottom - row[0].bottom > 1.5 * pitch:
            out.append("")
        out.append(_joined(row))
    return out


def _joined(row: list[_Line]) -> str:
    """The pieces of a row as one line: a tab where a wide gap parts them (a table's cells,
    as a DOCX row's), else a space."""
    text = row[0].text
    for before, piece in zip(row, row[1:], strict=False):
        size = before.size if before.size < piece.size else piece.size
        wide = piece.x0 - before.x1 >= 1.5 * size and piece.x0 - before.x1 >= 8.0
        text += ("\t" if wide else " ") + piece.text
    return text


def _same_level(a: _Line, b: _Line) -> bool:
    return abs(a.bottom - b.bottom) * 3 <= (a.size if a.size < b.size else b.size)


def join_hyphenated(lines: list[str]) -> list[str]:
    """Join words hyphenated at line ends, moving the end of the word up (see the module's
    docstring); a line left empty by it goes."""
    out = list(lines)
    n = 0
    while n < len(out) - 1:
        line, following = out[n], out[n + 1]
        if len(line) < 2 or line[-1] not in HYPHENS or not line[-2].isalnum():
            n += 1
            continue
        m = _FIRST_WORD.match(following)
        if m is None or not following[0].isalnum():
            n += 1
            continue
        word = m[0]
        bare = word.rstrip(".,;:!?)»”’").lower()
        if bare in KEEP_HYPHEN_BEFORE:
            n += 1
            continue
        head = line[:-1]
        stem = re.search(r"\w+$", head)
        keep = line[-1] != "\u00ad" and (
            word[0].isdigit()
            or word[0].isupper()
            or (
                stem is not None
                and (stem[0].isupper() or stem[0][-1].isdigit() or len(stem[0]) == 1)
            )
        )
        out[n] = (line if keep else head) + word
        rest = following[m.end() :].lstrip()
        if rest:
            out[n + 1] = rest
            n += 1
        else:
            del out[n + 1]
    return out


def pdf_text(path: Path) -> str:
    """The text layer of a PDF, page after page, as the module's docstring describes."""
    pages = _read_pages(path)
    running = _running_lines(pages)
    lines: list[str] = []
    for page in pages:
        lines += _page_text_lines(page, running)
    lines = join_hyphenated([normalise_line_ends(line).replace("\n", " ") for line in lines])
    text = "\n".join(lines)
    if not re.search(r"\w{2}", text):
        raise InputError(
            path,
            None,
            f"has no text layer ({len(pages)} page{'s' if len(pages) != 1 else ''} of images, "
            "as from a scanner); run text recognition (OCR) on it first, or give the text as "
            "a .txt or .docx file",
        )
    return text
