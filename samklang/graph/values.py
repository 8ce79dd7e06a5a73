"""Values of the input format: what each kind of field accepts (``schema.Field.kind``), as
converters from one piece of text to a value, each raising :class:`FieldValueError` that says
what was expected; and the patterns of ids, rule IDs and laws.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")
RULE_ID = re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+")
"""What a rule ID looks like (``PER-EXPIRED``, ``LAW-2023-196-SAMORDNING``)."""
LAW_PATTERN = re.compile(r"^(SFS|MSBFS)\s*(\d{4}):(\d{1,4})$", re.IGNORECASE)
MULTI_SEPARATOR = re.compile(r"[;,]")
"""Separates several values in one spreadsheet cell: ``familj-x; skola-y`` or ``a, b``
(in a CSV file delimited by ``;``, write ``a, b`` or quote the cell)."""


class FieldValueError(ValueError):
    """A value does not fit its field; the message says what was expected."""


def parse_date(text: str) -> date:
    """Read an ISO date, ``YYYY-MM-DD``.

    >>> parse_date("2020-02-29")
    datetime.date(2020, 2, 29)
    """
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise FieldValueError(f"'{text}' is not a date; expected YYYY-MM-DD")
    try:
        return date.fromisoformat(text)
    except ValueError as err:
        raise FieldValueError(f"'{text}' is not a real date ({err}); expected YYYY-MM-DD") from err


def parse_year(text: str) -> int:
    """Read a year between 1900 and 2199."""
    if not re.fullmatch(r"\d{4}", text) or not 1900 <= int(text) <= 2199:
        raise FieldValueError(f"'{text}' is not a year; expected four digits such as 2021")
    return int(text)


_PERIOD_YEARS = re.compile(r"^(\d{4})\s*(?:[-–—]|till och med|t\.o\.m\.)\s*(\d{4})$")


def parse_years(text: str) -> list[int]:
    """Read a year or a span of years: ``2021`` or ``2020-2021``.

    >>> parse_years("2020-2021")
    [2020, 2021]
    """
    if m := _PERIOD_YEARS.match(text.strip()):
        first, last = parse_year(m[1]), parse_year(m[2])
        if last < first:
            raise FieldValueError(f"the years '{text}' end before they start")
        return list(range(first, last + 1))
    return [parse_year(text.strip())]


def parse_period(text: str) -> tuple[date, date]:
    """Read a period: ``2020-2023``, ``2020–2023``, ``2021`` or ``2020-07-01/2022-06-30``.

    >>> parse_period("2020-2023")
    (datetime.date(2020, 1, 1), datetime.date(2023, 12, 31))
    """
    text = text.strip()
    if m := _PERIOD_YEARS.match(text):
        start, end = date(parse_year(m[1]), 1, 1), date(parse_year(m[2]), 12, 31)
    elif re.fullmatch(r"\d{4}", text):
        year = parse_year(text)
        start, end = date(year, 1, 1), date(year, 12, 31)
    elif "/" in text:
        first, _, last = text.partition("/")
        start, end = parse_date(first.strip()), parse_date(last.strip())
    else:
        raise FieldValueError(
            f"'{text}' is not a period; expected 2020-2023, 2021 or 2020-07-01/2022-06-30"
        )
    if end < start:
        raise FieldValueError(f"the period '{text}' ends before it starts")
    return start, end


_DURATIONS = {
    "årligen": "P1Y",
    "varje år": "P1Y",
    "yearly": "P1Y",
    "annually": "P1Y",
    "vartannat år": "P2Y",
    "2 år": "P2Y",
    "2-årsperioder": "P2Y",
    "tvåårsperioder": "P2Y",
    "tertial": "P4M",
    "per tertial": "P4M",
    "kvartal": "P3M",
    "per kvartal": "P3M",
    "månadsvis": "P1M",
    "monthly": "P1M",
}


def parse_duration(text: str) -> str:
    """Read a cadence as an ISO 8601 duration: ``P2Y``, ``årligen``, ``tertial``."""
    key = text.strip().lower()
    if key in _DURATIONS:
        return _DURATIONS[key]
    if re.fullmatch(r"P(\d+Y)?(\d+M)?(\d+D)?", text.strip()) and len(text.strip()) > 1:
        return text.strip()
    if m := re.fullmatch(r"(\d+)\s*år", key):
        return f"P{m[1]}Y"
    raise FieldValueError(
        f"'{text}' is not a cadence; expected P1Y, P2Y, årligen, vartannat år or tertial"
    )


def parse_bool(text: str) -> bool:
    """Read ``true``/``false`` (also ``ja``/``nej``)."""
    key = text.strip().lower()
    if key in ("true", "ja", "yes"):
        return True
    if key in ("false", "nej", "no"):
        return False
    raise FieldValueError(f"'{text}' is not true or false")


def parse_ref(text: str) -> str:
    """Check a reference: an id of this dataset, or ``owner/id`` for a record of a shared
    dataset it uses."""
    owner, slash, local = text.partition("/")
    if slash:
        parse_id(owner)
        parse_id(local)
        return text
    return parse_id(text)


def parse_id(text: str) -> str:
    """Check a short id."""
    if not ID_PATTERN.match(text):
        raise FieldValueError(
            f"'{text}' is not a valid id; expected letters a–z, digits, '-', '_' or '.' "
            "(at most 100, starting with a letter or digit)"
        )
    return text


def parse_code(text: str) -> str:
    """Check a four-digit SCB municipality code."""
    if not re.fullmatch(r"\d{4}", text):
        raise FieldValueError(
            f"'{text}' is not a municipality code; expected four digits such as 0685"
        )
    return text


def parse_url(text: str) -> str:
    """Check a web address."""
    if not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", text):
        raise FieldValueError(f"'{text}' is not a web address; expected https://…")
    return text


_THOUSANDS = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d{3}\b)")
"""A space between groups of digits (``27 495``): ordinary, no-break or narrow no-break."""
_DECIMAL = re.compile(r"[-−]?\d+(?:[.,]\d+)?")


LARGEST = 10**15
"""Figures are read below a quadrillion: far over any count, rate or population a plan or a
statistics file gives, and small enough that every one is shown to two decimals exactly (a
figure of 27 digits or more cannot be)."""


def in_range(number: Decimal | int, text: str) -> None:
    """Refuse a figure that is not finite or not under :data:`LARGEST`.

    Raises:
        FieldValueError: it is not.
    """
    if isinstance(number, Decimal) and not number.is_finite() or abs(number) >= LARGEST:
        raise FieldValueError(
            f"'{text}' is out of range; expected a figure under 1 000 000 000 000 000"
        )


def parse_decimal(text: str) -> Decimal:
    """Read a number as Swedish sources write it: a decimal comma or point, spaces between
    thousands, a minus sign.

    >>> parse_decimal("1 234,5")
    Decimal('1234.5')
    """
    compact = _THOUSANDS.sub("", text.strip())
    if not _DECIMAL.fullmatch(compact):
        raise FieldValueError(
            f"'{text}' is not a number; expected digits such as 12, 12,5 or 1 234"
        )
    try:
        number = Decimal(compact.replace(",", ".").replace("−", "-"))
    except InvalidOperation as err:  # pragma: no cover - the pattern admits only numbers
        raise FieldValueError(
            f"'{text}' is not a number; expected digits such as 12, 12,5 or 1 234"
        ) from err
    in_range(number, text)
    return number


def parse_count(text: str) -> int:
    """Read a whole number of things, with spaces between thousands allowed (``2 537``)."""
    compact = _THOUSANDS.sub("", text.strip())
    if not compact.isdigit():
        raise FieldValueError(f"'{text}' is not a count; expected a whole number such as 8")
    in_range(int(compact), text)
    return int(compact)


def parse_area(text: str) -> str:
    """Check an SCB area code: ``00`` (the whole country), two digits (a county) or four (a
    municipality)."""
    if not re.fullmatch(r"\d{2}|\d{4}", text):
        raise FieldValueError(
            f"'{text}' is not an area code; expected an SCB code: 0685 for a municipality, "
            "06 for a county or 00 for the whole country"
        )
    return text


def parse_kpi(text: str) -> str:
    """Check the id of a Kolada KPI (``N07403``, ``U07417``)."""
    if not re.fullmatch(r"[A-Z]\d{5}", text):
        raise FieldValueError(
            f"'{text}' is not a Kolada KPI; expected a letter and five digits such as N07403"
        )
    return text


def law_id(text: str) -> str | None:
    """The law vocabulary id for ``SFS 2003:778`` (``sfs-2003-778``), or ``None``."""
    m = LAW_PATTERN.match(text.strip())
    return f"{m[1].lower()}-{m[2]}-{m[3]}" if m else None


PARSERS = {
    "date": parse_date,
    "year": parse_year,
    "years": parse_years,
    "int": None,
    "period": parse_period,
    "duration": parse_duration,
    "bool": parse_bool,
    "id": parse_id,
    "code": parse_code,
    "url": parse_url,
    "decimal": parse_decimal,
    "area": parse_area,
    "kpi": parse_kpi,
}
