"""What the text says of a group: its members (``MEMBERS``), who convenes it (``CONVENER``),
whom it reports to (``REPORTS_TO``), and the document (``OWNS``) or goal area
(``GOAL_AREA_GROUP``) it carries.

A sentence that names no group is read as about the group its section's heading names, if it
says who convenes or who sits in it. Members, conveners and whom a group reports to are
organisations or other groups (``actors.py``); a member or convener that cannot be told is
marked for review.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from samklang.graph.ingest import patterns as pat
from samklang.graph.ingest.actors import SERVICE, resolve_actor
from samklang.graph.ingest.groups import groups_in
from samklang.graph.ingest.layout import Span
from samklang.graph.ingest.literals import gate
from samklang.graph.ingest.mentions import document_at
from samklang.graph.ingest.model import Entity

if TYPE_CHECKING:
    from samklang.graph.ingest.reader import Reader


_HEADING_SAYS = re.compile(r"(?i)sammankallande|ingår|består\s+av")
"""A sentence naming no group that says this is about the group its heading names."""


def read_group_relations(reader: Reader) -> None:
    """Members (``MEMBERS``), convener (``CONVENER``), whom a group reports to
    (``REPORTS_TO``), and the group that carries a document (``OWNS``) or a goal area
    (``GOAL_AREA_GROUP``)."""
    patterns = [*pat.MEMBERS, *pat.CONVENER, pat.REPORTS_TO, pat.OWNS, pat.GOAL_AREA_GROUP]
    words = gate(tuple(patterns))  # what a sentence must hold for any to match (literals.py)
    for span, sentence, lowered in reader.sentences_lowered():
        if words is not None and not words.search(lowered):
            continue
        if not any(pattern.search(sentence) for pattern in patterns):
            continue  # nothing below would match: spare looking for groups
        groups = groups_in(reader, span.start, sentence)
        if not groups:
            if not _HEADING_SAYS.search(sentence):
                continue
            heading = reader.layout.section.get(reader.source.line_of(span.start), 0)
            if heading:
                line = reader.layout.line(heading)
                groups = groups_in(reader, line.start, line.text)
            if not groups:
                continue

        def before(
            position: int, groups: list[tuple[Entity, Span]] = groups, at: int = span.start
        ) -> Entity | None:
            earlier = [g for g, s in groups if s.start - at < position]
            return earlier[-1] if earlier else groups[0][0]

        def after(
            position: int, groups: list[tuple[Entity, Span]] = groups, at: int = span.start
        ) -> Entity | None:
            later = [g for g, s in groups if s.start - at >= position]
            return later[0] if later else before(position, groups, at)

        for pattern in pat.MEMBERS:
            for m in pattern.finditer(sentence):
                group = before(m.start())
                if group is None:
                    continue
                _add_members(reader, group, span.start + m.start("list"), m["list"])
        for n, pattern in enumerate(pat.CONVENER):
            for m in pattern.finditer(sentence):
                group = after(m.end()) if n == 0 else before(m.start())
                if group is None:
                    continue
                who, note = resolve_actor(reader, span.start + m.start("who"), m["who"])
                evidence = reader.ev(span.start + m.start("who"), span.start + m.end())
                if who is None or who is group:
                    group.review.append(
                        f"sammankallande ”{m['who'].strip()}” ({evidence.comment()}) "
                        "kunde inte knytas till en organisation"
                    )
                    continue
                group.set("convener", who, evidence)
                if note:
                    group.review.append(f"sammankallande: {note} ({evidence.comment()})")
        for m in pat.REPORTS_TO.finditer(sentence):
            group = before(m.start())
            if group is None or not any(s.start - span.start < m.start() for _, s in groups):
                continue
            target, _ = resolve_actor(reader, span.start + m.start("target"), m["target"])
            if target is not None and target is not group:
                group.set(
                    "reports_to", target, reader.ev(span.start + m.start(), span.start + m.end())
                )
        for m in pat.OWNS.finditer(sentence):
            group = before(m.start())
            rest = sentence[m.end() :]
            refers = document_at(reader, span.start + m.end(), rest)
            if group is not None and refers is not None:
                refers.set(
                    "owning_group",
                    group,
                    reader.ev(span.start + m.start(), span.start + m.end() + 20),
                )
        for m in pat.GOAL_AREA_GROUP.finditer(sentence):
            group = after(m.end())
            if group is not None and reader.last_goal_area is not None:
                reader.last_goal_area.set(
                    "owning_group", group, reader.ev(span.start + m.start(), span.end)
                )


def _add_members(reader: Reader, group: Entity, offset: int, listed: str) -> None:
    """The members a list names (``MEMBERS``): organisations, groups, parts of the
    municipality (``socialtjänsten``, ``kommunledningen``: the municipality, noted), all the
    municipalities for ``kommunernas …``, and the owner of the item before for a bare word
    that shares its genitive (``kommunens socialtjänst, skola och fritid``). A person named by
    a role (``kommundirektören``, ``PERSON_ROLE``) is not an organisation and is left for
    review."""
    position = 0
    owners: list[Entity] = []  # whose the items are, when an item began with a genitive
    for part in pat.LIST_SPLIT.split(listed):
        at = listed.index(part, position) if part else position
        position = at + len(part)
        if not part.strip():
            continue
        evidence = reader.ev(offset + at, offset + at + len(part))
        stripped = part.strip()
        if pat.PERSON_ROLE.match(stripped):
            group.review.append(
                f"”{stripped}” ({evidence.comment()}) är en person i en roll, inte en "
                "organisation; skriv organisationen som medlem om den är det"
            )
            owners = []
            continue
        members, note = _members_of(reader, offset + at, part)
        if members and re.match(r"(?i)(?:kommunens|kommunernas|polisens)\s", stripped):
            owners = members
        elif members:
            owners = []
        elif owners and re.fullmatch(r"[a-zåäö-]+(?:\s+[a-zåäö-]+)?", stripped):
            members, note = owners, f"”{stripped}” hör till samma organisation som före"
        members = [m for m in members if m is not group]
        if not members:
            group.review.append(
                f"medlemmen ”{stripped}” ({evidence.comment()}) kunde inte knytas till en "
                "organisation"
            )
            continue
        for member in members:
            group.add("members", member, evidence)
        if note:
            group.review.append(f"medlem: {note}")


def _members_of(reader: Reader, offset: int, part: str) -> tuple[list[Entity], str]:
    """The organisations one item of a member list stands for, and a note if inferred."""
    stripped = part.strip()
    if re.match(r"(?i)(?:de\s+\w+\s+)?kommunerna(?:s)?\b", stripped):
        municipalities = [reader.municipality] + [
            e
            for e in reader.entities
            if e.section == "organisations" and re.search(r"\s(?:kommun|stad)$", e.get("name", ""))
        ]
        if len(municipalities) >= 2:
            return municipalities, f"”{stripped}”: var och en av kommunerna"
        return [], ""
    member, note = resolve_actor(reader, offset, part)
    if member is not None:
        return [member], note
    if m := SERVICE.match(stripped) or pat.MUNICIPAL_UNITS.match(stripped):
        return [reader.municipality], f"”{m[0]}” är en del av kommunen; satt till kommunen"
    return [], ""
