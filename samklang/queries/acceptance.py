"""Accepted findings: what a planner's acceptance says, and which findings it holds for.

A dataset writes its acceptances in its ``accepted:`` section (read by ``graph/dataset.py``,
written by ``samklang accept``: ``queries/accept.py``); ``check`` reads them from the store here
and marks the findings they hold for. An acceptance holds only within the dataset that states
it, so one municipality's acceptance never hides another's finding.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pyoxigraph as ox

from samklang.errors import InputError
from samklang.graph.store import Store
from samklang.ontology.namespace import RULE, SK
from samklang.queries.rule import catalogue

if TYPE_CHECKING:
    from samklang.graph.dataset import Dataset

ACCEPTANCES_QUERY = """
SELECT ?acceptance ?rule ?focus ?document ?by ?date ?reason WHERE {
  ?acceptance a sk:Acceptance ;
              sk:acceptedRule ?rule ;
              sk:acceptedFocus ?focus ;
              sk:acceptedBy ?by ;
              dcterms:date ?date ;
              sk:reason ?reason .
  OPTIONAL { ?acceptance sk:acceptedDocument ?document }
}
ORDER BY ?rule ?focus ?document ?acceptance
"""


@dataclass(frozen=True)
class Acceptance:
    """One accepted finding: where it applies, and who accepted it, when and why."""

    document: str | None
    """The document it is limited to, or ``None`` for any document."""
    scope: str
    """The namespace of the dataset that holds it (``…/data/0685/``): a focus outside it (a
    domain, a law: terms every municipality shares) is accepted only for findings whose
    document lies inside it, so one municipality's acceptance stays its own in a corpus."""
    record: dict[str, str]


Acceptances = dict[tuple[str, str], list[Acceptance]]
"""(rule ID, focus IRI) → the acceptances of findings about it."""


def check_accepted_rules(dataset: Dataset) -> None:
    """Refuse an ``accepted:`` entry naming a rule the catalogue does not have (the input
    format knows only what a rule ID looks like; the rules are this layer's).

    Raises:
        InputError: naming the entry's file and line.
    """
    rules = catalogue()
    for quad in dataset.quads:
        entry = quad.subject
        if quad.predicate != SK.acceptedRule:
            continue
        rule = rule_id(quad.object)
        if rule not in rules:
            where = entry.value if isinstance(entry, ox.NamedNode) else ""
            path, line = dataset.locations.get(where, (dataset.path, None))
            raise InputError(
                path, line, f"'{rule}' is not a rule; expected an ID listed by 'samklang rules'"
            )


def rule_id(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> str:
    """The rule ID of an ``sk:acceptedRule`` value: the rule's IRI
    (``https://w3id.org/samklang/rule/PER-MANDATE``), or the plain ID that a store an earlier
    samklang loaded holds.

    >>> rule_id(RULE.term("PER-MANDATE")), rule_id(ox.Literal("PER-MANDATE"))
    ('PER-MANDATE', 'PER-MANDATE')
    """
    if isinstance(term, ox.NamedNode) and term in RULE:
        return term.value[len(RULE.iri) :]
    return term.value


def read_acceptances(store: Store) -> Acceptances:
    """Accepted findings in the store."""
    found: Acceptances = {}
    for row in store.select(ACCEPTANCES_QUERY):
        if not isinstance(row["acceptance"], ox.NamedNode):
            continue  # from an RDF file loaded as it is: no dataset's, so it holds for none
        found.setdefault((rule_id(row["rule"]), row["focus"].value), []).append(
            Acceptance(
                document=row["document"].value if "document" in row else None,
                scope=row["acceptance"].value.rsplit("/", 1)[0] + "/",
                record={
                    "by": row["by"].value,
                    "date": row["date"].value,
                    "reason": row["reason"].value,
                },
            )
        )
    return found


def accepted_record(
    acceptances: Acceptances, rule_id: str, row: dict[str, ox.NamedNode | ox.BlankNode | ox.Literal]
) -> dict[str, str] | None:
    """The acceptance of a finding: one for its document, else one for any document — each
    only from the dataset the finding belongs to."""
    focus = row["focus"].value
    document = row["document"].value if "document" in row else None
    candidates = [
        a
        for a in acceptances.get((rule_id, focus), [])
        if focus.startswith(a.scope) or (document or "").startswith(a.scope)
    ]
    for wanted in (document, None):
        for a in candidates:
            if a.document == wanted:
                return a.record
    return None
