"""Reasoning over small parts gives the answers of the whole: cutting the links that cannot
change a membership (samklang.reasoning.locality) and reasoning over one part of each form
(samklang.reasoning.duplicates) infer exactly the memberships the uncut data gets.

The runs need Java, except the tests of what is cut and what is alike.
"""

from __future__ import annotations

from datetime import date

import pyoxigraph as ox
import pytest

from samklang.graph.source_kind import load_dataset
from samklang.graph.store import ontology_quads
from samklang.ontology.namespace import DCTERMS, OWL, RDF, SK, XSD
from samklang.reasoning import runner as reasoning_runner
from samklang.reasoning.duplicates import alike, spread
from samklang.reasoning.locality import FILLER, cut, cuttable
from samklang.reasoning.model import Membership, Triple
from samklang.reasoning.owl_view import _triple, _View
from samklang.reasoning.reason import reason
from samklang.reasoning.runner import _components

from .conftest import VETLANDA
from .test_reasoning import AS_OF, EXPECT, SAME, dataset_folder, expand

ONTOLOGY = [_triple(q) for q in ontology_quads()]


@pytest.fixture(scope="module")
def schema() -> list[Triple]:
    return _View(ONTOLOGY, [], AS_OF).schema


def moved(quads: list[ox.Quad], code: str) -> list[ox.Quad]:
    """Vetlanda's quads as another municipality's (its own and its shared resources renamed)."""

    def term(node):  # type: ignore[no-untyped-def]
        if not isinstance(node, ox.NamedNode):
            return node
        return ox.NamedNode(
            node.value.replace("/0685/", f"/{code}/").replace("/shared/hrf/", f"/shared/{code}/")
        )

    return [ox.Quad(term(q.subject), q.predicate, term(q.object), q.graph_name) for q in quads]


def test_the_links_that_only_say_they_exist_are_cut(schema: list[Triple]) -> None:
    """Cut: links whose property only a domain, a range and ``some`` restrictions that the
    range (or, inverted, the domain) implies mention. Kept: any other use of the property."""
    found = cuttable(schema)
    # sk:contributesTo some sk:Objective, its range; (inverse sk:addresses) some sk:Activity,
    # its domain; sk:plannedIn and sk:hasEntry: a domain and a range only.
    assert {SK.contributesTo.value, SK.addresses.value, SK.plannedIn.value} <= found
    assert SK.hasEntry.value in found
    # sk:targetsFactor some sk:RiskFactor (narrower than its range sk:Factor); (inverse
    # sk:activity) some (a follow-up entry with an outcome); sk:status some sk:OutcomeStatus;
    # dcterms:type and sk:inDomain reach a value through a restriction.
    for kept in (SK.targetsFactor, SK.activity, SK.status, DCTERMS.type, SK.inDomain):
        assert kept.value not in found
    # A characteristic the ontology gives it, or one the data gives it, keeps a property whole.
    functional = (SK.plannedIn, RDF.type, OWL.FunctionalProperty)
    assert SK.plannedIn.value not in cuttable([*schema, functional])


def test_a_cut_link_keeps_both_ends_in_their_classes(schema: list[Triple]) -> None:
    """``a sk:contributesTo g`` becomes ``a sk:contributesTo n`` and ``m sk:contributesTo g``:
    a and g no longer share a part."""
    a, g = (
        ox.NamedNode("https://w3id.org/samklang/data/9999/a"),
        ox.NamedNode("https://w3id.org/samklang/data/9999/g"),
    )
    data: list[Triple] = [(a, RDF.type, SK.Activity), (a, SK.contributesTo, g)]
    done = cut(schema, data)
    assert (a, RDF.type, SK.Activity) in done
    [(s1, _, n), (m, _, o2)] = [t for t in done if t[1] == SK.contributesTo]
    assert (s1, o2) == (a, g) and n.value.startswith(FILLER) and m.value.startswith(FILLER)
    [[*first], [*second]] = _components(schema, done)
    assert {t[0] for t in first} == {a} and {t[2] for t in second} == {g}


def test_parts_alike_are_reasoned_over_once() -> None:
    """Two municipalities built alike: one part of each form is kept, and what is inferred for
    a kept individual is copied to its counterpart. A part that differs by a literal, or
    whose individual is also a class of the data, is kept on its own."""
    base = "https://w3id.org/samklang/data/"
    one, two, three = (ox.NamedNode(f"{base}{code}/a") for code in ("7000", "7001", "7002"))
    data: list[Triple] = [
        (one, RDF.type, SK.Activity),
        (one, SK.year, ox.Literal("2024", datatype=XSD.integer)),
        (two, RDF.type, SK.Activity),
        (two, SK.year, ox.Literal("2024", datatype=XSD.integer)),
        (three, RDF.type, SK.Activity),
        (three, SK.year, ox.Literal("2025", datatype=XSD.integer)),
    ]
    schema: list[Triple] = [(SK.Activity, RDF.type, OWL.Class)]
    kept, copies = alike(schema, data, _components(schema, data))
    assert len(kept) == 2
    assert {s.value for part in kept for s, _, _ in part} == {one.value, three.value}
    assert copies == {one.value: [two]}
    inferred = [(one, RDF.type, SK.SocialActivity)]
    assert spread(inferred, copies) == [*inferred, (two, RDF.type, SK.SocialActivity)]
    # Named by the schema (in a list, say): not renamed, so its part is alike no other.
    named = [*schema, (ox.BlankNode("list"), RDF.first, two)]
    kept, copies = alike(named, data, _components(named, data))
    assert copies == {} and len(kept) == 3
    # Also a class of the data: not renamed, so its part is alike no other.
    punned = [*data, (ox.NamedNode(f"{base}7003/x"), RDF.type, two)]
    kept, copies = alike(schema, punned, _components(schema, punned))
    assert copies == {} and len(kept) == 3
    # A schema that counts (an inverse functional property): every part is kept.
    counting = [*schema, (SK.year, RDF.type, OWL.InverseFunctionalProperty)]
    kept, copies = alike(counting, data, _components(counting, data))
    assert copies == {} and len(kept) == 3
    # The same axiom stated in the data: every part is kept too.
    stated = [*data, (SK.year, RDF.type, OWL.InverseFunctionalProperty)]
    kept, copies = alike(schema, stated, _components(schema, stated))
    assert copies == {}


def memberships(quads: list[ox.Quad], as_of: date, monkeypatch: pytest.MonkeyPatch, *,
                whole: bool) -> list[Membership]:  # fmt: skip
    """The memberships ``reason`` infers, with the cut and the parts alike (``whole`` false),
    or over the uncut data in parts of a municipality (``whole`` true: as before them)."""
    with monkeypatch.context() as patch:
        if whole:
            patch.setattr(reasoning_runner, "cut", lambda schema, data: list(data))
            patch.setattr(reasoning_runner, "alike", lambda schema, data, parts: (parts, {}))
        result = reason(quads, as_of=as_of, explain=False)
    assert result.consistent
    return result.memberships


@pytest.mark.java
def test_the_same_memberships_as_the_uncut_data(
    tmp_path: object, monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The same-answer fixture, and Vetlanda with two renamed copies of itself: the same
    memberships with the cut and the parts alike as without, among them ones that must be
    inferred and ones that must not."""
    folder = dataset_folder(tmp_path_factory.mktemp("parts") / "data", SAME / "data")
    fixture = load_dataset(folder).quads
    vetlanda = load_dataset(VETLANDA).quads
    corpus = [*vetlanda, *moved(vetlanda, "0686"), *moved(vetlanda, "0687")]
    for quads, as_of in ((fixture, AS_OF), (corpus, date(2021, 6, 1))):
        small = memberships(quads, as_of, monkeypatch, whole=False)
        assert small == memberships(quads, as_of, monkeypatch, whole=True)
        found = {(m.individual, m.cls) for m in small}
        if quads is fixture:
            for cls, members in EXPECT["memberships"].items():
                inferred = {i for i, c in found if c == SK.term(cls).value}
                assert inferred == {expand(f"d:{m}") for m in members}, cls
            # Must: a goal-directed activity; must not: one that contributes to no goal.
            assert (expand("d:belysning"), SK.GoalDirectedActivity.value) in found
            assert (expand("d:laxhjalp"), SK.GoalDirectedActivity.value) not in found
        else:
            # Each copy gets the memberships of Vetlanda itself (renamed).
            mine = {(i, c) for i, c in found if "/data/0685/" in i}
            for code in ("0686", "0687"):
                theirs = {
                    (i.replace(f"/data/{code}/", "/data/0685/"), c)
                    for i, c in found
                    if f"/data/{code}/" in i
                }
                assert theirs == mine != set()
