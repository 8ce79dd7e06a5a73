"""The RDF report: a SHACL ``sh:ValidationReport`` in Turtle, for RDF and SHACL tools.

One ``sh:ValidationResult`` per open finding, with the focus node, the severity
(``sh:Violation``, ``sh:Warning``, ``sh:Info``), the message tagged with its language, the
rule's shape as ``sh:sourceShape`` and ``sk:RuleConstraintComponent`` as
``sh:sourceConstraintComponent``; ``sh:value`` only where the rule found one value that the
data states of the focus (``Finding.value``: an RDF term of the data, never words). A question
is an ``sh:Info`` result; a finding that groups several items has the document as its focus
node. ``sh:conforms`` is true only when there is no result at all (SHACL 3.6.1.1), a question
included.

An accepted finding is no result: it is listed apart, as an ``sk:AcceptedResult`` (a kind of
``sh:AbstractResult``, not of ``sh:ValidationResult``) linked from the report by
``sk:acceptedResult``, with the same properties, an ``rdfs:comment`` saying who accepted it
and why and a ``dcterms:relation`` to an ``sk:Acceptance`` node (the description the dataset
holds).

Every rule the report names is declared a ``sh:NodeShape`` (its IRI,
``https://w3id.org/samklang/rule/PER-EXPIRED``, with its title, basis and link, and its query
as the value of ``sk:ruleQuery``), and ``sk:RuleConstraintComponent`` a
``sh:ConstraintComponent`` whose parameter is ``sk:ruleQuery``. The shapes have no target: a
SHACL engine given the report as shapes validates nothing with them; they say where each
result comes from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import IO, TYPE_CHECKING, Any

from samklang.ontology.namespace import RULE as RULE_NAMESPACE
from samklang.report.context import ReportContext
from samklang.report.words import acceptance, accepted_note, title

if TYPE_CHECKING:
    from rdflib import Graph, Literal

    from samklang.queries.finding import Finding

RULE = RULE_NAMESPACE.iri
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
    component = URIRef(SK.RuleConstraintComponent.value)
    # Blank nodes are named by position, so the same findings give the same text (results in
    # the findings' order), fit for a diff or a file kept under version control.
    report = BNode("report")
    g.add((report, RDF.type, SH.ValidationReport))
    g.add((report, SH.conforms, Literal(all(f.accepted for f in findings))))
    g.add((report, DCTERMS.title, Literal(title(context.name, lang, as_of), lang=lang)))
    g.add((report, DCTERMS.date, Literal(as_of.isoformat(), datatype=XSD.date)))
    described: set[str] = set()
    for number, f in enumerate(findings, start=1):
        rule = URIRef(rule_iri(f.rule))
        result = BNode(f"result{number:05d}")
        if f.accepted:
            g.add((report, URIRef(SK.acceptedResult.value), result))
            g.add((result, RDF.type, URIRef(SK.AcceptedResult.value)))
        else:
            g.add((report, SH.result, result))
            g.add((result, RDF.type, SH.ValidationResult))
        g.add((result, SH.focusNode, _node(f.focus)))
        g.add((result, SH.resultSeverity, SH[SEVERITIES[f.severity]]))
        g.add((result, SH.resultMessage, Literal(f.message, lang=lang)))
        g.add((result, SH.sourceConstraintComponent, component))
        g.add((result, SH.sourceShape, rule))
        value = _value(f.value)
        if value is not None:
            g.add((result, SH.value, value))
        who = acceptance(f)
        if who is not None:
            by, when, reason = who
            g.add((result, RDFS.comment, Literal(accepted_note(f, lang) or "", lang=lang)))
            node = BNode(f"acceptance{number:05d}")
            g.add((result, DCTERMS.relation, node))
            g.add((node, RDF.type, URIRef(SK.Acceptance.value)))
            g.add((node, URIRef(SK.acceptedRule.value), rule))
            g.add((node, URIRef(SK.acceptedFocus.value), _node(f.focus)))
            g.add((node, URIRef(SK.acceptedBy.value), Literal(by)))
            g.add((node, DCTERMS.date, _typed(when)))
            g.add((node, URIRef(SK.reason.value), Literal(reason, lang=lang)))
        if f.rule not in described:
            described.add(f.rule)
            g.add((rule, RDF.type, SH.NodeShape))
            g.add((rule, SKOS.notation, Literal(f.rule)))
            g.add((rule, RDFS.label, Literal(f.title, lang=lang)))
            g.add((rule, RDFS.comment, Literal(f.basis, lang=lang)))
            if f.url and _ABSOLUTE_IRI.match(f.url):
                g.add((rule, RDFS.seeAlso, URIRef(f.url)))
            known = context.rules.get(f.rule)
            if known is not None:
                g.add((rule, URIRef(SK.ruleQuery.value), Literal(known.query.strip())))
    if findings:
        g.add((component, RDF.type, SH.ConstraintComponent))
        g.add((component, RDFS.label, Literal(COMPONENT_LABEL[lang], lang=lang)))
        parameter = BNode("ruleQueryParameter")
        g.add((component, SH.parameter, parameter))
        g.add((parameter, RDF.type, SH.Parameter))
        g.add((parameter, SH.path, URIRef(SK.ruleQuery.value)))
        g.add((parameter, SH.datatype, XSD.string))
    return g


COMPONENT_LABEL = {
    "sv": "samklangs sammanhangsregler (en SPARQL-fråga över hela grafen)",
    "en": "samklang's coherence rules (a SPARQL query over the whole graph)",
}


def _value(text: str | None) -> Any:
    """``Finding.value`` (an RDF term in N-Triples syntax) as an rdflib term, or ``None``."""
    from rdflib import Graph

    if text is None:
        return None
    parsed = Graph().parse(data=f"<urn:x:s> <urn:x:p> {text} .\n", format="nt")
    return next(iter(parsed.objects()), None)


def _node(iri: str) -> Any:
    """An IRI as a node; something that is not an absolute IRI as a blank node."""
    from rdflib import BNode, URIRef

    return URIRef(iri) if _ABSOLUTE_IRI.match(iri) else BNode(iri)


def _typed(text: str) -> Literal:
    """A literal typed by its form: a date, an integer, or a plain string."""
    from rdflib import Literal
    from rdflib.namespace import XSD

    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return Literal(text, datatype=XSD.date)
    if re.fullmatch(r"-?\d+", text):
        return Literal(text, datatype=XSD.integer)
    return Literal(text)
