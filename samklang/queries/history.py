"""The world as it was on the reference date: documents that did not yet exist are left out.

A document exists from the day it was adopted: the date of its decision, or the day it was
signed, whichever is earlier. Where neither is recorded, the start of its period stands in
(and a report says so). A check ``--as-of`` a date before that sees no trace of the document:
not the document, not what is stated or planned in it, not the links to it.

>>> from datetime import date
>>> LeftOut("https://w3id.org/samklang/data/0685/x", "Medborgarlöfte", date(2022, 4, 21),
...         "decided").iri
'https://w3id.org/samklang/data/0685/x'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import pyoxigraph as ox

from samklang.ontology.namespace import SK

EXISTENCE_QUERY = """
SELECT ?document ?decided ?signed ?start WHERE {
  { SELECT ?document WHERE { ?document a sk:Document ; sk:municipality ?municipality } }
  OPTIONAL {
    SELECT ?document ?decided WHERE {
      ?document sk:decision ?decision .
      ?decision dcterms:date ?decided .
    }
  }
  OPTIONAL { SELECT ?document ?signed WHERE { ?document sk:signedOn ?signed } }
  OPTIONAL { SELECT ?document ?start WHERE { ?document sk:periodStart ?start } }
}
"""
"""Every dataset document with the dates that say when it came to exist. Each OPTIONAL is one
whole predicate, hash-joined (docs/decisions/0004-rule-query-shape.md)."""

TITLES_QUERY = """
SELECT ?document ?title WHERE {
  VALUES ?document { %s }
  ?document dcterms:title ?title .
}
"""
"""The titles of the left-out documents; the VALUES list is made of IRIs the store returned,
serialised as RDF terms, never of text from a user."""

DEPENDENT = (
    SK.statedIn, SK.plannedIn, SK.identifiedIn, SK.acceptedDocument, SK.acceptedFocus
)
"""Links that make a resource part of the document it points to (a goal stated in it, an
activity planned in it, a problem identified in it, an acceptance of a finding in it or about
it): it is left out with the document. (An acceptance limited to a left-out document must not
lose its limit and apply everywhere.)"""


@dataclass(frozen=True)
class LeftOut:
    """A document that did not exist on the reference date.

    Attributes:
        iri: the document.
        title: its title.
        since: the day it came to exist.
        how: ``decided``, ``signed``, or ``period`` (no adoption date recorded: the start of
            its period stands in).
    """

    iri: str
    title: str
    since: date
    how: str


def left_out(store, as_of: date) -> list[LeftOut]:  # noqa: ANN001 - any Store
    """The documents in ``store`` that came to exist after ``as_of``, by title."""
    from samklang.graph.sparql_text import term_text

    known: dict[str, list[tuple[date, str]]] = {}  # decided or signed, per document
    starts: dict[str, date] = {}
    for row in store.select(EXISTENCE_QUERY):
        iri = row["document"].value
        dates = known.setdefault(iri, [])
        for name in ("decided", "signed"):
            if (day := _day(row.get(name))) is not None:
                dates.append((day, name))
        if (start := _day(row.get("start"))) is not None:
            starts[iri] = min(start, starts.get(iri, start))
    found: dict[str, tuple[date, str]] = {}
    for iri, dates in known.items():  # the earliest date of all counts
        since, how = min(dates) if dates else (starts.get(iri), "period")
        if since is not None and since > as_of:
            found[iri] = (since, how)
    if not found:
        return []
    values = " ".join(term_text(ox.NamedNode(iri)) for iri in sorted(found))
    rows = store.select(TITLES_QUERY % values)
    titles = {row["document"].value: row["title"].value for row in rows}
    return sorted(
        (LeftOut(iri, titles.get(iri, iri.rsplit("/", 1)[-1]), *found[iri]) for iri in found),
        key=lambda d: (d.title, d.iri),
    )


def left_out_of(quads: Iterable[ox.Quad], as_of: date) -> list[LeftOut]:
    """The documents among ``quads`` (one dataset's) that came to exist after ``as_of``."""
    from samklang.graph.store import open_store

    store = open_store("memory")
    store.add(quads)
    return left_out(store, as_of)


def without(quads: Iterable[ox.Quad], documents: Sequence[LeftOut]) -> list[ox.Quad]:
    """``quads`` without the left-out documents, what depends on them, and links to them."""
    quads = list(quads)
    gone = {d.iri for d in documents}
    if not gone:
        return quads
    gone |= {
        q.subject.value
        for q in quads
        if isinstance(q.subject, ox.NamedNode)
        and q.predicate in DEPENDENT
        and isinstance(q.object, ox.NamedNode)
        and q.object.value in gone
    }

    def owned(term: object) -> bool:
        return isinstance(term, ox.NamedNode) and term.value.split("#", 1)[0] in gone

    return [q for q in quads if not owned(q.subject) and not owned(q.object)]


def concerns(iri: str | None, documents: Sequence[LeftOut]) -> bool:
    """Whether ``iri`` is one of the left-out documents or a part of one (``…#decision``)."""
    return iri is not None and iri.split("#", 1)[0] in {d.iri for d in documents}


def _day(term: ox.Literal | None) -> date | None:
    if term is None:
        return None
    try:
        return date.fromisoformat(term.value[:10])
    except ValueError:
        return None
