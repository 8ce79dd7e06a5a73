"""Activity spreadsheets as a planner's spreadsheet program saves them: Swedish Excel's CSV
(Windows-1252, semicolons), quotes left open, extra columns, merged cells, names for ids, and
the XLSX template's drop-down lists."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from openpyxl import Workbook, load_workbook

from samklang.cli import cli
from samklang.graph.scaffold import vocabulary_labels
from samklang.graph.source_kind import load_dataset
from samklang.graph.tables import table_format
from samklang.ontology import SK
from samklang.ontology.namespace import DCTERMS

from .test_input_errors import assert_one_clear_sentence

HEADER = "id;title;year;document;responsible\n"


def rows_of(folder: Path) -> list[list[str]]:
    text = (folder / "activities.csv").read_text(encoding="utf-8")
    return list(csv.reader(io.StringIO(text)))


def write_excel_csv(folder: Path, rows: list[list[str]]) -> None:
    """As Swedish Excel saves "CSV (semikolonavgränsad)": Windows-1252, ';', CR LF."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    (folder / "activities.csv").write_bytes(buffer.getvalue().encode("cp1252"))


def findings(runner, folder: Path) -> list[tuple[str, str, str]]:
    result = runner.invoke(cli, ["check", str(folder), "--format", "json", "--as-of", "2026-11-25"])
    assert result.exit_code in (0, 1), result.output
    return [(f["rule"], f["focus"], f["message"]) for f in json.loads(result.stdout)["findings"]]


def objects(dataset, subject_id: str, predicate) -> set[str]:
    subject = f"https://w3id.org/samklang/data/{dataset.code}/{subject_id}"
    return {
        q.object.value
        for q in dataset.quads
        if q.subject.value == subject and q.predicate == predicate
    }


def test_excel_csv_with_a_comment_column_gives_the_same_findings(
    vetlanda_copy: Path, tmp_path: Path, runner
) -> None:
    original = findings(runner, vetlanda_copy)
    rows = rows_of(vetlanda_copy)
    rows[0].append("Kommentar")
    for row in rows[1:]:
        row.append("Fråga Åsa om budgeten för 2021")
    write_excel_csv(vetlanda_copy, rows)
    assert "Å".encode("cp1252") in (vetlanda_copy / "activities.csv").read_bytes()
    assert findings(runner, vetlanda_copy) == original
    dataset = load_dataset(vetlanda_copy)
    description = objects(dataset, rows[1][0], DCTERMS.description)
    assert any("Kommentar: Fråga Åsa om budgeten för 2021" in d for d in description)


def test_the_detected_format_is_stated(vetlanda_copy: Path) -> None:
    write_excel_csv(vetlanda_copy, rows_of(vetlanda_copy))
    form = table_format(vetlanda_copy / "activities.csv")
    assert (form.encoding, form.delimiter) == ("cp1252", ";")
    assert str(form) == "read as Windows-1252 with semicolons between cells"
    utf8 = vetlanda_copy / "activities-utf8.csv"
    utf8.write_text("id,title,year,document\n", encoding="utf-8")
    assert str(table_format(utf8)) == "read as UTF-8 with commas between cells"


def test_excel_sep_line_names_the_separator(vetlanda_copy: Path) -> None:
    (vetlanda_copy / "activities.csv").write_text(
        "sep=;\nid;title;year;document\na1;Läxhjälp, för åk 9;2021;plan\n", encoding="utf-8"
    )
    assert objects(load_dataset(vetlanda_copy), "a1", SK.year) == {"2021"}


def test_an_unclosed_quote_is_an_error_naming_its_line(vetlanda_copy: Path, runner) -> None:
    """Before: the open quote swallowed the rest of the file into one cell, the following
    activities vanished and check exited 0."""
    content = (
        HEADER + "a1;Läxhjälp;2021;plan;vetlanda-kommun\n"
        'a2;"Nattvandring i centrum;2021;plan;vetlanda-kommun\n'
        "a3;Trafikkontroller;2021;plan;lpo-hoglandet\n"
    )
    (vetlanda_copy / "activities.csv").write_bytes(content.encode("cp1252"))
    result = runner.invoke(cli, ["check", str(vetlanda_copy), "--lang", "en"])
    assert_one_clear_sentence(result, ["activities.csv", "Windows-1252", "line 3", "never closed"])


def test_a_quote_closed_rows_later_is_an_error_naming_its_line(vetlanda_copy: Path, runner) -> None:
    content = (
        HEADER + 'a1;"Läxhjälp;2021;plan;vetlanda-kommun\n'
        'a2;Nattvandring";2021;plan;vetlanda-kommun\n'
        "a3;Trafikkontroller;2021;plan;lpo-hoglandet\n"
    )
    (vetlanda_copy / "activities.csv").write_text(content, encoding="utf-8")
    result = runner.invoke(cli, ["check", str(vetlanda_copy), "--lang", "en"])
    assert_one_clear_sentence(result, ["activities.csv, line 2", "closes only on line 3"])


def test_a_cell_over_two_lines_is_read_and_later_rows_name_their_line(
    vetlanda_copy: Path, runner
) -> None:
    content = (
        "id,title,year,document,description\n"
        'a1,Läxhjälp,2021,plan,"Två kvällar i veckan.\nI biblioteket."\n'
        "a2,Fritidsgård,20211,plan,\n"
    )
    (vetlanda_copy / "activities.csv").write_text(content, encoding="utf-8")
    result = runner.invoke(cli, ["check", str(vetlanda_copy), "--lang", "en"])
    assert_one_clear_sentence(
        result, ["activities.csv, row 3 (line 4), column 'year'", "'20211' is not a year"]
    )


def test_a_misspelt_column_is_still_refused(vetlanda_copy: Path, runner) -> None:
    (vetlanda_copy / "activities.csv").write_text(
        "id,title,year,document,responsibel\n", encoding="utf-8"
    )
    result = runner.invoke(cli, ["check", str(vetlanda_copy), "--lang", "en"])
    assert_one_clear_sentence(
        result, ["activities.csv, row 1", "'responsibel' is not known", "'responsible'"]
    )


def test_organisation_names_in_the_responsible_column(vetlanda_copy: Path) -> None:
    rows = rows_of(vetlanda_copy)
    header = rows[0]
    column = header.index("responsible")
    rows[1][column] = "Lokalpolisområde Höglandet; VETLANDA  kommun"
    rows[2][column] = "HRF"
    write_excel_csv(vetlanda_copy, rows)
    dataset = load_dataset(vetlanda_copy)
    data = "https://w3id.org/samklang/data/0685/"
    assert objects(dataset, rows[1][0], SK.responsible) == {
        data + "lpo-hoglandet",
        data + "vetlanda-kommun",
    }
    assert objects(dataset, rows[2][0], SK.responsible) == {data + "hrf"}


def test_an_ambiguous_organisation_name_is_an_error(vetlanda_copy: Path, runner) -> None:
    municipality = vetlanda_copy / "municipality.yaml"
    text = municipality.read_text(encoding="utf-8")
    municipality.write_text(
        text.replace(
            "organisations:\n",
            "organisations:\n  - id: hrf-2\n    name: HRF\n    type: raddningstjanstforbund\n",
            1,
        ),
        encoding="utf-8",
    )
    (vetlanda_copy / "activities.csv").write_text(
        "id,title,year,document,responsible\na1,Läxhjälp,2021,plan,HRF\n", encoding="utf-8"
    )
    result = runner.invoke(cli, ["check", str(vetlanda_copy), "--lang", "en"])
    assert_one_clear_sentence(
        result,
        ["activities.csv, row 2, column 'responsible'", "'HRF' names more than one", "hrf-2"],
    )


def lists_of(book) -> dict[str, list[str]]:
    """The drop-down lists of a template: column → values."""
    columns = book["Listor"].iter_cols(values_only=True)
    return {column[0]: [v for v in column[1:] if v] for column in columns}


def _sheet(path: Path, rows: list[list[object]], merge: str | None = None) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Aktiviteter"
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    book.save(path)


def test_merged_header_cells_are_an_error_that_says_so(vetlanda_copy: Path, runner) -> None:
    path = vetlanda_copy / "activities-2025.xlsx"
    _sheet(path, [["id", "title", "year", "document", "Ansvarig", ""]], merge="E1:F1")
    result = runner.invoke(cli, ["check", str(vetlanda_copy), "--lang", "en"])
    assert_one_clear_sentence(
        result, ["activities-2025.xlsx, sheet Aktiviteter, row 1", "E1:F1 merged"]
    )


def test_merged_cells_in_the_rows_are_an_error(vetlanda_copy: Path, runner) -> None:
    path = vetlanda_copy / "activities-2025.xlsx"
    rows = [["id", "title", "year", "document"], ["a1", "Läxhjälp", 2021, "plan"]]
    rows.append(["a2", "Fritidsgård", None, "plan"])
    _sheet(path, rows, merge="C2:C3")
    result = runner.invoke(cli, ["check", str(vetlanda_copy), "--lang", "en"])
    assert_one_clear_sentence(result, ["sheet Aktiviteter, row 2", "C2:C3 merged"])


def test_every_label_in_the_template_lists_loads(tmp_path: Path, runner) -> None:
    """What a planner picks from a drop-down is what the loader accepts."""
    target = tmp_path / "exempelby"
    runner.invoke(cli, ["init", str(target), "--kommun", "Exempelby kommun", "--kod", "9999"])
    (target / "documents.yaml").write_text(
        "documents:\n  - id: plan\n    title: Plan\n    type: brottsforebyggande-plan\n"
        "    period: 2025-2026\n",
        encoding="utf-8",
    )
    book = load_workbook(target / "activities.xlsx")
    sheet = book["Aktiviteter"]
    header = [c.value for c in sheet[1]]
    lists = lists_of(book)
    assert "Exempelby kommun" in lists["responsible"]
    assert "genomförd" in lists["status"] and "samhället" in lists["domain"]
    count = 0
    for column, values in lists.items():
        for value in values:  # one row per value: a domain and a factor must agree
            count += 1
            row = {"id": f"a{count}", "title": "Läxhjälp", "year": 2025, "document": "plan"}
            row[column] = value
            sheet.append([row.get(name) for name in header])
    book.save(target / "activities.xlsx")
    dataset = load_dataset(target)
    assert len({q.subject for q in dataset.quads if q.predicate == SK.year}) == count > 70
    assert all(v.errorStyle == "warning" for v in sheet.data_validations.dataValidation)


def test_vocabulary_labels_are_unique_or_ids() -> None:
    labels = vocabulary_labels("factor")
    assert "delaktiga föräldrar" in labels
    # The same label in two domains: only the ids can tell them apart.
    assert "erkännande för prosocialt deltagande" not in labels


def test_template_command_refreshes_the_lists_and_keeps_the_rows(
    vetlanda_copy: Path, runner
) -> None:
    path = vetlanda_copy / "activities.xlsx"
    _sheet(
        path,
        [
            ["id", "title", "year", "document", "responsible", "Kommentar"],
            ["x1", "Läxhjälp", 2022, "plan", "Temagrupp brott", "behåll mig"],
        ],
    )
    result = runner.invoke(cli, ["template", str(vetlanda_copy)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(path)
    book = load_workbook(path)
    sheet = book["Aktiviteter"]
    assert [c.value for c in sheet[2]] == [
        "x1",
        "Läxhjälp",
        2022,
        "plan",
        "Temagrupp brott",
        "behåll mig",
    ]
    lists = lists_of(book)
    assert lists["responsible"][:3] == [
        "Vetlanda kommun",
        "Polismyndigheten",
        "Lokalpolisområde Höglandet",
    ]
    assert "medborgarlofte-2020-2021" in lists["document"]
    validated = {next(iter(v.sqref.ranges)).min_col for v in sheet.data_validations.dataValidation}
    assert validated == {5, 4}  # responsible and document: the only listed columns in this sheet
    assert objects(load_dataset(vetlanda_copy), "x1", SK.responsible) == {
        "https://w3id.org/samklang/data/0685/temagrupp-brott"
    }


def test_template_refuses_what_is_not_a_workbook(vetlanda_copy: Path, runner) -> None:
    output = vetlanda_copy / "mall.csv"
    args = ["template", str(vetlanda_copy), "-o", str(output), "--lang", "en"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 2 and "not an .xlsx file" in result.stderr
    assert not output.exists()
