"""The research query library: named SPARQL queries with typed parameters, and their results.

Each query is a file ``samklang/queries/research/NAME.rq`` whose header comment holds YAML
metadata between two ``# ---`` lines, as the rules do::

    # ---
    # title: {sv: …, en: …}
    # description: {sv: …, en: …}
    # parameters:
    #   asOf: {type: date, default: today, sv: Datum, en: Date}
    # ---
    SELECT … WHERE { … FILTER (?end < ?asOf) } ORDER BY …

A parameter is the variable of the same name. Its value is bound as an RDF term of the
parameter's type (``xsd:date``, ``xsd:integer``, an IRI…), never pasted into the query text, so
no value can change what the query does. Parameter types:

``date``
    ``YYYY-MM-DD`` or ``today`` → ``xsd:date``
``year``, ``integer``
    whole numbers → ``xsd:integer``
``decimal``
    → ``xsd:decimal``
``boolean``
    ``true``/``false`` (also ``ja``/``nej``, ``yes``/``no``) → ``xsd:boolean``
``string``
    any text → a plain literal
``iri``
    ``<http://…>``, ``http://…`` or a prefixed name such as ``skdoc:atgardsplan``
``law``
    an SFS number such as ``SFS 2023:196`` → its IRI in the law vocabulary
``code``
    a municipality code (four digits) → a plain literal

A parameter whose default is empty (``default: null``) is left unbound unless given, so the
query then matches every value.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from importlib.resources import files
from pathlib import Path
from typing import Any, TextIO

import pyoxigraph as ox

from samklang.errors import InputError, UsageError, at_line
from samklang.graph.sparql_json import results_json
from samklang.graph.sparql_text import inspect
from samklang.graph.store import Row, Store, Term, sparql_syntax_error
from samklang.ontology.namespace import DATA, GRAPH, LAW, PREFIXES, XSD
from samklang.queries.header import parse_header, read_header
from samklang.queries.rule import LANGUAGES

TYPES = ("date", "year", "integer", "decimal", "boolean", "string", "iri", "law", "code")
"""Parameter types."""

FORMATS = ("table", "csv", "tsv", "json", "markdown")
"""Output formats of :func:`write_result`."""

DISPLAY_PREFIXES = {**PREFIXES, "data": DATA.iri, "graph": GRAPH.iri}
"""Prefixes that shorten IRIs in tables and Markdown."""
_TRUE = {"true", "1", "ja", "yes", "sant"}
_FALSE = {"false", "0", "nej", "no", "falskt"}


@dataclass(frozen=True)
class Parameter:
    """A query parameter: the variable it binds, its type, default and description."""

    name: str
    type: str
    default: str | None
    description: dict[str, str]

    def term(self, text: str, today: date | None = None) -> Term:
        """The RDF term ``text`` stands for, given this parameter's type.

        Raises:
            UsageError: ``text`` does not fit the type.
        """
        return parse_value(text, self.type, self.name, today)


@dataclass(frozen=True)
class ResearchQuery:
    """A named query with its metadata."""

    name: str
    title: dict[str, str]
    description: dict[str, str]
    parameters: tuple[Parameter, ...]
    query: str

    def bindings(
        self, values: Mapping[str, str] | None = None, today: date | None = None
    ) -> dict[str, Term]:
        """The parameters as terms: the given ``values`` (text) over the defaults.

        A value for a name the query does not declare is typed from its form (see
        :func:`guess_term`), provided the query mentions that variable.

        Raises:
            UsageError: a value does not fit its type, or names no variable of the query.
        """
        from samklang.graph.sparql_text import inspect

        values = dict(values or {})
        declared = {p.name: p for p in self.parameters}
        result: dict[str, Term] = {}
        for p in self.parameters:
            text = values.pop(p.name, p.default)
            if text is not None:
                result[p.name] = p.term(text, today)
        if values:
            mentioned = inspect(self.query).variables
            for name, text in values.items():
                if name not in mentioned:
                    known = ", ".join(sorted(declared) or sorted(mentioned)) or "none"
                    raise UsageError(
                        f"'{name}' is not a parameter of the query {self.name}; "
                        f"expected one of: {known}"
                    )
                result[name] = guess_term(text)
        return result


def parse_value(text: str, kind: str, name: str = "value", today: date | None = None) -> Term:
    """Read ``text`` as a term of parameter type ``kind``.

    >>> parse_value("2024-01-31", "date")
    <Literal value=2024-01-31 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#date>>

    Raises:
        UsageError: ``text`` does not fit.
    """
    value = text.strip()

    def fail(expected: str) -> UsageError:
        return UsageError(f"parameter {name}: '{text}' is not {expected}")

    if kind == "date":
        if value.lower() in ("today", "idag", "i dag"):
            return ox.Literal((today or date.today()).isoformat(), datatype=XSD.date)
        try:
            return ox.Literal(date.fromisoformat(value).isoformat(), datatype=XSD.date)
        except ValueError:
            raise fail("a date YYYY-MM-DD (or 'today')") from None
    if kind in ("year", "integer"):
        if not re.fullmatch(r"[+-]?\d+", value) or (kind == "year" and len(value) != 4):
            raise fail("a year of four digits" if kind == "year" else "a whole number")
        return ox.Literal(str(int(value)), datatype=XSD.integer)
    if kind == "decimal":
        try:
            number = Decimal(value.replace(",", "."))
        except InvalidOperation:
            raise fail("a number") from None
        if not number.is_finite():
            raise fail("a finite number")
        return ox.Literal(format(number, "f"), datatype=XSD.decimal)
    if kind == "boolean":
        if value.lower() in _TRUE:
            return ox.Literal("true", datatype=XSD.boolean)
        if value.lower() in _FALSE:
            return ox.Literal("false", datatype=XSD.boolean)
        raise fail("true or false")
    if kind == "string":
        return ox.Literal(text)
    if kind == "code":
        if not re.fullmatch(r"\d{4}", value):
            raise fail("a municipality code of four digits")
        return ox.Literal(value)
    if kind == "iri":
        return parse_iri(value, name)
    if kind == "law":
        m = re.fullmatch(r"(?i)(sfs|msbfs)\s*(\d{4})\s*:\s*(\d+)", value)
        if not m:
            raise fail("a law such as 'SFS 2023:196'")
        return LAW.term(f"{m[1].lower()}-{m[2]}-{m[3]}")
    raise UsageError(f"parameter {name}: unknown type '{kind}'; expected one of {', '.join(TYPES)}")


def parse_iri(text: str, name: str = "value") -> ox.NamedNode:
    """An IRI from ``<…>``, an absolute IRI, or a prefixed name with a known prefix.

    Raises:
        UsageError: none of these.
    """
    value = text.strip()
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    prefix, colon, local = value.partition(":")
    if colon and prefix in PREFIXES and not local.startswith("//"):
        value = PREFIXES[prefix] + local
    if not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", value):
        raise UsageError(
            f"parameter {name}: '{text}' is not an IRI; expected <http://…> or a prefixed name "
            f"({', '.join(sorted(PREFIXES))})"
        )
    try:
        return ox.NamedNode(value)
    except ValueError:
        raise UsageError(f"parameter {name}: '{text}' is not a valid IRI") from None


def guess_term(text: str) -> Term:
    """A term for a value of an undeclared parameter, typed by its form: an IRI in ``<…>`` or
    with a known prefix, a date, a whole or decimal number, ``true``/``false``, else text."""
    value = text.strip()
    if value.startswith("<") and value.endswith(">"):
        return parse_iri(value)
    prefix, colon, _ = value.partition(":")
    if colon and prefix in PREFIXES:
        return parse_iri(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return parse_value(value, "date")
    if re.fullmatch(r"[+-]?\d+", value):
        return parse_value(value, "integer")
    if re.fullmatch(r"[+-]?\d+\.\d+", value):
        return parse_value(value, "decimal")
    if value in ("true", "false"):
        return parse_value(value, "boolean")
    return ox.Literal(text)


def parse_query(text: str, name: str) -> ResearchQuery:
    """Parse a query file's text; the header is optional for a user's own file.

    Raises:
        ValueError: the header is malformed (for the package's own files, a defect).
    """
    meta, query = parse_header(text, name, required=False)
    return query_from_header(meta, query, name)


def query_from_header(meta: Mapping[str, Any], query: str, name: str) -> ResearchQuery:
    """A query from its header's metadata (``{}`` for none) and its text.

    Raises:
        ValueError: a parameter has no known type.
    """
    parameters = []
    for pname, spec in (meta.get("parameters") or {}).items():
        if not isinstance(spec, dict) or spec.get("type") not in TYPES:
            raise ValueError(f"{name}: parameter {pname} needs a type among {TYPES}")
        default = spec.get("default")
        parameters.append(
            Parameter(
                pname,
                spec["type"],
                None if default is None else str(default),
                {lang: str(spec.get(lang, "")) for lang in LANGUAGES},
            )
        )
    return ResearchQuery(
        name=name,
        title=dict(meta.get("title") or {}),
        description=dict(meta.get("description") or {}),
        parameters=tuple(parameters),
        query=query,
    )


@functools.cache
def library() -> dict[str, ResearchQuery]:
    """Every research query shipped with the package, by name, sorted."""
    folder = files(__package__).joinpath("research")
    queries = {}
    for resource in sorted(folder.iterdir(), key=lambda f: f.name):
        if resource.name.endswith(".rq"):
            name = resource.name[: -len(".rq")]
            queries[name] = query_from_header(*read_header(resource, required=False), name)
    return queries


def find_query(name_or_file: str) -> ResearchQuery:
    """A query of the library by name, or a ``.rq`` file.

    Raises:
        UsageError: no such query.
        InputError: the file cannot be read.
    """
    queries = library()
    if name_or_file in queries:
        return queries[name_or_file]
    path = Path(name_or_file)
    if path.suffix == ".rq" or path.exists():
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise InputError(path, None, f"cannot be read as UTF-8 text: {err}") from err
        try:
            found = parse_query(text, path.stem)
        except ValueError as err:
            raise InputError(path, None, str(err).split(": ", 1)[-1]) from err
        if not inspect(text).is_update and (wrong := sparql_syntax_error(text)):
            line, column, problem = wrong
            raise InputError(
                path, at_line(line), f"is not valid SPARQL at column {column}: {problem}"
            )
        return found
    import difflib

    close = difflib.get_close_matches(name_or_file, list(queries), n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    raise UsageError(
        f"'{name_or_file}' is neither a query of the library{hint} nor a .rq file; "
        "see 'samklang queries'"
    )


@dataclass(frozen=True)
class Result:
    """A query's answer: its columns in the query's order, and rows of terms."""

    columns: list[str]
    rows: list[Row]


def run(
    query: ResearchQuery,
    store: Store,
    values: Mapping[str, str] | None = None,
    today: date | None = None,
    may_write: bool | None = None,
) -> Result:
    """Run ``query`` on ``store`` with parameter ``values`` (text, typed by the parameters).

    Where the store holds goals measured by indicators, the verdicts
    (:mod:`samklang.queries.verdict`) are added first, as of the query's ``asOf`` when it has
    one, else as of today; ``may_write`` as for :func:`samklang.queries.check.check` (an
    endpoint is not written: a query reading verdicts finds none there).

    Raises:
        UsageError: a bad parameter value, or the query is not a valid SELECT query.
    """
    from samklang.graph.sparql_text import projection
    from samklang.queries.verdict import with_verdicts

    shape = inspect(query.query)
    if not shape.is_update and (wrong := sparql_syntax_error(query.query)):
        line, column, problem = wrong
        raise UsageError(
            f"the query {query.name} is not valid SPARQL at line {line}, column {column}: "
            f"{problem}"
        )
    if shape.form != "SELECT":
        form = "an update" if shape.is_update else shape.form or "not a query"
        raise UsageError(f"the query {query.name} is {form}; 'samklang query' runs SELECT queries")
    bindings = query.bindings(values, today)
    as_of = bindings.get("asOf")
    try:
        day = date.fromisoformat(as_of.value[:10]) if as_of is not None else None
    except ValueError:
        day = None
    store = with_verdicts(store, day or today or date.today(), may_write=may_write)
    rows = store.select(query.query, bindings)
    columns = projection(query.query) or sorted({name for row in rows for name in row})
    return Result(columns, rows)


def term_value(term: Term | None, prefixed: bool = False) -> str:
    """A term's plain value (an IRI shortened to a prefixed name when ``prefixed``)."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        if prefixed:
            for name, iri in DISPLAY_PREFIXES.items():
                if term.value.startswith(iri) and term.value != iri:
                    return f"{name}:{term.value[len(iri) :]}"
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def write_result(result: Result, stream: TextIO, fmt: str = "table") -> None:
    """Write ``result`` as a terminal ``table``, ``csv``, ``tsv``, ``json`` or ``markdown``.

    ``json`` is SPARQL 1.1 Query Results JSON (terms keep their types); ``csv`` and ``tsv``
    hold plain values, one header row; ``table`` and ``markdown`` shorten IRIs to prefixed names.

    Raises:
        UsageError: an unknown format.
    """
    cols = result.columns
    if fmt == "json":
        doc = results_json(cols, result.rows)
        stream.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    elif fmt in ("csv", "tsv"):
        writer = csv.writer(stream, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(cols)
        for row in result.rows:
            writer.writerow([_one_line(term_value(row.get(c))) for c in cols])
    elif fmt == "markdown":
        stream.write("| " + " | ".join(_md(c) for c in cols) + " |\n")
        stream.write("|" + "---|" * len(cols) + "\n")
        for row in result.rows:
            cells = [_md(term_value(row.get(c), prefixed=True)) for c in cols]
            stream.write("| " + " | ".join(cells) + " |\n")
    elif fmt == "table":
        table = [cols] + [
            [_one_line(term_value(row.get(c), prefixed=True)) for c in cols] for row in result.rows
        ]
        widths = [min(60, max(len(r[i]) for r in table)) for i in range(len(cols))]
        for n, r in enumerate(table):
            cells = [_clip(cell, w).ljust(w) for cell, w in zip(r, widths, strict=True)]
            stream.write("  ".join(cells).rstrip() + "\n")
            if n == 0:
                stream.write("  ".join("-" * w for w in widths) + "\n")
        stream.write(f"({len(result.rows)} {'row' if len(result.rows) == 1 else 'rows'})\n")
    else:
        raise UsageError(f"'{fmt}' is not an output format; expected {', '.join(FORMATS)}")


def _one_line(text: str) -> str:
    return " ".join(text.split()) if ("\n" in text or "\r" in text or "\t" in text) else text


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _md(text: str) -> str:
    """A Markdown table cell: pipes, backslashes, HTML and line breaks escaped."""
    text = _one_line(text).replace("\\", "\\\\").replace("|", "\\|")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def describe(lang: str = "sv") -> list[tuple[str, str, str, Sequence[Parameter]]]:
    """The library as (name, title, description, parameters), for listings."""
    return [
        (q.name, q.title.get(lang, ""), q.description.get(lang, ""), q.parameters)
        for q in library().values()
    ]


def render(result: Result, fmt: str) -> str:
    """``result`` written in ``fmt``, as text."""
    buffer = io.StringIO()
    write_result(result, buffer, fmt)
    return buffer.getvalue()
