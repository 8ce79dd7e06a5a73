"""The Markdown report: a summary table and a list per document that a wiki renders as meant."""

from __future__ import annotations

import re

import pytest

from samklang.report.markdown import escape

from .report.helpers import IMG, PIPE, STYLE, findings, hostile, render, with_accepted


def table(text: str) -> list[list[str]]:
    """The summary table's rows, split at unescaped pipes."""
    lines = [line for line in text.splitlines() if line.startswith("|")]
    return [[c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]] for line in lines]


def test_title_summary_and_a_heading_per_document() -> None:
    found = findings("sv")
    text = render("markdown", found)
    first = text.splitlines()[0]
    assert first.startswith("# Vetlanda kommun") and "2026-11-25" in first
    for title in {f.document_label for f in found if f.document_label}:
        assert f"\n## {escape(title)}\n" in text
    assert "\n## Kommunen i stort\n" in text


def test_summary_table_counts_by_document_and_severity() -> None:
    found = findings("en")
    rows = table(render("markdown", found, lang="en"))
    assert rows[0] == ["Document", "Errors", "Warnings", "Info", "Accepted", "Total"]
    assert set(rows[1]) == {"---", "---:"}
    by_name = {row[0]: row[1:] for row in rows[2:]}
    plan = [f for f in found if f.document_label == "Plan för brottsförebyggande arbete"]
    assert by_name["Plan för brottsförebyggande arbete"][-1] == str(len(plan))
    assert by_name["**Total**"][-1] == str(len(found))
    assert all(len(row) == 6 for row in rows)


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
    assert len({len(row) for row in rows}) == 1  # a | in a title stays inside its cell
    assert any(r"Plan \| del 2" in row[0] for row in rows)
    for payload in (IMG, STYLE, PIPE):
        assert payload not in text
    assert not re.search(r"(?<!\\)<(img|script|/style)", text)
    assert "](javascript:" not in text.replace(r"\](javascript:", "")


def test_a_wiki_renders_the_hostile_labels_as_text(tmp_path) -> None:
    """Rendered by a CommonMark renderer that lets raw HTML through, as many wikis do."""
    from markdown_it import MarkdownIt  # installed with rich

    found, ctx = hostile(tmp_path, "sv")
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    html = md.render(render("markdown", found, ctx=ctx))
    assert not re.search(r"<(img|script|/style)", html)
    assert "<td>Plan | del 2 *viktig* [länk](javascript:alert(1))</td>" in html
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert hrefs and all(h.startswith("https://") for h in hrefs)
    assert html.count("<li><strong>") == len(found)
