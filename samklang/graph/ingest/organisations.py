"""Organisations: the municipality, its nämnder, the police and every other organisation a
plan names (``ORGANISATION_PATTERNS`` in ``patterns``), with the abbreviation written after
a name; the municipality named most often is the plan's own, and a municipality code may be
written in the text.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import TYPE_CHECKING

from samklang.graph.ingest import patterns as pat
from samklang.graph.ingest.layout import Span, clean
from samklang.graph.ingest.literals import gate
from samklang.graph.ingest.model import Entity, Fact
from samklang.graph.ingest.proper_names import is_name, municipality_name

if TYPE_CHECKING:
    from samklang.graph.ingest.reader import Reader

UNKNOWN_MUNICIPALITY = "Okänd kommun"
"""The name written when the text names no municipality (``--kommun`` gives one)."""


def in_references(reader: Reader, offset: int) -> bool:
    """Whether ``offset`` is in a list of works cited (under ``Källor``, ``Referenser``…),
    where an organisation is an author, not an actor of the plan."""
    heading = reader.layout.section.get(reader.source.line_of(offset), 0)
    return bool(heading) and _names_references(reader.layout.line(heading).text)


@functools.lru_cache(maxsize=1024)
def _names_references(heading: str) -> bool:
    """Whether a heading (as written) is one over works cited: asked for every sentence, of
    a few headings."""
    return bool(pat.REFERENCE_HEADINGS.match(clean(heading).lower()))


def read_organisations(reader: Reader) -> None:
    """Every named organisation (``ORGANISATIONS``), except as the author of a work cited;
    the municipality named most often is the plan's own (see ``_own_municipality``)."""
    counts: Counter[Entity] = Counter()
    for span, sentence in reader.sentences():
        if in_references(reader, span.start):
            continue
        for entity, _ in organisations_in(reader, span.start, sentence, register=True):
            if entity.section == "municipality":
                counts[entity] += 1
    municipalities = [e for e in reader.entities if e.section == "municipality"]
    if municipalities:
        own = _own_municipality(reader, municipalities, counts)
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


SEVERAL = 2
"""A municipality named this often is one the text is about, not one named in passing."""


def _own_municipality(
    reader: Reader, municipalities: list[Entity], counts: Counter[Entity]
) -> Entity:
    """The municipality the draft is for: the one named most often. A text about several
    (each named at least ``SEVERAL`` times: an agreement between municipalities) cannot say
    whose draft it is; when the most named is ahead by no more than one mention, the first
    named is taken (it is usually the one whose document it is), and the choice is marked
    for review either way."""
    ranked = sorted(municipalities, key=lambda e: (-counts[e], reader.entities.index(e)))
    own = ranked[0]
    several = [e for e in municipalities if counts[e] >= SEVERAL]
    if len(several) < 2:
        return own
    close = [e for e in several if counts[own] - counts[e] <= 1]
    own = min(close, key=reader.entities.index)
    names = ", ".join(e.get("name") for e in several)
    own.review.append(
        f"texten handlar om flera kommuner ({names}); utkastet gäller {own.get('name')}, "
        + ("som nämns först" if own is not ranked[0] else "som nämns oftast")
        + ": ange kommunen med --kommun om det är en annan"
    )
    return own


def _wrapped_end(reader: Reader, text: str, end: int, name: str) -> tuple[str, int]:
    """A name wrapped over a line break (``Lokalpolisområde Norra`` / ``Påhittsdalen`` in a PDF):
    the whole name when the text writes it on one line elsewhere."""
    more = re.match(rf"\n[ \t]*(?P<word>{pat.NAME})\b", text[end:])
    if more is None:
        return name, end
    longer = f"{name} {more['word']}"
    if re.search(re.escape(longer).replace(r"\ ", r"[ \t]+"), reader.text, re.IGNORECASE):
        return longer, end + more.end()
    return name, end


def organisations_in(
    reader: Reader, offset: int, text: str, register: bool
) -> list[tuple[Entity, Span]]:
    """Named organisations in ``text`` (which starts at ``offset``), in text order."""
    found: list[tuple[Entity, Span]] = []
    taken: list[tuple[int, int]] = []
    lowered = text.lower()
    words, gates = _gates()
    if words is not None and not words.search(lowered):
        return found  # no word of an organisation in it (literals.py)
    for (kind, pattern), own in zip(pat.ORGANISATION_PATTERNS, gates, strict=True):
        if own is not None and not own.search(lowered):
            continue  # it lacks the words every match holds
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            name = _organisation_name(kind, m)
            if name is None or not _named(reader, kind, m, text):
                continue
            name = " ".join(name.split())  # wrapped over a line end (a PDF's narrow column)
            start, end = m.start(), m.end()
            if kind == "kommun":  # two words of which the first ends a table's cell?
                written = name.rsplit(" ", 1)[0]
                if (short := municipality_name(reader.text, written)) != written:
                    name = f"{short} {m['suffix']}"
                    start = m.start() + m["name"].rindex(short)
            if kind in ("lokalpolisomrade", "raddningstjanstforbund"):
                name, end = _wrapped_end(reader, text, end, name)
            key = name.lower()
            section = "municipality" if kind == "kommun" else "organisations"
            entity = reader.by_key.get((section, key)) or reader.by_key.get(("organisations", key))
            if entity is None and register:
                entity, _ = reader.entity(section, key)
                evidence = reader.ev(offset + start, offset + end)
                entity.set("name", name, evidence)
                if kind != "kommun":
                    entity.set("type", kind, evidence)
            if entity is None:
                continue
            if abbreviation := pat.ABBREVIATION_AFTER.match(text[end:]):
                a = abbreviation.start("abbreviation") + end
                entity.set(
                    "abbreviation",
                    abbreviation["abbreviation"],
                    reader.ev(offset + a, offset + a + len(abbreviation["abbreviation"])),
                )
            taken.append((start, end))
            found.append((entity, Span(offset + start, offset + end)))
    return sorted(found, key=lambda pair: pair[1].start)


_NAME_AFTER_TYPE = re.compile(r"[Rr]äddningstjänst(?:en|förbundet)\s+(?P<name>.+)", re.S)


def _named(reader: Reader, kind: str, m: re.Match[str], text: str) -> bool:
    """Whether the word after a police area's or rescue service's type word is a name, not a
    common word run into it (a table's next cell: ``Lokalpolisområde Ett möte i maj``;
    ``proper_names``). A name given an abbreviation right after it (``Räddningstjänstförbundet
    Sagoå (RML)``) is one."""
    rest = text[m.end() : m.end() + 40]
    abbreviated = bool(pat.ABBREVIATION_AFTER.match(rest))
    if kind == "lokalpolisomrade":
        return is_name(reader.text, " ".join(m["name"].split()), abbreviated, rest)
    if kind == "raddningstjanstforbund" and (after := _NAME_AFTER_TYPE.match(m["name"])):
        return is_name(reader.text, " ".join(after["name"].split()), abbreviated, rest)
    return True


@functools.cache
def _gates() -> tuple[re.Pattern[str] | None, list[re.Pattern[str] | None]]:
    """The words of any organisation pattern, and of each (``literals.gate``)."""
    patterns = [pattern for _, pattern in pat.ORGANISATION_PATTERNS]
    return gate(tuple(patterns)), [gate((pattern,)) for pattern in patterns]


def _organisation_name(kind: str, m: re.Match[str]) -> str | None:
    if kind == "kommun":
        words = m["name"].split()
        while words and words[0].lower() in pat.NOT_MUNICIPALITY_NAMES:
            words.pop(0)
        if not words:
            return None
        return f"{' '.join(words)} {m['suffix']}"
    if kind == "lokalpolisomrade":
        if m["name"].split()[0].lower() in pat.NOT_MUNICIPALITY_NAMES:
            return None  # "lokalpolisområdet I …"
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
