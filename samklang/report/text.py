"""The terminal report: a table per document, most severe first, then a summary line."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from datetime import date
from typing import IO, TYPE_CHECKING

from samklang.report.context import ReportContext
from samklang.report.words import WORDS, accepted_note, accepted_word, by_document, summary

if TYPE_CHECKING:
    from samklang.queries.check import Finding

COLOURS = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def write_text(
    findings: Sequence[Finding], stream: IO[str], lang: str, as_of: date, terminal: bool = False
) -> None:
    """A readable table per document, most severe first, then a summary line.

    With ``terminal``, colours and the terminal's width; otherwise plain text 120 wide. An
    accepted finding keeps its row, its severity marked as accepted and who accepted it and why
    under its message; the summary line counts it as accepted, not under its severity.
    """
    from rich.console import Console
    from rich.markup import escape
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
    for group in by_document(findings, lang):
        table = Table(
            title=escape(group.title), title_justify="left", show_lines=False, expand=True
        )
        table.add_column(words["severity"], no_wrap=True)
        table.add_column(words["rule"], no_wrap=True)
        table.add_column(words["message"])
        for f in group.findings:
            severity = f"[{COLOURS[f.severity]}]{words[f.severity]}[/]"
            text = f"{escape(f.message)}\n[dim]→ {escape(f.fix)}[/]"
            note = accepted_note(f, lang)
            if note is not None:
                severity = f"[dim]{words[f.severity]}\n({accepted_word(lang)})[/]"
                text = f"[dim]{escape(f.message)}[/]\n[green]✓ {escape(note)}[/]"
            table.add_row(severity, escape(f.rule), text)
        console.print(table)
    console.print(escape(summary(findings, lang, as_of)))


def write(
    findings: Sequence[Finding],
    stream: IO[str],
    *,
    lang: str,
    as_of: date,
    context: ReportContext,
) -> None:
    """The text format as a ``Writer`` (colours and width when ``context.terminal``)."""
    write_text(findings, stream, lang, as_of, context.terminal)
