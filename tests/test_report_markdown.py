"""The Markdown report: a summary table and a list per section that a wiki renders as meant."""

from __future__ import annotations

import re

import pytest

from samklang.report.markdown import escape
from samklang.report.words import item_lines

from .report.helpers import (
    IMG,
    PIPE,
    STYLE,
    findings,
    grouped,
    hostile,
    render,
    section_keys,
    section_titles,
    with_accepted,
)


def table(text: str) -> list[list[str]]:
    """The summary table's rows, split at unescaped pipes."""
    lines = [line for line in text.splitlines() if line.startswith("|")]
    return [[c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]] for line in lines]


def counts(found) -> list[str]:
    """[errors, warnings, info, questions, accepted, total] of ``found``, worked out directly."""
    open_defects = [f for f in found if f.kind == "defect" and not f.accepted]
    return [
        *(str(sum(f.severity == s for f in open_defects)) for s in ("error", "warning", "info")),
        str(sum(f.kind == "question" and not f.accepted for f in found)),
        str(sum(bool(f.accepted) for f in found)),
        str(len(found)),
    ]


def test_title_summary_and_a_heading_per_section_in_order_questions_last() -> None:
    found = findings("sv")
    text = render("markdown", found)
    first = text.splitlines()[0]
    assert first.startswith("# Vetlanda kommun") and "2026-11-25" in first
    headings = [line[3:] for line in text.splitlines() if line.startswith("## ")]
    assert headings == ["Fynd per avsnitt och allvarlighetsgrad", *section_titles(found)]
    assert headings[-1] == "Frågor att besvara"
    assert "\n## Kommunen i stort\n" not in text  # no heading per document any more


def test_summary_table_counts_by_section_severity_and_questions() -> None:
    found = findings("en")
    rows = table(render("markdown", found, lang="en"))
    assert rows[0] == [
        "Section",
        "Errors",
        "Warnings",
        "Info",
        "Questions",
        "Accepted",
        "Total",
    ]
    assert set(rows[1]) == {"---", "---:"}
    assert [row[0] for row in rows[2:]] == [*section_titles(found, "en"), "**Total**"]
    by_name = {row[0]: row[1:] for row in rows[2:]}
    titles = section_titles(found, "en")
    for key, title in zip(section_keys(found)[:-1], titles[:-1], strict=True):
        assert by_name[title] == counts([f for f in found if f.kind == "defect" and f.group == key])
    assert by_name["Questions to answer"] == counts([f for f in found if f.kind == "question"])
    assert by_name["**Total**"] == counts(found)
    assert all(len(row) == 7 for row in rows)


def test_items_follow_reading_order_and_questions_say_fraga() -> None:
    found = findings("sv")
    text = render("markdown", found)
    items = re.findall(r"^- \*\*([^*]+)\*\* · `([^`]+)` · ", text, re.MULTILINE)
    severity = {"error": "Fel", "warning": "Varning", "info": "Info"}
    assert items == [
        ("Fråga" if f.kind == "question" else severity[f.severity], f.rule) for f in found
    ]
    assert ("Fråga", "ORG-SIGNATORIES") in items
    questions = text.split("\n## Frågor att besvara\n", 1)[1]
    assert questions.count("\n- **Fråga** · ") == sum(f.kind == "question" for f in found)
    assert "- **Fråga**" not in text.split("\n## Frågor att besvara\n", 1)[0]
    english = render("markdown", findings("en"), lang="en")
    assert "\n- **Question** · " in english.split("\n## Questions to answer\n", 1)[1]


@pytest.mark.parametrize(("rule", "places"), [("PER-EXPIRED", True), ("ORG-SIGNATORIES", True)])
def test_a_grouped_finding_lists_its_items_with_their_places(rule: str, places: bool) -> None:
    found = findings("sv")
    f = grouped(found, rule)
    text = render("markdown", found)
    [item] = [
        line
        for line in text.splitlines()
        if line.startswith("- **") and f"`{rule}`" in line and escape(f.message) in line
    ]
    block = text.split(item, 1)[1].split("\n- ", 1)[0]
    [facts] = [line for line in block.splitlines() if line.startswith("  - Underlag: ")]
    listed = ", ".join(escape(line) for line in item_lines(f, "sv"))
    assert f"; Gäller: {listed}" in facts
    for i in f.items:
        if places:
            assert f"{escape(i.label)} ({i.file}, rad {i.location.split()[-1]})" in facts
        else:
            assert i.file is None and f"{escape(i.label)} (" not in facts
    english = render("markdown", findings("en"), lang="en")
    assert "; Concerns: " in english


def test_each_finding_is_an_item_with_rule_severity_message_fix_and_basis_link() -> None:
    found = findings("sv")
    text = render("markdown", found)
    items = [line for line in text.splitlines() if line.startswith("- **")]
    assert len(items) == len(found)
    decision = next(f for f in found if f.rule == "DOC-DECISION")
    item = next(i for i in items if f"`{decision.rule}`" in i and escape(decision.message) in i)
    assert item.startswith("- **Fel** · `DOC-DECISION` · **Styrdokument utan registrerat beslut**")
    block = text.split(item, 1)[1].split("\n- ", 1)[0]
    assert f"  - Åtgärd: {escape(decision.fix)}" in block
    assert "([lagen.nu/2023:196](https://lagen.nu/2023:196))" in block
    assert f"`{decision.file}, rad " in block


def test_an_accepted_finding_says_who_and_why() -> None:
    text = render("markdown", with_accepted(findings("sv")))
    assert "- **Varning (accepterat)** ·" in text
    assert "  - ✓ Accepterat av Anna Andersson, trygghetssamordnare (2026-11-20):" in text
    assert re.search(r"\| \*\*Totalt\*\* \|.*\| 1 \| \d+ \|$", text, re.MULTILINE)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_labels_cannot_break_the_table_or_inject_markup(tmp_path, lang: str) -> None:
    found, ctx = hostile(tmp_path, lang)
    text = render("markdown", found, lang=lang, ctx=ctx)
    rows = table(text)
    assert len({len(row) for row in rows}) == 1  # every row has its cells
    document = "Document" if lang == "en" else "Dokument"
    # Where a label now appears: the facts' Document part, the items, the messages. (The
    # agreement's findings all group it as an item: PER-EXPIRED and ORG-SIGNATORIES.)
    for payload in (IMG, STYLE):
        assert f": {document}: {escape(payload)};" in text, payload
    assert f"{escape(PIPE)} (documents.yaml, " in text  # an item of PER-EXPIRED
    assert r"Plan \| del 2 \*viktig\* \[länk\](javascript:alert(1))" in text
    for payload in (IMG, STYLE, PIPE):
        assert payload not in text
    assert not re.search(r"(?<!\\)<(img|script|/style)", text)
    assert "](javascript:" not in text.replace(r"\](javascript:", "")


def test_a_wiki_renders_the_hostile_labels_as_text(tmp_path) -> None:
    """Rendered by a CommonMark renderer that lets raw HTML through, as many wikis do."""
    from html import escape as html_escape

    from markdown_it import MarkdownIt  # installed with rich

    found, ctx = hostile(tmp_path, "sv")
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    html = md.render(render("markdown", found, ctx=ctx))
    assert not re.search(r"<(img|script|/style)", html)
    for payload in (IMG, STYLE):  # the Document part of the facts, as written
        assert f"Dokument: {html_escape(payload, quote=False)};" in html, payload
    assert f"{html_escape(PIPE, quote=False)} (documents.yaml, " in html  # an item
    assert "<em>viktig</em>" not in html and "<del>" not in html
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert hrefs and all(h.startswith("https://") for h in hrefs)
    assert html.count("<li><strong>") == len(found)
    cells = re.findall(r"<tr>\n(.*?)</tr>", html, re.DOTALL)
    assert cells and len({c.count("<t") for c in cells}) == 1  # the table keeps its columns
