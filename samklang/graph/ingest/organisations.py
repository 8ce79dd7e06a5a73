"""Organisations: the municipality, its nämnder, the police and every other organisation a
plan names (``ORGANISATION_PATTERNS`` in ``patterns.py``), with the abbreviation written after
a name; the municipality named most often is the plan's own, and a municipality code may be
written in the text.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from samklang.graph.ingest import patterns as pat
from samklang.graph.ingest.layout import Span
from samklang.graph.ingest.model import Entity, Fact

if TYPE_CHECKING:
    from samklang.graph.ingest.reader import Reader

UNKNOWN_MUNICIPALITY = "Okänd kommun"
"""The name written when the text names no municipality (``--kommun`` gives one)."""


def read_organisations(reader: Reader) -> None:
    """Every named organisation (``ORGANISATIONS``); the municipality named most often is
    the plan's own."""
    counts: Counter[Entity] = Counter()
    for span, sentence in reader.sentences():
        for entity, _ in organisations_in(reader, span.start, sentence, register=True):
            if entity.section == "municipality":
                counts[entity] += 1
    municipalities = [e for e in reader.entities if e.section == "municipality"]
    if municipalities:
        own = max(municipalities, key=lambda e: (counts[e], -reader.entities.index(e)))
        for other in municipalities:
            if other is not own:  # another municipality: an organisation like any other
                other.section = "organisations"
                other.set("type", "organisation", None)
                reader.by_key[("organisations", other.key)] = other
        reader.municipality = own
    else:
        reader.municipality, _ = reader.entity("municipality", "")
        reader.municipality.review.append(
            "texten namnger ingen kommun (”X kommun”); skriv kommunens namn"
        )
        reader.municipality.set("name", UNKNOWN_MUNICIPALITY, None)
    for entity in reader.entities:
        if entity.section == "organisations" and entity.get("type") == "namnd":
            entity.set("part_of", reader.municipality, None)


def organisations_in(
    reader: Reader, offset: int, text: str, register: bool
) -> list[tuple[Entity, Span]]:
    """Named organisations in ``text`` (which starts at ``offset``), in text order."""
    found: list[tuple[Entity, Span]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in pat.ORGANISATION_PATTERNS:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            name = _organisation_name(kind, m)
            if name is None:
                continue
            key = name.lower()
            section = "municipality" if kind == "kommun" else "organisations"
            entity = reader.by_key.get((section, key)) or reader.by_key.get(("organisations", key))
            if entity is None and register:
                entity, _ = reader.entity(section, key)
                evidence = reader.ev(offset + m.start(), offset + m.end())
                entity.set("name", name, evidence)
                if kind != "kommun":
                    entity.set("type", kind, evidence)
            if entity is None:
                continue
            if abbreviation := pat.ABBREVIATION_AFTER.match(text[m.end() :]):
                a = abbreviation.start("abbreviation") + m.end()
                entity.set(
                    "abbreviation",
                    abbreviation["abbreviation"],
                    reader.ev(offset + a, offset + a + len(abbreviation["abbreviation"])),
                )
            taken.append((m.start(), m.end()))
            found.append((entity, Span(offset + m.start(), offset + m.end())))
    return sorted(found, key=lambda pair: pair[1].start)


def _organisation_name(kind: str, m: re.Match[str]) -> str | None:
    if kind == "kommun":
        words = m["name"].split()
        while words and words[0].lower() in pat.NOT_MUNICIPALITY_NAMES:
            words.pop(0)
        if not words:
            return None
        return f"{' '.join(words)} {m['suffix']}"
    if kind == "lokalpolisomrade":
        return f"Lokalpolisområde {m['name']}"
    if kind == "myndighet":
        return "Polismyndigheten"
    if kind == "namnd":
        if m.groupdict().get("adjective"):
            return f"{m['adjective']} nämnden"
        name = m["name"]
        name = name[0].upper() + name[1:]
        if name.lower() == "kommunfullmäktige":
            return name
        return name + "n" if name.endswith("styrelse") else name + "en"
    name = m["name"]
    return name[0].upper() + name[1:]


def organisations_of(reader: Reader, kind: str) -> list[Entity]:
    """The organisations found so far of ``kind`` (``kommun``: the municipality)."""
    if kind == "kommun":
        return [reader.municipality]
    return [e for e in reader.entities if e.section == "organisations" and e.get("type") == kind]


def read_code(reader: Reader) -> Fact | None:
    """A municipality code written in the text (``MUNICIPALITY_CODE``)."""
    if m := pat.MUNICIPALITY_CODE.search(reader.text):
        return Fact(m["code"], reader.ev(m.start("code"), m.end("code")))
    return None
