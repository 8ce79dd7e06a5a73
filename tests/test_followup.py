"""Follow-up input (decision 0007): indicators, goal measures, planned outputs and the
observation files in each real layout, read into RDF Data Cube quads; checked against values
worked out by hand from the small files in ``tests/followup/exempelby`` (a fictional
municipality: every figure there is invented), and every bad file refused with one sentence.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from samklang.cli import cli
from samklang.errors import InputError
from samklang.graph.dataset import Dataset
from samklang.graph.source_kind import load_dataset
from samklang.graph.store import Store, open_store
from samklang.messages import describe

FIXTURE = Path(__file__).parent / "followup" / "exempelby"
D = "https://w3id.org/samklang/data/9999/"


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(FIXTURE)


@pytest.fixture(scope="module")
def store(dataset: Dataset) -> Store:
    store = open_store("memory")
    store.add(dataset.quads)
    return store


def rows(store: Store, query: str) -> list[dict[str, str]]:
    return [{k: v.value for k, v in row.items()} for row in store.select(query)]


def observations(store: Store, indicator: str) -> dict[tuple[str, str, str], dict[str, str]]:
    """The observations of an indicator: (area, period, sex) → their values."""
    found = rows(
        store,
        f"""SELECT ?area ?period ?sex ?value ?count ?population ?start ?n ?low ?high ?status
        WHERE {{
          ?o a qb:Observation ; sk:indicator <{D}{indicator}> ; sk:areaCode ?area ;
             sdmx-dimension:refPeriod ?period ; sdmx-dimension:sex ?sex ;
             sdmx-measure:obsValue ?value .
          OPTIONAL {{ ?o sk:count ?count }} OPTIONAL {{ ?o sk:population ?population }}
          OPTIONAL {{ ?o sk:windowStart ?start }} OPTIONAL {{ ?o sk:n ?n }}
          OPTIONAL {{ ?o sk:ciLow ?low ; sk:ciHigh ?high }}
          OPTIONAL {{ ?o sdmx-attribute:obsStatus ?status }}
        }}""",
    )
    return {(r["area"], r["period"], r["sex"].rsplit("-", 1)[-1]): r for r in found}


# --- the Data Cube -------------------------------------------------------------------------


def test_every_figure_is_a_data_cube_observation_with_the_dimensions_of_0007(
    store: Store,
) -> None:
    [count] = rows(store, "SELECT (COUNT(?o) AS ?n) WHERE { ?o a qb:Observation }")
    # Kolada 6 (one null), Brå 4 + 1 ('..' none, '-' zero), the planner's 4
    assert count["n"] == "15"
    incomplete = rows(
        store,
        """SELECT ?o WHERE {
          ?o a qb:Observation .
          FILTER NOT EXISTS {
            ?o qb:dataSet ?set ; sk:indicator ?i ; sk:areaCode ?a ; sdmx-dimension:refPeriod ?p ;
               sdmx-dimension:sex ?s ; sdmx-measure:obsValue ?v .
            ?set a qb:DataSet ; qb:structure sk:observationStructure .
            ?i a sk:Indicator .
            FILTER (DATATYPE(?p) = xsd:gYear && DATATYPE(?v) = xsd:decimal)
          }
        }""",
    )
    assert incomplete == []
    [one] = rows(
        store,
        f"""SELECT ?o WHERE {{ ?o sk:indicator <{D}vald> ; sk:areaCode "9999" ;
              sdmx-dimension:refPeriod "2023"^^xsd:gYear ; sdmx-dimension:sex sdmx-code:sex-F }}""",
    )
    assert one["o"] == f"{D}observation/vald/9999/2023/F"


def test_each_file_is_a_data_set_and_a_source(store: Store) -> None:
    found = rows(
        store,
        """SELECT ?set ?file ?source ?created WHERE {
          ?set a qb:DataSet , sk:Source ; sk:sourceFile ?file .
          OPTIONAL { ?set dcterms:source ?source } OPTIONAL { ?set dcterms:created ?created }
        }""",
    )
    by_file = {r["file"]: r for r in found}
    assert set(by_file) == {
        "bra-anmalda-antal-2022.csv",
        "bra-skadegorelse-2021.csv",
        "bra-skadegorelse-2022.csv",
        "kolada-vald-2025-03-30.json",
        "observations.csv",
        "scb-folkmangd.csv",
        "scb-kon-2023.json",
    }
    kolada = by_file["kolada-vald-2025-03-30.json"]
    assert kolada["set"] == f"{D}observations/kolada-vald-2025-03-30.json"
    assert (kolada["source"], kolada["created"]) == ("Kolada", "2025-03-30")
    assert by_file["bra-skadegorelse-2021.csv"]["source"] == "Brå"
    assert "created" not in by_file["scb-folkmangd.csv"]


# --- Kolada ---------------------------------------------------------------------------------


def test_kolada_genders_become_sdmx_sex_and_null_is_no_observation(store: Store) -> None:
    found = observations(store, "vald")
    assert {k: r["value"] for k, r in found.items()} == {
        ("9999", "2022", "T"): "800.5",
        ("9999", "2022", "F"): "700",  # K (kvinnor) is sex-F
        ("9999", "2022", "M"): "900",
        ("9999", "2023", "T"): "812.25",
        ("9999", "2023", "F"): "710",  # M 2023 is null: no observation, not zero
        ("00", "2023", "T"): "1010",  # Kolada's 0000 is the whole country
    }
    assert found["9999", "2023", "T"]["status"] == "B"
    assert "count" not in found["9999", "2022", "T"]  # Kolada's count is no number of crimes


# --- Brå ------------------------------------------------------------------------------------


def test_bra_both_layouts_are_read_with_names_matched_to_codes(store: Store) -> None:
    found = observations(store, "skadegorelse")
    assert {k: (r["value"], r.get("count")) for k, r in found.items()} == {
        ("9999", "2021", "T"): ("905", "245"),  # 2021: no header, "Exempelby kommun"
        ("9997", "2021", "T"): ("409", "12"),  # "Åby–Näs kommun", en dash, via area_codes.csv
        ("9999", "2022", "T"): ("4551", "1234"),  # "1 234", "4 551": spaces between thousands
        ("9996", "2022", "T"): ("0", "0"),  # "-" is zero; Åby-Näs's ".." is no observation
    }
    # the unit "antal": the value is Brå's count column
    assert observations(store, "anmalda-antal")["9999", "2022", "T"]["value"] == "3456"


def test_a_bra_file_adds_the_series_break_of_2015(store: Store) -> None:
    breaks = rows(
        store,
        """SELECT ?i ?year WHERE { ?i sk:seriesBreak ?year } ORDER BY ?i ?year""",
    )
    assert [(r["i"].rsplit("/", 1)[-1], r["year"]) for r in breaks] == [
        ("anmalda-antal", "2015"),
        ("oro-3ar", "2017"),
        ("oro-3ar", "2021"),
        ("skadegorelse", "2015"),
    ]


# --- SCB --------------------------------------------------------------------------------------


def test_scb_populations_are_the_denominators_of_counts_and_rates(store: Store) -> None:
    bra = observations(store, "skadegorelse")
    assert bra["9999", "2021", "T"]["population"] == "27071"  # CSV, "9999 Exempelby"
    assert bra["9999", "2022", "T"]["population"] == "27115"
    assert bra["9997", "2021", "T"]["population"] == "2931"
    assert "population" not in bra["9996", "2022", "T"]  # SCB gives no population for it
    kolada = observations(store, "vald")  # a rate without counts gets the population too
    assert kolada["9999", "2022", "T"]["population"] == "27115"
    assert kolada["9999", "2023", "T"]["population"] == "27200"  # JSON-stat2, Kon 1+2
    assert kolada["9999", "2023", "F"]["population"] == "13500"  # Kon 2 (kvinnor)
    assert "population" not in kolada["9999", "2022", "F"]
    assert "population" not in observations(store, "trygghet")["9999", "2023", "T"]  # an index


def test_a_rate_over_years_is_the_summed_counts_over_the_summed_population(
    store: Store,
) -> None:
    """By hand: (245 + 1 234) / (27 071 + 27 115) × 100 000 = 147 900 000 / 54 186."""
    found = observations(store, "skadegorelse")
    years = [found["9999", "2021", "T"], found["9999", "2022", "T"]]
    counts = sum(Decimal(r["count"]) for r in years)
    people = sum(Decimal(r["population"]) for r in years)
    assert (counts, people) == (1479, 54186)
    assert round(counts / people * 100_000, 2) == Decimal("2729.49")
    # not the mean of the yearly rates, (905 + 4 551) / 2 = 2 728
    assert round(counts / people * 100_000) != (905 + 4551) / 2
    # each year's rate is its count over its population on 31 December
    for r in years:
        assert round(Decimal(r["count"]) / Decimal(r["population"]) * 100_000) == Decimal(
            r["value"]
        )


# --- the planner's file -----------------------------------------------------------------------


def test_planner_rows_with_n_confidence_interval_and_windows(store: Store) -> None:
    survey = observations(store, "trygghet")
    first = survey["9999", "2023", "T"]  # area written as the municipality's name
    assert (first["value"], first["n"], first["low"], first["high"]) == ("2.9", "356", "2.7", "3.1")
    assert "n" not in survey["9999", "2024", "T"] and "low" not in survey["9999", "2024", "T"]
    window = observations(store, "oro-3ar")
    assert window["9999", "2024", "T"]["start"] == "2022"  # "2022-2024" as written
    assert window["9999", "2025", "T"]["start"] == "2023"  # the indicator's window of 3
    assert window["9999", "2024", "T"]["n"] == "1204"
    assert (window["9999", "2025", "T"]["low"], window["9999", "2025", "T"]["high"]) == (
        "12.3",
        "15.5",
    )
    [source] = rows(
        store,
        f"""SELECT ?s WHERE {{ <{D}observation/trygghet/9999/2023/T> dcterms:source ?s }}""",
    )
    assert source["s"] == "Polisens trygghetsmätning 2023"


def test_planned_and_reported_outputs_of_activities(store: Store) -> None:
    planned = rows(
        store,
        """SELECT ?a ?text ?n WHERE {
          ?a sk:plannedOutput ?text . OPTIONAL { ?a sk:plannedCount ?n }
        } ORDER BY ?a""",
    )
    assert [(r["a"].rsplit("/", 1)[-1], r["text"], r.get("n")) for r in planned] == [
        ("a1", "minst 15 trafikkontroller", "15"),
        ("a2", "1 200 besök under året", "1200"),
    ]
    [output] = rows(
        store,
        f"""SELECT ?o ?year ?count ?type WHERE {{
          <{D}a1> sk:reportedOutput ?o . ?o sk:year ?year ; sk:count ?count .
          BIND (DATATYPE(?year) AS ?type) }}""",
    )
    assert output == {
        "o": f"{D}a1#output-2024",
        "year": "2024",
        "count": "17",
        "type": "http://www.w3.org/2001/XMLSchema#gYear",
    }


def test_a_planner_workbook_is_read_from_its_sheet(tmp_path: Path) -> None:
    from openpyxl import Workbook

    folder = copy(tmp_path)
    (folder / "observations.csv").unlink()
    book = Workbook()
    book.active.title = "Anteckningar"
    sheet = book.create_sheet("Observationer")
    sheet.append(["indikator", "område", "period", "värde", "enhet", "n", "ki", "källa"])
    sheet.append(["trygghet", "9999", 2023, 2.9, "index 0–6", 356, "2,7–3,1", "Polisen"])
    book.save(folder / "observations-2023.xlsx")
    quads = load_dataset(folder).quads
    lows = [q.object.value for q in quads if q.predicate.value.endswith("#ciLow")]
    assert lows == ["2.7"]
    described = [
        q.object.value
        for q in quads
        if q.predicate.value.endswith("/description") and "trygghet" in q.subject.value
    ]
    assert described == ["sheet Observationer, row 2"]


# --- provenance -------------------------------------------------------------------------------


def test_each_figure_is_derived_from_its_line_or_json_path(store: Store) -> None:
    def selectors(observation: str) -> set[tuple[str, str, str]]:
        found = rows(
            store,
            f"""SELECT ?file ?standard ?value WHERE {{
              <{D}observation/{observation}> prov:wasDerivedFrom ?part .
              ?part oa:hasSource ?set ; oa:hasSelector ?selector .
              ?set sk:sourceFile ?file .
              ?selector dcterms:conformsTo ?standard ; rdf:value ?value .
            }}""",
        )
        return {(r["file"], r["standard"].rsplit("/", 1)[-1], r["value"]) for r in found}

    # Brå 2022: the header is line 1, Exempelby line 2 (RFC 5147 counts from 0); the SCB CSV
    # line 5 gives its population
    assert selectors("skadegorelse/9999/2022/T") == {
        ("bra-skadegorelse-2022.csv", "rfc5147", "line=1,2"),
        ("scb-folkmangd.csv", "rfc5147", "line=4,5"),
    }
    assert selectors("vald/9999/2023/F") == {
        ("kolada-vald-2025-03-30.json", "rfc6901", "/values/1/values/1"),
        ("scb-kon-2023.json", "rfc6901", "/value/1"),
    }


def test_locations_point_into_the_files(dataset: Dataset) -> None:
    path, where = dataset.locations[f"{D}observation/vald/9999/2022/M"]
    assert (path.name, where) == ("kolada-vald-2025-03-30.json", "JSON path values[0].values[2]")
    path, where = dataset.locations[f"{D}a1#output-2024"]
    assert (path.name, where) == ("observations.csv", "row 6")
    path, where = dataset.locations[f"{D}mal#measure-trygghet"]
    lines = path.read_text(encoding="utf-8").splitlines()
    assert (path.name, where) == (
        "goals.yaml",
        f"line {lines.index('      - indicator: trygghet') + 1}",
    )


# --- indicators and goal measures -------------------------------------------------------------


def test_indicators_and_the_goal_measures_of_0007(store: Store) -> None:
    [indicator] = rows(
        store,
        f"""SELECT ?unit ?source ?kpi ?better WHERE {{ <{D}vald> a sk:Indicator ; sk:unit ?unit ;
              dcterms:source ?source ; sk:koladaKpi ?kpi ; sk:better ?better }}""",
    )
    assert indicator == {
        "unit": "per 100 000 invånare",
        "source": "Kolada",
        "kpi": "N07403",
        "better": "https://w3id.org/samklang/ontology#lower",
    }
    scope = rows(
        store,
        f"""SELECT ?p ?o WHERE {{
          <{D}skadegorelse> ?p ?o FILTER (STRSTARTS(STR(?p), STR(sk:scope)))
        }}""",
    )
    assert {(r["p"].rsplit("#", 1)[-1], r["o"]) for r in scope} == {
        ("scopeCrimeType", "skadegörelse"),
        ("scopePlace", "offentlig miljö"),  # lower case, as the goal's
        ("scopeArea", "9999"),
    }
    measures = rows(
        store,
        f"""SELECT ?m ?i ?start ?end ?value ?kind ?target ?unit ?year WHERE {{
          <{D}mal> sk:measuredBy ?m . ?m a sk:Measure ; sk:indicator ?i .
          OPTIONAL {{ ?m sk:baselineStart ?start ; sk:baselineEnd ?end }}
          OPTIONAL {{ ?m sk:baselineValue ?value }} OPTIONAL {{ ?m sk:targetKind ?kind }}
          OPTIONAL {{ ?m sk:targetValue ?target }} OPTIONAL {{ ?m sk:targetChangeUnit ?unit }}
          OPTIONAL {{ ?m sk:targetYear ?year }}
        }} ORDER BY ?m""",
    )
    got = {r["m"].rsplit("#measure-", 1)[1]: r for r in measures}
    assert {k: v["i"] for k, v in got.items()} == {
        "skadegorelse": f"{D}skadegorelse",
        "trygghet": f"{D}trygghet",
        "vald": f"{D}vald",
    }
    change = got["skadegorelse"]
    assert (change["start"], change["end"], change["kind"], change["target"], change["unit"]) == (
        "2021",
        "2022",
        "change",
        "-10",
        "procent",
    )
    assert change["year"] == "2027"  # the default: the end of the plan's period
    level = got["trygghet"]
    assert (level["start"], level["end"], level["value"], level["target"], level["year"]) == (
        "2023",
        "2023",
        "2.9",
        "2.5",
        "2026",
    )
    assert set(got["vald"]) == {"m", "i"}  # no baseline, no target: the rules say so


def test_goal_scope_is_stored_beside_its_measures(store: Store) -> None:
    scope = rows(
        store,
        f"""SELECT ?p ?o WHERE {{ <{D}mal> ?p ?o FILTER (STRSTARTS(STR(?p), STR(sk:scope))) }}""",
    )
    assert {(r["p"].rsplit("#", 1)[-1], r["o"]) for r in scope} == {
        ("scopeCrimeType", "skadegörelse"),
        ("scopePlace", "offentlig miljö"),
        ("scopeArea", "9999"),
    }


# --- bad files: one sentence, file and line (or JSON path), in English and Swedish ------------


def copy(tmp_path: Path) -> Path:
    folder = tmp_path / "exempelby"
    shutil.copytree(FIXTURE, folder)
    return folder


def kolada(change: Callable[[dict], object]) -> str:
    data = json.loads((FIXTURE / "kolada-vald-2025-03-30.json").read_text(encoding="utf-8"))
    change(data)
    return json.dumps(data)


def _set(data: dict, path: list, value: object) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


def _drop(data: dict, path: list) -> None:
    for key in path[:-1]:
        data = data[key]
    del data[path[-1]]


BRA = "\ufeffKommun;Antal;Per 100 000 inv.\r\n"
KOLADA = "kolada-vald-2025-03-30.json"

CASES: dict[str, tuple[str, str | bytes | None, list[str]]] = {
    # Kolada v3 JSON
    "kolada-not-json": (
        KOLADA,
        '{"values": [\n  {"kpi": }\n]}',
        [KOLADA, "line 2", "not valid JSON"],
    ),
    "kolada-shape": (KOLADA, '{"data": []}', [KOLADA, "no 'values' list", "Kolada v3"]),
    "kolada-v2-shape": (
        KOLADA,
        kolada(lambda d: _drop(d, ["values", 0, "municipality"])),
        [f"{KOLADA}, JSON path values[0]", "has no 'municipality'", "kpi, municipality, period"],
    ),
    "kolada-empty": (KOLADA, '{"values": []}', ["JSON path values", "municipality_id"]),
    "kolada-gender": (
        KOLADA,
        kolada(lambda d: _set(d, ["values", 1, "values", 1, "gender"], "W")),
        ["JSON path values[1].values[1].gender", "'gender: W'", "T (total), K (women) or M"],
    ),
    "kolada-value": (
        KOLADA,
        kolada(lambda d: _set(d, ["values", 0, "values", 0, "value"], "800")),
        ["JSON path values[0].values[0].value", "is not a number"],
    ),
    "kolada-unknown-kpi": (
        KOLADA,
        kolada(lambda d: _set(d, ["values", 2, "kpi"], "N07540")),
        ["JSON path values[2].kpi", "'kpi: N07540' is the KPI of no indicator"],
    ),
    "kolada-municipality": (
        KOLADA,
        kolada(lambda d: _set(d, ["values", 0, "municipality"], "685")),
        ["values[0].municipality", "is not a Kolada id"],
    ),
    "kolada-period": (
        KOLADA,
        kolada(lambda d: _set(d, ["values", 0, "period"], "2022-2023")),
        ["values[0].period", "'period: 2022-2023' is not a year"],
    ),
    # Brå's CSV
    "bra-unknown-name": (
        "bra-skadegorelse-2022.csv",
        BRA + "Exempelby;1 234;4 551\r\nÖstby;3;12\r\n",
        ["bra-skadegorelse-2022.csv, line 3", "'Östby' is neither the dataset's municipality"],
    ),
    "bra-ambiguous-name": (
        "area_codes.csv",
        "Åby-Näs;9997\nÅby–Näs;9995\nLillby;9996\n",
        ["bra-skadegorelse-2021.csv, line 2", "matches more than one code (9995, 9997)"],
    ),
    "bra-own-name-elsewhere": (
        "area_codes.csv",
        "Exempelby;9998\n",
        [
            "bra-anmalda-antal-2022.csv, line 2",
            "'Exempelby' matches more than one code (9998, 9999)",
        ],
    ),
    "bra-bad-count": (
        "bra-skadegorelse-2022.csv",
        BRA + "Exempelby;1.234;4 551\r\n",
        ["line 2", "'1.234' is not a count", "'..' (suppressed) or '-' (zero)"],
    ),
    "bra-bad-rate": (
        "bra-skadegorelse-2022.csv",
        BRA + "Exempelby;1 234;många\r\n",
        ["line 2", "'många' is not a rate"],
    ),
    "bra-cells": (
        "bra-skadegorelse-2022.csv",
        BRA + "Exempelby;1 234\r\n",
        ["line 2", "has 2 cells; expected three"],
    ),
    "bra-header": (
        "bra-skadegorelse-2022.csv",
        "\ufeffKommun;Antal;Andel\r\nExempelby;1;2\r\n",
        ["line 1", "has the header 'Kommun;Antal;Andel'"],
    ),
    "bra-neither-layout": (
        "bra-skadegorelse-2022.csv",
        "\ufeffKommunnamn;Antal anmälda;Per inv\r\n",
        ["line 1", "begins with neither Brå's header", "2021 layout"],
    ),
    "bra-commas": (
        "bra-skadegorelse-2022.csv",
        "Kommun,Antal,Per 100 000 inv.\nExempelby,1,2\n",
        ["line 1", "has no semicolons"],
    ),
    "bra-twice": (
        "bra-skadegorelse-2022.csv",
        BRA + "Exempelby;1 234;4 551\r\nExempelby kommun;1 234;4 551\r\n",
        ["line 3", "gives 'Exempelby kommun' a second time (line 2)"],
    ),
    "bra-name-without-year": (
        "bra-skadegorelse.csv",
        BRA,
        ["bra-skadegorelse.csv", "expected bra-<indicator id>-<year>.csv"],
    ),
    "bra-unknown-indicator": (
        "bra-skadegorelser-2023.csv",
        BRA,
        ["bra-skadegorelser-2023.csv", "names the indicator 'skadegorelser'"],
    ),
    "bra-indicator-with-an-index": (
        "bra-trygghet-2023.csv",
        BRA,
        ["bra-trygghet-2023.csv", "whose unit is 'index 0–6'"],
    ),
    "area-codes-bad-code": (
        "area_codes.csv",
        "name;code\nÅby-Näs;997\n",
        ["area_codes.csv, line 2", "'997' is not an area code"],
    ),
    "area-codes-bad-row": ("area_codes.csv", "Åby-Näs\n", ["line 1", "is not a row name;code"]),
    # SCB
    "scb-no-header": (
        "scb-folkmangd.csv",
        '"9999 Exempelby","2021","27071"\n',
        ["scb-folkmangd.csv", "no header row with a column 'region'"],
    ),
    "scb-bad-population": (
        "scb-folkmangd.csv",
        '"region","år","Folkmängd"\n"9999 Exempelby","2021","27 071,5"\n',
        ["line 2", "'27 071,5' is not a population"],
    ),
    "scb-bad-region": (
        "scb-folkmangd.csv",
        '"region","år","Folkmängd"\n"Exempelby","2021","27071"\n',
        ["line 2", "'Exempelby' is not a region as SCB writes it"],
    ),
    "scb-no-year": (
        "scb-folkmangd.csv",
        '"region","Folkmängd"\n"9999 Exempelby","27071"\n',
        ["line 1", "has no year column"],
    ),
    "scb-conflict": (
        "scb-folkmangd.csv",
        '"region","år","Folkmängd"\n"9999 Exempelby","2023","27300"\n',
        ["scb-kon-2023.json, JSON path value[2]", "as 27200, but scb-folkmangd.csv, line 2"],
    ),
    "jsonstat-not": ("scb-kon-2023.json", '{"class": "dataset"}', ["is not JSON-stat2"]),
    "jsonstat-extra-dimension": (
        "scb-kon-2023.json",
        None,  # written by _jsonstat_with_age
        ["JSON path dimension.Alder", "has 2 categories; expected one"],
    ),
    # the planner's file
    "planner-unknown-indicator": (
        "observations.csv",
        "indicator;area;period;value\ntrygghett;9999;2023;2,9\n",
        ["observations.csv, row 2, column 'indicator'", "(did you mean 'trygghet'?)"],
    ),
    "planner-bad-column": (
        "observations.csv",
        "indicator;area;period;value;konfidens\n",
        ["row 1", "the column 'konfidens' is not known"],
    ),
    "planner-missing-column": (
        "observations.csv",
        "indicator;area;value\n",
        ["row 1", "has no column 'period'"],
    ),
    "planner-bad-ci": (
        "observations.csv",
        "indicator;area;period;value;ci\ntrygghet;9999;2023;2,9;ungefär 3\n",
        ["row 2, column 'ci'", "is not a confidence interval"],
    ),
    "planner-backwards-ci": (
        "observations.csv",
        "indicator;area;period;value;ci\ntrygghet;9999;2023;2,9;3,1–2,7\n",
        ["column 'ci'", "runs backwards"],
    ),
    "planner-window": (
        "observations.csv",
        "indicator;area;period;value\noro-3ar;9999;2023-2024;14\n",
        ["column 'period'", "has a moving window of 3"],
    ),
    "planner-unit": (
        "observations.csv",
        "indicator;area;period;value;unit\nskadegorelse;9999;2023;905;antal\n",
        ["column 'unit'", "is not the indicator's unit 'Per 100 000 inv.'"],
    ),
    "planner-value": (
        "observations.csv",
        "indicator;area;period;value\ntrygghet;9999;2023;hög\n",
        ["row 2, column 'value'", "'hög' is not a number"],
    ),
    "planner-area": (
        "observations.csv",
        "indicator;area;period;value\ntrygghet;Östby;2023;2,9\n",
        ["row 2, column 'area'", "'Östby' is neither the dataset's municipality"],
    ),
    "planner-output-with-n": (
        "observations.csv",
        "indicator;area;period;value;n\na1;9999;2024;17;300\n",
        ["column 'n'", "reported output takes no n or ci"],
    ),
    "planner-output-two-years": (
        "observations.csv",
        "indicator;area;period;value\na1;9999;2024-2025;17\n",
        ["column 'period'", "'2024-2025' is not one year"],
    ),
    "planner-conflict": (
        "observations.csv",
        "indicator;area;period;value\nvald;9999;2022;801\n",
        ["observations.csv, row 2", "the value of vald in 9999 for 2022 (sex T) as 801", "800.5"],
    ),
    # indicators and goal measures in YAML
    "target-direction-with-value": (
        "goals.yaml",
        None,
        ["goals.yaml, line", "kind 'direction' takes no value"],
    ),
    "kpi-twice": ("goals.yaml", None, ["goals.yaml, line", "already the indicator 'vald'"]),
}
"""(file, new content or None (made by :data:`EDITS`), words the English sentence holds)."""


def _jsonstat_with_age(folder: Path) -> None:
    path = folder / "scb-kon-2023.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["id"].insert(1, "Alder")
    data["size"].insert(1, 2)
    data["dimension"]["Alder"] = {"category": {"index": ["0-14", "15-"]}}
    data["value"] = data["value"] * 2
    path.write_text(json.dumps(data), encoding="utf-8")


def _goals(old: str, new: str) -> Callable[[Path], None]:
    def edit(folder: Path) -> None:
        path = folder / "goals.yaml"
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")

    return edit


EDITS: dict[str, Callable[[Path], None]] = {
    "jsonstat-extra-dimension": _jsonstat_with_age,
    "target-direction-with-value": _goals(
        '{kind: level, value: "2,5", year: 2026}', "{kind: direction, value: 1}"
    ),
    "kpi-twice": _goals("    data_source: Brå\n", "    data_source: Brå\n    kolada_kpi: N07403\n"),
}


def bad_copy(tmp_path: Path, case: str) -> Path:
    folder = copy(tmp_path)
    name, content, _ = CASES[case]
    if content is None:
        EDITS[case](folder)
    elif isinstance(content, bytes):
        (folder / name).write_bytes(content)
    else:
        (folder / name).write_text(content, encoding="utf-8")
    return folder


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_bad_file_is_one_sentence_naming_file_place_and_expectation(
    case: str, tmp_path: Path
) -> None:
    folder = bad_copy(tmp_path, case)
    with pytest.raises(InputError) as info:
        load_dataset(folder)
    english, swedish = describe(info.value, "en"), describe(info.value, "sv")
    for word in CASES[case][2]:
        assert word in english, f"{word!r} not in {english!r}"
    assert len(english.splitlines()) == 1 and english.endswith(".")
    assert swedish != english
    assert not re.search(r"\b(line|expected|is not|did you mean|JSON path)\b", swedish), swedish
    for line in re.findall(r"line (\d+)", english):
        assert f"rad {line}" in swedish


@pytest.mark.parametrize("case", ["kolada-shape", "bra-unknown-name", "planner-bad-ci"])
def test_the_command_line_says_it_and_exits_2(case: str, tmp_path: Path, runner) -> None:
    folder = bad_copy(tmp_path, case)
    result = runner.invoke(cli, ["check", "--lang", "en", str(folder)])
    assert result.exit_code == 2, result.output
    assert result.stdout == "" and "Traceback" not in result.stderr
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1 and message.startswith("samklang: ")
    assert CASES[case][2][-1] in message


def test_the_same_figure_from_two_files_is_one_observation(tmp_path: Path) -> None:
    folder = copy(tmp_path)
    (folder / "observations-kolada.csv").write_text(
        "indicator;area;period;value\nvald;9999;2022;800,5\n", encoding="utf-8"
    )
    quads = load_dataset(folder).quads
    node = f"{D}observation/vald/9999/2022/T"
    values = [
        q for q in quads if q.subject.value == node and q.predicate.value.endswith("obsValue")
    ]
    parts = [q for q in quads if q.subject.value == node and "wasDerivedFrom" in q.predicate.value]
    assert len(values) == 1 and len(parts) == 3  # Kolada, the planner's row, SCB's population


def test_observation_files_do_not_belong_in_a_shared_dataset(vetlanda_copy: Path) -> None:
    shared = vetlanda_copy.parent / "hoglandets-raddningstjanstforbund"
    shutil.copy(FIXTURE / "bra-skadegorelse-2021.csv", shared / "bra-vald-2021.csv")
    with pytest.raises(InputError, match="observation files belong"):
        load_dataset(vetlanda_copy)


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        (
            '{kind: change, value: "-10", unit: procent}',
            "{kind: change, value: -10}",
            ["kind 'change' needs a unit"],
        ),
        ('{kind: change, value: "-10", unit: procent}', "{kind: level}", ["needs a value"]),
        (
            '{kind: level, value: "2,5", year: 2026}',
            "{kind: level, value: 2, unit: procent}",
            ["'unit' belongs to a target of kind change"],
        ),
        (
            "      - indicator: vald\n",
            "      - indicator: trygghet\n",
            ["names the indicator 'trygghet' twice"],
        ),
        (
            "      - indicator: vald\n",
            "      - indicator: valdet\n",
            ["names nothing", "did you mean 'vald'"],
        ),
        ("    moving_window: 3\n", "    moving_window: 1\n", ["moving window of 1 years"]),
        ("baseline: 2021-2022", "baseline: 2022-2021", ["end before they start"]),
        (
            'areas: ["9999"]}\n  - id: anmalda',
            'areas: ["999"]}\n  - id: anmalda',
            ["'999' is not an area code"],
        ),
        ("kolada_kpi: N07403", "kolada_kpi: 07403", ["'07403' is not a Kolada KPI"]),
        (
            "better: lower\n    scope: {crime_types: [Våldsbrott]",
            "better: lägre\n    scope: {crime_types: [Våldsbrott]",
            ["'lägre' is not a known direction"],
        ),
    ],
)
def test_bad_indicators_and_measures_name_their_line(
    old: str, new: str, words: list[str], tmp_path: Path
) -> None:
    folder = copy(tmp_path)
    _goals(old, new)(folder)
    with pytest.raises(InputError) as info:
        load_dataset(folder)
    assert info.value.path.name == "goals.yaml" and (info.value.location or "").startswith("line")
    english = describe(info.value, "en")
    for word in words:
        assert word in english, english
    assert not re.search(r"\b(line|expected|is not)\b", describe(info.value, "sv"))


def test_the_line_of_a_measure_is_its_own_item(tmp_path: Path) -> None:
    """An error in the second item of a goal's indicators names that item's line."""
    folder = copy(tmp_path)
    _goals('{kind: level, value: "2,5", year: 2026}', "{kind: direction, value: 1}")(folder)
    with pytest.raises(InputError) as info:
        load_dataset(folder)
    lines = (folder / "goals.yaml").read_text(encoding="utf-8").splitlines()
    assert "{kind: direction, value: 1}" in lines[int(info.value.location.split()[1]) - 1]


def test_scb_csv_with_a_column_per_year_and_a_sex_column(tmp_path: Path) -> None:
    """SCB's table as the web saves it: a column per year, sex as words, Windows-1252 and
    semicolons (Swedish Excel)."""
    folder = copy(tmp_path)
    (folder / "scb-folkmangd.csv").write_bytes(
        "region;kön;Folkmängd 2021;Folkmängd 2022\n"
        "9999 Exempelby;totalt;27 071;27 115\n"
        "9999 Exempelby;kvinnor;13 490;..\n"
        "9997 Åby-Näs;totalt;2 931;2 940\n".encode("cp1252")
    )
    store = open_store("memory")
    store.add(load_dataset(folder).quads)
    kolada = observations(store, "vald")
    assert kolada["9999", "2022", "T"]["population"] == "27115"
    assert "population" not in kolada["9999", "2022", "F"]  # '..': SCB gives none
    bra = observations(store, "skadegorelse")
    assert (bra["9999", "2021", "T"]["population"], bra["9997", "2021", "T"]["population"]) == (
        "27071",
        "2931",
    )
