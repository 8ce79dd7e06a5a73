"""The text report written without rich, character for character as rich writes it to a file
(no colours, 120 columns): a table per section with rich's heavy-headed box, its columns sized,
its cells wrapped and cut as rich does, then lines wrapped as ``Console.print`` wraps them.

Importing rich and drawing the tables took about 60 ms of a 0.4 s ``samklang check`` of one
dataset (issue 19); this takes about 3 ms. It writes only what it can write as rich does:
text of characters one cell wide (:data:`ONE_CELL`), without ``[`` (rich markup), ``:name:``
(rich emoji codes) or a backslash ending a line (which rich's markup escape doubles), into
columns at least :data:`NARROWEST` wide. For anything else
:func:`table_lines` and :func:`printed_lines` return ``None`` and the report is drawn by rich
(``samklang/report/text.py``), as it is on a terminal. ``tests/test_report_plain.py`` compares
the two on the examples and on generated findings. The statistics' tables (``samklang stats``,
rich's ``Table`` without ``expand``) are drawn by :func:`padded_table_lines`, only where rich
would do no more than pad each cell; ``tests/test_stats_output.py`` compares those.

What is copied from rich (13–15): ``Table`` with ``expand=True``, ``padding=(0, 1)``,
``box.HEAVY_HEAD``, a title justified left; ``Column`` defaults (justify left, overflow
ellipsis, cells aligned at the top, the header at the bottom); ``Table._calculate_column_widths``
and ``_collapse_widths``; ``_ratio.ratio_reduce`` and ``ratio_distribute``; ``Measurement`` of
padded text; ``Text.wrap`` with ``_wrap.divide_line``; ``Console.print`` with and without
``soft_wrap``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from math import ceil

ONE_CELL = frozenset(
    "\n"
    + "".join(map(chr, range(0x20, 0x7F)))
    + "".join(map(chr, range(0xA0, 0xAD)))
    + "".join(map(chr, range(0xAE, 0x300)))
    + "–—‘’‚“”„•…‰′″‹›€→←↑↓↔⇒✓✔✗×"
)
"""Characters rich gives one cell (``rich.cells``; checked by the tests), and the line break."""

NARROWEST = 4
"""Columns narrower than this (a cell's text would be under two cells) are left to rich."""

_EMOJI = re.compile(r":(\S*?):")  # what rich's emoji replacement looks at
_BACKSLASH_AT_END = re.compile(r"\\(?:\n|\Z)")  # rich.markup.escape adds one after a piece
_WORD = re.compile(r"\s*\S+\s*")  # rich._wrap.re_word
_TRAILING_SPACE = re.compile(r"\s+$")

# box.HEAVY_HEAD
_TOP = ("┏", "━", "┳", "┓")
_HEAD_ROW = ("┡", "━", "╇", "┩")
_BOTTOM = ("└", "─", "┴", "┘")
_HEAD_EDGE = "┃"
_ROW_EDGE = "│"


def plain(text: str) -> bool:
    """Whether ``text`` is written here exactly as rich writes it (see the module): a piece
    of text that ends in a backslash (before a line break, or at the end) is left to rich,
    whose markup escape doubles it."""
    return (
        "[" not in text
        and ONE_CELL.issuperset(text)
        and _EMOJI.search(text) is None
        and _BACKSLASH_AT_END.search(text) is None
    )


def table_lines(
    title: str,
    headers: Sequence[str],
    no_wrap: Sequence[bool],
    rows: Sequence[Sequence[str]],
    width: int,
) -> list[str] | None:
    """The lines rich prints for a table of ``rows`` under ``headers`` (columns with
    ``no_wrap`` are not wrapped), titled ``title``, expanded to ``width``; ``None`` when the
    texts or the widths are beyond what is copied here."""
    texts = [title, *headers, *(cell for row in rows for cell in row)]
    if not all(plain(text) for text in texts):
        return None
    columns = [[header, *(row[i] for row in rows)] for i, header in enumerate(headers)]
    extra = 2 + len(headers) - 1  # the two edges and the dividers
    widths = _column_widths(columns, no_wrap, width - extra)
    if min(widths) < NARROWEST:
        return None
    table_width = sum(widths) + extra
    lines = _wrap(title, table_width, justify="left", overflow="fold") if title else []
    lines.append(_rule(_TOP, widths))
    for index, cells in enumerate(zip(*columns, strict=True)):
        header = index == 0
        shaped = [
            [
                f" {line} "
                for line in _wrap(cell, w - 2, justify="left", overflow="ellipsis", no_wrap=nw)
            ]
            for cell, w, nw in zip(cells, widths, no_wrap, strict=True)
        ]
        height = max(len(cell) for cell in shaped)
        for cell, w in zip(shaped, widths, strict=True):
            blank = [" " * w] * (height - len(cell))
            cell[:] = blank + cell if header else cell + blank
        edge = _HEAD_EDGE if header else _ROW_EDGE
        for line in zip(*shaped, strict=True):
            lines.append(edge + edge.join(line) + edge)
        if header:
            lines.append(_rule(_HEAD_ROW, widths))
    lines.append(_rule(_BOTTOM, widths))
    return [line[:width] for line in lines]  # Console.print crops to the console's width


def printed_lines(text: str, width: int, *, soft_wrap: bool = False) -> list[str] | None:
    """The lines ``Console.print(text)`` prints (``text`` as markup that holds none), wrapped
    at ``width`` unless ``soft_wrap``; ``None`` when the text is beyond what is copied here."""
    if not plain(text):
        return None
    if soft_wrap:
        return text.split("\n")
    return [line[:width] for line in _wrap(text, width, justify="default", overflow="fold")]


def _rule(box: tuple[str, str, str, str], widths: Sequence[int]) -> str:
    left, across, divider, right = box
    return left + divider.join(across * w for w in widths) + right


def _measure(text: str, max_width: int) -> tuple[int, int]:
    """``Measurement.get`` of ``Padding(text, (0, 1))`` at ``max_width``: the narrowest and
    widest the cell can be."""
    if max_width < 1:
        return (0, 0)
    if max_width - 2 < 1:
        low, high = max_width, max_width
    else:
        lines = text.splitlines()
        high = max(len(line) for line in lines) if lines else 0
        words = text.split()
        low = max(len(word) for word in words) if words else high
        low, high = _normal(low, high)  # Measurement.get of the text
        low, high = min(low, max_width), min(high, max_width)
        if high < 1:
            low, high = 0, 0
        else:
            low, high = _normal(low, high)
        low, high = min(low + 2, max_width), min(high + 2, max_width)
    low, high = _normal(low, high)
    low, high = min(low, max_width), min(high, max_width)
    if high < 1:
        return (0, 0)
    return _normal(low, high)


def _normal(low: int, high: int) -> tuple[int, int]:
    low = min(max(0, low), high)
    return (max(0, low), max(0, max(low, high)))


def _measure_column(cells: Sequence[str], max_width: int) -> tuple[int, int]:
    if max_width < 1:
        return (0, 0)
    found = [_measure(cell, max_width) for cell in cells]
    low = max(m[0] for m in found) if found else 1
    high = max(m[1] for m in found) if found else max_width
    return (min(low, max_width), min(high, max_width))


def _column_widths(
    columns: Sequence[Sequence[str]], no_wrap: Sequence[bool], max_width: int
) -> list[int]:
    """``Table._calculate_column_widths`` for columns of no fixed width or ratio, expanded."""
    widths = [_measure_column(cells, max_width)[1] or 1 for cells in columns]
    table_width = sum(widths)
    if table_width > max_width:
        widths = _collapse(widths, [not nw for nw in no_wrap], max_width)
        table_width = sum(widths)
        if table_width > max_width:
            excess = table_width - max_width
            widths = _ratio_reduce(excess, [1] * len(widths), widths, widths)
            table_width = sum(widths)
        widths = [_measure_column(cells, w)[1] for w, cells in zip(widths, columns, strict=True)]
    if table_width < max_width and sum(widths) > 0:  # the width before measuring again
        pads = _ratio_distribute(max_width - table_width, widths)
        widths = [w + pad for w, pad in zip(widths, pads, strict=True)]
    return widths


def _collapse(widths: list[int], wrapable: list[bool], max_width: int) -> list[int]:
    total = sum(widths)
    excess = total - max_width
    if any(wrapable):
        while total and excess > 0:
            widest = max(w for w, wrap in zip(widths, wrapable, strict=True) if wrap)
            second = max(
                w if wrap and w != widest else 0 for w, wrap in zip(widths, wrapable, strict=True)
            )
            difference = widest - second
            ratios = [
                1 if (w == widest and wrap) else 0 for w, wrap in zip(widths, wrapable, strict=True)
            ]
            if not any(ratios) or not difference:
                break
            widths = _ratio_reduce(excess, ratios, [min(excess, difference)] * len(widths), widths)
            total = sum(widths)
            excess = total - max_width
    return widths


def _ratio_reduce(
    total: int, ratios: list[int], maximums: list[int], values: list[int]
) -> list[int]:
    ratios = [ratio if most else 0 for ratio, most in zip(ratios, maximums, strict=True)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining = total
    result = []
    for ratio, most, value in zip(ratios, maximums, values, strict=True):
        if ratio and total_ratio > 0:
            distributed = min(most, round(ratio * remaining / total_ratio))
            result.append(value - distributed)
            remaining -= distributed
            total_ratio -= ratio
        else:
            result.append(value)
    return result


def _ratio_distribute(total: int, ratios: list[int]) -> list[int]:
    total_ratio = sum(ratios)
    remaining = total
    result = []
    for ratio in ratios:
        distributed = (
            max(0, ceil(ratio * remaining / total_ratio)) if total_ratio > 0 else remaining
        )
        result.append(distributed)
        total_ratio -= ratio
        remaining -= distributed
    return result


def _wrap(
    text: str, width: int, *, justify: str, overflow: str, no_wrap: bool = False
) -> list[str]:
    """``Text.wrap``: each line of ``text`` broken into lines of ``width``, padded to it when
    justified left, cut (with ``…`` for the ellipsis) where a word is longer."""
    lines = []
    for line in text.split("\n"):
        if no_wrap:
            pieces = [line]
        else:
            offsets = _divide_line(line, width, fold=overflow == "fold")
            bounds = [0, *offsets, len(line)]
            pieces = [
                _rstrip_end(line[a:b], width) for a, b in zip(bounds, bounds[1:], strict=False)
            ]
        if justify == "left":
            pieces = [_truncate(piece, width, overflow, pad=True) for piece in pieces]
        lines.extend(_truncate(piece, width, overflow) for piece in pieces)
    return lines


def _divide_line(text: str, width: int, *, fold: bool) -> list[int]:
    """``rich._wrap.divide_line`` for characters one cell wide: where lines break."""
    breaks: list[int] = []
    offset = 0
    position = 0
    while (match := _WORD.match(text, position)) is not None:
        start, position = match.span()
        word = match[0]
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:
            if fold:
                chunks = [word[i : i + width] for i in range(0, len(word), width)] or [""]
                for last, chunk in ((i == len(chunks) - 1, c) for i, c in enumerate(chunks)):
                    if start:
                        breaks.append(start)
                    if last:
                        offset = len(chunk)
                    else:
                        start += len(chunk)
            else:
                if start:
                    breaks.append(start)
                offset = len(word)
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    return breaks


def _rstrip_end(text: str, size: int) -> str:
    if len(text) > size:
        excess = len(text) - size
        space = _TRAILING_SPACE.search(text)
        if space is not None:
            return text[: len(text) - min(len(space[0]), excess)]
    return text


def _truncate(text: str, width: int, overflow: str, *, pad: bool = False) -> str:
    length = len(text)
    if length > width:
        text = text[: width - 1] + "…" if overflow == "ellipsis" else text[:width]
    if pad and length < width:
        text += " " * (width - length)
    return text


_EMOJI_LIKE = re.compile(r":\S*?:")
"""What rich may read as an emoji code (``:smile:``): such a cell is left to rich."""


def padded_table_lines(
    title: str, columns: Sequence[str], rows: Sequence[Sequence[str]], width: int
) -> list[str] | None:
    """The lines rich draws for ``Table(title=title, title_justify="left")`` with these
    columns and rows on a console ``width`` wide without styles, or ``None`` where rich
    would do more than pad each cell to its column: a table wider than ``width`` or a title
    wider than the table (rich wraps them), no rows, a cell of other than one-column
    printable characters, with what may be an emoji code or with a backslash. On the
    30-municipality store (7,600 threads) ``stats`` took 7.8 s of processor time with rich
    drawing every table, 2.3 s with these lines."""
    if not rows:
        return None
    for text in (title, *columns, *(cell for row in rows for cell in row)):
        if not (text.isascii() or _one_column_each(text)) or not text.isprintable():
            return None
        if ":" in text and _EMOJI_LIKE.search(text) or "\\" in text:
            return None  # an emoji code, or a backslash rich may print doubled
    widths = [len(c) for c in columns]
    for row in rows:
        if len(row) != len(widths):
            return None
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]
    total = sum(widths) + 3 * len(widths) + 1
    if total > width or len(title) > total:
        return None

    def line(left: str, fill: str, middle: str, right: str) -> str:
        return left + middle.join(fill * (w + 2) for w in widths) + right

    def cells(edge: str, texts: Sequence[str]) -> str:
        inner = f" {edge} ".join(t.ljust(w) for t, w in zip(texts, widths, strict=True))
        return f"{edge} {inner} {edge}"

    return [
        title.ljust(total),
        line("┏", "━", "┳", "┓"),
        cells("┃", columns),
        line("┡", "━", "╇", "┩"),
        *(cells("│", row) for row in rows),
        line("└", "─", "┴", "┘"),
    ]


def _one_column_each(text: str) -> bool:
    """Whether every character of ``text`` takes one column (rich's own measure)."""
    from rich.cells import cell_len

    return cell_len(text) == len(text)
