"""Who a text names as acting: an organisation or a group, by name, by a role of the
municipality, or generically.

A member, a convener, a party, a signatory or whoever is responsible for an activity is read
with ``resolve_actor``: the organisation or group the text begins by naming (``Polisen``,
``Socialnämnden``, ``Temagrupp trygghet``), the municipality for one of its roles
(``kommunens brottsförebyggande samordnare``), or the one organisation of a kind when the text
names the kind only (``polisen`` where one police area is named). Who does an activity may also
be read from the item's subject (``subject_actors``): ``Polisen ökar närvaron …`` (the
document's police area), ``Kommunen och polisen informerar …`` (both), ``Socialtjänsten
erbjuder …`` (a municipal service: the municipality, with a note).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from samklang.graph.ingest import patterns as pat
from samklang.graph.ingest.groups import groups_in
from samklang.graph.ingest.layout import Span
from samklang.graph.ingest.model import Entity
from samklang.graph.ingest.organisations import organisations_in, organisations_of

if TYPE_CHECKING:
    from samklang.graph.ingest.reader import Reader


def resolve_actor(reader: Reader, offset: int, text: str) -> tuple[Entity | None, str]:
    """The organisation or group ``text`` begins by naming, and a note if it was named by a
    role or generically rather than by name."""
    stripped = text.lstrip(" :*")
    offset += len(text) - len(stripped)
    text = stripped
    named = organisations_in(reader, offset, text, register=False)
    groups = groups_in(reader, offset, text)
    first: list[tuple[int, Entity]] = []
    if named and named[0][1].start - offset <= 12:
        first.append((named[0][1].start, named[0][0]))
    if groups and groups[0][1].start - offset <= 12:
        first.append((groups[0][1].start, groups[0][0]))
    if first:
        return min(first, key=lambda pair: pair[0])[1], ""
    head = text[:60]
    if pat.MUNICIPAL_ROLES.match(head.strip()) or re.match(
        r"(?i)(?:kommunens\s+)?(?:brottsförebyggande\s+)?samordnare", head.strip()
    ):
        return reader.municipality, (
            f"”{head.split(' är ')[0].strip()}” är en roll hos kommunen; satt till kommunen"
        )
    for kind, pattern in pat.GENERIC_ACTORS:
        if re.match(pattern, head.strip()):
            candidates = organisations_of(reader, kind)
            if len(candidates) == 1:
                return candidates[0], ""
            return None, ""
    if m := SERVICE.match(head.strip()):  # a cell "Socialtjänsten": the municipality does it
        return reader.municipality, f"”{m[0]}” är en del av kommunen; satt till kommunen"
    return None, ""


SERVICE = re.compile(
    r"(?i)^(?:kommunens\s+)?(?:socialtjänst(?:en)?|socialförvaltning(?:en)?|"
    r"elevhälsa(?:n)?|skol(?:an|orna)|fritidsgård(?:en|arna)?|fältassistent(?:en|erna)|"
    r"fältgrupp(?:en)?|räddningsvärn(?:et)?|[\wåäö-]*förvaltning(?:en)?|"
    r"kultur-\s+och\s+fritid(?:sförvaltningen)?|gatu-\s+och\s+parkavdelning(?:en)?|"
    r"[\wåäö-]*enhet(?:en)?|bibliotek(?:et)?)\b"
)
"""A municipal service named as the subject of an activity: the municipality does it."""


def subject_actors(reader: Reader, start: int, text: str) -> list[tuple[Entity, Span, str]]:
    """The organisations an activity's text begins by naming as its subject, each with its
    span and a note when the name was a municipal service (``Socialtjänsten erbjuder …``)."""
    found: list[tuple[Entity, Span, str]] = []
    position = 0
    while position < len(text) and len(found) < 4:
        rest = text[position:]
        at = start + position
        who, length, note = _actor_at(reader, at, rest)
        if who is None:
            break
        found.append((who, Span(at, at + length), note))
        joiner = re.match(r"\s*(?:,|och|samt|&)\s*", rest[length:])
        if not joiner:
            break
        position += length + joiner.end()
    return found


def _actor_at(reader: Reader, offset: int, text: str) -> tuple[Entity | None, int, str]:
    named = organisations_in(reader, offset, text, register=False)
    if named and named[0][1].start == offset:
        return named[0][0], named[0][1].end - offset, ""
    groups = groups_in(reader, offset, text)
    if groups and groups[0][1].start == offset:
        return groups[0][0], groups[0][1].end - offset, ""
    for kind, pattern in pat.GENERIC_ACTORS:
        if m := re.match(pattern, text):
            candidates = organisations_of(reader, kind)
            return (candidates[0] if len(candidates) == 1 else None), m.end(), ""
    if m := SERVICE.match(text):
        note = f"”{m[0]}” är en del av kommunen; satt till kommunen"
        return reader.municipality, m.end(), note
    return None, 0, ""
