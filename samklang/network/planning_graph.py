"""The names this module held before issue 13 split it, for the modules that still import it.

The graph is built in :mod:`samklang.network.build`, measured in
:mod:`samklang.network.analytics`, and ``samklang stats`` is written by
:mod:`samklang.report.stats`. New code imports from those; ``samklang/viz/`` still imports from
here, and this module goes once it does.
"""

from __future__ import annotations

from samklang.network.analytics import (
    ACTOR_RELATIONS,
    VOCABULARY_KINDS,
    Centrality,
    Loose,
    Stats,
    Thread,
    components,
    compute_stats,
    organisation_centrality,
    red_threads,
)
from samklang.network.build import (
    FACTS,
    KINDS,
    RELATIONS,
    SUBTYPES,
    Municipality,
    choose_municipality,
    label_of,
    municipalities,
    planning_graph,
    sources_of,
    targets,
)

__all__ = [
    "ACTOR_RELATIONS",
    "FACTS",
    "KINDS",
    "RELATIONS",
    "SUBTYPES",
    "VOCABULARY_KINDS",
    "Centrality",
    "Loose",
    "Municipality",
    "Stats",
    "Thread",
    "choose_municipality",
    "components",
    "compute_stats",
    "label_of",
    "municipalities",
    "organisation_centrality",
    "planning_graph",
    "red_threads",
    "sources_of",
    "targets",
]
