"""Report formats in common: one writer signature, old imports, accepted findings, text and JSON."""

from __future__ import annotations

import inspect
import io
import json
import re
import subprocess
import sys
from dataclasses import replace

import pytest

from samklang.queries.check import reading_order
from samklang.queries.rule import GROUPS
from samklang.report import FORMATS, ReportContext, summary, write_json, write_text
from samklang.report.words import WORDS, left_out_line, sections

from .conftest import ROOT
from .report.helpers import (
    ACCEPTANCE,
    AS_OF,
    IMG,
    LEFT_OUT,
    context,
    findings,
    hostile,
    render,
    section_keys,
    section_titles,
    with_accepted,
)

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


def text_rows(text: str) -> list[tuple[str, str]]:
    """The (severity, rule) of each row of the text report's tables, top to bottom."""
    return re.findall(r"^│ (\S+)\s*│ ([A-Z][A-Z0-9-]+)\s*│", text, re.MULTILINE)


def test_text_report_lists_every_finding_under_its_section() -> None:
    """A table per section, titled, in GROUPS order with the questions last."""
    found = findings("sv")
    text = render("text", found)
    titles = section_titles(found)
    assert [line.strip() for line in text.splitlines() if line.strip() in titles] == titles
    for group in sections(found, "sv"):
        assert group.title in text
    assert text.count("DOC-DECISION") == sum(f.rule == "DOC-DECISION" for f in findings("sv"))
    assert " ".join(text.split()).endswith(" ".join(summary(findings("sv"), "sv", AS_OF).split()))


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
    assert f"{warnings - 1} warnings" in after and "1 accepted) as of 2026-11-25." in after
    open_first = [f for f in with_accepted(found) if not f.accepted][:3]
    assert after.endswith(
        " First: " + ", ".join(f"{f.rule} ({f.focus_label})" for f in open_first) + "."
    )
    everything = [replace(f, accepted=dict(ACCEPTANCE)) for f in found]
    assert (
        summary(everything, "sv", AS_OF)
        == f"{len(found)} fynd ({len(found)} accepterade) per 2026-11-25."
    )


def test_json_report_keeps_its_shape_and_carries_the_acceptance() -> None:
    data = json.loads(render("json", with_accepted(findings("sv"))))
    assert data["as_of"] == "2026-11-25"
    assert data["left_out"] == []
    first = data["findings"][0]
    assert {"rule", "severity", "focus", "document", "message", "accepted", "file"} <= set(first)
    assert {"kind", "group", "items"} <= set(first)
    accepted = [f for f in data["findings"] if f["accepted"]]
    assert [f["accepted"] for f in accepted] == [ACCEPTANCE]


def test_sections_put_accepted_findings_last_in_their_section() -> None:
    groups = sections(with_accepted(findings("sv")), "sv")
    [group] = [g for g in groups if any(f.accepted for f in g.findings)]
    assert group.findings[-1].accepted == ACCEPTANCE
    assert all(f.accepted is None for f in group.findings[:-1])


def test_an_acceptance_written_in_the_dataset_shows_in_every_format(vetlanda_copy) -> None:
    """End to end: a planner's ``accepted:`` entry, read by check, marked in each report."""
    from samklang.graph.source_kind import load_dataset
    from samklang.queries.check import check

    (vetlanda_copy / "accepted.yaml").write_text(
        "accepted:\n"
        "  - rule: PER-EXPIRED\n"
        "    focus: samverkansoverenskommelse\n"
        "    by: Kommunstyrelsens förvaltning\n"
        "    date: 2026-11-20\n"
        "    reason: Ett nytt handlingsprogram beslutas i december.\n",
        encoding="utf-8",
    )
    dataset = load_dataset(vetlanda_copy)
    found = check(dataset, as_of=AS_OF, lang="sv")
    [accepted] = [f for f in found if f.accepted]
    assert accepted.rule == "PER-EXPIRED" and accepted.focus.endswith("/samverkansoverenskommelse")
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


def test_vetlanda_has_what_the_order_tests_need() -> None:
    """The tests below are not vacuous: several groups, questions, grouped findings."""
    found = findings("sv")
    keys = section_keys(found)
    assert len(keys) >= 4 and keys[-1] == "questions"
    assert any(f.kind == "question" for f in found) and any(f.kind == "defect" for f in found)
    assert any(len(f.items) > 1 for f in found)
    assert {f.kind for f in found} <= {"defect", "question"}
    assert {f.group for f in found} <= set(GROUPS)
    assert all(f.severity == "info" for f in found if f.kind == "question")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_findings_come_in_reading_order(lang: str) -> None:
    """Groups in GROUPS order, then severity, document, rule; every question after every defect."""
    found = list(findings(lang))
    assert found == sorted(found, key=reading_order)
    kinds = [f.kind for f in found]
    assert kinds == sorted(kinds, key=lambda k: k == "question")  # questions last
    defects = [GROUPS.index(f.group) for f in found if f.kind == "defect"]
    assert defects == sorted(defects)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_sections_are_in_groups_order_with_questions_last_whatever_the_input_order(
    lang: str,
) -> None:
    found = findings(lang)
    for given in (list(found), list(reversed(found))):
        groups = sections(given, lang)
        assert [g.key for g in groups] == section_keys(found)
        assert [g.title for g in groups] == section_titles(found, lang)
        assert all(f.kind == "question" for f in groups[-1].findings)
        for g in groups[:-1]:
            assert all(f.kind == "defect" and f.group == g.key for f in g.findings)
        assert sorted(map(id, (f for g in groups for f in g.findings))) == sorted(map(id, given))
    kept = sections(found, lang)  # the order within a section is the given (reading) order
    assert [f for g in kept for f in g.findings] == list(found)


def test_text_report_rows_follow_reading_order_and_mark_questions() -> None:
    found = findings("sv")
    text = render("text", found)
    expected = [
        ("fråga" if f.kind == "question" else WORDS["sv"][f.severity], f.rule) for f in found
    ]
    assert text_rows(text) == expected
    assert ("fråga", "ORG-SIGNATORIES") in expected  # Vetlanda's unrecorded decision is asked


def test_json_findings_follow_reading_order_with_kind_group_and_items() -> None:
    found = findings("sv")
    data = json.loads(render("json", found))
    assert [(f["rule"], f["focus"]) for f in data["findings"]] == [(f.rule, f.focus) for f in found]
    assert [f["kind"] for f in data["findings"]] == [f.kind for f in found]
    assert [f["group"] for f in data["findings"]] == [f.group for f in found]
    for got, f in zip(data["findings"], found, strict=True):
        assert got["items"] == [
            {
                "focus": i.focus,
                "label": i.label,
                "message": i.message,
                "dataset": i.dataset,
                "file": i.file,
                "location": i.location,
            }
            for i in f.items
        ]
    assert all(f["severity"] == "info" for f in data["findings"] if f["kind"] == "question")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_summary_counts_questions_apart_and_names_the_three_first(lang: str) -> None:
    found = findings(lang)
    w = WORDS[lang]
    defects = [f for f in found if f.kind == "defect"]
    questions = sum(f.kind == "question" for f in found)
    parts = []
    for severity, one, many in (
        ("error", "error", "errors"),
        ("warning", "warning", "warnings"),
        ("info", "info", "infos"),
    ):
        n = sum(f.severity == severity for f in defects)
        if n:
            parts.append(f"{n} {w[one if n == 1 else many]}")
    parts.append(f"{questions} {w['question' if questions == 1 else 'questions']}")
    first = ", ".join(f"{f.rule} ({f.focus_label})" for f in found[:3])
    counts = ", ".join(parts)
    line = summary(found, lang, AS_OF)
    if lang == "sv":
        assert line == f"{len(found)} fynd ({counts}) per 2026-11-25. Först: {first}."
    else:
        assert line == f"{len(found)} findings ({counts}) as of 2026-11-25. First: {first}."
    only_questions = [f for f in found if f.kind == "question"]
    assert summary(only_questions, "sv", AS_OF).startswith(
        f"{questions} fynd ({questions} frågor) per 2026-11-25. Först: "
    )


def test_left_out_documents_are_named_in_text_markdown_html_and_json() -> None:
    from html import escape as html_escape

    from samklang.report.markdown import escape as md_escape

    found = findings("sv")
    ctx = context(left_out=LEFT_OUT)
    line = left_out_line(LEFT_OUT, "sv", AS_OF)
    assert line is not None
    assert line.startswith("Dokument som inte fanns per 2026-11-25 och därför inte granskas: ")
    assert '"Medborgarlöfte 2027" (beslutat 2027-01-15)' in line
    assert "(perioden börjar 2027-03-01; inget beslutsdatum är registrerat)" in line
    text = render("text", found, ctx=ctx)
    assert " ".join(line.split()) in " ".join(text.split())
    markdown = render("markdown", found, ctx=ctx)
    assert f"\n{md_escape(line)}\n" in markdown and IMG not in markdown
    html = render("html", found, ctx=ctx)
    assert f'<p class="left-out">{html_escape(line)}</p>' in html and IMG not in html
    data = json.loads(render("json", found, ctx=ctx))
    assert data["left_out"] == [
        {"document": d.iri, "title": d.title, "since": d.since.isoformat(), "how": d.how}
        for d in LEFT_OUT
    ]
    english = left_out_line(LEFT_OUT, "en", AS_OF)
    assert english and english.startswith("Documents that did not exist on 2026-11-25")
    english_text = render("text", findings("en"), lang="en", ctx=ctx)
    assert " ".join(english.split()) in " ".join(english_text.split())
    # Without documents left out, no such line.
    assert left_out_line((), "sv", AS_OF) is None
    for name in ("text", "markdown", "html"):
        assert "inte fanns per" not in render(name, found)
    assert 'class="left-out"' not in render("html", found)


def test_checking_a_folder_imports_no_other_format_nor_the_http_client() -> None:
    """``samklang check DIR`` writing text starts without the HTML page's templates (jinja2),
    the SARIF writer, urllib's HTTP client (asked for an endpoint only), the ingest package
    (asked for a plan document only), rich (its tables are written without it to a file or
    a pipe: samklang/report/plain_table.py) or the catalogue of error sentences (read when an
    error is said): a new process's start-up is most of a quick check."""
    heavy = (
        "{'jinja2', 'samklang.report.html', 'samklang.report.sarif', 'urllib.request',"
        " 'samklang.graph.store.endpoint', 'samklang.graph.ingest', 'rich',"
        " 'samklang.messages.catalogue'}"
    )
    code = (
        "import sys\n"
        "from samklang.cli import main\n"
        "sys.argv = ['samklang', 'check', 'examples/vetlanda', '--as-of', '2026-11-25']\n"
        "try:\n    main()\nexcept SystemExit as done:\n    status = done.code\n"
        f"print(status, sorted({heavy} & set(sys.modules)), file=sys.stderr)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stderr.strip().splitlines()[-1] == "1 []"


def test_json_report_is_the_standard_librarys_indented_json(tmp_path) -> None:
    """The JSON report's own encoder writes what ``json.dump(..., indent=2)`` wrote before,
    character for character: findings with items, acceptances, titles with quotes, markup
    and non-ASCII letters, documents left out, an endpoint's graphs, and no findings at all."""
    from dataclasses import asdict

    from samklang.report.json import write_json

    hostile_found, _ = hostile(tmp_path)
    cases = [
        (with_accepted(findings("sv")), LEFT_OUT, None, ()),
        (hostile_found, (), "http://localhost:8890/sparql", ("urn:a", "urn:b")),
        ([], (), "http://localhost:8890/sparql", ()),
    ]
    assert any(f.items for f in hostile_found) and any(f.facts for f in hostile_found)
    for found, left_out, endpoint, graphs in cases:
        out = io.StringIO()
        write_json(found, out, AS_OF, left_out, endpoint, graphs)
        head: dict[str, object] = {"as_of": AS_OF.isoformat()}
        if endpoint is not None:
            head |= {"endpoint": endpoint, "graphs": list(graphs)}
        expected = {
            **head,
            "left_out": [
                {"document": d.iri, "title": d.title, "since": d.since.isoformat(), "how": d.how}
                for d in left_out
            ],
            "findings": [asdict(f) for f in found],
        }
        assert [f.as_dict() for f in found] == expected["findings"]
        assert out.getvalue() == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"
