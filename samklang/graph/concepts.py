"""The words every command shares, defined once on the planning graph.

``stats`` and ``viz`` read the planning as a networkx graph
(:func:`samklang.network.build.planning_graph`); these functions say, for that graph, what the
ontology's defined classes (``samklang/ontology/defined-classes.ttl``) say for ``reason`` and
what the rules and research queries say in SPARQL (docs/decisions/0005-one-meaning-per-concept.md):

- **kind**: social or situational as the activity declares it (``sk:activityKind``); neither
  when it declares no kind (coordination, method). A factor or a domain does not make it social.
- **has a factor**: it targets a risk or protective factor (``sk:targetsFactor``); a domain is
  not a factor. A factor is due of social activities only.
- **followed up**: an outcome status (``sk:OutcomeStatus``: done, partly done, not done,
  cancelled) is reported for it, in its status column or in a follow-up entry. "Planned" and
  "ongoing" are not outcomes. Follow-up is due once the activity's last year is past.
- **covered**: a domain, goal or problem has an activity in a year (see :func:`domains_of` for
  what reaches a domain).
- **missing**: a year of its period, up to the reference year, with no activity (the years
  that count are :func:`due_years`; a later year is still to come).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

SOCIAL = "social"
SITUATIONAL = "situationell"
NEITHER = ""
KINDS = (SOCIAL, SITUATIONAL)
"""The declared kinds, by the local id of their concept in ``activity-kinds.ttl``."""


def _targets(graph: nx.MultiDiGraph, node: str, relation: str) -> list[str]:
    # networkx's own adjacency, read without its views (see network.build.targets)
    return sorted(o for o, keys in graph._succ[node].items() if relation in keys)


def kind(graph: nx.MultiDiGraph, activity: str) -> str:
    """``social``, ``situationell``, or ``""`` for neither."""
    declared = graph.nodes[activity].get("activity_kind", NEITHER)
    return declared if declared in KINDS else NEITHER


def has_factor(graph: nx.MultiDiGraph, activity: str) -> bool:
    """Whether the activity targets a risk or protective factor (a domain does not count)."""
    return bool(_targets(graph, activity, "targets_factor"))


def factor_due(graph: nx.MultiDiGraph, activity: str) -> bool:
    """Whether the activity should target a factor: social ones should, others need not."""
    return kind(graph, activity) == SOCIAL


def outcomes(graph: nx.MultiDiGraph, activity: str) -> list[str]:
    """The outcome statuses reported for the activity: its own, then its follow-up entries'."""
    outcome = graph.graph["vocabulary"]["outcome_statuses"]
    reports = [graph.nodes[activity]] + [
        graph.nodes[s] for s, keys in graph._pred[activity].items() if "follows_up" in keys
    ]
    return [r["status"] for r in reports if r.get("status") in outcome]


def followed_up(graph: nx.MultiDiGraph, activity: str) -> bool:
    """Whether an outcome is reported for the activity."""
    return bool(outcomes(graph, activity))


def follow_up_due(graph: nx.MultiDiGraph, activity: str, as_of: date) -> bool:
    """Whether the activity's outcome should be reported: its last year is before ``as_of``'s."""
    return follow_up_due_in(graph.nodes[activity].get("years", []), as_of)


def follow_up_due_in(years: Iterable[int], as_of: date) -> bool:
    """:func:`follow_up_due` from an activity's years: the last of them is before ``as_of``'s."""
    return max(years, default=as_of.year) < as_of.year


def domains_of(graph: nx.MultiDiGraph, activity: str) -> list[str]:
    """The domains an activity reaches, and so covers in its years: those of its factors, and
    those it names itself."""
    found = set(_targets(graph, activity, "targets_domain"))
    for factor in _targets(graph, activity, "targets_factor"):
        found.update(_targets(graph, factor, "in_domain"))
    return sorted(found)


def covered_years(graph: nx.MultiDiGraph, activities: Iterable[str]) -> list[int]:
    """The years that ``activities`` cover."""
    return sorted({y for a in activities for y in graph.nodes[a].get("years", [])})


def due_years(years: Iterable[int], as_of: date) -> list[int]:
    """The years, of those given, that should have activity by ``as_of``: up to its year."""
    return sorted(y for y in set(years) if y <= as_of.year)
