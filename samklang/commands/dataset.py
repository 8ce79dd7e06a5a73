"""``samklang init`` and ``samklang template``: scaffold a dataset; refresh its XLSX template."""

from __future__ import annotations

from pathlib import Path

import click

from samklang.commands.options import language_option, reports_errors


@click.command()
@click.argument("directory", type=click.Path(path_type=Path))
@click.option("--kommun", required=True, help="The municipality's name, e.g. 'Vetlanda kommun'.")
@click.option("--kod", required=True, help="Its SCB municipality code, four digits, e.g. 0685.")
@language_option
@reports_errors
def init(directory: Path, kommun: str, kod: str, lang: str) -> None:
    """Create a dataset for a new municipality in DIRECTORY."""
    from samklang.graph.scaffold import init_dataset
    from samklang.messages import text

    for path in init_dataset(directory, kommun, kod):
        click.echo(str(path))
    click.echo(text("init", lang, name=kommun, code=kod, folder=directory), err=True)


@click.command()
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The workbook to write or refresh. [default: activities.xlsx in DIRECTORY]",
)
@language_option
@reports_errors
def template(directory: Path, output: Path | None, lang: str) -> None:
    """Write or refresh the XLSX activity template of the dataset in DIRECTORY.

    Its drop-down lists then offer the dataset's organisations, documents and goals; the rows
    of an existing workbook are kept.
    """
    from samklang.graph.scaffold import refresh_template
    from samklang.messages import text

    target = refresh_template(directory, output)
    click.echo(str(target))
    click.echo(text("template", lang, path=target), err=True)


COMMANDS = [init, template]
