"""``samklang init``: scaffold a new municipality's dataset."""

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


COMMANDS = [init]
