"""What the reasoner is handed, and how its failures read: no Java needed for these."""

from __future__ import annotations

from datetime import date

import pyoxigraph as ox
import pytest

from samklang.graph.source_kind import load_dataset
from samklang.graph.store import ontology_quads
from samklang.ontology.namespace import DCTERMS, OWL, RDF, RDFS, SK, SKDOM, XSD
from samklang.reasoning import runner as reasoning_runner
from samklang.reasoning.explainer import _disjoint_pairs
from samklang.reasoning.model import ReasonerError, ReasonerUnavailableError, Triple, curie
from samklang.reasoning.owl_view import _triple, _View, day_number
from samklang.reasoning.runner import _java_failure, _parts

from .conftest import VETLANDA

SUPPORTED = {XSD.integer, XSD.decimal, XSD.boolean, XSD.string, RDF.langString}
"""Datatypes HermiT accepts that the data uses (xsd:decimal: the follow-up's values)."""


@pytest.fixture(scope="module")
def view() -> _View:
    ontology = [_triple(q) for q in ontology_quads()]
    data = [_triple(q) for q in load_dataset(VETLANDA).quads]
    return _View(ontology, data, date(2021, 6, 1))


def test_a_literal_on_an_object_property_is_left_out() -> None:
    ontology = [_triple(q) for q in ontology_quads()]
    work = ox.NamedNode("https://w3id.org/samklang/data/0685/verk")
    data = [(work, DCTERMS.creator, ox.Literal("D. Farrington"))]
    left_out = _View(ontology, data, date(2021, 6, 1))
    assert not left_out.data
    reasons = {(o.reason, o.detail): o.count for o in left_out.omissions}
    assert reasons[("literal-object", "dcterms:creator")] == 1


def test_day_numbers() -> None:
    assert day_number("2023-07-01") == 20230701
    assert day_number("2020-12-31Z") == 20201231
    assert day_number("2023-02-30") is None
    assert day_number("2020") is None


def test_view_has_no_datatype_the_reasoner_refuses(view: _View) -> None:
    """HermiT throws UnsupportedDatatypeException on xsd:date, xsd:gYear and xsd:duration."""
    for s, p, o in view.schema + view.data:
        if isinstance(o, ox.Literal):
            assert o.datatype in SUPPORTED, (s, p, o)
        if p == RDFS.range and isinstance(o, ox.NamedNode) and o.value.startswith(XSD.iri):
            assert o in SUPPORTED - {RDF.langString}, (s, p, o)


def test_view_keeps_dates_as_day_numbers(view: _View) -> None:
    data = load_dataset(VETLANDA).quads
    starts = {q.subject for q in data if q.predicate == SK.periodStart}
    days = {s: o.value for s, p, o in view.data if p == SK.startDay and isinstance(o, ox.Literal)}
    assert starts and set(days) == starts
    plan = next(s for s in starts if s.value.endswith("/plan"))
    assert days[plan] == "20200101"
    assert (SK.DocumentInForce, OWL.equivalentClass) in {(s, p) for s, p, _ in view.schema}
    assert ox.Literal("20210601", datatype=XSD.integer) in {o for _, _, o in view.schema}


def test_view_leaves_out_annotations_and_what_owl_cannot_read(view: _View) -> None:
    predicates = {p for _, p, _ in view.schema + view.data}
    for left_out in (RDFS.label, DCTERMS.title, RDF.value, SK.emptyField, DCTERMS.date):
        assert left_out not in predicates, left_out
    reasons = {(o.reason, o.detail): o.count for o in view.omissions}
    # dcterms:creator, an object property, names an agent resource, not a literal (no axiom
    # mentions it, so the reasoner is not handed it either)
    assert ("literal-object", "dcterms:creator") not in reasons
    assert not [t for t in view.data if t[1] == DCTERMS.creator]
    assert reasons[("rdf-vocabulary", "rdf:value")] > 0
    assert reasons[("meta-property", "sk:emptyField")] > 0
    assert ("annotation", "") not in reasons


def test_decision_dates_reach_the_reasoner_only_on_decisions() -> None:
    decision = ox.NamedNode("https://w3id.org/samklang/data/9999/plan#decision")
    other = ox.NamedNode("https://w3id.org/samklang/data/9999/acceptance")
    day = ox.Literal("2024-02-05", datatype=XSD.date)
    data = [
        (decision, RDF.type, SK.Decision),
        (decision, DCTERMS.date, day),
        (other, DCTERMS.date, day),
    ]
    view = _View([_triple(q) for q in ontology_quads()], data, date(2024, 6, 1))
    assert (decision, SK.decisionDay, ox.Literal("20240205", datatype=XSD.integer)) in view.data
    assert [t for t in view.data if t[0] == other] == []


def test_disjointness_axioms_are_found(view: _View) -> None:
    pairs, axioms = _disjoint_pairs(view.schema)
    assert (SK.RiskFactor.value, SK.ProtectiveFactor.value) in pairs
    assert (SK.Domain.value, SK.Factor.value) in pairs
    assert (SK.Statute.value, SK.Plan.value) in pairs
    assert (SK.Plan.value, SK.Agreement.value) not in pairs
    assert not [t for t in axioms if t[1] == OWL.equivalentClass]


def test_a_java_too_old_for_pellet_is_one_sentence() -> None:
    message = (
        'Exception in thread "main" java.lang.UnsupportedClassVersionError: '
        "org/apache/jena/riot/lang/LangRDFXML has been compiled by a more recent version of the "
        "Java Runtime (class file version 69.0), this version of the Java Runtime only "
        "recognizes class file versions up to 61.0\n\tat java.base/java.lang.ClassLoader.define"
    )
    error = _java_failure("pellet", message)
    assert isinstance(error, ReasonerUnavailableError)
    assert "needs Java 25 or newer but this computer has Java 17" in error.messages["en"]
    assert "kräver Java 25 eller senare, men datorn har Java 17" in error.messages["sv"]
    assert "\n" not in error.messages["en"] and "at java" not in error.messages["en"]


def test_another_java_error_is_one_sentence_without_the_stack() -> None:
    message = (
        'Java error message is:\nException in thread "main" '
        "org.semanticweb.owlapi.reasoner.UnsupportedDatatypeException: Unsupported datatype\n"
        "\tat org.semanticweb.HermiT.Reasoner.loadOntology(Reasoner.java:1)\n"
    )
    error = _java_failure("hermit", message)
    assert isinstance(error, ReasonerError)
    assert "UnsupportedDatatypeException" in str(error)
    assert "\n" not in str(error) and "Reasoner.java" not in str(error)


def test_curie() -> None:
    assert curie(SK.Activity.value) == "sk:Activity"
    assert curie("http://example.org/x") == "http://example.org/x"


def test_parts_share_no_individual_of_their_own(
    view: _View, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two municipalities fall into two parts; vocabulary concepts named as values do not join
    them, but a concept the data states something about does."""
    monkeypatch.setattr(reasoning_runner, "BATCH", 1)
    # A second municipality with its own shared programme (a shared one would join them).
    def moved(term):
        if not isinstance(term, ox.NamedNode):
            return term
        return ox.NamedNode(
            term.value.replace("/0685/", "/0686/").replace("/shared/hrf/", "/shared/annat/")
        )

    other = [(moved(s), p, moved(o)) for s, p, o in view.data]
    both = _View([], [], date(2021, 6, 1))
    both.schema, both.data = view.schema, view.data + other

    def codes(parts: list[list[Triple]]) -> list[set[str]]:
        # (A shared programme's resources go with the municipality that uses it.)
        return [
            {t[0].value.split("/")[5] for t in p if "/data/" in t[0].value}
            - {"shared"}
            for p in parts
        ]

    apart = codes(_parts(both.schema, both.data))
    assert all(len(c) <= 1 for c in apart)
    assert set().union(*apart) == {"0685", "0686"}
    both.data = view.data + other + [(SKDOM.familjen, SK.inDomain, SKDOM.skolan)]
    assert any(len(c) == 2 for c in codes(_parts(both.schema, both.data)))


def test_the_datas_own_axioms_and_identities_reach_the_reasoner() -> None:
    """Statements in the OWL and RDFS vocabulary are logic, whatever graph states them."""
    ex = "https://example.org/"
    same = (ox.NamedNode(ex + "a"), OWL.sameAs, ox.NamedNode(ex + "b"))
    sub = (ox.NamedNode(ex + "Workshop"), RDFS.subClassOf, SK.Activity)
    domain = (ox.NamedNode(ex + "leads"), RDFS.domain, SK.Activity)
    uses = (ox.NamedNode(ex + "a"), ox.NamedNode(ex + "leads"), ox.NamedNode(ex + "c"))
    unused = (ox.NamedNode(ex + "a"), ox.NamedNode(ex + "mentions"), ox.NamedNode(ex + "c"))
    view = _View(
        [_triple(q) for q in ontology_quads()], [same, sub, domain, uses, unused], date(2024, 6, 1)
    )
    assert {same, sub, domain, uses} <= set(view.data)
    assert unused not in view.data
