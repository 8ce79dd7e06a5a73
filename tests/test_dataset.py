"""Loading a dataset folder: spreadsheets and Turtle join the YAML in one municipality graph."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from samklang.graph.scaffold import write_activity_template
from samklang.graph.source_kind import load_dataset
from samklang.ontology import SK, SKDOM, SKFAC


def objects(dataset, subject_id: str, predicate) -> set[str]:
    subject = f"https://w3id.org/samklang/data/{dataset.code}/{subject_id}"
    return {
        q.object.value
        for q in dataset.quads
        if q.subject.value == subject and q.predicate == predicate
    }


def test_activities_from_the_xlsx_template(vetlanda_copy: Path) -> None:
    (vetlanda_copy / "activities.csv").unlink()
    path = vetlanda_copy / "activities.xlsx"
    write_activity_template(path, ["vetlanda-kommun", "lpo-hoglandet"])
    book = load_workbook(path)
    sheet = book["Aktiviteter"]
    header = [c.value for c in sheet[1]]
    row = {
        "id": "a1",
        "title": "Föräldraträffar",
        "year": 2022,
        "document": "medborgarlofte-2022-2023",
        "responsible": "vetlanda-kommun",
        "kind": "social",
        "goal": "lofte-2022-narkotika",
        "factors": "Delaktiga föräldrar; familj-tydliga-karleksfulla-regler",
        "status": "genomford",
    }
    sheet.append([row.get(name) for name in header])
    book.save(path)
    dataset = load_dataset(vetlanda_copy)
    assert objects(dataset, "a1", SK.year) == {"2022"}
    assert objects(dataset, "a1", SK.targetsFactor) == {
        SKFAC.term("familj-delaktiga-foraldrar").value,
        SKFAC.term("familj-tydliga-karleksfulla-regler").value,
    }


def test_extra_turtle_joins_the_municipality_graph(vetlanda_copy: Path) -> None:
    (vetlanda_copy / "extra.ttl").write_text(
        "@prefix sk: <https://w3id.org/samklang/ontology#> .\n"
        "<https://w3id.org/samklang/data/0685/plan> sk:considersDomain "
        "<https://w3id.org/samklang/vocab/domain/skolan> .\n",
        encoding="utf-8",
    )
    dataset = load_dataset(vetlanda_copy)
    extra = [
        q
        for q in dataset.quads
        if q.subject.value.endswith("/0685/plan")
        and q.predicate == SK.considersDomain
        and q.object == SKDOM.skolan
    ]
    assert len(extra) == 2  # once from documents.yaml, once from extra.ttl
    assert {q.graph_name.value for q in extra} == {"https://w3id.org/samklang/graph/0685"}


def test_a_relative_iri_in_turtle_is_in_the_dataset_namespace(vetlanda_copy: Path) -> None:
    """Not against the file's folder on this machine, which would leak it into exports."""
    (vetlanda_copy / "extra.ttl").write_text(
        "@prefix sk: <https://w3id.org/samklang/ontology#> .\n"
        "<plan> sk:considersDomain <https://w3id.org/samklang/vocab/domain/skolan> .\n",
        encoding="utf-8",
    )
    dataset = load_dataset(vetlanda_copy)
    assert not [q for q in dataset.quads if "file:" in str(q) or str(vetlanda_copy) in str(q)]
    assert SKDOM.skolan.value in objects(dataset, "plan", SK.considersDomain)

def test_a_span_of_years_gives_one_year_each(vetlanda_copy: Path) -> None:
    dataset = load_dataset(vetlanda_copy)
    assert objects(dataset, "ml2020-trafikkontroller", SK.year) == {"2020", "2021"}
    assert objects(dataset, "plan", SK.periodYear) == {"2020", "2021", "2022", "2023"}
