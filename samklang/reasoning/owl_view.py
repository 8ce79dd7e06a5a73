"""The view of a graph that an OWL 2 DL reasoner is given (see the package docstring)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

import pyoxigraph as ox

from samklang.ontology.namespace import (
    DCTERMS,
    GRAPH,
    OWL,
    RDF,
    RDFS,
    SK,
    SKOS,
    XSD,
)

if TYPE_CHECKING:
    pass

from samklang.reasoning.model import Omission, Triple, curie

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
def _triple(q: ox.Quad | ox.Triple) -> Triple:
    s, p, o = q.subject, q.predicate, q.object
    assert isinstance(s, ox.NamedNode | ox.BlankNode) and isinstance(p, ox.NamedNode)
    assert isinstance(o, ox.NamedNode | ox.BlankNode | ox.Literal)
    return (s, p, o)


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


