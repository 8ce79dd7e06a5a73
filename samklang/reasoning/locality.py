"""Cutting the data's links that cannot change a class membership, so that it falls into
small parts (see ``cut``).

HermiT tests a possible class membership of an individual with every statement of its model at
hand: a document of a municipality is tested with all the municipality's activities, goals and
follow-up entries, which are tied to it through ``sk:plannedIn``, ``sk:hasEntry`` and the
like. Most of these links can only ever say that their two ends *have* such a link: no
axiom looks at what lies at the other end. ``cut`` replaces each such link by two, each to an
individual of its own, which says exactly as much about both ends, and the model falls apart
into parts of a few statements each, realised in small batches.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import pyoxigraph as ox

from samklang.ontology.namespace import GRAPH, OWL, RDF, RDFS
from samklang.reasoning.model import Triple
from samklang.reasoning.owl_view import _key, _logical

FILLER = GRAPH.iri + "reasoning#filler-"
"""The individuals ``cut`` adds: ends of cut links (their types are not reported)."""

_DECLARATIONS = frozenset([OWL.ObjectProperty])


def cuttable(axioms: Sequence[Triple]) -> set[str]:
    """The object properties whose links ``cut`` may cut, given the ``axioms`` (the schema and
    the data's own OWL and RDFS statements).

    A property ``p`` qualifies when every statement that mentions it is one of: its declaration
    as an object property, an ``rdfs:domain`` or ``rdfs:range`` (any class), and the property
    of a restriction ``p some X`` where ``X`` is ``owl:Thing`` or a named superclass of one of
    its named ranges, or ``(inverse p) some Y`` where ``Y`` is ``owl:Thing`` or a named
    superclass of one of its named domains. Anything else (a subproperty, an inverse used
    elsewhere, a characteristic such as functional, a cardinality, ``only``, ``value``, a
    chain, a key, a filler that a range does not imply) rules it out.
    """
    mentions: dict[str, list[tuple[Triple, str]]] = defaultdict(list)
    about: dict[str, list[Triple]] = defaultdict(list)
    supers: dict[str, set[str]] = defaultdict(set)
    for t in axioms:
        s, p, o = t
        about[_key(s)].append(t)
        for node, role in ((s, "s"), (p, "p"), (o, "o")):
            if isinstance(node, ox.NamedNode):
                mentions[node.value].append((t, role))
        if p in (RDFS.subClassOf, OWL.equivalentClass) and isinstance(o, ox.NamedNode):
            supers[_key(s)].add(o.value)
            if p == OWL.equivalentClass:
                supers[o.value].add(_key(s))

    def ancestors(classes: set[str]) -> set[str]:
        seen = set(classes) | {OWL.Thing.value}
        stack = list(classes)
        while stack:
            for parent in supers.get(stack.pop(), ()):
                if parent not in seen:
                    seen.add(parent)
                    stack.append(parent)
        return seen

    def filler(restriction: ox.NamedNode | ox.BlankNode | ox.Literal) -> str | None:
        """X of a restriction ``_ some X`` (X named) that says nothing else, else ``None``."""
        if not isinstance(restriction, ox.BlankNode):
            return None
        found = None
        for _, p, o in about[_key(restriction)]:
            if p == OWL.someValuesFrom and isinstance(o, ox.NamedNode):
                found = o.value
            elif not (p == OWL.onProperty or (p == RDF.type and o == OWL.Restriction)):
                return None
        return found

    def inverse_fillers(node: ox.NamedNode | ox.BlankNode) -> list[str] | None:
        """The fillers of the restrictions on ``inverse p`` (a blank node), or ``None`` when
        the inverse is used otherwise."""
        if any(p != OWL.inverseOf for _, p, _ in about[_key(node)]):
            return None
        uses = [t for t in axioms if t[2] == node]
        if any(p != OWL.onProperty for _, p, _ in uses):
            return None
        found = [filler(s) for s, _, _ in uses]
        return None if None in found else [f for f in found if f is not None]

    result: set[str] = set()
    for prop, statements in mentions.items():
        if prop == RDF.type.value or prop.startswith((OWL.iri, RDFS.iri)):
            continue
        domains: set[str] = set()
        ranges: set[str] = set()
        forward: list[str] = []
        backward: list[str] = []
        usable = True
        for (s, p, o), role in statements:
            if role == "s" and p == RDF.type and o in _DECLARATIONS:
                continue
            if role == "s" and p in (RDFS.domain, RDFS.range):
                if isinstance(o, ox.NamedNode):
                    (domains if p == RDFS.domain else ranges).add(o.value)
                continue
            if role == "o" and p == OWL.onProperty and (x := filler(s)) is not None:
                forward.append(x)
                continue
            if role == "o" and p == OWL.inverseOf and (ys := inverse_fillers(s)) is not None:
                backward.extend(ys)
                continue
            usable = False
            break
        declared = any(t[1:] == (RDF.type, OWL.ObjectProperty) for t, _ in statements)
        if not usable or not declared:
            continue
        if set(forward) <= ancestors(ranges) and set(backward) <= ancestors(domains):
            result.add(prop)
    return result


def cut(schema: Sequence[Triple], data: Sequence[Triple]) -> list[Triple]:
    """``data`` with each link ``a p b`` of a property that ``cuttable`` admits replaced by
    ``a p n`` and ``m p b``, where ``n`` and ``m`` are individuals of their own (one for each
    individual and property: ``a``'s links of ``p`` share one ``n``).

    The memberships of the data's individuals, and whether the model is consistent, stay the
    same. A model of the cut data becomes one of the data by adding the links ``a p b``: ``a``
    is in ``p``'s domain and ``b`` in its range (both already had a link of ``p``, to ``n`` and
    from ``m``), and ``a`` already belonged to every ``p some X`` the axioms name (``n`` is in
    the range, which implies ``X``), ``b`` to every ``(inverse p) some Y``; nothing else
    mentions ``p``, so no class gains or loses a member. A model of the data becomes one of
    the cut data by taking ``n`` to be one of ``a``'s ``p``-values and ``m`` one of ``b``'s.
    """
    axioms = [*schema, *(t for t in data if _logical(t[1]))]
    cuts = cuttable(axioms)
    fresh: dict[tuple[str, str, bool], ox.NamedNode] = {}

    def end(node: ox.NamedNode | ox.BlankNode | ox.Literal, p: str, forward: bool) -> ox.NamedNode:
        key = (_key(node), p, forward)
        if key not in fresh:
            fresh[key] = ox.NamedNode(f"{FILLER}{len(fresh)}")
        return fresh[key]

    out: dict[Triple, None] = {}
    for s, p, o in data:
        if p.value in cuts and not isinstance(o, ox.Literal):
            out[(s, p, end(s, p.value, True))] = None
            out[(end(o, p.value, False), p, o)] = None
        else:
            out[(s, p, o)] = None
    return list(out)
