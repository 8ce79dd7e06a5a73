"""The Turtle report: a SHACL validation report that RDF tools can read back and query."""

from __future__ import annotations

from dataclasses import replace

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD

from .report.helpers import ACCEPTANCE, findings, render, with_accepted

RESULTS = """
PREFIX sh: <http://www.w3.org/ns/shacl#>
SELECT ?focus ?severity ?message ?component ?shape WHERE {
  ?report a sh:ValidationReport ; sh:result ?result .
  ?result a sh:ValidationResult ;
          sh:focusNode ?focus ;
          sh:resultSeverity ?severity ;
          sh:resultMessage ?message ;
          sh:sourceConstraintComponent ?component ;
          sh:sourceShape ?shape .
}
"""

SEVERITY = {"error": SH.Violation, "warning": SH.Warning, "info": SH.Info}


def parse(text: str) -> Graph:
    return Graph().parse(data=text, format="turtle")


def conforms(graph: Graph) -> bool:
    [value] = list(graph.objects(None, SH.conforms))
    return value.toPython()


RULE_COMPONENT = URIRef("https://w3id.org/samklang/ontology#RuleConstraintComponent")
SK = "https://w3id.org/samklang/ontology#"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_finding_is_a_validation_result(lang: str) -> None:
    found = findings(lang)
    graph = parse(render("turtle", found, lang=lang))
    rows = list(graph.query(RESULTS))
    assert len(rows) == len(found)
    got = sorted((str(r.focus), r.severity, r.message, str(r.shape)) for r in rows)
    expected = sorted(
        (
            f.focus,
            SEVERITY[f.severity],
            Literal(f.message, lang=lang),
            f"https://w3id.org/samklang/rule/{f.rule}",
        )
        for f in found
    )
    assert got == expected
    assert all(r.component == RULE_COMPONENT for r in rows)
    assert not conforms(graph)


def test_the_shapes_and_the_component_results_name_are_declared() -> None:
    """Each rule IRI a result names as sh:sourceShape is a sh:NodeShape (with its query as
    the value of the component's parameter); sh:sourceConstraintComponent is a declared
    sh:ConstraintComponent."""
    found = findings("sv")
    graph = parse(render("turtle", found))
    shapes = set(graph.objects(None, SH.sourceShape))
    assert {str(s).rsplit("/", 1)[1] for s in shapes} == {f.rule for f in found}
    for shape in shapes:
        assert (shape, RDF.type, SH.NodeShape) in graph
        [query] = graph.objects(shape, URIRef(SK + "ruleQuery"))
        assert str(query).startswith("SELECT")
        assert not set(graph.objects(shape, SH.targetNode))  # it validates nothing itself
    assert set(graph.objects(None, SH.sourceConstraintComponent)) == {RULE_COMPONENT}
    assert (RULE_COMPONENT, RDF.type, SH.ConstraintComponent) in graph
    [parameter] = graph.objects(RULE_COMPONENT, SH.parameter)
    assert (parameter, SH.path, URIRef(SK + "ruleQuery")) in graph


def test_one_report_and_each_result_has_one_of_each_required_property() -> None:
    graph = parse(render("turtle", findings("sv")))
    assert len(list(graph.subjects(None, SH.ValidationReport))) == 1
    for result in graph.objects(None, SH.result):
        for p in (SH.focusNode, SH.resultSeverity, SH.sourceConstraintComponent):
            assert len(list(graph.objects(result, p))) == 1, p


def test_a_single_value_is_given_as_sh_value() -> None:
    found = findings("sv")
    graph = parse(render("turtle", found))
    expired = next(f for f in found if f.rule == "PER-EXPIRED")
    [value] = graph.query(
        """PREFIX sh: <http://www.w3.org/ns/shacl#>
        SELECT ?value WHERE {
          ?r sh:focusNode ?focus ; sh:sourceShape ?rule ; sh:value ?value .
        }""",
        initBindings={
            "focus": URIRef(expired.focus),
            "rule": URIRef("https://w3id.org/samklang/rule/PER-EXPIRED"),
        },
    )
    assert value[0] == Literal(expired.facts["end"], datatype=XSD.date)
    mandate = [f for f in found if set(f.facts) >= {"start", "end"}]
    for f in mandate:  # two values: no single sh:value
        rows = graph.query(
            "PREFIX sh: <http://www.w3.org/ns/shacl#> "
            "SELECT ?v WHERE { ?r sh:focusNode ?focus ; sh:sourceShape ?rule ; sh:value ?v }",
            initBindings={
                "focus": URIRef(f.focus),
                "rule": URIRef(f"https://w3id.org/samklang/rule/{f.rule}"),
            },
        )
        assert not list(rows)


@pytest.mark.parametrize("name", ["vetlanda", "fiktivby"])
def test_every_sh_value_is_a_term_the_data_states_of_the_focus(name: str) -> None:
    """sh:value is an RDF term of the data (a triple links it to the focus node or the
    finding's document), never a phrase of the message, a parameter or a value the rule
    worked out; else it is absent."""
    from samklang.graph.source_kind import load_dataset
    from samklang.queries.check import check

    from .conftest import EXAMPLES
    from .report.helpers import AS_OF

    dataset = load_dataset(EXAMPLES / name)
    found = check(dataset, as_of=AS_OF)
    data = Graph()
    data.parse(
        data="".join(f"{q.subject} {q.predicate} {q.object} .\n" for q in dataset.quads),
        format="nt",
    )
    graph = parse(render("turtle", found))
    values = list(graph.subject_objects(SH.value))
    assert values  # not vacuous
    texts = {text for f in found for text in f.facts.values()}
    documents: dict[str, set[str]] = {}
    for f in found:
        documents.setdefault(f.focus, {f.focus}).add(f.document or f.focus)
    for result, value in values:
        [focus] = graph.objects(result, SH.focusNode)
        nodes = [URIRef(iri) for iri in documents[str(focus)]]  # the focus, or its document
        assert any((n, None, value) in data or (value, None, n) in data for n in nodes), value
        assert not (isinstance(value, Literal) and value.language)  # no words of a message
        assert isinstance(value, URIRef) or str(value) in texts
    # the phrases a third of Vetlanda's results used to carry
    assert not any(str(v).startswith((" ", ";", ",")) for _, v in values)


def test_an_accepted_finding_is_listed_apart_and_is_no_result() -> None:
    found = with_accepted(findings("sv"))
    graph = parse(render("turtle", found))
    accepted = next(f for f in found if f.accepted)
    assert len(list(graph.objects(None, SH.result))) == len(found) - 1
    assert not conforms(graph)
    [apart] = graph.objects(None, URIRef(SK + "acceptedResult"))
    assert (apart, RDF.type, URIRef(SK + "AcceptedResult")) in graph
    assert (apart, RDF.type, SH.ValidationResult) not in graph
    assert apart not in set(graph.objects(None, SH.result))
    [row] = graph.query(
        """PREFIX sh: <http://www.w3.org/ns/shacl#>
        PREFIX sk: <https://w3id.org/samklang/ontology#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?focus ?by ?reason ?date ?comment WHERE {
          ?report sk:acceptedResult ?r .
          ?r sh:focusNode ?focus ; rdfs:comment ?comment ;
             dcterms:relation [ a sk:Acceptance ; sk:acceptedBy ?by ; sk:reason ?reason ;
                                dcterms:date ?date ; sk:acceptedFocus ?focus ] .
        }"""
    )
    assert str(row.focus) == accepted.focus
    assert str(row.by) == ACCEPTANCE["by"] and str(row.reason) == ACCEPTANCE["reason"]
    assert row.date == Literal(ACCEPTANCE["date"], datatype=XSD.date)
    assert "Anna Andersson" in str(row.comment)
    everything = [replace(f, accepted=dict(ACCEPTANCE)) for f in findings("sv")]
    all_accepted = parse(render("turtle", everything))
    # SHACL 3.6.1.1: conforms is true exactly when there is no result
    assert conforms(all_accepted) and not list(all_accepted.objects(None, SH.result))
    assert len(list(all_accepted.objects(None, URIRef(SK + "acceptedResult")))) == len(found)


def test_questions_are_info_results_and_make_the_report_not_conform() -> None:
    found = findings("sv")
    questions = [f for f in found if f.kind == "question"]
    assert questions
    graph = parse(render("turtle", found))
    for f in questions:
        [row] = graph.query(
            "PREFIX sh: <http://www.w3.org/ns/shacl#> "
            "SELECT ?severity WHERE { ?r sh:focusNode ?focus ; sh:sourceShape ?rule ; "
            "sh:resultMessage ?message ; sh:resultSeverity ?severity }",
            initBindings={
                "focus": URIRef(f.focus),
                "rule": URIRef(f"https://w3id.org/samklang/rule/{f.rule}"),
                "message": Literal(f.message, lang="sv"),
            },
        )
        assert row.severity == SH.Info
    only = parse(render("turtle", questions))  # a result, even at sh:Info: not conforming
    assert not conforms(only) and len(list(only.objects(None, SH.result))) == len(questions)


def test_results_come_in_reading_order() -> None:
    """The results are numbered in the findings' order, so the text reads as the check does."""
    found = findings("sv")
    text = render("turtle", found)
    positions = [text.index(Literal(f.message, lang="sv").n3()) for f in found]
    assert len(set(f.message for f in found)) == len(found)
    assert positions == sorted(positions)


def test_no_findings_conforms() -> None:
    graph = parse(render("turtle", []))
    assert conforms(graph)
    assert not list(graph.objects(None, SH.result))


def test_the_same_findings_give_the_same_text_in_their_order() -> None:
    found = with_accepted(findings("sv"))
    text = render("turtle", found)
    assert render("turtle", found) == text
    # Turtle writes a quotation mark inside a string as \".
    for kind in ([f for f in found if not f.accepted], [f for f in found if f.accepted]):
        messages = [m.replace('"', '\\"') for m in dict.fromkeys(f.message for f in kind)]
        positions = [text.index(m) for m in messages]
        assert positions == sorted(positions)
    assert len(found) > 3


def test_the_report_reads_back_with_shacl_vocabulary_and_passes_shacl_shacl() -> None:
    """Every SHACL term the report uses is one of SHACL's (rdflib's closed namespace), and
    pySHACL, given the report as its shapes graph, finds it valid against the SHACL-SHACL
    shapes (its shapes and component declarations are well-formed)."""
    pyshacl = pytest.importorskip("pyshacl")
    from rdflib.namespace import SH as CLOSED

    found = with_accepted(findings("sv"))
    graph = parse(render("turtle", found))
    used = {t for triple in graph for t in triple if str(t).startswith(str(SH))}
    assert used
    for term in used:
        assert getattr(CLOSED, str(term)[len(str(SH)) :]) == term  # AttributeError: unknown
    conforming, _, text = pyshacl.validate(graph, shacl_graph=graph, meta_shacl=True)
    assert conforming, text
    broken = parse(render("turtle", found))
    shape = next(iter(broken.objects(None, SH.sourceShape)))
    broken.add((shape, SH.minCount, Literal("many")))  # not an integer: SHACL-SHACL refuses
    with pytest.raises(Exception, match="(?i)shacl"):
        pyshacl.validate(broken, shacl_graph=broken, meta_shacl=True)
