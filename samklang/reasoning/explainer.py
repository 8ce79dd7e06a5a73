"""Explaining an inconsistency: the individuals, the disjoint classes and the statements
behind it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import pyoxigraph as ox

from samklang.ontology.namespace import (
    GRAPH,
    OWL,
    RDF,
    RDFS,
)

if TYPE_CHECKING:
    pass

from samklang.reasoning.model import Clash, Triple
from samklang.reasoning.owl_view import _key, _View
from samklang.reasoning.runner import _parts, _realise, _Runner


def _asserted_types(triples: Iterable[Triple]) -> dict[str, set[str]]:
    types: dict[str, set[str]] = defaultdict(set)
    for s, p, o in triples:
        if p == RDF.type and isinstance(o, ox.NamedNode):
            types[_key(s)].add(o.value)
    return types


def _closure(triples: Sequence[Triple], inferred: Sequence[Triple]) -> dict[str, set[str]]:
    """Every named class each individual belongs to: asserted and inferred types, and all
    their superclasses (asserted, and as the reasoner classified them)."""
    supers: dict[str, set[str]] = defaultdict(set)
    for s, p, o in [*triples, *inferred]:
        if not (isinstance(s, ox.NamedNode) and isinstance(o, ox.NamedNode)):
            continue
        if p == RDFS.subClassOf:
            supers[s.value].add(o.value)
        elif p == OWL.equivalentClass:
            supers[s.value].add(o.value)
            supers[o.value].add(s.value)
    direct = _asserted_types([*triples, *inferred])
    memo: dict[str, set[str]] = {}

    def ancestors(cls: str) -> set[str]:
        if cls not in memo:
            seen = {cls}
            stack = [cls]
            while stack:
                for parent in supers.get(stack.pop(), ()):
                    if parent not in seen:
                        seen.add(parent)
                        stack.append(parent)
            memo[cls] = seen
        return memo[cls]

    return {
        individual: set().union(*(ancestors(c) for c in classes))
        for individual, classes in direct.items()
    }


def _disjoint_pairs(schema: Sequence[Triple]) -> tuple[list[tuple[str, str]], set[Triple]]:
    """The pairs of disjoint named classes, and the schema triples that state disjointness."""
    first: dict[str, ox.NamedNode | ox.BlankNode | ox.Literal] = {}
    rest: dict[str, ox.NamedNode | ox.BlankNode | ox.Literal] = {}
    for s, p, o in schema:
        if p == RDF.first:
            first[_key(s)] = o
        elif p == RDF.rest:
            rest[_key(s)] = o
    pairs: list[tuple[str, str]] = []
    axioms: set[Triple] = set()
    heads = {_key(s) for s, p, o in schema if p == RDF.type and o == OWL.AllDisjointClasses}
    groups = [o for s, p, o in schema if p == OWL.members and _key(s) in heads]
    for s, p, o in schema:
        if p == OWL.disjointWith and isinstance(s, ox.NamedNode) and isinstance(o, ox.NamedNode):
            pairs.append((s.value, o.value))
            axioms.add((s, p, o))
        elif _key(s) in heads and p in (OWL.members, RDF.type):
            axioms.add((s, p, o))
    for head in groups:
        members: list[str] = []
        node: ox.NamedNode | ox.BlankNode | ox.Literal = head
        while isinstance(node, ox.BlankNode) and _key(node) in first:
            item = first[_key(node)]
            if isinstance(item, ox.NamedNode):
                members.append(item.value)
            axioms.add((node, RDF.first, item))
            nxt = rest[_key(node)]
            axioms.add((node, RDF.rest, nxt))
            node = nxt
        pairs.extend((a, b) for i, a in enumerate(members) for b in members[i + 1 :])
    return pairs, axioms


class _BudgetSpentError(Exception):
    """The explanation used up its reasoner runs."""


class _Explainer:
    """Find where an inconsistent model contradicts itself, with a few more reasoner runs.

    1. Classify once more without the disjointness axioms: if that is consistent, every
       individual that now belongs to two disjoint classes is a clash.
    2. For each clash (at most three), find a smallest set of the data's statements about the
       individual (then also its neighbours) that contradicts the ontology (Junker's
       QuickXplain, with the reasoner's consistency check). Statements whose property no
       axiom mentions are not in the view at all.
    3. If step 1 finds nothing, narrow the contradiction down the same way to the statements
       of a few individuals.
    """

    def __init__(self, runner: _Runner, view: _View, budget: int) -> None:
        self.runner = runner
        self.view = view
        self.budget = runner.runs + budget

    def consistent(self, data: Sequence[Triple]) -> bool:
        if self.runner.runs >= self.budget:
            raise _BudgetSpentError
        return self.runner.consistent(self.view.schema + list(data))

    def clashes(self) -> list[Clash]:
        pairs, axioms = _disjoint_pairs(self.view.schema)
        relaxed = [t for t in self.view.schema if t not in axioms]
        outcome = _realise(self.runner, relaxed, self.view.data)
        found: list[tuple[str, tuple[str, str]]] = []
        if outcome.consistent:
            types = _closure(relaxed + self.view.data, outcome.inferred)
            nodes = {_key(t[0]) for t in self.view.data} | {
                _key(t[2]) for t in self.view.data if not isinstance(t[2], ox.Literal)
            }
            for individual in sorted(nodes):
                classes = types.get(individual, set())
                found.extend(
                    (individual, (a, b)) for a, b in pairs if a in classes and b in classes
                )
        if not found:
            return self._by_individual()
        explained: dict[str, tuple[Triple, ...]] = {}
        clashes: list[Clash] = []
        for individual, pair in found:
            if individual not in explained and len(explained) < 3:
                explained[individual] = self._statements(individual)
            clashes.append(Clash(individual, pair, explained.get(individual, ())))
        return clashes

    def _near(self, nodes: set[str]) -> list[Triple]:
        """The data's statements about ``nodes`` whose property some axiom mentions, sorted by
        property (statements that clash together tend to share one: QuickXplain then needs
        fewer runs)."""
        near = [t for t in self.view.data if _key(t[0]) in nodes or _key(t[2]) in nodes]
        return sorted(near, key=lambda t: (t[1].value, _key(t[0]), str(t[2])))

    def _statements(self, individual: str) -> tuple[Triple, ...]:
        """A smallest set of data statements near ``individual`` that contradicts the ontology."""
        near = self._near({individual})
        try:
            if self.consistent(near):
                near = self._near(
                    {_key(n) for s, _, o in near for n in (s, o) if not isinstance(n, ox.Literal)}
                )
                if self.consistent(near):
                    return ()
            found = self._quickxplain([[t] for t in near])
        except _BudgetSpentError:
            return ()
        return tuple(sorted(found, key=_reading_order))

    def _by_individual(self) -> list[Clash]:
        """No disjointness clash: narrow down to the statements of a few individuals."""
        try:
            if not self.consistent([]):
                return [Clash(GRAPH.ontology.value, (), ())]
            data = self.view.data
            for part in _parts(self.view.schema, data):
                if len(part) < len(data) and not self.consistent(part):
                    data = part  # the contradiction lies within this part
                    break
            groups: dict[str, list[Triple]] = defaultdict(list)
            for t in data:
                groups[_key(t[0])].append(t)
            conflict = self._quickxplain(list(groups.values()))
            conflict = self._quickxplain([[t] for t in conflict])  # then statement by statement
        except _BudgetSpentError:
            return []
        subjects = sorted({_key(t[0]) for t in conflict})
        return [Clash(s, (), tuple(t for t in conflict if _key(t[0]) == s)) for s in subjects]

    def _quickxplain(self, candidates: list[list[Triple]]) -> list[Triple]:
        """A minimal union of ``candidates`` that, with the schema, is inconsistent (Junker's
        QuickXplain: about k·log(n/k) reasoner runs for a conflict of k out of n groups).
        The caller has made sure that all of them together are inconsistent."""

        def search(
            background: list[Triple], changed: bool, groups: list[list[Triple]]
        ) -> list[list[Triple]]:
            if changed and not self.consistent(background):
                return []
            if len(groups) == 1:
                return groups
            half = len(groups) // 2
            left, right = groups[:half], groups[half:]
            found_right = search(background + _flat(left), True, right)
            found_left = search(background + _flat(found_right), bool(found_right), left)
            return found_left + found_right

        return _flat(search([], False, candidates))


def _reading_order(t: Triple) -> tuple[str, bool, str, str]:
    """Statements by subject, its types first, then by property and object."""
    return (_key(t[0]), t[1] != RDF.type, t[1].value, str(t[2]))


def _flat(groups: Iterable[list[Triple]]) -> list[Triple]:
    return [t for g in groups for t in g]


