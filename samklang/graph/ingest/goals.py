"""Goal areas, goals and focus areas: what a plan says it aims at.

A plan states how many goal areas it has and names them in running text, in a list after the
count or as lines of their own; goals and prioritised areas (or promises) are lines
(``Mål: …``) or the list items under a heading such as ``Mål`` or ``Prioriterade områden``.
Activities and what they serve are ``activities.py`` and ``promises.py``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from samklang.graph.ingest import patterns as pat
from samklang.graph.ingest.documents import sentence_subject
from samklang.graph.ingest.model import Entity, Evidence

if TYPE_CHECKING:
    from samklang.graph.ingest.reader import Reader


def read_goal_areas(reader: Reader) -> None:
    """The stated number of goal areas (``GOAL_AREA_COUNT``), goal areas named in running
    text (``GOAL_AREA_NAMED``), listed after the count (``… fem målområden: a, b och c``),
    or as lines (``GOAL_AREA_LINE``)."""
    reader.last_goal_area = None
    for span, sentence in reader.sentences():
        if "målområde" not in sentence.lower():
            continue  # what follows looks for the word; most sentences lack it
        owner = sentence_subject(reader, sentence, len(sentence)) or reader.own
        for m in pat.GOAL_AREA_COUNT.finditer(sentence):
            owner = sentence_subject(reader, sentence, m.start()) or reader.own
            owner.set(
                "goal_area_count",
                pat.count_value(m["count"]),
                reader.ev(span.start + m.start(), span.start + m.end()),
            )
            rest = sentence[m.end() :]
            if listed := re.match(r"\s*:\s*(?P<list>[^.]+)", rest):
                offset = span.start + m.end() + listed.start("list")
                position = 0
                for part in pat.LIST_SPLIT.split(listed["list"]):
                    at = listed["list"].index(part, position)
                    position = at + len(part)
                    if part.strip():
                        _goal_area(
                            reader,
                            part.strip(),
                            owner,
                            reader.ev(offset + at, offset + at + len(part)),
                        )
        for m in pat.GOAL_AREA_NAMED.finditer(sentence):
            holder = owner
            if holder is reader.own and reader.own.get("type") != "handlingsprogram":
                programmes = [
                    e
                    for e in reader.entities
                    if e.section == "documents" and e.get("type") == "handlingsprogram"
                ]
                holder = programmes[0] if programmes else reader.own
            _goal_area(
                reader,
                m["title"],
                holder,
                reader.ev(span.start + m.start("title"), span.start + m.end("title")),
            )
        if m2 := pat.GOAL_AREA_LINE.match(sentence):
            _goal_area(
                reader,
                m2["title"],
                reader.own,
                reader.ev(span.start + m2.start("title"), span.start + m2.end("title")),
            )
    for doc in reader.entities:
        count = doc.get("goal_area_count")
        named = [
            e for e in reader.entities if e.section == "goal_areas" and e.get("document") is doc
        ]
        if count and named and len(named) != count:
            doc.notes.append(
                f"Texten anger {count} målområden och namnger {len(named)}: "
                + ", ".join(e.get("title") for e in named)
                + "."
            )


def _goal_area(reader: Reader, title: str, owner: Entity, evidence: Evidence) -> None:
    title = title.strip()
    title = title[0].upper() + title[1:]
    entity, made = reader.entity("goal_areas", title.lower())
    if made:
        entity.set("title", title, evidence)
        entity.set("document", owner, None)
    reader.last_goal_area = entity


def read_goals_and_focus_areas(reader: Reader) -> None:
    """Goals (``GOAL_LINE``, items under ``GOAL_HEADINGS``) and prioritised areas or
    promises (``FOCUS_LINE``, items under ``FOCUS_HEADINGS`` or after ``FOCUS_LEAD``)."""
    for span, sentence in reader.sentences():
        if m := pat.GOAL_LINE.match(sentence):
            objective(reader, "goals", m["text"], span.start + m.start("text"))
        if m2 := pat.FOCUS_LINE.match(sentence):
            objective(reader, "focus_areas", m2["text"], span.start + m2.start("text"))
    for number, kind in reader.items_under(pat.GOAL_HEADINGS):
        if kind == "item":
            start, body = reader.item_text(number)
            objective(reader, "goals", body, start)
    for number, kind in reader.items_under(pat.FOCUS_HEADINGS):
        if kind == "item":
            start, body = reader.item_text(number)
            objective(reader, "focus_areas", body, start)
    for span, sentence in reader.sentences():
        if not pat.FOCUS_LEAD.search(sentence):
            continue
        number = reader.source.line_of(span.end) + 1
        while number <= len(reader.layout.kinds) and reader.layout.kinds[number] in (
            "item",
            "blank",
        ):
            if reader.layout.kinds[number] == "item":
                start, body = reader.item_text(number)
                objective(reader, "focus_areas", body, start)
            number += 1


def objective(
    reader: Reader, section: str, text: str, start: int, evidence: Evidence | None = None
) -> Entity | None:
    """A goal or focus area (``section``) of the plan titled ``text``, made if new; read at
    ``start``, or from ``evidence`` when given (a table's cell, which may wrap over lines)."""
    text = re.sub(r"[\s.,;]+$", "", text.strip())
    if len(text) < 3:
        return None
    entity, made = reader.entity(section, text.lower())
    if made:
        entity.set("title", text, evidence or reader.ev(start, start + len(text)))
        entity.set("document", reader.own, None)
        if section == "focus_areas":
            entity.set("prioritised", True, None)
    return entity
