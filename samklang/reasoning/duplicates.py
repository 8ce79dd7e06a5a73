"""Parts of the data that are alike but for the names of their individuals: the reasoner
needs to see one of each (see ``alike``).

Once the links that cannot change a membership are cut (``locality.cut``), a corpus falls
into thousands of parts of a few statements each (an activity with its kind, status, factors
and year; a follow-up entry; a goal), and most of them are the same part over again with
other names: at 30 synthetic municipalities, 9,914 parts have 136 forms. Two such parts are
interchangeable: swapping the names of their individuals maps the whole data onto itself, so
whatever holds of an individual of one holds of its counterpart in the other, and the data
with both is consistent exactly when the data with one of them is (a model of the one gives
the other's individuals the same elements). The reasoner is therefore given one part of each
form, and its answers are copied to the counterparts.

That holds while nothing in the schema counts or merges individuals: with a key, a
cardinality or an (inverse) functional property, two copies pointing at the same named
individual could together say what one alone does not (that they are the same, or too many).
samklang's ontology has none of these; where the ontology or the data's own OWL statements
use one, every part is given to the reasoner (:data:`COUNTING`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import pyoxigraph as ox

from samklang.ontology.namespace import OWL, RDF
from samklang.reasoning.model import Triple
from samklang.reasoning.owl_view import _key, _logical

Term = ox.NamedNode | ox.BlankNode | ox.Literal

COUNTING = frozenset(
    OWL.term(name).value
    for name in (
        "cardinality", "maxCardinality", "minCardinality", "qualifiedCardinality",
        "maxQualifiedCardinality", "minQualifiedCardinality", "FunctionalProperty",
        "InverseFunctionalProperty", "hasKey", "sameAs", "differentFrom", "AllDifferent",
    )
)  # fmt: skip
"""The OWL terms with which parts alike might not be interchangeable one for one: where the
schema uses any of them, no part is left out."""


def alike(
    schema: Sequence[Triple], data: Sequence[Triple], parts: Sequence[Sequence[Triple]]
) -> tuple[list[list[Triple]], dict[str, list[ox.NamedNode | ox.BlankNode]]]:
    """One of each form among ``parts`` (the data's parts, sharing no individual of their
    own), and for each individual of a part kept, its counterparts in the parts left out.

    A part's individuals are the nodes of its statements that the schema does not name (in
    any place). Two parts have the same form when renaming the individuals of one in a
    canonical order gives exactly the statements of the other renamed likewise (the same
    properties, literals and schema terms). A part is kept as it is, alone of its form, when
    one of its individuals is also a property or a class of the data or the subject of an OWL
    or RDFS statement other than a type (renaming it would not map the data onto itself).
    """
    axioms = [*schema, *(t for t in data if _logical(t[1]))]  # the data's own OWL, too
    if any(term.value in COUNTING for t in axioms for term in t[1:]):
        return [list(part) for part in parts], {}
    # Every term the schema names in any place is kept as it is (a value of a restriction or
    # a list that names an individual of the data, too).
    schema_nodes = {_key(n) for t in schema for n in t if not isinstance(n, ox.Literal)}
    fixed = {t[1].value for t in data} | {_key(o) for _, p, o in data if p == RDF.type}
    fixed |= {_key(s) for s, p, _ in data if _logical(p) and p != RDF.type}
    kept: list[list[Triple]] = []
    first: dict[tuple[tuple[str, str, str], ...], list[Term]] = {}
    copies: dict[str, list[ox.NamedNode | ox.BlankNode]] = defaultdict(list)
    for part in parts:
        found = _form(part, schema_nodes, fixed)
        if found is None:
            kept.append(list(part))
            continue
        form, order = found
        if form not in first:
            first[form] = order
            kept.append(list(part))
            continue
        for mine, theirs in zip(first[form], order, strict=True):
            assert not isinstance(theirs, ox.Literal)
            copies[_key(mine)].append(theirs)
    return kept, dict(copies)


def _form(
    part: Sequence[Triple], schema_nodes: set[str], fixed: set[str]
) -> tuple[tuple[tuple[str, str, str], ...], list[Term]] | None:
    """The statements of ``part`` with its individuals numbered in a canonical order, and
    the individuals in that order; ``None`` when one of them may not be renamed."""
    nodes: dict[str, Term] = {}
    rows: list[tuple[str, str, str]] = []  # each statement, its terms as strings
    for s, p, o in part:
        subject = _key(s)
        if subject not in schema_nodes:
            nodes.setdefault(subject, s)
        if isinstance(o, ox.Literal):
            value = "L" + str(o)
        else:
            value = _key(o)
            if value not in schema_nodes:
                nodes.setdefault(value, o)
        rows.append((subject, p.value, value))
    if fixed.intersection(nodes):
        return None

    # Each individual by its own statements (others unnamed), ties by name: any order will do
    # for soundness (equal forms are equal statements under an explicit renaming); a good one
    # finds more parts alike.
    def seen(term: str, me: str) -> str:
        return "*" if term == me else ("?" if term in nodes else term)

    mark: dict[str, list[tuple[str, str, str]]] = {key: [] for key in nodes}
    for subject, p, value in rows:
        for key in {subject, value} & mark.keys():
            mark[key].append((seen(subject, key), p, seen(value, key)))
    order = sorted(nodes, key=lambda key: (sorted(mark[key]), key))
    number = {key: f"#{i}" for i, key in enumerate(order)}
    form = tuple(sorted({(number.get(s, s), p, number.get(o, o)) for s, p, o in rows}))
    return form, [nodes[key] for key in order]


def spread(
    inferred: Sequence[Triple], copies: dict[str, list[ox.NamedNode | ox.BlankNode]]
) -> list[Triple]:
    """``inferred`` with each statement about a kept individual repeated for its
    counterparts."""
    out = list(inferred)
    for s, p, o in inferred:
        for other in copies.get(_key(s), ()):
            out.append((other, p, o))
    return out
