"""Areas named in words, as Brå's files (and a planner's) name municipalities: matched to SCB
codes, never guessed.

A name is the dataset's own municipality when it is the municipality's ``name`` (``Fiktivby
kommun`` matches ``Fiktivby`` and ``Fiktivby kommun``); the whole country when it is ``Riket``
or ``Hela landet``; any other area only through the user's ``area_codes.csv`` in the dataset
folder, one ``name;code`` per line. Names are compared with case, spacing, the kind of dash
(``Malung–Sälen`` = ``Malung-Sälen``) and a trailing `` kommun`` ignored. A name that matches
nothing, or more than one code, is an error naming the file and line where it is used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from samklang.errors import InputError
from samklang.graph.tables import csv_lines, name_key
from samklang.graph.values import FieldValueError, parse_area

AREA_CODES = "area_codes.csv"
"""The file in a dataset folder that gives other areas' codes by name (``name;code``)."""

COUNTRY = {"riket", "hela riket", "hela landet"}
"""Names of the whole country (code ``00``) in Brå's and SCB's tables."""

_DASHES = re.compile(r"\s*[-‐‑‒–—]\s*")


def area_key(name: str) -> str:
    """How area names are compared: case, spacing and dashes ignored, `` kommun`` dropped.

    >>> area_key("Malung–Sälen kommun") == area_key("malung-sälen")
    True
    """
    key = _DASHES.sub("-", name_key(name))
    return key.removesuffix(" kommun").strip()


@dataclass
class AreaNames:
    """The areas a dataset can name: its own municipality, the country, and ``area_codes.csv``.

    Attributes:
        own_name: the municipality's name, as ``municipality.yaml`` gives it.
        own_code: its SCB code.
        codes: each compared name (:func:`area_key`) to the codes it is given, with where.
        files: the ``area_codes.csv`` read, if any.
    """

    own_name: str
    own_code: str
    codes: dict[str, dict[str, str]] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)

    def code(self, name: str, path: Path, where: str | None) -> str:
        """The SCB code of the area called ``name`` in ``path`` at ``where``.

        Raises:
            InputError: the name is none of the dataset's areas, or is given several codes.
        """
        key = area_key(name)
        listed = self.codes.get(key, {})
        codes = set(listed)
        if key == area_key(self.own_name):
            codes.add(self.own_code)
        if key in COUNTRY:
            codes.add("00")
        if len(codes) == 1:
            return next(iter(codes))
        if not codes:
            raise InputError(
                path,
                where,
                f"'{name}' is neither the dataset's municipality ({self.own_name}) nor a name in "
                f"{AREA_CODES}; expected those only (list another municipality there as "
                "name;code, or leave its rows out)",
            )
        raise InputError(
            path,
            where,
            f"'{name}' matches more than one code ({', '.join(sorted(codes))}); expected one code "
            f"per name in {AREA_CODES} and for the dataset's municipality",
        )


def area_names(folder: Path, own_name: str, own_code: str) -> AreaNames:
    """The areas a dataset folder can name (see the module's docstring).

    Raises:
        InputError: ``area_codes.csv`` has a row that is not ``name;code``.
    """
    names = AreaNames(own_name, own_code)
    path = next(
        (p for p in sorted(folder.iterdir()) if p.is_file() and p.name.lower() == AREA_CODES),
        None,
    )
    if path is None:
        return names
    names.files.append(path)
    for number, line, cells in csv_lines(path):
        where = f"line {line}"
        cells = [c.strip() for c in cells]
        if number == 1 and [c.lower() for c in cells] in (["name", "code"], ["namn", "kod"]):
            continue
        if len(cells) != 2 or not all(cells):
            raise InputError(
                path,
                where,
                "is not a row name;code; expected an area's name and its SCB code, such as "
                "Nässjö;0682",
            )
        try:
            code = parse_area(cells[1])
        except FieldValueError as err:
            raise InputError(path, where, str(err)) from err
        names.codes.setdefault(area_key(cells[0]), {})[code] = where
    return names
