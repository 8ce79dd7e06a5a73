"""Reading SPARQL query text without running it: its form, what it may reach, and binding values.

Engines differ in how a caller passes values for variables. Oxigraph and rdflib pre-bind them
(Oxigraph follows SEP-0007 substitution); a remote SPARQL 1.1 endpoint has no such parameter.
:func:`bind_values` gives such engines the same effect through the standard ``VALUES`` clause:
a one-row block ``VALUES (?a ?b) { (term term) }`` goes first in the outermost ``WHERE``, and
again first in every nested group that mentions one of the variables (a ``MINUS`` side, a
sub-query, a ``UNION`` branch: scopes that do not see the outer group's values), and first in
every operand of a ``UNION`` (join distributes over union, so this changes nothing, but some
engines drop a branch's rows when it does not bind an outer ``VALUES`` variable). Each value is
serialised as an RDF term (an IRI in ``<…>`` or an escaped literal with its datatype or
language), never pasted as text, so a value cannot change the query's structure.

:func:`inspect` reads the query form and the operations a read-only endpoint must refuse:
updates, ``SERVICE``, and ``FROM``/``FROM NAMED`` datasets.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

import pyoxigraph as ox

from samklang.errors import UsageError
from samklang.ontology.namespace import XSD

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<string>\"\"\"(?:[^\"\\]|\\.|\"(?!\"\"))*\"\"\"
             | '''(?:[^'\\]|\\.|'(?!''))*'''
             | "(?:[^"\\\n\r]|\\.)*"
             | '(?:[^'\\\n\r]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00B7\u0300-\u036F\u203F-\u2040]+)
  | (?P<word>(?:[^\W\d][\w\-.]*)?:(?:[\w\-:%]|\\.|\.(?=[\w\-:%]))*|[^\W\d][\w\-]*)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)

_XSD_STRING = XSD.string.value

QUERY_FORMS = ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")
UPDATE_FORMS = (
    "INSERT",
    "DELETE",
    "LOAD",
    "CLEAR",
    "DROP",
    "CREATE",
    "ADD",
    "MOVE",
    "COPY",
    "WITH",
)


class Token(NamedTuple):
    """One lexical token: its kind (``string``, ``iri``, ``var``, ``word``, ``other``), its
    text and place, and ``keyword``: the text upper-cased if it is a bare word, else ``""``.

    A tuple, its keyword worked out once: the endpoint reads every query it is sent, and a
    frozen dataclass with a keyword property took three times as long."""

    kind: str
    text: str
    start: int
    end: int
    keyword: str = ""


def tokens(query: str) -> list[Token]:
    """The significant tokens of ``query`` (no white space, no comments).

    Raises:
        UsageError: an unterminated string or IRI.
    """
    result = []
    for m in _TOKEN.finditer(query):
        kind = m.lastgroup or "other"
        if kind in ("ws", "comment"):
            continue
        text = m.group()
        if kind == "other" and text in "\"'":
            raise UsageError(f"the query has an unterminated string at character {m.start()}")
        start, end = m.span()
        result.append(Token(kind, text, start, end, text.upper() if kind == "word" else ""))
    return result


@dataclass
class _Group:
    """A group graph pattern: where its body starts and the variables it names itself."""

    index: int  # token index of its "{"
    insert_at: int  # character offset just after "{"
    depth: int
    variables: set[str] = field(default_factory=set)
    subquery: bool = False
    union_operand: bool = False


@dataclass(frozen=True)
class QueryShape:
    """What a query is and what it reaches.

    Attributes:
        form: ``SELECT``, ``CONSTRUCT``, ``ASK``, ``DESCRIBE``, an update keyword such as
            ``INSERT``, or ``""`` when none was found.
        is_update: the text is a SPARQL Update request.
        services: IRIs (or variables) named by ``SERVICE``.
        from_graphs: IRIs named by ``FROM`` and ``FROM NAMED``.
        variables: every variable the text mentions, without ``?``.
    """

    form: str
    is_update: bool
    services: tuple[str, ...]
    from_graphs: tuple[str, ...]
    variables: frozenset[str]


def inspect(query: str) -> QueryShape:
    """Read a query's form and the operations it asks for.

    >>> inspect("SELECT * FROM <http://x/g> WHERE { SERVICE <http://y/> { ?s ?p ?o } }").services
    ('http://y/',)

    Raises:
        UsageError: an unterminated string.
    """
    toks = tokens(query)
    form = ""
    for tok in toks:
        if tok.keyword in QUERY_FORMS or tok.keyword in UPDATE_FORMS:
            form = tok.keyword
            break
    services, from_graphs = [], []
    for i, tok in enumerate(toks):
        if tok.keyword == "SERVICE":
            j = i + 1
            if j < len(toks) and toks[j].keyword == "SILENT":
                j += 1
            if j < len(toks):
                services.append(toks[j].text.strip("<>"))
        elif tok.keyword == "FROM":
            j = i + 1
            if j < len(toks) and toks[j].keyword == "NAMED":
                j += 1
            if j < len(toks):
                from_graphs.append(toks[j].text.strip("<>"))
    updates = {t.keyword for t in toks} & set(UPDATE_FORMS)
    # "INSERT"/"DELETE"/… as words only matter as update operations when the form is not a query.
    is_update = form in UPDATE_FORMS or (form == "" and bool(updates))
    return QueryShape(
        form=form,
        is_update=is_update,
        services=tuple(services),
        from_graphs=tuple(from_graphs),
        variables=frozenset(t.text[1:] for t in toks if t.kind == "var"),
    )


def _groups(toks: list[Token]) -> list[_Group]:
    """The group graph patterns of a query, outermost ``WHERE`` first."""
    form = next((t.keyword for t in toks if t.keyword in QUERY_FORMS), "")
    if not form:
        raise UsageError("the text is not a SPARQL query (no SELECT, CONSTRUCT, ASK or DESCRIBE)")
    start = next(i for i, t in enumerate(toks) if t.keyword == form)
    # The first "{" at the top level opens the WHERE clause, except after CONSTRUCT without
    # WHERE, where it opens the template and the WHERE clause is the next one.
    skip_template = form == "CONSTRUCT" and not (
        start + 1 < len(toks) and toks[start + 1].keyword == "WHERE"
    )
    groups: list[_Group] = []
    stack: list[_Group | None] = []  # None: a brace that is not a group (template, VALUES data)
    data_block = False  # the next "{" opens VALUES data
    for i in range(start, len(toks)):
        tok = toks[i]
        if tok.keyword == "VALUES":
            data_block = True
        if tok.text == "{" and tok.kind == "other":
            depth = len(stack)
            if data_block:
                stack.append(None)
                data_block = False
            elif depth == 0 and skip_template:
                stack.append(None)
                skip_template = False
            else:
                group = _Group(i, tok.end, depth)
                nxt = toks[i + 1] if i + 1 < len(toks) else None
                group.subquery = nxt is not None and nxt.keyword == "SELECT"
                group.union_operand = toks[i - 1].keyword == "UNION"
                groups.append(group)
                stack.append(group)
            continue
        if tok.text == "}" and tok.kind == "other":
            if stack:
                closed = stack.pop()
                if closed is not None and i + 1 < len(toks) and toks[i + 1].keyword == "UNION":
                    closed.union_operand = True
            continue
        if tok.kind == "var":
            current = next((g for g in reversed(stack) if g is not None), None)
            if current is not None:
                current.variables.add(tok.text[1:])
            elif groups:
                # After the WHERE clause (GROUP BY, HAVING, ORDER BY): the outermost group's.
                groups[0].variables.add(tok.text[1:])
    if not groups:
        raise UsageError("the query has no WHERE clause to bind values in")
    # A sub-query's projection, GROUP BY and HAVING see only its own WHERE clause: variables
    # named there are bound in that WHERE clause (the first group inside the sub-query).
    for n, group in enumerate(groups):
        if group.subquery:
            inner = next((g for g in groups[n + 1 :] if g.depth == group.depth + 1), None)
            if inner is not None:
                inner.variables |= group.variables
    return groups


def term_text(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> str:
    """An RDF term in SPARQL syntax: ``<iri>`` or a literal with escapes and its datatype.

    Raises:
        UsageError: a blank node or quoted triple, which ``VALUES`` cannot hold.
    """
    if isinstance(term, ox.NamedNode):
        return str(term)  # pyoxigraph has validated the IRI: no space, quote, brace or ">"
    if isinstance(term, ox.Literal):
        value = (
            term.value.replace("\\", "\\\\")
            .replace('"', '\\"')
            .replace("\n", "\\n")
            .replace("\r", "\\r")
        )
        if term.language:
            return f'"{value}"@{term.language}'
        if term.datatype.value == _XSD_STRING:  # a plain literal (RDF 1.1: the same term)
            return f'"{value}"'
        return f'"{value}"^^<{term.datatype.value}>'
    raise UsageError(f"cannot bind {term!r}: only IRIs and literals can be bound")


def bind_values(
    query: str, bindings: Mapping[str, ox.NamedNode | ox.BlankNode | ox.Literal]
) -> str:
    """``query`` with ``bindings`` given through ``VALUES`` blocks (see the module docstring).

    Variables the query does not mention are ignored, as pre-binding engines do.

    >>> bind_values("SELECT ?x WHERE { ?x ?p ?y }", {"y": ox.Literal("1")})
    'SELECT ?x WHERE { VALUES (?y) { ("1") } ?x ?p ?y }'

    Raises:
        UsageError: the text is not a query, or a value is not an IRI or literal.
    """
    if not bindings:
        return query
    toks = tokens(query)
    shape_vars = {t.text[1:] for t in toks if t.kind == "var"}
    wanted = [name for name in bindings if name in shape_vars]
    if not wanted:
        return query
    values = {name: term_text(bindings[name]) for name in wanted}
    groups = _groups(toks)
    inserts: list[tuple[int, list[str]]] = [(groups[0].insert_at, wanted)]
    for group in groups[1:]:
        # Join distributes over UNION, so every operand gets the values too: some engines
        # (Virtuoso 7) drop the rows of a branch that does not bind a variable of an outer
        # VALUES block.
        names = [n for n in wanted if n in group.variables or group.union_operand]
        if names and not group.subquery:
            inserts.append((group.insert_at, names))
    if groups[0].subquery:
        raise UsageError("cannot bind values in a query whose WHERE clause is only a sub-query")
    text = query
    for offset, names in sorted(inserts, reverse=True):
        block = (
            f" VALUES ({' '.join('?' + n for n in names)}) "
            f"{{ ({' '.join(values[n] for n in names)}) }}"
        )
        text = text[:offset] + block + text[offset:]
    return text


def projection(query: str) -> list[str]:
    """The variables a SELECT query projects, in order; ``[]`` for ``SELECT *`` or another form.

    >>> projection("SELECT ?a (COUNT(?b) AS ?n) WHERE { ?a ?p ?b } GROUP BY ?a")
    ['a', 'n']
    """
    toks = tokens(query)
    start = next((i for i, t in enumerate(toks) if t.keyword in QUERY_FORMS), None)
    if start is None or toks[start].keyword != "SELECT":
        return []
    names: list[str] = []
    depth = 0
    for i in range(start + 1, len(toks)):
        tok = toks[i]
        if depth == 0 and (tok.keyword in ("WHERE", "FROM") or tok.text == "{"):
            break
        if tok.text == "*" and depth == 0:
            return []
        if tok.text == "(":
            depth += 1
        elif tok.text == ")":
            depth -= 1
        elif tok.kind == "var" and (depth == 0 or (i > 0 and toks[i - 1].keyword == "AS")):
            if tok.text[1:] not in names:
                names.append(tok.text[1:])
    return names
