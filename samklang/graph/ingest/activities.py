"""Activities: what a plan says will be done, by whom and in which years.

An activity is an ``Åtgärd 1: …`` line (``ACTIVITY_LINE``), a list item under a heading such
as ``Aktiviteter`` (with the party of a lead line such as ``Polisen lovar att``), or a row of
an activity table whose header names its columns (``ACTIVITY_COLUMNS``). Who is responsible
and the years come from the line, the table or the lead (``actors.py``); an activity without a
year gets the document's period once the whole text is read. Which promise an activity serves
is ``promises.py``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from samklang.graph.ingest import patterns as pat
from samklang.graph.ingest.actors import resolve_actor, subject_actors
from samklang.graph.ingest.layout import Span
from samklang.graph.ingest.model import Entity
from samklang.graph.ingest.periods import PERIOD, period_of

if TYPE_CHECKING:
    from samklang.graph.ingest.reader import Reader


def read_activities(reader: Reader) -> None:
    """Activities: ``ACTIVITY_LINE`` lines, items under ``ACTIVITY_HEADINGS`` (with the
    party of a lead line such as ``Polisen lovar att``), and rows of an activity table
    (``ACTIVITY_COLUMNS``). Responsible organisations and years come from the line, the
    table or the lead; an activity without a year gets one later
    (``settle_activity_years``)."""
    for span, sentence in reader.sentences():
        if m := pat.ACTIVITY_LINE.match(sentence):
            _activity(reader, span.start + m.start("text"), m["text"], None, None)
    header: dict[str, int] | None = None
    for number, kind in reader.items_under(pat.ACTIVITY_HEADINGS):
        if kind == "row":
            row = reader.layout.rows[number]
            cells = [reader.text[c.start : c.end] for c in row.cells]
            if header is None or (
                reader.layout.kinds.get(number - 1) not in ("row", "blank")
                and not _previous_row(reader, number)
            ):
                header = _activity_header(cells)
                if header is not None:
                    continue
            if header is None or "title" not in header or header["title"] >= len(cells):
                continue
            if _activity_header(cells) is not None:
                continue
            title_cell = row.cells[header["title"]]
            responsible = (
                row.cells[header["responsible"]]
                if "responsible" in header and header["responsible"] < len(cells)
                else None
            )
            year = (
                row.cells[header["year"]]
                if "year" in header and header["year"] < len(cells)
                else None
            )
            _activity(
                reader,
                title_cell.start,
                reader.text[title_cell.start : title_cell.end],
                responsible,
                year,
            )
            continue
        start, body = reader.item_text(number)
        lead_actor = None
        heading = reader.layout.section.get(number, 0)
        if heading and (lead := pat.ACTOR_LEAD.match(reader.layout.line(heading).text)):
            line = reader.layout.line(heading)
            lead_actor = Span(line.start + lead.start("who"), line.start + lead.end("who"))
        body = re.sub(r"^att\s+", "", body)
        _activity(
            reader, start + (len(reader.layout.line(number).text) and 0), body, lead_actor, None
        )


def _previous_row(reader: Reader, number: int) -> bool:
    return reader.layout.kinds.get(number - 1) == "row" or (
        reader.layout.kinds.get(number - 1) == "blank"
        and reader.layout.kinds.get(number - 2) == "row"
    )


def _activity_header(cells: list[str]) -> dict[str, int] | None:
    found: dict[str, int] = {}
    for n, cell in enumerate(cells):
        for name, pattern in pat.ACTIVITY_COLUMNS.items():
            if name not in found and pattern.match(cell.strip()) and len(cell) < 30:
                found[name] = n
    return found if "title" in found and len(found) >= 2 else None


def activity_at(reader: Reader, start: int, text: str, lead: Span | None) -> Entity | None:
    """The activity of a list item (made if new), its party from ``lead`` if given."""
    return _activity(reader, start, text, lead, None)


def _activity(
    reader: Reader, start: int, text: str, responsible: Span | None, year: Span | None
) -> Entity | None:
    text = text.strip()
    title = re.sub(r"[\s.,;]+$", "", text)
    detail = re.search(r"\s*\((?P<inner>[^()]+)\)\s*$", title)
    detail_start = 0
    if detail:
        detail_start = start + detail.start("inner")
        inner = detail["inner"]
        title = title[: detail.start()].rstrip()
    if len(title) < 3:
        return None
    entity, made = reader.entity("activities", title.lower())
    if not made:
        return entity
    entity.set("title", title, reader.ev(start, start + len(title)))
    entity.set("document", reader.own, None)
    actors: list[tuple[int, str]] = []
    years: list[tuple[int, str]] = []
    if detail:
        position = 0
        for part in re.split(r"\s*[,;]\s*", inner):
            at = inner.index(part, position)
            position = at + len(part)
            (years if re.fullmatch(r"\d{4}(?:\s*[-–]\s*\d{4})?", part.strip()) else actors).append(
                (detail_start + at, part)
            )
    if responsible is not None:
        cell = reader.text[responsible.start : responsible.end]
        position = 0
        for part in pat.LIST_SPLIT.split(cell):
            at = cell.index(part, position)
            position = at + len(part)
            actors.append((responsible.start + at, part))
    if year is not None:
        years.append((year.start, reader.text[year.start : year.end]))
    if not actors:  # the subject of the item: "Polisen ökar närvaron …"
        for subject, span, note in subject_actors(reader, start, title):
            entity.add("responsible", subject, reader.ev(span.start, span.end))
            if note:
                entity.review.append(f"ansvarig: {note}")
    for at, part in actors:
        who, note = resolve_actor(reader, at, part)
        evidence = reader.ev(at, at + len(part))
        if who is None:
            entity.review.append(
                f"ansvarig ”{part.strip()}” ({evidence.comment()}) kunde inte knytas till en "
                "organisation"
            )
            continue
        entity.add("responsible", who, evidence)
        if note:
            entity.review.append(f"ansvarig: {note}")
    for at, part in years:
        value = part.strip()
        if m := PERIOD.fullmatch(value):
            found = period_of(m)
            if found:
                entity.set("year", found.years, reader.ev(at, at + len(part)))
        elif re.fullmatch(r"\d{4}", value):
            entity.set("year", [int(value)], reader.ev(at, at + len(part)))
    if "responsible" not in entity.facts:
        entity.doubt("responsible")
        if not any("ansvarig" in r for r in entity.review):
            entity.review.append("vem som ansvarar står inte vid aktiviteten")
    entity.doubt("goal")  # until the structure links it (promises.py)
    return entity


def settle_activity_years(reader: Reader) -> None:
    """An activity without a year of its own gets a year its title states (``under 2024``),
    else the document's period (with a review note unless the document is of one year)."""
    period = reader.own.get("period")
    for activity in [e for e in reader.entities if e.section == "activities"]:
        if "year" in activity.facts:
            continue
        if period is None:
            activity.review.append(
                "året står inte vid aktiviteten och dokumentet anger ingen period; "
                "aktiviteten kan inte skrivas utan år"
            )
            continue
        evidence = activity.facts["title"][0].evidence
        quote = evidence.quote if evidence is not None else ""
        stated = re.search(r"\b(?:under|år|i)\s+(?P<year>(?:19|20)\d\d)\b", quote)
        if stated and evidence is not None:
            at = evidence.start + stated.start("year")
            activity.set("year", [int(stated["year"])], reader.ev(at, at + 4))
            continue
        activity.set("year", period.years, None)
        if len(period.years) == 1:  # a one-year document: its activities are of that year
            continue
        activity.doubt("year")
        activity.review.append(
            "året står inte vid aktiviteten; utkastet använder dokumentets period "
            f"{period.as_yaml()}"
        )
