"""Activities listed under each promise or focus area, and who does them.

Citizen promises and plans often list, under each promise (``Löfte 1: …``) or numbered focus
area (``3.1 Trygghet i centrum`` under ``3 Prioriterade områden``), what will be done, as a
bullet or numbered list (a Word list too: ``docx.py`` marks its paragraphs as list items) or as
a table whose headings name its columns (``columns.py``), right under it or after a paragraph
of background (which leads no list: it does not end in a colon) or a lead line (``Det här gör
vi:``, ``Polisen lovar att:``); a list after another lead (``Så mäter vi:``) is not
activities. Such an activity serves the promise it is listed under. The link is
made only when the structure shows it for **every** promise of the document: when one promise
has no list of its own, the lists are about the promises together (``Det här gör vi``, after
all the promises) and no activity is linked — the draft marks ``goal`` for review instead.

Who does an activity is read from the lead line (``Polisen lovar att:``) or from the item's
subject (``actors.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from samklang.graph.ingest import patterns as pat
from samklang.graph.ingest.activities import activity_at, record_activity
from samklang.graph.ingest.columns import Record
from samklang.graph.ingest.goals import objective
from samklang.graph.ingest.layout import Span, clean
from samklang.graph.ingest.model import Entity

if TYPE_CHECKING:
    from samklang.graph.ingest.reader import Reader

NUMBERED = re.compile(r"^\s*(?P<number>\d{1,2}(?:\.\d{1,2})*)\.?\s+(?=[A-ZÅÄÖ])")
"""A numbered heading: ``3 Prioriterade områden``, ``3.1 Trygghet i centrum``."""


LEADS_LIST = re.compile(r":\s*$")
"""A line that leads the list after it (``Indikatorer:``, ``Så följer vi upp:``); a paragraph
that ends otherwise is background, and leads no list."""


@dataclass
class _Block:
    """The lines under one promise or focus area: from its line to the next one's."""

    focus: Entity
    line: int
    level: int  # depth of a numbered heading (``3.1``: 2); 0 for a ``Löfte 1:`` line
    items: list[tuple[int, Span | None, Record | None]]  # item line, lead actor, table record


def read_numbered_focus_areas(reader: Reader) -> None:
    """Numbered headings under a numbered heading of prioritised areas: ``3 Prioriterade
    områden`` → ``3.1 Trygghet i centrum``, ``3.2 …`` are focus areas."""
    layout = reader.layout
    parent: tuple[str, bool] | None = None  # (number, is a heading of focus areas)
    for number, kind in layout.kinds.items():
        if kind != "heading" or reader.in_notes(layout.line(number).start):
            continue
        line = layout.line(number)
        m = NUMBERED.match(line.text)
        if not m:
            continue
        text = clean(line.text).rstrip(":")
        if "." not in m["number"]:
            parent = (m["number"], bool(pat.FOCUS_HEADINGS.match(text.lower())))
            continue
        if parent and parent[1] and m["number"].split(".")[0] == parent[0]:
            start = line.start + line.text.index(text)
            objective(reader, "focus_areas", text, start)


def read_promise_activities(reader: Reader) -> None:
    """Activities in the list under each promise, linked to it (see the module's text)."""
    blocks = _blocks(reader)
    if not blocks or any(not block.items for block in blocks):
        return
    for block in blocks:
        for number, lead, record in block.items:
            if record is not None:
                activity = record_activity(reader, record)
            else:
                start, body = reader.item_text(number)
                if infinitive := re.match(r"att\s+", body):
                    start, body = start + infinitive.end(), body[infinitive.end() :]
                activity = activity_at(reader, start, body, lead)
            if activity is not None:
                activity.add("goal", block.focus, None)
                activity.settle("goal")


def _blocks(reader: Reader) -> list[_Block]:
    layout = reader.layout
    anchors: dict[int, Entity] = {}
    for focus in reader.entities:
        if focus.section != "focus_areas" or focus.get("document") is not reader.own:
            continue
        evidence = focus.facts["title"][0].evidence
        if evidence is None:
            continue
        if layout.kinds.get(evidence.first_line) in ("heading", "text"):
            anchors[evidence.first_line] = focus
    lines = sorted(anchors)
    records = {r.lines[0]: r for table in reader.tables for r in table.records}
    blocks = []
    for i, line in enumerate(lines):
        numbered = NUMBERED.match(layout.line(line).text)
        level = numbered["number"].count(".") + 1 if numbered else 0
        end = lines[i + 1] if i + 1 < len(lines) else len(layout.kinds) + 1
        block = _Block(anchors[line], line, level, [])
        lead: Span | None = None
        accepting = True
        for number in range(line + 1, end):
            kind = layout.kinds[number]
            text = layout.line(number).text
            if kind == "heading" and _ends_block(text, level):
                break
            if kind in ("blank", "continued"):  # a wrapped item's line: the item's
                continue
            if kind == "item":
                if accepting:
                    block.items.append((number, lead, None))
                continue
            if number in reader.table_lines:  # a table of activities: its headings say so
                if number in records:
                    block.items.append((number, None, records[number]))
                continue
            heading = clean(text).lower().rstrip(":").strip()
            if m := pat.ACTOR_LEAD.match(text):
                start = layout.line(number).start
                lead, accepting = Span(start + m.start("who"), start + m.end("who")), True
            elif pat.ACTIVITY_HEADINGS.match(heading):
                lead, accepting = None, True
            elif kind == "text" and not LEADS_LIST.search(text):
                # background (``Otryggheten är störst kring resecentrum.``): it leads no list,
                # so the list after it is the area's, with no party of its own
                lead, accepting = None, True
            else:  # the lead of another list (``Så mäter vi:``, indicators): not activities
                lead, accepting = None, False
        blocks.append(block)
    return blocks


def _ends_block(text: str, level: int) -> bool:
    """A heading that closes a promise's block: one that is not about its activities, or a
    numbered heading at the promise's level or above."""
    heading = clean(text).lower().rstrip(":").strip()
    if pat.ACTIVITY_HEADINGS.match(heading) or pat.ACTOR_LEAD.match(text):
        return False
    numbered = NUMBERED.match(text)
    if level and numbered:
        return numbered["number"].count(".") + 1 <= level
    return True
