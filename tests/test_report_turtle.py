"""The Turtle report: a SHACL validation report that RDF tools can read back and query."""

from __future__ import annotations

from dataclasses import replace

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH, XSD

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


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_finding_is_a_validation_result(lang: str) -> None:
    found = findings(lang)
    graph = parse(render("turtle", found, lang=lang))
    rows = list(graph.query(RESULTS))
    assert len(rows) == len(found)
    got = sorted((str(r.focus), r.severity, r.message, str(r.component)) for r in rows)
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
    assert all(r.component == r.shape for r in rows)
    assert not conforms(graph)


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


def test_an_accepted_finding_stays_a_result_and_leaves_conformance_to_the_open_ones() -> None:
    found = with_accepted(findings("sv"))
    graph = parse(render("turtle", found))
    assert len(list(graph.objects(None, SH.result))) == len(found)
    assert not conforms(graph)
    [row] = graph.query(
        """PREFIX sh: <http://www.w3.org/ns/shacl#>
        PREFIX sk: <https://w3id.org/samklang/ontology#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?focus ?by ?reason ?date ?comment WHERE {
          ?r sh:focusNode ?focus ; rdfs:comment ?comment ;
             dcterms:relation [ a sk:Acceptance ; sk:acceptedBy ?by ; sk:reason ?reason ;
                                dcterms:date ?date ; sk:acceptedFocus ?focus ] .
        }"""
    )
    accepted = next(f for f in found if f.accepted)
    assert str(row.focus) == accepted.focus
    assert str(row.by) == ACCEPTANCE["by"] and str(row.reason) == ACCEPTANCE["reason"]
    assert row.date == Literal(ACCEPTANCE["date"], datatype=XSD.date)
    assert "Anna Andersson" in str(row.comment)
    everything = [replace(f, accepted=dict(ACCEPTANCE)) for f in findings("sv")]
    assert conforms(parse(render("turtle", everything)))


def test_questions_are_info_results_and_do_not_break_conformance() -> None:
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
    only = parse(render("turtle", questions))  # questions never count, as for --fail-on
    assert conforms(only) and len(list(only.objects(None, SH.result))) == len(questions)
    defect = next(f for f in found if f.kind == "defect")
    assert not conforms(parse(render("turtle", [*questions, defect])))


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
    messages = [m.replace('"', '\\"') for m in dict.fromkeys(f.message for f in found)]
    positions = [text.index(m) for m in messages]
    assert len(messages) > 3 and positions == sorted(positions)
