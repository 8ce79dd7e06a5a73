"""Findings written out for people (a table grouped by document) and for programs (JSON)."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import IO

from samklang.queries.check import Finding
from samklang.queries.rule import SEVERITIES

WORDS = {
    "sv": {
        "error": "fel",
        "warning": "varning",
        "info": "info",
        "errors": "fel",
        "warnings": "varningar",
        "infos": "info",
        "rule": "Regel",
        "severity": "Allvar",
        "concerns": "Gäller",
        "message": "Vad som inte stämmer",
        "fix": "Åtgärd",
        "none": "Inga fynd: planeringen hänger ihop enligt reglerna.",
        "general": "Kommunen i stort",
        "summary": "{n} fynd ({counts}) per {as_of}.",
    },
    "en": {
        "error": "error",
        "warning": "warning",
        "info": "info",
        "errors": "errors",
        "warnings": "warnings",
        "infos": "info",
        "rule": "Rule",
        "severity": "Severity",
        "concerns": "Concerns",
        "message": "What does not fit",
        "fix": "Fix",
        "none": "No findings: the planning hangs together by the rules.",
        "general": "The municipality as a whole",
        "summary": "{n} findings ({counts}) as of {as_of}.",
    },
}
COLOURS = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def summary(findings: Sequence[Finding], lang: str, as_of: date) -> str:
    """One line: how many findings of each severity."""
    words = WORDS[lang]
    if not findings:
        return words["none"]
    counts = Counter(f.severity for f in findings)
    parts = ", ".join(
        f"{counts[s]} {words[s if counts[s] == 1 else s + 's']}"
        for s in reversed(SEVERITIES)
        if counts[s]
    )
    return words["summary"].format(n=len(findings), counts=parts, as_of=as_of.isoformat())


def write_text(
    findings: Sequence[Finding], stream: IO[str], lang: str, as_of: date, terminal: bool = False
) -> None:
    """A readable table per document, most severe first, then a summary line.

    With ``terminal``, colours and the terminal's width; otherwise plain text 120 wide.
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
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.document_label or words["general"], []).append(f)
    for title, items in groups.items():
        table = Table(title=escape(title), title_justify="left", show_lines=False, expand=True)
        table.add_column(words["severity"], no_wrap=True)
        table.add_column(words["rule"], no_wrap=True)
        table.add_column(words["message"])
        for f in items:
            table.add_row(
                f"[{COLOURS[f.severity]}]{words[f.severity]}[/]",
                escape(f.rule),
                f"{escape(f.message)}\n[dim]→ {escape(f.fix)}[/]",
            )
        console.print(table)
    console.print(escape(summary(findings, lang, as_of)))


def write_json(findings: Sequence[Finding], stream: IO[str], as_of: date) -> None:
    """``{"as_of": …, "findings": [{rule, severity, focus, document, message, …}]}``."""
    json.dump(
        {"as_of": as_of.isoformat(), "findings": [f.as_dict() for f in findings]},
        stream,
        ensure_ascii=False,
        indent=2,
    )
    stream.write("\n")
