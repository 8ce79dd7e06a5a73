"""The RDF report: a SHACL ``sh:ValidationReport`` in Turtle, for RDF and SHACL tools.

One ``sh:ValidationResult`` per finding, with the focus node, the severity (``sh:Violation``,
``sh:Warning``, ``sh:Info``), the message tagged with its language, and the rule's IRI
(``https://w3id.org/samklang/rule/PER-EXPIRED``) as both ``sh:sourceConstraintComponent`` and
``sh:sourceShape``; ``sh:value`` where the rule found a single value. A question is an
``sh:Info`` result; a finding that groups several items has the document as its focus node.
``sh:conforms`` is false when any open defect is found (``Finding.counts``): a question or an
accepted finding does not make the data non-conforming. An accepted finding stays a result, with
an ``rdfs:comment`` saying who accepted it and why and a ``dcterms:relation`` to an
``sk:Acceptance`` node (the same description the dataset holds).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import IO, TYPE_CHECKING, Any

from samklang.report.context import ReportContext
from samklang.report.words import acceptance, accepted_note, title

if TYPE_CHECKING:
    from rdflib import Graph, Literal

    from samklang.queries.finding import Finding

RULE = "https://w3id.org/samklang/rule/"
"""Namespace of the rules' IRIs: ``RULE + "PER-EXPIRED"``."""

SEVERITIES = {"error": "Violation", "warning": "Warning", "info": "Info"}
"""samklang severity → local name of the SHACL severity (``sh:Violation``…)."""

_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*$")


def rule_iri(rule_id: str) -> str:
    """The IRI of a rule.

    >>> rule_iri("PER-EXPIRED")
    'https://w3id.org/samklang/rule/PER-EXPIRED'
    """
    return RULE + rule_id


def write(
    findings: Sequence[Finding],
    stream: IO[str],
    *,
    lang: str,
    as_of: date,
    context: ReportContext,
) -> None:
    """Write the validation report as Turtle."""
    stream.write(
        graph(findings, lang=lang, as_of=as_of, context=context).serialize(format="turtle")
    )


def graph(findings: Sequence[Finding], *, lang: str, as_of: date, context: ReportContext) -> Graph:
    """The validation report as an rdflib graph."""
    from rdflib import BNode, Graph, Literal, Namespace, URIRef
    from rdflib.namespace import DCTERMS, RDF, RDFS, SH, SKOS, XSD

    from samklang.ontology.namespace import SK

    sk = Namespace(SK.iri)
    g = Graph()
    g.bind("sh", SH)
    g.bind("rule", Namespace(RULE))
    g.bind("sk", sk)
    g.bind("dcterms", DCTERMS)
    g.bind("skos", SKOS)
    g.bind("data", Namespace("https://w3id.org/samklang/data/"))
    # Blank nodes are named by position, so the same findings give the same text (results in
    # the findings' order), fit for a diff or a file kept under version control.
    report = BNode("report")
    g.add((report, RDF.type, SH.ValidationReport))
    g.add((report, SH.conforms, Literal(not any(f.counts for f in findings))))
    g.add((report, DCTERMS.title, Literal(title(context.name, lang, as_of), lang=lang)))
    g.add((report, DCTERMS.date, Literal(as_of.isoformat(), datatype=XSD.date)))
    described: set[str] = set()
    for number, f in enumerate(findings, start=1):
        rule = URIRef(rule_iri(f.rule))
        result = BNode(f"result{number:05d}")
        g.add((report, SH.result, result))
        g.add((result, RDF.type, SH.ValidationResult))
        g.add((result, SH.focusNode, _node(f.focus)))
        g.add((result, SH.resultSeverity, SH[SEVERITIES[f.severity]]))
        g.add((result, SH.resultMessage, Literal(f.message, lang=lang)))
        g.add((result, SH.sourceConstraintComponent, rule))
        g.add((result, SH.sourceShape, rule))
        value = _single_value(f, context)
        if value is not None:
            g.add((result, SH.value, value))
        who = acceptance(f)
        if who is not None:
            by, when, reason = who
            g.add((result, RDFS.comment, Literal(accepted_note(f, lang) or "", lang=lang)))
            node = BNode(f"acceptance{number:05d}")
            g.add((result, DCTERMS.relation, node))
            g.add((node, RDF.type, URIRef(SK.Acceptance.value)))
            g.add((node, URIRef(SK.acceptedRule.value), Literal(f.rule)))
            g.add((node, URIRef(SK.acceptedFocus.value), _node(f.focus)))
            g.add((node, URIRef(SK.acceptedBy.value), Literal(by)))
            g.add((node, DCTERMS.date, _typed(when)))
            g.add((node, URIRef(SK.reason.value), Literal(reason, lang=lang)))
        if f.rule not in described:
            described.add(f.rule)
            g.add((rule, SKOS.notation, Literal(f.rule)))
            g.add((rule, RDFS.label, Literal(f.title, lang=lang)))
            g.add((rule, RDFS.comment, Literal(f.basis, lang=lang)))
            if f.url and _ABSOLUTE_IRI.match(f.url):
                g.add((rule, RDFS.seeAlso, URIRef(f.url)))
    return g


def _node(iri: str) -> Any:
    """An IRI as a node; something that is not an absolute IRI as a blank node."""
    from rdflib import BNode, URIRef

    return URIRef(iri) if _ABSOLUTE_IRI.match(iri) else BNode(iri)


def _single_value(f: Finding, context: ReportContext) -> Literal | None:
    """The one value of the data the rule found, if there is exactly one.

    Not values of the data: rule parameters (the reference date, the date a law applies…),
    text given per language (``missingSv``/``missingEn``: words for the message), and lists
    (``2020, 2021``).
    """
    rule = context.rules.get(f.rule)
    parameters = set(rule.parameters) if rule is not None else set()
    values = [
        value
        for name, value in f.facts.items()
        if value
        and name not in parameters
        and name != "focusLabel"
        and not re.search(r"[a-z](Sv|En)$", name)
    ]
    if len(values) != 1 or ", " in values[0]:
        return None
    return _typed(values[0])


def _typed(text: str) -> Literal:
    """A literal typed by its form: a date, an integer, or a plain string."""
    from rdflib import Literal
    from rdflib.namespace import XSD

    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return Literal(text, datatype=XSD.date)
    if re.fullmatch(r"-?\d+", text):
        return Literal(text, datatype=XSD.integer)
    return Literal(text)
