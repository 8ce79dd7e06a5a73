"""The planner's own observation files, ``observations*.csv`` / ``observations*.xlsx``: figures
typed in from where no file can be saved (Polisens trygghetsmätning, a local survey published
as a PDF) and what activities were reported to have done.

Columns (English, or the Swedish headings of :data:`HEADERS_SV`): ``indicator, area, period,
value, unit, n, ci, source``. ``indicator`` names an indicator (``owner/id`` for one of a
shared dataset) or an activity: then the row is that activity's reported output of the year
(``value``: how many times it was done). ``area`` is an SCB code or a name
(:mod:`samklang.graph.area_names`); ``period`` a year, or the years of a moving or pooled
window (``2021-2023``: the value is for 2023, its window starts 2021); ``ci`` the confidence
interval's bounds (``3,1–3,6``). A workbook is read from its sheet ``Observationer``, else its
first.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

from samklang.errors import InputError
from samklang.graph.observation_files import (
    PLANNER,
    Context,
    Observation,
    ObservationFile,
    Output,
    Place,
    retrieved,
    unit_key,
)
from samklang.graph.tables import table_rows
from samklang.graph.values import (
    FieldValueError,
    parse_area,
    parse_count,
    parse_decimal,
    parse_years,
)

T = TypeVar("T")

COLUMNS = ("indicator", "area", "period", "value", "unit", "n", "ci", "source")
REQUIRED = ("indicator", "area", "period", "value")
SHEET = "Observationer"
HEADERS_SV = {
    "indikator": "indicator",
    "område": "area",
    "år": "period",
    "värde": "value",
    "enhet": "unit",
    "antal svarande": "n",
    "ki": "ci",
    "konfidensintervall": "ci",
    "källa": "source",
}
"""Swedish column headings accepted beside the English names."""

_INTERVAL = re.compile(
    r"\[?\s*(?P<low>[-−]?\d[\d  ]*(?:[.,]\d+)?)\s*(?:[-–—]|till|to)\s*"
    r"(?P<high>[-−]?\d[\d  ]*(?:[.,]\d+)?)\s*\]?"
)


def read_planner(path: Path, context: Context) -> ObservationFile:
    """A planner's observations file (see the module's docstring).

    Raises:
        InputError: naming the file, the row and the column of the first cell that does not
            fit, or the header row when a column is unknown or missing.
    """
    _, created = retrieved(path)
    read = ObservationFile(path, PLANNER, created)
    columns: list[str] | None = None
    for where, line, cells in table_rows(path, SHEET):
        if columns is None:
            columns = _columns(cells, path, where)
            continue
        if not any((c or "").strip() for c in cells):
            continue
        row = {name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(columns)}
        _row(row, read, context, Place(path, where, line=line))
    if columns is None:
        raise InputError(
            path, None, "is empty; expected a header row and one row per observation"
        )
    for observation in read.observations:
        if observation.source and observation.source not in read.sources:
            read.sources.append(observation.source)
    return read


def _columns(header: list[str], path: Path, where: str) -> list[str]:
    names: list[str] = []
    known = [*COLUMNS, *HEADERS_SV]
    for cell in header:
        heading = " ".join((cell or "").split()).lower()
        name = HEADERS_SV.get(heading, heading)
        if name and name not in COLUMNS:
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.7)
            hint = f" (did you mean '{HEADERS_SV.get(close[0], close[0])}'?)" if close else ""
            raise InputError(
                path,
                where,
                f"the column '{cell}' is not known{hint}; expected columns "
                + ", ".join(COLUMNS),
            )
        if name and name in names:
            raise InputError(path, where, f"has the column '{cell}' twice; expected each once")
        names.append(name)
    for required in REQUIRED:
        if required not in names:
            raise InputError(
                path,
                where,
                f"has no column '{required}'; expected a header row with {', '.join(COLUMNS)}",
            )
    return names


def _cell(place: Place, column: str) -> Place:
    where = f"{place.where}, column '{column}'"
    return Place(place.path, where, place.line, place.pointer)


def _row(row: dict[str, str], read: ObservationFile, context: Context, place: Place) -> None:
    for required in ("indicator", "period", "value"):
        if not row.get(required):
            where = _cell(place, required).where
            raise InputError(place.path, where, f"column '{required}' is empty; it is required")
    name = row["indicator"]
    if name in context.activities and name not in context.indicators:
        _output(row, read, place)
        return
    if name not in context.indicators:
        known = [*context.indicators, *sorted(context.activities)]
        close = difflib.get_close_matches(name, known, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise InputError(
            place.path,
            _cell(place, "indicator").where,
            f"'indicator: {name}' names no indicator or activity of the dataset{hint}; expected "
            "the id of an indicator, or of an activity for its reported output",
        )
    indicator = context.indicators[name]
    if not row.get("area"):
        raise InputError(
            place.path, _cell(place, "area").where, "column 'area' is empty; it is required"
        )
    area = _area(row["area"], context, _cell(place, "area"))
    period, start = _period(row["period"], indicator.values.get("moving_window"), name, place)
    value = _parse(parse_decimal, row["value"], _cell(place, "value"))
    unit = row.get("unit") or None
    stated = indicator.values.get("unit")
    if unit is not None and stated is None:
        raise InputError(
            place.path,
            _cell(place, "unit").where,
            f"gives the unit '{unit}', but the indicator '{name}' states none; expected "
            f"'unit: {unit}' on the indicator, or an empty cell",
        )
    if unit is not None and stated is not None and unit_key(unit) != unit_key(stated):
        raise InputError(
            place.path,
            _cell(place, "unit").where,
            f"the unit '{unit}' is not the indicator's unit '{stated}'; expected the unit its "
            "entry under indicators gives, or an empty cell",
        )
    n = _parse(parse_count, row["n"], _cell(place, "n")) if row.get("n") else None
    ci = _interval(row["ci"], _cell(place, "ci")) if row.get("ci") else None
    read.fed.add(name)
    read.observations.append(
        Observation(
            name,
            area,
            period,
            value,
            place,
            window_start=start,
            n=n,
            ci=ci,
            source=row.get("source") or None,
        )
    )


def _output(row: dict[str, str], read: ObservationFile, place: Place) -> None:
    """A row naming an activity: its reported output in one year."""
    if row.get("n") or row.get("ci"):
        raise InputError(
            place.path,
            _cell(place, "n" if row.get("n") else "ci").where,
            "an activity's reported output takes no n or ci; expected them empty, or the id of "
            "an indicator in column 'indicator'",
        )
    years = _parse(parse_years, row["period"], _cell(place, "period"))
    if len(years) != 1:
        raise InputError(
            place.path,
            _cell(place, "period").where,
            f"'{row['period']}' is not one year; expected the year of the activity's reported "
            "output, such as 2024",
        )
    try:
        count = parse_count(row["value"])
    except FieldValueError:
        raise InputError(
            place.path,
            _cell(place, "value").where,
            f"'{row['value']}' is not a count of what was done; expected a whole number such "
            "as 15",
        ) from None
    read.outputs.append(Output(row["indicator"], years[0], count, place))


def _parse(parse: Callable[[str], T], text: str, place: Place) -> T:
    try:
        return parse(text)
    except FieldValueError as err:
        raise InputError(place.path, place.where, str(err)) from err


def _area(text: str, context: Context, place: Place) -> str:
    try:
        return parse_area(text)
    except FieldValueError:
        return context.areas.code(text, place.path, place.where)


def _period(
    text: str, window: int | None, indicator: str, place: Place
) -> tuple[int, int | None]:
    """The year an observation is for and its window's first year: ``2023`` (with the
    indicator's moving window, 2023 and the window's first year), ``2021-2023``."""
    at = _cell(place, "period")
    try:
        years = parse_years(text)
    except FieldValueError:
        raise InputError(
            place.path,
            at.where,
            f"'{text}' is not a period of an observation; expected a year such as 2023, or the "
            "years of a window such as 2021-2023",
        ) from None
    if window and len(years) not in (1, window):
        raise InputError(
            place.path,
            at.where,
            f"the period '{text}' is {len(years)} years, but the indicator '{indicator}' has a "
            f"moving window of {window}; expected {window} years or the last year only",
        )
    if len(years) > 1:
        return years[-1], years[0]
    return years[0], (years[0] - window + 1 if window else None)


def _interval(text: str, place: Place) -> tuple[Decimal, Decimal]:
    m = _INTERVAL.fullmatch(text.strip())
    if m is None:
        raise InputError(
            place.path,
            place.where,
            f"'{text}' is not a confidence interval; expected its bounds such as 3,1–3,6",
        )
    low, high = parse_decimal(m["low"]), parse_decimal(m["high"])
    if low > high:
        raise InputError(
            place.path,
            place.where,
            f"the confidence interval '{text}' runs backwards; expected the lower bound first",
        )
    return low, high
