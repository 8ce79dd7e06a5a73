"""The parties to a document, and its signatories.

Parties are named ``mellan A och B`` (``BETWEEN``) or ``A i samverkan med B``
(``TOGETHER_WITH``) in the document's title or in a sentence about it, in running text
(``PARTIES_IN_TEXT``: ``Överenskommelsen har ingåtts mellan A, B, C och D``, ``… har tagits
fram av A och B gemensamt``, ``… är ett gemensamt åtagande från kommunen och polisen``, in a
promise ``A och B lovar …``), as a list under a heading ``Parter``, or on a line under the
title naming only organisations. Signatories are read from the signature lines
(``signatures.py``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from samklang.graph.ingest import patterns as pat
from samklang.graph.ingest.actors import resolve_actor
from samklang.graph.ingest.layout import clean
from samklang.graph.ingest.literals import gate
from samklang.graph.ingest.mentions import own_reference, sentence_subject, type_of
from samklang.graph.ingest.model import Entity, Evidence
from samklang.graph.ingest.organisations import organisations_in, organisations_of
from samklang.graph.ingest.signatures import read_signatures

if TYPE_CHECKING:
    from samklang.graph.ingest.reader import Reader


def read_parties(reader: Reader) -> None:
    """Parties: ``mellan A och B`` (``BETWEEN``) and ``A i samverkan med B``
    (``TOGETHER_WITH``) in the document's title or in a sentence about it, or a line under
    the title naming only organisations (one alone, ``Fantasifors kommun`` under an
    åtgärdsplan, too: the expected facts of Fantasifors and Påhittsåker count it a party, Sagostad's
    do not); signatories from signature lines (``SIGNATURE``)."""
    head_end = reader.title_line + 3
    words = gate((pat.BETWEEN, pat.TOGETHER_WITH))  # what either must find (literals.py)
    for span, sentence, lowered in reader.sentences_lowered():
        if words is not None and not words.search(lowered):
            continue  # neither can match: spare asking what the sentence is about
        number = reader.source.line_of(span.start)
        about_own = number <= head_end or _is_about_own(reader, sentence)
        if not about_own:
            continue
        for m in pat.BETWEEN.finditer(sentence):
            before = sentence[: m.start()]
            mentions = list(pat.DOCUMENT_MENTION.finditer(before))
            if mentions and type_of(mentions[-1]) != reader.own.get("type"):
                continue
            for group in ("a", "b"):
                _party(reader, span.start + m.start(group), m[group])
        for m in pat.TOGETHER_WITH.finditer(sentence):
            before = sentence[: m.start()]
            _party(reader, span.start, before)
            _party(reader, span.start + m.start("b"), m["b"])
    _read_parties_in_text(reader)
    _read_parties_list(reader)
    for number in range(reader.title_line + 1, min(head_end, len(reader.layout.kinds)) + 1):
        line = reader.layout.line(number)
        if reader.layout.kinds[number] not in ("heading", "text") or not line.text.strip():
            continue
        rest = clean(line.text)
        found = organisations_in(reader, line.start, line.text, register=False)
        for _, s in found:
            rest = rest.replace(reader.text[s.start : s.end], "")
        joints = r"\b(?:och|samt|i\s+samverkan\s+med)\b|[,&]"
        if found and not re.sub(joints, "", rest).strip():
            for entity, s in found:
                reader.own.add("parties", entity, reader.ev(s.start, s.end))
    read_signatures(reader)
    if "signed_by" in reader.own.facts:
        reader.own.review.append(
            "undertecknare är lästa ur underskriftsraderna; kontrollera i originalet att "
            "dokumentet verkligen är undertecknat"
        )


def _read_parties_in_text(reader: Reader) -> None:
    """Parties named in a sentence about the document (``PARTIES_IN_TEXT``): ``Överenskommelsen
    har ingåtts mellan A, B, C och D``, ``Lägesbilden har tagits fram av A och B gemensamt``.
    The sentence must be about the document itself (``sentence_subject``), and every item of
    the list an organisation."""
    promise = reader.own.get("type") == "medborgarlofte"
    words = gate(tuple(pat.PARTIES_IN_TEXT))
    for span, sentence, lowered in reader.sentences_lowered():
        if words is not None and not words.search(lowered):
            continue  # no pattern can match (literals.py)
        for pattern in pat.PARTIES_IN_TEXT:
            for m in pattern.finditer(sentence):
                subject = sentence_subject(reader, sentence, m.start())
                if subject is not reader.own and not (  # "A och B lovar …" in a promise
                    promise and subject is None and "lovar" in m.group(0)
                ):
                    continue
                mentions = list(pat.DOCUMENT_MENTION.finditer(sentence[: m.start()]))
                if mentions and _document_of_mention(reader, sentence, mentions[-1]):
                    continue  # "… samverkansöverenskommelsen mellan A och B": its parties
                listed = _organisation_list(reader, span.start + m.start("list"), m["list"])
                for who, evidence in listed:
                    reader.own.add("parties", who, evidence)
                    if pat.MUNICIPAL_ROLES.fullmatch(evidence.quote):
                        reader.own.review.append(
                            f"”{evidence.quote}” är en roll hos kommunen; kommunen satt som part"
                        )


def _read_parties_list(reader: Reader) -> None:
    """The parties as a list under a heading ``Parter`` (``PARTIES_HEADING``): ``- Sagoby
    kommun, org.nr 212000-0001``, ``- Polismyndigheten, lokalpolisområde Sagoby``."""
    for number, kind in reader.items_under(pat.PARTIES_HEADING):
        if kind != "item":
            continue
        start, body = reader.item_text(number)
        who = _organisation(reader, start, body)
        if who is not None:
            reader.own.add("parties", who, reader.ev(start, start + len(body)))


def _document_of_mention(reader: Reader, sentence: str, m: re.Match[str]) -> bool:
    """Whether a mention names another document than this one (not ``Överenskommelsen``
    referring to itself)."""
    return type_of(m) != reader.own.get("type") and not own_reference(reader).match(
        sentence, m.start()
    )


def _organisation_list(reader: Reader, offset: int, text: str) -> list[tuple[Entity, Evidence]]:
    """The organisations of a list written in a sentence (``A, B, C och D``), or none when
    an item is not an organisation (``mellan skolan och hemmet``). ``Polismyndigheten,
    lokalpolisområde X`` is one party, the police area."""
    found: list[tuple[Entity, Evidence]] = []
    position = 0
    previous = ""
    for part in _SPLIT.split(text):
        at = text.index(part, position) if part else position
        position = at + len(part)
        if not part.strip():
            continue
        who = _organisation(reader, offset + at, part)
        if who is None:
            return []
        stripped = part.strip()
        start = offset + at + part.index(stripped)
        if found and _AREA.match(stripped) and previous == "Polismyndigheten":
            found.pop()  # "Polismyndigheten, lokalpolisområde Låtsasholm": the police area
        found.append((who, reader.ev(start, start + len(stripped))))
        previous = stripped
    return found if len(found) >= 2 else []


_AREA = re.compile(r"(?:[Ll]okalpolisområde|LPO)\b")


_SPLIT = re.compile(f"{pat.PARTY_LIST_SPLIT.pattern}|{pat.LIST_SPLIT.pattern}")

_AFTER_NAME = re.compile(r"(?i)^(?:,?\s*(?:org\.?\s*nr|organisationsnummer)\.?\s*:?\s*[\d-]+)?$")
"""What may follow a party's name in a list: its organisation number."""


def _organisation(reader: Reader, offset: int, text: str) -> Entity | None:
    """The one organisation ``text`` is: its name (nothing else but an organisation number),
    the police area the Police Authority acts through (``POLICE_THROUGH``), or a generic
    name (``kommunen``, ``polisen``, ``polisen i Diktby``) for the one of its kind the text
    names, or a role of the municipality's staff (``kommunens trygghetssamordnare``,
    ``MUNICIPAL_ROLES``) for the municipality, marked for review."""
    if through := pat.POLICE_THROUGH.match(text):
        offset, text = offset + through.end(), text[through.end() :]
    stripped = text.strip()
    named = organisations_in(reader, offset, text, register=False)
    if named:
        entity, span = named[0]
        if span.start - offset > len(text) - len(text.lstrip()):
            return None  # something stands before the name
        rest = reader.text[span.end : offset + len(text.rstrip())]
        return entity if _AFTER_NAME.match(rest.strip()) else None
    for kind, pattern in pat.GENERIC_ACTORS:
        if m := re.match(pattern, stripped):
            candidates = organisations_of(reader, kind)
            if len(candidates) != 1:
                return None
            rest = stripped[m.end() :].strip()
            place = re.fullmatch(rf"i\s+(?P<name>{pat.NAME})", rest)
            if not rest or (place and place["name"] in candidates[0].get("name", "")):
                return candidates[0]
    if (role := pat.MUNICIPAL_ROLES.match(stripped)) and role.end() == len(stripped):
        return reader.municipality  # "… tagits fram av kommunens trygghetssamordnare och …"
    return None


def _is_about_own(reader: Reader, sentence: str) -> bool:
    return (
        bool(own_reference(reader).search(sentence))
        and sentence_subject(reader, sentence, len(sentence)) is reader.own
    )


def _party(reader: Reader, offset: int, text: str) -> None:
    if through := pat.POLICE_THROUGH.match(text):  # "Polismyndigheten genom Lokalpolisområde X"
        offset, text = offset + through.end(), text[through.end() :]
    who, _ = resolve_actor(reader, offset, text)
    if who is None:
        for kind, pattern in pat.GENERIC_ACTORS:
            if re.match(pattern + r"\s*$", text.strip()):
                candidates = organisations_of(reader, kind)
                who = candidates[0] if len(candidates) == 1 else None
    if who is not None and who.section in ("municipality", "organisations"):
        stripped = text.strip()
        at = offset + text.index(stripped) if stripped else offset
        reader.own.add("parties", who, reader.ev(at, at + min(len(stripped), 60)))
