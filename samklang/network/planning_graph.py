"""The planning as a networkx graph, and the analytics a researcher asks of it.

:func:`planning_graph` reads one municipality's planning (or every municipality in a store) into
a ``networkx.MultiDiGraph``: one node per document, objective, problem, activity, follow-up
entry, organisation and group, plus the factors and domains they touch; one edge per relation,
keyed by its name (``part_of``, ``contributes_to``, ``targets_factor`` …). The views of
``samklang viz`` draw from it, and :func:`compute_stats` measures it for ``samklang stats``:

- **organisations**: degree and betweenness in the network of organisations, groups, documents
  and activities (who holds the work together, who brokers between parties);
- **components**: documents and activities that hang loose from the rest of the planning;
- **red thread**: per activity, which links of problem → factor → goal → activity → follow-up
  are there, and how complete the thread is.

Works on any :class:`~samklang.graph.store.Store`; nothing here prints.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import IO, TYPE_CHECKING, Any

import pyoxigraph as ox

from samklang.errors import UsageError
from samklang.graph import concepts
from samklang.graph.store import ONTOLOGY_GRAPH, Store
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

ACTOR_RELATIONS = frozenset(
    {
        "member",
        "convener",
        "reports_to",
        "sub_organisation_of",
        "party",
        "signed_by",
        "responsible",
        "decided_by",
        "owning_group",
    }
)
"""The relations of the organisation network that ``stats`` measures."""

VOCABULARY_KINDS = frozenset({"domain", "factor"})
"""Shared concepts: every municipality's planning meets in them, so components ignore them."""

# Queries. ?g is the municipality's named graph, bound when one municipality is asked for.
TYPES_QUERY = """
SELECT ?ontology ?g ?s ?type WHERE {
  GRAPH ?g { ?s a ?type }
  FILTER (?g != ?ontology)
}
"""

FACTS_QUERY = """
SELECT ?ontology ?g ?s ?p ?o WHERE {
  GRAPH ?g { ?s ?p ?o }
  FILTER (?g != ?ontology)
  VALUES ?p {
    rdfs:label dcterms:title dcterms:description skos:note sk:purpose sk:year sk:periodStart
    sk:periodEnd sk:periodYear sk:prioritised sk:activityKind sk:status dcterms:type
    sk:reportYear sk:municipalityCode sk:abbreviation sk:handlaggare sk:reviewedBy
    sk:emptyField sk:decision sk:decidedBy dcterms:date sk:outcome sk:sourceFile rdfs:seeAlso
    sk:hasEntry sk:municipality sk:lsoTask
    dcterms:isPartOf dcterms:references sk:legalBasis sk:inSeries sk:reportsOn sk:party
    sk:signedBy sk:owningGroup org:hasMember sk:convener org:reportsTo org:subOrganizationOf
    sk:statedIn sk:inGoalArea sk:identifiedIn sk:cause sk:plannedIn sk:responsible
    sk:contributesTo sk:addresses sk:targetsFactor sk:targetsDomain sk:activity
  }
}
"""

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


def choose_municipality(store: Store, code: str | None) -> Municipality | None:
    """The municipality ``code`` names, or the only one in the store, or ``None`` for several.

    Raises:
        UsageError: ``code`` names no municipality in the store, or the store holds none.
    """
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


def planning_graph(
    store: Store, municipality: Municipality | None = None, lang: str = "sv"
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
    """
    import networkx as nx

    scope: dict[str, ox.NamedNode] = {}
    if municipality is not None:
        scope["g"] = ox.NamedNode(municipality.graph)
    bindings = {"ontology": ONTOLOGY_GRAPH, **scope}
    graph = nx.MultiDiGraph()
    vocabulary = _vocabulary(store, lang)
    graph.graph["vocabulary"] = vocabulary
    graph.graph["municipalities"] = [
        m for m in municipalities(store) if municipality is None or m.code == municipality.code
    ]
    codes = {m.graph: m.code for m in graph.graph["municipalities"]}

    nodes: dict[str, dict[str, Any]] = {}
    for row in store.select(TYPES_QUERY, bindings):
        kind = KINDS.get(row["type"].value)
        if kind is None:
            continue
        iri = row["s"].value
        attrs = nodes.setdefault(iri, {"graph": codes.get(row["g"].value, "")})
        if attrs.get("kind") != "municipality":  # the most specific of several types
            attrs["kind"] = kind
        if row["type"].value in SUBTYPES:
            attrs["subtype"] = SUBTYPES[row["type"].value]

    labels: dict[str, tuple[int, str]] = {}
    decisions: dict[str, dict[str, Any]] = defaultdict(dict)
    decision_of: dict[str, str] = {}
    edges: list[tuple[str, str, str]] = []
    for row in store.select(FACTS_QUERY, bindings):
        s, p, o = row["s"].value, row["p"].value, row["o"]
        if p in RELATIONS:
            edges.append((s, o.value, RELATIONS[p]))
            continue
        if p == SK.decidedBy.value:
            decisions[s].setdefault("by", []).append(o.value)
            continue
        if p == DCTERMS.date.value:
            decisions[s]["date"] = o.value
            continue
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
    for row in store.select(PROVENANCE_QUERY, scope):
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
        "document_types": dict(flags),
    }


def label_of(graph: nx.MultiDiGraph, iri: str) -> str:
    """The label of a node or vocabulary concept."""
    if iri in graph:
        return str(graph.nodes[iri].get("label", _local(iri)))
    return str(graph.graph["vocabulary"]["labels"].get(iri, _local(iri)))


def targets(graph: nx.MultiDiGraph, node: str, relation: str) -> list[str]:
    """The nodes ``node`` points to by ``relation``, in a stable order."""
    return sorted(o for _, o, k in graph.out_edges(node, keys=True) if k == relation)


def sources_of(graph: nx.MultiDiGraph, node: str, relation: str) -> list[str]:
    """The nodes pointing to ``node`` by ``relation``, in a stable order."""
    return sorted(s for s, _, k in graph.in_edges(node, keys=True) if k == relation)


# --- analytics ------------------------------------------------------------------------------


@dataclass
class Centrality:
    """An organisation's place in the organisation network.

    Attributes:
        iri: the organisation or group.
        label: its name.
        kind: ``municipality``, ``organisation`` or ``group``.
        municipality: the code of the municipality whose planning it is in.
        degree: how many organisations, groups, documents and activities it is linked to.
        betweenness: normalised betweenness centrality (0–1): how much it lies on the shortest
            paths between others.
        activities: how many activities it is responsible for.
    """

    iri: str
    label: str
    kind: str
    municipality: str
    degree: int
    betweenness: float
    activities: int


@dataclass
class Loose:
    """A document or activity in a component apart from its municipality's main one.

    Attributes:
        iri: the resource.
        label: its name.
        kind: ``document`` or ``activity``.
        municipality: the municipality's code.
        component_size: how many nodes its component holds.
    """

    iri: str
    label: str
    kind: str
    municipality: str
    component_size: int


@dataclass
class Thread:
    """The red thread of one activity: problem → factor → goal → activity → follow-up.

    Attributes:
        iri: the activity.
        label: its title.
        municipality: the municipality's code.
        years: the years it is planned for.
        kind: ``social``, ``situationell``, or empty for neither (as declared).
        problem: it addresses an identified problem.
        factor: it targets a risk or protective factor (a domain is not a factor).
        goal: it contributes to a goal, goal area or focus area.
        follow_up: an outcome (done, partly done, not done, cancelled) is reported for it, in
            its status column or a follow-up entry; ``None`` while none is due and none is
            reported (its last year is the reference year or later).
        linked: one of its problems has a cause among its factors (the thread runs through).
        completeness: the share of the links due that are there, 0–1.
        missing: the links due that are not there (a factor is due of social activities
            only).
    """

    iri: str
    label: str
    municipality: str
    years: list[int]
    kind: str
    problem: bool
    factor: bool
    goal: bool
    follow_up: bool | None
    linked: bool
    completeness: float
    missing: list[str]


@dataclass
class Stats:
    """What ``samklang stats`` reports.

    Attributes:
        as_of: the reference date (follow-up is due once an activity's last year is before
            its year).
        nodes: nodes in the planning graph (documents, objectives, activities, organisations …).
        edges: relations between them.
        organisations: centrality of organisations and groups, most central first.
        components: connected components of each municipality's planning (vocabulary left out).
        loose: documents and activities outside their municipality's main component.
        threads: the red thread of each activity.
        thread_completeness: mean completeness over all activities (``None`` without any).
    """

    as_of: str
    nodes: int
    edges: int
    organisations: list[Centrality] = field(default_factory=list)
    components: dict[str, int] = field(default_factory=dict)
    loose: list[Loose] = field(default_factory=list)
    threads: list[Thread] = field(default_factory=list)
    thread_completeness: float | None = None

    def as_dict(self) -> dict[str, Any]:
        """The statistics as a JSON-ready mapping."""
        return asdict(self)


def organisation_centrality(graph: nx.MultiDiGraph) -> list[Centrality]:
    """Degree and betweenness of every organisation and group in the organisation network.

    The network links organisations, groups, documents and activities by membership,
    convenership, reporting lines, parties, signatories, decisions, owning groups and
    responsibility; it is taken as undirected.
    """
    import networkx as nx

    actors = nx.Graph()
    for s, o, relation in graph.edges(keys=True):
        if relation in ACTOR_RELATIONS:
            actors.add_edge(s, o)
    betweenness = nx.betweenness_centrality(actors, normalized=True) if actors else {}
    result = []
    for iri, attrs in graph.nodes(data=True):
        if attrs["kind"] not in ("municipality", "organisation", "group"):
            continue
        result.append(
            Centrality(
                iri=iri,
                label=attrs["label"],
                kind=attrs["kind"],
                municipality=attrs["graph"],
                degree=actors.degree(iri) if iri in actors else 0,
                betweenness=round(betweenness.get(iri, 0.0), 4),
                activities=len(sources_of(graph, iri, "responsible")),
            )
        )
    result.sort(key=lambda c: (-c.betweenness, -c.degree, c.municipality, c.label))
    return result


def components(graph: nx.MultiDiGraph) -> tuple[dict[str, int], list[Loose]]:
    """Connected components per municipality, and the documents and activities hanging loose.

    Vocabulary concepts (domains, factors) and laws are left out: they are shared by every
    plan, so linking through them would hide that two parts of a plan are otherwise unrelated.
    """
    import networkx as nx

    count: dict[str, int] = {}
    loose: list[Loose] = []
    by_municipality: dict[str, list[str]] = defaultdict(list)
    for iri, attrs in graph.nodes(data=True):
        if attrs["kind"] not in VOCABULARY_KINDS and attrs["graph"]:
            by_municipality[attrs["graph"]].append(iri)
    for code, members in sorted(by_municipality.items()):
        parts = sorted(
            nx.connected_components(graph.subgraph(members).to_undirected(as_view=True)),
            key=lambda c: (-len(c), min(c)),
        )
        count[code] = len(parts)
        for part in parts[1:]:
            for iri in sorted(part):
                kind = graph.nodes[iri]["kind"]
                if kind in ("document", "activity"):
                    loose.append(Loose(iri, graph.nodes[iri]["label"], kind, code, len(part)))
    return count, loose


def red_threads(graph: nx.MultiDiGraph, as_of: date) -> list[Thread]:
    """The red thread of every activity, by municipality and title (the words as defined in
    :mod:`samklang.graph.concepts`)."""
    threads = []
    for iri, attrs in graph.nodes(data=True):
        if attrs["kind"] != "activity":
            continue
        problems = targets(graph, iri, "addresses")
        factors = set(targets(graph, iri, "targets_factor"))
        reported = concepts.followed_up(graph, iri)
        follow_up = reported if reported or concepts.follow_up_due(graph, iri, as_of) else None
        links: dict[str, bool] = {"problem": bool(problems)}
        if concepts.factor_due(graph, iri) or factors:
            links["factor"] = bool(factors)
        links["goal"] = bool(targets(graph, iri, "contributes_to"))
        if follow_up is not None:
            links["follow_up"] = follow_up
        threads.append(
            Thread(
                iri=iri,
                label=attrs["label"],
                municipality=attrs["graph"],
                years=attrs.get("years", []),
                kind=concepts.kind(graph, iri),
                problem=bool(problems),
                factor=bool(factors),
                goal=links["goal"],
                follow_up=follow_up,
                linked=any(factors.intersection(targets(graph, p, "cause")) for p in problems),
                completeness=round(sum(links.values()) / len(links), 4),
                missing=[name for name, present in links.items() if not present],
            )
        )
    threads.sort(key=lambda t: (t.municipality, t.completeness, t.label))
    return threads


def compute_stats(
    store: Store, *, as_of: date | None = None, municipality: str | None = None, lang: str = "sv"
) -> Stats:
    """Network analytics of the planning in ``store``.

    Args:
        store: any store holding one or more municipalities.
        as_of: the reference date: follow-up is due once an activity's last year is before
            its year (default: today).
        municipality: measure only this municipality (an SCB code; default: all).
        lang: preferred language of vocabulary labels.

    Raises:
        UsageError: ``municipality`` names no municipality in the store, or it holds none.
    """
    chosen = choose_municipality(store, municipality)
    graph = planning_graph(store, chosen, lang)
    as_of = as_of or date.today()
    count, loose = components(graph)
    threads = red_threads(graph, as_of)
    return Stats(
        as_of=as_of.isoformat(),
        nodes=graph.number_of_nodes(),
        edges=graph.number_of_edges(),
        organisations=organisation_centrality(graph),
        components=count,
        loose=loose,
        threads=threads,
        thread_completeness=(
            round(sum(t.completeness for t in threads) / len(threads), 4) if threads else None
        ),
    )


WORDS = {
    "sv": {
        "organisations": "Organisationer: grad och mellanhandscentralitet",
        "name": "Namn",
        "municipality": "Kommun",
        "degree": "Grad",
        "betweenness": "Mellanhand",
        "activities": "Aktiviteter",
        "components": "Sammanhängande delar",
        "parts": "Delar",
        "loose": "Lösa dokument och aktiviteter",
        "kind": "Slag",
        "size": "Delens storlek",
        "none_loose": "Inga: allt hänger ihop med resten av planeringen.",
        "threads": "Röd tråd per aktivitet",
        "activity": "Aktivitet",
        "years": "År",
        "problem": "Problem",
        "factor": "Faktor",
        "goal": "Mål",
        "follow_up": "Uppföljning",
        "linked": "Problem–faktor",
        "completeness": "Fullständighet",
        "yes": "ja",
        "no": "NEJ",
        "not_due": "–",
        "document": "dokument",
        "summary": (
            "{nodes} noder och {edges} kopplingar; röda trådens fullständighet i snitt "
            "{mean} ({n} aktiviteter) per {as_of}."
        ),
    },
    "en": {
        "organisations": "Organisations: degree and betweenness centrality",
        "name": "Name",
        "municipality": "Municipality",
        "degree": "Degree",
        "betweenness": "Betweenness",
        "activities": "Activities",
        "components": "Connected components",
        "parts": "Components",
        "loose": "Loose documents and activities",
        "kind": "Kind",
        "size": "Component size",
        "none_loose": "None: everything hangs together with the rest of the planning.",
        "threads": "Red thread per activity",
        "activity": "Activity",
        "years": "Years",
        "problem": "Problem",
        "factor": "Factor",
        "goal": "Goal",
        "follow_up": "Follow-up",
        "linked": "Problem–factor",
        "completeness": "Completeness",
        "yes": "yes",
        "no": "NO",
        "not_due": "–",
        "document": "document",
        "summary": (
            "{nodes} nodes and {edges} relations; mean red-thread completeness "
            "{mean} ({n} activities) as of {as_of}."
        ),
    },
}


def _years(years: Sequence[int]) -> str:
    if not years:
        return ""
    if list(years) == list(range(years[0], years[-1] + 1)) and len(years) > 1:
        return f"{years[0]}–{years[-1]}"
    return ", ".join(str(y) for y in years)


def write_stats_text(stats: Stats, stream: IO[str], lang: str = "sv", width: int = 120) -> None:
    """The statistics as readable tables."""
    from rich.console import Console
    from rich.table import Table

    words = WORDS[lang]
    console = Console(file=stream, width=width, no_color=True, highlight=False, soft_wrap=False)

    def table(title: str, columns: Iterable[str], rows: Iterable[Sequence[str]]) -> None:
        t = Table(title=title, title_justify="left")
        for column in columns:
            t.add_column(column)
        for row in rows:
            t.add_row(*row)
        console.print(t)

    def flag(value: bool | None) -> str:
        return words["not_due"] if value is None else words["yes"] if value else words["no"]

    table(
        words["organisations"],
        [
            words["name"],
            words["municipality"],
            words["degree"],
            words["betweenness"],
            words["activities"],
        ],
        [
            (c.label, c.municipality, str(c.degree), f"{c.betweenness:.3f}", str(c.activities))
            for c in stats.organisations
        ],
    )
    table(
        words["components"],
        [words["municipality"], words["parts"]],
        [(code, str(n)) for code, n in stats.components.items()],
    )
    if stats.loose:
        table(
            words["loose"],
            [words["name"], words["kind"], words["municipality"], words["size"]],
            [
                (
                    item.label,
                    words.get(item.kind, item.kind),
                    item.municipality,
                    str(item.component_size),
                )
                for item in stats.loose
            ],
        )
    else:
        console.print(f"{words['loose']}: {words['none_loose']}")
    table(
        words["threads"],
        [
            words["activity"],
            words["municipality"],
            words["years"],
            words["problem"],
            words["factor"],
            words["goal"],
            words["follow_up"],
            words["linked"],
            words["completeness"],
        ],
        [
            (
                t.label,
                t.municipality,
                _years(t.years),
                flag(t.problem),
                flag(t.factor if t.factor or "factor" in t.missing else None),
                flag(t.goal),
                flag(t.follow_up),
                flag(t.linked),
                f"{t.completeness:.0%}",
            )
            for t in stats.threads
        ],
    )
    mean = stats.thread_completeness
    console.print(
        words["summary"].format(
            nodes=stats.nodes,
            edges=stats.edges,
            mean="–" if mean is None else f"{mean:.0%}",
            n=len(stats.threads),
            as_of=stats.as_of,
        )
    )


def write_stats_json(stats: Stats, stream: IO[str]) -> None:
    """The statistics as one JSON object."""
    import json

    json.dump(stats.as_dict(), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
