"""What samklang prints to a terminal cannot drive it: control characters from the data (a
label with an ANSI colour or window-title escape, read from a Turtle file) are written out in
the text report, the query table and error messages."""

from __future__ import annotations

import dataclasses
import io
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from samklang.cli import cli
from samklang.queries.finding import Finding
from samklang.report.text import write_text
from samklang.terminal import printable

ESCAPES = "röd\x1b[31m titel\x1b]0;pwned\x07 \x9b2J\u2028slut"


def test_printable_writes_each_control_character_out() -> None:
    assert printable(ESCAPES) == "röd\\x1b[31m titel\\x1b]0;pwned\\x07 \\x9b2J\\u2028slut"
    assert printable("två\nrader", keep="\n") == "två\nrader"
    assert printable("å ä ö – ✓") == "å ä ö – ✓"  # text stays as it is


def test_the_query_table_writes_a_labels_escapes_out(
    runner: CliRunner, vetlanda_copy: Path
) -> None:
    (vetlanda_copy / "extra.ttl").write_text(
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        '<activity/ml2020-est> rdfs:comment "röd\\u001B[31m titel\\u001B]0;pwned\\u0007" .\n',
        encoding="utf-8",
    )
    result = runner.invoke(
        cli,
        ["query", "--sparql", "SELECT ?c WHERE { ?s rdfs:comment ?c }", str(vetlanda_copy)],
    )
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "röd\\x1b[31m titel\\x1b]0;pwned\\x07" in result.stdout


def test_the_text_report_writes_a_messages_escapes_out() -> None:
    fields = {f.name: None for f in dataclasses.fields(Finding)}
    finding = Finding(**{  # type: ignore[arg-type]
        **fields,
        "rule": "DOC-DECISION", "severity": "warning", "kind": "defect", "group": "validity",
        "focus": "https://w3id.org/samklang/data/0685/document/plan", "focus_label": ESCAPES,
        "message": f"Dokumentet \"{ESCAPES}\" saknar beslut.", "title": "t", "basis": "b",
        "url": "u", "fix": f"Ange beslutet för {ESCAPES}.", "facts": {},
    })
    for terminal in (False, True):
        out = io.StringIO()
        write_text([finding], out, "sv", date(2026, 12, 3), terminal=terminal)
        text = out.getvalue().replace("\x1b[", "")  # rich's own colours, on a terminal
        assert "\x07" not in text and "\x9b" not in text and "\x1b]" not in text
        assert "\\x1b]0;pwned\\x07" in "".join(text.split())


def test_an_error_quoting_a_line_break_stays_one_line(
    runner: CliRunner, vetlanda_copy: Path
) -> None:
    (vetlanda_copy / "extra.ttl").write_text("<a> <b> <https://x.org/\x1b[2Jc\nd> .\n")
    result = runner.invoke(cli, ["check", "--lang", "en", str(vetlanda_copy)])
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "\x1b" not in result.stderr
