"""The ``samklang`` command: each subcommand parses options, calls one library function,
and writes its result. Errors become one sentence on stderr and exit status 2."""

from __future__ import annotations

import functools
import io
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from samklang import __version__
from samklang.errors import SamklangError, UsageError
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
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(buffer.getvalue())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


language_option = click.option(
    "--lang",
    type=click.Choice(["sv", "en"]),
    default="sv",
    show_default=True,
    help="Language of messages.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="samklang")
@click.option("--traceback", is_flag=True, help="Show the Python traceback of an error.")
def cli(traceback: bool) -> None:
    """Check whether a municipality's crime-prevention planning hangs together.

    Exit status: 0 nothing at or above --fail-on, 1 findings, 2 bad input or usage.
    """


@cli.command()
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--as-of",
    type=DateType(),
    default=None,
    help="Reference date for what is in force. [default: today]",
)
@language_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default="error",
    show_default=True,
    help="Exit with status 1 when a finding is at least this severe.",
)
@click.option(
    "--setting",
    "assignments",
    multiple=True,
    metavar="NAME=VALUE",
    help="Change a rule parameter, e.g. mandate_first_year=2020 (repeat; see docs/rules.md).",
)
@click.option("--rules", "only", multiple=True, metavar="ID", help="Run only this rule (repeat).")
@click.option("--skip", multiple=True, metavar="ID", help="Skip this rule (repeat).")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write to this file instead of stdout.",
)
@reports_errors
def check(
    path: Path,
    as_of: date | None,
    lang: str,
    output_format: str,
    fail_on: str,
    assignments: tuple[str, ...],
    only: tuple[str, ...],
    skip: tuple[str, ...],
    output: str | None,
) -> None:
    """Check the dataset in PATH against the coherence rules."""
    from samklang.queries.check import check as run_check
    from samklang.queries.check import select_rules
    from samklang.queries.rule import SEVERITIES
    from samklang.queries.settings import Settings
    from samklang.report import write_json, write_text

    as_of = as_of or date.today()
    pairs = {}
    for assignment in assignments:
        name, equals, value = assignment.partition("=")
        if not equals:
            raise click.BadParameter(f"'{assignment}' is not NAME=VALUE", param_hint="--setting")
        pairs[name.strip()] = value.strip()
    settings = Settings(as_of=as_of).replace(pairs)
    findings = run_check(path, lang=lang, rules=select_rules(only, skip), settings=settings)
    if output_format == "json":
        write_output(output, lambda s: write_json(findings, s, as_of))
    else:
        terminal = output in (None, "-") and sys.stdout.isatty()
        write_output(output, lambda s: write_text(findings, s, lang, as_of, terminal))
    if fail_on != "never":
        threshold = SEVERITIES.index(fail_on)
        if any(SEVERITIES.index(f.severity) >= threshold for f in findings):
            sys.exit(ExitStatus.FINDINGS)


@cli.command()
@language_option
@reports_errors
def rules(lang: str) -> None:
    """List the coherence rules: ID, severity, title and basis."""
    from samklang.queries.rule import catalogue

    for rule in catalogue().values():
        click.echo(f"{rule.id}\t{rule.severity}\t{rule.title[lang]}\t{rule.url}")


@cli.command()
@click.argument("directory", type=click.Path(path_type=Path))
@click.option("--kommun", required=True, help="The municipality's name, e.g. 'Vetlanda kommun'.")
@click.option("--kod", required=True, help="Its SCB municipality code, four digits, e.g. 0685.")
@reports_errors
def init(directory: Path, kommun: str, kod: str) -> None:
    """Create a dataset for a new municipality in DIRECTORY."""
    from samklang.graph.scaffold import init_dataset

    for path in init_dataset(directory, kommun, kod):
        click.echo(str(path))


def main() -> None:
    """Entry point of the console script."""
    cli(prog_name="samklang")
