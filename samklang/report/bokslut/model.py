"""The trygghetsbokslut of one municipality and year, read from the graph.

Everything comes from the SPARQL queries beside this module (``queries/*.rq``), with the
year, the municipality and the language bound as terms, never spliced. The verdicts are
those of :mod:`samklang.queries.verdict`, written into the derived graph before the queries
run and read from it here; nothing of the verdict is worked out again. The renderers
(Markdown, HTML, DOCX) only lay this model out.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from importlib.resources import files

import pyoxigraph as ox

from samklang.errors import UsageError
from samklang.graph.store import Row, Store, Term
from samklang.ontology.namespace import XSD
from samklang.queries import verdict as verdicts
from samklang.queries.check import count_text
from samklang.report.bokslut.words import REVIEW_FIELDS, WORDS, counted, number, period, years_text

STEERING = (
    "handlingsprogram",
    "brottsforebyggande-plan",
    "atgardsplan",
    "samverkansoverenskommelse",
    "medborgarlofte",
)
"""Document types whose goals and activities the report follows up."""
DETECTION_CRIMES = ("narkotika", "trafik", "vapen", "rattfylleri")
"""Crime types whose reported numbers mainly follow police effort (Brå)."""


@dataclass
class Note:
    """A numbered note: where a number was read, or how it was worked out."""

    number: int
    text: str


@dataclass
class Point:
    """One year's figure of an indicator, with its note."""

    year: int
    value: Decimal
    note: int
    window_start: int | None = None


@dataclass
class MeasureSection:
    """A goal's indicator: its figures, the baseline, the target and the verdict."""

    indicator: str
    unit: str
    source: str
    baseline_start: int | None
    baseline_end: int | None
    baseline: Decimal | None
    baseline_text: str
    baseline_note: int | None
    target_value: Decimal | None
    target_year: int | None
    target_text: str
    points: list[Point]
    year_point: Point | None
    national: Point | None
    comparison: Decimal | None
    comparison_period: int | None
    change: Decimal | None
    change_unit: str
    verdict: str | None
    verdict_text: str
    verdict_note: int
    reasons: list[str]
    brå: bool
    missing_years: list[int]
    key: str = ""


@dataclass
class GoalSection:
    """A goal and its indicators (or the verdict on a goal with none)."""

    title: str
    document: str
    measures: list[MeasureSection] = field(default_factory=list)
    verdict: str | None = None
    verdict_text: str = ""
    reasons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class AreaSection:
    """A goal area (or a document's goals outside one) and its goals."""

    heading: str
    goals: list[GoalSection] = field(default_factory=list)


@dataclass
class ActivityRow:
    """An activity of the year: what was planned, its status and what was reported."""

    title: str
    document: str
    status: str
    responsible: str
    planned: str
    reported: str
    reported_note: int | None
    known: str


@dataclass
class Bokslut:
    """Everything the report shows."""

    lang: str
    year: int
    as_of: date
    today: date
    municipality: str
    code: str
    fictional: bool
    documents: list[tuple[str, str]]
    areas: list[AreaSection]
    activities: list[ActivityRow]
    share_lines: list[str]
    reports: list[tuple[str, str]]
    missing: list[str]
    caveats: list[str]
    caveat_scope: str
    notes: list[Note]

    @property
    def words(self) -> dict[str, str]:
        return WORDS[self.lang]  # type: ignore[return-value]

    def measures(self) -> list[MeasureSection]:
        """Every indicator section, in order."""
        return [m for area in self.areas for goal in area.goals for m in goal.measures]


@functools.cache
def _query(name: str) -> str:
    return files(__package__).joinpath("queries", f"{name}.rq").read_text(encoding="utf-8")


def build(
    store: Store,
    year: int,
    lang: str = "sv",
    code: str | None = None,
    today: date | None = None,
) -> Bokslut:
    """The trygghetsbokslut of ``year`` for the store's municipality (``code`` when it holds
    several), with the verdicts as of the end of the year (1 January of the next).

    Raises:
        UsageError: the store holds no municipality, several and no ``code``, or no steering
            document in force in ``year``.
    """
    words = WORDS[lang]
    as_of = date(year + 1, 1, 1)
    store = verdicts.with_verdicts(store, as_of, even_without_measures=True)
    year_term = ox.Literal(str(year), datatype=XSD.integer)
    rows = store.select(_query("documents"), {"year": year_term})
    towns: dict[str, tuple[str, str]] = {}
    for row in rows:
        towns[row["municipality"].value] = (_text(row.get("name")), _text(row.get("code")))
    if code is not None:
        towns = {iri: t for iri, t in towns.items() if t[1] == code}
    if not towns and code is not None:
        raise UsageError(
            f"no municipality with the code {code} in the data; expected the code of a "
            "municipality it holds"
        )
    if not towns:
        raise UsageError("no municipality in the data; expected a dataset with a municipality.yaml")
    if len(towns) > 1:
        codes = ", ".join(sorted(t[1] for t in towns.values()))
        raise UsageError(f"the data holds several municipalities ({codes}); choose one with --kod")
    town_iri, (name, town_code) = next(iter(towns.items()))
    town = ox.NamedNode(town_iri)
    documents: dict[str, tuple[str, str]] = {}
    reports: list[tuple[str, str]] = []
    not_recorded: dict[str, set[str]] = {}
    for row in rows:
        if row["municipality"].value != town_iri or "document" not in row:
            continue
        kind = row["type"].value.rsplit("/", 1)[-1]
        title = _text(row.get("title"))
        not_recorded[title] = set(_text(row.get("notRecorded")).split())
        if kind in STEERING:
            start, end = _year(row.get("start")), _year(row.get("end"))
            documents[row["document"].value] = (title, period(start, end))
        else:
            known = [_text(row.get("note"))]
            if "activities" in not_recorded[title] and not known[0]:
                known.append(_sentence(words["report_not_recorded"]))
            reports.append((title, " ".join(k for k in known if k)))
    if not documents:
        raise UsageError(
            f"no plan, programme, agreement or promise of {name} is in force in {year}; "
            "expected a document whose period covers the year"
        )
    notes = _Notes()
    bindings: dict[str, Term] = {"year": year_term, "municipality": town, "lang": ox.Literal(lang)}
    goal_rows = store.select(_query("goals"), bindings)
    indicators = {r["indicator"].value for r in goal_rows if "indicator" in r}
    figures = _figures(store, indicators)
    areas = _areas(goal_rows, figures, town_code, year, as_of, lang, notes)
    activities, share, missing_outputs, no_status = _activities(
        store.select(_query("activities"), bindings), year, lang, notes, not_recorded
    )
    missing: list[str] = []
    for area in areas:
        for goal in area.goals:
            if goal.verdict == "notAssessable":
                missing.append(
                    words["missing_goal"].format(goal=goal.title, reasons="; ".join(goal.reasons))
                )
            for m in goal.measures:
                if m.verdict == "notAssessable":
                    missing.append(
                        words["missing_measure"].format(
                            goal=goal.title, indicator=m.indicator, reasons="; ".join(m.reasons)
                        )
                    )
                if m.missing_years:
                    missing.append(
                        words["missing_years"].format(
                            indicator=m.indicator, years=years_text(m.missing_years, lang)
                        )
                    )
    missing += missing_outputs
    if no_status:
        if no_status == len(activities) > 1:  # "Ingen av de sju …", not "7 av aktiviteterna"
            said = words["missing_status_all"].format(n=count_text(no_status, lang), year=year)
        else:
            said = words["missing_status"].format(
                n=count_text(no_status, lang, first=True), year=year
            )
        missing.append(said)
    used = [m for m in (x for a in areas for g in a.goals for x in g.measures) if m.brå]
    caveats: list[str] = []
    if used:
        caveats = [words["caveat_reported"], words["caveat_break"], words["caveat_final"]]
        if any(_detection(m) for m in used):
            caveats.append(words["caveat_detection"])
    scope = years_text(sorted({f'"{m.indicator}"' for m in used}), lang)
    return Bokslut(
        lang=lang,
        year=year,
        as_of=as_of,
        today=today or date.today(),
        municipality=name,
        code=town_code,
        fictional=town_code.startswith("99"),
        documents=sorted(documents.values(), key=lambda d: (d[1], d[0])),
        areas=areas,
        activities=activities,
        share_lines=share,
        reports=reports,
        missing=missing,
        caveats=caveats,
        caveat_scope=words["caveats_for"].format(indicators=scope) if used else "",
        notes=notes.items,
    )


class _Notes:
    """The report's notes, numbered in the order they are first used; one text, one number."""

    def __init__(self) -> None:
        self.items: list[Note] = []
        self._numbers: dict[str, int] = {}

    def __call__(self, text: str) -> int:
        if text not in self._numbers:
            self._numbers[text] = len(self.items) + 1
            self.items.append(Note(len(self.items) + 1, text))
        return self._numbers[text]


@dataclass
class _Figure:
    area: str
    year: int
    value: Decimal
    window_start: int | None
    place: tuple[str, str, str]  # file, selector, description
    publisher: str


def _figures(store: Store, indicators: set[str]) -> dict[str, list[_Figure]]:
    """The figures of each indicator (both sexes together), with where each was read."""
    found: dict[str, dict[tuple[str, int], _Figure]] = defaultdict(dict)
    for row in store.select(_query("observations")):
        iri = row["indicator"].value
        value = _decimal(row.get("value"))
        year = _year(row.get("year"))
        if iri not in indicators or value is None or year is None:
            continue
        key = (_text(row.get("area")), year)
        if key in found[iri]:  # the same figure from a second file: the first is cited
            continue
        found[iri][key] = _Figure(
            key[0],
            year,
            value,
            _year(row.get("windowStart")),
            (_text(row.get("file")), _text(row.get("selector")), _text(row.get("where"))),
            _text(row.get("publisher")),
        )
    return {iri: sorted(by.values(), key=lambda f: (f.area, f.year)) for iri, by in found.items()}


def _place(place: tuple[str, str, str], lang: str) -> str:
    """Where a figure was read, as a note: the file and its row, JSON path or sheet."""
    words = WORDS[lang]
    file, selector, where = place
    lines = re.fullmatch(r"line=(\d+),(\d+)", selector or "")
    if lines:
        return words["note_row"].format(file=file, line=int(lines[2]))
    if selector.startswith("/"):
        return words["note_pointer"].format(file=file, pointer=selector)
    if where:
        return words["note_where"].format(file=file, where=where)
    return words["note_file"].format(file=file)


def _areas(
    rows: list[Row],
    figures: dict[str, list[_Figure]],
    town_code: str,
    year: int,
    as_of: date,
    lang: str,
    notes: _Notes,
) -> list[AreaSection]:
    words = WORDS[lang]
    areas: dict[str, AreaSection] = {}
    goals: dict[str, GoalSection] = {}
    for row in rows:
        goal_iri = row["goal"].value
        document = _text(row.get("documentTitle"))
        if "area" in row:
            key, heading = (
                row["area"].value,
                words["goal_area"].format(title=_text(row.get("areaTitle"))),
            )
        else:
            key, heading = row["document"].value, words["no_area"].format(title=document)
        area = areas.setdefault(key, AreaSection(heading))
        goal = goals.get(goal_iri)
        if goal is None:
            goal = goals[goal_iri] = GoalSection(_text(row.get("goalTitle")), document)
            area.goals.append(goal)
            if _text(row.get("goalNote")):
                goal.notes.append(_text(row.get("goalNote")))
        kind = _local(row.get("verdict"))
        reasons = [words[r] for r in _text(row.get("reasons")).split() if r in words]
        if "measure" not in row:
            goal.verdict = kind
            goal.verdict_text = words.get(kind or "", words["no_verdict"])
            goal.reasons = reasons
            if _text(row.get("undefinedIn")):
                goal.notes.append(
                    words["undefined_in"].format(document=_text(row.get("undefinedIn")))
                )
            continue
        if "indicator" in row:
            goal.measures.append(
                _measure(
                    row,
                    figures.get(row["indicator"].value, []),
                    town_code,
                    year,
                    as_of,
                    lang,
                    notes,
                    kind,
                    reasons,
                )
            )
    return list(areas.values())


def _measure(
    row: Row,
    figures: list[_Figure],
    town_code: str,
    year: int,
    as_of: date,
    lang: str,
    notes: _Notes,
    kind: str | None,
    reasons: list[str],
) -> MeasureSection:
    words = WORDS[lang]
    start, end = _year(row.get("baselineStart")), _year(row.get("baselineEnd"))
    base_period = period(start, end)
    stated, computed = _decimal(row.get("baselineValue")), _decimal(row.get("computed"))
    baseline_note = None
    if stated is not None:
        baseline, text = (
            stated,
            words["baseline_stated"].format(value=number(stated, lang), period=base_period),
        )
    elif computed is not None:
        baseline, text = (
            computed,
            words["baseline_computed"].format(value=number(computed, lang), period=base_period),
        )
        baseline_note = notes(words["note_computed"].format(period=base_period))
    else:
        baseline = None
        if not base_period:
            text = words["baseline_missing"]
        elif kind is None:  # no verdicts derived (an endpoint): nothing was computed either
            text = words["baseline_not_derived"].format(period=base_period)
        else:
            text = words["baseline_none"].format(period=base_period)
    own = [f for f in figures if f.area == town_code] or [f for f in figures if f.area != "00"]
    points = [
        Point(f.year, f.value, notes(_place(f.place, lang)), f.window_start)
        for f in own
        if f.year <= year
    ]
    year_point = next((p for p in points if p.year == year), None)
    national = next(
        (
            Point(f.year, f.value, notes(_place(f.place, lang)))
            for f in figures
            if f.area == "00" and f.year == year
        ),
        None,
    )
    target_kind, target_value = _text(row.get("targetKind")), _decimal(row.get("targetValue"))
    target_year = _year(row.get("targetYear"))
    change_unit = _text(row.get("targetUnit")) or (
        "enheter" if target_kind == "level" else "procent"
    )
    target_text = _target(target_kind, target_value, change_unit, target_year, lang)
    level = None
    if target_kind == "level":
        level = target_value
    elif target_kind == "change" and target_value is not None and baseline is not None:
        level = (
            baseline * (1 + target_value / 100)
            if change_unit == "procent"
            else (baseline + target_value)
        )
    # Years without a figure: the goal's document's years up to the report year, after the
    # baseline (no figure at all is the verdict's reason, not a gap).
    first = max(_year(row.get("documentStart")) or year, (end or 0) + 1)
    have = {p.year for p in points}
    missing = [y for y in range(first, year + 1) if y not in have] if points else []
    crimes = _text(row.get("crimeTypes"))
    source = _text(row.get("dataSource"))
    brå = (
        source.lower().startswith("brå")
        or any(f.publisher.lower().startswith("brå") for f in figures)
        or bool(crimes)
    )
    return MeasureSection(
        indicator=_text(row.get("indicatorTitle")),
        unit=_text(row.get("unit")),
        source=source + (f" ({_text(row.get('kpi'))})" if _text(row.get("kpi")) else ""),
        baseline_start=start,
        baseline_end=end,
        baseline=baseline,
        baseline_text=text,
        baseline_note=baseline_note,
        target_value=level,
        target_year=target_year,
        target_text=target_text,
        points=points,
        year_point=year_point,
        national=national,
        comparison=_decimal(row.get("latestValue")),
        comparison_period=_year(row.get("latestPeriod")),
        change=_decimal(row.get("change")),
        change_unit=change_unit,
        verdict=kind,
        verdict_text=words.get(kind or "", words["no_verdict"]),
        verdict_note=notes(words["note_verdict"].format(as_of=as_of.isoformat())),
        reasons=reasons,
        brå=brå,
        missing_years=missing,
        key=row["measure"].value.rsplit("#", 1)[-1].removeprefix("measure-"),
    )


def _target(kind: str | None, value: Decimal | None, unit: str, year: int | None, lang: str) -> str:
    words = WORDS[lang]
    when = str(year) if year else "?"
    if kind == "change" and value is not None:
        return words[f"target_change_{unit}"].format(
            sign="+" if value > 0 else "", value=number(value, lang), year=when
        )
    if kind == "level" and value is not None:
        return words["target_level"].format(value=number(value, lang), year=when)
    if kind == "direction":
        return words["target_direction"].format(year=when)
    return words["target_none"]


def _activities(
    rows: list[Row], year: int, lang: str, notes: _Notes, not_recorded: dict[str, set[str]]
) -> tuple[list[ActivityRow], list[str], list[str], int]:
    words = WORDS[lang]
    result: list[ActivityRow] = []
    missing: list[str] = []
    seen: set[str] = set()
    counts = {"done": 0, "partly": 0, "not_done": 0, "outcome": 0, "open": 0}
    no_status = 0
    unaccounted: dict[str, None] = {}  # documents whose follow-up is not in the dataset
    for row in rows:
        iri = row["activity"].value
        if iri in seen:
            continue
        seen.add(iri)
        title, document = _text(row.get("title")), _text(row.get("documentTitle"))
        status = _local(row.get("status"))
        if status is None:
            no_status += 1
            counts["open"] += 1
        elif _text(row.get("outcome")) == "true":
            counts["outcome"] += 1
            counts[{"genomford": "done", "delvis-genomford": "partly"}.get(status, "not_done")] += 1
        else:
            counts["open"] += 1
        reported, note = words["none_reported"], None
        if "reported" in row:
            reported = _text(row.get("reported"))
            place = (_text(row.get("reportFile")), _text(row.get("reportSelector")), "")
            note = notes(_place(place, lang))
        planned = _text(row.get("plannedOutput"))
        # An activity reported not carried out or cancelled did nothing to report an amount of.
        if planned and "reported" not in row and status not in ("ej-genomford", "installd"):
            missing.append(
                words["missing_output"].format(activity=title, planned=planned, year=year)
            )
        known = [_text(row.get("description"))]
        review = [REVIEW_FIELDS[lang].get(f, f) for f in _text(row.get("review")).split()]
        if review:
            known.append(_sentence(words["review"].format(fields=years_text(review, lang))))
        if "follow_up" in not_recorded.get(document, set()):
            unaccounted.setdefault(document, None)  # said once, above the table
        if _text(row.get("sourceTitle")):
            known.append(
                _sentence(words["not_recorded_source"].format(source=_text(row.get("sourceTitle"))))
            )
        result.append(
            ActivityRow(
                title=title,
                document=document,
                status=_text(row.get("statusLabel")) or words["no_status"],
                responsible=_text(row.get("responsible")) or words["no_responsible"],
                planned=planned or "–",
                reported=reported,
                reported_note=note,
                known=" ".join(k for k in known if k),
            )
        )
    share = []
    if result:
        split = ""
        if counts["outcome"]:  # only the kinds that occur: "1 genomförd och 2 delvis genomförda"
            kinds = [
                counted(counts[k], words[f"share_{k}"], lang)
                for k in ("done", "partly", "not_done")
                if counts[k]
            ]
            split = ": " + (
                kinds[0] if len(kinds) == 1 else ", ".join(kinds[:-1]) + words["and"] + kinds[-1]
            )
        outcome = counts["outcome"] or words["none"]
        opened = counts["open"]
        share.append(
            _sentence(
                words["share"].format(
                    planned=len(result),
                    year=year,
                    outcome=outcome,
                    split=split,
                    open=f"{opened or words['none']} "
                    f"{words['share_open'][0 if opened == 1 else 1]}",
                )
            )
        )
        if counts["outcome"]:
            value = Decimal(100 * counts["done"]) / counts["outcome"]
            share.append(words["share_value"].format(share=number(value, lang, 0), **counts))
        else:
            share.append(words["share_none"].format(year=year))
    share.extend(
        _sentence(words["document_not_recorded"].format(document=document))
        for document in unaccounted
    )
    return result, share, missing, no_status


def _sentence(text: str) -> str:
    """``text`` as a sentence: its first letter upper case, a full stop at the end."""
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _detection(m: MeasureSection) -> bool:
    text = m.indicator.lower()
    return any(word in text for word in DETECTION_CRIMES)


def _text(term: Term | None) -> str:
    return term.value if term is not None else ""


def _local(term: Term | None) -> str | None:
    if not isinstance(term, ox.NamedNode):
        return None
    return re.split(r"[#/]", term.value)[-1]


def _year(term: Term | None) -> int | None:
    match = re.match(r"\s*(\d{4})", _text(term))
    return int(match[1]) if match else None


def _decimal(term: Term | None) -> Decimal | None:
    try:
        return Decimal(_text(term)) if term is not None else None
    except InvalidOperation:
        return None


__all__ = ["Bokslut", "build"]
