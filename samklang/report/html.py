"""The HTML report: one self-contained page a planner can attach to a decision memo.

The page holds its CSS inline and refers to nothing it would have to fetch: no fonts, images or
scripts, and a Content-Security-Policy that forbids loading any. Its only links are the bases
of the rules (law paragraphs, method guides), which a reader may follow. Every text from the
dataset or the rules is escaped. It prints on A4 (``@media print``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from datetime import date
from html import escape
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

if TYPE_CHECKING:
    from samklang.queries.check import Finding

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; font-src 'none'; "
    "base-uri 'none'; form-action 'none'"
)
"""Nothing may be loaded; the inline stylesheet may apply."""


@functools.cache
def stylesheet() -> str:
    """The report's CSS (``samklang/report/report.css``)."""
    css = files(__package__).joinpath("report.css").read_text(encoding="utf-8")
    if "</" in css:  # would end the <style> element early
        raise ValueError("report.css must not contain '</'")
    return css


def e(text: object) -> str:
    """``text`` escaped for HTML text and attribute values (quotes too)."""
    return escape(str(text), quote=True)


def basis_link(url: str) -> str:
    """A link to the basis, its text the address without the scheme (legible when printed).

    Only ``http(s)`` addresses become links; anything else is shown as text.
    """
    if not re.match(r"^https?://", url, re.IGNORECASE):
        return e(url)
    shown = re.sub(r"^https?://", "", url, flags=re.IGNORECASE)
    return f'<a class="basis" href="{e(url)}" rel="noopener noreferrer">{e(shown)}</a>'


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
    heading = context.name or w["unnamed"]
    groups = sections(findings, lang)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{e(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{e(CSP)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="samklang {e(__version__)}">',
        f"<title>{e(title(context.name, lang, as_of))}</title>",
        f"<style>\n{stylesheet()}</style>",
        "</head>",
        "<body>",
        '<header class="masthead">',
        f'<p class="kicker">{e(w["kicker"])}</p>',
        f"<h1>{e(heading)}</h1>",
        '<p class="meta">',
    ]
    if context.code:
        parts.append(f"<span>{e(w['code'])} {e(context.code)}</span>")
    parts += [
        f"<span>{e(w['as_of'])} <time>{e(as_of.isoformat())}</time></span>",
        f"<span>{e(w['count_findings'].format(n=len(findings)))}</span>",
        "</p>",
        "</header>",
        "<main>",
        *_overview(findings, groups, lang, as_of),
    ]
    left = left_out_line(context.left_out, lang, as_of)
    if left:
        parts.append(f'<p class="left-out">{e(left)}</p>')
    if groups:
        parts += ['<section class="details">', f"<h2>{e(w['details'])}</h2>"]
        for number, group in enumerate(groups, 1):
            parts += _document(group, number, lang)
        parts.append("</section>")
    parts += ["</main>", *_footer(lang, as_of, context), "</body>", "</html>", ""]
    stream.write("\n".join(parts))


def _overview(
    findings: Sequence[Finding], groups: list[Group], lang: str, as_of: date
) -> list[str]:
    w = WORDS[lang]
    out = ['<section class="overview">', f"<h2>{e(w['overview'])}</h2>"]
    if not findings:
        return [*out, f'<p class="empty">{e(w["none"])}</p>', "</section>"]
    tally = Tally.of(findings)
    out += [f'<p class="lead">{e(summary(findings, lang, as_of))}</p>', '<ul class="tiles">']
    for severity in reversed(SEVERITIES):
        n = tally.open[severity]
        out.append(
            f'<li class="tile {severity}{" zero" if n == 0 else ""}">'
            f'<span class="number">{n}</span>'
            f'<span class="label">{e(severity_word(severity, lang, count=n, capital=True))}'
            "</span></li>"
        )
    out += [
        f'<li class="tile question{" zero" if tally.questions == 0 else ""}">'
        f'<span class="number">{tally.questions}</span>'
        f'<span class="label">{e(w["Question" if tally.questions == 1 else "Questions"])}'
        "</span></li>",
        f'<li class="tile accepted{" zero" if tally.accepted == 0 else ""}">'
        f'<span class="number">{tally.accepted}</span>'
        f'<span class="label">{e(accepted_word(lang, count=tally.accepted, capital=True))}'
        "</span></li>",
        "</ul>",
        f"<h2>{e(w['per_section'])}</h2>",
        '<table class="summary">',
        "<thead><tr>",
        f'<th scope="col">{e(w["section"])}</th>',
    ]
    columns = [*reversed(SEVERITIES), "questions", "accepted"]
    for column in columns:
        if column == "accepted":
            label = accepted_word(lang, count=2, capital=True)
        elif column == "questions":
            label = w["Questions"]
        else:
            label = severity_word(column, lang, count=2, capital=True)
        out.append(f'<th scope="col" class="n">{e(label)}</th>')
    out += [f'<th scope="col" class="n">{e(w["total"])}</th>', "</tr></thead>", "<tbody>"]
    for number, group in enumerate(groups, 1):
        name = f'<a href="#section-{number}">{e(group.title)}</a>'
        out.append(_summary_row(name, group.tally, columns, "td"))
    out += [
        "</tbody>",
        "<tfoot>",
        _summary_row(e(w["total"]), tally, columns, "th"),
        "</tfoot>",
        "</table>",
        "</section>",
    ]
    return out


def _summary_row(name: str, tally: Tally, columns: list[str], cell: str) -> str:
    head = f'<{cell} scope="row">{name}</{cell}>' if cell == "th" else f"<td>{name}</td>"
    cells = []
    for column in columns:
        if column == "accepted":
            n = tally.accepted
        elif column == "questions":
            n = tally.questions
        else:
            n = tally.open[column]
        cells.append(f'<td class="n {column}{" zero" if n == 0 else ""}">{n}</td>')
    return f'<tr>{head}{"".join(cells)}<td class="n">{tally.total}</td></tr>'


def _document(group: Group, number: int, lang: str) -> list[str]:
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
    out = [
        f'<section class="document" id="section-{number}">',
        f'<h3><span>{e(group.title)}</span><span class="count">{e(", ".join(counts))}</span></h3>',
    ]
    for f in group.findings:
        out += _finding(f, lang)
    out.append("</section>")
    return out


def _finding(f: Finding, lang: str) -> list[str]:
    w = WORDS[lang]
    note = accepted_note(f, lang)
    asks = f.kind == "question"
    kind = "question" if asks else f.severity
    classes = f"finding {kind}" + (" accepted" if note is not None else "")
    badge = e(w["Question"] if asks else severity_word(f.severity, lang, capital=True))
    head = [f'<span class="badge {kind}">{badge}</span>']
    if note is not None:
        head.append(f'<span class="badge accepted">{e(accepted_word(lang, capital=True))}</span>')
    head += [f'<code class="rule">{e(f.rule)}</code>', f'<span class="title">{e(f.title)}</span>']
    out = [
        f'<article class="{classes}">',
        f'<p class="finding-head">{" ".join(head)}</p>',
        f'<p class="message">{e(f.message)}</p>',
    ]
    if note is not None:
        out.append(f'<p class="acceptance">✓ {e(note)}</p>')
    basis = e(f.basis) + (f" {e(w['read_basis'])}: {basis_link(f.url)}" if f.url else "")
    rows = [(w["document"], e(f.document_label))] if f.document_label else []
    rows.append((w["focus"], e(f.focus_label)))
    where = place(f, lang)
    if where:
        rows.append((w["where"], f"<code>{e(where)}</code>"))
    if f.items:
        listed = "".join(f"<li>{e(line)}</li>" for line in item_lines(f, lang))
        rows.append((w["items"], f'<ul class="items">{listed}</ul>'))
    rows += [(name, e(value)) for name, value in facts(f, lang)]
    table = "".join(f'<tr><th scope="row">{e(k)}</th><td>{v}</td></tr>' for k, v in rows)
    out += [
        '<dl class="explain">',
        f"<dt>{e(w['why'])}</dt><dd>{basis}</dd>",
        f"<dt>{e(w['how'])}</dt><dd>{e(f.fix)}</dd>",
        f'<dt>{e(w["facts"])}</dt><dd><table class="facts">{table}</table></dd>',
        "</dl>",
        "</article>",
    ]
    return out


def _footer(lang: str, as_of: date, context: ReportContext) -> list[str]:
    w = WORDS[lang]
    ran = len(context.selected) if context.selected is not None else len(context.rules)
    out = ["<footer>", f"<h2>{e(w['legend'])}</h2>", "<dl>"]
    for severity in reversed(SEVERITIES):
        out.append(
            f"<dt>{e(severity_word(severity, lang, capital=True))}</dt>"
            f"<dd>{e(w['legend_' + severity])}</dd>"
        )
    out += [
        f"<dt>{e(w['Question'])}</dt><dd>{e(w['legend_question'])}</dd>",
        f"<dt>{e(accepted_word(lang, capital=True))}</dt><dd>{e(w['legend_accepted'])}</dd>",
        "</dl>",
        "<p>"
        + e(w["generated"].format(version=__version__, rules=ran, as_of=as_of.isoformat()))
        + "</p>",
        "</footer>",
    ]
    return out
