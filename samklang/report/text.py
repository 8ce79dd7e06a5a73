"""The terminal report: a table per section in reading order, then a summary line."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
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

    With ``terminal``, colours and the terminal's width; otherwise plain text 120 wide. An
    accepted finding keeps its row, its severity marked as accepted and who accepted it and why
    under its message; the summary line counts it as accepted, not under its severity.
    """
    from rich.console import Console
    from rich.table import Table

    words = WORDS[lang]
    width = shutil.get_terminal_size((120, 24)).columns if terminal else 120
    console = Console(
        file=stream,
        width=width,
        force_terminal=terminal,
        no_color=not terminal,
        highlight=False,
        soft_wrap=False,
    )
    for group in sections(findings, lang):
        table = Table(
            title=escape(group.title), title_justify="left", show_lines=False, expand=True
        )
        table.add_column(words["severity"], no_wrap=True)
        table.add_column(words["rule"], no_wrap=True)
        table.add_column(words["message"])
        for f in group.findings:
            word = words["question"] if f.kind == "question" else words[f.severity]
            colour = "blue" if f.kind == "question" else COLOURS[f.severity]
            severity = f"[{colour}]{word}[/]"
            text = escape(f.message)
            text += f"\n[dim]→ {escape(f.fix)}[/]"
            note = accepted_note(f, lang)
            if note is not None:
                severity = f"[dim]{word}\n({accepted_word(lang)})[/]"
                text = f"[dim]{escape(f.message)}[/]\n[green]✓ {escape(note)}[/]"
            table.add_row(severity, escape(f.rule), text)
        console.print(table)
    left = left_out_line(context.left_out if context else (), lang, as_of)
    if left:
        console.print(escape(left))
    read = graphs_line(context.endpoint, context.graphs, lang) if context else None
    if read:
        console.print(escape(read), soft_wrap=True)
    console.print(escape(summary(findings, lang, as_of)), soft_wrap=True)  # one line


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
