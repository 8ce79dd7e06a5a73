"""IRIs of the ontology and the data, as namespaces that refuse unknown terms.

``SK.Activity`` gives the IRI of the class; ``SK.Actvity`` raises ``AttributeError``
instead of minting a new IRI. The known terms are read from the ontology itself, so the
namespace cannot drift from it.
"""

from __future__ import annotations

import functools
from importlib.resources import files

import pyoxigraph as ox

BASE = "https://w3id.org/samklang/"


class Namespace:
    """An IRI prefix that mints ``pyoxigraph.NamedNode`` terms: ``Namespace(x).name``."""

    def __init__(self, iri: str) -> None:
        self.iri = iri

    def __getattr__(self, name: str) -> ox.NamedNode:
        if name.startswith("__"):
            raise AttributeError(name)
        node = self.term(name)
        self.__dict__[name] = node  # the next SK.name is a plain attribute: loops use it
        return node

    def term(self, name: str) -> ox.NamedNode:
        """The IRI of ``name`` in this namespace (names with ``-`` or ``/`` need this form)."""
        return ox.NamedNode(self.iri + name)

    def __contains__(self, iri: object) -> bool:
        value = iri.value if isinstance(iri, ox.NamedNode) else iri
        return isinstance(value, str) and value.startswith(self.iri)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.iri!r})"


class OntologyNamespace(Namespace):
    """A namespace whose terms must be declared in a Turtle file of the package.

    ``resource`` is a file under ``samklang/ontology/``, or ``None`` for the ontology's own
    files (``samklang.ttl`` and the other ``*.ttl`` beside it).
    """

    def __init__(self, iri: str, resource: str | None) -> None:
        super().__init__(iri)
        self.resource = resource or "samklang.ttl"
        self._own = resource is None

    @functools.cached_property
    def terms(self) -> frozenset[str]:
        """Local names of every subject of the resource file(s) inside this namespace."""
        from samklang.ontology import file_triples, ontology_files

        paths = (
            ontology_files() if self._own else [files("samklang.ontology").joinpath(self.resource)]
        )
        subjects = {
            t.subject.value
            for path in paths
            for t in file_triples(path)
            if isinstance(t.subject, ox.NamedNode)
        }
        return frozenset(s[len(self.iri) :] for s in subjects if s.startswith(self.iri))

    def term(self, name: str) -> ox.NamedNode:
        if name not in self.terms:
            raise AttributeError(f"{name!r} is not a term of {self.iri} (see {self.resource})")
        return super().term(name)


SK = OntologyNamespace(BASE + "ontology#", None)
"""The ontology: classes and properties."""
SKDOM = OntologyNamespace(BASE + "vocab/domain/", "vocabularies/factors.ttl")
"""The five risk and protective factor domains."""
SKFAC = OntologyNamespace(BASE + "vocab/factor/", "vocabularies/factors.ttl")
"""Risk and protective factors."""
SKDOC = OntologyNamespace(BASE + "vocab/document-type/", "vocabularies/document-types.ttl")
"""Document types."""
SKST = OntologyNamespace(BASE + "vocab/status/", "vocabularies/activity-statuses.ttl")
"""Activity statuses."""
SKKIND = OntologyNamespace(BASE + "vocab/activity-kind/", "vocabularies/activity-kinds.ttl")
"""Social or situational."""
SKPH = OntologyNamespace(BASE + "vocab/phase/", "vocabularies/process-phases.ttl")
"""The four process phases."""
SKLB = OntologyNamespace(BASE + "vocab/lagesbild-part/", "vocabularies/lagesbild-parts.ttl")
"""The three parts of a lägesbild under 4 § Lag (2023:196)."""
LAW = Namespace(BASE + "vocab/law/")
"""Laws and regulations, named by SFS number (``sfs-2003-778``): open, any number is valid."""
RULE = Namespace(BASE + "rule/")
"""The coherence rules' IRIs: ``RULE.term("PER-EXPIRED")`` (a rule ID holds a hyphen)."""

DATA = Namespace(BASE + "data/")
"""Data resources: ``DATA.term(f"{kommunkod}/{id}")``."""
GRAPH = Namespace(BASE + "graph/")
"""Named graphs: one per dataset (``graph/0685``), one for the ontology (``graph/ontology``)."""

# Standard vocabularies the data reuses.
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
OA = Namespace("http://www.w3.org/ns/oa#")
RFC5147 = ox.NamedNode("http://tools.ietf.org/rfc/rfc5147")
RFC6901 = ox.NamedNode("http://tools.ietf.org/rfc/rfc6901")
"""JSON Pointer: what a fragment selector into a JSON file conforms to."""

# The RDF Data Cube and SDMX-RDF, for follow-up observations (decision 0007). Only the terms
# samklang.ttl declares among its reused terms exist, so a typo fails as with ``SK``.
QB = OntologyNamespace("http://purl.org/linked-data/cube#", None)
"""The W3C RDF Data Cube vocabulary."""
SDMX_DIMENSION = OntologyNamespace("http://purl.org/linked-data/sdmx/2009/dimension#", None)
"""SDMX-RDF dimensions: ``refArea``, ``refPeriod``, ``sex``."""
SDMX_ATTRIBUTE = OntologyNamespace("http://purl.org/linked-data/sdmx/2009/attribute#", None)
"""SDMX-RDF attributes: ``obsStatus``."""
SDMX_MEASURE = OntologyNamespace("http://purl.org/linked-data/sdmx/2009/measure#", None)
"""SDMX-RDF measures: ``obsValue``."""
SDMX_CODE = OntologyNamespace("http://purl.org/linked-data/sdmx/2009/code#", None)
"""SDMX-RDF codes: ``SDMX_CODE.term("sex-T")``, ``sex-F``, ``sex-M``."""

PREFIXES: dict[str, str] = {
    "sk": SK.iri,
    "skdom": SKDOM.iri,
    "skfac": SKFAC.iri,
    "skdoc": SKDOC.iri,
    "skst": SKST.iri,
    "skkind": SKKIND.iri,
    "skph": SKPH.iri,
    "sklb": SKLB.iri,
    "sklaw": LAW.iri,
    "rdf": RDF.iri,
    "rdfs": RDFS.iri,
    "xsd": XSD.iri,
    "owl": OWL.iri,
    "skos": SKOS.iri,
    "dcterms": DCTERMS.iri,
    "org": ORG.iri,
    "prov": PROV.iri,
    "oa": OA.iri,
    "qb": QB.iri,
    "sdmx-dimension": SDMX_DIMENSION.iri,
    "sdmx-attribute": SDMX_ATTRIBUTE.iri,
    "sdmx-measure": SDMX_MEASURE.iri,
    "sdmx-code": SDMX_CODE.iri,
}
"""Prefixes known to every query (a rule may still declare its own)."""
