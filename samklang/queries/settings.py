"""Rule parameters and their defaults. Each is bound into the rules as an RDF term.

Three layers, each overriding the one before: the defaults here, a dataset's own
``settings:`` section (e.g. in ``settings.yaml``), and ``--setting NAME=VALUE`` on a run.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

import pyoxigraph as ox

from samklang.errors import InputError, UsageError
from samklang.ontology.namespace import XSD

if TYPE_CHECKING:
    from samklang.graph.dataset import Dataset


RANGES = {
    "mandate_first_year": (1994, 2100),  # mandate periods have run four years since 1994
    "promise_cadence_years": (1, 4),  # medborgarlöften run one or two years, at most a mandate
    "implementation_share_min": (1, 100),  # a share in per cent
}
"""The values a whole-number setting may take; outside them every plan would fire, or none."""


@dataclass(frozen=True)
class Settings:
    """Parameters the rules read.

    Attributes:
        as_of: the reference date (``?asOf``): what is in force, what has ended.
        law_2023_196_applies: when Lag (2023:196) applies (``?lawApplies``); in force
            2023-07-01 (SFS 2023:196; bra.se, 2023-07-01). Its rules do not run before it.
        law_2023_196_transition: until when municipalities had to produce and decide their
            åtgärdsplaner (``?lawTransition``): before it a missing lägesbild or åtgärdsplan is a
            warning, from it an error. 2024-07-01 after a municipal page (vadstena.se), not
            read in the SFS text: a setting, so that a municipality can correct it.
        lso_2020_882_in_force: when SFS 2020:882, the LSO amendment behind MSBFS 2021:1, came
            into force (2021-01-01, verified); LAW-MSBFS-2021-1 does not run before it.
        msbfs_2021_1_due: when LSO programmes had to follow MSBFS 2021:1 (``?msbfsDue``).
        mandate_first_year: first year of a kommunstyrelse mandate period (``?mandateYear``);
            2019 gives 2019–2022, 2023–2026. Set 2020 for programmes offset by one year.
        promise_cadence_years: how many years a medborgarlöfte is expected to run
            (``?promiseYears``) where its series states no cadence; 2 in Vetlanda.
        implementation_share_min: the share, in per cent, of a plan's followed-up activities
            below which FUP-IMPLEMENTATION reports that too little was carried out
            (``?implementationShareMin``); 50, after the Swedish National Audit Office (RiR
            2010:23: about half of the police's planned crime prevention was carried out).
        severity: rule ID → severity, for rules whose default severity the user changes.
    """

    as_of: date
    law_2023_196_applies: date = date(2023, 7, 1)
    law_2023_196_transition: date = date(2024, 7, 1)
    lso_2020_882_in_force: date = date(2021, 1, 1)
    msbfs_2021_1_due: date = date(2022, 1, 1)
    mandate_first_year: int = 2019
    promise_cadence_years: int = 2
    implementation_share_min: int = 50
    severity: Mapping[str, str] = field(default_factory=dict)

    def replace(self, assignments: Mapping[str, str]) -> Settings:
        """These settings with some changed, each given as text: ``{"mandate_first_year": "2020"}``
        or ``{"severity.PER-MANDATE": "info"}``.

        Raises:
            UsageError: an unknown name, or a value of the wrong kind.
        """
        from samklang.graph.values import FieldValueError, parse_date
        from samklang.queries.rule import SEVERITIES, catalogue

        changes: dict[str, object] = {}
        severity = dict(self.severity)
        # The reference date is --as-of's, not a setting: a report must show the date it used.
        names = [f.name for f in dataclasses.fields(self) if f.name not in ("severity", "as_of")]
        for name, text in assignments.items():
            if name.startswith("severity."):
                rule_id = name.split(".", 1)[1]
                if rule_id not in catalogue():
                    raise UsageError(f"'{rule_id}' in '{name}' is not a rule; see 'samklang rules'")
                if text not in SEVERITIES:
                    raise UsageError(
                        f"'{text}' is not a severity; expected {', '.join(SEVERITIES)}"
                    )
                severity[rule_id] = text
                continue
            if name == "severity":  # a value where a rule ID → severity is expected
                raise UsageError(
                    f"'severity' gives a severity to a rule; expected severity.RULE-ID={text} "
                    "on the command line, or 'severity:' with each rule ID and its severity "
                    "under it"
                )
            if name not in names:
                raise UsageError(
                    f"'{name}' is not a setting; expected one of {', '.join(names)}"
                    " or severity.RULE-ID"
                )
            try:
                if isinstance(getattr(self, name), date):
                    changes[name] = parse_date(str(text))
                elif re.fullmatch("[0-9]{1,9}", str(text)):
                    changes[name] = int(text)
                    low, high = RANGES[name]
                    if not low <= int(text) <= high:
                        raise FieldValueError(
                            f"'{text}' is out of range; expected a whole number from {low} to "
                            f"{high}"
                        )
                elif re.fullmatch("[0-9]+", str(text)):
                    raise FieldValueError(
                        f"'{str(text)[:12]}…' has {len(str(text))} digits; expected a whole "
                        "number of at most 9 digits"
                    )
                else:
                    raise FieldValueError(f"'{text}' is not a whole number")
            except FieldValueError as err:
                raise UsageError(f"setting {name}: {err}") from err
        return dataclasses.replace(self, severity=severity, **changes)  # type: ignore[arg-type]

    def bindings(self) -> dict[str, ox.Literal]:
        """The parameters as SPARQL variable bindings."""

        def day(value: date) -> ox.Literal:
            return ox.Literal(value.isoformat(), datatype=XSD.date)

        def integer(value: int) -> ox.Literal:
            return ox.Literal(str(value), datatype=XSD.integer)

        return {
            "asOf": day(self.as_of),
            "lawApplies": day(self.law_2023_196_applies),
            "lawTransition": day(self.law_2023_196_transition),
            "msbfsDue": day(self.msbfs_2021_1_due),
            "mandateYear": integer(self.mandate_first_year),
            "promiseYears": integer(self.promise_cadence_years),
            "implementationShareMin": integer(self.implementation_share_min),
        }


def dataset_settings(base: Settings, dataset: Dataset) -> Settings:
    """``base`` with the dataset's own ``settings:`` applied, in the order written.

    Raises:
        InputError: a setting names no setting or rule, or its value does not fit; the error
            names the file and line where it is written.
    """
    settings = base
    for name, text in dataset.settings.items():
        try:
            settings = settings.replace({name: text})
        except UsageError as err:
            path, line = dataset.setting_places.get(name, (dataset.path, None))
            raise InputError(path, line, str(err)) from err
    return settings
