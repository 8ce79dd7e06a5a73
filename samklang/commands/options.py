"""Options and helpers shared by the commands: dates, languages, error reporting, output."""

from __future__ import annotations

import functools
import io
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from samklang.errors import SamklangError, UsageError
from samklang.files import write_atomically
from samklang.status import ExitStatus

F = TypeVar("F", bound=Callable[..., Any])


class DateType(click.ParamType):
    """A ``YYYY-MM-DD`` date, checked while parsing options."""

    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        from samklang.graph.schema import FieldValueError, parse_date

        try:
            return parse_date(str(value))
        except FieldValueError as err:
            self.fail(str(err), param, ctx)


def reports_errors(command: F) -> F:
    """Turn the library's errors into one sentence on stderr and exit status 2."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except SamklangError as err:
            if click.get_current_context().find_root().params.get("traceback"):
                raise
            message = str(err)
            click.echo(f"samklang: {message}{'' if message.endswith('.') else '.'}", err=True)
            sys.exit(ExitStatus.BAD_INPUT)

    return wrapper  # type: ignore[return-value]


def write_output(output: str | None, render: Callable[[io.StringIO], None]) -> None:
    """Render to stdout, or to ``output`` through a temporary file renamed into place."""
    buffer = io.StringIO()
    render(buffer)
    if output is None or output == "-":
        click.echo(buffer.getvalue(), nl=False)
        return
    target = Path(output)
    if not target.parent.is_dir():
        raise UsageError(f"cannot write {target}: the folder {target.parent} does not exist")
    write_atomically(target, buffer.getvalue())


language_option = click.option(
    "--lang",
    type=click.Choice(["sv", "en"]),
    default="sv",
    show_default=True,
    help="Language of messages.",
)


# Where a command reads its data: dataset PATHs, an on-disk store, or a SPARQL endpoint
# (exactly one; samklang.graph.corpus.open_sources decides).
sources_argument = click.argument(
    "paths", nargs=-1, type=click.Path(exists=True, path_type=Path), metavar="[PATH]..."
)
store_option = click.option(
    "--store",
    "store_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Read this on-disk store (built by 'samklang load') instead of PATHs.",
)
endpoint_option = click.option(
    "--endpoint",
    default=None,
    metavar="URL",
    help="Read this SPARQL 1.1 endpoint (e.g. http://127.0.0.1:8890/sparql) instead of PATHs.",
)

output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write to this file instead of stdout.",
)
"""``-o FILE``: written whole, through a temporary file (see :func:`write_output`)."""
