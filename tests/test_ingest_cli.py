"""``samklang ingest`` and ``samklang check FILE`` from the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml

from samklang.cli import cli

from .conftest import VETLANDA
from .ingest.builders import HERE, build_docx, build_pdf, write_pdf

SEED = VETLANDA / "kallor" / "plan-brottsforebyggande-arbete-vetlanda-2020-2023.txt"


def test_ingest_writes_a_draft_that_check_accepts(runner, tmp_path: Path) -> None:
    out = tmp_path / "utkast"
    result = runner.invoke(cli, ["ingest", str(SEED), "-o", str(out), "--kod", "0685"])
    assert result.exit_code == 0, result.output
    assert f"{out}/documents.yaml" in result.stdout
    assert "punkter att granska" in result.stderr
    assert "0000" not in result.stderr
    municipality = yaml.safe_load((out / "municipality.yaml").read_text(encoding="utf-8"))
    assert municipality["municipality"]["code"] == "0685"
    checked = runner.invoke(cli, ["check", str(out), "--as-of", "2026-11-25", "--format", "json"])
    assert checked.exit_code == 1, checked.output
    rules = {f["rule"] for f in json.loads(checked.stdout)["findings"]}
    assert "DOC-DECISION" in rules


def test_ingest_without_code_says_so_on_stderr(runner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["ingest", str(SEED), "-o", str(tmp_path / "u"), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "the text states no municipality code; the draft uses the placeholder 0000" in (
        result.stderr
    )


def test_ingest_default_folder_is_beside_the_document(runner, tmp_path: Path) -> None:
    document = tmp_path / "plan.md"
    document.write_bytes((HERE / "sagoasa-samverkansoverenskommelse.md").read_bytes())
    result = runner.invoke(cli, ["ingest", str(document)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "plan-utkast" / "goals.yaml").is_file()
    assert (tmp_path / "plan-utkast" / "activities.csv").is_file()


def test_ingest_refuses_a_folder_that_is_not_empty(runner, tmp_path: Path) -> None:
    (tmp_path / "u").mkdir()
    (tmp_path / "u" / "keep.txt").write_text("mine", encoding="utf-8")
    result = runner.invoke(cli, ["ingest", str(SEED), "-o", str(tmp_path / "u"), "--lang", "en"])
    assert result.exit_code == 2
    assert "it exists and is not an empty folder" in result.stderr
    assert sorted(p.name for p in (tmp_path / "u").iterdir()) == ["keep.txt"]


def test_ingest_bad_code_is_a_usage_error(runner, tmp_path: Path) -> None:
    args = ["ingest", str(SEED), "-o", str(tmp_path / "u"), "--kod", "685", "--lang", "en"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 2
    assert "'685' is not four digits" in result.output
    assert not (tmp_path / "u").exists()


def test_ingest_bad_input_leaves_no_folder(runner, tmp_path: Path) -> None:
    scanned = write_pdf([[]], tmp_path / "skannad.pdf", image_only=True)
    result = runner.invoke(cli, ["ingest", str(scanned), "-o", str(tmp_path / "u"), "--lang", "en"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"samklang: {scanned}: has no text layer")
    assert "Traceback" not in result.output
    assert not (tmp_path / "u").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["skannad.pdf"]


def test_ingest_kommun_names_the_municipality(runner, tmp_path: Path) -> None:
    document = tmp_path / "plan.txt"
    document.write_text(
        "Plan för brottsförebyggande arbete 2024–2027\n\nPlanen gäller 2024-2027.\n",
        encoding="utf-8",
    )
    result = runner.invoke(
        cli, ["ingest", str(document), "-o", str(tmp_path / "u"), "--kommun", "Exempelby kommun"]
    )
    assert result.exit_code == 0, result.output
    data = yaml.safe_load((tmp_path / "u" / "municipality.yaml").read_text(encoding="utf-8"))
    assert data["municipality"]["name"] == "Exempelby kommun"
    assert data["municipality"]["id"] == "exempelby-kommun"


def test_check_a_document_directly_in_every_format(runner, tmp_path: Path) -> None:
    documents = [
        SEED,
        HERE / "pahittsvik-medborgarlofte.txt",
        HERE / "sagoasa-samverkansoverenskommelse.md",
        build_docx(HERE / "fantasiby-plan.docx.txt", tmp_path / "fantasiby-plan.docx"),
        build_pdf(HERE / "fantasifors-atgardsplan.pdf.txt", tmp_path / "plan.pdf"),
    ]
    for document in documents:
        result = runner.invoke(
            cli, ["check", str(document), "--as-of", "2026-11-25", "--format", "json"]
        )
        assert result.exit_code == 1, (document, result.output)
        assert json.loads(result.stdout)["findings"], document
    seed = runner.invoke(cli, ["check", str(SEED), "--as-of", "2026-11-25", "--format", "json"])
    findings = json.loads(seed.stdout)["findings"]
    assert any(
        f["rule"] == "DOC-DECISION" and f["document_label"] == "Plan för brottsförebyggande arbete"
        for f in findings
    )
    # Fantasiby's plan was decided by the council on 14 December 2020: no DOC-DECISION for it.
    fantasiby = runner.invoke(
        cli,
        [
            "check",
            str(tmp_path / "fantasiby-plan.docx"),
            "--as-of",
            "2021-06-01",
            "--format",
            "json",
        ],
    )
    decided = [
        f
        for f in json.loads(fantasiby.stdout)["findings"]
        if f["rule"] == "DOC-DECISION" and f["document"].endswith("/plan")
    ]
    assert decided == []


def test_check_a_scanned_pdf_is_one_sentence(runner, tmp_path: Path) -> None:
    scanned = write_pdf([[]], tmp_path / "skannad.pdf", image_only=True)
    result = runner.invoke(cli, ["check", str(scanned), "--lang", "en"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"samklang: {scanned}: has no text layer (1 page of images, as from a scanner); run text "
        "recognition (OCR) on it first, or give the text as a .txt or .docx file.\n"
    )


def test_check_file_warns_about_the_placeholder_code_on_stderr() -> None:
    """In a real process (no test logging in between), the warning reaches stderr."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from samklang.cli import main; main()",
            "check",
            str(SEED),
            "--as-of",
            "2026-11-25",
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert "kommunkoden står inte i texten" in result.stderr
    assert "platshållaren 0000" in result.stderr
    assert json.loads(result.stdout)["findings"]
