"""Options and helpers shared by the commands: dates, languages, where the data is, ``NAME=VALUE``
options, error reporting, output."""

from __future__ import annotations

import functools
import io
import logging
import sys
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from samklang import messages
from samklang.errors import SamklangError, UsageError
from samklang.files import write_atomically
from samklang.status import ExitStatus
from samklang.terminal import printable

F = TypeVar("F", bound=Callable[..., Any])


class DateType(click.ParamType):
    """A ``YYYY-MM-DD`` date, checked while parsing options."""

    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        from samklang.graph.values import FieldValueError, parse_date

        try:
            return parse_date(str(value))
        except FieldValueError as err:
            self.fail(str(err), param, ctx)


def reports_errors(command: F) -> F:
    """Turn the library's errors into one sentence on stderr, in the command's ``--lang``
    (see :mod:`samklang.messages`), and exit status 2."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        said = _Warnings(kwargs.get("lang") or messages.default_language())
        library = logging.getLogger("samklang")
        library.addHandler(said)
        try:
            return command(*args, **kwargs)
        except SamklangError as err:
            _report(err)
        except OSError as err:
            # A file the system refuses (no permission, a folder where a file should be, a
            # read-only disk) where no reader or writer named it first: still one sentence.
            if err.filename is None:
                raise
            _report(UsageError(f"cannot use {err.filename}: {err.strerror or err}"), err)
        finally:
            library.removeHandler(said)

    return wrapper  # type: ignore[return-value]


class _Warnings(logging.Handler):
    """The library's warnings (``samklang.*`` loggers, written in English) on stderr in the
    command's language, one line each."""

    def __init__(self, lang: str) -> None:
        super().__init__(logging.WARNING)
        self.lang = lang

    def emit(self, record: logging.LogRecord) -> None:
        sentence = record.getMessage().removeprefix("samklang: ").removesuffix(".")
        said = messages.translate(sentence, self.lang)
        click.echo(printable(f"samklang: {said}."), err=True)


def _report(err: SamklangError, cause: BaseException | None = None) -> NoReturn:
    """Print ``err`` as one sentence in the command's language and exit with status 2 (or,
    with ``--traceback``, raise ``cause`` or ``err`` as it is)."""
    context = click.get_current_context()
    if context.find_root().params.get("traceback"):
        raise cause or err
    lang = context.params.get("lang") or messages.default_language()
    said = messages.text("error", lang, message=messages.describe(err, lang))
    click.echo(printable(said), err=True)  # a value quoted in it cannot break the line
    sys.exit(ExitStatus.BAD_INPUT)


class TranslatedUsageError(click.UsageError):
    """A usage error of click's, said in the language of the command line."""

    def __init__(self, original: click.ClickException, lang: str) -> None:
        super().__init__(
            messages.translate(original.format_message(), lang),
            getattr(original, "ctx", None),
        )
        self.exit_code = original.exit_code
        self.lang = lang

    def show(self, file: Any = None) -> None:
        # click.echo(err=True) finds stderr as click does (get_text_stream is deprecated in
        # click 8.3 and later).
        err = file is None
        if self.ctx is not None:
            usage = self.ctx.get_usage()
            if usage.startswith("Usage:"):
                usage = messages.text("usage", self.lang) + usage[len("Usage:") :]
            names = self.ctx.command.get_help_option_names(self.ctx)
            hint = messages.text(
                "try", self.lang, command=self.ctx.command_path, option=max(names, key=len)
            )
            click.echo(f"{usage}\n{hint}\n", file=file, err=err)
        error = messages.text("click-error", self.lang, message=self.message)
        click.echo(error, file=file, err=err)


class Group(click.Group):
    """The ``samklang`` group: click's own usage errors (unknown option or command, missing
    argument, bad value) are said in the ``--lang`` of the command line, or ``SAMKLANG_LANG``."""

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        lang = messages.language_of_arguments(args)
        try:
            context = super().make_context(info_name, args, parent, **extra)
        except click.UsageError as err:
            raise _translated(err, lang) from err
        context.meta["samklang.lang"] = lang
        return context

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as err:
            raise _translated(err, ctx.meta.get("samklang.lang", "sv")) from err


def _translated(err: click.UsageError, lang: str) -> click.UsageError:
    if lang == "en" or isinstance(err, TranslatedUsageError):
        return err
    return TranslatedUsageError(err, lang)


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
    refuse_dataset_file(target)
    write_atomically(target, buffer.getvalue())


def refuse_dataset_file(target: Path) -> None:
    """Refuse an output file ``target`` in a dataset folder (one holding municipality.yaml)
    that the dataset would read: ``-o documents.yaml`` overwrote the dataset's own file, and a
    report written there as JSON would be read as an observation file at the next check.

    Raises:
        UsageError: it is such a file.
    """
    from samklang.graph.dataset import READ_SUFFIXES  # what a dataset folder reads

    folder = target.parent
    if target.suffix.lower() in READ_SUFFIXES and (folder / "municipality.yaml").is_file():
        raise UsageError(
            f"cannot write {target}: the dataset in {folder} would read it as one of its files; "
            "expected an output outside the dataset folder"
        )


language_option = click.option(
    "--lang",
    type=click.Choice(messages.LANGUAGES),
    default="sv",
    envvar=messages.ENVIRONMENT,
    show_default="sv, or SAMKLANG_LANG",
    help="Language of messages: findings, errors and what the command prints.",
)
"""``--lang sv|en`` on every command (see :mod:`samklang.messages`)."""


# Where a command reads its data: dataset PATHs, an on-disk store, or a SPARQL endpoint
# (exactly one; samklang.graph.corpus.open_sources decides).
_sources_argument = click.argument(
    "paths", nargs=-1, type=click.Path(exists=True, path_type=Path), metavar="[PATH]..."
)
_store_option = click.option(
    "--store",
    "store_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Read this on-disk store (built by 'samklang load') instead of PATHs.",
)
_endpoint_option = click.option(
    "--endpoint",
    default=None,
    metavar="URL",
    help="Read this SPARQL 1.1 endpoint (e.g. http://127.0.0.1:8890/sparql) instead of PATHs.",
)


def sources_options(*, endpoint: bool = True) -> Callable[[F], F]:
    """``[PATH]...``, ``--store DIR`` and ``--endpoint URL``: where a command reads its data.

    The command takes them as ``paths``, ``store_dir`` and ``endpoint``. With ``endpoint=False``
    (``serve``, ``push``, which has an ``--endpoint`` of its own to write to) only the first
    two. Where the decorator stands among the others is where the options are listed in
    ``--help``, and ``PATH`` follows any argument declared above it.
    """

    def decorate(command: F) -> F:
        if endpoint:
            command = _endpoint_option(command)
        return _sources_argument(_store_option(command))

    return decorate


def parse_assignments(
    values: Iterable[str], option: str, *, strip_values: bool = False
) -> dict[str, str]:
    """``NAME=VALUE`` option values (``--setting``, ``--param``) as a mapping, names stripped.

    Raises:
        click.BadParameter: a value without ``=``, or with no name before it.
    """
    pairs: dict[str, str] = {}
    for assignment in values:
        name, equals, value = assignment.partition("=")
        if not equals or not name.strip():
            raise click.BadParameter(f"'{assignment}' is not NAME=VALUE", param_hint=option)
        pairs[name.strip()] = value.strip() if strip_values else value
    return pairs


output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write to this file instead of stdout.",
)
"""``-o FILE``: written whole, through a temporary file (see :func:`write_output`)."""
