"""``samklang init`` and ``samklang template``: scaffold a dataset; refresh its XLSX template."""

from __future__ import annotations

from pathlib import Path

import click

from samklang.commands.options import reports_errors


@click.command()
@click.argument("directory", type=click.Path(path_type=Path))
@click.option("--kommun", required=True, help="The municipality's name, e.g. 'Vetlanda kommun'.")
@click.option("--kod", required=True, help="Its SCB municipality code, four digits, e.g. 0685.")
@reports_errors
def init(directory: Path, kommun: str, kod: str) -> None:
    """Create a dataset for a new municipality in DIRECTORY."""
    from samklang.graph.scaffold import init_dataset

    for path in init_dataset(directory, kommun, kod):
        click.echo(str(path))


@click.command()
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The workbook to write or refresh. [default: activities.xlsx in DIRECTORY]",
)
@reports_errors
def template(directory: Path, output: Path | None) -> None:
    """Write or refresh the XLSX activity template of the dataset in DIRECTORY.

    Its drop-down lists then offer the dataset's organisations, documents and goals; the rows
    of an existing workbook are kept.
    """
    from samklang.graph.scaffold import refresh_template

    click.echo(str(refresh_template(directory, output)))


COMMANDS = [init, template]
