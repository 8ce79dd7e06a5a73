"""The HTML report: one self-contained, escaped page with a summary and every finding explained."""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser

import pytest

from samklang.queries.rule import catalogue
from samklang.report.words import item_lines

from .report.helpers import (
    IMG,
    STYLE,
    findings,
    grouped,
    hostile,
    render,
    section_keys,
    section_titles,
    with_accepted,
)


class Page(HTMLParser):
    """Collects what a test looks at: tags with their attributes, and table rows as text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.rows: list[list[str]] = []
        self.texts: dict[str, list[str]] = {}
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._open: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in ("meta", "br", "img", "link", "input"):
            self._open.append(tag)
        if tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1] == tag:
            self._open.pop()
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        if self._open:
            self.texts.setdefault(self._open[-1], []).append(data)


def summary_rows(text: str) -> dict[str, list[str]]:
    """The summary table's body: section → [errors, warnings, info, questions, accepted, total]."""
    table = text.split('<table class="summary">', 1)[1].split("</table>", 1)[0]
    return {row[0]: row[1:] for row in Page(table).rows[1:]}


def test_swedish_by_default_with_municipality_and_date_in_the_title() -> None:
    text = render("html", findings("sv"))
    page = Page(text)
    assert ("html", {"lang": "sv"}) in page.tags
    [title] = page.texts["title"]
    assert "Vetlanda kommun" in title and "2026-11-25" in title
    assert page.texts["h1"] == ["Vetlanda kommun"]
    for heading in ("Varför det spelar roll", "Så åtgärdar du det", "Underlag", "Sammanfattning"):
        assert heading in text


def test_english_has_english_headings_and_no_swedish_ones() -> None:
    text = render("html", findings("en"), lang="en")
    assert '<html lang="en">' in text
    for heading in ("Why it matters", "How to fix it", "Facts involved", "Summary", "Document"):
        assert heading in text
    for swedish in ("Varför det spelar roll", "Så åtgärdar du det", "Underlag", "Dokument<"):
        assert swedish not in text


def counts(found) -> list[str]:
    """[errors, warnings, info, questions, accepted, total] of ``found``, worked out directly."""
    open_defects = [f for f in found if f.kind == "defect" and not f.accepted]
    return [
        *(str(sum(f.severity == s for f in open_defects)) for s in ("error", "warning", "info")),
        str(sum(f.kind == "question" and not f.accepted for f in found)),
        str(sum(bool(f.accepted) for f in found)),
        str(len(found)),
    ]


def test_summary_table_counts_each_sections_findings_by_severity_and_questions() -> None:
    found = findings("sv")
    text = render("html", found)
    header = Page(text.split('<table class="summary">', 1)[1].split("</table>", 1)[0]).rows[0]
    assert header == ["Avsnitt", "Fel", "Varningar", "Info", "Frågor", "Accepterade", "Totalt"]
    rows = summary_rows(text)
    assert list(rows) == [*section_titles(found), "Totalt"]  # GROUPS order, questions last
    for key, title in zip(section_keys(found)[:-1], section_titles(found)[:-1], strict=True):
        assert rows[title] == counts([f for f in found if f.kind == "defect" and f.group == key])
    questions = [f for f in found if f.kind == "question"]
    assert rows["Frågor att besvara"] == [
        "0",
        "0",
        "0",
        str(len(questions)),
        "0",
        str(len(questions)),
    ]
    assert rows["Totalt"] == counts(found)
    tiles = re.findall(r'<li class="tile (\w+)[^"]*"><span class="number">(\d+)</span>', text)
    assert dict(tiles)["question"] == str(len(questions))


def test_a_section_per_rule_group_in_order_questions_last() -> None:
    found = findings("sv")
    text = render("html", found)
    headings = re.findall(
        r'<section class="document" id="section-(\d+)">\n<h3><span>([^<]*)</span>', text
    )
    assert [h for _, h in headings] == section_titles(found)
    assert [int(n) for n, _ in headings] == list(range(1, len(headings) + 1))
    links = re.findall(r'<a href="#section-(\d+)">([^<]*)</a>', text)
    assert links == headings  # each summary row links to its section
    assert "Fynden, avsnitt för avsnitt" in text and "dokument för dokument" not in text
    english = render("html", findings("en"), lang="en")
    assert "The findings, section by section" in english
    assert [
        h
        for _, h in re.findall(
            r'<section class="document" id="section-(\d+)">\n<h3><span>([^<]*)</span>', english
        )
    ] == section_titles(findings("en"), "en")


def test_findings_appear_in_reading_order_and_questions_have_their_badge() -> None:
    found = findings("sv")
    text = render("html", found)
    heads = re.findall(
        r'<article class="finding (\w+)">\n<p class="finding-head"><span class="badge (\w+)">'
        r'([^<]*)</span> <code class="rule">([^<]+)</code>',
        text,
    )
    expected = [
        ("question", "question", "Fråga", f.rule)
        if f.kind == "question"
        else (
            f.severity,
            f.severity,
            {"error": "Fel", "warning": "Varning", "info": "Info"}[f.severity],
            f.rule,
        )
        for f in found
    ]
    assert heads == expected
    assert any(h[0] == "question" for h in heads)
    footer = text.split("<footer>", 1)[1]
    assert "<dt>Fråga</dt>" in footer and "Räknas inte som fel." in footer


@pytest.mark.parametrize(("rule", "places"), [("PER-EXPIRED", True), ("ORG-SIGNATORIES", True)])
def test_a_grouped_finding_lists_its_items_with_their_places(rule: str, places: bool) -> None:
    found = findings("sv")
    f = grouped(found, rule)
    text = render("html", found)
    [article] = [
        a.split("</article>")[0]
        for a in text.split("<article")[1:]
        if f'<code class="rule">{rule}</code>' in a and escape(f.message) in a
    ]
    listed = "".join(f"<li>{escape(line)}</li>" for line in item_lines(f, "sv"))
    assert (
        f'<tr><th scope="row">Gäller</th><td><ul class="items">{listed}</ul></td></tr>' in article
    )
    assert article.count("<li>") == len(f.items)
    for item in f.items:
        assert escape(item.label) in article
        if places:
            assert item.file and item.location
            line = item.location.split()[-1]
            assert f"<li>{escape(item.label)} ({item.file}, rad {line})</li>" in article
        else:
            assert f"<li>{escape(item.label)}</li>" in article
    english = render("html", findings("en"), lang="en")
    assert '<th scope="row">Concerns</th><td><ul class="items">' in english


def test_every_finding_is_explained_with_basis_fix_and_facts() -> None:
    found = findings("sv")
    text = render("html", found)
    assert text.count('<article class="finding') == len(found)
    for f in found:
        assert escape(f.message) in text
        assert escape(f.fix) in text
        assert escape(f.basis) in text
        assert f'href="{escape(f.url)}"' in text
    expired = next(f for f in found if f.rule == "PER-EXPIRED")
    article = next(a for a in text.split("<article")[1:] if escape(expired.message) in a).split(
        "</article>"
    )[0]
    assert "PER-EXPIRED" in article and "Utgånget styrdokument" in article
    assert f"<code>{expired.file}, rad {expired.location.split()[-1]}</code>" in article
    assert '<th scope="row">Slut</th><td>2023-12-31</td>' in article


def test_an_accepted_finding_is_shown_as_accepted_with_who_and_why() -> None:
    found = with_accepted(findings("sv"))
    text = render("html", found)
    [article] = [a for a in text.split("<article")[1:] if "finding warning accepted" in a]
    assert '<span class="badge accepted">Accepterat</span>' in article
    assert "Accepterat av Anna Andersson, trygghetssamordnare (2026-11-20)" in article
    assert "förskjutna mandatperioden" in article
    rows = summary_rows(text)
    warnings = sum(f.severity == "warning" for f in found)
    assert rows["Totalt"][1] == str(warnings - 1) and rows["Totalt"][4] == "1"
    assert rows["Totalt"][5] == str(len(found))
    assert rows["Totalt"] == counts(found)


def test_nothing_is_fetched_only_basis_links_point_outside() -> None:
    text = render("html", findings("sv"))
    urls = {r.url for r in catalogue().values()}
    page = Page(text)
    assert not [t for t, _ in page.tags if t in ("script", "link", "img", "iframe", "object")]
    for tag, attrs in page.tags:
        for name, value in attrs.items():
            if name in ("src", "href", "srcset", "action", "data", "poster", "background"):
                assert value is not None
                if re.match(r"(?i)\s*(https?:)?//", value):
                    assert tag == "a" and name == "href" and value in urls, (tag, name, value)
                else:
                    assert value.startswith("#"), (tag, name, value)
    style = text.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "url(" not in style and "@import" not in style and "@font-face" not in style
    [csp] = [a["content"] for t, a in page.tags if a.get("http-equiv") == "Content-Security-Policy"]
    assert "default-src 'none'" in str(csp)  # and the page forbids loading anything


def test_the_page_prints() -> None:
    text = render("html", findings("sv"))
    assert "@media print" in text and "@page" in text


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_label_is_escaped(tmp_path, lang: str) -> None:
    found, ctx = hostile(tmp_path, lang)
    text = render("html", found, lang=lang, ctx=ctx)
    for payload in (IMG, STYLE):
        assert payload not in text
    assert escape(IMG) in text and escape(STYLE) in text
    assert "<script" not in text.lower() and "<img" not in text.lower()
    assert text.count("</style>") == 1
    assert not [a for t, a in Page(text).tags if "javascript:" in str(a.get("href"))]
    page = Page(text)
    assert page.texts["h1"] == [STYLE]  # shown as text, as written
    document = "Document" if lang == "en" else "Dokument"
    for payload in (IMG, STYLE):  # where a label now appears: the facts' Document row, the items
        assert f'<tr><th scope="row">{document}</th><td>{escape(payload)}</td></tr>' in text
    assert f"<li>{escape(IMG)} (documents.yaml, " in text
    assert f"<li>{escape(STYLE)} (" in text  # the shared programme, in its own folder's file
    assert [row[1] for row in page.rows if row[:1] == [document]].count(IMG) >= 1
    assert not [t for t, _ in page.tags if t in ("script", "img")]


def test_no_findings_says_so() -> None:
    text = render("html", [])
    assert "Inga fynd: planeringen hänger ihop enligt reglerna." in text
    assert "<article" not in text
