"""Activity lists kept as spreadsheets: CSV and XLSX, as a planner's spreadsheet program saves them.

CSV is read as UTF-8 (a byte-order mark allowed) or, when it is not UTF-8, as Windows-1252 —
what Swedish Excel writes under "CSV (semikolonavgränsad)" — with `,`, `;` or tab between cells
(the one the header row uses most, or the one an Excel ``sep=;`` first line names). What was
detected is stated by :func:`table_format`, and in every error about the file.

Columns are the activity fields, by their English names or Swedish headings (``Ansvarig``).
A column the loader does not know (``Kommentar``) is kept: its cells are added to the
activity's description as ``Kommentar: …``; only a heading that looks like a misspelt field
(``responsibel``) is refused, with the field it resembles. Organisations in the responsible
column may be written by name or abbreviation (``Lokalpolisområde Höglandet``, ``HRF``) when
that names exactly one organisation or group of the dataset.
"""

from __future__ import annotations

import csv
import difflib
import io
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from samklang.errors import InputError
from samklang.graph.limits import (
    MAX_UNZIPPED_BYTES,
    check_file_size,
    check_record_count,
    megabytes,
)
from samklang.graph.records import Record, record_from_row
from samklang.graph.schema import ORG_TARGETS, SECTIONS
from samklang.graph.textfile import decode_text
from samklang.graph.values import MULTI_SEPARATOR, parse_id

SHEET = "Aktiviteter"
"""Sheet an XLSX activity list is read from (else its first sheet)."""

HEADERS_SV = {
    "titel": "title",
    "aktivitet": "title",
    "år": "year",
    "dokument": "document",
    "ansvarig": "responsible",
    "typ": "kind",
    "mål": "goal",
    "problem": "problems",
    "faktorer": "factors",
    "domän": "domain",
    "område": "domain",
    "beskrivning": "description",
    "källa": "source",
    "granska": "review",
    "planerad prestation": "planned_output",
    "planerat utfall": "planned_output",
}
"""Swedish column headers accepted beside the English field names."""

ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 with a byte-order mark",
    "utf-16": "UTF-16",
    "cp1252": "Windows-1252",
}
DELIMITER_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs"}

NOTE_SEPARATOR = "\n"
"""Between the description and the kept cells of extra columns."""


@dataclass(frozen=True)
class TableFormat:
    """How a CSV activity list was read: its encoding and the character between cells."""

    encoding: str
    delimiter: str

    def __str__(self) -> str:
        return (
            f"read as {ENCODING_NAMES.get(self.encoding, self.encoding)} "
            f"with {DELIMITER_NAMES[self.delimiter]} between cells"
        )


class _Table:
    """The fields the columns stand for, and the extra columns kept as notes."""

    def __init__(self, header: list[str], path: Path, where: str) -> None:
        section = SECTIONS["activities"]
        fields = [f.name for f in section.fields]
        known = fields + list(HEADERS_SV)
        self.columns: list[str] = []  # field name, or "" for an extra or empty heading
        self.extra: dict[int, str] = {}  # column index → heading kept as a note
        for index, cell in enumerate(header):
            heading = " ".join((cell or "").split())
            name = HEADERS_SV.get(heading.lower(), heading.lower())
            if name and name not in fields:
                close = difflib.get_close_matches(name, known, n=1, cutoff=0.8)
                if close:
                    suggestion = HEADERS_SV.get(close[0], close[0])
                    raise InputError(
                        path,
                        where,
                        f"the column '{cell}' is not known (did you mean '{suggestion}'?); "
                        f"expected columns {', '.join(fields)}, or another heading kept as a note",
                    )
                self.extra[index] = heading
                name = ""
            if name and name in self.columns:
                raise InputError(path, where, f"has the column '{cell}' twice; expected each once")
            self.columns.append(name)
        for required in ("id", "title", "year", "document"):
            if required not in self.columns:
                raise InputError(
                    path,
                    where,
                    f"has no column '{required}'; expected a header row with {', '.join(fields)}",
                )
        self.note_field = "note" if section.field("note") is not None else "description"

    def row(self, cells: list[str], path: Path, where: str) -> dict[str, str]:
        stray = [
            i
            for i, c in enumerate(cells)
            if (c or "").strip()
            and (i >= len(self.columns) or not self.columns[i])
            and i not in self.extra
        ]
        if stray:
            raise InputError(
                path,
                where,
                f"has a value in column {stray[0] + 1}, which has no header; "
                "expected values only under the named columns of the header row",
            )
        row = {
            name: (cells[i] if i < len(cells) else "")
            for i, name in enumerate(self.columns)
            if name
        }
        notes = [
            f"{heading}: {' '.join(cells[i].split())}"
            for i, heading in self.extra.items()
            if i < len(cells) and cells[i].strip()
        ]
        if notes:
            kept = (row.get(self.note_field) or "").strip()
            row[self.note_field] = NOTE_SEPARATOR.join([kept, *notes] if kept else notes)
        return row


def read_activities(
    path: Path, records: Iterable[Record] = (), counted: int = 0
) -> list[Record]:
    """Read an activity list, one record per non-empty row.

    Args:
        path: a ``.csv`` or ``.xlsx`` file.
        records: the dataset's other records, so that an organisation written by its name
            or abbreviation in the responsible column is read as its id.
        counted: the dataset's records read before this file: the row that would be one
            more than :data:`samklang.graph.limits.MAX_RECORDS` is refused.

    Raises:
        InputError: the file cannot be read, has no proper header, a quote is never closed,
            header cells are merged, or a cell does not fit.
    """
    names = organisation_names(records)
    rows = _xlsx_rows(path) if path.suffix.lower() == ".xlsx" else _csv_rows(path)
    activities = []
    table: _Table | None = None
    for location, cells in rows:
        if table is None:
            table = _Table(cells, path, location)
            continue
        if not any((c or "").strip() for c in cells):
            continue
        check_record_count(counted + len(activities), path, location)
        row = table.row(cells, path, location)
        if row.get("responsible"):
            row["responsible"] = _responsible_ids(row["responsible"], names, path, location)
        activities.append(record_from_row(row, path, location))
    if table is None:
        raise InputError(path, None, "is empty; expected a header row and one row per activity")
    return activities


def name_key(text: str) -> str:
    """How names are compared: case and spacing ignored (``LPO  höglandet`` = ``LPO Höglandet``)."""
    return unicodedata.normalize("NFKC", " ".join(text.split())).casefold()


def organisation_names(records: Iterable[Record]) -> dict[str, set[str]]:
    """Every way the responsible column may name an organisation: its id, name and
    abbreviation (case and spacing ignored), each to the ids it may mean."""
    names: dict[str, set[str]] = {}
    for record in records:
        if record.section not in ORG_TARGETS:
            continue
        for key in (record.id, record.values.get("name"), record.values.get("abbreviation")):
            if isinstance(key, str) and key.strip():
                names.setdefault(name_key(key), set()).add(record.id)
    return names


def _responsible_ids(cell: str, names: dict[str, set[str]], path: Path, where: str) -> str:
    """The cell with every organisation's name replaced by its id, where that is unambiguous."""
    parts = [p.strip() for p in MULTI_SEPARATOR.split(cell) if p.strip()]
    ids = []
    for part in parts:
        found = names.get(name_key(part), set())
        if part in found or not found:
            ids.append(part)  # an id, or a name the loader will report as unknown
        elif len(found) == 1:
            ids.append(next(iter(found)))
        else:
            raise InputError(
                path,
                f"{where}, column 'responsible'",
                f"'{part}' names more than one organisation ({', '.join(sorted(found))}); "
                "expected the id of one of them",
            )
    if any(not _is_id(i) for i in ids):
        return cell  # leave the loader to name the first value that is not an id
    return "; ".join(ids)


def _is_id(text: str) -> bool:
    try:
        parse_id(text)
    except ValueError:
        return False
    return True


# --- CSV ------------------------------------------------------------------------------------


def table_format(path: Path) -> TableFormat:
    """The encoding and cell separator a CSV activity list is read with.

    Raises:
        InputError: the file cannot be read or decoded.
    """
    return _decoded(path)[1]


def _decoded(path: Path) -> tuple[str, TableFormat]:
    try:
        check_file_size(path, path.stat().st_size)  # before reading it
        data = path.read_bytes()
    except OSError as err:
        raise InputError(path, None, f"cannot be read ({err.strerror})") from err
    check_file_size(path, len(data))  # it grew
    text, encoding = decode_text(path, data)
    first = text.split("\n", 1)[0]
    if first.lower().startswith("sep=") and len(first.strip()) == 5:  # Excel's own hint
        delimiter = first.strip()[4]
        text = text[len(first) :]  # keep the line numbers: the hint becomes a blank line
    else:
        delimiter = max((",", ";", "\t"), key=first.count)
    if delimiter not in DELIMITER_NAMES:
        raise InputError(
            path, "line 1", f"names '{delimiter}' as its separator; expected ',', ';' or a tab"
        )
    return text, TableFormat(encoding, delimiter)


def _csv_rows(path: Path) -> Iterator[tuple[str, list[str]]]:
    for where, _, cells in table_rows(path):
        yield where, cells


def csv_lines(path: Path) -> Iterator[tuple[int, int, list[str]]]:
    """The rows of a CSV file, read as :func:`table_format` says: each row's number (blank
    lines not counted), the line it starts on, and its cells.

    Raises:
        InputError: the file cannot be read or decoded, or a quote is left open.
    """
    text, form = _decoded(path)
    described = path if form.encoding.startswith("utf-8") else Path(f"{path} ({form})")
    reader = csv.reader(io.StringIO(text), delimiter=form.delimiter, strict=True)
    lines = text.split("\n")
    number = 0
    width = 0  # separators in the header row
    start = 1  # the line the next row starts on
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            raise _quote_error(described, start, reader.line_num, err) from err
        if not cells:  # a blank line
            start = reader.line_num + 1
            continue
        number += 1
        if number == 1:
            width = len(cells) - 1
        elif reader.line_num > start:
            _check_spanning_cell(described, lines, start, reader.line_num, width, form)
        yield number, start, cells
        start = reader.line_num + 1


def table_rows(path: Path, sheet: str = SHEET) -> Iterator[tuple[str, int | None, list[str]]]:
    """The rows of a CSV file or XLSX workbook (its sheet ``sheet``, else its first): where
    each is (``row 4``, ``row 4 (line 6)``, ``sheet Aktiviteter, row 4``), the line of the
    text it starts on (``None`` in a workbook), and its cells as text.

    Raises:
        InputError: the file cannot be read, a quote is left open, cells are merged.
    """
    if path.suffix.lower() == ".xlsx":
        for where, cells in _xlsx_rows(path, sheet):
            yield where, None, cells
        return
    for number, start, cells in csv_lines(path):
        where = f"row {number}" if start == number else f"row {number} (line {start})"
        yield where, start, cells


def _quote_error(path: Path, start: int, end: int, err: csv.Error) -> InputError:
    if "end of data" in str(err):
        return InputError(
            path,
            f"line {start}",
            'opens a quote (") that is never closed, so the rest of the file would be one '
            "cell; expected a closing quote at the end of the cell on the same line",
        )
    if "field larger than field limit" in str(err):
        return InputError(
            path,
            f"line {start}",
            f"has a cell of more than {csv.field_size_limit()} characters; expected a cell "
            "of ordinary text (a quote left open makes the rest of the file one cell)",
        )
    if end > start:  # the quote opened on the row's line was closed lines later, mid-cell
        return InputError(
            path,
            f"line {start}",
            f'opens a quote (") in a cell that is closed only on line {end}; expected a '
            "closing quote at the end of the cell on the same line",
        )
    return InputError(
        path,
        f"line {end}",
        f"has a quote inside a cell that is not quoted as CSV writes it ({err}); expected a "
        'cell in quotes with any quote inside it doubled ("")',
    )


def _check_spanning_cell(
    path: Path, lines: list[str], start: int, end: int, width: int, form: TableFormat
) -> None:
    """A quoted cell over several lines is fine (Alt+Enter in Excel), unless the lines it
    swallows look like rows of their own: then a quote was left open on the first line."""
    for line in range(start + 1, end + 1):
        if width and lines[line - 1].count(form.delimiter) >= width:
            swallowed = f"line {end}" if end == start + 1 else f"lines {start + 1}–{end}"
            raise InputError(
                path,
                f"line {start}",
                f'opens a quote (") that closes only on line {end}, so {swallowed} would be '
                "read as part of one cell; expected a closing quote at the end of the cell on "
                f"line {start}",
            )


# --- XLSX -----------------------------------------------------------------------------------


def _xlsx_rows(path: Path, sheet_name: str = SHEET) -> Iterator[tuple[str, list[str]]]:
    import warnings
    import zipfile
    import zlib

    import openpyxl

    try:
        check_file_size(path, path.stat().st_size)
    except OSError as err:
        raise InputError(path, None, f"cannot be read ({err.strerror})") from err
    _check_unpacked_size(path)
    handle = path.open("rb")  # closed here: openpyxl leaves its own open when it fails
    broken = (
        zipfile.BadZipFile, OSError, KeyError, ValueError, TypeError, EOFError, IndexError,
        SyntaxError,  # a sheet's XML broken off (ElementTree's ParseError, lxml's)
        zlib.error,  # a member not compressed right
    )
    unreadable = InputError(
        path, None, "is not a readable XLSX workbook; save it from a spreadsheet program as .xlsx"
    )
    try:
        with warnings.catch_warnings():  # openpyxl warns of Excel extensions it drops
            warnings.simplefilter("ignore")
            # Read-only: the sheet is read as a stream, so the record limit stops a long one
            # early and memory stays small (decision 0012).
            book = openpyxl.load_workbook(handle, data_only=True, read_only=True)
    except broken as err:
        handle.close()
        raise unreadable from err
    try:
        try:
            sheet = book[sheet_name] if sheet_name in book.sheetnames else book.worksheets[0]
            sheet.reset_dimensions()  # every cell, whatever the sheet says its size is
            _check_merged(path, sheet.title, _merged_ranges(sheet))
            rows = sheet.iter_rows(values_only=True)
        except broken as err:
            raise unreadable from err
        number = 0
        while True:
            try:
                values = next(rows)
            except StopIteration:
                return
            except broken as err:
                raise unreadable from err
            number += 1
            yield f"sheet {sheet.title}, row {number}", [_cell_text(v) for v in values]
    finally:
        book.close()
        handle.close()


def _merged_ranges(sheet: object) -> list[object]:
    """The merged cell ranges of a read-only sheet (its ``mergeCell`` elements, read as a
    stream: read-only sheets do not list them)."""
    from xml.etree.ElementTree import iterparse

    from openpyxl.worksheet.cell_range import CellRange

    ranges = []
    with sheet._get_source() as source:  # type: ignore[attr-defined]
        for _, element in iterparse(source):
            if element.tag.endswith("}mergeCell") and element.get("ref"):
                ranges.append(CellRange(element.get("ref")))
            element.clear()
    return ranges


def _check_unpacked_size(path: Path) -> None:
    """Refuse a workbook whose parts unpack to more than
    :data:`samklang.graph.limits.MAX_UNZIPPED_BYTES` (a zip bomb), before unpacking any.

    The sizes are those the zip's directory states; Python's zip reader never unpacks more of
    a part than its stated size.
    """
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as err:
        raise InputError(
            path,
            None,
            "is not a readable XLSX workbook; save it from a spreadsheet program as .xlsx",
        ) from err
    if unpacked > MAX_UNZIPPED_BYTES:
        raise InputError(
            path,
            None,
            f"unpacks to {megabytes(unpacked)} MB; samklang reads workbooks that unpack to "
            "up to 10 MB (an activity list of 5000 rows unpacks to 4 MB; save the list alone "
            "in a workbook of its own)",
        )


def _check_merged(path: Path, title: str, merged_ranges: list[object]) -> None:
    """Merged cells hold their value in the first cell only: refuse them, saying so."""
    ranges = sorted(
        merged_ranges,
        key=lambda r: (r.min_row, r.min_col),  # type: ignore[attr-defined]
    )
    for merged in ranges:
        if merged.min_row == 1:  # type: ignore[attr-defined]
            raise InputError(
                path,
                f"sheet {title}, row 1",
                f"has the header cells {merged.coord} merged; expected one column name in "  # type: ignore[attr-defined]
                "each cell of the header row (unmerge them)",
            )
        raise InputError(
            path,
            f"sheet {title}, row {merged.min_row}",  # type: ignore[attr-defined]
            f"has the cells {merged.coord} merged, so only the first holds a value; expected "  # type: ignore[attr-defined]
            "a value in each cell (unmerge them and fill every cell)",
        )


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "date") and hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value)
