"""The input limits (samklang/graph/limits.py): an input at a limit is read, one over it is
refused with one sentence naming the file (and the row or line), the limit, and what to leave
out; exit status 2, no traceback. Time and memory at the limits: benchmarks/input_limits.py."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from samklang.cli import cli
from samklang.graph.dataset import load_dataset_folder
from samklang.graph.limits import (
    MAX_DATASET_BYTES,
    MAX_FILE_BYTES,
    MAX_OBSERVATIONS,
    MAX_RECORDS,
    MAX_UNZIPPED_BYTES,
)
from tests.conftest import EXAMPLES, copy_vetlanda


def refused(runner: CliRunner, dataset: Path) -> str:
    """The one sentence ``check --lang en`` refuses the dataset with (exit status 2)."""
    result = runner.invoke(cli, ["check", "--lang", "en", str(dataset)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def pad_to(path: Path, size: int) -> None:
    """Make a YAML file exactly ``size`` bytes by a comment at its end."""
    data = path.read_bytes()
    comment = b"# " + b"x" * (size - len(data) - 3) + b"\n"
    path.write_bytes(data + comment)
    assert path.stat().st_size == size


def grow_activities(dataset: Path, rows: int) -> None:
    path = dataset / "activities.csv"
    lines = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(lines[0])
        for i in range(rows):
            row = list(lines[1 + i % (len(lines) - 1)])
            row[0] = f"{row[0]}-{i}"
            writer.writerow(row)


# --- a file --------------------------------------------------------------------------------


def test_a_yaml_file_of_2_mb_is_read(vetlanda_copy: Path) -> None:
    pad_to(vetlanda_copy / "documents.yaml", MAX_FILE_BYTES)
    assert load_dataset_folder(vetlanda_copy).code == "0685"


@pytest.mark.parametrize("name", ["documents.yaml", "activities.csv"])
def test_a_file_over_2_mb_is_refused_naming_it_and_the_limit(
    runner: CliRunner, vetlanda_copy: Path, name: str
) -> None:
    path = vetlanda_copy / name
    if name.endswith(".yaml"):
        pad_to(path, MAX_FILE_BYTES + 1)
    else:
        grow_activities(vetlanda_copy, 12_000)
        assert path.stat().st_size > MAX_FILE_BYTES
    said = refused(runner, vetlanda_copy)
    assert said.startswith(f"samklang: {path}: is ")
    assert "MB; samklang reads a dataset's files up to 2 MB each" in said


def test_a_size_just_over_the_limit_is_not_written_as_the_limit(
    runner: CliRunner, vetlanda_copy: Path
) -> None:
    pad_to(vetlanda_copy / "documents.yaml", MAX_FILE_BYTES + 1)
    assert ": is 2.1 MB;" in refused(runner, vetlanda_copy)


def test_the_swedish_sentence(runner: CliRunner, vetlanda_copy: Path) -> None:
    pad_to(vetlanda_copy / "documents.yaml", MAX_FILE_BYTES + 1)
    result = runner.invoke(cli, ["check", str(vetlanda_copy)])
    assert result.exit_code == 2
    assert "är 2.1 MB; samklang läser filer i ett dataset på högst 2 MB var" in result.stderr


def test_a_dataset_over_10_mb_is_refused_before_any_file_is_read(
    runner: CliRunner, vetlanda_copy: Path
) -> None:
    for n in range(MAX_DATASET_BYTES // MAX_FILE_BYTES + 1):
        (vetlanda_copy / f"extra{n}.yaml").write_text("bad: [unclosed\n" + "#" * 1_900_000)
    said = refused(runner, vetlanda_copy)
    assert said.startswith(f"samklang: {vetlanda_copy}: holds 11.5 MB of files")
    assert "samklang reads up to 10 MB in a dataset" in said  # not extra0.yaml's bad YAML


# --- records and figures ----------------------------------------------------------------------


@pytest.mark.slow  # reads 5000 activity rows twice
def test_5000_records_are_read_and_one_more_is_refused_at_its_row(
    runner: CliRunner, vetlanda_copy: Path
) -> None:
    others = _yaml_records(vetlanda_copy)
    grow_activities(vetlanda_copy, MAX_RECORDS - others)
    load_dataset_folder(vetlanda_copy)  # at the limit: read
    grow_activities(vetlanda_copy, MAX_RECORDS - others + 1)
    said = refused(runner, vetlanda_copy)
    last = MAX_RECORDS - others + 2  # the header is row 1
    assert said.startswith(f"samklang: {vetlanda_copy / 'activities.csv'}, row {last}: ")
    assert "is one record too many: samklang reads up to 5000 records" in said


def _yaml_records(dataset: Path) -> int:
    from samklang.graph.dataset import _records_of_yaml, dataset_files

    return sum(len(_records_of_yaml(f, {}, 0)) for f in dataset_files(dataset)[0])


def test_yaml_items_over_the_limit_are_refused_at_the_first_one_too_many(
    runner: CliRunner, vetlanda_copy: Path
) -> None:
    others = _yaml_records(vetlanda_copy)
    lines = ["organisations:"]
    for i in range(MAX_RECORDS - others + 1):
        lines += [f"  - id: org-{i}", f"    name: Org {i}", "    type: organisation"]
    (vetlanda_copy / "zz-organisations.yaml").write_text("\n".join(lines) + "\n")
    said = refused(runner, vetlanda_copy)
    line = 2 + 3 * (MAX_RECORDS - others)
    assert said.startswith(f"samklang: {vetlanda_copy / 'zz-organisations.yaml'}, line {line}: ")
    assert "is one record too many" in said


def test_figures_over_the_limit_are_refused_naming_the_file(
    runner: CliRunner, tmp_path: Path
) -> None:
    import shutil

    dataset = tmp_path / "fiktivby"
    shutil.copytree(EXAMPLES / "fiktivby", dataset)
    path = next(dataset.glob("kolada-*.json"))
    data = json.loads(path.read_text(encoding="utf-8"))
    first = data["values"][0]
    data["values"] = [
        {**first, "municipality": f"{100 + i // 20:04d}", "period": 2000 + i % 20}
        for i in range(MAX_OBSERVATIONS + 1)
    ]
    path.write_text(json.dumps(data), encoding="utf-8")
    said = refused(runner, dataset)
    assert said.startswith(f"samklang: {path}: brings the dataset's figures to ")
    assert "samklang reads up to 5000 in a dataset" in said


# --- workbooks ---------------------------------------------------------------------------------


def test_a_workbook_that_unpacks_to_more_than_10_mb_is_refused_unread(
    runner: CliRunner, vetlanda_copy: Path
) -> None:
    (vetlanda_copy / "activities.csv").unlink()
    bomb = vetlanda_copy / "activities.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (MAX_UNZIPPED_BYTES + 1))
    assert bomb.stat().st_size < 100_000
    said = refused(runner, vetlanda_copy)
    assert said == (
        f"samklang: {bomb}: unpacks to 10.1 MB; samklang reads workbooks that unpack to up to "
        "10 MB (an activity list of 5000 rows unpacks to 4 MB; save the list alone in a "
        "workbook of its own)."
    )


def test_a_workbook_under_the_limits_is_read(tmp_path: Path) -> None:
    import openpyxl

    dataset = copy_vetlanda(tmp_path / "vetlanda")
    rows = list(csv.reader((dataset / "activities.csv").read_text(encoding="utf-8").splitlines()))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Aktiviteter"
    for row in rows:
        sheet.append(row)
    book.save(dataset / "activities.xlsx")
    (dataset / "activities.csv").unlink()
    loaded = load_dataset_folder(dataset)
    assert len(loaded.quads) == len(load_dataset_folder(EXAMPLES / "vetlanda").quads)
