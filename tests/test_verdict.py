"""The one verdict of decision 0007 (samklang/queries/verdict.py), against values worked out by
hand: the change against the baseline, rates over several years, the share of the years gone,
each verdict and each reason a goal cannot be assessed; and how ``check`` and ``query`` put the
verdicts into the store."""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest

from samklang.graph.source_kind import load_dataset
from samklang.graph.store import Store, open_store
from samklang.ontology.namespace import SK
from samklang.queries import verdict
from samklang.queries.check import check
from samklang.queries.research import parse_query, run
from samklang.queries.verdict import Measure, Observation, judge, level

BASE = Path(__file__).parent / "rules" / "_base"
AS_OF = date(2022, 6, 1)
RATE = "per 100 000 invånare"


def rate(year: int, count: int, population: int) -> Observation:
    return Observation(year, None, area="9999", count=count, population=population)


def value(year: int, number: str, window_start: int | None = None) -> Observation:
    return Observation(year, Decimal(number), area="9999", window_start=window_start)


BASELINE_YEARS = (
    rate(2016, 100, 10_000),  # 1 000.00 per 100 000
    rate(2017, 120, 10_100),  # 1 188.12
    rate(2018, 110, 10_200),  # 1 078.43
    rate(2019, 130, 10_300),  # 1 262.14
)


def measure(*observations: Observation, **fields: object) -> Measure:
    defaults: dict[str, object] = dict(
        iri="https://w3id.org/samklang/data/9999/mal#measure-brott",
        goal="https://w3id.org/samklang/data/9999/mal",
        indicator="https://w3id.org/samklang/data/9999/brott",
        baseline_start=2016,
        baseline_end=2019,
        target_kind="change",
        target_value=Decimal("-20"),
        target_unit="procent",
        target_year=2023,
        better="lower",
        unit=RATE,
    )
    defaults.update(fields)
    return Measure(observations=observations, **defaults)  # type: ignore[arg-type]


def test_a_rate_over_several_years_is_the_summed_counts_over_the_summed_population():
    # 460 crimes over 40 600 inhabitant-years: 1 133.0049…, not the mean of the four yearly
    # rates (1 000.00, 1 188.12, 1 078.43, 1 262.14: 1 132.17).
    assert level(BASELINE_YEARS, RATE).quantize(Decimal("0.01")) == Decimal("1133.00")
    yearly = [Decimal(o.count) / o.population * 100_000 for o in BASELINE_YEARS]  # type: ignore[operator]
    assert (sum(yearly) / 4).quantize(Decimal("0.01")) == Decimal("1132.17")
    found = judge(measure(*BASELINE_YEARS, rate(2021, 100, 10_400)), AS_OF)
    assert found.baseline is not None and found.baseline.quantize(Decimal("0.01")) == Decimal(
        "1133.00"
    )


def test_a_rate_without_counts_is_weighed_by_population():
    # Kolada gives the rate; with each year's population the count is the rate × population:
    # 1 000 × 10 000 + 1 500 × 20 000 = 40 000 000 / 100 000 = 400 crimes over 30 000.
    years = [
        Observation(2016, Decimal("1000"), area="9999", population=10_000),
        Observation(2017, Decimal("1500"), area="9999", population=20_000),
    ]
    assert level(years, RATE).quantize(Decimal("0.01")) == Decimal("1333.33")  # not 1 250
    # without the population the two rates cannot be pooled
    assert level([value(2016, "1000"), value(2017, "1500")], RATE) is None


def test_counts_and_indexes_over_several_years():
    # counts: the mean of the yearly totals (two areas summed each year)
    counts = [
        Observation(2016, Decimal("40"), area="0682"),
        Observation(2016, Decimal("60"), area="0685"),
        Observation(2017, Decimal("50"), area="0682"),
        Observation(2017, Decimal("70"), area="0685"),
    ]
    assert level(counts, "antal") == Decimal("110")
    # an index: the mean
    assert level([value(2016, "2.0"), value(2017, "3.0")], "index 0–6") == Decimal("2.5")


def test_the_change_against_the_baseline_in_per_cent_and_in_units():
    stated = dict(baseline_value=Decimal("1000"), baseline_start=2016, baseline_end=2019)
    latest = value(2021, "900")
    in_per_cent = judge(measure(latest, **stated), AS_OF)
    assert in_per_cent.change == Decimal("-10")  # (900 − 1 000) / 1 000 × 100
    assert in_per_cent.baseline is None  # stated, not computed
    in_units = judge(
        measure(latest, target_unit="enheter", target_value=Decimal("-50"), **stated), AS_OF
    )
    assert in_units.change == Decimal("-100")
    assert in_units.latest_value == Decimal("900") and in_units.latest_period == 2021


def test_a_change_is_due_in_proportion_to_the_years_gone():
    # −20 % by 2023 from a baseline ending 2019: by 2021 half the way, −10 %.
    stated = dict(baseline_value=Decimal("1000"))
    assert judge(measure(value(2021, "895"), **stated), AS_OF).verdict == "onTrack"  # −10.5 %
    assert judge(measure(value(2021, "900"), **stated), AS_OF).verdict == "onTrack"  # −10 %
    assert judge(measure(value(2021, "905"), **stated), AS_OF).verdict == "offTrack"  # −9.5 %
    # by 2023 the whole way is due: −10.5 % is not enough
    late = judge(measure(value(2023, "895"), **stated), date(2024, 6, 1))
    assert late.verdict == "offTrack"
    assert verdict.years_gone(measure(), 2021) == Decimal("0.5")
    assert verdict.years_gone(measure(), 2025) == Decimal("1")


def test_a_level_is_due_in_proportion_and_a_direction_at_all():
    level_target = dict(
        baseline_value=Decimal("1000"), target_kind="level", target_value=Decimal("800")
    )
    # half the way from 1 000 to 800 by 2021: 900
    assert judge(measure(value(2021, "900"), **level_target), AS_OF).verdict == "onTrack"
    assert judge(measure(value(2021, "901"), **level_target), AS_OF).verdict == "offTrack"
    only_direction = dict(
        baseline_value=Decimal("1000"), target_kind="direction", target_value=None
    )
    assert judge(measure(value(2021, "999"), **only_direction), AS_OF).verdict == "onTrack"
    assert judge(measure(value(2021, "1000"), **only_direction), AS_OF).verdict == "offTrack"
    higher = dict(only_direction, better="higher")
    assert judge(measure(value(2021, "1001"), **higher), AS_OF).verdict == "onTrack"
    # no target at all: the indicator's direction is enough
    no_target = dict(baseline_value=Decimal("1000"), target_kind=None, target_value=None)
    assert judge(measure(value(2021, "950"), **no_target), AS_OF).verdict == "onTrack"


def test_the_direction_follows_from_the_target_when_the_indicator_does_not_say():
    stated = dict(baseline_value=Decimal("1000"), better=None)
    assert judge(measure(value(2021, "880"), **stated), AS_OF).verdict == "onTrack"
    raise_it = dict(stated, target_value=Decimal("10"))  # +10 %: higher is better
    assert judge(measure(value(2021, "1060"), **raise_it), AS_OF).verdict == "onTrack"
    unknown = judge(measure(value(2021, "900"), target_kind="direction", **stated), AS_OF)
    assert unknown.verdict == "notAssessable" and unknown.reasons == ("no-target",)


def test_a_figure_counts_once_its_year_is_over():
    found = judge(measure(*BASELINE_YEARS, rate(2022, 90, 10_400)), date(2022, 11, 1))
    assert found.reasons == ("no-observation-after-baseline",)
    assert judge(measure(*BASELINE_YEARS, rate(2022, 90, 10_400)), date(2023, 1, 1)).verdict == (
        "onTrack"
    )


@pytest.mark.parametrize(
    ("case", "reasons"),
    [
        ("no observation after the baseline", ("no-observation-after-baseline",)),
        ("no baseline", ("no-baseline",)),
        ("series break", ("series-break",)),
        ("overlapping windows", ("overlapping-windows",)),
    ],
)
def test_each_reason_a_goal_cannot_be_assessed(case: str, reasons: tuple[str, ...]):
    if case == "no observation after the baseline":
        found = judge(measure(*BASELINE_YEARS), AS_OF)
    elif case == "no baseline":  # no figure for 2016–2019 and none stated
        found = judge(measure(rate(2021, 100, 10_400)), AS_OF)
    elif case == "series break":  # Brå's municipal attribution from 2015
        found = judge(
            measure(
                value(2013, "1000"), value(2016, "800"),
                baseline_start=2012, baseline_end=2014, target_year=2018, breaks=(2015,),
            ),
            AS_OF,
        )
    else:  # three-year means: 2019–2021 shares 2019 with the baseline's last window
        found = judge(
            measure(
                value(2019, "30", 2017), value(2021, "25", 2019),
                unit="per 1 000 invånare", window=3,
            ),
            AS_OF,
        )
    assert found.verdict == "notAssessable"
    assert found.reasons == reasons


def test_windows_that_no_longer_overlap_can_be_compared():
    found = judge(
        measure(
            value(2019, "30", 2017), value(2022, "25", 2020), unit="per 1 000 invånare", window=3
        ),
        date(2023, 6, 1),
    )
    assert found.reasons == () and found.verdict == "onTrack"  # −16.7 %; −20 % × 3/4 is due
    # the window follows from the moving window's length when no start is given
    assert judge(
        measure(value(2019, "30"), value(2021, "25"), unit="per 1 000", window=3), AS_OF
    ).reasons == ("overlapping-windows",)


def test_a_break_before_the_baseline_is_no_break_in_the_comparison():
    found = judge(measure(*BASELINE_YEARS, rate(2021, 90, 10_400), breaks=(2015,)), AS_OF)
    assert found.reasons == ()


# --- in a store ------------------------------------------------------------------------------

TURTLE = """
@prefix sk: <https://w3id.org/samklang/ontology#> .
@prefix d: <https://w3id.org/samklang/data/9999/> .
@prefix qb: <http://purl.org/linked-data/cube#> .
@prefix sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#> .
@prefix sdmx-measure: <http://purl.org/linked-data/sdmx/2009/measure#> .
@prefix sdmx-code: <http://purl.org/linked-data/sdmx/2009/code#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix o: <https://w3id.org/samklang/data/9999/observation/brott/9999/> .

d:brott a sk:Indicator ; dcterms:title "Anmälda brott per 100 000 invånare"@sv ;
  sk:unit "per 100 000 invånare" ; sk:better sk:lower .
d:befolkning a sk:Indicator ; dcterms:title "Folkmängd 31 december"@sv ;
  sk:unit "invånare" ; sk:koladaKpi "N01951" .
d:mal-brott sk:measuredBy <https://w3id.org/samklang/data/9999/mal-brott#measure-brott> .
<https://w3id.org/samklang/data/9999/mal-brott#measure-brott> a sk:Measure ;
  sk:indicator d:brott ;
  sk:baselineStart "2016"^^xsd:gYear ; sk:baselineEnd "2019"^^xsd:gYear ;
  sk:targetKind "change" ; sk:targetValue -20.0 ; sk:targetChangeUnit "procent" .
o:2016 a qb:Observation ; sk:indicator d:brott ; sk:areaCode "9999" ;
  sdmx-dimension:refPeriod "2016"^^xsd:gYear ; sdmx-dimension:sex sdmx-code:sex-T ;
  sk:count 100 ; sk:population 10000 ; sdmx-measure:obsValue 1000.0 .
o:2017 a qb:Observation ; sk:indicator d:brott ; sk:areaCode "9999" ;
  sdmx-dimension:refPeriod "2017"^^xsd:gYear ; sk:count 120 ; sk:population 10100 .
o:2018 a qb:Observation ; sk:indicator d:brott ; sk:areaCode "9999" ;
  sdmx-dimension:refPeriod "2018"^^xsd:gYear ; sk:count 110 ; sk:population 10200 .
o:2019 a qb:Observation ; sk:indicator d:brott ; sk:areaCode "9999" ;
  sdmx-dimension:refPeriod "2019"^^xsd:gYear ; sk:count 130 ; sk:population 10300 .
# Kolada's rate only; the population comes from N01951: 1 000 × 10 400 / 100 000 = 104 crimes
o:2021 a qb:Observation ; sk:indicator d:brott ; sk:areaCode "9999" ;
  sdmx-dimension:refPeriod "2021"^^xsd:gYear ; sdmx-dimension:sex sdmx-code:sex-T ;
  sdmx-measure:obsValue 1000.0 .
o:2021-K a qb:Observation ; sk:indicator d:brott ; sk:areaCode "9999" ;
  sdmx-dimension:refPeriod "2021"^^xsd:gYear ; sdmx-dimension:sex sdmx-code:sex-F ;
  sdmx-measure:obsValue 500.0 .
o:riket-2021 a qb:Observation ; sk:indicator d:brott ; sk:areaCode "00" ;
  sdmx-dimension:refPeriod "2021"^^xsd:gYear ; sdmx-measure:obsValue 7000.0 .
<https://w3id.org/samklang/data/9999/observation/befolkning/9999/2021/T> a qb:Observation ;
  sk:indicator d:befolkning ; sk:areaCode "9999" ; sdmx-dimension:refPeriod "2021"^^xsd:gYear ;
  sdmx-measure:obsValue 10400 .
"""


def dataset_folder(tmp_path: Path, turtle: str | None = TURTLE) -> Path:
    folder = tmp_path / "exempelby"
    folder.mkdir(parents=True)
    shutil.copy(BASE / "municipality.yaml", folder)
    (folder / "documents.yaml").write_text(
        "documents:\n"
        "  - id: plan\n"
        "    title: Plan för brottsförebyggande arbete 2020–2023\n"
        "    type: brottsforebyggande-plan\n"
        "    period: 2020-2023\n",
        encoding="utf-8",
    )
    (folder / "goals.yaml").write_text(
        "goals:\n"
        "  - id: mal-brott\n"
        "    title: Brotten ska minska under 2020–2023 jämfört med 2016–2019.\n"
        "    document: plan\n"
        "  - id: mal-trygghet\n"
        "    title: Tryggheten i centrum ska öka.\n"
        "    document: plan\n",
        encoding="utf-8",
    )
    if turtle:
        (folder / "uppfoljning.ttl").write_text(turtle, encoding="utf-8")
    return folder


VERDICT_ROWS = """
SELECT ?verdict ?of ?kind ?reason ?baseline ?latest ?period ?change WHERE {
  GRAPH <https://w3id.org/samklang/graph/derived/verdicts> {
    ?verdict a sk:Verdict ; sk:verdictOf ?of ; sk:verdict ?kind .
    OPTIONAL { ?verdict sk:reason ?reason }
    OPTIONAL { ?verdict sk:baselineComputed ?baseline }
    OPTIONAL { ?verdict sk:latestValue ?latest }
    OPTIONAL { ?verdict sk:latestPeriod ?period }
    OPTIONAL { ?verdict sk:changeFromBaseline ?change }
  }
}
ORDER BY ?verdict
"""


def loaded(folder: Path, engine: str = "memory") -> Store:
    store = open_store(engine)
    store.add(load_dataset(folder).quads)
    return store


@pytest.mark.parametrize("engine", ["memory", "rdflib"])
def test_the_verdicts_are_written_to_the_derived_graph(tmp_path: Path, engine: str):
    store = loaded(dataset_folder(tmp_path), engine)
    assert verdict.with_verdicts(store, AS_OF) is store
    numbers = ("baseline", "latest", "change")
    rows = [
        {k: Decimal(v.value) if k in numbers else v.value for k, v in row.items()}
        for row in store.select(VERDICT_ROWS)
    ]
    data = "https://w3id.org/samklang/data/9999/"
    assert rows == [
        {
            "verdict": data + "mal-brott#measure-brott/verdict",
            "of": data + "mal-brott#measure-brott",
            "kind": SK.onTrack.value,
            # 460 / 40 600 × 100 000; the latest is Kolada's rate for both sexes (the women's
            # figure and Sweden's left out); (1 000 − 1 133.00) / 1 133.00 = −11.74 %, and
            # −20 % × 2/4 = −10 % is due by 2021 (the plan's period ends 2023)
            "baseline": Decimal("1133.00"),
            "latest": Decimal("1000.00"),
            "period": "2021",
            "change": Decimal("-11.74"),
        },
        {
            "verdict": data + "mal-trygghet#verdict",
            "of": data + "mal-trygghet",
            "kind": SK.notAssessable.value,
            "reason": "no-indicator",
        },
    ]


def test_check_adds_the_verdicts_only_where_there_are_measures(tmp_path: Path):
    with_follow_up = loaded(dataset_folder(tmp_path / "a"))
    check(None, store=with_follow_up, as_of=AS_OF, rules=[])
    assert with_follow_up.select(VERDICT_ROWS)
    without = loaded(dataset_folder(tmp_path / "b", turtle=None))
    check(None, store=without, as_of=AS_OF, rules=[])
    assert not without.select(VERDICT_ROWS)
    assert not any(
        g.value.endswith("derived/verdicts") for g in without.graphs()  # type: ignore[attr-defined]
    )


def test_a_second_run_replaces_the_verdicts(tmp_path: Path):
    store = loaded(dataset_folder(tmp_path))
    verdict.with_verdicts(store, date(2021, 6, 1))  # 2021 not over yet: nothing after 2019
    first = {row["verdict"].value: row for row in store.select(VERDICT_ROWS)}
    assert any("reason" in row for row in first.values() if "measure" in row["verdict"].value)
    verdict.with_verdicts(store, AS_OF)
    again = store.select(VERDICT_ROWS)
    assert len(again) == 2 and "latest" in again[0]


def test_a_store_opened_for_reading_gets_the_verdicts_in_a_copy(tmp_path: Path):
    store = loaded(dataset_folder(tmp_path))
    store.read_only = True  # type: ignore[attr-defined] # as --store opens it
    copy = verdict.with_verdicts(store, AS_OF)
    assert copy is not store and copy.select(VERDICT_ROWS)
    assert not store.select(VERDICT_ROWS)


def test_an_endpoint_is_not_written_and_the_rules_that_read_verdicts_do_not_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    store = loaded(dataset_folder(tmp_path))
    monkeypatch.setattr(verdict, "_is_endpoint", lambda s: True)
    assert verdict.skips_verdicts(store)
    assert not verdict.skips_verdicts(store, may_write=True)
    assert verdict.with_verdicts(store, AS_OF) is store and not store.select(VERDICT_ROWS)
    assert verdict.reads_verdicts("SELECT ?v WHERE { ?v sk:verdictOf ?m }")
    assert not verdict.reads_verdicts("SELECT ?g WHERE { ?g a sk:Goal }")


def test_a_research_query_reads_the_verdicts_as_of_its_date(tmp_path: Path):
    store = loaded(dataset_folder(tmp_path))
    query = parse_query(
        "# ---\n# parameters:\n#   asOf: {type: date, default: today}\n# ---\n"
        "SELECT ?kind ?asOf WHERE { ?v sk:verdictOf ?m ; sk:verdict ?kind . "
        "?goal sk:measuredBy ?m }",
        "verdicts",
    )
    early = run(query, store, {"asOf": "2021-06-01"})
    assert [r["kind"] for r in early.rows] == [SK.notAssessable]
    late = run(query, store, {"asOf": "2022-06-01"})
    assert [r["kind"] for r in late.rows] == [SK.onTrack]


def test_the_derived_graph():
    assert verdict.VERDICTS_GRAPH == ox.NamedNode(
        "https://w3id.org/samklang/graph/derived/verdicts"
    )


def test_check_on_an_endpoint_says_which_rules_did_not_run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    from samklang.commands.check import _note_skipped_verdicts
    from samklang.queries.rule import catalogue

    monkeypatch.setattr(verdict, "skips_verdicts", lambda store, may_write=None: True)
    rules = [catalogue()[r] for r in ("FUP-SERIES-BREAK", "FUP-INDICATOR", "FUP-COMPARISON")]
    _note_skipped_verdicts(object(), rules, "sv")
    said = capsys.readouterr().err
    assert "FUP-SERIES-BREAK, FUP-COMPARISON kördes inte" in said and "FUP-INDICATOR" not in said
    _note_skipped_verdicts(object(), rules, "en")
    assert "did not run" in capsys.readouterr().err


def test_the_rules_that_read_verdicts():
    from samklang.queries.rule import catalogue

    reading = {r for r, rule in catalogue().items() if verdict.reads_verdicts(rule.query)}
    assert reading == {"FUP-COMPARISON", "FUP-SERIES-BREAK", "FUP-SERIES-GAP", "FUP-WINDOW-OVERLAP"}


def test_query_on_an_endpoint_says_it_finds_no_verdicts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from click.testing import CliRunner

    import samklang.graph.corpus
    from samklang.cli import cli

    store = loaded(dataset_folder(tmp_path))
    monkeypatch.setattr(samklang.graph.corpus, "open_sources", lambda *args, **options: store)
    monkeypatch.setattr(verdict, "_is_endpoint", lambda s: True)
    sparql = "SELECT ?v WHERE { ?v sk:verdictOf ?m }"
    args = ["query", "--sparql", sparql, "--endpoint", "http://127.0.0.1:9/sparql", "--lang", "en"]
    result = CliRunner().invoke(cli, [*args, "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "so the query finds none" in result.stderr
    assert result.stdout == "v\n"
