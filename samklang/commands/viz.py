"""``samklang viz`` and ``samklang stats``: interactive graphs and network analytics."""

from __future__ import annotations

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

VIEW_NAMES = ["coverage", "documents", "chain", "organisations", "national"]

municipality_option = click.option(
    "--municipality",
    "municipality",
    metavar="CODE",
    default=None,
    help="Draw or measure only this municipality (SCB code, e.g. 0685) of a corpus.",
)
as_of_option = click.option(
    "--as-of",
    type=DateType(),
    default=None,
    help="Reference date: follow-up is due for earlier years; findings as of it. [default: today]",
)


@click.command()
@sources_options()
@click.option(
    "--view",
    type=click.Choice(VIEW_NAMES),
    default="coverage",
    show_default=True,
    help="What to draw: coverage (goals, activities, factors, domains), documents (hierarchy, "
    "references, findings), chain (the red thread), organisations, or national (a corpus: "
    "municipalities × domains; coverage of a corpus is drawn this way too).",
)
@municipality_option
@as_of_option
@language_option
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="The HTML file to write ('-' for stdout). [default: VIEW.html]",
)
@reports_errors
def viz(
    paths: tuple[Path, ...],
    store_dir: Path | None,
    endpoint: str | None,
    view: str,
    municipality: str | None,
    as_of: date | None,
    lang: str,
    output: str | None,
) -> None:
    """Draw the planning in PATH (a dataset folder; several make a corpus) as one
    self-contained HTML page that opens offline in any browser.

    One dataset is drawn with the findings 'samklang check' gives it (its own settings and
    acceptances apply); a corpus, store or endpoint with the default settings.
    """
    from samklang.graph.corpus import open_sources
    from samklang.graph.rdf_file import is_corpus_file
    from samklang.viz.visualise import build_view, render_html

    findings = None
    alone = len(paths) == 1 and not store_dir and not endpoint and not is_corpus_file(paths[0])
    if alone and view != "national":
        # One dataset is drawn with the findings `samklang check` gives it: its own settings
        # and acceptances apply (Vetlanda's mandate convention starts in 2020, so no
        # PER-MANDATE), as they do not in a corpus.
        from samklang.graph.source_kind import load_dataset
        from samklang.queries.check import check

        findings = check(load_dataset(paths[0]), lang=lang, as_of=as_of or date.today())
    store = open_sources(paths, store_dir, endpoint, runs_rules=not alone)
    built = build_view(
        store, view, lang=lang, as_of=as_of, municipality=municipality, findings=findings
    )
    page = render_html(built)
    target = output or f"{view}.html"
    write_output(target, lambda stream: print(page, end="", file=stream))
    if target != "-":
        click.echo(target)


@click.command()
@sources_options()
@municipality_option
@as_of_option
@language_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@output_option
@reports_errors
def stats(
    paths: tuple[Path, ...],
    store_dir: Path | None,
    endpoint: str | None,
    municipality: str | None,
    as_of: date | None,
    lang: str,
    output_format: str,
    output: str | None,
) -> None:
    """Network analytics of the planning in PATH: organisations' degree and betweenness,
    loose documents and activities, and red-thread completeness per activity."""
    from samklang.graph.corpus import open_sources
    from samklang.network.analytics import compute_stats
    from samklang.report.stats import write_stats_json, write_stats_text

    store = open_sources(paths, store_dir, endpoint, runs_rules=False)
    result = compute_stats(store, as_of=as_of, municipality=municipality, lang=lang)
    if output_format == "json":
        write_output(output, lambda s: write_stats_json(result, s))
    else:
        write_output(output, lambda s: write_stats_text(result, s, lang))


COMMANDS = [viz, stats]
