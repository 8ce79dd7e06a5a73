"""Write a store's graphs as RDF: Turtle (the union of all graphs), TriG, N-Quads or JSON-LD.

TriG, N-Quads and JSON-LD keep the named graphs (one per municipality and source, the ontology
and the catalogue), so ``samklang load`` reads an export back into the same store: the round
trip export → load → export is isomorphic. Turtle has no graphs; it gives every triple once.
"""

from __future__ import annotations

from typing import BinaryIO

import pyoxigraph as ox

from samklang.errors import UsageError
from samklang.graph.store import GraphStore
from samklang.ontology.namespace import PREFIXES

FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
}
"""Export formats by name."""


def export(store: GraphStore, stream: BinaryIO, fmt: str = "trig") -> int:
    """Serialise every named graph of ``store`` to ``stream``.

    Args:
        store: the store.
        stream: a binary stream.
        fmt: ``turtle``, ``trig``, ``nquads`` or ``jsonld``.

    Returns:
        How many triples (Turtle) or quads (the others) were written.

    Raises:
        UsageError: an unknown format.
    """
    try:
        rdf_format = FORMATS[fmt]
    except KeyError:
        raise UsageError(
            f"'{fmt}' is not an export format; expected {', '.join(FORMATS)}"
        ) from None
    quads = sorted(store.quads(), key=lambda q: (str(q.graph_name), str(q.subject), str(q)))
    prefixes = dict(PREFIXES) if rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
    if rdf_format.supports_datasets:
        ox.serialize(quads, stream, rdf_format, prefixes=prefixes)
        return len(quads)
    triples = sorted({q.triple for q in quads}, key=str)
    ox.serialize(triples, stream, rdf_format, prefixes=prefixes)
    return len(triples)
