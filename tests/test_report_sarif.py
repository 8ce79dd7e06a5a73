"""The SARIF report: valid SARIF 2.1.0 that points code-review tools at the right file and line."""

from __future__ import annotations

import functools
import json
from dataclasses import replace
from pathlib import Path

import pytest
from jsonschema import Draft4Validator

from samklang.queries.rule import catalogue
from samklang.report.sarif import fingerprint

from .conftest import VETLANDA, copy_vetlanda
from .report.helpers import (
    ACCEPTANCE,
    SCHEMA,
    context,
    findings,
    grouped,
    render,
    vetlanda,
    with_accepted,
)


@functools.cache
def validator() -> Draft4Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft4Validator.check_schema(schema)
    return Draft4Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER)


def valid(text: str) -> dict:
    """The log, after checking it against the OASIS SARIF 2.1.0 schema."""
    log = json.loads(text)
    errors = sorted(validator().iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])
    return log


def test_the_schema_rejects_what_is_not_sarif() -> None:
    """The vendored schema does check: a level SARIF does not know is refused."""
    log = json.loads(render("sarif", findings("sv")))
    log["runs"][0]["results"][0]["level"] = "fel"
    assert list(validator().iter_errors(log))
    del log["version"]
    assert list(validator().iter_errors(log))


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_vetlanda_validates_against_the_sarif_schema(lang: str) -> None:
    log = valid(render("sarif", findings(lang), lang=lang))
    assert log["version"] == "2.1.0"
    [run] = log["runs"]
    assert len(run["results"]) == len(findings(lang))
    assert run["invocations"][0]["properties"]["asOf"] == "2026-11-25"
    assert run["language"] == lang


def test_no_findings_and_accepted_findings_validate_too() -> None:
    assert valid(render("sarif", []))["runs"][0]["results"] == []
    valid(render("sarif", with_accepted(findings("sv"))))
    valid(render("sarif", findings("sv"), ctx=context(selected=frozenset({"PER-EXPIRED"}))))


def test_the_driver_describes_every_rule_of_the_catalogue() -> None:
    driver = valid(render("sarif", findings("en"), lang="en"))["runs"][0]["tool"]["driver"]
    assert driver["name"] == "samklang"
    assert driver["version"] and driver["informationUri"].startswith("https://")
    assert [r["id"] for r in driver["rules"]] == list(catalogue())
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for descriptor in driver["rules"]:
        rule = catalogue()[descriptor["id"]]
        assert descriptor["shortDescription"]["text"] == rule.title["en"]
        assert descriptor["fullDescription"]["text"] == rule.basis["en"]
        assert descriptor["helpUri"] == rule.url
        assert descriptor["help"]["text"] == rule.fix["en"]
        assert descriptor["defaultConfiguration"]["level"] == levels[rule.severity]
        assert descriptor["name"].isalnum() and descriptor["name"][0].isupper()


def places(f) -> list[tuple[str, str, str | None, str | None]]:
    """(focus, label, file, location) of each item, or of the finding itself."""
    return [(i.focus, i.label, i.file, i.location) for i in f.items] or [
        (f.focus, f.focus_label, f.file, f.location)
    ]


def test_results_name_their_rule_level_message_and_focus() -> None:
    """In reading order; a question is a note; one logical location per item (or the focus)."""
    found = findings("sv")
    run = valid(render("sarif", found))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    levels = {"error": "error", "warning": "warning", "info": "note"}
    assert [(r["ruleId"], r["properties"]["focus"]) for r in run["results"]] == [
        (f.rule, f.focus) for f in found
    ]
    for f, result in zip(found, run["results"], strict=True):
        assert result["ruleId"] == f.rule == rules[result["ruleIndex"]]["id"]
        assert result["level"] == ("note" if f.kind == "question" else levels[f.severity])
        assert result["message"]["text"] == f.message
        assert result["properties"]["kind"] == f.kind
        assert result["properties"]["group"] == f.group
        assert len(result["locations"]) == len(places(f))
        for (focus, label, _, _), location in zip(places(f), result["locations"], strict=True):
            [logical] = location["logicalLocations"]
            assert logical == {"name": label, "fullyQualifiedName": focus, "kind": "resource"}
        assert "suppressions" not in result
    fingerprints = [r["partialFingerprints"]["samklangFinding/v1"] for r in run["results"]]
    assert len(set(fingerprints)) == len(fingerprints)


def test_questions_are_notes_however_the_rule_is_levelled() -> None:
    found = findings("en")
    run = valid(render("sarif", found, lang="en"))["runs"][0]
    questions = [r for r in run["results"] if r["properties"]["kind"] == "question"]
    assert len(questions) == sum(f.kind == "question" for f in found) > 0
    assert {r["level"] for r in questions} == {"note"}
    # DOC-DECISION is an error rule; asked as a question, its result is still a note.
    levels = {d["id"]: d["defaultConfiguration"]["level"] for d in run["tool"]["driver"]["rules"]}
    asked = {r["ruleId"] for r in questions}
    assert any(levels[rule] != "note" for rule in asked)
    raised = replace(next(f for f in found if f.kind == "question"), severity="error")
    [result] = valid(render("sarif", [raised], lang="en"))["runs"][0]["results"]
    assert result["level"] == "note"


def artifact(file: str) -> dict[str, str]:
    """A file of the dataset is relative to its folder; one outside it (the shared dataset's
    programme) is a whole ``file:`` URI."""
    if Path(file).is_absolute():
        return {"uri": Path(file).as_uri()}
    return {"uri": file, "uriBaseId": "DATASET"}


@pytest.mark.parametrize("rule", ["PER-EXPIRED", "ORG-SIGNATORIES"])
def test_a_grouped_finding_is_one_result_with_a_location_per_item(rule: str) -> None:
    found = findings("sv")
    f = grouped(found, rule)
    run = valid(render("sarif", found))["runs"][0]
    [result] = [
        r for r in run["results"] if r["ruleId"] == rule and r["message"]["text"] == f.message
    ]
    assert len(result["locations"]) == len(f.items) > 1
    for item, location in zip(f.items, result["locations"], strict=True):
        assert location["logicalLocations"][0]["fullyQualifiedName"] == item.focus
        if item.file is None:
            assert "physicalLocation" not in location
        else:
            physical = location["physicalLocation"]
            assert physical["artifactLocation"] == artifact(item.file)
            line = physical["region"]["startLine"]
            assert item.location in (f"row {line}", f"line {line}")


def test_locations_point_at_the_line_in_the_dataset_file() -> None:
    """Each region's line in the file names its item or focus (or the document it falls back to)."""
    found = findings("sv")
    run = valid(render("sarif", found))["runs"][0]
    assert run["originalUriBaseIds"]["DATASET"]["uri"] == VETLANDA.resolve().as_uri() + "/"
    checked = set()
    for f, result in zip(found, run["results"], strict=True):
        for (focus, _, file, place), location in zip(places(f), result["locations"], strict=True):
            if file is None:
                assert "physicalLocation" not in location
                continue
            physical = location["physicalLocation"]
            assert physical["artifactLocation"] == artifact(file)
            line = physical["region"]["startLine"]
            assert place in (f"line {line}", f"row {line}")
            text = (VETLANDA / file).read_text(encoding="utf-8").splitlines()[line - 1]
            ids = {iri.rsplit("/", 1)[-1] for iri in (focus, f.document) if iri}
            assert any(i in text for i in ids), (f.rule, file, line, text)
            checked.add(file)
    assert {"documents.yaml", "activities.csv"} <= checked  # a YAML line and a CSV row


def test_a_spreadsheet_row_has_no_line_region() -> None:
    f = next(f for f in findings("sv") if f.file == "activities.csv" and not f.items)
    moved = replace(f, file="activities.xlsx", location="sheet Aktiviteter, row 7")
    [result] = valid(render("sarif", [moved]))["runs"][0]["results"]
    physical = result["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == "activities.xlsx"
    assert "region" not in physical
    assert result["properties"]["location"] == "sheet Aktiviteter, row 7"


def test_an_accepted_finding_is_an_external_suppression_with_its_reason() -> None:
    run = valid(render("sarif", with_accepted(findings("sv"))))["runs"][0]
    suppressed = [r for r in run["results"] if "suppressions" in r]
    assert len(suppressed) == 1
    [suppression] = suppressed[0]["suppressions"]
    assert suppression["kind"] == "external"
    assert suppression["status"] == "accepted"
    assert suppression["justification"] == ACCEPTANCE["reason"]
    assert suppression["properties"] == {
        "acceptedBy": ACCEPTANCE["by"],
        "acceptedOn": ACCEPTANCE["date"],
    }


def test_rules_not_run_are_disabled_for_the_invocation() -> None:
    found = [f for f in findings("sv") if f.rule == "PER-EXPIRED"]
    run = valid(render("sarif", found, ctx=context(selected=frozenset({"PER-EXPIRED"}))))["runs"][0]
    overrides = run["invocations"][0]["ruleConfigurationOverrides"]
    assert {o["descriptor"]["id"] for o in overrides} == set(catalogue()) - {"PER-EXPIRED"}
    assert all(o["configuration"] == {"enabled": False} for o in overrides)
    rules = run["tool"]["driver"]["rules"]
    assert all(rules[o["descriptor"]["index"]]["id"] == o["descriptor"]["id"] for o in overrides)


def test_locations_can_be_relative_to_the_repository_the_plans_are_kept_in(tmp_path) -> None:
    """Code-review tools find files by their path in the repository, not in the dataset."""

    from samklang.errors import UsageError
    from samklang.report import ReportContext

    repository = tmp_path / "repo"
    copy_vetlanda(repository / "planer" / "vetlanda")
    base = ReportContext.from_dataset(vetlanda())
    ctx = replace(base, path=repository / "planer" / "vetlanda", source_root=repository)
    run = valid(render("sarif", findings("sv"), ctx=ctx))["runs"][0]
    # %SRCROOT% is the consumer's to resolve: the log names no folder of this machine
    assert run["originalUriBaseIds"] == {"SRCROOT": {"description": {"text": "Källkodsroten"}}}
    located = [
        r["locations"][0]["physicalLocation"]
        for r in run["results"]
        if "physicalLocation" in r["locations"][0]
    ]
    uris = {p["artifactLocation"]["uri"] for p in located}
    assert "planer/vetlanda/documents.yaml" in uris
    # Files of the dataset are relative to the source root; the shared programme's file (outside
    # the dataset folder) is a whole file: URI.
    assert all(
        p["artifactLocation"].get("uriBaseId") == "SRCROOT"
        or p["artifactLocation"]["uri"].startswith("file://")
        for p in located
    )
    with pytest.raises(UsageError, match="not inside"):
        render("sarif", findings("sv"), ctx=replace(ctx, source_root=tmp_path / "elsewhere"))


def test_a_file_outside_the_dataset_folder_is_an_absolute_file_uri(tmp_path) -> None:
    f = replace(findings("sv")[0], file=str(tmp_path / "extra.ttl"), location=None)
    [result] = valid(render("sarif", [f]))["runs"][0]["results"]
    artifact = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": (tmp_path / "extra.ttl").as_uri()}


def test_two_findings_of_a_rule_on_one_focus_have_their_own_fingerprints() -> None:
    """Code scanning merges results of one fingerprint; each finding keeps its own, and the
    same from run to run."""
    first = findings("sv")[0]
    second = replace(first, message=first.message + " (en annan period)", facts={"x": "2"})
    prints = [
        [
            r["partialFingerprints"]["samklangFinding/v1"]
            for r in valid(render("sarif", run))["runs"][0]["results"]
        ]
        for run in ([first, second], [first, second], [first])
    ]
    assert len(set(prints[0])) == 2
    assert prints[0] == prints[1]
    assert prints[2] == [fingerprint(first)]  # a finding alone keeps its plain fingerprint
    same = valid(render("sarif", [first, first]))["runs"][0]["results"]
    assert len({r["partialFingerprints"]["samklangFinding/v1"] for r in same}) == 2


def test_every_rule_has_help_in_markdown() -> None:
    rules = valid(render("sarif", findings("sv")))["runs"][0]["tool"]["driver"]["rules"]
    for rule in rules:
        markdown = rule["help"]["markdown"]
        assert markdown.startswith("**") and rule["help"]["text"] in markdown.replace("\\", "")
        if "helpUri" in rule:
            assert f"]({rule['helpUri']})" in markdown


def test_the_cli_writes_paths_relative_to_the_current_directory(
    tmp_path, runner, monkeypatch
) -> None:
    from samklang.cli import cli

    copy_vetlanda(tmp_path / "planer" / "vetlanda")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(
        cli, ["check", "planer/vetlanda", "--format", "sarif", "--fail-on", "never"]
    )
    assert result.exit_code == 0, result.output
    assert "file://" not in result.stdout and str(tmp_path) not in result.stdout
    run = valid(result.stdout)["runs"][0]
    uris = {
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for r in run["results"]
        for loc in r["locations"]
        if "physicalLocation" in loc
    }
    assert "planer/vetlanda/documents.yaml" in uris
    given = runner.invoke(
        cli,
        [
            "check",
            "planer/vetlanda",
            "--format",
            "sarif",
            "--fail-on",
            "never",
            "--source-root",
            "planer",
        ],
    )
    assert '"uri": "vetlanda/documents.yaml"' in given.stdout


def test_a_finding_from_an_xlsx_points_at_the_file_and_names_its_sheet_and_cell(
    tmp_path, runner, monkeypatch
) -> None:
    """An XLSX has no lines: the result points at the workbook (no region) and names the
    sheet and cell as a logical location, the cell where the activity's row starts (its id);
    a CSV row keeps its line and has no cell."""
    import csv

    from openpyxl import Workbook, load_workbook

    from samklang.cli import cli

    folder = copy_vetlanda(tmp_path / "vetlanda")
    with (folder / "activities.csv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    book = Workbook()
    sheet = book.active
    sheet.title = "Aktiviteter"
    for row in rows:
        sheet.append(row)
    book.save(folder / "activities.xlsx")
    (folder / "activities.csv").unlink()
    monkeypatch.chdir(tmp_path)
    args = ["check", "vetlanda", "--format", "sarif", "--fail-on", "never", "--as-of", "2026-11-25"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    run = valid(result.stdout)["runs"][0]
    cells = load_workbook(folder / "activities.xlsx").active
    in_sheet = [
        loc
        for r in run["results"]
        for loc in r["locations"]
        if loc.get("physicalLocation", {}).get("artifactLocation", {}).get("uri")
        == "vetlanda/activities.xlsx"
    ]
    assert in_sheet
    for loc in in_sheet:
        assert "region" not in loc["physicalLocation"]
        resource, cell = loc["logicalLocations"]
        assert cell["kind"] == "cell" and cell["name"].startswith("Aktiviteter!A")
        assert cell["properties"]["sheet"] == "Aktiviteter"
        row = cell["properties"]["row"]
        assert cell["name"] == f"Aktiviteter!A{row}"
        # the cell holds the id of the activity the location names
        assert resource["fullyQualifiedName"].rsplit("/", 1)[1] == cells[f"A{row}"].value
    csv_run = valid(render("sarif", findings("sv")))["runs"][0]
    for r in csv_run["results"]:
        for loc in r["locations"]:
            assert [x["kind"] for x in loc["logicalLocations"]] == ["resource"]
