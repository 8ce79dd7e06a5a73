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
from samklang.graph.ingest.captions import CaptionScopes, caption_document, caption_scopes
from samklang.graph.ingest.layout import clean
from samklang.graph.ingest.literals import might_match
from samklang.graph.ingest.mentions import list_led_by_other, sentence_subject
from samklang.graph.ingest.model import Entity, Evidence, Fact

if TYPE_CHECKING:
    from samklang.graph.ingest.reader import Reader


def read_goal_areas(reader: Reader) -> None:
    """The stated number of goal areas (``GOAL_AREA_COUNT``), goal areas named in running
    text (``GOAL_AREA_NAMED``), listed after the count (``… fem målområden: a, b och c``),
    or as lines (``GOAL_AREA_LINE``)."""
    reader.last_goal_area = None
    for span, sentence, lowered in reader.sentences_lowered():
        if "målområde" not in lowered:
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
                    for e in reader.documents
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
    for doc in reader.documents:  # the owner of a count is a document (sentence_subject)
        count = doc.get("goal_area_count")
        if not count:
            continue
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
    promises (``FOCUS_LINE``, items under ``FOCUS_HEADINGS`` or after ``FOCUS_LEAD``, the
    list of a sentence that counts them, ``FOCUS_COUNT``, and the headings under a heading of
    promises, ``_focus_subheadings``). A list whose lead names another document (``… föreslås
    att åtgärdsplanen prioriterar:``), or in a part of the text about another document
    (``caption_scopes``), is not this document's. A heading that names an area is where the
    area stands (its activities follow it)."""
    scopes = caption_scopes(reader)

    def elsewhere(number: int) -> bool:
        return caption_document(scopes, number) is not None

    for span, sentence in reader.sentences():
        if elsewhere(reader.source.line_of(span.start)):
            continue
        sentence = sentence.replace("\n", " ")  # a line wrapped (a PDF's column): same offsets
        if m := pat.GOAL_LINE.match(sentence):
            objective(reader, "goals", m["text"], span.start + m.start("text"))
        if m2 := pat.FOCUS_LINE.match(sentence):
            objective(reader, "focus_areas", m2["text"], span.start + m2.start("text"))
    for number, kind in reader.items_under(pat.GOAL_HEADINGS):
        if kind == "item" and not elsewhere(number) and not _led_elsewhere(reader, number):
            start, body = reader.item_text(number)
            objective(reader, "goals", body, start)
    for number, kind in reader.items_under(pat.FOCUS_HEADINGS):
        if kind == "item" and not elsewhere(number) and not _led_elsewhere(reader, number):
            start, body = reader.item_text(number)
            objective(reader, "focus_areas", body, start)
    for span, sentence, lowered in reader.sentences_lowered():
        if not might_match(pat.FOCUS_LEAD, lowered):
            continue
        lead = pat.FOCUS_LEAD.search(sentence)
        if not lead or elsewhere(reader.source.line_of(span.start)):
            continue
        if list_led_by_other(reader, sentence[: lead.end()]) is not None:
            continue
        number = reader.source.line_of(span.end) + 1
        while number <= len(reader.layout.kinds) and reader.layout.kinds[number] in (
            "item",
            "continued",
            "blank",
        ):
            if reader.layout.kinds[number] == "item":
                start, body = reader.item_text(number)
                objective(reader, "focus_areas", body, start)
            number += 1
    _focus_counted(reader, scopes)
    _focus_subheadings(reader)
    _anchor_at_headings(reader)


def _led_elsewhere(reader: Reader, number: int) -> bool:
    """Whether the list holding item ``number`` is led by a sentence naming another document
    last (``Utifrån lägesbilden föreslås att åtgärdsplanen 2025–2027 prioriterar:``)."""
    kinds = reader.layout.kinds
    lead = number - 1
    while lead > 0 and kinds.get(lead) in ("item", "continued", "blank"):
        lead -= 1
    if lead <= 0 or kinds.get(lead) != "text":
        return False
    return list_led_by_other(reader, reader.layout.line(lead).text) is not None


def _focus_counted(reader: Reader, scopes: CaptionScopes) -> None:
    """``… tre fokusområden för planperioden: a, b samt c.`` (``FOCUS_COUNT``): the areas
    of the sentence, when there are as many as it says and it is about this document."""
    for span, sentence, lowered in reader.sentences_lowered():
        if not might_match(pat.FOCUS_COUNT, lowered):
            continue
        for m in pat.FOCUS_COUNT.finditer(sentence):
            if caption_document(scopes, reader.source.line_of(span.start)) is not None:
                continue
            if list_led_by_other(reader, sentence[: m.start("list")]) is not None:
                continue
            parts = _listed(m["list"], pat.count_value(m["count"]))
            offset = span.start + m.start("list")
            for at, part in parts:
                objective(reader, "focus_areas", part[0].upper() + part[1:], offset + at)


def _listed(text: str, count: int) -> list[tuple[int, str]]:
    """The ``count`` items of a list in a sentence, with their offsets, or none: split at
    the commas, and the last part at its ``samt`` or last ``och`` (``a, unga och narkotika
    samt b`` is two items after the comma). A list that splits otherwise (``a och b och c``)
    is not taken: which ``och`` joins items is not known."""
    chunks = re.split(r"\s*,\s*", text.strip())
    if chunks and chunks[-1]:
        last = chunks.pop()
        joined = re.split(r"\s+samt\s+", last, maxsplit=1)
        if len(joined) == 1:
            joined = re.split(r"\s+och\s+(?!.*\s+och\s+)", last, maxsplit=1)
        chunks += joined
    items = [c.strip() for c in chunks if c.strip()]
    if len(items) != count:
        return []
    found, position = [], 0
    for item in items:
        at = text.index(item, position)
        position = at + len(item)
        found.append((at, item))
    return found


_MARKDOWN_LEVEL = re.compile(r"^\s*(?P<marks>#{1,6})\s")


def _focus_subheadings(reader: Reader) -> None:
    """Markdown headings under a heading of promises or areas (``## Våra löften`` →
    ``### Tryggare Järnvägspark``): each is a promise or area, to the next heading at the
    same level or above. (Numbered ones, ``3.1`` under ``3 Prioriterade områden``, are
    ``promises.py``'s.)"""
    layout = reader.layout
    parent: int | None = None  # the level of the heading of areas we are under
    for number, kind in layout.kinds.items():
        if kind != "heading" or reader.in_notes(layout.line(number).start):
            continue
        line = layout.line(number)
        level = _MARKDOWN_LEVEL.match(line.text)
        text = clean(line.text).rstrip(":")
        if level is None:
            parent = None
            continue
        depth = len(level["marks"])
        if parent is not None and depth > parent:
            lowered = text.lower()
            if not pat.ACTIVITY_HEADINGS.match(lowered) and not pat.ACTOR_LEAD.match(text):
                objective(reader, "focus_areas", text, line.start + line.text.index(text))
            continue
        parent = depth if pat.FOCUS_HEADINGS.match(text.lower()) else None


def _anchor_at_headings(reader: Reader) -> None:
    """An area named in a sentence and again as a heading of its own (``4. Trygga offentliga
    miljöer``) stands at the heading: the title is read there, so the list under the heading
    is the area's (``promises.py``)."""
    headings = {
        clean(reader.layout.line(n).text).rstrip(":").lower(): n
        for n, kind in reader.layout.kinds.items()
        if kind == "heading"
    }
    for area in reader.entities:
        if area.section != "focus_areas" or area.get("document") is not reader.own:
            continue
        evidence = area.facts["title"][0].evidence
        number = headings.get(area.get("title").lower())
        if number is None or evidence is None or evidence.first_line == number:
            continue
        line = reader.layout.line(number)
        text = clean(line.text).rstrip(":")
        start = line.start + line.text.index(text)
        area.facts["title"] = [Fact(text, reader.ev(start, start + len(text)))]
        area.notes.append(f"Nämns också på rad {evidence.lines}.")


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
