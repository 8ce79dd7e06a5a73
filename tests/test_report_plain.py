"""The text report written without rich (samklang/report/plain_table.py) is what rich writes to
a file, character for character: on the examples' findings (accepted ones too), on generated
tables and lines of every shape rich's layout distinguishes (words longer than a column, rule
IDs that squeeze the columns, blank and space-filled lines, long titles), and where it cannot
copy rich (markup, emoji codes, wide characters) rich draws the report."""

from __future__ import annotations

import io
import random
import sys
from dataclasses import replace

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape as escape_markup
from rich.table import Table

from samklang.report import text as text_report
from samklang.report.plain_table import ONE_CELL, plain, printed_lines, table_lines
from samklang.report.words import WORDS

from .report.helpers import AS_OF, context, findings, with_accepted

WIDTH = 120


def by_rich(monkeypatch: pytest.MonkeyPatch, found, lang: str, ctx) -> str:  # noqa: ANN001
    with monkeypatch.context() as patched:
        patched.setattr(text_report, "_plain_console", lambda stream: False)
        out = io.StringIO()
        text_report.write_text(found, out, lang, AS_OF, False, ctx)
    return out.getvalue()


def written(found, lang: str, ctx) -> str:  # noqa: ANN001
    out = io.StringIO()
    text_report.write_text(found, out, lang, AS_OF, False, ctx)
    return out.getvalue()


def written_without_rich(found, lang: str, ctx, monkeypatch: pytest.MonkeyPatch) -> str:  # noqa: ANN001
    """The report as :func:`written` writes it, failing if rich draws any of it: the plain
    writer, not rich on both sides, is what a comparison with rich then tests."""

    def refused(*args: object, **kwargs: object) -> None:
        raise AssertionError("rich drew part of a report the plain writer should draw")

    with monkeypatch.context() as patched:
        patched.setattr(Console, "__init__", refused)
        # Another test (the notebook's) may have imported IPython into this process, which
        # the report takes for a Jupyter kernel, where rich draws: not so here.
        patched.delitem(sys.modules, "IPython", raising=False)
        return written(found, lang, ctx)


def rich_table(title: str, headers: list[str], rows: list[tuple[str, ...]], width: int) -> str:
    out = io.StringIO()
    console = Console(
        file=out, width=width, force_terminal=False, no_color=True, highlight=False,
        soft_wrap=False,
    )  # fmt: skip
    table = Table(title=title, title_justify="left", show_lines=False, expand=True)
    for header, no_wrap in zip(headers, text_report.NO_WRAP, strict=True):
        table.add_column(header, no_wrap=no_wrap)
    for row in rows:
        table.add_row(*row)
    console.print(table)
    return out.getvalue()


def rich_printed(said: str, width: int, soft_wrap: bool) -> str:
    out = io.StringIO()
    console = Console(
        file=out, width=width, force_terminal=False, no_color=True, highlight=False,
        soft_wrap=False,
    )  # fmt: skip
    console.print(said, soft_wrap=soft_wrap)
    return out.getvalue()


def joined(lines: list[str] | None) -> str | None:
    return None if lines is None else "".join(f"{line}\n" for line in lines)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_report_of_vetlanda_is_the_one_rich_writes(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = findings(lang)
    for some in (found, with_accepted(found), with_accepted(found, "PER-EXPIRED"), [], found[:1]):
        ctx = context()
        ours = written_without_rich(some, lang, ctx, monkeypatch)
        assert ours == by_rich(monkeypatch, some, lang, ctx)


def test_the_report_is_drawn_by_rich_where_a_text_holds_markup_or_wide_characters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    found = findings("sv")
    odd_texts = (
        "[bold]fet[/bold] text",
        "plan :warning: här",
        "計画の目標",
        "e\u0301ko",
        "sökväg C:\\planer\\",
        "två \\\\",
    )
    for odd in odd_texts:
        some = [replace(found[0], message=odd), *found[1:]]
        assert written(some, "sv", context()) == by_rich(monkeypatch, some, "sv", context())
        rows = [("x", "y", odd)]
        assert table_lines("t", ["a", "b", "c"], text_report.NO_WRAP, rows, WIDTH) is None


def test_a_backslash_inside_a_text_is_written_without_rich_as_rich_writes_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    found = findings("sv")
    some = [replace(found[0], message="C:\\planer\\2024 och \\x"), *found[1:]]
    assert written(some, "sv", context()) == by_rich(monkeypatch, some, "sv", context())
    assert plain("C:\\planer\\2024") and not plain("C:\\planer\\")


def test_a_message_with_control_characters_is_written_as_rich_writes_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    found = findings("en")
    some = [replace(found[0], message="red\x1b[31m text\ttab\r\nnext \u2028 line"), *found[1:]]
    assert written(some, "en", context()) == by_rich(monkeypatch, some, "en", context())


def test_every_character_written_without_rich_is_one_cell_to_rich() -> None:
    assert all(cell_len(c) == 1 for c in ONE_CELL if c != "\n")


def words_of(rng: random.Random, count: int, longest: int) -> str:
    letters = "abcdefghåäöÅÄÖ–é0123456789.,;()\"'→✓-/\\"
    spaces = [" ", " ", " ", " ", "  ", "\u00a0", "\n", "   "]
    out = []
    for _ in range(count):
        out.append("".join(rng.choice(letters) for _ in range(rng.randint(1, longest))))
        out.append(rng.choice(spaces))
    if rng.random() < 0.3:
        out.insert(0, rng.choice(spaces))
    if out and rng.random() < 0.5:
        out.pop()
    return "".join(out)


def test_most_generated_tables_are_drawn_without_rich() -> None:
    """The comparison below skips what the plain writer leaves to rich: most must be its own."""
    drawn = left = 0
    for seed in range(40):
        for title, headers, rows, width in generated_tables(seed):
            if table_lines(title, headers, text_report.NO_WRAP, rows, width) is None:
                left += 1
            else:
                drawn += 1
    assert drawn > 2 * left, (drawn, left)


@pytest.mark.parametrize("seed", range(40))
def test_generated_tables_are_drawn_as_rich_draws_them(seed: int) -> None:
    for title, headers, rows, width in generated_tables(seed):
        ours = joined(table_lines(title, headers, text_report.NO_WRAP, rows, width))
        if ours is not None:  # None: rich draws it (columns too narrow to copy)
            assert ours == rich_table(title, headers, rows, width), (title, headers, rows)


def generated_tables(seed: int) -> list[tuple[str, list[str], list[tuple[str, ...]], int]]:
    """Tables of plain text (every cell :func:`plain`), drawn from ``seed``."""
    tables = []
    rng = random.Random(seed)
    longest = rng.choice([6, 12, 30, 90, 130])
    for _ in range(10):
        width = rng.choice([120, 120, 80, 60, 40, 200])
        headers = [
            words_of(rng, rng.randint(1, 2), 8),
            words_of(rng, 1, rng.choice([5, 30])),
            words_of(rng, rng.randint(1, 4), 10),
        ]
        rows = [
            (
                words_of(rng, rng.randint(1, 2), rng.choice([4, 9, 25])),
                words_of(rng, 1, rng.choice([8, 24, 45, 70])),
                rng.choice(["", " ", "\n"]) if rng.random() < 0.05
                else words_of(rng, rng.randint(1, 60), longest),
            )
            for _ in range(rng.randint(0, 6))
        ]  # fmt: skip
        title = words_of(rng, rng.randint(0, 40), rng.choice([8, 40, 150]))
        if all(plain(t) for t in [title, *headers, *(c for row in rows for c in row)]):
            tables.append((title, headers, rows, width))
    return tables


@pytest.mark.parametrize("seed", range(20))
def test_generated_lines_are_printed_as_rich_prints_them(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(20):
        said = words_of(rng, rng.randint(0, 80), rng.choice([6, 20, 130, 300]))
        width = rng.choice([120, 120, 50, 200])
        if not plain(said):  # rich prints it (a backslash at the end)
            assert printed_lines(said, width) is None
            continue
        for soft_wrap in (False, True):
            assert joined(printed_lines(said, width, soft_wrap=soft_wrap)) == rich_printed(
                said, width, soft_wrap
            ), said


def test_the_text_report_headers_are_plain() -> None:
    for lang in ("sv", "en"):
        words = WORDS[lang]
        assert all(plain(words[k]) for k in ("severity", "rule", "message"))
        assert escape_markup(words["message"]) == words["message"]
