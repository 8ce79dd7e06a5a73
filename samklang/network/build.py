"""The planning as a networkx graph: how ``samklang viz`` and ``samklang stats`` see a store.

:func:`planning_graph` reads one municipality's planning (or every municipality in a store) into
a ``networkx.MultiDiGraph``: one node per document, objective, problem, activity, follow-up
entry, organisation and group, plus the factors and domains they touch; one edge per relation,
keyed by its name (``part_of``, ``contributes_to``, ``targets_factor`` …). The views of
``samklang viz`` draw from it, and :mod:`samklang.network.analytics` measures it for
``samklang stats``. :func:`label_of`, :func:`targets` and :func:`sources_of` walk it.

Works on any :class:`~samklang.graph.store.Store`; nothing here prints.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from samklang.errors import UsageError
from samklang.graph.store import ONTOLOGY_GRAPH, Store
from samklang.network.mapped_facts import MAPPED_QUERY, MAPPED_TYPES_QUERY, chain, mapped_rows
from samklang.ontology.namespace import DCTERMS, ORG, RDFS, SK, SKOS

if TYPE_CHECKING:
    import networkx as nx

KINDS: dict[str, str] = {
    SK.Document.value: "document",
    SK.DocumentSeries.value: "series",
    SK.Municipality.value: "municipality",
    SK.Authority.value: "organisation",
    SK.PoliceArea.value: "organisation",
    SK.RescueServicesFederation.value: "organisation",
    SK.Committee.value: "organisation",
    ORG.Organization.value: "organisation",
    SK.Group.value: "group",
    SK.ThemeGroup.value: "group",
    SK.SteeringGroup.value: "group",
    SK.GoalArea.value: "goal_area",
    SK.Goal.value: "goal",
    SK.FocusArea.value: "focus_area",
    SK.Problem.value: "problem",
    SK.Activity.value: "activity",
    SK.FollowUpEntry.value: "follow_up",
    SK.Source.value: "source",
}
"""Node kinds by the class of the resource."""

SUBTYPES: dict[str, str] = {
    SK.Authority.value: "authority",
    SK.PoliceArea.value: "police_area",
    SK.RescueServicesFederation.value: "rescue_services",
    SK.Committee.value: "committee",
    SK.ThemeGroup.value: "theme_group",
    SK.SteeringGroup.value: "steering_group",
}
"""Finer kinds of organisations and groups."""

RELATIONS: dict[str, str] = {
    DCTERMS.isPartOf.value: "part_of",
    DCTERMS.references.value: "references",
    SK.legalBasis.value: "legal_basis",
    SK.inSeries.value: "in_series",
    SK.reportsOn.value: "reports_on",
    SK.party.value: "party",
    SK.signedBy.value: "signed_by",
    SK.owningGroup.value: "owning_group",
    ORG.hasMember.value: "member",
    SK.convener.value: "convener",
    ORG.reportsTo.value: "reports_to",
    ORG.subOrganizationOf.value: "sub_organisation_of",
    SK.statedIn.value: "stated_in",
    SK.inGoalArea.value: "in_goal_area",
    SK.identifiedIn.value: "identified_in",
    SK.cause.value: "cause",
    SK.plannedIn.value: "planned_in",
    SK.responsible.value: "responsible",
    SK.contributesTo.value: "contributes_to",
    SK.addresses.value: "addresses",
    SK.targetsFactor.value: "targets_factor",
    SK.targetsDomain.value: "targets_domain",
    SK.activity.value: "follows_up",
    SK.hasEntry.value: "has_entry",
}
"""Relations drawn as edges, by predicate; the edge runs from subject to object."""

# Queries. ?g is the municipality's named graph, bound when one municipality is asked for.
TYPES_QUERY = """
SELECT ?g ?s ?type WHERE {
  GRAPH ?g { ?s a ?type }
  FILTER (?g != ?ontology)
}
"""

FACT_QUERY = """
SELECT ?s ?o WHERE {
  GRAPH ?g { ?s ?p ?o }
  FILTER (?g != ?ontology)
}
"""
"""The facts of one predicate ?p. One query per predicate reads the planning in half the time
of one query over all of them: a store decodes the two terms of a row, not four."""

FACT_PREDICATES: tuple[ox.NamedNode, ...] = (
    RDFS.label, DCTERMS.title, DCTERMS.description, SKOS.note, SK.purpose, SK.year,
    SK.periodStart, SK.periodEnd, SK.periodYear, SK.prioritised, SK.activityKind, SK.status,
    DCTERMS.type, SK.reportYear, SK.municipalityCode, SK.abbreviation, SK.handlaggare,
    SK.reviewedBy, SK.emptyField, SK.decision, SK.decidedBy, DCTERMS.date, SK.outcome,
    SK.sourceFile, RDFS.seeAlso, SK.hasEntry, SK.municipality, SK.lsoTask,
    DCTERMS.isPartOf, DCTERMS.references, SK.legalBasis, SK.inSeries, SK.reportsOn, SK.party,
    SK.signedBy, SK.owningGroup, ORG.hasMember, SK.convener, ORG.reportsTo,
    ORG.subOrganizationOf, SK.statedIn, SK.inGoalArea, SK.identifiedIn, SK.cause, SK.plannedIn,
    SK.responsible, SK.contributesTo, SK.addresses, SK.targetsFactor, SK.targetsDomain,
    SK.activity,
)  # fmt: skip
"""The predicates the graph reads: the facts of its nodes, then the relations it draws."""

STATS_PREDICATES: tuple[ox.NamedNode, ...] = tuple(
    p
    for p in FACT_PREDICATES
    if p.value in RELATIONS
    or p in (RDFS.label, DCTERMS.title, SK.year, SK.activityKind, SK.status, SK.decision,
             SK.decidedBy)
)  # fmt: skip
"""What ``samklang stats`` reads (``lean=True``): labels, years, activity kinds, statuses,
decisions' bodies and every relation; not the descriptions, periods, provenance and the rest
that only the views draw."""

PROVENANCE_QUERY = """
SELECT ?g ?s ?source ?span WHERE {
  GRAPH ?g {
    ?s prov:wasDerivedFrom ?specific .
    ?specific oa:hasSource ?source .
    OPTIONAL { ?specific oa:hasSelector ?selector . ?selector rdf:value ?span }
  }
}
"""

VOCABULARY_QUERY = """
SELECT ?ontology ?c ?type ?label ?domain ?flag ?value WHERE {
  GRAPH ?ontology { ?c a ?type }
  VALUES ?type {
    sk:Domain sk:RiskFactor sk:ProtectiveFactor sk:ActivityStatus sk:OutcomeStatus sk:ActivityKind
    sk:DocumentType
  }
  OPTIONAL { GRAPH ?ontology { ?c skos:prefLabel ?label } }
  OPTIONAL { GRAPH ?ontology { ?c sk:inDomain ?domain } }
  OPTIONAL {
    GRAPH ?ontology { ?c ?flag ?value }
    VALUES ?flag { sk:activityPlan sk:requiresDecision sk:governing }
  }
}
"""

LAWS_QUERY = """
SELECT ?ontology ?s ?title ?start WHERE {
  GRAPH ?ontology {
    ?s a sk:Document ; dcterms:title ?title .
    OPTIONAL { ?s sk:periodStart ?start }
  }
}
"""

MUNICIPALITIES_QUERY = """
SELECT ?g ?m ?code ?name WHERE {
  GRAPH ?g { ?m a sk:Municipality ; sk:municipalityCode ?code . OPTIONAL { ?m rdfs:label ?name } }
}
ORDER BY ?code
"""


@dataclass(frozen=True)
class Municipality:
    """A municipality whose planning a store holds.

    Attributes:
        code: the SCB municipality code.
        name: its name.
        iri: its IRI.
        graph: the named graph holding its planning.
    """

    code: str
    name: str
    iri: str
    graph: str


def municipalities(store: Store) -> list[Municipality]:
    """The municipalities in ``store``, by code."""
    found: dict[str, Municipality] = {}
    for row in store.select(MUNICIPALITIES_QUERY):
        code = row["code"].value
        name = row["name"].value if "name" in row else code
        found.setdefault(code, Municipality(code, name, row["m"].value, row["g"].value))
    return [found[c] for c in sorted(found)]


def choose_municipality(
    store: Store, code: str | None, every: list[Municipality] | None = None
) -> Municipality | None:
    """The municipality ``code`` names, or the only one in the store, or ``None`` for several
    (of ``every``, the store's :func:`municipalities` if the caller has read them).

    Raises:
        UsageError: ``code`` names no municipality in the store, or the store holds none.
    """
    if every is None:
        every = municipalities(store)
    if not every:
        raise UsageError("the store holds no municipality: load a dataset into it first")
    if code is None:
        return every[0] if len(every) == 1 else None
    for municipality in every:
        if municipality.code == code:
            return municipality
    known = ", ".join(m.code for m in every[:12]) + (" …" if len(every) > 12 else "")
    raise UsageError(f"'{code}' is not a municipality code in the store; expected one of {known}")


def _best(current: tuple[int, str] | None, literal: ox.Literal, lang: str) -> tuple[int, str]:
    """Keep the label in ``lang``, else Swedish, else untagged, else any."""
    rank = {lang: 0, "sv": 1, "": 2}.get(literal.language or "", 3)
    if current is None or rank < current[0]:
        return (rank, literal.value)
    return current


def _local(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _span_text(span: str) -> str:
    """RFC 5147 ``line=38,39`` (0-based positions) as the 1-based lines ``39`` or ``39–41``."""
    if not span.startswith("line="):
        return span
    first, _, last = span[5:].partition(",")
    try:
        start, end = int(first) + 1, int(last or first)
    except ValueError:
        return span
    return str(start) if end <= start else f"{start}–{end}"


@contextmanager
def collection_paused() -> Iterator[None]:
    """Python's cycle collector paused while a large graph is built: it makes nothing that
    needs it, and each full collection walks every object made so far (at 30 municipalities a
    fifth of ``compute_stats``' time, more the larger the graph)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def planning_graph(
    store: Store,
    municipality: Municipality | None = None,
    lang: str = "sv",
    *,
    lean: bool = False,
    known: list[Municipality] | None = None,
) -> nx.MultiDiGraph:
    """Read the planning in ``store`` into a networkx multigraph.

    Args:
        store: any store.
        municipality: read only this municipality's graph (default: every graph).
        lang: the preferred language of vocabulary labels.

    Returns:
        A ``MultiDiGraph`` whose nodes are IRIs with attributes ``kind`` (``document``,
        ``activity``, ``domain`` …), ``label``, ``graph`` and kind-specific facts (``years``,
        ``period``, ``prioritised``, ``status``, ``sources`` …), and whose edges are keyed by
        relation name. ``graph.graph`` holds ``vocabulary`` (labels, factor domains,
        document-type flags) and ``municipalities``.
        lean: read only what ``samklang stats`` measures (:data:`STATS_PREDICATES`): the
            same nodes and edges, with their kinds, labels, graphs, years, activity kinds and
            statuses, without the other facts and the sources.
        known: the store's :func:`municipalities`, when the caller has read them already.
    """
    with collection_paused():
        return _planning_graph(store, municipality, lang, lean, known)


def _planning_graph(
    store: Store,
    municipality: Municipality | None,
    lang: str,
    lean: bool = False,
    known: list[Municipality] | None = None,
) -> nx.MultiDiGraph:
    import networkx as nx

    scope: dict[str, ox.NamedNode] = {}
    if municipality is not None:
        scope["g"] = ox.NamedNode(municipality.graph)
    bindings = {"ontology": ONTOLOGY_GRAPH, **scope}
    graph = nx.MultiDiGraph()
    vocabulary = _vocabulary(store, lang)
    graph.graph["vocabulary"] = vocabulary
    graph.graph["municipalities"] = [
        m
        for m in (municipalities(store) if known is None else known)
        if municipality is None or m.code == municipality.code
    ]
    codes = {m.graph: m.code for m in graph.graph["municipalities"]}

    nodes: dict[str, dict[str, Any]] = {}
    classes = list(KINDS)
    for row in store.select(MAPPED_TYPES_QUERY % chain("?type", classes), bindings):
        type_ = classes[int(row["k"].value)]
        iri = row["s"].value
        attrs = nodes.setdefault(iri, {"graph": codes.get(row["g"].value, "")})
        if attrs.get("kind") != "municipality":  # the most specific of several types
            attrs["kind"] = KINDS[type_]
        if type_ in SUBTYPES:
            attrs["subtype"] = SUBTYPES[type_]

    labels: dict[str, tuple[int, str]] = {}
    decisions: dict[str, dict[str, Any]] = defaultdict(dict)
    decision_of: dict[str, str] = {}
    edges: list[tuple[str, str, str]] = []
    mapped = {
        SK.status.value: vocabulary["statuses"],
        SK.activityKind.value: vocabulary["activity_kinds"],
        SK.targetsFactor.value: list(vocabulary["factor_domain"]),
        SK.cause.value: list(vocabulary["factor_domain"]),
    }
    for predicate in STATS_PREDICATES if lean else FACT_PREDICATES:
        p = predicate.value
        query = {**bindings, "p": predicate}
        if p in mapped:
            rows = mapped_rows(store, MAPPED_QUERY, query, mapped[p])
        else:
            rows = [(row["s"].value, row["o"]) for row in store.select(FACT_QUERY, query)]
        if p in RELATIONS:
            relation = RELATIONS[p]
            edges.extend((s, o.value, relation) for s, o in rows)
        elif p == SK.decidedBy.value:
            for s, o in rows:
                decisions[s].setdefault("by", []).append(o.value)
        elif p == DCTERMS.date.value:
            for s, o in rows:
                decisions[s]["date"] = o.value
        else:
            for s, o in rows:
                found = nodes.get(s)
                if found is None:
                    continue
                _fact(found, p, o, labels, s, lang)
                if p == SK.decision.value:
                    decision_of[o.value] = s
    for iri, (_, label) in labels.items():
        if iri in nodes:
            nodes[iri]["label"] = label

    sources: dict[str, dict[str, str]] = {}
    for iri, attrs in nodes.items():
        if attrs.get("kind") == "source":
            sources[iri] = {
                "title": attrs.get("label", _local(iri)),
                **{k: attrs[k] for k in ("file", "url") if k in attrs},
            }
    for row in [] if lean else store.select(PROVENANCE_QUERY, scope):
        cited = nodes.get(row["s"].value)
        if cited is None:
            continue
        source = sources.get(row["source"].value, {"title": _local(row["source"].value)})
        entry = dict(source)
        if "span" in row:
            entry["lines"] = _span_text(row["span"].value)
        cited.setdefault("sources", []).append(entry)

    for decision, document in decision_of.items():
        facts = decisions.get(decision, {})
        nodes[document]["decision"] = {"date": facts.get("date"), "by": facts.get("by", [])}
        for body in facts.get("by", []):
            edges.append((document, body, "decided_by"))

    for iri, attrs in nodes.items():
        if attrs["kind"] == "source":
            continue
        attrs.setdefault("label", _local(iri))
        for key in ("years", "period_years"):
            if key in attrs:
                attrs[key] = sorted(set(attrs[key]))
        if "sources" in attrs:
            attrs["sources"].sort(key=lambda s: (s["title"], s.get("lines", "")))
        graph.add_node(iri, **attrs)

    laws = {row["s"].value: row for row in store.select(LAWS_QUERY, {"ontology": ONTOLOGY_GRAPH})}
    for start, end, relation in edges:
        if start not in graph:
            continue
        if end not in graph and not _add_concept(graph, end, vocabulary, laws):
            continue
        graph.add_edge(start, end, key=relation)
    for domain in vocabulary["domains"]:
        _add_concept(graph, domain, vocabulary, laws)
    return graph


def _true(value: str) -> bool:
    return value == "true"


# Predicate → (attribute, how the value is read, whether it gathers several values).
FACTS: dict[str, tuple[str, Any, bool]] = {
    DCTERMS.description.value: ("description", str, False),
    SKOS.note.value: ("note", str, False),
    SK.purpose.value: ("purpose", str, False),
    SK.year.value: ("years", int, True),
    SK.periodYear.value: ("period_years", int, True),
    SK.prioritised.value: ("prioritised", _true, False),
    SK.activityKind.value: ("activity_kind", _local, False),
    SK.status.value: ("status", _local, False),
    DCTERMS.type.value: ("type", _local, False),
    SK.reportYear.value: ("report_year", int, False),
    SK.municipalityCode.value: ("code", str, False),
    SK.abbreviation.value: ("abbreviation", str, False),
    SK.handlaggare.value: ("handlaggare", str, False),
    SK.reviewedBy.value: ("reviewed_by", str, False),
    SK.emptyField.value: ("empty_fields", _local, True),
    SK.outcome.value: ("outcome", str, False),
    SK.sourceFile.value: ("file", str, False),
    RDFS.seeAlso.value: ("url", str, False),
    SK.municipality.value: ("municipality", str, False),
    SK.lsoTask.value: ("lso", _true, False),
}


def _fact(
    attrs: dict[str, Any],
    p: str,
    o: ox.NamedNode | ox.BlankNode | ox.Literal,
    labels: dict[str, tuple[int, str]],
    s: str,
    lang: str,
) -> None:
    """Record one literal or vocabulary fact of a node."""
    value = o.value
    if p in (RDFS.label.value, DCTERMS.title.value) and isinstance(o, ox.Literal):
        labels[s] = _best(labels.get(s), o, lang)
    elif p in (SK.periodStart.value, SK.periodEnd.value):
        attrs.setdefault("period", {})["start" if p == SK.periodStart.value else "end"] = value
    elif p in FACTS:
        name, read, many = FACTS[p]
        if many:
            attrs.setdefault(name, []).append(read(value))
        else:
            attrs[name] = read(value)


def _add_concept(
    graph: nx.MultiDiGraph,
    iri: str,
    vocabulary: dict[str, Any],
    laws: dict[str, dict[str, ox.NamedNode | ox.BlankNode | ox.Literal]],
) -> bool:
    """Add a vocabulary concept or a law the data points to; ``False`` if it is neither."""
    if iri in graph:
        return True
    label = vocabulary["labels"].get(iri)
    if iri in vocabulary["domains"]:
        graph.add_node(iri, kind="domain", label=label or _local(iri), graph="")
    elif iri in vocabulary["factor_domain"]:
        domain = vocabulary["factor_domain"][iri]
        graph.add_node(
            iri,
            kind="factor",
            label=label or _local(iri),
            graph="",
            domain=domain,
            factor_type=vocabulary["factor_type"].get(iri, ""),
        )
        _add_concept(graph, domain, vocabulary, laws)
        graph.add_edge(iri, domain, key="in_domain")
    elif iri in laws:
        graph.add_node(iri, kind="document", type="lag", label=laws[iri]["title"].value, graph="")
    else:
        return False
    return True


def _vocabulary(store: Store, lang: str) -> dict[str, Any]:
    """Labels of the vocabulary concepts, factor domains and types, the outcome statuses
    (local ids), document-type flags."""
    labels: dict[str, tuple[int, str]] = {}
    domains: list[str] = []
    factor_domain: dict[str, str] = {}
    factor_type: dict[str, str] = {}
    outcome_statuses: set[str] = set()
    statuses: list[str] = []
    activity_kinds: list[str] = []
    flags: dict[str, dict[str, bool]] = defaultdict(dict)
    for row in store.select(VOCABULARY_QUERY, {"ontology": ONTOLOGY_GRAPH}):
        concept, kind = row["c"].value, row["type"].value
        if "label" in row and isinstance(row["label"], ox.Literal):
            labels[concept] = _best(labels.get(concept), row["label"], lang)
        if kind == SK.Domain.value and concept not in domains:
            domains.append(concept)
        if "domain" in row:
            factor_domain[concept] = row["domain"].value
        if kind == SK.RiskFactor.value:
            factor_type[concept] = "risk"
        elif kind == SK.ProtectiveFactor.value:
            factor_type[concept] = "protective"
        elif kind == SK.OutcomeStatus.value:
            outcome_statuses.add(_local(concept))
        if kind in (SK.ActivityStatus.value, SK.OutcomeStatus.value) and concept not in statuses:
            statuses.append(concept)
        elif kind == SK.ActivityKind.value and concept not in activity_kinds:
            activity_kinds.append(concept)
        if "flag" in row:
            flags[_local(concept)][_local(row["flag"].value)] = row["value"].value == "true"
    order = ["familjen", "kamratgruppen-fritiden", "skolan", "samhallet", "individen"]
    domains.sort(key=lambda d: (order.index(_local(d)) if _local(d) in order else 99, d))
    return {
        "labels": {iri: label for iri, (_, label) in labels.items()},
        "domains": domains,
        "factor_domain": factor_domain,
        "factor_type": factor_type,
        "outcome_statuses": frozenset(outcome_statuses),
        "statuses": statuses,
        "activity_kinds": activity_kinds,
        "document_types": dict(flags),
    }


def label_of(graph: nx.MultiDiGraph, iri: str) -> str:
    """The label of a node or vocabulary concept."""
    if iri in graph:
        return str(graph.nodes[iri].get("label", _local(iri)))
    return str(graph.graph["vocabulary"]["labels"].get(iri, _local(iri)))


def targets(graph: nx.MultiDiGraph, node: str, relation: str) -> list[str]:
    """The nodes ``node`` points to by ``relation``, in a stable order."""
    # networkx's own adjacency (a dict of each neighbour's edge keys), read without the
    # read-only views over it: out_edges and succ[node] cost stats' red threads most of
    # their time at 30 municipalities.
    return sorted(o for o, keys in graph._succ[node].items() if relation in keys)


def sources_of(graph: nx.MultiDiGraph, node: str, relation: str) -> list[str]:
    """The nodes pointing to ``node`` by ``relation``, in a stable order."""
    return sorted(s for s, keys in graph._pred[node].items() if relation in keys)
