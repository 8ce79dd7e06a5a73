"""The entry points: reason over a store's data, infer memberships, add them to a store."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING

import pyoxigraph as ox

from samklang.errors import UsageError
from samklang.ontology.namespace import (
    GRAPH,
)

if TYPE_CHECKING:
    from samklang.graph.store import GraphStore

from samklang.reasoning.explainer import _asserted_types, _closure, _Explainer
from samklang.reasoning.model import (
    INFERRED_GRAPH,
    REASONERS,
    InconsistentModelError,
    Membership,
    Reasoning,
)
from samklang.reasoning.owl_view import _THING, _VALUE_CLASS, _labels, _triple, _View
from samklang.reasoning.runner import _realise, _Runner


def infer(
    quads: Iterable[ox.Quad], reasoner: str = "hermit", *, as_of: date | None = None
) -> list[ox.Quad]:
    """The class memberships the ontology and ``quads`` imply and ``quads`` do not state.

    Add them to a store before running rules or queries to let them use the defined classes
    (``sk:FamilyDomainActivity``, ``sk:DecidedDocument``…)::

        store.add(dataset.quads)
        store.add(infer(dataset.quads, as_of=settings.as_of))

    Args:
        quads: the data (quads of the ontology graph among them are ignored: the packaged
            ontology is always used).
        reasoner: ``hermit`` or ``pellet``.
        as_of: the reference date for ``sk:DocumentInForce`` (default: today).

    Returns:
        ``rdf:type`` quads in the graph ``graph/inferred``.

    Raises:
        ReasonerUnavailableError: no Java, or a Java the reasoner cannot run on.
        InconsistentModelError: the data contradicts the ontology.
        ReasonerError: the reasoner stopped with an error.
        UsageError: an unknown reasoner.
    """
    # On a contradiction, name the individuals and classes (one more run), not the statements.
    result = reason(quads, reasoner, as_of=as_of, budget=0)
    if not result.consistent:
        raise InconsistentModelError(result)
    return result.quads()


def data_quads(store: GraphStore) -> list[ox.Quad]:
    """The quads of a store the reasoner reasons over: every named graph but the ontology's,
    the catalogue's and the inferred one."""
    from samklang.graph.store import ONTOLOGY_GRAPH

    skip = {ONTOLOGY_GRAPH, GRAPH.catalogue, INFERRED_GRAPH}
    return [q for q in store.quads() if q.graph_name not in skip]


def add_inferences(
    store: GraphStore, reasoner: str = "hermit", *, as_of: date | None = None
) -> list[ox.Quad]:
    """Reason over the data in ``store`` and put the inferred memberships in its graph
    ``graph/inferred`` (replacing what an earlier run put there). This is what ``--reason``
    on ``check`` and ``query`` does before running rules or queries.

    Returns:
        The inferred quads.

    Raises:
        The errors of :func:`infer`.
    """
    inferred = infer(data_quads(store), reasoner, as_of=as_of)
    store.replace_graph(INFERRED_GRAPH, inferred)
    return inferred


def reason(
    quads: Iterable[ox.Quad],
    reasoner: str = "hermit",
    *,
    as_of: date | None = None,
    explain: bool = True,
    budget: int = 60,
    explaining: Callable[[], object] | None = None,
) -> Reasoning:
    """Run the reasoner over the ontology and ``quads``; explain an inconsistency.

    Args:
        quads: the data.
        reasoner: ``hermit`` or ``pellet``.
        as_of: the reference date for ``sk:DocumentInForce`` (default: today).
        explain: when inconsistent, find the individuals, classes and statements involved
            (further reasoner runs, on small parts of the graph).
        budget: the most consistency checks the explanation may run to find the statements
            behind each contradiction (0: name the individuals and classes only).
        explaining: called before the explanation starts (to tell a waiting user).

    Returns:
        The inferred memberships, or where the model is inconsistent.

    Raises:
        ReasonerUnavailableError: no Java, or a Java the reasoner cannot run on.
        ReasonerError: the reasoner stopped with an error.
        UsageError: an unknown reasoner.
    """
    from samklang.graph.store import ONTOLOGY_GRAPH, ontology_quads

    if reasoner not in REASONERS:
        raise UsageError(f"'{reasoner}' is not a reasoner; expected one of {', '.join(REASONERS)}")
    started = time.perf_counter()
    as_of = as_of or date.today()
    ontology = [_triple(q) for q in ontology_quads()]
    data = list(dict.fromkeys(_triple(q) for q in quads if q.graph_name != ONTOLOGY_GRAPH))
    view = _View(ontology, data, as_of)
    result = Reasoning(reasoner, as_of, consistent=True, omissions=view.omissions)
    result.labels = _labels([*ontology, *data])
    result.defined = view.defined
    individuals = sorted({s.value for s, _, _ in data if isinstance(s, ox.NamedNode)})
    result.individuals = len(individuals)
    runner = _Runner(reasoner)
    outcome = _realise(runner, view.schema, view.data)
    if outcome.consistent:
        types = _closure(view.schema + view.data, outcome.inferred)
        asserted = _asserted_types(view.schema + view.data)
        result.memberships = sorted(
            Membership(i, c)
            for i in individuals
            for c in types.get(i, set()) - asserted.get(i, set())
            if c != _THING and not c.startswith(_VALUE_CLASS)
        )
    else:
        result.consistent = False
        result.message = outcome.message
        if explain:
            if explaining is not None:
                explaining()
            result.clashes = _Explainer(runner, view, budget).clashes()
            result.explained = True
    result.seconds = time.perf_counter() - started
    return result


def reasoned_store(store: GraphStore, as_of: date | None = None) -> GraphStore:
    """A new in-memory store with the data of ``store`` and what the reasoner infers from it
    (``--reason`` on ``check`` and ``query``). ``store`` itself is left as it is, so a
    read-only store or a remote endpoint works too.

    Raises:
        The errors of :func:`infer`.
    """
    from samklang.graph.store.oxigraph import OxigraphStore

    reasoned = OxigraphStore()
    reasoned.add(data_quads(store))
    add_inferences(reasoned, as_of=as_of)
    return reasoned
