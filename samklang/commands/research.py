"""``samklang queries``, ``query``, ``load``, ``export``, ``serve`` and ``push``: the researcher's
commands — named queries, corpora of many municipalities, a SPARQL endpoint, triple stores."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from samklang.commands.options import (
    language_option,
    output_option,
    parse_assignments,
    reports_errors,
    sources_options,
    write_output,
)
from samklang.errors import UsageError


@click.command()
@language_option
@reports_errors
def queries(lang: str) -> None:
    """List the research queries: name, title and parameters with their defaults."""
    from samklang.queries.research import describe

    for name, title, _, parameters in describe(lang):
        params = " ".join(
            f"{p.name}={p.default if p.default is not None else '(any)'}" for p in parameters
        )
        click.echo(f"{name}\t{title}\t{params}")


@click.command()
@click.argument("name", required=False, metavar="NAME|FILE.rq")
@click.option("--sparql", default=None, metavar="TEXT", help="Run this SPARQL text instead.")
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Set a parameter, e.g. asOf=2024-06-30 (repeat); typed as the query declares.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "csv", "tsv", "json", "markdown"]),
    default="table",
    show_default=True,
    help="Output format (json is SPARQL 1.1 Query Results JSON).",
)
@output_option
# PATH follows NAME; --store and --endpoint are listed after -o, as they always were.
@sources_options()
@click.option(
    "--reason",
    "use_reasoner",
    is_flag=True,
    help="Add the class memberships an OWL reasoner infers before running the query; needs "
    "Java (docs/reasoning.md).",
)
@language_option
@reports_errors
def query(
    name: str | None,
    paths: tuple[Path, ...],
    sparql: str | None,
    params: tuple[str, ...],
    output_format: str,
    output: str | None,
    store_dir: Path | None,
    endpoint: str | None,
    use_reasoner: bool,
    lang: str,
) -> None:
    """Run a research query (by NAME, from FILE.rq, or --sparql TEXT) over dataset PATHs, a
    --store or an --endpoint."""
    from samklang.graph.corpus import open_sources
    from samklang.queries.research import find_query, parse_query, run, write_result

    if sparql is not None:
        if name is not None:
            # With --sparql, every argument is a path.
            if not Path(name).exists():
                raise UsageError(f"with --sparql, '{name}' must be a dataset path")
            paths = (Path(name), *paths)
        chosen = parse_query(sparql, "--sparql")
    elif name is None:
        raise UsageError("name a query (see 'samklang queries'), give a .rq file, or --sparql")
    else:
        chosen = find_query(name)
    values = parse_assignments(params, "--param")
    store = open_sources(paths, store_dir, endpoint, runs_rules=False)
    if use_reasoner:
        from samklang.reasoning.reason import reasoned_store

        store = reasoned_store(store)  # type: ignore[arg-type]
    if endpoint:
        from samklang.queries import verdict
        from samklang.report.words import WORDS

        if verdict.reads_verdicts(chosen.query) and verdict.skips_verdicts(store):
            click.echo(WORDS[lang]["verdicts_skipped_query"], err=True)
    with _progress(f"{chosen.name} …"):
        result = run(chosen, store, values)
    if output_format == "table":
        from samklang.report.query import write_table

        terminal = output in (None, "-") and sys.stdout.isatty()
        write_output(output, lambda stream: write_table(result, stream, terminal))
    else:
        write_output(output, lambda stream: write_result(result, stream, output_format))


def _progress(message: str) -> Any:
    """A spinner on stderr while a query runs, only when stderr is a terminal."""
    import contextlib

    if not sys.stderr.isatty():
        return contextlib.nullcontext()
    from rich.console import Console
    from rich.markup import escape

    return Console(stderr=True).status(escape(message))  # the name of a file, maybe


@click.command()
@click.argument(
    "paths",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, path_type=Path),
    metavar="PATH...",
)
@click.option(
    "--store",
    "store_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The on-disk store to build or update (a folder; created if missing).",
)
@language_option
@reports_errors
def load(paths: tuple[Path, ...], store_dir: Path, lang: str) -> None:
    """Load dataset folders, plan documents or RDF files into a persistent store, one named
    graph per municipality and source; loading one again replaces its graph only. A load is
    published whole: readers, and a load that is killed, see the store before it or after it."""
    from samklang.graph.corpus import load_corpus
    from samklang.graph.store.oxigraph import OxigraphStore
    from samklang.network.analytics import keep_figures

    store = OxigraphStore(store_dir)  # refuses a folder that holds files but no store
    try:
        entries = load_corpus(paths, store)  # published whole, or not at all
        keep_figures(store)  # what `stats --store` reads for this generation (decision 0017)
    finally:
        store.close()
    for entry in entries:
        click.echo(_graph_line(entry, lang), err=True)


@click.command()
@sources_options()
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["turtle", "trig", "nquads", "jsonld"]),
    default="trig",
    show_default=True,
    help="RDF format; turtle merges all graphs, the others keep them.",
)
@output_option
@language_option
@reports_errors
def export(
    paths: tuple[Path, ...],
    store_dir: Path | None,
    endpoint: str | None,
    output_format: str,
    output: str | None,
    lang: str,
) -> None:
    """Export the graphs of dataset PATHs, a --store or an --endpoint as RDF."""
    import io

    from samklang.graph.corpus import open_sources
    from samklang.graph.export import export as write_rdf

    store: Any = open_sources(paths, store_dir, endpoint, runs_rules=False)
    buffer = io.BytesIO()
    write_rdf(store, buffer, output_format)

    def render(stream: io.StringIO) -> None:
        stream.write(buffer.getvalue().decode("utf-8"))

    write_output(output, render)


@click.command()
@sources_options(endpoint=False)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (anything but loopback exposes the data to the network).",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port to listen on.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=10.0,
    show_default=True,
    help="Seconds a query may run before it is stopped.",
)
@click.option(
    "--max-rows",
    type=click.IntRange(min=1),
    default=10_000,
    show_default=True,
    help="Most rows (or triples) an answer may hold.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="Query processes kept ready (queries at once, one process each).",
)
@click.option(
    "--max-workers",
    type=click.IntRange(min=1),
    default=None,
    help="Most query processes when slow queries hold the others (default: 8, or --workers "
    "if more).",
)
@click.option(
    "--allow-remote",
    is_flag=True,
    help="Allow SERVICE and FROM graphs the store does not hold (off: refused with 403).",
)
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="NAME",
    help="Also answer requests whose Host header is NAME (repeat; '*' for any). Always "
    "answered: localhost and IP addresses.",
)
@click.option(
    "--max-body",
    type=click.IntRange(min=1),
    default=1024 * 1024,
    show_default=True,
    metavar="BYTES",
    help="Most bytes a request body may hold (larger: 413).",
)
@click.option(
    "--client-timeout",
    type=click.FloatRange(min=0.1),
    default=10.0,
    show_default=True,
    metavar="SECONDS",
    help="Seconds a client has to send a whole request (slower: 408, disconnected).",
)
@click.option(
    "--cache-mb",
    type=click.IntRange(min=0),
    default=64,
    show_default=True,
    metavar="MB",
    help="Megabytes of answers (with their queries) kept until a load changes the store "
    "(0: none); the same query, graphs and media type are then answered without running.",
)
@language_option
@reports_errors
def serve(
    paths: tuple[Path, ...],
    store_dir: Path | None,
    host: str,
    port: int,
    timeout: float,
    max_rows: int,
    workers: int,
    max_workers: int | None,
    allow_remote: bool,
    allow_hosts: tuple[str, ...],
    max_body: int,
    client_timeout: float,
    cache_mb: int,
    lang: str,
) -> None:
    """Serve dataset PATHs or a --store as a read-only SPARQL 1.1 endpoint at /sparql, with a
    query page at /. After a 'samklang load' into the store, the next query reads the new data."""
    from samklang.messages import text
    from samklang.server import serve as run_server

    run_server(
        paths,
        store_dir,
        host=host,
        port=port,
        timeout=timeout,
        max_rows=max_rows,
        workers=workers,
        max_workers=max_workers,
        allow_remote=allow_remote,
        allow_hosts=allow_hosts,
        max_body=max_body,
        client_timeout=client_timeout,
        cache_bytes=cache_mb * 1024 * 1024,
        lang=lang,
        ready=lambda: click.echo(text("serve", lang, host=host, port=port), err=True),
    )


@click.command()
@sources_options(endpoint=False)
@click.option(
    "--endpoint",
    required=True,
    metavar="URL",
    help="The SPARQL endpoint to write to (its query URL).",
)
@click.option(
    "--update-endpoint",
    default=None,
    metavar="URL",
    help="Where SPARQL Update goes, if not --endpoint (Virtuoso: /sparql-auth).",
)
@click.option(
    "--graph-store",
    default=None,
    metavar="URL",
    help="Write through this Graph Store Protocol URL instead of SPARQL Update.",
)
@click.option("--user", default=None, help="User name for HTTP Basic or Digest authentication.")
@click.option(
    "--password-env",
    default="SAMKLANG_PASSWORD",
    show_default=True,
    metavar="VAR",
    help="Environment variable that holds the password (asked for if unset and --user given).",
)
@language_option
@reports_errors
def push(
    paths: tuple[Path, ...],
    store_dir: Path | None,
    endpoint: str,
    update_endpoint: str | None,
    graph_store: str | None,
    user: str | None,
    password_env: str,
    lang: str,
) -> None:
    """Write dataset PATHs (or a --store's graphs) to a SPARQL endpoint as named graphs,
    replacing graphs of the same name, with the ontology and the catalogue."""
    from samklang.graph.corpus import push as push_graphs
    from samklang.graph.store.endpoint import SparqlStore
    from samklang.messages import text

    password = None
    if user is not None:
        password = os.environ.get(password_env)
        if password is None:
            password = click.prompt(text("password", lang, user=user), hide_input=True, err=True)
    target = SparqlStore(
        endpoint,
        update_endpoint=update_endpoint,
        graph_store=graph_store,
        user=user,
        password=password,
    )
    for entry in push_graphs(paths, store_dir, target):
        click.echo(_graph_line(entry, lang), err=True)


def _graph_line(entry: Any, lang: str) -> str:
    """The line ``load`` and ``push`` print for each graph: its IRI, triples and title."""
    from samklang.messages import text

    return text("triples", lang, graph=entry.graph.value, n=entry.triples, title=entry.title)


COMMANDS = [queries, query, load, export, serve, push]
