"""Rule parameters and their defaults. Each is bound into the rules as an RDF term."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

import pyoxigraph as ox

from samklang.ontology.namespace import XSD


@dataclass(frozen=True)
class Settings:
    """Parameters the rules read.

    Attributes:
        as_of: the reference date (``?asOf``): what is in force, what has ended.
        law_2023_196_applies: when Lag (2023:196) applies (``?lawApplies``); in force
            2023-07-01 (verified). The transition date 2024-07-01 is unverified.
        msbfs_2021_1_due: when LSO programmes had to follow MSBFS 2021:1 (``?msbfsDue``).
        mandate_first_year: first year of a kommunstyrelse mandate period (``?mandateYear``);
            2019 gives 2019–2022, 2023–2026. Set 2020 for programmes offset by one year.
    """

    as_of: date
    law_2023_196_applies: date = date(2023, 7, 1)
    msbfs_2021_1_due: date = date(2022, 1, 1)
    mandate_first_year: int = 2019

    def replace(self, assignments: dict[str, str]) -> Settings:
        """These settings with some changed, each given as text: ``{"mandate_first_year": "2020"}``.

        Raises:
            UsageError: an unknown name, or a value of the wrong kind.
        """
        from samklang.errors import UsageError
        from samklang.graph.schema import FieldValueError, parse_date, parse_year

        changes: dict[str, date | int] = {}
        for name, text in assignments.items():
            current = getattr(self, name, None)
            if name.startswith("_") or current is None or name not in self.__dataclass_fields__:
                known = ", ".join(self.__dataclass_fields__)
                raise UsageError(f"'{name}' is not a setting; expected one of {known}")
            try:
                changes[name] = parse_date(text) if isinstance(current, date) else parse_year(text)
            except FieldValueError as err:
                raise UsageError(f"setting {name}: {err}") from err
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    def bindings(self) -> dict[str, ox.Literal]:
        """The parameters as SPARQL variable bindings."""
        return {
            "asOf": ox.Literal(self.as_of.isoformat(), datatype=XSD.date),
            "lawApplies": ox.Literal(self.law_2023_196_applies.isoformat(), datatype=XSD.date),
            "msbfsDue": ox.Literal(self.msbfs_2021_1_due.isoformat(), datatype=XSD.date),
            "mandateYear": ox.Literal(str(self.mandate_first_year), datatype=XSD.integer),
        }
