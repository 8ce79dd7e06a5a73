"""OWL reasoning with owlready2: is the model consistent, and what does the data imply?

The ontology (with its defined classes, ``defined-classes.ttl``) and a dataset go to an OWL
reasoner bundled with owlready2 (HermiT by default, or Pellet), which runs in Java. The reasoner
sees a *view* of the graph, not the graph itself:

- literals whose datatype OWL 2 does not know (``xsd:date``, ``xsd:gYear``, ``xsd:duration``)
  are left out, and so are the ``rdfs:range`` axioms that name those datatypes; HermiT refuses
  them. Period bounds and decision dates are handed over instead as day numbers, the date as
  the integer YYYYMMDD (``sk:startDay``, ``sk:endDay``, ``sk:decisionDay``);
- annotations (labels, titles, definitions) are left out: they carry no logic;
- statements that OWL 2 DL cannot read are left out and counted: a literal given to an object
  property, a property of the RDF vocabulary itself (``rdf:value``), a property whose values
  are properties (``sk:emptyField``);
- statements whose property no axiom mentions are left out (they cannot matter);
- value restrictions (``p value a``) become ``p some A`` with a class A holding just ``a``
  (HermiT is far slower with nominals; the answers are the same here, see ``_without_nominals``);
- the class ``sk:DocumentInForce`` gets its definition for the reference date.

HermiT is run for the class hierarchy and the individuals' types only; Pellet through
owlready2's ``sync_reasoner_pellet``. Data that falls into independent parts (the
municipalities of a corpus) is checked for consistency as a whole and realised part by part,
in parallel (see ``_realise``).

:func:`reason` returns what was inferred, or, when the model is inconsistent, the individuals
and the pairs of disjoint classes involved, with the statements of the data that make them so.
:func:`infer` returns just the inferred class memberships as quads in the graph
``graph/inferred``, for adding to a store before running rules or queries.

Nothing else in samklang needs Java; only these functions do, and they say what to install when
it is missing.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from samklang.errors import SamklangError, UsageError
from samklang.ontology.namespace import (
    DCTERMS,
    GRAPH,
    OWL,
    PREFIXES,
    RDF,
    RDFS,
    SK,
    SKOS,
    XSD,
)

if TYPE_CHECKING:
    from samklang.graph.store import GraphStore

INFERRED_GRAPH = GRAPH.inferred
"""The named graph that holds inferred class memberships."""

REASONERS = ("hermit", "pellet")

SLOW_INDIVIDUALS = 5000
"""From about this many individuals (ten municipalities) reasoning takes ten seconds and more,
growing with the data (docs/reasoning.md); ``samklang reason`` says so before it starts."""

Triple = tuple[ox.NamedNode | ox.BlankNode, ox.NamedNode, ox.NamedNode | ox.BlankNode | ox.Literal]

_RDFNS = RDF.iri
_OWL2_DATATYPES = frozenset(
    [RDF.iri + n for n in ("PlainLiteral", "XMLLiteral", "langString")]
    + [RDFS.Literal.value, OWL.real.value, OWL.rational.value]
    + [
        XSD.iri + n
        for n in (
            "decimal integer nonNegativeInteger nonPositiveInteger positiveInteger "
            "negativeInteger long int short byte unsignedLong unsignedInt unsignedShort "
            "unsignedByte double float string normalizedString token language Name NCName "
            "NMTOKEN boolean hexBinary base64Binary anyURI dateTime dateTimeStamp"
        ).split()
    ]
)
"""The datatypes of the OWL 2 datatype map: a reasoner accepts literals of these only."""

_BUILTIN_ANNOTATIONS = frozenset(
    [RDFS.term(n).value for n in ("label", "comment", "seeAlso", "isDefinedBy")]
    + [
        OWL.term(n).value
        for n in (
            "versionInfo",
            "priorVersion",
            "backwardCompatibleWith",
            "incompatibleWith",
            "deprecated",
        )
    ]
)
_KEEP_RDF = frozenset([RDF.type.value, RDF.first.value, RDF.rest.value])
_DAYS = {SK.periodStart.value: SK.startDay, SK.periodEnd.value: SK.endDay}
_LABELS = (RDFS.label.value, SKOS.prefLabel.value, DCTERMS.title.value)
_THING = OWL.Thing.value


class ReasonerUnavailableError(UsageError):
    """The reasoner cannot run here: no Java, or a Java too old for the reasoner's jar.

    Attributes:
        messages: the one-sentence explanation in Swedish (``sv``) and English (``en``).
    """

    def __init__(self, messages: dict[str, str]) -> None:
        self.messages = messages
        super().__init__(messages["en"])


class ReasonerError(SamklangError):
    """The reasoner stopped with an error of its own (not an inconsistency)."""


class InconsistentModelError(SamklangError):
    """The ontology and the data contradict each other; ``reasoning`` says where."""

    def __init__(self, reasoning: Reasoning) -> None:
        self.reasoning = reasoning
        first = reasoning.clashes[0] if reasoning.clashes else None
        if first is None:
            where = ""
        elif len(first.classes) == 2:
            a, b = (reasoning.label(c, "en") for c in first.classes)
            where = (
                f": {reasoning.label(first.individual, 'en')} would be both {a} and {b}, "
                "which exclude each other"
            )
        else:
            where = f": it involves {reasoning.label(first.individual, 'en')}"
        super().__init__(
            f"the ontology and the data are inconsistent{where}; run 'samklang reason' to see "
            "every clash and the statements behind it"
        )


@dataclass(frozen=True, order=True)
class Membership:
    """One inferred class membership: ``individual`` is a ``cls`` (and the data does not say so)."""

    individual: str
    cls: str


@dataclass(frozen=True)
class Clash:
    """Why the model is inconsistent: an individual that would belong to disjoint classes.

    Attributes:
        individual: the IRI (or blank node id) of the individual.
        classes: the two disjoint classes it would belong to, or ``()`` when the reasoner only
            narrowed the contradiction down to this individual's statements.
        statements: a smallest set of the data's statements that together contradict the
            ontology (empty when it could not be narrowed down within the budget).
    """

    individual: str
    classes: tuple[str, ...]
    statements: tuple[Triple, ...]


@dataclass(frozen=True)
class Omission:
    """Statements of the data the reasoner did not see, and why.

    ``reason`` is ``datatype`` (a literal of a datatype OWL 2 lacks; ``detail`` names it),
    ``literal-object`` (a literal given to the object property ``detail``), ``rdf-vocabulary``
    (the RDF vocabulary's own property ``detail``) or ``meta-property`` (the property
    ``detail`` takes properties as values). ``converted`` of them reached the reasoner as day
    numbers instead.
    """

    reason: str
    detail: str
    count: int
    converted: int = 0


@dataclass
class Reasoning:
    """What the reasoner made of a dataset.

    Attributes:
        reasoner: ``hermit`` or ``pellet``.
        as_of: the reference date of ``sk:DocumentInForce``.
        consistent: whether the ontology and the data are consistent.
        memberships: inferred class memberships of the data's individuals, sorted (empty when
            inconsistent).
        clashes: where the contradiction lies (empty when consistent).
        omissions: what the reasoner did not see.
        individuals: how many individuals the data describes.
        seconds: wall time of the reasoning, explanation included.
        labels: names of the IRIs involved, by IRI and language.
        defined: the defined classes (with an ``owl:equivalentClass`` definition).
        message: the reasoner's own message on an inconsistency (Pellet names a clash).
        explained: whether an inconsistency was looked into (``clashes`` may still be empty).
    """

    reasoner: str
    as_of: date
    consistent: bool
    memberships: list[Membership] = field(default_factory=list)
    clashes: list[Clash] = field(default_factory=list)
    omissions: list[Omission] = field(default_factory=list)
    individuals: int = 0
    seconds: float = 0.0
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    defined: frozenset[str] = frozenset()
    message: str = ""
    explained: bool = False

    def quads(self) -> list[ox.Quad]:
        """The inferred memberships as ``rdf:type`` quads in the graph ``graph/inferred``."""
        return [
            ox.Quad(_node(m.individual), RDF.type, ox.NamedNode(m.cls), INFERRED_GRAPH)
            for m in self.memberships
        ]

    def label(self, iri: str, lang: str) -> str:
        """A name for ``iri``: its label in ``lang``, else Swedish, else any, else a CURIE."""
        names = self.labels.get(iri, {})
        for key in (lang, "sv", "en", ""):
            if key in names:
                return names[key]
        if names:
            return next(iter(names.values()))
        return curie(iri)


def curie(iri: str) -> str:
    """``sk:Activity`` for the IRI of ``sk:Activity``; the IRI itself when no prefix fits."""
    best = max(
        ((name, ns) for name, ns in PREFIXES.items() if iri.startswith(ns)),
        key=lambda pair: len(pair[1]),
        default=None,
    )
    if best is None:
        return iri
    return f"{best[0]}:{iri[len(best[1]) :]}"


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


BATCH = 8000
"""Parts of the data are reasoned over in batches of about this many statements."""


def _realise(runner: _Runner, schema: list[Triple], data: list[Triple]) -> _Outcome:
    """Classify and realise the view, part by part when the data falls into parts.

    Realisation (every individual's types) grows faster than the data when it is done over one
    model: HermiT tests an individual's membership with the whole ABox at hand, and the
    municipalities of a corpus are tied together by the vocabulary concepts they all name. The
    data is therefore split into parts that share no individual of their own (vocabulary
    concepts named only as values do not join parts); the whole model is first checked for
    consistency in one run (fast), then each batch of parts is realised on its own, in
    parallel (one Java process per processor, at most four). With the whole model consistent, a
    part's individuals get the same types as in the whole: the ontology derives nothing about a
    shared concept from one part's statements that another part's definitions depend on.
    """
    parts = _parts(schema, data)
    if len(parts) <= 1:
        return runner.run(schema + data)
    if not runner.consistent(schema + data):
        return _Outcome(False, [], "inconsistent")
    # owlready2 (Pellet's way in) keeps global state: only HermiT's processes run side by side.
    workers = max(1, min(4, os.cpu_count() or 1)) if runner.reasoner == "hermit" else 1
    with ThreadPoolExecutor(max_workers=workers) as pool:
        outcomes = list(pool.map(lambda part: runner.run(schema + part), parts))
    inferred: dict[Triple, None] = {}
    for outcome in outcomes:
        if not outcome.consistent:
            return outcome
        inferred.update(dict.fromkeys(outcome.inferred))
    return _Outcome(True, list(inferred))


def _parts(schema: list[Triple], data: list[Triple]) -> list[list[Triple]]:
    """The data in batches of parts that share no individual of the data (see _realise)."""
    schema_nodes = {_key(s) for s, _, _ in schema}
    stated = {_key(s) for s, _, _ in data}
    shared = schema_nodes - stated  # concepts the data only names as values
    parent: dict[str, str] = {}

    def find(node: str) -> str:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for s, _, o in data:
        root = find(_key(s))
        if not isinstance(o, ox.Literal) and _key(o) not in shared:
            other = find(_key(o))
            if other != root:
                parent[other] = root
    groups: dict[str, list[Triple]] = defaultdict(list)
    for t in data:
        groups[find(_key(t[0]))].append(t)
    batches: list[list[Triple]] = []
    for group in sorted(groups.values(), key=len, reverse=True):
        if batches and len(batches[-1]) + len(group) <= BATCH:
            batches[-1].extend(group)
        else:
            batches.append(list(group))
    return batches


def _triple(q: ox.Quad | ox.Triple) -> Triple:
    s, p, o = q.subject, q.predicate, q.object
    assert isinstance(s, ox.NamedNode | ox.BlankNode) and isinstance(p, ox.NamedNode)
    assert isinstance(o, ox.NamedNode | ox.BlankNode | ox.Literal)
    return (s, p, o)


def _node(value: str) -> ox.NamedNode | ox.BlankNode:
    return ox.BlankNode(value[2:]) if value.startswith("_:") else ox.NamedNode(value)


def _key(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> str:
    """An IRI as itself, a blank node as ``_:id``."""
    return term.value if isinstance(term, ox.NamedNode) else str(term)


def _labels(triples: Iterable[Triple]) -> dict[str, dict[str, str]]:
    labels: dict[str, dict[str, str]] = defaultdict(dict)
    rank = {p: i for i, p in enumerate(_LABELS)}
    best: dict[tuple[str, str], int] = {}
    for s, p, o in triples:
        if p.value in rank and isinstance(o, ox.Literal) and isinstance(s, ox.NamedNode):
            key = (s.value, o.language or "")
            if key not in best or rank[p.value] < best[key]:
                best[key] = rank[p.value]
                labels[s.value][o.language or ""] = o.value
    return dict(labels)


def day_number(lexical: str) -> int | None:
    """The date ``2023-07-01`` as the integer 20230701; ``None`` when it is not a date.

    >>> day_number("2023-07-01")
    20230701
    """
    try:
        day = date.fromisoformat(lexical.strip()[:10])
    except ValueError:
        return None
    return day.year * 10000 + day.month * 100 + day.day


class _View:
    """The graph as the reasoner sees it: ``schema`` (ontology, fixed) and ``data``."""

    def __init__(self, ontology: list[Triple], data: list[Triple], as_of: date) -> None:
        everything = [*ontology, *data]
        declared: dict[str, set[str]] = defaultdict(set)
        for s, p, o in everything:
            if p == RDF.type and isinstance(s, ox.NamedNode) and isinstance(o, ox.NamedNode):
                declared[o.value].add(s.value)
        self.annotations = _BUILTIN_ANNOTATIONS | declared[OWL.AnnotationProperty.value]
        self.object_properties = declared[OWL.ObjectProperty.value]
        self.meta_properties = {
            s.value for s, p, o in everything if p == RDFS.range and o == RDF.Property
        }
        self.decisions = declared[SK.Decision.value] | {
            _key(o) for _, p, o in everything if p == SK.decision
        }
        self.defined = frozenset(
            s.value
            for s, p, _ in ontology
            if p == OWL.equivalentClass and isinstance(s, ox.NamedNode)
        ) | {SK.DocumentInForce.value}
        self._omitted: Counter[tuple[str, str]] = Counter()
        self._converted: Counter[tuple[str, str]] = Counter()
        self.schema = _without_nominals(self._admit(ontology, count=False))
        self.schema += _in_force_axiom(as_of)
        admitted = self._admit(data, count=True)
        # A property that no axiom mentions cannot make anything inconsistent or a member of a
        # class: its statements are left out unseen (there are many: references, provenance).
        # Axioms are the schema's, and any the data states itself (OWL and RDFS vocabulary).
        axioms = self.schema + [t for t in admitted if _logical(t[1])]
        self.relevant = {
            node.value
            for s, p, o in axioms
            if p != RDF.type
            for node in (s, o)
            if isinstance(node, ox.NamedNode)
        }
        self.data = [t for t in admitted if _logical(t[1]) or t[1].value in self.relevant]
        self.omissions = [
            Omission(reason, detail, n, self._converted[(reason, detail)])
            for (reason, detail), n in sorted(self._omitted.items())
        ]

    def _admit(self, triples: list[Triple], *, count: bool) -> list[Triple]:
        kept: list[Triple] = []
        for s, p, o in triples:
            why = self._why_not(s, p, o)
            if why is None:
                kept.append((s, p, o))
                continue
            if why == ("annotation", ""):
                if p == DCTERMS.date and _key(s) in self.decisions:
                    day = self._day(o)
                    if day is not None:
                        kept.append((s, SK.decisionDay, day))
                continue
            if why[0] == "datatype" and p.value in _DAYS:
                day = self._day(o)
                if day is not None:
                    kept.append((s, _DAYS[p.value], day))
                    if count:
                        self._converted[why] += 1
            if count:
                self._omitted[why] += 1
        return kept

    @staticmethod
    def _day(o: ox.NamedNode | ox.BlankNode | ox.Literal) -> ox.Literal | None:
        if not isinstance(o, ox.Literal) or o.datatype != XSD.date:
            return None
        day = day_number(o.value)
        return None if day is None else ox.Literal(str(day), datatype=XSD.integer)

    def _why_not(
        self,
        s: ox.NamedNode | ox.BlankNode,
        p: ox.NamedNode,
        o: ox.NamedNode | ox.BlankNode | ox.Literal,
    ) -> tuple[str, str] | None:
        """Why the reasoner must not see this statement, or ``None`` if it may."""
        if p.value in self.annotations:
            return ("annotation", "")
        if isinstance(o, ox.Literal):
            if o.datatype.value not in _OWL2_DATATYPES:
                return ("datatype", curie(o.datatype.value))
            if p.value in self.object_properties:
                return ("literal-object", curie(p.value))
        if p == RDFS.range and isinstance(o, ox.NamedNode) and o.value.startswith(XSD.iri):
            if o.value not in _OWL2_DATATYPES:
                return ("datatype", curie(o.value))
        if p.value.startswith(_RDFNS) and p.value not in _KEEP_RDF:
            return ("rdf-vocabulary", curie(p.value))
        if p.value in self.meta_properties or (
            isinstance(s, ox.NamedNode) and s.value in self.meta_properties
        ):
            return ("meta-property", curie(p.value if p.value in self.meta_properties else s.value))
        return None


def _logical(p: ox.NamedNode) -> bool:
    """Whether ``p`` belongs to the logical vocabulary (``rdf:type``, RDFS, OWL)."""
    return p.value.startswith((OWL.iri, RDFS.iri)) or p.value in _KEEP_RDF


_VALUE_CLASS = GRAPH.iri + "reasoning#value-"


def _without_nominals(schema: list[Triple]) -> list[Triple]:
    """``p value a`` (an ``owl:hasValue`` restriction naming an individual) rewritten as
    ``p some A``, with a new class A that only ``a`` is stated to belong to.

    Value restrictions make HermiT reason with nominals, which ties every individual of the
    data to the few vocabulary concepts they name (the five domains, the document types, the
    activity kinds) and makes realisation grow faster than the data: twice as slow at three
    municipalities. For the memberships the data's own statements imply, and the
    contradictions they cause, ``p some A`` gives the same answers here: nothing in the
    ontology counts individuals or forces anything into A but ``a``.
    """
    classes: dict[str, ox.NamedNode] = {}
    rewritten: list[Triple] = []
    for s, p, o in schema:
        if p == OWL.hasValue and isinstance(o, ox.NamedNode):
            if o.value not in classes:
                classes[o.value] = ox.NamedNode(f"{_VALUE_CLASS}{len(classes)}")
            rewritten.append((s, OWL.someValuesFrom, classes[o.value]))
        else:
            rewritten.append((s, p, o))
    for value, cls in classes.items():
        rewritten += [(cls, RDF.type, OWL.Class), (ox.NamedNode(value), RDF.type, cls)]
    return rewritten


def _in_force_axiom(as_of: date) -> list[Triple]:
    """``sk:DocumentInForce`` ≡ a document whose period contains ``as_of`` (as day numbers)."""
    day = as_of.year * 10000 + as_of.month * 100 + as_of.day
    text = f"""
    @prefix sk: <{SK.iri}> . @prefix owl: <{OWL.iri}> .
    @prefix rdfs: <{RDFS.iri}> . @prefix xsd: <{XSD.iri}> .
    sk:DocumentInForce owl:equivalentClass [ a owl:Class ; owl:intersectionOf ( sk:Document
        [ a owl:Restriction ; owl:onProperty sk:startDay ; owl:someValuesFrom [ a rdfs:Datatype ;
          owl:onDatatype xsd:integer ; owl:withRestrictions ( [ xsd:maxInclusive {day} ] ) ] ]
        [ a owl:Restriction ; owl:onProperty sk:endDay ; owl:someValuesFrom [ a rdfs:Datatype ;
          owl:onDatatype xsd:integer ; owl:withRestrictions ( [ xsd:minInclusive {day} ] ) ] ]
    ) ] .
    """
    return [_triple(t) for t in ox.parse(text.encode(), format=ox.RdfFormat.TURTLE)]


@dataclass
class _Outcome:
    consistent: bool
    inferred: list[Triple]
    message: str = ""


class _Runner:
    """Runs one reasoner on sets of triples, each in a fresh owlready2 world."""

    def __init__(self, reasoner: str) -> None:
        self.reasoner = reasoner
        self.runs = 0
        java = _java()
        if java is None:
            raise ReasonerUnavailableError(
                {
                    "sv": "Resonemanget kräver Java, som inte finns på datorn: installera det "
                    "med 'apt-get install default-jre-headless' (Debian/Ubuntu) och försök igen",
                    "en": "Reasoning needs a Java runtime, which this computer lacks: install "
                    "one with 'apt-get install default-jre-headless' (Debian/Ubuntu) and try "
                    "again",
                }
            )

    def run(self, triples: Sequence[Triple]) -> _Outcome:
        """Classify ``triples`` and realise their individuals with the reasoner."""
        self.runs += 1
        if self.reasoner == "hermit":
            return self._hermit(triples)
        return self._pellet(triples)

    def _hermit(self, triples: Sequence[Triple]) -> _Outcome:
        """owlready2's HermiT, run as owlready2 runs it but asked only for the class hierarchy
        and the individuals' types (-c -I): owlready2's sync_reasoner also classifies object
        and data properties (-O -D), which samklang does not use and which costs about 40 %
        more time."""
        done = self._java(
            [_memory(), "-cp", _classpath("hermit"), "org.semanticweb.HermiT.cli.CommandLine"],
            ["-c", "-I"],
            triples,
            uri=True,
        )
        output = done.stdout.decode("utf-8", "replace")
        if done.returncode != 0:
            message = output + done.stderr.decode("utf-8", "replace")
            if "InconsistentOntologyException" in message:
                return _Outcome(False, [], "HermiT: inconsistent ontology")
            raise _java_failure(self.reasoner, message)
        found: list[Triple] = []
        for relation, iris in _HERMIT_LINE.findall(output):
            terms = [ox.NamedNode(i) for i in _IRI.findall(iris)]
            if len(terms) < 2:
                continue
            if relation == "EquivalentClasses":
                found.extend((a, OWL.equivalentClass, b) for a in terms for b in terms if a != b)
            else:
                found.append((terms[0], _HERMIT_RELATIONS[relation], terms[1]))
        return _Outcome(True, found)

    def _pellet(self, triples: Sequence[Triple]) -> _Outcome:
        """owlready2's Pellet through owlready2 itself (``sync_reasoner_pellet``): the data is
        loaded into an owlready2 world, and the inferences read back from the ontology
        owlready2 writes them into."""
        import owlready2

        world = owlready2.World()
        try:
            world.get_ontology(GRAPH.term("reasoning").value).load(
                fileobj=io.BytesIO(_ntriples(triples)), format="ntriples"
            )
            inferred = world.get_ontology(INFERRED_GRAPH.value)
            try:
                with inferred:
                    owlready2.sync_reasoner_pellet(world, debug=0)
            except owlready2.OwlReadyInconsistentOntologyError as err:
                return _Outcome(False, [], str(err))
            except owlready2.OwlReadyJavaError as err:
                raise _java_failure(self.reasoner, str(err)) from None
            except FileNotFoundError as err:  # Java vanished between the check and the run
                raise ReasonerError(f"cannot start Java: {err}") from None
            out = io.BytesIO()
            inferred.save(file=out, format="ntriples")
            found = [_triple(t) for t in ox.parse(out.getvalue(), format=ox.RdfFormat.N_TRIPLES)]
            return _Outcome(True, found)
        finally:
            world.close()

    def consistent(self, triples: Sequence[Triple]) -> bool:
        """Only whether ``triples`` are consistent: the reasoner's own consistency check, about
        twice as fast as classifying (the explanation runs it many times)."""
        self.runs += 1
        if self.reasoner == "hermit":
            head = [_memory(), _QUICK_START, "-cp", _classpath("hermit")]
            done = self._java(
                [*head, "org.semanticweb.HermiT.cli.CommandLine"], ["-k"], triples, uri=True
            )
        else:
            head = [_memory(), _QUICK_START, "-cp", _classpath("pellet"), "pellet.Pellet"]
            options = ["consistency", "--loader", "Jena", "--input-format", "N-Triples"]
            done = self._java(head, [*options, "--ignore-imports"], triples, uri=False)
        output = (done.stdout + done.stderr).decode("utf-8", "replace")
        if "InconsistentOntologyException" in output or "Consistent: No" in output:
            return False
        if done.returncode == 0 and ("is satisfiable" in output or "Consistent: Yes" in output):
            return True
        raise _java_failure(self.reasoner, output)

    @staticmethod
    def _java(
        head: list[str], options: list[str], triples: Sequence[Triple], *, uri: bool
    ) -> subprocess.CompletedProcess[bytes]:
        """Run Java on ``triples`` written to a temporary N-Triples file."""
        import owlready2

        with tempfile.TemporaryDirectory(prefix="samklang-reason-") as folder:
            path = Path(folder) / "graph.nt"
            path.write_bytes(_ntriples(triples))
            command = [owlready2.JAVA_EXE, *head, *options, path.as_uri() if uri else str(path)]
            try:
                return subprocess.run(command, capture_output=True, check=False)
            except FileNotFoundError as err:  # Java vanished between the check and the run
                raise ReasonerError(f"cannot start Java: {err}") from None


_HERMIT_LINE = re.compile(
    r"^(SubClassOf|EquivalentClasses|Type)\( ((?:(?:<[^>]+>|_:\S+)\s*)+)\)$", re.MULTILINE
)
_IRI = re.compile(r"<([^>]+)>")
_HERMIT_RELATIONS = {"SubClassOf": RDFS.subClassOf, "Type": RDF.type}


def _memory() -> str:
    """The Java heap owlready2 gives its reasoners (``owlready2.reasoning.JAVA_MEMORY``, MB)."""
    import owlready2.reasoning

    return f"-Xmx{getattr(owlready2.reasoning, 'JAVA_MEMORY', 2000)}M"


_QUICK_START = "-XX:TieredStopAtLevel=1"
"""Short Java runs start about a quarter faster without the optimising compiler."""


def _ntriples(triples: Iterable[Triple]) -> bytes:
    buffer = io.BytesIO()
    ox.serialize((ox.Triple(*t) for t in triples), buffer, format=ox.RdfFormat.N_TRIPLES)
    return buffer.getvalue()


def _classpath(reasoner: str) -> str:
    """The Java class path of a reasoner bundled with owlready2 (as owlready2 builds it)."""
    folder = Path(str(files("owlready2").joinpath(reasoner)))
    if reasoner == "hermit":
        return os.pathsep.join([str(folder), str(folder / "HermiT.jar")])
    return os.pathsep.join(str(jar) for jar in sorted(folder.glob("*.jar")))


def _java() -> str | None:
    """The Java executable owlready2 will run, or ``None`` if there is none."""
    import owlready2

    return shutil.which(owlready2.JAVA_EXE)


_CLASS_VERSION = re.compile(
    r"class file version (\d+)(?:\.\d+)?\), this version of the Java Runtime only "
    r"recognizes class file versions up to (\d+)"
)


def _java_failure(reasoner: str, message: str) -> SamklangError:
    """One sentence for a Java error of the reasoner, instead of its stack trace."""
    import owlready2

    version = getattr(owlready2, "VERSION", "?")
    name = {"hermit": "HermiT", "pellet": "Pellet"}[reasoner]
    found = _CLASS_VERSION.search(message)
    if found:
        needed, have = (int(v) - 44 for v in found.groups())  # class file 61 is Java 17
        return ReasonerUnavailableError(
            {
                "sv": f"{name} i owlready2 {version} kräver Java {needed} eller senare, men "
                f"datorn har Java {have}: använd --reasoner hermit, installera en nyare Java, "
                "eller installera owlready2 0.49 (pip install 'owlready2==0.49'), vars Pellet "
                "fungerar med Java 8 och senare",
                "en": f"{name} as shipped with owlready2 {version} needs Java {needed} or newer "
                f"but this computer has Java {have}: use --reasoner hermit, install a newer "
                "Java, or install owlready2 0.49 (pip install 'owlready2==0.49'), whose Pellet "
                "runs on Java 8 and later",
            }
        )
    lines = [ln.strip() for ln in message.splitlines() if ln.strip()]
    cause = next(
        (ln for ln in lines if ("Exception" in ln or "Error" in ln) and not ln.startswith("at ")),
        lines[-1] if lines else "no message",
    )
    return ReasonerError(f"the reasoner {name} stopped with a Java error: {cause}")


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


def reasoned_store(store: GraphStore, as_of: date | None = None) -> GraphStore:
    """A new in-memory store with the data of ``store`` and what the reasoner infers from it
    (``--reason`` on ``check`` and ``query``). ``store`` itself is left as it is, so a
    read-only store or a remote endpoint works too.

    Raises:
        The errors of :func:`infer`.
    """
    from samklang.graph.store import OxigraphStore

    reasoned = OxigraphStore()
    reasoned.add(data_quads(store))
    add_inferences(reasoned, as_of=as_of)
    return reasoned
