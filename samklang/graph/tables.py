"""Activity lists kept as spreadsheets: CSV (UTF-8, `,` `;` or tab) and XLSX."""

from __future__ import annotations

import csv
import difflib
import io
from collections.abc import Iterator
from pathlib import Path

from samklang.errors import InputError
from samklang.graph.records import Record, record_from_row
from samklang.graph.schema import SECTIONS
from samklang.graph.yamlfile import MAX_BYTES, read_text

SHEET = "Aktiviteter"
"""Sheet an XLSX activity list is read from (else its first sheet)."""

HEADERS_SV = {
    "titel": "title",
    "år": "year",
    "dokument": "document",
    "ansvarig": "responsible",
    "typ": "kind",
    "mål": "goal",
    "problem": "problems",
    "faktorer": "factors",
    "domän": "domain",
    "beskrivning": "description",
    "källa": "source",
}
"""Swedish column headers accepted beside the English field names."""


def _columns(header: list[str], path: Path, where: str) -> list[str]:
    fields = [f.name for f in SECTIONS["activities"].fields]
    columns = []
    for cell in header:
        name = (cell or "").strip().lower()
        name = HEADERS_SV.get(name, name)
        if name and name not in fields:
            close = difflib.get_close_matches(name, fields, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise InputError(
                path,
                where,
                f"the column '{cell}' is not known{hint}; expected columns {', '.join(fields)}",
            )
        if name and name in columns:
            raise InputError(path, where, f"has the column '{cell}' twice; expected each once")
        columns.append(name)
    for required in ("id", "title", "year", "document"):
        if required not in columns:
            raise InputError(
                path,
                where,
                f"has no column '{required}'; expected a header row with {', '.join(fields)}",
            )
    return columns


def read_activities(path: Path) -> list[Record]:
    """Read an activity list, one record per non-empty row.

    Raises:
        InputError: the file cannot be read, has no proper header, or a cell does not fit.
    """
    rows = _xlsx_rows(path) if path.suffix.lower() == ".xlsx" else _csv_rows(path)
    records = []
    columns: list[str] | None = None
    for location, cells in rows:
        if columns is None:
            columns = _columns(cells, path, location)
            continue
        if not any((c or "").strip() for c in cells):
            continue
        stray = [
            i
            for i, c in enumerate(cells)
            if (c or "").strip() and (i >= len(columns) or not columns[i])
        ]
        if stray:
            raise InputError(
                path,
                location,
                f"has a value in column {stray[0] + 1}, which has no header; "
                "expected values only under the named columns of the header row",
            )
        row = {name: (cells[i] if i < len(cells) else "") for i, name in enumerate(columns) if name}
        records.append(record_from_row(row, path, location))
    if columns is None:
        raise InputError(path, None, "is empty; expected a header row and one row per activity")
    return records


def _csv_rows(path: Path) -> Iterator[tuple[str, list[str]]]:
    text = read_text(path)
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    try:
        for number, cells in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1):
            yield f"row {number}", cells
    except csv.Error as err:
        raise InputError(path, None, f"is not valid CSV ({err})") from err


def _xlsx_rows(path: Path) -> Iterator[tuple[str, list[str]]]:
    import zipfile

    import openpyxl

    if path.stat().st_size > MAX_BYTES:
        raise InputError(path, None, "is larger than 20 MB; samklang reads files up to 20 MB")
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as err:
        raise InputError(
            path,
            None,
            "is not a readable XLSX workbook; save it from a spreadsheet program as .xlsx",
        ) from err
    try:
        sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True), 1):
            yield f"sheet {sheet.title}, row {number}", [_cell_text(v) for v in values]
    finally:
        book.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "date") and hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value)
