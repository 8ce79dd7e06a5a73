"""The follow-up's part of a dataset (decision 0007): a goal's or an indicator's scope, the
goal–indicator links (``sk:Measure``) with their baselines and targets, and the indicators.

Called by :class:`~samklang.graph.builder.Builder` for the sections ``goals`` and
``indicators``; what is refused here is refused with the record's file and line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from samklang.graph.literals import decimal_literal, integer_literal, text_literal, year_literal
from samklang.graph.records import Record
from samklang.ontology.namespace import DCTERMS, RDF, SK

if TYPE_CHECKING:
    from samklang.graph.builder import Builder


def scope(builder: Builder, record: Record, s: ox.NamedNode) -> None:
    """A goal's or an indicator's scope: plain literals, crime types and place in lower
    case, so that a goal and its indicators compare field by field."""
    given = record.values.get("scope") or {}
    for crime_type in given.get("crime_types", []):
        builder.add(s, SK.scopeCrimeType, ox.Literal(crime_type.lower()))
    if "place" in given:
        builder.add(s, SK.scopePlace, ox.Literal(given["place"].lower()))
    if "survey_question" in given:
        builder.add(s, SK.scopeSurveyQuestion, ox.Literal(given["survey_question"]))
    for area in given.get("areas", []):
        builder.add(s, SK.scopeArea, ox.Literal(area))


def measure(
    builder: Builder,
    record: Record,
    goal: ox.NamedNode,
    index: int,
    item: dict[str, Any],
    named: set[str],
) -> None:
    """The goal–indicator link ``{goal IRI}#measure-{indicator id}``, with its baseline and
    target (decision 0007)."""
    at = f"indicators[{index}]"
    name = item["indicator"]
    indicator_iri = builder.item_ref(record, "indicators.indicator", index, name)
    if name in named:
        raise record.fail(
            f"{at}.indicator",
            f"the goal names the indicator '{name}' twice; expected each of its "
            "indicators once, with its baseline and target",
        )
    named.add(name)
    link = ox.NamedNode(f"{goal.value}#measure-{name}")
    builder.dataset.locations[link.value] = (record.path, record.where(at))
    builder.add(goal, SK.measuredBy, link)
    builder.add(link, RDF.type, SK.Measure)
    builder.add(link, SK.indicator, indicator_iri)
    baseline = item.get("baseline")
    if baseline is not None:
        years = baseline["period"]
        builder.add(link, SK.baselineStart, year_literal(years[0]))
        builder.add(link, SK.baselineEnd, year_literal(years[-1]))
        if "value" in baseline:
            builder.add(link, SK.baselineValue, decimal_literal(baseline["value"]))
    target = item.get("target")
    if target is None:
        return
    kind = target["kind"]
    where = f"{at}.target"
    if kind == "direction" and "value" in target:
        raise record.fail(
            f"{where}.value",
            "a target of kind 'direction' takes no value; expected only 'kind: direction', "
            "or kind level or change with a value",
        )
    if kind != "direction" and "value" not in target:
        raise record.fail(
            where,
            f"a target of kind '{kind}' needs a value; expected 'value: …' (for level the "
            "level, for change its size towards the better direction)",
        )
    if kind == "change" and "unit" not in target:
        raise record.fail(
            where,
            "a target of kind 'change' needs a unit; expected 'unit: procent' (of the "
            "baseline) or 'unit: enheter' (the indicator's units)",
        )
    if kind != "change" and "unit" in target:
        raise record.fail(
            f"{where}.unit",
            f"'unit' belongs to a target of kind change; expected no unit for kind '{kind}'",
        )
    builder.add(link, SK.targetKind, ox.Literal(kind))
    if "value" in target:
        builder.add(link, SK.targetValue, decimal_literal(target["value"]))
    if "unit" in target:
        builder.add(link, SK.targetChangeUnit, ox.Literal(target["unit"]))
    year = target.get("year")
    if year is None:  # the default: the end of the goal's document's period
        found = builder.lookup(record.values["document"])
        period = found[1].values.get("period") if found is not None else None
        year = period[1].year if period is not None else None
    if year is not None:
        builder.add(link, SK.targetYear, year_literal(year))


def indicator(builder: Builder, record: Record, s: ox.NamedNode) -> None:
    v = record.values
    builder.add(s, RDF.type, SK.Indicator)
    builder.add(s, DCTERMS.title, text_literal(v["title"]))
    if "unit" in v:
        builder.add(s, SK.unit, ox.Literal(v["unit"]))
    if "data_source" in v:
        builder.add(s, DCTERMS.source, ox.Literal(v["data_source"]))
    if "kolada_kpi" in v:
        kpi = v["kolada_kpi"]
        if (other := builder.kpis.get(kpi)) is not None:
            raise record.fail(
                "kolada_kpi",
                f"the Kolada KPI '{kpi}' is already the indicator '{other.id}' "
                f"({other.path.name}, {other.where('kolada_kpi')}); expected each KPI on "
                "one indicator, so that a Kolada file's values have one indicator",
            )
        builder.kpis[kpi] = record
        builder.add(s, SK.koladaKpi, ox.Literal(kpi))
    if "better" in v:
        builder.add(s, SK.better, SK.lower if v["better"] == "lower" else SK.higher)
    for year in v.get("series_breaks", []):
        builder.add(s, SK.seriesBreak, year_literal(year))
    if "moving_window" in v:
        if v["moving_window"] < 2:
            raise record.fail(
                "moving_window",
                f"a moving window of {v['moving_window']} years averages nothing; expected "
                "2 or more years, or no moving_window",
            )
        builder.add(s, SK.movingWindow, integer_literal(v["moving_window"]))
    scope(builder, record, s)
