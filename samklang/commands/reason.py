"""``samklang reason``: OWL reasoning over the ontology and a dataset (owlready2, Java).

The report it prints is written by :mod:`samklang.report.reasoning`.
"""

from __future__ import annotations

import io
import sys
from datetime import date
from pathlib import Path

import click

from samklang.commands.options import (
    DateType,
    language_option,
    output_option,
    reports_errors,
    sources_options,
    write_output,
)
from samklang.status import ExitStatus

SLOW_SECONDS = 30.0
"""Reasoning slower than this gets a note on stderr (and in JSON)."""


@click.command()
@sources_options()
@click.option(
    "--reasoner",
    type=click.Choice(["hermit", "pellet"]),
    default="hermit",
    show_default=True,
    help="The OWL reasoner bundled with owlready2 (both need Java).",
)
@click.option(
    "--as-of",
    type=DateType(),
    default=None,
    help="Reference date for sk:DocumentInForce. [default: today]",
)
@language_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "turtle"]),
    default="text",
    show_default=True,
    help="text (a report), json, or turtle (the inferred rdf:type triples only).",
)
@output_option
@click.option(
    "--explain/--no-explain",
    default=True,
    show_default=True,
    help="When inconsistent, run the reasoner a few more times to find the statements behind "
    "each contradiction.",
)
@reports_errors
def reason(
    paths: tuple[Path, ...],
    store_dir: Path | None,
    endpoint: str | None,
    reasoner: str,
    as_of: date | None,
    lang: str,
    output_format: str,
    output: str | None,
    explain: bool,
) -> None:
    """Check that the ontology and the data in PATH are consistent, and list the class
    memberships an OWL reasoner infers (e.g. a family-domain activity, a decided document).

    Exit status: 0 consistent, 1 inconsistent, 2 bad input or no Java.
    """
    import pyoxigraph as ox

    from samklang.graph.corpus import open_sources
    from samklang.reasoning.model import SLOW_INDIVIDUALS
    from samklang.reasoning.reason import data_quads
    from samklang.reasoning.reason import reason as run_reason
    from samklang.report.reasoning import WORDS, as_text, render, slow_note

    store = open_sources(paths, store_dir, endpoint, runs_rules=False)
    quads = data_quads(store)  # type: ignore[arg-type]
    words = WORDS[lang]
    individuals = len({q.subject for q in quads if isinstance(q.subject, ox.NamedNode)})
    if individuals > SLOW_INDIVIDUALS:
        click.echo(words["large"].format(n=individuals), err=True)
    # ReasonerUnavailableError (no Java) is said by reports_errors, in --lang.
    result = run_reason(
        quads,
        reasoner,
        as_of=as_of,
        explain=explain,
        explaining=lambda: click.echo(words["explaining"], err=True),
    )
    note = slow_note(result, lang) if result.seconds > SLOW_SECONDS else None
    text = render(result, output_format, lang, note)
    if output_format == "turtle" and not result.consistent:
        click.echo(as_text(result, lang).rstrip("\n"), err=True)

    def write(stream: io.StringIO) -> None:
        stream.write(text)

    write_output(output, write)
    if note and output_format != "json":
        click.echo(note, err=True)
    if not result.consistent:
        sys.exit(ExitStatus.FINDINGS)


COMMANDS = [reason]
