"""Observation files: the follow-up figures a planner saves in the dataset folder, what each
holds once read, and which indicator each feeds (docs/follow-up.md).

Four kinds, recognised by the start of the file's name (the word, then anything but a letter:
``kolada-n07403.json``, ``bra-skadegorelse-2023.csv``):

- ``kolada*.json``: Kolada API v3, as saved from ``/v3/data/kpi/{kpi}/municipality/…``;
  feeds the indicator whose ``kolada_kpi`` is each value's ``kpi``.
- ``bra*.csv``: Brå's yearly CSV of reported crimes per municipality, either layout; feeds the
  indicator and year its name gives, ``bra-<indicator id>-<year>.csv``.
- ``scb*.csv``, ``scb*.json``: SCB's population, CSV or JSON-stat2; feeds no indicator of its
  own but gives the population (``sk:population``) of every yearly observation that has a
  count or is a rate (its indicator's unit is ``per …``), by area, year and sex.
- ``observations*.csv``, ``observations*.xlsx``: the planner's own; feeds the indicator its
  ``indicator`` column names, and an activity id there is that activity's reported output.

Any of them may end its name with the date it was retrieved (``kolada-n07403-2025-03-30.json``),
which becomes the data set's ``dcterms:created``. The readers are in ``statistics_files.py``
(Kolada, Brå, SCB) and ``planner_files.py``; ``cube.py`` turns what they read into RDF Data
Cube quads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from samklang.errors import InputError
from samklang.graph.area_names import AREA_CODES, AreaNames
from samklang.graph.records import Record

KOLADA, BRA, SCB, PLANNER = "kolada", "bra", "scb", "planner"

_KINDS = (
    (KOLADA, re.compile(r"kolada(?![a-zåäö]).*\.json", re.IGNORECASE)),
    (BRA, re.compile(r"br[aå](?![a-zåäö]).*\.csv", re.IGNORECASE)),
    (SCB, re.compile(r"scb(?![a-zåäö]).*\.(csv|json)", re.IGNORECASE)),
    (PLANNER, re.compile(r"observations(?![a-zåäö]).*\.(csv|xlsx)", re.IGNORECASE)),
)
SOURCES = {KOLADA: "Kolada", BRA: "Brå", SCB: "SCB"}
"""What each published kind's data set names as its ``dcterms:source``."""

SEXES = {"T": "T", "K": "F", "M": "M"}
"""Kolada's genders (totalt, kvinnor, män) as the SDMX codes ``sdmx-code:sex-T/-F/-M``."""

_RETRIEVED = re.compile(r"[-_ ](\d{4})-(\d{2})-(\d{2})$")


def file_kind(path: Path) -> str | None:
    """Which kind of observation file ``path`` is by its name, or ``None``."""
    return next((kind for kind, name in _KINDS if name.fullmatch(path.name)), None)


def observation_files(folder: Path) -> list[Path]:
    """The observation files of a dataset folder, sorted by name (and ``area_codes.csv``,
    which names areas for them, is not one)."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and not p.name.startswith(".") and file_kind(p) is not None
    )


def is_area_codes(path: Path) -> bool:
    """Whether ``path`` is the user's table of area names (``area_codes.csv``)."""
    return path.name.lower() == AREA_CODES


def retrieved(path: Path) -> tuple[str, date | None]:
    """The file's name without its extension and the retrieval date it ends with, if any:
    ``kolada-n07403-2025-03-30.json`` → (``kolada-n07403``, 2025-03-30)."""
    stem = path.name.rsplit(".", 1)[0]
    if m := _RETRIEVED.search(stem):
        try:
            day = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return stem, None
        return stem[: m.start()], day
    return stem, None


@dataclass(frozen=True)
class Place:
    """Where a figure was read: for messages (``where``: ``line 4``, ``JSON path
    values[0].values[1]``, ``sheet Observationer, row 4``) and for provenance (the line of a
    CSV row, a JSON Pointer, or ``where`` itself as a description)."""

    path: Path
    where: str | None
    line: int | None = None
    pointer: str | None = None


@dataclass
class Observation:
    """One figure of an indicator: a ``qb:Observation`` once emitted.

    ``period`` is the year it is for (for a moving or pooled window, its last year, and
    ``window_start`` its first); ``sex`` is ``T``, ``F`` or ``M``.
    """

    indicator: str
    area: str
    period: int
    value: Decimal
    place: Place
    sex: str = "T"
    window_start: int | None = None
    count: int | None = None
    n: int | None = None
    ci: tuple[Decimal, Decimal] | None = None
    status: str | None = None
    source: str | None = None

    @property
    def key(self) -> tuple[str, str, int, str]:
        """What makes it one observation: indicator, area, period and sex."""
        return (self.indicator, self.area, self.period, self.sex)


@dataclass
class Population:
    """The population of an area on 31 December of a year (SCB)."""

    area: str
    year: int
    sex: str
    population: int
    place: Place


@dataclass
class Output:
    """What an activity is reported to have done in a year (a planner's row)."""

    activity: str
    year: int
    count: int
    place: Place


@dataclass
class ObservationFile:
    """One file, read: its kind, the sources and retrieval date its data set names, and what
    it holds."""

    path: Path
    kind: str
    created: date | None = None
    sources: list[str] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)
    populations: list[Population] = field(default_factory=list)
    outputs: list[Output] = field(default_factory=list)
    fed: set[str] = field(default_factory=set)
    """The indicators it gives observations of."""


@dataclass
class Context:
    """What reading an observation file needs from the dataset.

    Attributes:
        indicators: each indicator by the name a file may use for it: its id, or
            ``owner/id`` for one of a shared dataset.
        activities: the ids of the dataset's activities (a planner's row naming one is its
            reported output).
        areas: the areas the dataset can name in words.
    """

    indicators: dict[str, Record]
    activities: set[str]
    areas: AreaNames

    def kpis(self) -> dict[str, str]:
        """Each Kolada KPI to the name of the indicator that is it."""
        return {
            r.values["kolada_kpi"]: name
            for name, r in self.indicators.items()
            if "kolada_kpi" in r.values
        }

    def named_in_file(self, text: str, path: Path, expected: str) -> str:
        """The indicator a file's name names: its id (an indicator of a shared dataset by its
        own id, when no other indicator has it).

        Raises:
            InputError: no indicator, or several, have that id.
        """
        if text in self.indicators:
            return text
        shared = [name for name in self.indicators if name.partition("/")[2] == text]
        if len(shared) == 1:
            return shared[0]
        raise InputError(
            path,
            None,
            f"names the indicator '{text}', which the dataset does not define; expected "
            f"{expected} with the id of one of its indicators",
        )


UNIT_COUNT = "antal"
UNIT_RATE = "per 100 000 invånare"


def unit_key(unit: str) -> str:
    """How units are compared: case, spacing and the abbreviation ``inv.`` ignored
    (``Per 100 000 inv.`` = ``per 100000 invånare``)."""
    key = " ".join(unit.casefold().replace("\u00a0", " ").split())
    key = re.sub(r"(?<=\d) (?=\d{3}\b)", "", key)
    return re.sub(r"\binv\.?$", "invånare", key)
