"""The HTML report: one self-contained page a planner can attach to a decision memo.

The page holds its CSS inline and refers to nothing it would have to fetch: no fonts, images or
scripts, and a Content-Security-Policy that forbids loading any. Its only links are the bases
of the rules (law paragraphs, method guides), which a reader may follow. It prints on A4
(``@media print``).

The page is the template ``samklang/report/templates/report.html.j2``; this module works out
what it shows. The template escapes every text from the dataset or the rules
(:mod:`samklang.templating`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from importlib.resources import files
from typing import IO, TYPE_CHECKING

from samklang import __version__
from samklang.queries.rule import SEVERITIES
from samklang.report.context import ReportContext
from samklang.report.words import (
    WORDS,
    Group,
    Tally,
    accepted_note,
    accepted_word,
    facts,
    item_lines,
    left_out_line,
    place,
    sections,
    severity_word,
    summary,
    title,
)
from samklang.templating import environment

if TYPE_CHECKING:
    from samklang.queries.finding import Finding

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; font-src 'none'; "
    "base-uri 'none'; form-action 'none'"
)
"""Nothing may be loaded; the inline stylesheet may apply."""

TEMPLATE = "report.html.j2"
"""The page, in ``samklang/report/templates/``."""


@functools.cache
def stylesheet() -> str:
    """The report's CSS (``samklang/report/report.css``)."""
    css = files(__package__).joinpath("report.css").read_text(encoding="utf-8")
    if "</" in css:  # would end the <style> element early
        raise ValueError("report.css must not contain '</'")
    return css


def basis_shown(url: str) -> str | None:
    """The text of a link to the basis: the address without the scheme (legible when
    printed); ``None`` if ``url`` is not ``http(s)``, which is shown as text, not linked."""
    if not re.match(r"^https?://", url, re.IGNORECASE):
        return None
    return re.sub(r"^https?://", "", url, flags=re.IGNORECASE)


@dataclass(frozen=True)
class Counts:
    """One row of the summary table: the counts per column, and the total."""

    cells: list[tuple[str, int]]
    total: int


@dataclass(frozen=True)
class SummaryRow:
    """A section's row of the summary table; it links to the section."""

    number: int
    title: str
    cells: list[tuple[str, int]]
    total: int


@dataclass(frozen=True)
class Overview:
    """The summary: a line, a tile per severity, questions and accepted, and the table."""

    lead: str
    tiles: list[tuple[str, int, str]]
    columns: list[str]
    rows: list[SummaryRow]
    totals: Counts


@dataclass(frozen=True)
class ShownFinding:
    """One finding as the page shows it; ``rows`` are the facts as (name, kind, value), kind
    ``text``, ``code`` (value in ``<code>``) or ``items`` (value a list of lines)."""

    classes: str
    kind: str
    badge: str
    note: str | None
    rule: str
    title: str
    message: str
    basis: str
    url: str | None
    url_shown: str | None
    fix: str
    rows: list[tuple[str, str, str | list[str]]]


@dataclass(frozen=True)
class Document:
    """A section of the findings, numbered for the summary table's links."""

    number: int
    title: str
    counts: str
    findings: list[ShownFinding]


COLUMNS = [*reversed(SEVERITIES), "questions", "accepted"]
"""The summary table's count columns, before the total."""


def write(
    findings: Sequence[Finding],
    stream: IO[str],
    *,
    lang: str,
    as_of: date,
    context: ReportContext,
) -> None:
    """Write the HTML report: title, summary per section and severity, then each finding in
    the order a planner reads (legal obligations first, questions last)."""
    w = WORDS[lang]
    groups = sections(findings, lang)
    ran = len(context.selected) if context.selected is not None else len(context.rules)
    page = environment("samklang.report").get_template(TEMPLATE)
    stream.write(
        page.render(
            lang=lang,
            w=w,
            csp=CSP,
            version=__version__,
            title=title(context.name, lang, as_of),
            stylesheet=stylesheet(),
            heading=context.name or w["unnamed"],
            code=context.code,
            as_of=as_of.isoformat(),
            count=w["count_findings"].format(n=len(findings)),
            overview=_overview(findings, groups, lang, as_of) if findings else None,
            left_out=left_out_line(context.left_out, lang, as_of),
            documents=[
                _document(group, n, lang, bool(context.datasets))
                for n, group in enumerate(groups, 1)
            ],
            accepted_badge=accepted_word(lang, capital=True),
            legend=_legend(lang),
            generated=w["generated"].format(
                version=__version__, rules=ran, as_of=as_of.isoformat()
            ),
        )
    )


def _counts(tally: Tally) -> Counts:
    cells = []
    for column in COLUMNS:
        if column == "accepted":
            n = tally.accepted
        elif column == "questions":
            n = tally.questions
        else:
            n = tally.open[column]
        cells.append((column, n))
    return Counts(cells, tally.total)


def _overview(findings: Sequence[Finding], groups: list[Group], lang: str, as_of: date) -> Overview:
    w = WORDS[lang]
    tally = Tally.of(findings)
    tiles = [
        (s, tally.open[s], severity_word(s, lang, count=tally.open[s], capital=True))
        for s in reversed(SEVERITIES)
    ]
    tiles += [
        ("question", tally.questions, w["Question" if tally.questions == 1 else "Questions"]),
        ("accepted", tally.accepted, accepted_word(lang, count=tally.accepted, capital=True)),
    ]
    columns = []
    for column in COLUMNS:
        if column == "accepted":
            columns.append(accepted_word(lang, count=2, capital=True))
        elif column == "questions":
            columns.append(w["Questions"])
        else:
            columns.append(severity_word(column, lang, count=2, capital=True))
    rows = []
    for number, group in enumerate(groups, 1):
        counts = _counts(group.tally)
        rows.append(SummaryRow(number, group.title, counts.cells, counts.total))
    return Overview(summary(findings, lang, as_of), tiles, columns, rows, _counts(tally))


def _document(group: Group, number: int, lang: str, several: bool = False) -> Document:
    tally = group.tally
    counts = [
        f"{tally.open[s]} {severity_word(s, lang, count=tally.open[s])}"
        for s in reversed(SEVERITIES)
        if tally.open[s]
    ]
    if tally.questions:
        key = "question" if tally.questions == 1 else "questions"
        counts.append(f"{tally.questions} {WORDS[lang][key]}")
    if tally.accepted:
        counts.append(f"{tally.accepted} {accepted_word(lang, count=tally.accepted)}")
    shown = [_finding(f, lang, several) for f in group.findings]
    return Document(number, group.title, ", ".join(counts), shown)


def _finding(f: Finding, lang: str, several: bool = False) -> ShownFinding:
    w = WORDS[lang]
    note = accepted_note(f, lang)
    asks = f.kind == "question"
    kind = "question" if asks else f.severity
    rows: list[tuple[str, str, str | list[str]]] = []
    if f.document_label:
        rows.append((w["document"], "text", f.document_label))
    rows.append((w["focus"], "text", f.focus_label))
    where = place(f, lang, several=several)
    if where:
        rows.append((w["where"], "code", where))
    if f.items:
        rows.append((w["items"], "items", item_lines(f, lang, several=several)))
    rows += [(name, "text", value) for name, value in facts(f, lang)]
    return ShownFinding(
        classes=f"finding {kind}" + (" accepted" if note is not None else ""),
        kind=kind,
        badge=w["Question"] if asks else severity_word(f.severity, lang, capital=True),
        note=note,
        rule=f.rule,
        title=f.title,
        message=f.message,
        basis=f.basis,
        url=f.url or None,
        url_shown=basis_shown(f.url) if f.url else None,
        fix=f.fix,
        rows=rows,
    )


def _legend(lang: str) -> list[tuple[str, str]]:
    w = WORDS[lang]
    legend = [
        (severity_word(s, lang, capital=True), w["legend_" + s]) for s in reversed(SEVERITIES)
    ]
    return [
        *legend,
        (w["Question"], w["legend_question"]),
        (accepted_word(lang, capital=True), w["legend_accepted"]),
    ]
