"""The ``samklang`` command. Each command lives in the module of its family under
``samklang/commands/``; this file only gathers them. Errors become one sentence on stderr and
exit status 2 (see ``samklang/status.py``)."""

from __future__ import annotations

import importlib
import pkgutil

import click

import samklang.commands
from samklang import __version__
from samklang.commands.options import Group


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="samklang")
@click.option("--traceback", is_flag=True, help="Show the Python traceback of an error.")
def cli(traceback: bool) -> None:
    """Check whether a municipality's crime-prevention planning hangs together.

    Exit status: 0 nothing at or above --fail-on, 1 findings, 2 bad input or usage.
    Messages are in Swedish; --lang en on any command (or SAMKLANG_LANG=en) for English.
    """


def _register() -> None:
    """Add the ``COMMANDS`` of every module in ``samklang/commands/`` (they import heavy
    libraries only when run, so this stays cheap)."""
    for module in pkgutil.iter_modules(samklang.commands.__path__):
        commands = getattr(
            importlib.import_module(f"samklang.commands.{module.name}"), "COMMANDS", ()
        )
        for command in commands:
            cli.add_command(command)


_register()


def main() -> None:
    """Entry point of the console script."""
    cli(prog_name="samklang")


if __name__ == "__main__":  # python -m samklang.cli
    main()
