"""References: the laws, strategies and works a plan builds on or cites.

A law is named by its SFS number (``LAW``) or by its name (``LAW_NAMES``), or again as
``lagen`` alone (``LAW_AGAIN``: the law the paragraph named last); it is the legal basis of the
document the text says follows it (``ACCORDING_TO``: the document named just before
``enligt``, else the one the sentence is about), or, where the paragraph does not say, of a
document whose type it governs (``LEGAL_BASIS``), and otherwise a reference of the plan. A
regulation (``MSBFS 2021:1``: ``är utformat enligt MSBFS 2021:1``) is never a legal basis,
only a reference.
Strategies are named with their year (``STRATEGY``); works cited stand in the footnotes that
end the text or under a heading such as ``Referenser`` (``WORK_FULL``, ``WORK_SHORT``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from samklang.graph.ingest import patterns as pat
from samklang.graph.ingest.layout import Span
from samklang.graph.ingest.literals import gate, might_match
from samklang.graph.ingest.mentions import mention_before, sentence_subject, type_of
from samklang.graph.ingest.model import Entity, Evidence

if TYPE_CHECKING:
    from samklang.graph.ingest.reader import Reader
    from samklang.graph.ingest.text import Line


def read_laws(reader: Reader) -> None:
    """Laws by SFS number (``LAW``) or by name (``LAW_NAMES``); a law becomes the legal
    basis of a document whose type it governs (``LEGAL_BASIS``) when the same paragraph
    names both, and otherwise a reference of the document itself."""
    laws: dict[str, Evidence] = {}
    based_by_text: set[str] = set()
    paragraphs: dict[str, list[Span]] = {}
    attributed: set[tuple[str, int]] = set()  # (law, paragraph) where the text says whose
    last_law: dict[int, str] = {}  # per paragraph, the law it named last
    by_line: dict[int, Span] = {}  # the paragraph of each line, found once per paragraph
    names = [(number, re.compile(pattern)) for number, pattern in pat.LAW_NAMES]
    words = gate((pat.LAW, pat.LAW_AGAIN, *(compiled for _, compiled in names)))
    for span, sentence, lowered in reader.sentences_lowered():
        if words is not None and not words.search(lowered):
            continue  # no law's number, name or "enligt lagen" can be in it (literals.py)
        found: list[tuple[str, int, int]] = []
        for m in pat.LAW.finditer(sentence):
            number = m["number"] or m["msbfs"]
            name = (
                ("MSBFS " + number.split()[-1].replace("MSBFS", "").strip())
                if m["msbfs"]
                else f"SFS {number}"
            )
            found.append((name, m.start(), m.end()))
        for number, compiled in names:
            for m in compiled.finditer(sentence):
                found.append((f"SFS {number}", m.start(), m.end()))
        again = list(pat.LAW_AGAIN.finditer(sentence)) if last_law else []
        if not found and not again:
            continue  # no law here: spare finding the paragraph
        paragraph = _paragraph(reader, reader.source.line_of(span.start), by_line)
        found.sort(key=lambda law: law[1])
        if paragraph.start in last_law:  # "… enligt lagen.": the law named before
            for m in again:
                if not any(a <= m.start("law") < b for _, a, b in found):
                    found.append((last_law[paragraph.start], m.start("law"), m.end("law")))
        for name, a, b in found:
            name = re.sub(r"\s+", " ", name)
            evidence = reader.ev(span.start + a, span.start + b)
            laws.setdefault(name, evidence)
            paragraphs.setdefault(name, []).append(paragraph)
            last_law[paragraph.start] = name
            if name.startswith("MSBFS"):
                continue  # a regulation a document follows is not its legal basis: a reference
            according = pat.ACCORDING_TO.search(sentence[:a] + " ")
            if according is not None and according.end() >= a - 1:
                named, subject = mention_before(reader, sentence, according.start())
                if not named:
                    subject = sentence_subject(reader, sentence, according.start())
                if named:  # the text says whose law it is, even when it is generic
                    attributed.add((name, paragraph.start))
                if subject is not None and subject.section == "documents":
                    subject.add("legal_basis", ("law", name), evidence)
                    based_by_text.add(name)
                    attributed.add((name, paragraph.start))
    for name, evidence in laws.items():
        based = name in based_by_text
        for doc in [e for e in reader.documents if e.section == "documents"]:
            governs = pat.LEGAL_BASIS.get(doc.get("type"))
            if governs is None or f"SFS {governs}" != name:
                continue
            if any(
                _paragraph_names(reader, p, doc)
                for p in paragraphs[name]
                if (name, p.start) not in attributed
            ):
                doc.add("legal_basis", ("law", name), evidence)
                based = True
        if not based:
            reader.own.add("references", ("law", name), evidence)


def _paragraph(reader: Reader, number: int, known: dict[int, Span]) -> Span:
    """The paragraph (run of non-blank lines) holding line ``number``; ``known`` holds those
    found before, by line, so that each paragraph is walked once."""
    if (found := known.get(number)) is not None:
        return found
    first = last = number
    while first > 1 and reader.layout.kinds.get(first - 1) not in ("blank", "heading"):
        first -= 1
    while last < len(reader.layout.kinds) and reader.layout.kinds.get(last + 1) not in (
        "blank",
        "heading",
    ):
        last += 1
    found = Span(reader.layout.line(first).start, reader.layout.line(last).end)
    if reader.layout.kinds.get(number) in ("blank", "heading"):
        known[number] = found  # the paragraphs either side: only this line's
    else:
        known.update((n, found) for n in range(first, last + 1))  # the same from each line
    return found


def _paragraph_names(reader: Reader, paragraph: Span, doc: Entity) -> bool:
    chunk = reader.text[paragraph.start : paragraph.end]
    return any(type_of(m) == doc.get("type") for m in pat.DOCUMENT_MENTION.finditer(chunk))


def read_strategies(reader: Reader) -> None:
    """Named strategies and their year (``STRATEGY``)."""
    for span, sentence, lowered in reader.sentences_lowered():
        if not might_match(pat.STRATEGY, lowered):
            continue  # no word of a strategy in it (literals.py)
        for m in pat.STRATEGY.finditer(sentence):
            title = (m["title"] or m["title2"]).strip()
            title = title[0].upper() + title[1:]
            group = "title" if m["title"] else "title2"
            evidence = reader.ev(span.start + m.start(group), span.start + m.end(group))
            entity, made = reader.entity("documents", f"strategi|{title.lower()}")
            if made:
                entity.set("title", title, evidence)
                entity.set("type", "strategi", None)
                if m["year2"]:
                    entity.set("issued", int(m["year2"]), evidence)
                else:
                    entity.notes.append(
                        f"Årtalet {m['year']} står i namnet; om det är utgivningsår eller "
                        "slutår framgår inte av texten."
                    )
                reader.own.add("references", entity, evidence)


def read_works_cited(reader: Reader) -> None:
    """Works in the footnotes that end the text, or under a heading such as
    ``Referenser`` (``WORK_FULL``, ``WORK_SHORT``)."""
    lines = reader.source.lines
    wrapped: set[int] = set()  # lines an entry above is wrapped onto
    for line in lines:
        in_notes = line.number >= reader.layout.notes_start
        under = pat.REFERENCE_HEADINGS.match(reader.layout.heading_text(line.number))
        if not (in_notes or under) or not line.text.strip() or line.number in wrapped:
            continue
        if reader.layout.kinds[line.number] == "heading":
            continue
        last = line
        while _wraps_onto(reader, last, line):
            last = lines[last.number]  # the next line (numbers count from 1)
            wrapped.add(last.number)
        # the entry over its lines, each line end a space (the same offsets)
        chunk = reader.text[line.start : last.end].replace("\n", " ")
        body = re.sub(_ENTRY_MARK, "", chunk)
        offset = line.start + len(chunk) - len(body)
        for start, work in _works(body):
            _work(reader, offset + start, work)


_ENTRY_MARK = re.compile(r"^\s*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\^\d+\]:|[-•*]|\d+[.)])\s*")
"""What begins an entry of a list of sources or a footnote: a note's number, a bullet."""


_NEW_ENTRY = re.compile(r"^\s*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\^\d+\]:|[-•*]\s|\d{1,3}[.)]\s)")
"""A line that begins an entry of its own: a note's number, a bullet, ``3.`` and a space (not
a year that ends a wrapped entry, ``2027.``)."""


def _wraps_onto(reader: Reader, last: Line, first: Line) -> bool:
    """Whether the entry that begins on line ``first`` and has reached line ``last`` goes on
    on the next line: it is a full reference (``Polismyndigheten (2025) Lokal lägesbild``,
    ``WORK_FULL``) not yet ended (no ``.``), and the next line is no entry of its own (no note
    mark or bullet, no author and year in parentheses), no heading and not empty: a line wrapped
    where it was full (``Lokalpolisområde Sagovik, intern rapport.``)."""
    if last.number >= len(reader.layout.kinds) or re.search(r"[.!?]\s*$", last.text):
        return False
    entry = re.sub(_ENTRY_MARK, "", first.text).replace("*", "")
    if not pat.WORK_FULL.match(entry.strip()):
        return False
    following = reader.layout.line(last.number + 1)
    text = following.text
    return (
        bool(text.strip())
        and reader.layout.kinds.get(following.number) not in ("heading", "blank")
        and following.number != reader.layout.notes_start
        and not _NEW_ENTRY.match(text)
        and not re.match(r"^[^()]*\((?:19|20)\d\d\)", text)
    )


def _works(body: str) -> list[tuple[int, str]]:
    """The works of one footnote: parts between semicolons, each a full reference or a
    comma-separated run of ``Author Year``."""
    works = []
    text = body.rstrip()
    position = 0
    for part in re.split(r"\s*;\s*", text):
        at = text.index(part, position)
        position = at + len(part)
        if pat.WORK_FULL.match(part.replace("*", "")):
            works.append((at, part))
            continue
        inner = 0
        for piece in re.split(r"\s*,\s*", part):
            where = part.index(piece, inner)
            inner = where + len(piece)
            if pat.WORK_SHORT.match(piece.replace("*", "")):
                works.append((at + where, piece))
    return works


def _work(reader: Reader, offset: int, text: str) -> None:
    plain = text.replace("*", "").strip()
    evidence = reader.ev(offset, offset + len(text))
    m = pat.WORK_FULL.match(plain) or pat.WORK_SHORT.match(plain)
    if m is None:
        return
    authors = [a for a in pat.AUTHOR_SPLIT.split(m["authors"].strip()) if a]
    year = int(m["year"])
    first = authors[0] if authors else m["authors"]
    person = pat.PERSON.match(first)
    surname = person["surname"] if person else first
    entity, made = reader.entity("documents", f"work|{surname.lower()}|{year}")
    if not made:
        return
    title = m.groupdict().get("title")
    entity.set("title", title.strip().rstrip(".") if title else f"{first} {year}", evidence)
    entity.set("type", "publikation", None)
    for author in authors:
        entity.add("creator", author, evidence)
    entity.set("issued", year, evidence)
    if title:
        entity.set("citation", plain.rstrip("."), evidence)
    else:
        entity.notes.append("Texten anger inte verkets titel.")
    entity.set("surname", surname, None)
    reader.own.add("references", entity, evidence)
