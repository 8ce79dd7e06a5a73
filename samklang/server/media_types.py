"""Which media type the endpoint answers in: the SPARQL 1.1 Protocol's ``Accept``
negotiation, the ``format=`` convention of common clients, and the aliases they send."""

from __future__ import annotations

from samklang.server.workers import GRAPH_FORMATS, RESULT_FORMATS

RESULT_SHORT = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
"""What ``format=`` (or ``output=``, a convention of Virtuoso, Fuseki and SPARQLWrapper, not of
the protocol) names for a SELECT or ASK query."""
GRAPH_SHORT = {
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "n3": "text/turtle",  # Turtle is N3 without its extensions: an N3 reader reads it
    "ntriples": "application/n-triples",
    "nt": "application/n-triples",
    "json": "application/ld+json",
    "jsonld": "application/ld+json",
    "json-ld": "application/ld+json",
    "xml": "application/rdf+xml",
    "rdf": "application/rdf+xml",
    "rdfxml": "application/rdf+xml",
}
"""What ``format=`` names for a CONSTRUCT or DESCRIBE query (SPARQLWrapper sends ``xml`` by
default, and ``n3`` or ``turtle`` when asked for Turtle)."""
RESULT_ALIASES = {
    "application/json": "application/sparql-results+json",
    "application/xml": "application/sparql-results+xml",
    "text/xml": "application/sparql-results+xml",
}
"""Media types common clients send for SELECT and ASK results and what they get."""
GRAPH_ALIASES = {
    "text/n3": "text/turtle",
    "text/rdf+n3": "text/turtle",
    "application/rdf+n3": "text/turtle",
    "application/turtle": "text/turtle",
    "application/x-turtle": "text/turtle",
    "text/plain": "application/n-triples",
    "application/json": "application/ld+json",
    "application/xml": "application/rdf+xml",
    "text/xml": "application/rdf+xml",
}
"""Media types common clients send for graphs (SPARQLWrapper's Turtle and N3 lists) and what
they get."""
RESULT_TYPES = list(RESULT_FORMATS)
GRAPH_TYPES = list(GRAPH_FORMATS)
FORMAT_IRIS = {
    "application/sparql-results+json": "SPARQL_Results_JSON",
    "application/sparql-results+xml": "SPARQL_Results_XML",
    "text/csv": "SPARQL_Results_CSV",
    "text/tab-separated-values": "SPARQL_Results_TSV",
    "text/turtle": "Turtle",
    "application/n-triples": "N-Triples",
    "application/ld+json": "JSON-LD",
    "application/rdf+xml": "RDF_XML",
}


def negotiate(accept: str, offered: list[str], aliases: dict[str, str] | None = None) -> str | None:
    """The offered media type the ``Accept`` header prefers (first offered on ties), or
    ``None`` if it accepts none. An empty header accepts anything; a media type in
    ``aliases`` stands for the offered one it names.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+json", RESULT_TYPES)
    'application/sparql-results+json'
    >>> negotiate("application/json", RESULT_TYPES, RESULT_ALIASES)
    'application/sparql-results+json'
    """
    if not accept.strip():
        return offered[0]
    aliases = aliases or {}
    ranges: list[tuple[str, float]] = []
    for part in accept.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if media:
            ranges.append((aliases.get(media.lower(), media.lower()), q))

    def quality(media_type: str) -> tuple[float, int]:
        best: tuple[int, float] = (-1, 0.0)  # (specificity, q)
        kind = media_type.split("/")[0]
        for media, q in ranges:
            if media == media_type:
                spec = 2
            elif media == f"{kind}/*":
                spec = 1
            elif media == "*/*":
                spec = 0
            else:
                continue
            best = max(best, (spec, q))
        return best[1], 0

    scored = [(quality(m)[0], -i, m) for i, m in enumerate(offered)]
    q, _, media_type = max(scored)
    return media_type if q > 0 else None


def choose_media_type(form: str, params: list[tuple[str, str]], accept: str) -> str | None:
    """The media type to answer a query of ``form`` in, or ``None`` (406).

    The SPARQL 1.1 Protocol negotiates by ``Accept`` alone; ``format=`` (or ``output=``) is a
    convention clients such as SPARQLWrapper send beside a matching ``Accept``. ``Accept``
    decides when it names an offered type (or an alias of one) itself, not only by a wildcard;
    else ``format=`` does, read for the query's form (``xml`` is SPARQL results XML for SELECT
    and ASK, RDF/XML for CONSTRUCT and DESCRIBE); else the wildcard or the first offered type.

    >>> choose_media_type("CONSTRUCT", [("format", "xml")], "application/rdf+xml")
    'application/rdf+xml'
    >>> choose_media_type("CONSTRUCT", [("format", "n3")], "*/*")
    'text/turtle'
    >>> choose_media_type("SELECT", [("format", "json")], "text/csv")
    'text/csv'
    """
    results = form in ("SELECT", "ASK")
    offered, aliases, short = (
        (RESULT_TYPES, RESULT_ALIASES, RESULT_SHORT)
        if results
        else (GRAPH_TYPES, GRAPH_ALIASES, GRAPH_SHORT)
    )
    specific = _without_wildcards(accept)
    named = negotiate(specific, offered, aliases) if specific.strip() else None
    if named is not None:
        return named
    wanted = [v.strip().lower() for k, v in params if k in ("format", "output") and v.strip()]
    for value in wanted:
        media = short.get(value) or aliases.get(value) or (value if value in offered else None)
        if media is not None:
            return media
    if wanted and not accept.strip():
        return None  # a format= naming nothing offered, and no Accept to fall back on
    return negotiate(accept, offered, aliases)


def _without_wildcards(accept: str) -> str:
    """``accept`` without its ``*/*`` and ``type/*`` ranges."""
    return ",".join(part for part in accept.split(",") if "*" not in part.split(";")[0])
