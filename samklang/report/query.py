"""The table ``samklang query`` prints: a research query's answer through rich, as ``check`` and
``stats`` print theirs.

Its other formats (CSV, TSV, JSON, Markdown) are written by
:func:`samklang.queries.research.write_result`. Every cell and heading goes into rich escaped
(:func:`rich.markup.escape`): a value such as ``Grupp [/]`` is printed as it is in the data.
"""

from __future__ import annotations

import shutil
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from samklang.queries.research import Result


def write_table(result: Result, stream: IO[str], terminal: bool = False) -> None:
    """``result`` as a table, one column per variable of the query in its order, IRIs shortened
    to prefixed names, line breaks in a value made spaces and other control characters written
out; then the number of rows.

    With ``terminal``, the terminal's width; otherwise 120 wide. No colours either way.
    """
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from samklang.queries.research import term_value

    width = shutil.get_terminal_size((120, 24)).columns if terminal else 120
    console = Console(file=stream, width=width, no_color=True, highlight=False, soft_wrap=False)
    table = Table()
    for column in result.columns:
        # A long value folds onto more lines rather than losing its end.
        table.add_column(escape(_one_line(column)), overflow="fold")
    for row in result.rows:
        table.add_row(
            *(escape(_one_line(term_value(row.get(c), prefixed=True))) for c in result.columns)
        )
    console.print(table)
    rows = len(result.rows)
    console.print(escape(f"({rows} {'row' if rows == 1 else 'rows'})"))


def _one_line(text: str) -> str:
    """Line breaks and tabs in a value as single spaces: one row stays one row of cells; any
    other control character written out (``\\x1b``), so a value cannot drive the terminal."""
    from samklang.terminal import printable

    if "\n" in text or "\r" in text or "\t" in text:
        text = " ".join(text.split())
    return printable(text)
