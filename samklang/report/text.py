"""The terminal report: a table per section in reading order, then a summary line."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import IO, TYPE_CHECKING

from samklang.report.context import ReportContext
from samklang.report.words import (
    WORDS,
    accepted_note,
    accepted_word,
    graphs_line,
    left_out_line,
    sections,
    summary,
)

if TYPE_CHECKING:
    from samklang.queries.finding import Finding

COLOURS = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def write_text(
    findings: Sequence[Finding],
    stream: IO[str],
    lang: str,
    as_of: date,
    terminal: bool = False,
    context: ReportContext | None = None,
) -> None:
    """A readable table per section (legal obligations first, questions last), then a line
    naming the documents left out as not yet existing, and a summary line.

    With ``terminal``, colours and the terminal's width, drawn by rich; otherwise plain text
    120 wide, written by :mod:`samklang.report.plain_table` as rich writes it (by rich where
    a text is beyond what that module copies). An accepted finding keeps its row, its
    severity marked as accepted and who accepted it and why under its message; the summary
    line counts it as accepted, not under its severity.
    """
    words = WORDS[lang]
    headers = [words["severity"], words["rule"], words["message"]]
    groups = [
        (group.title, [_row(f, lang) for f in group.findings]) for group in sections(findings, lang)
    ]
    left = left_out_line(context.left_out if context else (), lang, as_of)
    read = graphs_line(context.endpoint, context.graphs, lang) if context else None
    last = summary(findings, lang, as_of)
    if not terminal and _plain_console(stream):
        written = _plain(groups, headers, left, read, last)
        if written is not None:
            stream.write(written)
            return
    from rich.console import Console
    from rich.table import Table

    width = shutil.get_terminal_size((120, 24)).columns if terminal else WIDTH
    console = Console(
        file=stream,
        width=width,
        force_terminal=terminal,
        no_color=not terminal,
        highlight=False,
        soft_wrap=False,
    )
    for title, rows in groups:
        table = Table(title=escape(title), title_justify="left", show_lines=False, expand=True)
        table.add_column(headers[0], no_wrap=True)
        table.add_column(headers[1], no_wrap=True)
        table.add_column(headers[2])
        for row in rows:
            if row.note is not None:
                severity = f"[dim]{row.word}\n({row.accepted})[/]"
                text = f"[dim]{escape(row.message)}[/]\n[green]✓ {escape(row.note)}[/]"
            else:
                severity = f"[{row.colour}]{row.word}[/]"
                text = f"{escape(row.message)}\n[dim]→ {escape(row.fix)}[/]"
            table.add_row(severity, escape(row.rule), text)
        console.print(table)
    if left:
        console.print(escape(left))
    if read:
        console.print(escape(read), soft_wrap=True)
    console.print(escape(last), soft_wrap=True)  # one line


WIDTH = 120
"""The width of the report written to a file (or a pipe)."""

NO_WRAP = (True, True, False)
"""Which of the columns (severity, rule, message) are never wrapped."""


@dataclass(frozen=True)
class _Row:
    """What a finding's row says: the severity's word and colour, the rule, the message and
    the fix, or, accepted, the note saying by whom and why."""

    word: str
    colour: str
    rule: str
    message: str
    fix: str
    accepted: str
    note: str | None


def _row(f: Finding, lang: str) -> _Row:
    words = WORDS[lang]
    question = f.kind == "question"
    return _Row(
        word=words["question"] if question else words[f.severity],
        colour="blue" if question else COLOURS[f.severity],
        rule=f.rule,
        message=f.message,
        fix=f.fix,
        accepted=accepted_word(lang),
        note=accepted_note(f, lang),
    )


def _plain_console(stream: IO[str]) -> bool:
    """Whether rich would write to ``stream`` as :mod:`samklang.report.plain_table` does:
    UTF-8 (rich draws ASCII boxes otherwise), not in a Jupyter kernel (where rich styles
    even a file), not on Windows (whose legacy console is a column narrower)."""
    encoding = (getattr(stream, "encoding", "utf-8") or "utf-8").lower()
    return encoding.startswith("utf") and "IPython" not in sys.modules and sys.platform != "win32"


def _plain(
    groups: Sequence[tuple[str, Sequence[_Row]]],
    headers: Sequence[str],
    left: str | None,
    read: str | None,
    last: str,
) -> str | None:
    """The report as rich writes it to a file, without rich; ``None`` when some text is not
    one that :mod:`samklang.report.plain_table` writes as rich does."""
    from samklang.report.plain_table import printed_lines, table_lines

    lines: list[str] = []
    for title, rows in groups:
        cells = [
            (
                (
                    f"{row.word}\n({row.accepted})",
                    _visible(row.rule),
                    f"{_visible(row.message)}\n✓ {_visible(row.note)}",
                )
                if row.note is not None
                else (
                    row.word,
                    _visible(row.rule),
                    f"{_visible(row.message)}\n→ {_visible(row.fix)}",
                )
            )
            for row in rows
        ]
        table = table_lines(_visible(title), headers, NO_WRAP, cells, WIDTH)
        if table is None:
            return None
        lines += table
    for said, soft_wrap in ((left, False), (read, True), (last, True)):
        if said or said is last:  # the summary line always, even empty
            printed = printed_lines(_visible(said), WIDTH, soft_wrap=soft_wrap)
            if printed is None:
                return None
            lines += printed
    return "".join(f"{line}\n" for line in lines)


def _visible(said: str) -> str:
    """``said`` with control characters other than line breaks written out (``\\x1b``), as
    :func:`escape` writes them for rich."""
    from samklang.terminal import printable

    return printable(said, keep="\n")


def escape(text: str) -> str:
    """``text`` for rich: its markup escaped, and control characters other than line breaks
    written out (``\\x1b``), so a label from an input file cannot drive the terminal."""
    from rich.markup import escape as escape_markup

    from samklang.terminal import printable

    return escape_markup(printable(text, keep="\n"))


def write(
    findings: Sequence[Finding],
    stream: IO[str],
    *,
    lang: str,
    as_of: date,
    context: ReportContext,
) -> None:
    """The text format as a ``Writer`` (colours and width when ``context.terminal``)."""
    write_text(findings, stream, lang, as_of, context.terminal, context)
