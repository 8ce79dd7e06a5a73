"""SPARQL 1.1 Query Results JSON: its terms and rows, read into pyoxigraph terms and written out.

One value of the format is an object with a ``type`` (``uri``, ``bnode``, ``literal``, and
``triple`` for a quoted triple) and a ``value``, a literal's language in ``xml:lang`` and its
datatype in ``datatype`` (none for ``xsd:string``). Reading also accepts Virtuoso's ways
(:func:`term_from_json`). The remote store reads it (:mod:`samklang.graph.store.endpoint`);
``samklang query --format json`` and ``samklang serve`` write it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from samklang.ontology.namespace import XSD

if TYPE_CHECKING:
    from samklang.graph.store import Row, Term

RESULTS_JSON = "application/sparql-results+json"
"""The media type of SPARQL 1.1 Query Results JSON."""

_BOOLEAN = XSD.boolean.value
_DURATION = XSD.duration.value
_STRING = XSD.string.value


def term_from_json(binding: Mapping[str, str]) -> Term:
    """A term from one value of SPARQL 1.1 Query Results JSON.

    Accepts Virtuoso's ``typed-literal``, its booleans written ``1``/``0`` and its year-month
    durations written as a number of months.
    """
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":  # Virtuoso labels them "nodeID://b1001": keep what a label may hold
        return ox.BlankNode(re.sub(r"[^A-Za-z0-9_]", "_", value.removeprefix("nodeID://")))
    if "xml:lang" in binding:
        return ox.Literal(value, language=binding["xml:lang"])
    datatype = binding.get("datatype")
    if datatype == _BOOLEAN and value in ("1", "0"):
        value = "true" if value == "1" else "false"
    elif datatype == _DURATION and re.fullmatch(r"-?\d+", value):
        # Virtuoso 7 keeps a year-month duration as its number of months ("P2Y" → "24").
        months = int(value)
        years, rest = divmod(abs(months), 12)
        value = ("-" if months < 0 else "") + "P" + (f"{years}Y" if years else "")
        value += f"{rest}M" if rest or not years else ""
    if datatype:
        return ox.Literal(value, datatype=ox.NamedNode(datatype))
    return ox.Literal(value)


def rows_from_json(result: Mapping[str, Any]) -> list[Row]:
    """The rows of a SELECT result in SPARQL 1.1 Query Results JSON (unbound variables left out)."""
    return [
        {name: term_from_json(value) for name, value in row.items()}
        for row in result["results"]["bindings"]
    ]


def term_to_json(term: Term | ox.Triple) -> dict[str, Any]:
    """One term as a value of SPARQL 1.1 Query Results JSON (a quoted triple as ``triple``)."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {
            "type": "triple",
            "value": {
                "subject": term_to_json(term.subject),
                "predicate": term_to_json(term.predicate),
                "object": term_to_json(term.object),
            },
        }
    out: dict[str, Any] = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != _STRING:
        out["datatype"] = term.datatype.value
    return out


def results_json(
    names: Sequence[str], rows: Iterable[Mapping[str, Term | ox.Triple | None]]
) -> dict[str, Any]:
    """A SELECT result as a SPARQL 1.1 Query Results JSON document (before ``json.dumps``).

    Args:
        names: the variables, in order.
        rows: one mapping per row; a variable missing or ``None`` is unbound.
    """
    bindings = [
        {n: term_to_json(term) for n in names if (term := row.get(n)) is not None} for row in rows
    ]
    return {"head": {"vars": list(names)}, "results": {"bindings": bindings}}
