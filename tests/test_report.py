"""Report formats in common: one writer signature, old imports, accepted findings, text and JSON."""

from __future__ import annotations

import inspect
import io
import json
import subprocess
import sys
from dataclasses import replace

import pytest

from samklang.report import FORMATS, ReportContext, summary, write_json, write_text
from samklang.report.words import by_document

from .conftest import ROOT
from .report.helpers import ACCEPTANCE, AS_OF, context, findings, render, with_accepted

NAMES = ["text", "json", "markdown", "html", "sarif", "turtle"]


def test_formats_are_the_six_of_the_issue() -> None:
    assert list(FORMATS) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_every_writer_has_the_one_signature(name: str) -> None:
    params = inspect.signature(FORMATS[name]).parameters
    assert list(params) == ["findings", "stream", "lang", "as_of", "context"]
    assert [params[p].kind for p in ("lang", "as_of", "context")] == [
        inspect.Parameter.KEYWORD_ONLY
    ] * 3


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_format_writes_vetlanda_and_an_empty_result(name: str, lang: str) -> None:
    full = render(name, findings(lang), lang=lang)
    empty = render(name, [], lang=lang, ctx=ReportContext())
    assert full.strip() and empty.strip()
    assert len(full) > len(empty)
    if name not in ("json", "turtle", "sarif"):  # the reports people read say it was clean
        assert ("Inga fynd" if lang == "sv" else "No findings") in empty


def test_old_imports_and_signatures_still_work() -> None:
    """samklang/commands/check.py calls write_text and write_json positionally."""
    found = findings("sv")
    old, new = io.StringIO(), io.StringIO()
    write_text(found, old, "sv", AS_OF, False)
    FORMATS["text"](found, new, lang="sv", as_of=AS_OF, context=context(terminal=False))
    assert old.getvalue() == new.getvalue()
    old, new = io.StringIO(), io.StringIO()
    write_json(found, old, AS_OF)
    FORMATS["json"](found, new, lang="sv", as_of=AS_OF, context=context())
    assert old.getvalue() == new.getvalue()


def test_importing_the_reports_stays_cheap() -> None:
    """rich, rdflib and the check engine are imported when a report is written, not before.

    So the CLI can take ``--format`` choices from ``FORMATS`` and ``samklang --help`` stays fast.
    """
    heavy = "{'rich', 'rdflib', 'pyoxigraph', 'samklang.queries.check'}"
    code = f"import sys, samklang.report; print(sorted({heavy} & set(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "[]"


def test_text_report_lists_every_finding_under_its_document() -> None:
    text = render("text", findings("sv"))
    for group in by_document(findings("sv"), "sv"):
        assert group.title in text
    assert text.count("DOC-DECISION") == sum(f.rule == "DOC-DECISION" for f in findings("sv"))
    assert text.splitlines()[-1] == summary(findings("sv"), "sv", AS_OF)


def test_text_report_shows_who_accepted_a_finding_and_why() -> None:
    found = with_accepted(findings("sv"))
    text = render("text", found)
    assert "(accepterat)" in text
    assert "Anna Andersson" in " ".join(text.split())
    last = text.splitlines()[-1]
    assert last.startswith(f"{len(found)} fynd (") and "1 accepterat" in last


def test_summary_counts_an_accepted_finding_apart_from_the_open_ones() -> None:
    found = findings("en")
    warnings = sum(f.severity == "warning" for f in found)
    before = summary(found, "en", AS_OF)
    after = summary(with_accepted(found), "en", AS_OF)
    assert f"{warnings} warnings" in before and "accepted" not in before
    assert f"{warnings - 1} warnings" in after and after.endswith("1 accepted) as of 2026-11-25.")
    everything = [replace(f, accepted=dict(ACCEPTANCE)) for f in found]
    assert (
        summary(everything, "sv", AS_OF)
        == f"{len(found)} fynd ({len(found)} accepterade) per 2026-11-25."
    )


def test_json_report_keeps_its_shape_and_carries_the_acceptance() -> None:
    data = json.loads(render("json", with_accepted(findings("sv"))))
    assert data["as_of"] == "2026-11-25"
    first = data["findings"][0]
    assert {"rule", "severity", "focus", "document", "message", "accepted", "file"} <= set(first)
    accepted = [f for f in data["findings"] if f["accepted"]]
    assert [f["accepted"] for f in accepted] == [ACCEPTANCE]


def test_groups_put_accepted_findings_last_in_their_document() -> None:
    groups = by_document(with_accepted(findings("sv")), "sv")
    [group] = [g for g in groups if any(f.accepted for f in g.findings)]
    assert group.findings[-1].accepted == ACCEPTANCE
    assert all(f.accepted is None for f in group.findings[:-1])


def test_an_acceptance_written_in_the_dataset_shows_in_every_format(vetlanda_copy) -> None:
    """End to end: a planner's ``accepted:`` entry, read by check, marked in each report."""
    from samklang.graph.dataset import load_dataset
    from samklang.queries.check import check

    (vetlanda_copy / "accepted.yaml").write_text(
        "accepted:\n"
        "  - rule: PER-EXPIRED\n"
        "    focus: handlingsprogram\n"
        "    by: Kommunstyrelsens förvaltning\n"
        "    date: 2026-11-20\n"
        "    reason: Ett nytt handlingsprogram beslutas i december.\n",
        encoding="utf-8",
    )
    dataset = load_dataset(vetlanda_copy)
    found = check(dataset, as_of=AS_OF, lang="sv")
    [accepted] = [f for f in found if f.accepted]
    assert accepted.rule == "PER-EXPIRED" and accepted.focus.endswith("/handlingsprogram")
    ctx = ReportContext.from_dataset(dataset)
    why = "Ett nytt handlingsprogram beslutas i december."
    for name in NAMES:
        out = render(name, found, ctx=ctx)
        if name == "text":  # the table wraps the reason inside its cell
            assert "(accepterat)" in out and "Kommunstyrelsens" in out
        else:
            assert why in out, name
    assert "Accepterat av Kommunstyrelsens förvaltning (2026-11-20)" in render(
        "html", found, ctx=ctx
    )
    sarif = json.loads(render("sarif", found, ctx=ctx))
    assert [r["ruleId"] for r in sarif["runs"][0]["results"] if "suppressions" in r] == [
        "PER-EXPIRED"
    ]


def test_docs_describe_every_format_and_every_context_field() -> None:
    """docs/reports.md cannot drift from FORMATS and ReportContext."""
    from dataclasses import fields

    doc = (ROOT / "docs" / "reports.md").read_text(encoding="utf-8")
    headings = [line for line in doc.splitlines() if line.startswith("## ")]
    for name in FORMATS:
        assert any(h.startswith(f"## `{name}` — ") for h in headings), name
    for field in fields(ReportContext):
        assert f"`{field.name}`" in doc, field.name
