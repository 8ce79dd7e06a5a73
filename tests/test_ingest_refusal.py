"""Input that is not a plan is refused with one sentence and exit 2, and nothing is written."""

from __future__ import annotations

from pathlib import Path

from samklang.cli import cli

from .conftest import VETLANDA
from .test_input_errors import assert_one_clear_sentence


def test_a_samklang_report_fed_back_is_refused(runner, tmp_path: Path) -> None:
    report = runner.invoke(
        cli, ["check", str(VETLANDA), "--format", "markdown", "--as-of", "2026-11-25"]
    )
    assert report.exit_code == 1, report.output
    source = tmp_path / "rapport.md"
    source.write_text(report.stdout, encoding="utf-8")
    out = tmp_path / "utkast"
    result = runner.invoke(cli, ["ingest", str(source), "-o", str(out), "--lang", "en"])
    assert_one_clear_sentence(result, ["rapport.md", "is a report of samklang's findings"])
    assert not out.exists()


def test_a_random_markdown_file_is_refused(runner, tmp_path: Path) -> None:
    source = tmp_path / "anteckningar.md"
    source.write_text(
        "# Inköpslista\n\n- mjölk\n- bröd\n\nKom ihåg att ringa Eva om mötet.\n", encoding="utf-8"
    )
    out = tmp_path / "utkast"
    result = runner.invoke(cli, ["ingest", str(source), "-o", str(out), "--lang", "en"])
    assert_one_clear_sentence(
        result, ["anteckningar.md", "no document title", "no organisation", "were found"]
    )
    assert not out.exists()
    checked = runner.invoke(cli, ["check", str(source), "--lang", "en"])
    assert_one_clear_sentence(checked, ["anteckningar.md", "is not a plan document"])


def test_a_plan_whose_title_names_no_kind_is_still_read(runner, tmp_path: Path) -> None:
    """No title line names the kind, but the text names the municipality and the plan."""
    source = tmp_path / "trygghet.txt"
    source.write_text(
        "OBS: Påhittat exempel; Drömmevik kommun finns inte.\n\n"
        "Tillsammans för ett tryggare Drömmevik\n\n"
        "Detta är Drömmevik kommuns plan för brottsförebyggande arbete. Planen gäller 2025-2027.\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["ingest", str(source), "-o", str(tmp_path / "u")])
    assert result.exit_code == 0, result.output
