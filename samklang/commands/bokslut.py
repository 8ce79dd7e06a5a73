"""``samklang bokslut``: the yearly trygghetsbokslut, drafted from the graph."""

from __future__ import annotations

import re
from pathlib import Path

import click

from samklang.commands.options import language_option, reports_errors, sources_options
from samklang.errors import UsageError


class YearType(click.ParamType):
    """A year of four digits, checked while parsing options."""

    name = "YYYY"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> int:
        if isinstance(value, int):
            return value
        text = str(value).strip()
        if not re.fullmatch(r"\d{4}", text):
            self.fail(f"'{value}' is not a year; expected four digits such as 2021", param, ctx)
        return int(text)


@click.command()
@sources_options()
@click.option("--year", required=True, type=YearType(), help="The year the report is about.")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The file to write: .docx, .html or .md (the suffix decides the format).",
)
@click.option(
    "--kod",
    "code",
    default=None,
    metavar="NNNN",
    help="The municipality (SCB code), when the data holds several.",
)
@language_option
@reports_errors
def bokslut(
    paths: tuple[Path, ...],
    store_dir: Path | None,
    endpoint: str | None,
    year: int,
    output: Path,
    code: str | None,
    lang: str,
) -> None:
    """Draft the yearly trygghetsbokslut of a municipality: per goal its indicators with
    baseline, the year's value, the trend and the verdict, a chart per indicator, planned
    against done, what is missing to assess, Brå's caveats and a decision line to fill in.
    Every number has a note naming its file and row (docs/follow-up.md)."""
    from samklang.files import write_bytes_atomically
    from samklang.graph.corpus import open_sources
    from samklang.report.bokslut.model import build
    from samklang.report.bokslut.render import SUFFIXES, render

    if output.suffix.lower() not in SUFFIXES:
        raise UsageError(
            f"cannot write {output}: '{output.suffix or '(no suffix)'}' is not a format of the "
            f"bokslut; expected a file name ending in {', '.join(SUFFIXES)}"
        )
    if not output.parent.is_dir():
        raise UsageError(f"cannot write {output}: the folder {output.parent} does not exist")
    store = open_sources(paths, store_dir, endpoint, runs_rules=False)
    if endpoint:
        from samklang.queries import verdict
        from samklang.report.words import WORDS

        if verdict.skips_verdicts(store):
            click.echo(WORDS[lang]["verdicts_skipped_query"], err=True)
    data = render(build(store, year, lang, code), output.suffix)
    write_bytes_atomically(output, data)


COMMANDS = [bokslut]
