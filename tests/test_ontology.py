"""The ontology and vocabularies: parseable, bilingual, defined; the namespace refuses typos."""

from __future__ import annotations

import subprocess
import sys

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from samklang.ontology import SK, SKDOM, SKFAC, turtle_files
from samklang.ontology.namespace import BASE
from samklang.ontology.vocabulary import vocabularies

from .conftest import ROOT

OURS = (BASE + "ontology#", BASE + "vocab/")


@pytest.fixture(scope="module")
def graph() -> rdflib.Graph:
    g = rdflib.Graph()
    for resource in turtle_files():
        g.parse(data=resource.read_text(encoding="utf-8"), format="turtle")
    return g


def our_subjects(g: rdflib.Graph) -> set[rdflib.URIRef]:
    return {s for s in g.subjects() if isinstance(s, rdflib.URIRef) and str(s).startswith(OURS)}


def test_every_file_parses_and_is_not_empty() -> None:
    names = []
    for resource in turtle_files():
        g = rdflib.Graph().parse(data=resource.read_text(encoding="utf-8"), format="turtle")
        assert len(g) > 10, resource.name
        names.append(resource.name)
    assert {"samklang.ttl", "factors.ttl", "document-types.ttl"} <= set(names)


def test_every_term_has_swedish_and_english_label_and_definition(graph: rdflib.Graph) -> None:
    missing = []
    for s in sorted(our_subjects(graph)):
        labels = {o.language for p in (RDFS.label, SKOS.prefLabel) for o in graph.objects(s, p)}
        definitions = {o.language for o in graph.objects(s, SKOS.definition)}
        for lang in ("sv", "en"):
            if lang not in labels:
                missing.append(f"{s} has no label@{lang}")
            if lang not in definitions:
                missing.append(f"{s} has no definition@{lang}")
    assert not missing, "\n".join(missing)


def test_five_domains_map_to_ctc_four(graph: rdflib.Graph) -> None:
    domains = set(graph.subjects(RDF.type, rdflib.URIRef(SK.Domain.value)))
    assert len(domains) == 5
    targets = {
        o for d in domains for p in (SKOS.exactMatch, SKOS.broadMatch) for o in graph.objects(d, p)
    }
    assert len(targets) == 4


def test_factors_are_risk_or_protective_and_in_a_domain(graph: rdflib.Graph) -> None:
    risk, protective = (
        set(graph.subjects(RDF.type, rdflib.URIRef(SK.term(c).value)))
        for c in ("RiskFactor", "ProtectiveFactor")
    )
    assert risk and protective and not risk & protective
    for factor in risk | protective:
        assert graph.value(factor, rdflib.URIRef(SK.inDomain.value)) is not None, factor


def test_namespace_refuses_unknown_terms() -> None:
    assert SK.Activity.value == BASE + "ontology#Activity"
    with pytest.raises(AttributeError, match="Actvity"):
        _ = SK.Actvity
    assert SKDOM.familjen.value.endswith("/domain/familjen")
    with pytest.raises(AttributeError):
        SKFAC.term("no-such-factor")


def test_namespace_knows_exactly_the_declared_terms(graph: rdflib.Graph) -> None:
    declared = {
        str(s)[len(SK.iri) :] for s in graph.subjects(RDF.type, None) if str(s).startswith(SK.iri)
    }
    assert SK.terms == declared
    # A term may have more types than its OWL kind (sk:areaCode is a qb:DimensionProperty too),
    # and the few values the ontology names (sk:lower, sk:onTrack…) are named individuals;
    # sk:definiteForm annotates classes (the words a message names a kind with).
    kinds = {
        OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
        OWL.Ontology, OWL.NamedIndividual,
    }  # fmt: skip
    for term in declared:
        types = set(graph.objects(rdflib.URIRef(SK.iri + term), RDF.type))
        assert types & kinds, term


def test_reused_vocabularies_refuse_unknown_terms() -> None:
    from samklang.ontology.namespace import QB, SDMX_CODE, SDMX_DIMENSION

    assert QB.Observation.value == "http://purl.org/linked-data/cube#Observation"
    assert SDMX_CODE.term("sex-F").value.endswith("/code#sex-F")
    with pytest.raises(AttributeError, match="Observaton"):
        _ = QB.Observaton
    with pytest.raises(AttributeError):
        SDMX_DIMENSION.term("refAera")


def test_vocabulary_lookup_by_id_or_label() -> None:
    factor = vocabularies().schemes["factor"]
    assert factor.lookup("Föräldrars missbruk") == factor.lookup("familj-foraldrars-missbruk")
    assert factor.lookup("FORALDRARS MISSBRUK") == factor.lookup("familj-foraldrars-missbruk")
    with pytest.raises(LookupError, match="ambiguous"):
        factor.lookup("erkännande för prosocialt deltagande")
    with pytest.raises(LookupError, match="did you mean"):
        factor.lookup("föräldrars misbruk")


def test_every_top_concept_is_listed_by_its_scheme(graph: rdflib.Graph) -> None:
    """skos:hasTopConcept and skos:topConceptOf are inverses (SKOS S7/S8): a scheme lists
    every concept that says it is one of its top concepts, and no other."""
    stated = set(graph.subject_objects(SKOS.topConceptOf))
    listed = {(concept, scheme) for scheme, concept in graph.subject_objects(SKOS.hasTopConcept)}
    assert len(stated) > 90  # factors, domains, document types, statuses…
    assert stated == listed, sorted(stated ^ listed)[:5]
    for concept, scheme in stated:
        assert (concept, SKOS.inScheme, scheme) in graph


def test_object_properties_get_resources_and_acceptances_name_the_rule() -> None:
    """The data gives an object property resources, never literals (dcterms:creator names an
    agent per author); an acceptance names its rule by the rule's IRI."""
    import pyoxigraph as ox

    from samklang.graph.source_kind import load_dataset
    from samklang.ontology.namespace import DCTERMS, RULE
    from samklang.queries.rule import catalogue

    from .conftest import EXAMPLES

    g = rdflib.Graph()
    for resource in turtle_files():
        g.parse(data=resource.read_text(encoding="utf-8"), format="turtle")
    object_properties = {str(p) for p in g.subjects(RDF.type, OWL.ObjectProperty)}
    for name in ("vetlanda", "fiktivby"):
        quads = load_dataset(EXAMPLES / name).quads
        literal = [
            q
            for q in quads
            if q.predicate.value in object_properties and isinstance(q.object, ox.Literal)
        ]
        assert not literal, literal[:3]
        agents = [q.object for q in quads if q.predicate == DCTERMS.creator]
        assert agents or name == "fiktivby"  # Vetlanda's plan cites four works
        assert all(
            any(q.subject == a and q.predicate.value == str(RDFS.label) for q in quads)
            for a in agents
        )
    accepted = [
        q for q in load_dataset(EXAMPLES / "fiktivby").quads if q.predicate == SK.acceptedRule
    ]
    assert accepted
    for q in accepted:
        assert isinstance(q.object, ox.NamedNode) and q.object in RULE
        assert q.object.value[len(RULE.iri) :] in catalogue()


def test_a_check_parses_each_turtle_file_of_the_package_once() -> None:
    """The namespaces' known terms, the vocabularies and the stores' ontology share one parse
    of each file (issue 19: samklang.ttl was parsed twice in every check)."""
    code = (
        "import collections, contextlib, io, sys\n"
        "import pyoxigraph as ox\n"
        "seen = collections.Counter()\n"
        "parse = ox.parse\n"
        "def counted(source, *args, **kwargs):\n"
        "    seen[getattr(source, 'name', '')] += 1\n"
        "    return parse(source, *args, **kwargs)\n"
        "ox.parse = counted\n"
        "from samklang.cli import main\n"
        "sys.argv = ['samklang', 'check', 'examples/vetlanda', '--as-of', '2026-11-25']\n"
        "try:\n"
        "    with contextlib.redirect_stdout(io.StringIO()):\n"
        "        main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(n.rsplit('/', 1)[-1] for n in seen if n.endswith('.ttl')),"
        " max(seen.values()))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    names, most = out.stdout.strip().rsplit(" ", 1)
    assert "samklang.ttl" in names and most == "1"
