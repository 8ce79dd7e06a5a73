"""Provenance: where a fact was read, as PROV and Web Annotation (``oa:``) triples.

The fact's subject ``prov:wasDerivedFrom`` a part of a source: an ``oa:SpecificResource`` whose
``oa:hasSource`` is the source, with selectors for the part. A dataset's ``source:`` field gives
a source and, optionally, its lines (:mod:`samklang.graph.dataset`); ingest gives every span of
the plan document a fact was read from, by character offsets, lines and quote, and the fields
read from it (:mod:`samklang.graph.ingest`); an imported observation file gives the line of a
CSV row, or the place in a JSON file as an RFC 6901 JSON Pointer (``/values/0/values/1``), or a
workbook's sheet and row as a description (:mod:`samklang.graph.cube`). Lines are selected as
RFC 5147 fragments, which count line positions from 0: lines 39 to 39 are ``line=38,39``.
"""

from __future__ import annotations

import pyoxigraph as ox

from samklang.ontology.namespace import DCTERMS, OA, PROV, RDF, RFC5147, RFC6901, XSD

Triple = tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]


def derived_from(
    subject: ox.NamedNode,
    part: ox.NamedNode,
    source: ox.NamedNode,
    *,
    description: str | None = None,
    position: tuple[int, int] | None = None,
    lines: tuple[int, int] | None = None,
    quote: str | None = None,
    pointer: str | None = None,
) -> list[Triple]:
    """The triples saying that ``subject`` was read from ``part`` of ``source``.

    Each selector given is a node of its own, named after ``part``: ``-position``,
    ``-lines``, ``-quote``.

    Args:
        subject: the fact's subject.
        part: the specific resource (e.g. ``<subject>#source-1``).
        source: the source (a ``sk:Source``).
        description: what was read from the part (``dcterms:description``).
        position: the character offsets, start and end (an ``oa:TextPositionSelector``).
        lines: the first and last line, counted from 1 (an RFC 5147 ``oa:FragmentSelector``).
        quote: the text of the part (an ``oa:TextQuoteSelector``).
        pointer: a JSON Pointer into a JSON file (an RFC 6901 ``oa:FragmentSelector``).
    """
    triples: list[Triple] = [
        (subject, PROV.wasDerivedFrom, part),
        (part, RDF.type, OA.SpecificResource),
        (part, OA.hasSource, source),
    ]
    if description is not None:
        triples.append((part, DCTERMS.description, ox.Literal(description)))
    if position is not None:
        selector = ox.NamedNode(f"{part.value}-position")
        triples += [
            (part, OA.hasSelector, selector),
            (selector, RDF.type, OA.TextPositionSelector),
            (selector, OA.start, ox.Literal(str(position[0]), datatype=XSD.nonNegativeInteger)),
            (selector, OA.end, ox.Literal(str(position[1]), datatype=XSD.nonNegativeInteger)),
        ]
    if lines is not None:
        selector = ox.NamedNode(f"{part.value}-lines")
        triples += [
            (part, OA.hasSelector, selector),
            (selector, RDF.type, OA.FragmentSelector),
            (selector, DCTERMS.conformsTo, RFC5147),
            (selector, RDF.value, ox.Literal(f"line={lines[0] - 1},{lines[1]}")),
        ]
    if pointer is not None:
        selector = ox.NamedNode(f"{part.value}-pointer")
        triples += [
            (part, OA.hasSelector, selector),
            (selector, RDF.type, OA.FragmentSelector),
            (selector, DCTERMS.conformsTo, RFC6901),
            (selector, RDF.value, ox.Literal(pointer)),
        ]
    if quote is not None:
        selector = ox.NamedNode(f"{part.value}-quote")
        triples += [
            (part, OA.hasSelector, selector),
            (selector, RDF.type, OA.TextQuoteSelector),
            (selector, OA.exact, ox.Literal(quote)),
        ]
    return triples
