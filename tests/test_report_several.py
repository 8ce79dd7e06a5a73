"""A check of several datasets at once keeps each finding's dataset, file and line, in JSON,
Markdown and SARIF alike, as a check of each dataset alone does."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from samklang.cli import cli

from .conftest import EXAMPLES, copy_vetlanda
from .test_report_sarif import valid

AS_OF = "2026-11-25"


@pytest.fixture
def planer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder ``planer`` holding Fiktivby and Vetlanda (with its shared dataset), the
    current directory its parent."""
    shutil.copytree(EXAMPLES / "fiktivby", tmp_path / "planer" / "fiktivby")
    copy_vetlanda(tmp_path / "planer" / "vetlanda")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "planer"


def run(runner, *args: str) -> str:
    result = runner.invoke(cli, ["check", *args, "--as-of", AS_OF, "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_json_names_each_findings_dataset_file_and_line(runner, planer: Path) -> None:
    both = json.loads(run(runner, "planer/fiktivby", "planer/vetlanda", "--format", "json"))
    found = both["findings"]
    assert {f["dataset"] for f in found} == {"planer/fiktivby", "planer/vetlanda"}
    assert all(f["file"] and f["location"] for f in found), [
        (f["rule"], f["focus"]) for f in found if not f["file"]
    ]
    # The same place a check of each dataset alone gives.
    alone = {}
    for name in ("fiktivby", "vetlanda"):
        for f in json.loads(run(runner, f"planer/{name}", "--format", "json"))["findings"]:
            assert f["dataset"] == f"planer/{name}"
            alone[f["rule"], f["focus"]] = (f["dataset"], f["file"], f["location"])
    compared = [f for f in found if (f["rule"], f["focus"]) in alone]
    assert len(compared) > 40
    for f in compared:
        assert (f["dataset"], f["file"], f["location"]) == alone[f["rule"], f["focus"]]
    # A file of a dataset is relative to its folder; the shared programme's is its own path.
    files = {(f["dataset"], f["file"]) for f in found}
    assert ("planer/fiktivby", "documents.yaml") in files
    assert ("planer/vetlanda", "documents.yaml") in files
    shared = [f for f in found if "hoglandets" in f["file"]]
    assert shared and all(Path(f["file"]).is_file() for f in shared)
    grouped = [f for f in found if f["items"]]
    assert grouped and all(i["dataset"] and i["file"] for f in grouped for i in f["items"])


def test_markdown_and_html_say_where_in_which_dataset(runner, planer: Path) -> None:
    both = run(runner, "planer/fiktivby", "planer/vetlanda", "--format", "markdown")
    lines = [line for line in both.splitlines() if line.startswith("- **")]
    wheres = both.count("Var i datasetet: `")
    assert wheres == len(lines) > 40
    assert "Var i datasetet: `planer/vetlanda/municipality.yaml, rad 3`" in both
    assert "Var i datasetet: `planer/fiktivby/documents.yaml, rad " in both
    page = run(runner, "planer/fiktivby", "planer/vetlanda", "--format", "html")
    assert "planer/vetlanda/municipality.yaml, rad 3" in page
    assert "planer/fiktivby/documents.yaml, rad " in page
    # One dataset alone: the file within it, as before.
    alone = run(runner, "planer/vetlanda", "--format", "markdown")
    assert "Var i datasetet: `municipality.yaml, rad 3`" in alone
    assert "planer/vetlanda/" not in alone


def test_sarif_points_each_result_at_its_datasets_file(runner, planer: Path) -> None:
    text = run(runner, "planer/fiktivby", "planer/vetlanda", "--format", "sarif")
    [log] = valid(text)["runs"]
    assert str(planer) not in text and "file://" not in text  # relative to %SRCROOT%
    assert log["originalUriBaseIds"].keys() == {"SRCROOT"}
    for result in log["results"]:
        for location in result["locations"]:
            artifact = location["physicalLocation"]["artifactLocation"]
            assert artifact["uriBaseId"] == "SRCROOT"
            assert (Path(artifact["uri"])).is_file(), artifact  # the current directory's
    uris = {
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["results"]
        for loc in r["locations"]
    }
    assert {"planer/fiktivby/documents.yaml", "planer/vetlanda/documents.yaml"} <= uris
    assert "planer/hoglandets-raddningstjanstforbund/programmet.yaml" in uris
    first = next(r for r in log["results"] if r["ruleId"] == "LAW-2023-196-ATGARDSPLAN")
    assert first["properties"]["dataset"] in ("planer/fiktivby", "planer/vetlanda")
    assert first["locations"][0]["physicalLocation"]["region"]["startLine"] > 0


def test_sarif_of_datasets_outside_the_source_root_is_refused(runner, planer: Path) -> None:
    result = runner.invoke(
        cli,
        [
            "check",
            "planer/fiktivby",
            "planer/vetlanda",
            "--format",
            "sarif",
            "--source-root",
            "planer/fiktivby",
        ],
    )
    assert result.exit_code == 2
    assert "planer/vetlanda" in result.stderr and "Traceback" not in result.output


def test_sarif_tools_reads_each_result_with_its_file_and_line(
    runner, planer: Path, tmp_path: Path
) -> None:
    """A consumer nobody on the project wrote (sarif-tools) finds every result of a check of
    two datasets, each at its dataset's file and line."""
    loader = pytest.importorskip("sarif.loader")
    text = run(runner, "planer/fiktivby", "planer/vetlanda", "--format", "sarif")
    (tmp_path / "check.sarif").write_text(text, encoding="utf-8")
    log = loader.load_sarif_file(str(tmp_path / "check.sarif"))
    records = log.get_records()
    assert len(records) == log.get_result_count() == len(json.loads(text)["runs"][0]["results"])
    assert {r["Code"] for r in records} >= {"PER-EXPIRED", "DOC-DECISION"}
    for record in records:
        assert (Path(record["Location"])).is_file(), record
        assert record["Location"].startswith("planer/") and record["Line"] > 0
