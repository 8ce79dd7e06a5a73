"""Reading the published formats of follow-up statistics, as a planner saves them: Kolada API v3
JSON, Brå's yearly CSV of reported crimes per municipality (both layouts) and SCB's population
(CSV or JSON-stat2). Which file feeds which indicator is ``observation_files.py``'s rule;
each reader returns an :class:`~samklang.graph.observation_files.ObservationFile` or raises one
:class:`~samklang.errors.InputError` naming the file and the line (or the JSON path).
"""

from __future__ import annotations

import json
import math
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from samklang.errors import InputError, at_line
from samklang.graph.observation_files import (
    BRA,
    KOLADA,
    SCB,
    SEXES,
    SOURCES,
    UNIT_COUNT,
    UNIT_RATE,
    Context,
    Observation,
    ObservationFile,
    Place,
    Population,
    retrieved,
    unit_key,
)
from samklang.graph.tables import csv_lines, table_format
from samklang.graph.values import (
    LARGEST,
    FieldValueError,
    parse_area,
    parse_count,
    parse_decimal,
    parse_year,
)
from samklang.graph.yamlfile import read_text

# --- JSON -----------------------------------------------------------------------------------


class _KeyTwiceError(ValueError):
    """A key given twice in one JSON object (Python's reader keeps the last one silently)."""


def _once(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _KeyTwiceError(key)
        found[key] = value
    return found


def _json(path: Path) -> Any:
    try:
        return json.loads(read_text(path), object_pairs_hook=_once)
    except json.JSONDecodeError as err:
        raise InputError(path, at_line(err.lineno), f"is not valid JSON: {err.msg}") from err
    except _KeyTwiceError as err:
        raise InputError(
            path, None, f"gives the key '{err}' twice in one object; expected each key once"
        ) from err


def _at(path: list[str | int]) -> str:
    """A JSON path as messages give it: ``JSON path values[0].values[1].gender``."""
    text = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")
    return f"JSON path {text}"


def _pointer(path: list[str | int]) -> str:
    """The RFC 6901 JSON Pointer of a path: ``/values/0/values/1``."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


# --- Kolada ---------------------------------------------------------------------------------

KOLADA_KEYS = ("kpi", "municipality", "period", "values")
"""The keys of each item of a Kolada v3 answer's ``values``."""


def read_kolada(path: Path, context: Context) -> ObservationFile:
    """A Kolada v3 answer: ``{"values": [{"kpi", "municipality", "period", "values":
    [{"gender", "count", "status", "value"}]}]}``, one observation per gender with a value.

    ``value: null`` is no observation (never zero). Kolada's ``count`` is how many values a
    figure is made of, not a number of crimes, so it is not ``sk:count``. Kolada's
    ``municipality`` ``0000`` is the whole country (``00``) and ``00NN`` the region of county
    ``NN``.
    """
    data = _json(path)
    _, created = retrieved(path)
    read = ObservationFile(path, KOLADA, created, [SOURCES[KOLADA]])
    if not isinstance(data, dict) or not isinstance(data.get("values"), list):
        raise InputError(
            path,
            None,
            "has no 'values' list at the top; expected a Kolada v3 answer, whose 'values' "
            "lists mappings of kpi, municipality, period and values",
        )
    if not data["values"]:
        raise InputError(
            path,
            _at(["values"]),
            "is an empty list; expected at least one value (Kolada answers an empty list, "
            "without an error, to a query that filters by the old name 'municipality' instead "
            "of 'municipality_id')",
        )
    kpis = context.kpis()
    for i, item in enumerate(data["values"]):
        at: list[str | int] = ["values", i]
        if not isinstance(item, dict):
            raise InputError(
                path,
                _at(at),
                "is not a mapping; expected the keys kpi, municipality, period and values",
            )
        for key in KOLADA_KEYS:
            if key not in item:
                raise InputError(
                    path,
                    _at(at),
                    f"has no '{key}'; expected the keys kpi, municipality, period and values "
                    "of a Kolada v3 answer for municipalities",
                )
        kpi = item["kpi"]
        if kpi not in kpis:
            raise InputError(
                path,
                _at([*at, "kpi"]),
                f"'kpi: {kpi}' is the KPI of no indicator; expected an indicator with "
                f"'kolada_kpi: {kpi}' in the dataset",
            )
        indicator = kpis[kpi]
        read.fed.add(indicator)
        area = _kolada_area(item["municipality"], path, [*at, "municipality"])
        period = _kolada_year(item["period"], path, [*at, "period"])
        window = context.indicators[indicator].values.get("moving_window")
        if not isinstance(item["values"], list):
            raise InputError(
                path,
                _at([*at, "values"]),
                "is not a list; expected one mapping per gender: gender, count, status, value",
            )
        for j, value in enumerate(item["values"]):
            here: list[str | int] = [*at, "values", j]
            if not isinstance(value, dict) or "gender" not in value or "value" not in value:
                raise InputError(
                    path,
                    _at(here),
                    "has no 'gender' and 'value'; expected a mapping of gender, count, "
                    "status and value, one per gender",
                )
            gender = value["gender"]
            if gender not in SEXES:
                raise InputError(
                    path,
                    _at([*here, "gender"]),
                    f"'gender: {gender}' is not one of Kolada's; expected T (total), K (women) "
                    "or M (men)",
                )
            number = value["value"]
            if number is None:  # no figure: no observation, never zero
                continue
            if isinstance(number, bool) or not isinstance(number, int | float):
                raise InputError(
                    path,
                    _at([*here, "value"]),
                    f"'value: {number}' is not a number; expected a number or null",
                )
            if not math.isfinite(number) or abs(number) >= LARGEST:  # NaN, Infinity, 1e30
                raise InputError(
                    path,
                    _at([*here, "value"]),
                    f"'value: {number}' is out of range; expected a finite number under "
                    "1 000 000 000 000 000 or null",
                )
            status = value.get("status")
            if status is not None and not isinstance(status, str):
                raise InputError(
                    path,
                    _at([*here, "status"]),
                    f"'status: {status}' is not text; expected a status such as \"\"",
                )
            read.observations.append(
                Observation(
                    indicator,
                    area,
                    period,
                    Decimal(str(number)),
                    Place(path, _at(here), pointer=_pointer(here)),
                    sex=SEXES[gender],
                    window_start=period - window + 1 if window else None,
                    status=status or None,
                )
            )
    return read


def _kolada_area(value: object, path: Path, at: list[str | int]) -> str:
    text = str(value)
    if not re.fullmatch(r"\d{4}", text):
        raise InputError(
            path,
            _at(at),
            f"'municipality: {text}' is not a Kolada id; expected four digits such as 0685 "
            "(0000 is the whole country)",
        )
    return "00" if text == "0000" else text[2:] if text.startswith("00") else text


def _kolada_year(value: object, path: Path, at: list[str | int]) -> int:
    text = str(value)
    if isinstance(value, bool) or not re.fullmatch(r"\d{4}", text):
        raise InputError(
            path, _at(at), f"'period: {text}' is not a year; expected a year such as 2023"
        )
    return int(text)


# --- Brå ------------------------------------------------------------------------------------

BRA_HEADER = ("kommun", "antal", "per 100 000 inv.")
BRA_NAME = re.compile(r"br[aå][-_ ](?P<indicator>.+)[-_ ](?P<year>\d{4})", re.IGNORECASE)
SUPPRESSED, ZERO = "..", "-"


def read_bra(path: Path, context: Context) -> ObservationFile:
    """Brå's yearly CSV of reported crimes per municipality, for the indicator and year of
    its name (``bra-<indicator id>-<year>.csv``).

    Both layouts: UTF-8 with a byte-order mark, semicolons, CRLF, the header ``Kommun;Antal;Per
    100 000 inv.``; and 2021's, with no header and names ending in `` kommun``. Spaces
    separate thousands, ``..`` is suppressed (no observation), ``-`` is zero. Names are matched
    to codes by :class:`~samklang.graph.area_names.AreaNames`. The value is the count or the
    rate, as the indicator's ``unit`` says; the count is kept as ``sk:count`` either way.
    """
    stem, created = retrieved(path)
    m = BRA_NAME.fullmatch(stem)
    if m is None:
        raise InputError(
            path,
            None,
            "is named as no Brå file samklang reads; expected bra-<indicator id>-<year>.csv, "
            "such as bra-skadegorelse-2023.csv",
        )
    indicator = context.named_in_file(m["indicator"], path, "bra-<indicator id>-<year>.csv")
    year = int(m["year"])
    unit = context.indicators[indicator].values.get("unit")
    if unit is None:
        raise InputError(
            path,
            None,
            f"feeds the indicator '{indicator}', which states no unit; expected 'unit: antal' "
            "or 'unit: per 100 000 invånare' on it, so that it says which column of a Brå "
            "file is its value",
        )
    if unit_key(unit) not in (UNIT_COUNT, unit_key(UNIT_RATE)):
        raise InputError(
            path,
            None,
            f"feeds the indicator '{indicator}', whose unit is '{unit}'; expected 'antal' or "
            "'per 100 000 invånare', the columns of a Brå file",
        )
    rate = unit_key(unit) != UNIT_COUNT
    if table_format(path).delimiter != ";":
        raise InputError(
            path,
            "line 1",
            "has no semicolons between cells; expected Brå's layout Kommun;Antal;Per 100 000 inv.",
        )
    read = ObservationFile(path, BRA, created, [SOURCES[BRA]], fed={indicator})
    seen: dict[str, str] = {}
    for number, line, cells in csv_lines(path):
        where = f"line {line}"
        cells = [c.strip() for c in cells]
        while len(cells) > 3 and not cells[-1]:
            cells.pop()
        if number == 1 and cells and cells[0].casefold() == "kommun":
            if tuple(" ".join(c.casefold().split()) for c in cells) != BRA_HEADER:
                raise InputError(
                    path,
                    where,
                    f"has the header '{';'.join(cells)}'; expected Kommun;Antal;Per 100 000 inv.",
                )
            continue
        if len(cells) != 3:
            raise InputError(
                path,
                where,
                f"has {len(cells)} cells; expected three, the municipality, the count and the "
                "rate per 100 000 (Kommun;Antal;Per 100 000 inv.)",
            )
        if number == 1 and _bra_number(cells[1], parse_count) is False:
            raise InputError(
                path,
                where,
                "begins with neither Brå's header Kommun;Antal;Per 100 000 inv. nor a row "
                "name;count;rate (the 2021 layout); expected one of the two",
            )
        name, count_text, rate_text = cells
        area = context.areas.code(name, path, where)
        if area in seen:
            raise InputError(
                path,
                where,
                f"gives '{name}' a second time ({seen[area]}); expected one row per municipality",
            )
        seen[area] = where
        count = _bra_cell(count_text, parse_count, "count", path, where)
        value = _bra_cell(rate_text, parse_decimal, "rate", path, where) if rate else count
        if value is None:  # suppressed: no observation
            continue
        read.observations.append(
            Observation(
                indicator,
                area,
                year,
                Decimal(value),
                Place(path, where, line=line),
                count=int(count) if count is not None else None,
            )
        )
    return read


def _bra_number(text: str, parse: Any) -> object:
    """The cell's number, ``None`` for ``..``, or ``False`` when it is no number."""
    if text == SUPPRESSED:
        return None
    if text == ZERO:
        return parse("0")
    try:
        return parse(text)
    except FieldValueError:
        return False


def _bra_cell(text: str, parse: Any, what: str, path: Path, where: str) -> Any:
    value = _bra_number(text, parse)
    if value is False:
        raise InputError(
            path,
            where,
            f"'{text}' is not a {what}; expected a number (spaces between thousands allowed), "
            "'..' (suppressed) or '-' (zero)",
        )
    return value


# --- SCB ------------------------------------------------------------------------------------

SCB_SEXES = {
    "1": "M", "män": "M", "man": "M",
    "2": "F", "kvinnor": "F", "kvinna": "F",
    "1+2": "T", "totalt": "T", "män och kvinnor": "T", "total": "T",
}  # fmt: skip
"""SCB's codes and words for sex (the dimension ``Kon``)."""


def read_scb(path: Path, context: Context) -> ObservationFile:
    """SCB's population per area and year (TAB638, BE0101N1): a CSV or JSON-stat2 file."""
    _, created = retrieved(path)
    read = ObservationFile(path, SCB, created, [SOURCES[SCB]])
    if path.suffix.lower() == ".json":
        read.populations = _scb_json(path)
    else:
        read.populations = _scb_csv(path)
    return read


def _scb_region(text: str, path: Path, where: str) -> str:
    """``0685 Vetlanda`` or ``0685`` → ``0685``."""
    code = text.strip().split(" ", 1)[0]
    try:
        return parse_area(code)
    except FieldValueError:
        raise InputError(
            path,
            where,
            f"'{text}' is not a region as SCB writes it; expected its code, optionally with "
            "its name, such as '0685 Vetlanda' or '00 Riket'",
        ) from None


def _scb_sex(text: str, path: Path, where: str) -> str:
    sex = SCB_SEXES.get(" ".join(text.casefold().split()))
    if sex is None:
        raise InputError(
            path,
            where,
            f"'{text}' is not a sex as SCB writes it; expected 1 or män, 2 or kvinnor, 1+2 or "
            "totalt",
        )
    return sex


def _scb_population(text: str, path: Path, where: str) -> int | None:
    if text.strip() in (SUPPRESSED, ""):
        return None
    try:
        return parse_count(text)
    except FieldValueError:
        raise InputError(
            path,
            where,
            f"'{text}' is not a population; expected a whole number, or '..' where SCB has none",
        ) from None


_YEAR_HEADING = re.compile(r"(?:.*\s)?(\d{4})")


def _scb_csv(path: Path) -> list[Population]:
    """SCB's CSV: title lines, then a header with a ``region`` column and either a year
    column (``år``, ``tid``) and one column of populations, or one column per year
    (``2023``, ``Folkmängd 2023``); optionally a sex column (``kön``)."""
    rows = list(csv_lines(path))
    header = next(
        (i for i, (_, _, cells) in enumerate(rows) if any(_heading(c) == "region" for c in cells)),
        None,
    )
    if header is None:
        raise InputError(
            path,
            None,
            "has no header row with a column 'region'; expected SCB's CSV of the population "
            "by region and year (TAB638), with its header row",
        )
    headings = [_heading(c) for c in rows[header][2]]
    where_header = f"line {rows[header][1]}"
    region = headings.index("region")
    sex = next((i for i, h in enumerate(headings) if h in ("kön", "kon", "sex")), None)
    year = next((i for i, h in enumerate(headings) if h in ("år", "tid", "year")), None)
    others = [i for i in range(len(headings)) if i not in (region, sex, year) and headings[i]]
    if year is not None:
        if len(others) != 1:
            raise InputError(
                path,
                where_header,
                f"has {len(others)} columns besides region, sex and year; expected one, the "
                "population",
            )
        columns: dict[int, int | None] = {others[0]: None}
    else:
        columns = {i: _year_of(rows[header][2][i]) for i in others}
        if not others or None in columns.values():
            raise InputError(
                path,
                where_header,
                "has no year column; expected a column 'år' (or 'tid'), or one column per "
                "year ('2023', 'Folkmängd 2023')",
            )
    populations = []
    for _, line, cells in rows[header + 1 :]:
        where = f"line {line}"
        if len(cells) < len(headings):
            raise InputError(
                path,
                where,
                f"has {len(cells)} cells; expected {len(headings)}, one under each heading",
            )
        area = _scb_region(cells[region], path, where)
        person = _scb_sex(cells[sex], path, where) if sex is not None else "T"
        for column, column_year in columns.items():
            if column_year is None:
                try:
                    column_year = parse_year(cells[year or 0].strip())
                except FieldValueError as err:
                    raise InputError(path, where, str(err)) from err
            value = _scb_population(cells[column], path, where)
            if value is not None:
                populations.append(
                    Population(area, column_year, person, value, Place(path, where, line=line))
                )
    return populations


def _heading(cell: str) -> str:
    return " ".join(cell.casefold().split())


def _year_of(heading: str) -> int | None:
    m = _YEAR_HEADING.fullmatch(heading.strip())
    return int(m[1]) if m else None


def _scb_json(path: Path) -> list[Population]:
    """JSON-stat2, as PxWebApi 2 saves a table: the dimensions ``Region`` (or role geo) and
    ``Tid`` (or role time), optionally ``Kon``; every other dimension of one category."""
    data = _json(path)
    if not isinstance(data, dict) or not all(
        k in data for k in ("id", "size", "dimension", "value")
    ):
        raise InputError(
            path,
            None,
            "is not JSON-stat2; expected the keys id, size, dimension and value of a dataset as "
            "SCB's PxWebApi 2 saves a table",
        )
    ids, sizes, dimensions = data["id"], data["size"], data["dimension"]
    if (
        not isinstance(ids, list)
        or not isinstance(sizes, list)
        or len(ids) != len(sizes)
        or not isinstance(dimensions, dict)
        or not all(isinstance(d, str) and isinstance(dimensions.get(d), dict) for d in ids)
    ):
        raise InputError(
            path,
            _at(["id"]),
            "does not match 'size' and 'dimension'; expected one size and one dimension per id",
        )
    role: dict = data["role"] if isinstance(data.get("role"), dict) else {}
    region = _dimension(ids, role, "geo", ("region",))
    time = _dimension(ids, role, "time", ("tid", "år", "year"))
    for found, what in ((region, "region ('Region')"), (time, "time ('Tid')")):
        if found is None:
            raise InputError(
                path,
                _at(["id"]),
                f"has no {what} dimension; expected the population by region and year (TAB638)",
            )
    assert region is not None and time is not None
    sex = next((d for d in ids if d.casefold() in ("kon", "kön", "sex")), None)
    categories = {d: _categories(dimensions[d], path, d) for d in ids}
    for d, size in zip(ids, sizes, strict=True):
        if len(categories[d]) != size:
            raise InputError(
                path,
                _at(["dimension", d]),
                f"has {len(categories[d])} categories where 'size' says {size}; expected as "
                "many as its size",
            )
        if d not in (region, time, sex) and size != 1:
            raise InputError(
                path,
                _at(["dimension", d]),
                f"has {size} categories; expected one (the population in total), as a table "
                "filtered to one",
            )
    values = data["value"]
    cells = 1
    for size in sizes:
        cells *= size
    if isinstance(values, list) and len(values) != cells:
        raise InputError(
            path,
            _at(["value"]),
            f"has {len(values)} values for {cells} cells; expected one value per cell of the "
            "dimensions' sizes",
        )
    if not isinstance(values, list | dict):
        raise InputError(path, _at(["value"]), "is not a list; expected one value per cell")
    populations = []
    strides = [1] * len(ids)
    for k in range(len(ids) - 2, -1, -1):
        strides[k] = strides[k + 1] * sizes[k + 1]
    for index in range(cells):
        value = values[index] if isinstance(values, list) else values.get(str(index))
        if value is None:
            continue
        at: list[str | int] = ["value", index]
        if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
            raise InputError(
                path, _at(at), f"'{value}' is not a population; expected a whole number"
            )
        codes = {d: categories[d][(index // strides[k]) % sizes[k]] for k, d in enumerate(ids)}
        here = _at(at)
        area = _scb_region(codes[region], path, here)
        try:
            year = parse_year(codes[time].strip())
        except FieldValueError as err:
            raise InputError(path, _at(["dimension", time]), str(err)) from err
        person = _scb_sex(codes[sex], path, here) if sex is not None else "T"
        populations.append(
            Population(area, year, person, int(value), Place(path, here, pointer=_pointer(at)))
        )
    return populations


def _dimension(ids: list[str], role: dict, name: str, names: tuple[str, ...]) -> str | None:
    by_role = role.get(name)
    if isinstance(by_role, list) and by_role and by_role[0] in ids:
        return str(by_role[0])
    return next((d for d in ids if d.casefold() in names), None)


def _categories(dimension: dict, path: Path, name: str) -> list[str]:
    """A dimension's category codes in their order (``index`` as a list, or as a mapping of
    code to position)."""
    index = (dimension.get("category") or {}).get("index")
    if isinstance(index, list):
        return [str(c) for c in index]
    if isinstance(index, dict):
        return [str(c) for c, _ in sorted(index.items(), key=lambda item: item[1])]
    raise InputError(
        path,
        _at(["dimension", name, "category", "index"]),
        "is missing; expected the category codes of the dimension",
    )
