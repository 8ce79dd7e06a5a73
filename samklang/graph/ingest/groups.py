"""Groups: the styrgrupp, arbetsgrupper, councils and networks a plan names.

A group is named by a word for its kind with what makes it one (``temagrupp trygghet``,
``kommunens ledningsgrupp``; ``GROUP`` in ``patterns``; not in a list of works cited,
where ``Brottsförebyggande rådet`` is an author), by its kind alone
(``styrgruppen``), or by a name and an abbreviation defined in running text
(``named_groups.py``); ``rådet`` or ``gruppen`` alone is the one council or group found. A
group the text says is the styrgrupp (``STEERING``) becomes one.
Who sits in a group, who convenes it and whom it reports to are read in
``group_relations.py``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from samklang.graph.ingest import patterns as pat
from samklang.graph.ingest.layout import Span
from samklang.graph.ingest.literals import might_match
from samklang.graph.ingest.model import Entity, Fact
from samklang.graph.ingest.named_groups import find_named_groups, mentions_of
from samklang.graph.ingest.organisations import in_references

if TYPE_CHECKING:
    from samklang.graph.ingest.reader import Reader


def read_groups(reader: Reader) -> None:
    """Groups (``GROUP``): a named temagrupp, ``kommunens ledningsgrupp``, and groups named
    only by their kind (``styrgruppen``). A group the text says is the styrgrupp
    (``STEERING``) becomes one."""
    _read_named_groups(reader)
    mentions = [
        (span, sentence, list(pat.GROUP.finditer(sentence)))
        for span, sentence, lowered in reader.sentences_lowered()
        if might_match(pat.GROUP, lowered)  # a word of a group in it (literals.py)
        and not in_references(reader, span.start)  # "Brottsförebyggande rådet (2025) …"
    ]  # read twice below: the text is searched once
    for span, sentence, matches in mentions:
        for m in matches:
            if m["plural"]:
                continue
            steering = pat.STEERING.match(sentence, m.end())
            if m["word"].lower() != "styrgrupp" and steering:
                entity = _group_entity(reader, span.start, m, register=True)
                if entity is not None:
                    entity.facts["type"] = [
                        Fact(
                            "styrgrupp",
                            reader.ev(span.start + m.start(), span.start + steering.end()),
                        )
                    ]
                    word = sentence.lower().rindex("styrgrupp", 0, steering.end())
                    reader.steering_words.add(span.start + word)
    for span, sentence, matches in mentions:
        named = _named_spans(reader, sentence)
        for m in matches:
            if m["plural"] or span.start + m.start("word") in reader.steering_words:
                continue
            if any(a < m.end() and m.start() < b for a, b in named):
                continue  # inside a group's defined name: "Lokala brottsförebyggande rådet"
            _group_entity(reader, span.start, m, register=True)


def _named_spans(reader: Reader, text: str) -> list[tuple[int, int]]:
    """Where ``text`` names a group defined by name and abbreviation (``named_groups.py``)."""
    if not reader.named_groups:
        return []
    names = [e.get("name") for e in reader.named_group_entities]
    return [(a, b) for a, b, _ in mentions_of(text, reader.named_groups, names)]


def _read_named_groups(reader: Reader) -> None:
    """Groups defined by name and abbreviation in running text (``named_groups.py``):
    ``Rådet för trygghet och brottsprevention (RTB)``."""
    for span, sentence in reader.sentences():
        if in_references(reader, span.start):
            continue
        for group in find_named_groups(sentence):
            whole = pat.GROUP.search(group.name)
            if (whole and whole.start() == 0 and whole.end() == len(group.name)) or any(
                g.abbreviation == group.abbreviation for g in reader.named_groups
            ):
                continue
            entity, made = reader.entity("groups", group.name.lower())
            if not made:
                continue
            evidence = reader.ev(span.start + group.start, span.start + group.end)
            after = group.abbreviation_start + len(group.abbreviation) + 1
            steering = pat.STEERING.match(sentence, after)
            entity.set("name", group.name, evidence)
            entity.set("short", group.abbreviation, None)
            if steering:
                entity.set(
                    "type",
                    "styrgrupp",
                    reader.ev(span.start + group.start, span.start + steering.end()),
                )
                word = sentence.lower().rindex("styrgrupp", 0, steering.end())
                reader.steering_words.add(span.start + word)
            else:
                entity.set("type", "arbetsgrupp", evidence)
                entity.review.append(
                    "texten säger inte om gruppen är styrgrupp eller arbetsgrupp; satt till "
                    "arbetsgrupp"
                )
            entity.notes.append(f"Förkortas {group.abbreviation} i texten.")
            reader.named_groups.append(group)
            reader.named_group_entities.append(entity)


def _group_entity(reader: Reader, offset: int, m: re.Match[str], register: bool) -> Entity | None:
    """The group a ``GROUP`` match names (made if new and ``register``)."""
    word = m["word"].lower()
    word = re.sub(r"\s+", " ", word)
    kind = pat.GROUP_KINDS[word]
    named = ""
    if word == "temagrupp" and m["topic"] and not m["definite"]:
        named = f"Temagrupp {m['topic']}"
    elif (
        m["prefix"]
        and m["prefix"].strip().lower() in ("kommunens", "polisens")
        and word not in _COUNCILS  # "Kommunens trygghetsråd" is the Trygghetsrådet
    ):
        named = f"{m['prefix'].strip().capitalize()} {word}"
    if word == "styrgrupp" and not named:
        steering = [
            e for e in reader.entities if e.section == "groups" and e.get("type") == "styrgrupp"
        ]
        if steering:
            return steering[0]
    if named:
        entity, made = (
            reader.entity("groups", named.lower())
            if register
            else (reader.by_key.get(("groups", named.lower())), False)
        )
        if entity is None:
            return None
        if made:
            _absorb_unnamed(reader, entity, word)
    else:
        same = [e for e in reader.entities if e.section == "groups" and e.get("word") == word]
        if len(same) >= 1:
            return same[0]
        if not register:
            return None
        definite = "et" if word.endswith("råd") else "en"
        named = word[0].upper() + word[1:] + definite
        entity, made = reader.entity("groups", f"{word}|")
    if made:
        evidence = reader.ev(
            offset + (m.start("word") if not m["prefix"] else m.start()),
            offset + (m.end("topic") if named.startswith("Temagrupp ") else m.end("word")),
        )
        entity.set("name", named, evidence)
        entity.set("word", word, None)
        entity.set("type", kind, evidence)
        if (m["prefix"] or "").strip().lower() == "kommunens":
            entity.set("part_of", reader.municipality, None)
    return entity


_COUNCILS = ("trygghetsråd", "brottsförebyggande råd")
"""Councils: one to a municipality, so ``kommunens`` before one is not part of its name."""


def _absorb_unnamed(reader: Reader, named: Entity, word: str) -> None:
    """A group named after one was first called only by its kind: they are the same."""
    for other in [e for e in reader.entities if e.section == "groups" and e.key == f"{word}|"]:
        for name, facts in other.facts.items():
            if name not in ("name", "word"):
                for fact in facts:
                    named.set(name, fact.value, fact.evidence)
        reader.drop(other)


def groups_in(reader: Reader, offset: int, text: str) -> list[tuple[Entity, Span]]:
    """The groups found so far that ``text`` (which starts at ``offset``) names, in text
    order: by a defined name or abbreviation, or by their kind."""
    found = []
    if reader.named_groups:
        names = [e.get("name") for e in reader.named_group_entities]
        for start, end, n in mentions_of(text, reader.named_groups, names):
            found.append((reader.named_group_entities[n], Span(offset + start, offset + end)))
    named = [(s.start - offset, s.end - offset) for _, s in found]
    for m in pat.GROUP.finditer(text):
        if m["plural"] or any(a < m.end() and m.start() < b for a, b in named):
            continue
        entity = _group_entity(reader, offset, m, register=False)
        if entity is not None:
            found.append((entity, Span(offset + m.start(), offset + m.end())))
    taken = [(s.start - offset, s.end - offset) for _, s in found]
    for m in BARE_GROUP.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        entity = _bare_group(reader, m.group(0).lower())
        if entity is not None:
            found.append((entity, Span(offset + m.start(), offset + m.end())))
    found.sort(key=lambda item: item[1].start)
    return found


BARE_GROUP = re.compile(r"\b(?:[Rr]ådet|[Gg]ruppen)\b")
"""``Rådet``, ``gruppen`` alone: the one group of that kind the text names."""


def _bare_group(reader: Reader, word: str) -> Entity | None:
    """The group ``rådet`` or ``gruppen`` stands for: the only council (or the only group)
    found, else none."""
    head = "råd" if word == "rådet" else "grupp"
    candidates = [
        e
        for e in reader.entities
        if e.section == "groups"
        and (e.get("word") or e.get("name", "").split()[0].lower()).endswith(head)
    ]
    return candidates[0] if len(candidates) == 1 else None


def settle_groups(reader: Reader) -> None:
    """What only the whole text decides about groups: a group of no known kind (a
    ledningsgrupp that is not the styrgrupp) is an organisation of the municipality; a council
    not said to be the styrgrupp gets a review note; ``kommunens …`` groups are part of the
    municipality."""
    for group in [e for e in reader.entities if e.section == "groups"]:
        if not group.get("type"):
            group.section = "organisations"
            group.facts["type"] = [Fact("organisation", None)]
            group.set("part_of", reader.municipality, None)
            for name in ("members", "convener", "reports_to"):
                if name in group.facts:
                    group.notes.append(
                        f"{name}: " + ", ".join(str(v.label) for v in group.values(name))
                    )
                    del group.facts[name]
        elif group.get("word") in _COUNCILS and group.get("type") != "styrgrupp":
            group.review.append(
                "texten säger inte om rådet är styrgrupp eller arbetsgrupp; satt till arbetsgrupp"
            )
        if group.get("name", "").lower().startswith("kommunens"):
            group.set("part_of", reader.municipality, None)
