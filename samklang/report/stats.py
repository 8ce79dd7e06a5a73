"""The text and JSON output of ``samklang stats``: the analytics of
:mod:`samklang.network.analytics` as readable tables, or as one JSON object.

Every label goes into rich escaped (:func:`rich.markup.escape`): a name such as
``Region [region Syd]`` or ``Grupp [/]`` is printed as written, not read as markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from samklang.network.analytics import Stats

WORDS = {
    "sv": {
        "organisations": "Organisationer: grad och mellanhandscentralitet",
        "name": "Namn",
        "municipality": "Kommun",
        "degree": "Grad",
        "betweenness": "Mellanhand",
        "activities": "Aktiviteter",
        "components": "Sammanhängande delar",
        "parts": "Delar",
        "loose": "Lösa dokument och aktiviteter",
        "kind": "Slag",
        "size": "Delens storlek",
        "none_loose": "Inga: allt hänger ihop med resten av planeringen.",
        "threads": "Röd tråd per aktivitet",
        "activity": "Aktivitet",
        "years": "År",
        "problem": "Problem",
        "factor": "Faktor",
        "goal": "Mål",
        "follow_up": "Uppföljning",
        "linked": "Problem–faktor",
        "completeness": "Fullständighet",
        "yes": "ja",
        "no": "NEJ",
        "not_due": "–",
        "document": "dokument",
        "summary": (
            "{nodes} noder och {edges} kopplingar; röda trådens fullständighet i snitt "
            "{mean} ({n} aktiviteter) per {as_of}."
        ),
    },
    "en": {
        "organisations": "Organisations: degree and betweenness centrality",
        "name": "Name",
        "municipality": "Municipality",
        "degree": "Degree",
        "betweenness": "Betweenness",
        "activities": "Activities",
        "components": "Connected components",
        "parts": "Components",
        "loose": "Loose documents and activities",
        "kind": "Kind",
        "size": "Component size",
        "none_loose": "None: everything hangs together with the rest of the planning.",
        "threads": "Red thread per activity",
        "activity": "Activity",
        "years": "Years",
        "problem": "Problem",
        "factor": "Factor",
        "goal": "Goal",
        "follow_up": "Follow-up",
        "linked": "Problem–factor",
        "completeness": "Completeness",
        "yes": "yes",
        "no": "NO",
        "not_due": "–",
        "document": "document",
        "summary": (
            "{nodes} nodes and {edges} relations; mean red-thread completeness "
            "{mean} ({n} activities) as of {as_of}."
        ),
    },
}


def _years(years: Sequence[int]) -> str:
    if not years:
        return ""
    if list(years) == list(range(years[0], years[-1] + 1)) and len(years) > 1:
        return f"{years[0]}–{years[-1]}"
    return ", ".join(str(y) for y in years)


def write_stats_text(stats: Stats, stream: IO[str], lang: str = "sv", width: int = 120) -> None:
    """The statistics as readable tables."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    words = WORDS[lang]
    console = Console(file=stream, width=width, no_color=True, highlight=False, soft_wrap=False)

    def table(title: str, columns: Iterable[str], rows: Iterable[Sequence[str]]) -> None:
        columns, rows = list(columns), list(rows)
        if console.color_system is None:  # no styles to write: the plain lines will do
            lines = plain_table(title, columns, rows, width)
            if lines is not None:
                stream.write("\n".join(lines) + "\n")
                return
        # Every cell is a name from the data or a word: none of it is markup.
        t = Table(title=escape(title), title_justify="left")
        for column in columns:
            t.add_column(escape(column))
        for row in rows:
            t.add_row(*(escape(cell) for cell in row))
        console.print(t)

    def flag(value: bool | None) -> str:
        return words["not_due"] if value is None else words["yes"] if value else words["no"]

    table(
        words["organisations"],
        [
            words["name"],
            words["municipality"],
            words["degree"],
            words["betweenness"],
            words["activities"],
        ],
        [
            (c.label, c.municipality, str(c.degree), f"{c.betweenness:.3f}", str(c.activities))
            for c in stats.organisations
        ],
    )
    table(
        words["components"],
        [words["municipality"], words["parts"]],
        [(code, str(n)) for code, n in stats.components.items()],
    )
    if stats.loose:
        table(
            words["loose"],
            [words["name"], words["kind"], words["municipality"], words["size"]],
            [
                (
                    item.label,
                    words.get(item.kind, item.kind),
                    item.municipality,
                    str(item.component_size),
                )
                for item in stats.loose
            ],
        )
    else:
        console.print(escape(f"{words['loose']}: {words['none_loose']}"))
    table(
        words["threads"],
        [
            words["activity"],
            words["municipality"],
            words["years"],
            words["problem"],
            words["factor"],
            words["goal"],
            words["follow_up"],
            words["linked"],
            words["completeness"],
        ],
        [
            (
                t.label,
                t.municipality,
                _years(t.years),
                flag(t.problem),
                flag(t.factor if t.factor or "factor" in t.missing else None),
                flag(t.goal),
                flag(t.follow_up),
                flag(t.linked),
                f"{t.completeness:.0%}",
            )
            for t in stats.threads
        ],
    )
    mean = stats.thread_completeness
    summary = words["summary"].format(
        nodes=stats.nodes,
        edges=stats.edges,
        mean="–" if mean is None else f"{mean:.0%}",
        n=len(stats.threads),
        as_of=stats.as_of,
    )
    console.print(escape(summary))


_UNSURE = re.compile(r":\S*?:")
"""What rich may read as an emoji code (``:smile:``): such a cell is left to rich."""


def plain_table(
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
        if ":" in text and _UNSURE.search(text) or "\\" in text:
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


def write_stats_json(stats: Stats, stream: IO[str]) -> None:
    """The statistics as one JSON object: the text of ``json.dump(stats.as_dict(), stream,
    ensure_ascii=False, indent=2)``, written by :func:`_json` (at 290 municipalities, 73,000
    threads, the standard library's indenting encoder took 10 s of it, this 1 s)."""
    parts: list[str] = []
    _json(stats.as_dict(), "\n", parts)
    stream.write("".join(parts))
    stream.write("\n")


def _json(value: object, newline: str, out: list[str]) -> None:
    """Append the JSON text of ``value`` to ``out`` as ``json.dumps(value, indent=2,
    ensure_ascii=False)`` writes it, ``newline`` being the line break and indentation before
    ``value``'s own items' level less one step."""
    scalar = _scalar(value)
    if scalar is not None:
        out.append(scalar)
        return
    if isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        opening = "{" + inner
        keys = _KEYS
        for key, item in value.items():
            text = keys.get(key) if type(key) is str else None
            if text is None:
                text = encode_basestring(_key(key)) + ": "
                if type(key) is str:
                    keys[key] = text
            kind = type(item)  # the common scalars inline: most of the values written
            if kind is str:
                out.append(opening + text + encode_basestring(item))
            elif kind is bool:
                out.append(opening + text + ("true" if item else "false"))
            elif kind is int:
                out.append(opening + text + int.__repr__(item))
            else:
                scalar = _scalar(item)
                if scalar is not None:
                    out.append(opening + text + scalar)
                else:
                    out.append(opening + text)
                    _json(item, inner, out)
            opening = "," + inner
        out.append(newline + "}")
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        opening = "[" + inner
        for item in value:
            scalar = _scalar(item)
            if scalar is not None:
                out.append(opening + scalar)
            else:
                out.append(opening)
                _json(item, inner, out)
            opening = "," + inner
        out.append(newline + "]")
    else:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


_KEYS: dict[object, str] = {}
"""The text of each mapping key written so far, with its colon: the same few field names
come back for every record."""


def _scalar(value: object) -> str | None:
    """The JSON text of a string, number, boolean or null; ``None`` for anything else."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)  # type: ignore[arg-type]
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return int.__repr__(value)  # type: ignore[arg-type]
    if kind is float:
        return _float(value)  # type: ignore[arg-type]
    if value is None:
        return "null"
    if isinstance(value, str):
        return encode_basestring(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    return None


def _key(key: object) -> str:
    """A mapping's key as ``json`` writes it."""
    if isinstance(key, str):
        return key
    if key is None or isinstance(key, bool):
        return {None: "null", True: "true", False: "false"}[key]
    if isinstance(key, float):
        return _float(key)
    if isinstance(key, int):
        return int.__repr__(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)
