"""The text and JSON output of ``samklang stats``: the analytics of
:mod:`samklang.network.analytics` as readable tables, or as one JSON object.

Every label goes into rich escaped (:func:`rich.markup.escape`): a name such as
``Region [region Syd]`` or ``Grupp [/]`` is printed as written, not read as markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import IO, TYPE_CHECKING

from samklang.report.json_text import write_indented
from samklang.report.plain_table import padded_table_lines

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
            lines = padded_table_lines(title, columns, rows, width)
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


def write_stats_json(stats: Stats, stream: IO[str]) -> None:
    """The statistics as one JSON object, as ``json.dump(stats.as_dict(), stream,
    ensure_ascii=False, indent=2)`` writes it (``samklang.report.json_text``)."""
    write_indented(stats.as_dict(), stream)
