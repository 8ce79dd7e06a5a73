"""Periods and cadences as Swedish plans write them, read into dates and ISO 8601 durations.

Periods: ``2020-2023``, ``2020–2023``, ``2020 till och med 2023``, ``2020 t.o.m. 2023``,
``fr.o.m. 2024 t.o.m. 2026``, ``2024 till 2026``, ``2024/2025``, ``2024–25``, ``2024/25``,
``2023-01-01 – 2024-12-31``, ``från 1 januari 2025 till 31 december 2026``,
``1 juli 2018 – 30 juni 2020``, ``juli 2018 – juni 2020``, and a lone year (``2024``) where a
rule allows one. A start with no end (``fr.o.m. 2024``, ``från 2024 och tills vidare``) is an
``OpenPeriod``: no end year is invented. Cadences: ``vartannat år``, ``2-årsperioder``,
``årligen``, ``per tertial``…
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    "januari": 1,
    "februari": 2,
    "mars": 3,
    "april": 4,
    "maj": 5,
    "juni": 6,
    "juli": 7,
    "augusti": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
}
"""Swedish month names (also matched with a capital letter)."""

YEAR = r"(?:19[5-9]\d|20\d\d)"
"""A year of a planning document: 1950–2099 (so ``2003:778`` and page numbers are not years)."""
_MONTH = r"(?:" + "|".join(MONTHS) + r")"
ISO_DATE = rf"{YEAR}-[01]\d-[0-3]\d"
"""``2023-01-01``."""
WORD_DATE = rf"(?:den\s+)?[0-3]?\d\s+{_MONTH}\s+{YEAR}"
"""``1 juli 2018``, ``den 14 december 2020``."""
MONTH_YEAR = rf"{_MONTH}\s+{YEAR}"
"""``juli 2018`` (the month's first day when it starts a period, its last when it ends one)."""
DATE = rf"(?:{ISO_DATE}|{WORD_DATE})"

_DASH = r"\s*[-–—]\s*"
_UNTIL = r"\s*(?:[-–—]|till\s+och\s+med|t\.\s?o\.\s?m\.|tom|till|och)\s*"
_FROM = r"(?:(?:från\s+och\s+med|fr\.\s?o\.\s?m\.|från)\s+)?"

PERIOD = re.compile(
    rf"""(?ix)
    # 2023-01-01 – 2024-12-31, 1 juli 2018 – 30 juni 2020
    {_FROM}(?P<d1>{DATE}){_UNTIL}(?P<d2>{DATE})
    # juli 2018 – juni 2020
    | {_FROM}(?P<m1>{MONTH_YEAR}){_UNTIL}(?P<m2>{MONTH_YEAR})
    # 2020-2023, 2020–2023, 2020 till och med 2023, fr.o.m. 2024 t.o.m. 2026, 2024 till 2026,
    # 2024/2025, 2024–25, 2024/25
    | (?<![\d:/-]){_FROM}(?P<y1>{YEAR})
      (?:{_DASH}|\s*/\s*|\s+(?:till\s+och\s+med|t\.\s?o\.\s?m\.|till)\s+)
      (?P<y2>{YEAR}|\d\d)(?![\d:/-])
    """
)
"""A period with a start and an end. Group names tell which form matched."""

SINGLE_YEAR = re.compile(rf"(?<![\d:/.-]){YEAR}(?![\d:/-])")
"""A lone year, for titles such as ``Medborgarlöfte 2024`` or ``Lägesbild … 2024``."""

OPEN_START = re.compile(
    rf"""(?ix)
    (?:från\s+och\s+med|fr\.\s?o\.\s?m\.|från|fr\s?o\s?m)\s+
    (?:(?P<date>{DATE})|(?:år\s+)?(?P<year>{YEAR})(?![\d:/-]))
    (?!{_UNTIL}(?:{DATE}|{YEAR}|\d\d\b))
    """
)
"""A period with a start and no end: ``fr.o.m. 2024``, ``från och med den 1 mars 2024``,
``från 2024 och tills vidare``. Read only after a verb of validity (``gäller``, ``löper``): the
end is then open, not unknown, and no end year may be invented (see
docs/decisions/0009-open-periods.md)."""

UNTIL_FURTHER = re.compile(r"(?i)\btills\s+vidare\b|\butan\s+slutdatum\b")
"""``tills vidare``: the period has no end."""


@dataclass(frozen=True)
class Period:
    """A period: first and last day, and the text it was read from."""

    start: date
    end: date

    def as_yaml(self) -> str:
        """The period in the input format: ``2020-2023`` for whole years, else ``start/end``."""
        if (self.start.month, self.start.day, self.end.month, self.end.day) == (1, 1, 12, 31):
            if self.start.year == self.end.year:
                return str(self.start.year)
            return f"{self.start.year}-{self.end.year}"
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    def key(self) -> str:
        """``2020-01-01/2023-12-31``: the canonical form used to compare periods."""
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    @property
    def years(self) -> list[int]:
        """The calendar years the period touches."""
        return list(range(self.start.year, self.end.year + 1))


@dataclass(frozen=True)
class OpenPeriod:
    """A period that starts and has no end (``gäller fr.o.m. 2024 och tills vidare``).

    The input format's ``period`` cannot say this, so a draft leaves ``period`` out, marks it
    for review and says the start in the note; the reader keeps the start as ``period_from``.
    """

    start: date

    def key(self) -> str:
        """``2024-01-01/..``: the canonical form (ISO 8601-2 writes an open end ``..``)."""
        return f"{self.start.isoformat()}/.."

    def words(self) -> str:
        """The start as a reviewer reads it: ``2024`` or ``2024-03-01``."""
        if (self.start.month, self.start.day) == (1, 1):
            return str(self.start.year)
        return self.start.isoformat()


def open_period_of(match: re.Match[str]) -> OpenPeriod | None:
    """The open period an ``OPEN_START`` match stands for."""
    if match["date"]:
        start = read_date(match["date"])
        return OpenPeriod(start) if start is not None else None
    return OpenPeriod(date(int(match["year"]), 1, 1))


def read_date(text: str) -> date | None:
    """A date written ``2020-12-14`` or ``14 december 2020`` (``den`` allowed), else ``None``.

    >>> read_date("den 14 december 2020")
    datetime.date(2020, 12, 14)
    """
    text = text.strip().lower()
    try:
        if re.fullmatch(ISO_DATE, text):
            return date.fromisoformat(text)
        if m := re.fullmatch(rf"(?:den\s+)?([0-3]?\d)\s+({_MONTH})\s+({YEAR})", text):
            return date(int(m[3]), MONTHS[m[2]], int(m[1]))
    except ValueError:
        return None
    return None


def _month_bound(text: str, last: bool) -> date:
    month, year = text.lower().split()
    m, y = MONTHS[month], int(year)
    return date(y, m, calendar.monthrange(y, m)[1] if last else 1)


def period_of(match: re.Match[str]) -> Period | None:
    """The period a ``PERIOD`` match stands for, or ``None`` if it ends before it starts."""
    if match["d1"]:
        start, end = read_date(match["d1"]), read_date(match["d2"])
    elif match["m1"]:
        start, end = _month_bound(match["m1"], False), _month_bound(match["m2"], True)
    else:
        first, last = match["y1"], match["y2"]
        if len(last) == 2:  # 2024–25: the end in the start's century
            last = first[:2] + last
        start, end = date(int(first), 1, 1), date(int(last), 12, 31)
    if start is None or end is None or end < start or end.year - start.year > 20:
        return None
    return Period(start, end)


def year_period(year: str) -> Period:
    """A whole calendar year as a period."""
    return Period(date(int(year), 1, 1), date(int(year), 12, 31))


CADENCES: list[tuple[str, str]] = [
    # (ISO 8601 duration, how plans write it). Checked in this order; the first that fits wins.
    ("P4M", r"per\s+tertial|tertialvis|varje\s+tertial|tre\s+gånger\s+(?:per|om|i)\s+år(?:et)?"),
    ("P3M", r"per\s+kvartal|kvartalsvis|varje\s+kvartal|fyra\s+gånger\s+(?:per|om|i)\s+år(?:et)?"),
    (
        "P6M",
        r"halvårsvis|per\s+halvår|varje\s+halvår|två\s+gånger\s+(?:per|om|i)\s+år(?:et)?",
    ),
    (
        "P2Y",
        r"vart\s*annat\s+år|var\s*annat\s+år|2-årsperiod(?:er)?|tvåårsperiod(?:er)?"
        r"|två\s*års\s*period(?:er)?|vartannat\s+år",
    ),
    (
        "P1Y",
        r"årligen|varje\s+(?:kalender)?år|en\s+gång\s+(?:per|om|i)\s+år(?:et)?|årsvis"
        r"|årlig(?:a|t)?\b|per\s+år\b",
    ),
    ("P1M", r"månadsvis|varje\s+månad|en\s+gång\s+(?:per|i|om)\s+månaden?"),
    ("P1W", r"veckovis|varje\s+vecka|en\s+gång\s+(?:per|i|om)\s+veckan?"),
]
"""Cadences of renewal and follow-up, as ISO 8601 durations."""

CADENCE = re.compile(
    "|".join(f"(?P<c{n}>\\b(?:{pattern}))" for n, (_, pattern) in enumerate(CADENCES)),
    re.IGNORECASE,
)
"""Any cadence; ``cadence_of`` tells which."""


def cadence_of(match: re.Match[str]) -> str:
    """The ISO 8601 duration of a ``CADENCE`` match."""
    for n, (duration, _) in enumerate(CADENCES):
        if match[f"c{n}"]:
            return duration
    raise AssertionError("a CADENCE match names no cadence")
