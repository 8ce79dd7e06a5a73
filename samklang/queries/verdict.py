"""The one verdict of decision 0007: is a goal on its way, as of the reference date?

This module is the only place the verdict is worked out. From one SPARQL query over the store
(:data:`QUERY`) it judges each goal–indicator link (an ``sk:Measure``) and writes an
``sk:Verdict`` node ``{measure IRI}/verdict`` into the derived graph :data:`VERDICTS_GRAPH`;
``samklang check`` and ``samklang query`` add that graph to the store before the rules and
queries run (:func:`with_verdicts`), so they read verdicts and never work them out again.

The verdict (:func:`judge`):

- *på väg* (``sk:onTrack``): the latest comparable value is on the better side of the baseline
  by at least the target's change in proportion to the years gone; with only a direction, on
  the better side at all; with a level, at or past the level in proportion;
- *inte på väg* (``sk:offTrack``): otherwise;
- *går inte att bedöma* (``sk:notAssessable``) with one or more reasons (``sk:reason``, in
  this order): ``no-baseline`` (none stated and none computable from the baseline years),
  ``no-observation-after-baseline``, ``series-break`` (a break of the indicator's series lies
  between the baseline's first year and the latest value), ``overlapping-windows`` (the latest
  moving-average window shares years with the baseline's), ``no-target`` (neither the target
  nor the indicator says which way is better). A goal with no indicator at all gets
  ``{goal IRI}#verdict`` with the reason ``no-indicator`` (``sk:verdictOf`` the goal).

"The years gone" run from the baseline's last year to the latest value's year, over the years
from the baseline's last year to the target year (the measure's ``sk:targetYear``, else the end
of the goal's document's period): baseline 2016–2019, target 2023, latest value 2021 gives
2/4. A figure for a year counts once that year is over (its year is before the reference
date's).

The value of a period (several years, several areas, :func:`level`): for a rate ("per 100 000
invånare") the summed counts over the summed population, times 100 000 — never an average of
yearly rates; a count behind a rate that the source does not give is the rate times the
population (of the observation, or of a population figure of the same area and year); for a
count ("antal"), the yearly totals' mean; for anything else (an index, a share), the mean.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, cast

import pyoxigraph as ox

from samklang.graph.store import GraphStore, Row, Store, Term
from samklang.ontology.namespace import GRAPH, RDF, SK, XSD

VERDICTS_GRAPH = GRAPH.term("derived/verdicts")
"""The derived graph the verdicts are written to (never a dataset's own)."""

NO_INDICATOR = "no-indicator"
NO_BASELINE = "no-baseline"
NO_OBSERVATION = "no-observation-after-baseline"
SERIES_BREAK = "series-break"
OVERLAPPING = "overlapping-windows"
NO_TARGET = "no-target"
REASONS = (NO_INDICATOR, NO_BASELINE, NO_OBSERVATION, SERIES_BREAK, OVERLAPPING, NO_TARGET)
"""The reasons a goal cannot be assessed, in the order a verdict lists them."""

ON_TRACK, OFF_TRACK, NOT_ASSESSABLE = "onTrack", "offTrack", "notAssessable"

POPULATION_KPI = "N01951"
"""Kolada's population on 31 December: its observations are populations for rates."""
POPULATION_UNITS = ("invånare", "antal invånare", "personer")
"""Units of an indicator whose observations are populations (an SCB population file)."""

STATE_QUERY = f"""
SELECT ?measure ?verdict WHERE {{
  {{ SELECT ?measure WHERE {{ ?measure a sk:Measure }} LIMIT 1 }}
  UNION
  {{
    SELECT ?verdict WHERE {{ GRAPH <{VERDICTS_GRAPH.value}> {{ ?verdict a sk:Verdict }} }} LIMIT 1
  }}
}}
"""
"""Whether the store holds any measure, and any verdict from an earlier run."""

QUERY = """
PREFIX sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#>
PREFIX sdmx-measure: <http://purl.org/linked-data/sdmx/2009/measure#>
SELECT ?part ?goal ?measure ?indicator ?document ?baselineStart ?baselineEnd ?baselineValue
       ?targetKind ?targetValue ?targetUnit ?targetYear ?periodEnd ?better ?window ?unit ?kpi
       ?area ?year ?observation ?sex ?value ?count ?population ?windowStart
WHERE {
  {
    # Goals with no indicator.
    SELECT ("goal" AS ?part) ?goal WHERE {
      ?goal a sk:Goal .
      MINUS { ?goal sk:measuredBy ?any }
    }
  }
  UNION
  {
    # Each measure: its baseline, its target, the end of its goal's document's period.
    SELECT ("measure" AS ?part) ?goal ?measure ?indicator ?document ?baselineStart ?baselineEnd
           ?baselineValue ?targetKind ?targetValue ?targetUnit ?targetYear ?periodEnd WHERE {
      ?goal sk:measuredBy ?measure .
      OPTIONAL { ?measure sk:indicator ?indicator }
      OPTIONAL { ?goal sk:statedIn ?document . OPTIONAL { ?document sk:periodEnd ?periodEnd } }
      OPTIONAL { ?measure sk:baselineStart ?baselineStart }
      OPTIONAL { ?measure sk:baselineEnd ?baselineEnd }
      OPTIONAL { ?measure sk:baselineValue ?baselineValue }
      OPTIONAL { ?measure sk:targetKind ?targetKind }
      OPTIONAL { ?measure sk:targetValue ?targetValue }
      OPTIONAL { ?measure sk:targetChangeUnit ?targetUnit }
      OPTIONAL { ?measure sk:targetYear ?targetYear }
    }
  }
  UNION
  {
    # Every indicator: which way is better, its unit, its moving window, its Kolada id.
    SELECT ("indicator" AS ?part) ?indicator ?better ?window ?unit ?kpi WHERE {
      ?indicator a sk:Indicator .
      OPTIONAL { ?indicator sk:better ?better }
      OPTIONAL { ?indicator sk:movingWindow ?window }
      OPTIONAL { ?indicator sk:unit ?unit }
      OPTIONAL { ?indicator sk:koladaKpi ?kpi }
    }
  }
  UNION
  { SELECT ("break" AS ?part) ?indicator ?year WHERE { ?indicator sk:seriesBreak ?year } }
  UNION
  { SELECT ("goalArea" AS ?part) ?goal ?area WHERE { ?goal sk:measuredBy ?m ; sk:scopeArea ?area } }
  UNION
  {
    SELECT ("indicatorArea" AS ?part) ?indicator ?area WHERE {
      ?indicator a sk:Indicator ; sk:scopeArea ?area .
    }
  }
  UNION
  {
    # The municipalities of the goal's document (a shared document has several).
    SELECT ("townArea" AS ?part) ?goal ?area WHERE {
      ?goal sk:measuredBy ?m ; sk:statedIn ?d .
      ?d sk:municipality ?town .
      ?town sk:municipalityCode ?area .
    }
  }
  UNION
  {
    SELECT ("observation" AS ?part) ?observation ?indicator ?area ?year ?sex ?value ?count
           ?population ?windowStart WHERE {
      ?observation sk:indicator ?indicator ;
                   sdmx-dimension:refPeriod ?year .
      OPTIONAL { ?observation sk:areaCode ?area }
      OPTIONAL { ?observation sdmx-dimension:sex ?sex }
      OPTIONAL { ?observation sdmx-measure:obsValue ?value }
      OPTIONAL { ?observation sk:count ?count }
      OPTIONAL { ?observation sk:population ?population }
      OPTIONAL { ?observation sk:windowStart ?windowStart }
    }
  }
}
"""
"""The one query the verdicts are worked out from: one row per goal without an indicator, per
measure, per indicator, per series break, per area of a goal, an indicator or a goal's
municipality, and per observation. Each branch is a sub-select of its own (hashed, decision
0004); nothing is joined across them here, the rows are put together in Python."""


@dataclass(frozen=True)
class Observation:
    """One figure of an indicator, as the verdict reads it."""

    year: int
    value: Decimal | None
    area: str | None = None
    count: int | None = None
    population: int | None = None
    window_start: int | None = None


@dataclass(frozen=True)
class Measure:
    """A goal–indicator link with what its verdict needs.

    Attributes:
        iri: the measure; goal: its goal; indicator: its indicator (``None``: none).
        baseline_start, baseline_end: the baseline's years; baseline_value: a stated value.
        target_kind: ``level``, ``direction`` or ``change`` (``None``: no target).
        target_value: the level, or the change; target_unit: ``procent`` or ``enheter``.
        target_year: the year the target is for (default: the end of the document's period).
        better: ``lower`` or ``higher``; unit: the indicator's unit, as written.
        window: the years of a moving average (``None`` or 1: a single year).
        breaks: the first years of new series.
        observations: the comparable figures (the measure's areas, both sexes together).
    """

    iri: str
    goal: str
    indicator: str | None = None
    baseline_start: int | None = None
    baseline_end: int | None = None
    baseline_value: Decimal | None = None
    target_kind: str | None = None
    target_value: Decimal | None = None
    target_unit: str | None = None
    target_year: int | None = None
    better: str | None = None
    unit: str | None = None
    window: int | None = None
    breaks: tuple[int, ...] = ()
    observations: tuple[Observation, ...] = field(default=())


@dataclass(frozen=True)
class Verdict:
    """The verdict on one measure (or on a goal with no indicator), as of a date.

    Attributes:
        iri: the verdict node; of: the measure (or the goal) it is about.
        verdict: ``onTrack``, ``offTrack`` or ``notAssessable``.
        reasons: why not assessable, in :data:`REASONS` order.
        baseline: the baseline computed from observations (``None`` when stated or unknown).
        latest_value, latest_period: the latest comparable value and its year.
        change: the latest value against the baseline, in the target's unit (``procent``:
            per cent of the baseline; ``enheter``: the indicator's unit).
    """

    iri: str
    of: str
    verdict: str
    reasons: tuple[str, ...] = ()
    baseline: Decimal | None = None
    latest_value: Decimal | None = None
    latest_period: int | None = None
    change: Decimal | None = None


def rate_base(unit: str | None) -> int | None:
    """The ``N`` of a rate "per N" in an indicator's unit, else ``None``.

    >>> rate_base("per 100 000 invånare"), rate_base("per 1 000 invånare"), rate_base("antal")
    (100000, 1000, None)
    """
    match = re.search(r"per\s*(\d[\d\s\u00a0]*)", unit or "", re.IGNORECASE)
    return int(re.sub(r"\D", "", match[1])) if match else None


def is_count(unit: str | None) -> bool:
    """Whether the unit counts cases (``antal``): a period's value is the yearly totals' mean."""
    return (unit or "").strip().lower().startswith("antal")


def level(observations: Sequence[Observation], unit: str | None) -> Decimal | None:
    """The value of a period (one or more years, one or more areas), or ``None``.

    A rate is the summed counts over the summed population (never the mean of the rates);
    it needs every figure's population, and a count or a rate for each. A count's value is
    the mean of the yearly totals; anything else, the mean of the values.

    >>> years = [Observation(2016, None, count=100, population=10_000),
    ...          Observation(2017, None, count=300, population=20_000)]
    >>> level(years, "per 100 000 invånare")  # 400 / 30 000, not the mean of 1 000 and 1 500
    Decimal('1333.333333333333333333333333')
    """
    if not observations:
        return None
    per = rate_base(unit)
    if per is not None:
        counts: list[Decimal] = []
        people = 0
        for o in observations:
            if o.count is not None and o.population is not None:
                counts.append(Decimal(o.count))
            elif o.value is not None and o.population is not None:
                counts.append(o.value * o.population / per)
            else:
                return observations[0].value if len(observations) == 1 else None
            people += o.population
        return sum(counts, Decimal(0)) / people * per if people else None
    if is_count(unit):
        totals: dict[int, Decimal] = defaultdict(Decimal)
        for o in observations:
            if o.value is not None or o.count is not None:
                totals[o.year] += o.value if o.value is not None else Decimal(o.count or 0)
        return sum(totals.values(), Decimal(0)) / len(totals) if totals else None
    values = [o.value for o in observations if o.value is not None]
    return sum(values, Decimal(0)) / len(values) if values else None


def direction(measure: Measure, baseline: Decimal | None) -> str | None:
    """Which way is better: the indicator's ``better``, else what the target implies (a change
    below zero, a level below the baseline: lower), else ``None``."""
    if measure.better in ("lower", "higher"):
        return measure.better
    value = measure.target_value
    if value is None or value == 0:
        return None
    if measure.target_kind == "change":
        return "lower" if value < 0 else "higher"
    if measure.target_kind == "level" and baseline is not None and value != baseline:
        return "lower" if value < baseline else "higher"
    return None


def years_gone(measure: Measure, latest: int) -> Decimal:
    """The share of the way from the baseline to the target year that the latest value has
    come: (latest − baseline end) / (target year − baseline end), at most 1.

    >>> years_gone(Measure("m", "g", baseline_end=2019, target_year=2023), 2021)
    Decimal('0.5')
    """
    end, target = measure.baseline_end, measure.target_year
    if end is None or target is None or target <= end:
        return Decimal(1)
    return min(Decimal(1), Decimal(latest - end) / Decimal(target - end))


def change(baseline: Decimal, latest: Decimal, unit: str) -> Decimal | None:
    """The latest value against the baseline: in per cent of it (``procent``) or in the
    indicator's own unit (``enheter``); ``None`` for per cent of a baseline of zero."""
    if unit == "procent":
        return (latest - baseline) / baseline * 100 if baseline else None
    return latest - baseline


def judge(measure: Measure, as_of: date) -> Verdict:
    """The verdict on ``measure`` as of ``as_of`` (see the module's description)."""
    iri = f"{measure.iri}/verdict"
    if measure.indicator is None:
        return Verdict(iri, measure.iri, NOT_ASSESSABLE, (NO_INDICATOR,))
    known = [o for o in measure.observations if o.year < as_of.year]
    start, end = measure.baseline_start, measure.baseline_end
    reasons: list[str] = []
    computed = None
    if measure.baseline_value is None and start is not None and end is not None:
        computed = level([o for o in known if start <= o.year <= end], measure.unit)
    baseline = measure.baseline_value if measure.baseline_value is not None else computed
    after = [o for o in known if end is None or o.year > end]
    latest_year = max((o.year for o in after), default=None)
    latest = None
    if latest_year is not None:
        latest = level([o for o in after if o.year == latest_year], measure.unit)
    if baseline is None:
        reasons.append(NO_BASELINE)
    if latest is None and end is not None:
        reasons.append(NO_OBSERVATION)
    if latest_year is not None and latest is not None and start is not None:
        if any(start < year <= latest_year for year in measure.breaks):
            reasons.append(SERIES_BREAK)
        if (measure.window or 1) > 1 and end is not None:
            first = min(
                (o.window_start for o in after if o.year == latest_year and o.window_start),
                default=latest_year - (measure.window or 1) + 1,
            )
            if first <= end:
                reasons.append(OVERLAPPING)
    better = direction(measure, baseline)
    if better is None:
        reasons.append(NO_TARGET)
    unit = measure.target_unit or ("enheter" if measure.target_kind == "level" else "procent")
    moved = change(baseline, latest, unit) if baseline is not None and latest is not None else None
    if moved is None and not reasons:  # per cent of a baseline of zero
        reasons.append(NO_BASELINE)
    if reasons:
        return Verdict(
            iri, measure.iri, NOT_ASSESSABLE, tuple(reasons), computed, latest, latest_year, moved
        )
    assert baseline is not None and latest is not None and latest_year is not None
    assert moved is not None and better is not None
    share = years_gone(measure, latest_year)
    gain = -moved if better == "lower" else moved  # the change the better way
    value = measure.target_value
    if measure.target_kind == "change" and value is not None:
        on_track = gain >= abs(value) * share
    elif measure.target_kind == "level" and value is not None:
        due = baseline + (value - baseline) * share
        on_track = latest <= due if better == "lower" else latest >= due
    else:  # only a direction
        on_track = gain > 0
    kind = ON_TRACK if on_track else OFF_TRACK
    return Verdict(iri, measure.iri, kind, (), computed, latest, latest_year, moved)


def measures(rows: Iterable[Row]) -> tuple[list[Measure], list[str]]:
    """The measures the query's rows describe (each with its comparable observations), and the
    goals that have no indicator."""
    goals: list[str] = []
    found: dict[str, dict[str, Any]] = {}
    indicators: dict[str, dict[str, Any]] = {}
    breaks: dict[str, set[int]] = defaultdict(set)
    goal_areas: dict[str, set[str]] = defaultdict(set)
    indicator_areas: dict[str, set[str]] = defaultdict(set)
    town_areas: dict[str, set[str]] = defaultdict(set)
    observations: dict[str, list[tuple[str | None, str | None, Observation]]] = defaultdict(list)
    for row in rows:
        part = _text(row.get("part"))
        if part == "goal":
            goals.append(_iri(row["goal"]))
        elif part == "measure":
            found.setdefault(_iri(row["measure"]), {"row": row})
        elif part == "indicator":
            indicators[_iri(row["indicator"])] = {
                "better": _local(row.get("better")),
                "window": _int(row.get("window")),
                "unit": _text(row.get("unit")),
                "kpi": _text(row.get("kpi")),
            }
        elif part == "break" and (year := _int(row.get("year"))) is not None:
            breaks[_iri(row["indicator"])].add(year)
        elif part == "goalArea":
            goal_areas[_iri(row["goal"])].add(_text(row["area"]) or "")
        elif part == "indicatorArea":
            indicator_areas[_iri(row["indicator"])].add(_text(row["area"]) or "")
        elif part == "townArea":
            town_areas[_iri(row["goal"])].add(_text(row["area"]) or "")
        elif part == "observation" and (year := _int(row.get("year"))) is not None:
            observations[_iri(row["indicator"])].append(
                (
                    _local(row.get("sex")),
                    _text(row.get("area")),
                    Observation(
                        year=year,
                        value=_decimal(row.get("value")),
                        area=_text(row.get("area")),
                        count=_int(row.get("count")),
                        population=_int(row.get("population")),
                        window_start=_int(row.get("windowStart")),
                    ),
                )
            )
    populations = _populations(indicators, observations)
    result = []
    for iri, entry in sorted(found.items()):
        row = entry["row"]
        goal = _iri(row["goal"])
        indicator = _iri(row["indicator"]) if "indicator" in row else None
        about = indicators.get(indicator or "", {})
        areas = goal_areas.get(goal) or indicator_areas.get(indicator or "") or town_areas.get(goal)
        comparable = tuple(
            _with_population(o, populations)
            for sex, area, o in observations.get(indicator or "", [])
            if sex in (None, "sex-T")
            and (area in areas if areas else area != "00")
            and (o.value is not None or o.count is not None)
        )
        target_year = _int(row.get("targetYear"))
        if target_year is None and (end := _text(row.get("periodEnd"))):
            target_year = int(end[:4])
        result.append(
            Measure(
                iri=iri,
                goal=goal,
                indicator=indicator,
                baseline_start=_int(row.get("baselineStart")),
                baseline_end=_int(row.get("baselineEnd")),
                baseline_value=_decimal(row.get("baselineValue")),
                target_kind=_text(row.get("targetKind")),
                target_value=_decimal(row.get("targetValue")),
                target_unit=_text(row.get("targetUnit")),
                target_year=target_year,
                better=about.get("better"),
                unit=about.get("unit"),
                window=about.get("window"),
                breaks=tuple(sorted(breaks.get(indicator or "", ()))),
                observations=tuple(sorted(comparable, key=lambda o: (o.year, o.area or ""))),
            )
        )
    return result, sorted(set(goals))


def verdicts(store: Store, as_of: date) -> list[Verdict]:
    """Every verdict the store's measures and goals give as of ``as_of``: one per measure,
    one per goal with no indicator."""
    found, goals = measures(store.select(QUERY))
    result = [judge(m, as_of) for m in found]
    result += [Verdict(f"{goal}#verdict", goal, NOT_ASSESSABLE, (NO_INDICATOR,)) for goal in goals]
    return result


def verdict_quads(found: Iterable[Verdict]) -> list[ox.Quad]:
    """The verdicts as quads in :data:`VERDICTS_GRAPH`."""
    quads = []

    def add(s: ox.NamedNode, p: ox.NamedNode, o: Term) -> None:
        quads.append(ox.Quad(s, p, o, VERDICTS_GRAPH))

    for v in found:
        node = ox.NamedNode(v.iri)
        add(node, RDF.type, SK.Verdict)
        add(node, SK.verdictOf, ox.NamedNode(v.of))
        add(node, SK.verdict, SK.term(v.verdict))
        for reason in v.reasons:
            add(node, SK.reason, ox.Literal(reason))
        for predicate, value in (
            (SK.baselineComputed, v.baseline),
            (SK.latestValue, v.latest_value),
            (SK.changeFromBaseline, v.change),
        ):
            if value is not None:
                add(node, predicate, ox.Literal(_decimal_text(value), datatype=XSD.decimal))
        if v.latest_period is not None:
            add(node, SK.latestPeriod, ox.Literal(str(v.latest_period), datatype=XSD.gYear))
    return quads


def holds_measures(store: Store) -> bool:
    """Whether ``store`` holds any goal–indicator link (``sk:Measure``)."""
    return any("measure" in row for row in store.select(STATE_QUERY))


def with_verdicts(
    store: Store,
    as_of: date,
    *,
    may_write: bool | None = None,
    even_without_measures: bool = False,
) -> Store:
    """The store to run the rules or a research query on: ``store`` with the verdicts as of
    ``as_of`` in :data:`VERDICTS_GRAPH`, when it holds any measure; else ``store`` as it is
    (a verdict graph left from an earlier run is emptied, where the store may be written).

    Args:
        store: the store.
        as_of: the reference date.
        may_write: whether the verdicts may be written into ``store``. ``None`` decides by the
            store: an endpoint (``sparql:URL``, ``--endpoint``) is not written; an on-disk store
            opened for reading (``--store``) is copied into memory and the verdicts added to
            the copy; any other store is written. With ``False`` a local store is copied too,
            and an endpoint is left as it is: no verdicts (see :func:`reads_verdicts`).
    """
    state = store.select(STATE_QUERY)
    has_measures = even_without_measures or any("measure" in row for row in state)
    endpoint = _is_endpoint(store)
    read_only = bool(getattr(store, "read_only", False))
    writable = may_write if may_write is not None else not endpoint and not read_only
    if not has_measures:
        if writable and any("verdict" in row for row in state):
            cast(GraphStore, store).replace_graph(VERDICTS_GRAPH, [])
        return store
    if not writable and endpoint:
        return store  # an endpoint we may not change: the rules that read verdicts stay out
    quads = verdict_quads(verdicts(store, as_of))
    if writable:
        cast(GraphStore, store).replace_graph(VERDICTS_GRAPH, quads)
        return store
    from samklang.graph.store.oxigraph import OxigraphStore

    copy = OxigraphStore()
    copy.add(q for q in cast(GraphStore, store).quads() if q.graph_name != VERDICTS_GRAPH)
    copy.add(quads)
    return copy


def reads_verdicts(query: str) -> bool:
    """Whether a rule's or research query's text reads the verdicts (names ``sk:Verdict``,
    ``sk:verdictOf`` or the verdict graph)."""
    return any(word in query for word in ("sk:Verdict", "sk:verdictOf", VERDICTS_GRAPH.value))


def skips_verdicts(store: Store, may_write: bool | None = None) -> bool:
    """Whether :func:`with_verdicts` leaves ``store`` without verdicts though it holds measures
    (an endpoint it may not write): the rules that read verdicts cannot run on it."""
    return _is_endpoint(store) and not may_write and holds_measures(store)


def _is_endpoint(store: Store) -> bool:
    # An endpoint's store is made by its module; where that was never imported, ``store`` is
    # none (so a local check does not import urllib.request and the HTTP client to ask).
    endpoint = sys.modules.get("samklang.graph.store.endpoint")
    return endpoint is not None and isinstance(store, endpoint.SparqlStore)


def _iri(term: Term) -> str:
    return term.value


def _text(term: Term | None) -> str | None:
    return term.value if isinstance(term, ox.Literal) else None


def _local(term: Term | None) -> str | None:
    """The local name of an IRI (``sk:lower`` → ``lower``, ``sdmx-code:sex-T`` → ``sex-T``)."""
    if not isinstance(term, ox.NamedNode):
        return None
    return re.split(r"[#/]", term.value)[-1]


def _int(term: Term | None) -> int | None:
    text = _text(term)
    if text is None:
        return None
    match = re.match(r"\s*[+-]?\d+", text)
    return int(match[0]) if match else None


def _decimal(term: Term | None) -> Decimal | None:
    text = _text(term)
    if text is None:
        return None
    try:
        number = Decimal(text.strip())
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _decimal_text(value: Decimal) -> str:
    """A decimal as ``xsd:decimal`` text, rounded to two places (what a report shows)."""
    return format(value.quantize(Decimal("0.01")), "f")


def _populations(
    indicators: dict[str, dict[str, Any]],
    observations: dict[str, list[tuple[str | None, str | None, Observation]]],
) -> dict[tuple[str | None, int], int]:
    """Population by area and year, from the observations of population indicators (Kolada's
    N01951, or an indicator counted in inhabitants: an SCB population file)."""
    found: dict[tuple[str | None, int], int] = {}
    for iri, about in indicators.items():
        unit = (about.get("unit") or "").strip().lower()
        if about.get("kpi") != POPULATION_KPI and unit not in POPULATION_UNITS:
            continue
        for sex, area, o in observations.get(iri, []):
            if sex in (None, "sex-T") and o.value is not None:
                found[(area, o.year)] = int(o.value)
    return found


def _with_population(o: Observation, populations: dict[tuple[str | None, int], int]) -> Observation:
    if o.population is not None or (o.area, o.year) not in populations:
        return o
    return Observation(
        o.year, o.value, o.area, o.count, populations[(o.area, o.year)], o.window_start
    )
