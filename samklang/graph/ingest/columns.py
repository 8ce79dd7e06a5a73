"""Tables read as records by their column headings.

An åtgärdsplan in Brå's template (*Orsak / Åtgärd / Operativa mål / När / Vem / Uppföljning*),
a plan's list of activities (*Aktivitet / Ansvarig / År / Mål / Status*), a follow-up of what
was planned and what was done (*Planerat / Genomfört / Status*): whatever carries the table, a
row whose cells name known columns (``TABLE_COLUMNS`` in ``patterns``) is its headings, and
each row under it is a record, its cells mapped to fields by the column they stand in. What
carries a table:

- a Word table, whose rows ``docx.py`` writes as lines of cells separated by tabs (a cell
  merged with the one above it, ``SourceText.merged``, is that cell: Word shows its text once);
- tab-separated columns in a text, or a Markdown pipe table (``| Åtgärd | Ansvarig |``);
- columns aligned with spaces, in a text or in a PDF's text (``layout.aligned_tables``).

In a text table a cell may wrap onto the next lines. A line continues the record above when
its title cell is empty, or (in a text table, not a Word or Markdown table, whose rows do not
wrap) when its title cell begins in lower case or the title above ends as a phrase that goes on
(``CONTINUES_CELL``); each of its cells is then joined to the record's cell in that column. A
cell keeps where each line's part of it stands in the text (:class:`Cell`), so every fact read
from it points at its lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from samklang.graph.ingest import patterns as pat
from samklang.graph.ingest.layout import CONTINUES_CELL, SEGMENT, Layout, Span

_JOINER = re.compile(r"^(?:och|eller|samt|resp\.?|respektive)\b")
"""A word after a hyphen at a line end that keeps the hyphen (``Miljö-`` / ``och byggnämnden``)."""


@dataclass(frozen=True)
class Cell:
    """A cell: its text (its lines' parts joined) and where each part stands in the text.

    A part that ends in a hyphen before a part beginning in lower case is joined without the
    hyphen and the space (``Föräldra-`` / ``träffar``); other parts are joined with a space. A
    part that runs over a line end (a list item wrapped onto the next line) has a space there.
    """

    text: str
    pieces: tuple[Span, ...]
    _starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    @classmethod
    def of(cls, text: str, pieces: list[Span]) -> Cell:
        """The cell whose parts are ``pieces`` of the document's ``text``."""
        joined = ""
        starts: list[int] = []
        for n, piece in enumerate(pieces):
            part = text[piece.start : piece.end].replace("\n", " ")  # a wrapped item: same offsets
            if (
                n
                and joined.endswith("-")
                and re.match(r"[a-zåäö]", part)
                and not (_JOINER.match(part))
            ):
                joined = joined[:-1]
            elif n:
                joined += " "
            starts.append(len(joined))
            joined += part
        return cls(joined, tuple(pieces), tuple(starts))

    @property
    def span(self) -> Span:
        """From the start of its first part to the end of its last."""
        return Span(self.pieces[0].start, self.pieces[-1].end)

    def locate(self, start: int, end: int) -> Span:
        """The span of the document's text holding ``self.text[start:end]``: within one
        part, exactly; across parts, from the first to the last."""
        pieces = self.sub(start, end).pieces
        return Span(pieces[0].start, pieces[-1].end)

    def sub(self, start: int, end: int) -> Cell:
        """The cell of ``self.text[start:end]``: the parts of the parts it covers."""
        pieces: list[Span] = []
        starts: list[int] = []
        for n, piece in enumerate(self.pieces):
            first = self._starts[n] if self._starts else 0
            a = max(start, first)
            b = min(end, first + piece.end - piece.start)
            if a < b:
                pieces.append(Span(piece.start + a - first, piece.start + b - first))
                starts.append(a - start)
        if not pieces:  # an empty part: where it would begin
            at = self.locate_point(start)
            pieces, starts = [Span(at, at)], [0]
        return Cell(self.text[start:end], tuple(pieces), tuple(starts))

    def locate_point(self, at: int) -> int:
        """The offset in the document's text of character ``at`` of the cell."""
        for n in range(len(self.pieces) - 1, -1, -1):
            first = self._starts[n] if self._starts else 0
            if at >= first or n == 0:
                piece = self.pieces[n]
                return min(piece.start + max(at - first, 0), piece.end)
        return self.pieces[0].start

    def parts(self, splitter: re.Pattern[str]) -> list[Cell]:
        """The text split by ``splitter`` (``LIST_SPLIT``), each part a cell of its own."""
        found = []
        position = 0
        for part in splitter.split(self.text):
            at = self.text.index(part, position)
            position = at + len(part)
            if part.strip():
                lead = len(part) - len(part.lstrip())
                found.append(self.sub(at + lead, at + len(part.rstrip())))
        return found


@dataclass
class Record:
    """One row of a table (with the lines its cells wrap onto): its cells by field."""

    lines: list[int]
    cells: dict[str, Cell]

    def get(self, name: str) -> Cell | None:
        """The cell of field ``name``, if the row fills it."""
        return self.cells.get(name)


@dataclass
class Table:
    """A table read as records.

    Attributes:
        header: the number of the line of its headings.
        fields: for each field read, the column (0-based) it stands in.
        lines: the numbers of all its lines, headings included.
        records: its rows.
    """

    header: int
    fields: dict[str, int]
    lines: list[int] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)


def column_field(heading: str) -> str | None:
    """The field a column heading names (``Operativa mål`` → ``goal``), else ``None``."""
    text = re.sub(r"[*_#]", "", heading)
    text = re.sub(r"\s*\([^()]*\)\s*$", "", text)
    text = re.sub(r"\s+", " ", text.strip().rstrip(":?").strip().lower())
    for name, pattern in pat.TABLE_COLUMNS.items():
        if pattern.fullmatch(text):
            return name
    return None


def header_fields(cells: list[str]) -> dict[str, int] | None:
    """The fields of a row of headings (each cell short, at least two known columns, one of
    them what is done: *Åtgärd*, *Aktivitet*… or, in a follow-up, *Planerat*), else ``None``.
    *Planerat* is the title when no column is named for it, else a column of its own."""
    found: dict[str, int] = {}
    for n, cell in enumerate(cells):
        name = column_field(cell) if 0 < len(cell.strip()) <= 40 else None
        if name is not None and name not in found:
            found[name] = n
    if "title" not in found and "planned" in found:
        found["title"] = found.pop("planned")
    if "title" not in found or len(found) < 2:
        return None
    return found


def read_tables(layout: Layout) -> list[Table]:
    """Every table of ``layout`` whose headings name its columns, with its records."""
    tables: list[Table] = []
    number, last = 1, len(layout.kinds)
    while number <= last:
        if layout.kinds.get(number) != "row" or number >= layout.notes_start:
            number += 1
            continue
        style = _style(layout, number)
        fields = header_fields(_texts(layout, _row_cells(layout, number, style, None)))
        if fields is None:
            number += 1
            continue
        table = Table(number, fields, [number])
        number = _read_records(layout, table, style, number + 1)
        tables.append(table)
    return tables


def _texts(layout: Layout, cells: dict[int, Span]) -> list[str]:
    """The texts of a row's cells, column by column (``""`` for an empty one)."""
    return [
        layout.text[cells[n].start : cells[n].end] if n in cells else ""
        for n in range(max(cells, default=-1) + 1)
    ]


def _style(layout: Layout, number: int) -> str:
    """How a row's cells are told apart: ``tabs``, ``tab-runs`` (a text aligned with several
    tabs), ``pipes`` or ``aligned`` (spaces)."""
    text = layout.line(number).text
    if number in layout.columns:
        return "aligned"
    if "\t" in text or number in layout.source.rows:
        if layout.source.kind != "docx" and "\t\t" in text.strip("\t"):
            return "tab-runs"
        return "tabs"
    return "pipes"


def _row_cells(
    layout: Layout, number: int, style: str, starts: tuple[int, ...] | None
) -> dict[int, Span]:
    """The non-empty cells of row ``number``, by column (0-based)."""
    line = layout.line(number)
    text = line.text
    parts: list[tuple[int, int, int]] = []  # column, start, end (in the line)
    if style == "aligned":
        columns = starts or layout.columns.get(number, ())
        for m in SEGMENT.finditer(text):
            column = max((n for n, c in enumerate(columns) if c <= m.start() + 1), default=0)
            if parts and parts[-1][0] == column:  # one cell with two spaces inside
                parts[-1] = (column, parts[-1][1], m.end())
            else:
                parts.append((column, m.start(), m.end()))
    else:
        if style == "pipes":
            separator = re.compile(r"\|")
            inner = re.match(r"^\s*\|?", text)
            begin = inner.end() if inner else 0
            close = text.rstrip()
            stop = len(close) - 1 if close.endswith("|") and len(close) - 1 >= begin else len(text)
        else:
            separator = re.compile(r"\t+" if style == "tab-runs" else r"\t")
            begin, stop = 0, len(text)
        position = begin
        for column, m in enumerate(separator.finditer(text, begin, stop)):
            parts.append((column, position, m.start()))
            position = m.end()
        parts.append((len(parts), position, stop))
    cells: dict[int, Span] = {}
    for column, start, end in parts:
        chunk = text[start:end]
        stripped = chunk.strip().strip("*").strip()
        if stripped:
            first = start + chunk.index(stripped)
            cells[column] = Span(line.start + first, line.start + first + len(stripped))
    return cells


def _read_records(layout: Layout, table: Table, style: str, number: int) -> int:
    """Read the records under the headings of ``table`` from line ``number`` on; the number
    of the first line after the table."""
    source = layout.source
    starts = layout.columns.get(table.header)
    wraps = source.kind != "docx" and style != "pipes"  # whether a cell may wrap
    title = table.fields["title"]
    current: dict[int, list[Span]] | None = None
    inherited: dict[int, Cell] = {}
    lines: list[int] = []
    previous: Record | None = None

    def finish() -> None:
        nonlocal current, previous
        if current is None:
            return
        cells = dict(inherited)
        cells.update({column: Cell.of(layout.text, parts) for column, parts in current.items()})
        by_field = {name: cells[c] for name, c in table.fields.items() if c in cells}
        previous = Record(list(lines), by_field)
        table.records.append(previous)
        current = None

    def continues(head: Span | None, merged: frozenset[int]) -> bool:
        """Whether a row goes on with the record above rather than beginning one."""
        if current is None:
            return False
        if head is None or title in merged:
            return True
        if not wraps or title not in current:
            return False
        above = current[title][-1]
        return bool(
            re.match(r"[a-zåäöé(]", layout.text[head.start : head.end])
            or CONTINUES_CELL.search(layout.text[above.start : above.end])
        )

    last = len(layout.kinds)
    while number <= last:
        kind = layout.kinds.get(number)
        if kind == "blank":
            if not layout.line(number).text.strip():  # an empty line ends a table
                break
            number += 1  # Markdown's |---|---| under the headings
            continue
        if kind != "row" or _style(layout, number) != style:
            break
        if style == "aligned" and layout.columns.get(number) != starts:
            break
        cells = _row_cells(layout, number, style, starts)
        if header_fields(_texts(layout, cells)) is not None:
            break  # the headings of another table
        merged = source.merged.get(number, frozenset())
        table.lines.append(number)
        head = cells.get(title)
        if continues(head, merged) and current is not None:
            for column, span in cells.items():
                current.setdefault(column, []).append(span)
            lines.append(number)
        elif head is not None:
            finish()
            current = {column: [span] for column, span in cells.items()}
            lines = [number]
            inherited = {}
            if previous is not None:
                for name, column in table.fields.items():
                    if column in merged and name in previous.cells:
                        inherited[column] = previous.cells[name]
        number += 1
    finish()
    return number
