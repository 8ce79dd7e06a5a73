"""``samklang check`` and ``samklang rules``: the coherence rules and their findings."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

import click

from samklang.commands.options import (
    DateType,
    language_option,
    output_option,
    parse_assignments,
    reports_errors,
    sources_options,
    write_output,
)
from samklang.status import ExitStatus

REPORT_FORMATS = ["text", "json", "markdown", "html", "sarif", "turtle"]
"""The names of ``samklang.report.FORMATS``, listed here so that ``--help`` imports nothing."""


@click.command()
@sources_options()
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
    type=click.Choice(REPORT_FORMATS),
    default="text",
    show_default=True,
    help="Output format: a table, JSON, Markdown, a self-contained HTML page, SARIF 2.1.0, "
    "or a SHACL validation report in Turtle.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default="error",
    show_default=True,
    help="Exit with status 1 when an open defect (not a question, not accepted) is at least "
    "this severe.",
)
@click.option(
    "--setting",
    "assignments",
    multiple=True,
    metavar="NAME=VALUE",
    help="Change a rule parameter, e.g. mandate_first_year=2020 or severity.PER-MANDATE=info "
    "(repeat; see docs/rules.md).",
)
@click.option(
    "--reason",
    "use_reasoner",
    is_flag=True,
    help="Add the class memberships an OWL reasoner infers before running the rules; needs "
    "Java (docs/reasoning.md).",
)
@click.option(
    "--rules",
    "only",
    multiple=True,
    metavar="ID[,ID…]",
    help="Run only these rules (comma-separated, or repeat the option).",
)
@click.option(
    "--skip",
    multiple=True,
    metavar="ID[,ID…]",
    help="Skip these rules (comma-separated, or repeat the option).",
)
@click.option(
    "--source-root",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="SARIF: the folder file locations are written relative to, as %SRCROOT% (e.g. the "
    "repository the plans are kept in). [default: the current directory, when the dataset "
    "is inside it; else the dataset folder]",
)
@output_option
@reports_errors
def check(
    paths: tuple[Path, ...],
    store_dir: Path | None,
    endpoint: str | None,
    as_of: date | None,
    lang: str,
    output_format: str,
    fail_on: str,
    assignments: tuple[str, ...],
    use_reasoner: bool,
    only: tuple[str, ...],
    skip: tuple[str, ...],
    source_root: Path | None,
    output: str | None,
) -> None:
    """Check one dataset (a folder, or a plan document), several (PATH…), a corpus exported
    as N-Quads or TriG (samklang export), a store or an endpoint against the coherence rules."""
    from samklang.graph.store import Store
    from samklang.queries import history
    from samklang.queries.check import check as run_check
    from samklang.queries.check import select_rules
    from samklang.queries.rule import SEVERITIES
    from samklang.queries.settings import Settings, dataset_settings
    from samklang.report import FORMATS, ReportContext

    as_of = as_of or date.today()
    pairs = parse_assignments(assignments, "--setting", strip_values=True)
    rules_to_run = select_rules(_ids(only), _ids(skip))
    terminal = output in (None, "-") and sys.stdout.isatty() and output_format == "text"
    from samklang.graph.rdf_file import is_corpus_file

    # One dataset folder or plan document is checked as a dataset; an exported corpus file
    # (N-Quads, TriG), several paths, a store or an endpoint as a corpus.
    if len(paths) == 1 and not store_dir and not endpoint and not is_corpus_file(paths[0]):
        from samklang.graph.source_kind import load_dataset
        from samklang.queries.acceptance import check_accepted_rules

        dataset = load_dataset(paths[0])
        check_accepted_rules(dataset)
        settings = dataset_settings(Settings(as_of=as_of), dataset).replace(pairs)
        store: Store | None = None
        if use_reasoner:
            from samklang.graph.store.oxigraph import OxigraphStore
            from samklang.reasoning.reason import reasoned_store

            plain = OxigraphStore()  # as it stood on the reference date (queries/history.py)
            plain.add(history.without(dataset.quads, history.left_out_of(dataset.quads, as_of)))
            store = reasoned_store(plain, as_of)
        findings = run_check(dataset, lang=lang, rules=rules_to_run, settings=settings, store=store)
        context = ReportContext.from_dataset(
            dataset,
            rules=rules_to_run,
            terminal=terminal,
            left_out=history.left_out_of(dataset.quads, as_of),
        )
    else:
        from samklang.graph.corpus import open_sources

        places: dict = {}  # where each resource of the dataset paths is written
        store = open_sources(paths, store_dir, endpoint, places=places)
        if use_reasoner:
            from samklang.reasoning.reason import reasoned_store

            store = reasoned_store(store, as_of)  # type: ignore[arg-type]
        settings = Settings(as_of=as_of).replace(pairs)
        if endpoint:
            _note_skipped_verdicts(store, rules_to_run, lang)
        gone = tuple(history.left_out(store, as_of))  # worked out once: for check and report
        findings = run_check(
            None,
            store=store,
            lang=lang,
            rules=rules_to_run,
            settings=settings,
            places=places,
            left_out=gone,
        )
        context = ReportContext(
            selected=frozenset(r.id for r in rules_to_run),
            terminal=terminal,
            left_out=gone,
            graphs=tuple(g.value for g in getattr(store, "municipality_graphs", ())),
            endpoint=endpoint,
            datasets=tuple(paths),
        )
    context = _with_source_root(context, source_root)
    writer = FORMATS[output_format]
    write_output(output, lambda s: writer(findings, s, lang=lang, as_of=as_of, context=context))
    if fail_on != "never":
        threshold = SEVERITIES.index(fail_on)
        # Questions never count: they ask about what is not recorded.
        if any(SEVERITIES.index(f.severity) >= threshold for f in findings if f.counts):
            sys.exit(ExitStatus.FINDINGS)


def _with_source_root(context: Any, given: Path | None) -> Any:
    """``context`` with the SARIF source root: the one given, else the current directory when
    the dataset folder (every one, of several) is inside it (so that the log names no folder
    of this machine)."""
    from dataclasses import replace

    if given is not None:
        return replace(context, source_root=given)
    folders = [context.path] if context.path is not None else list(context.datasets)
    if not folders:
        return context
    here = Path.cwd().resolve()
    if all(folder.resolve().is_relative_to(here) for folder in folders):
        return replace(context, source_root=here)
    return context


def _note_skipped_verdicts(store: object, rules: list, lang: str) -> None:
    """On an endpoint that holds goals measured by indicators, say that the verdicts cannot be
    added to it and which rules that read them do not run (queries/verdict.py)."""
    from samklang.queries import verdict
    from samklang.report.words import WORDS

    if verdict.skips_verdicts(store):  # type: ignore[arg-type]
        skipped = [rule.id for rule in rules if verdict.reads_verdicts(rule.query)]
        if skipped:
            click.echo(WORDS[lang]["verdicts_skipped"].format(rules=", ".join(skipped)), err=True)


@click.command()
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("rule_id", metavar="RULE")
@click.argument("focus")
@click.option("--reason", required=True, help="Why the finding is accepted.")
@click.option("--by", "by", required=True, help="Who accepts it (name or role).")
@click.option(
    "--date",
    "on",
    type=DateType(),
    default=None,
    help="Date of acceptance; the finding must exist then. [default: today]",
)
@click.option(
    "--document",
    metavar="ID",
    default=None,
    help="Accept the finding in this document only (e.g. COV-DOMAIN for one plan).",
)
@language_option
@reports_errors
def accept(
    path: Path,
    rule_id: str,
    focus: str,
    reason: str,
    by: str,
    on: date | None,
    document: str | None,
    lang: str,
) -> None:
    """Accept the finding of RULE about FOCUS in the dataset at PATH.

    FOCUS is an id in the files, or the domain (individen) or law (SFS 2017:725) the finding
    concerns. The acceptance is written to accepted.yaml in the dataset; later runs of check
    show the finding as accepted, with who and why, and it no longer counts for --fail-on.
    """
    from samklang.messages import text
    from samklang.queries.accept import accept_finding

    on = on or date.today()
    target = accept_finding(path, rule_id, focus, by, reason, on, document=document)
    click.echo(str(target))
    click.echo(
        text("accepted", lang, rule=rule_id, focus=focus, by=by, date=on, path=target), err=True
    )


@click.command()
@language_option
@reports_errors
def rules(lang: str) -> None:
    """List the coherence rules: ID, severity, title and basis."""
    from samklang.queries.rule import catalogue

    for rule in catalogue().values():
        click.echo(f"{rule.id}\t{rule.severity}\t{rule.title[lang]}\t{rule.url}")


def _ids(values: tuple[str, ...]) -> list[str]:
    """Rule IDs from repeated and comma-separated option values."""
    return [rule_id.strip() for value in values for rule_id in value.split(",") if rule_id.strip()]


COMMANDS = [check, rules, accept]
