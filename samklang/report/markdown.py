"""The Markdown report, for wikis: a summary table, then a heading and a list per section.

Every text that comes from a dataset or a rule is escaped, so a label with ``|``, ``*``, ``[``
or ``<`` neither breaks the table nor turns into markup or HTML in a wiki that renders it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import IO, TYPE_CHECKING
from urllib.parse import quote

from samklang.queries.rule import SEVERITIES
from samklang.report.context import ReportContext
from samklang.report.words import (
    WORDS,
    Tally,
    accepted_note,
    accepted_word,
    facts,
    graphs_line,
    item_lines,
    left_out_line,
    place,
    sections,
    severity_word,
    summary,
    title,
)

if TYPE_CHECKING:
    from samklang.queries.finding import Finding

_SIGNIFICANT = re.compile(r"([\\`*_\[\]<>#|~&])")
"""Characters that can start markup anywhere in a line: emphasis, code, links, HTML, entities,
headings' closing ``#``, table cells, strike-through. (``(``, ``!`` and ``+`` only matter after
an unescaped ``]`` or at the start of a line, which an escaped text never is.)"""


def escape(text: str) -> str:
    r"""``text`` with every Markdown-significant character escaped, on one line.

    >>> escape("A | B <b>*x*</b>")
    'A \\| B \\<b\\>\\*x\\*\\</b\\>'
    """
    return _SIGNIFICANT.sub(r"\\\1", " ".join(text.split()))


def code(text: str) -> str:
    """``text`` as inline code, or escaped text if it holds a backtick."""
    return f"`{text}`" if "`" not in text and text.strip() else escape(text)


def link(url: str) -> str:
    """A Markdown link to an ``http(s)`` URL, its text the URL without the scheme.

    Other schemes (``javascript:``…) are written as plain, escaped text.
    """
    if not re.match(r"^https?://", url, re.IGNORECASE):
        return escape(url)
    target = quote(url, safe=":/?#@!$&'*+,;=%~-._")
    return f"[{escape(re.sub(r'^https?://', '', url, flags=re.IGNORECASE))}]({target})"


def write(
    findings: Sequence[Finding],
    stream: IO[str],
    *,
    lang: str,
    as_of: date,
    context: ReportContext,
) -> None:
    """Write the Markdown report."""
    w = WORDS[lang]
    out: list[str] = [f"# {escape(title(context.name, lang, as_of))}", ""]
    meta = [f"{w['as_of']}: {as_of.isoformat()}"]
    if context.code:
        meta.insert(0, f"{w['code']}: {escape(context.code)}")
    out += [" · ".join(meta), "", f"**{escape(summary(findings, lang, as_of))}**", ""]
    left = left_out_line(context.left_out, lang, as_of)
    if left:
        out += [escape(left), ""]
    read = graphs_line(context.endpoint, context.graphs, lang)
    if read:
        out += [escape(read), ""]
    groups = sections(findings, lang)
    if groups:
        out += [f"## {w['per_section']}", "", *_summary_table(findings, groups, lang), ""]
    for group in groups:
        out += [f"## {escape(group.title)}", ""]
        several = bool(context.datasets)
        out += [line for f in group.findings for line in _item(f, lang, several)]
        out.append("")
    stream.write("\n".join(out))


def _summary_table(findings: Sequence[Finding], groups: list, lang: str) -> list[str]:
    w = WORDS[lang]
    severities = list(reversed(SEVERITIES))
    header = [
        w["section"],
        *(severity_word(s, lang, count=2, capital=True) for s in severities),
        w["Questions"],
        accepted_word(lang, count=2, capital=True),
        w["total"],
    ]
    rows = [
        "| " + " | ".join(header) + " |",
        "|---|" + "---:|" * (len(header) - 1),
    ]
    for label, tally in [(escape(g.title), g.tally) for g in groups] + [
        (f"**{w['total']}**", Tally.of(findings))
    ]:
        cells = [
            label,
            *(str(tally.open[s]) for s in severities),
            str(tally.questions),
            str(tally.accepted),
        ]
        rows.append("| " + " | ".join([*cells, str(tally.total)]) + " |")
    return rows


def _item(f: Finding, lang: str, several: bool = False) -> list[str]:
    w = WORDS[lang]
    question = f.kind == "question"
    severity = w["Question"] if question else severity_word(f.severity, lang, capital=True)
    note = accepted_note(f, lang)
    if note is not None:
        severity += f" ({accepted_word(lang)})"
    lines = [f"- **{severity}** · {code(f.rule)} · **{escape(f.title)}**: {escape(f.message)}"]
    if note is not None:
        lines.append(f"  - ✓ {escape(note)}")
    lines.append(f"  - {w['fix']}: {escape(f.fix)}")
    basis = escape(f.basis)
    if f.url:
        basis += f" ({link(f.url)})"
    lines.append(f"  - {w['basis']}: {basis}")
    involved = [f"{w['document']}: {escape(f.document_label)}"] if f.document_label else []
    involved.append(f"{w['focus']}: {escape(f.focus_label)}")
    where = place(f, lang, several=several)
    if where:
        involved.append(f"{w['where']}: {code(where)}")
    if f.items:
        lines_of = item_lines(f, lang, several=several)
        involved.append(f"{w['items']}: " + ", ".join(escape(line) for line in lines_of))
    involved += [f"{escape(name)}: {escape(value)}" for name, value in facts(f, lang)]
    lines.append(f"  - {w['facts']}: " + "; ".join(involved))
    return lines
