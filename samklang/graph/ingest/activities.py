"""Activities: what a plan says will be done, by whom and in which years.

An activity is an ``Åtgärd 1: …`` line (``ACTIVITY_LINE``), a list item under a heading such
as ``Aktiviteter`` (with the party of a lead line such as ``Polisen lovar att``), or a record
of a table whose headings name its columns (``columns.py``): the title (*Åtgärd*,
*Aktivitet*), who is responsible (*Vem*, *Ansvarig*), the years (*När*, *År*), the goal it
serves (*Operativa mål*, *Mål*) and the cause or problem it addresses (*Orsak*). Who is
responsible and the years come from the line, the table or the lead (``actors.py``); an
activity without a year gets the document's period once the whole text is read. Which promise
an activity serves is ``promises.py``; what a follow-up table says of it, ``followup.py``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from samklang.graph.ingest import patterns as pat
from samklang.graph.ingest.actors import resolve_actor, subject_actors
from samklang.graph.ingest.columns import Cell, Record
from samklang.graph.ingest.goals import objective
from samklang.graph.ingest.layout import Span
from samklang.graph.ingest.model import Entity
from samklang.graph.ingest.periods import PERIOD, YEAR, period_of

if TYPE_CHECKING:
    from samklang.graph.ingest.reader import Reader

RESPONSIBLE_SPLIT = re.compile(r"\s*[,;/]\s*|(?<!-)\s+(?:och|samt|&|\+)\s+")
"""Between the organisations of a cell of responsible parties: ``Socialnämnden, Polisen``,
``Kommunen och polisen``; not in ``Miljö- och byggnämnden``."""

CELL_REFERENCE = re.compile(
    r"(?i)^(?:(?P<word>mål|delmål|effektmål|löfte|fokusområde|område|målområde)\s*)?"
    r"(?P<number>\d{1,2}(?:\.\d{1,2})?)\.?$"
)
"""A cell naming a goal or promise by its number: ``Mål 2``, ``2``, ``3.1``."""


def read_activities(reader: Reader) -> None:
    """Activities: ``ACTIVITY_LINE`` lines, items under ``ACTIVITY_HEADINGS`` (with the
    party of a lead line such as ``Polisen lovar att``), and the records of tables whose
    headings name a title column (``columns.py``). Responsible organisations and years come
    from the line, the table or the lead; an activity without a year gets one later
    (``settle_activity_years``)."""
    for span, sentence in reader.sentences():
        # a line wrapped (a PDF's column) is one line: the same offsets, the line end a space
        if m := pat.ACTIVITY_LINE.match(sentence.replace("\n", " ")):
            start = span.start + m.start("text")
            _activity(reader, reader.cell(start, start + len(m["text"])), [], [])
    for table in reader.tables:
        for record in table.records:
            record_activity(reader, record)
    for number, kind in reader.items_under(pat.ACTIVITY_HEADINGS):
        if kind != "item":
            continue  # a table's rows are its records, read above
        start, body = reader.item_text(number)
        lead_actors: list[Cell] = []
        if (lead := list_lead(reader, number)) is not None:
            lead_actors = reader.cell(lead.start, lead.end).parts(pat.LIST_SPLIT)
        if infinitive := re.match(r"att\s+", body):  # under "Polisen lovar att"
            start, body = start + infinitive.end(), body[infinitive.end() :]
        _activity(reader, reader.cell(start, start + len(body)), lead_actors, [])


def list_lead(reader: Reader, number: int) -> Span | None:
    """Who the lead line of list item ``number``'s list names (``ACTOR_LEAD``): the line
    right before the list (``Polisen ska:``, ``Kommunen lovar att``), a heading or a line of
    text, else the heading the item is under. Each party's list under one heading (``Så gör
    vi`` / ``Polisen ska:`` / … / ``Kommunen ska:`` / …) is that party's."""
    kinds = reader.layout.kinds
    before = number - 1
    while before > 0 and kinds.get(before) in ("item", "continued", "blank"):
        before -= 1
    heading = reader.layout.section.get(number, 0)
    for candidate in (before, heading):
        if candidate <= 0 or kinds.get(candidate) not in ("heading", "text"):
            continue
        line = reader.layout.line(candidate)
        if m := pat.ACTOR_LEAD.match(line.text):
            return Span(line.start + m.start("who"), line.start + m.end("who"))
    return None


def activity_at(reader: Reader, start: int, text: str, lead: Span | None) -> Entity | None:
    """The activity of a list item (made if new), its party from ``lead`` if given."""
    actors = reader.cell(lead.start, lead.end).parts(pat.LIST_SPLIT) if lead is not None else []
    return _activity(reader, reader.cell(start, start + len(text)), actors, [])


def record_activity(reader: Reader, record: Record) -> Entity | None:
    """The activity of a table's record (made if new): its title, who is responsible, the
    years, the goal it serves and the cause or problem it addresses, as its cells say."""
    title = record.get("title")
    if title is None:
        return None
    if (known := reader.record_activities.get(record.lines[0])) is not None:
        return known  # read already, under its promise (promises.py)
    responsible = record.get("responsible")
    year = record.get("year")
    activity = _activity(
        reader,
        title,
        responsible.parts(RESPONSIBLE_SPLIT) if responsible is not None else [],
        [year] if year is not None else [],
    )
    if activity is None:
        return None
    reader.record_activities[record.lines[0]] = activity
    if (goal := record.get("goal")) is not None:
        _record_goal(reader, activity, goal)
    if (cause := record.get("cause")) is not None:
        _record_cause(reader, activity, cause)
    return activity


def _record_goal(reader: Reader, activity: Entity, cell: Cell) -> None:
    """The goal a record's cell names: a goal or promise of the document, by its number
    (``Mål 2``) or its title, else a goal of the document stated in the cell."""
    evidence = reader.ev_cell(cell)
    text = re.sub(r"[\s.,;]+$", "", cell.text.strip())
    targets = [e for e in reader.entities if e.section in ("goals", "focus_areas", "goal_areas")]
    goal: Entity | None = None
    if m := CELL_REFERENCE.match(text):
        goal = next((e for e in targets if _numbered(reader, e, m["number"])), None)
    if goal is None:
        goal = next((e for e in targets if str(e.get("title", "")).lower() == text.lower()), None)
    if goal is None:
        if CELL_REFERENCE.match(text):
            activity.review.append(
                f"målet ”{text}” ({evidence.comment()}) hittades inte bland dokumentets mål"
            )
            return
        goal = objective(reader, "goals", text, cell.span.start, evidence)
    if goal is not None:
        activity.add("goal", goal, evidence)
        activity.settle("goal")


def _numbered(reader: Reader, entity: Entity, number: str) -> bool:
    """Whether a goal or promise is written with ``number`` (``Mål 2: …``, ``2. …``)."""
    evidence = entity.facts["title"][0].evidence
    if evidence is None:
        return False
    line = reader.layout.line(evidence.first_line).text
    return bool(re.match(rf"^\W*(?:[A-ZÅÄÖa-zåäö]+\s+)?{re.escape(number)}\s*[:.)–-]?\s", line))


def _record_cause(reader: Reader, activity: Entity, cell: Cell) -> None:
    """The cause a record's cell names (Brå's *Orsak*): a risk or protective factor of the
    vocabulary when the cell names one, else a problem of the document stated in the cell."""
    from samklang.ontology.vocabulary import vocabularies

    evidence = reader.ev_cell(cell)
    text = re.sub(r"[\s.,;]+$", "", cell.text.strip())
    if len(text) < 3:
        return
    try:
        factor = vocabularies().lookup("factor", text)
    except LookupError:
        factor = None
    if factor is not None:
        activity.add("factors", factor.value.rsplit("/", 1)[-1], evidence)
        return
    problem, made = reader.entity("problems", text.lower())
    if made:
        problem.set("title", text, evidence)
        problem.set("identified_in", reader.own, None)
    activity.add("problems", problem, evidence)


def _activity(
    reader: Reader, title_cell: Cell, actors: list[Cell], years: list[Cell]
) -> Entity | None:
    """The activity titled ``title_cell`` (made if new), with who is responsible and the
    years: ``actors`` and ``years`` given (parts of a cell, a lead line), or written in
    parentheses after the title (``Fältassistenter (Socialnämnden, 2025)``), else the subject
    of the title (``Polisen ökar …``)."""
    text = title_cell.text
    title = re.sub(r"[\s.,;]+$", "", text.strip())
    lead = len(text) - len(text.lstrip())
    actors, years = list(actors), list(years)
    if detail := re.search(r"\s*\((?P<inner>[^()]+)\)\s*$", title):
        inner = detail["inner"]
        title = title[: detail.start()].rstrip()
        position = 0
        for part in re.split(r"\s*[,;]\s*", inner):
            at = inner.index(part, position)
            position = at + len(part)
            start = lead + detail.start("inner") + at
            where = title_cell.sub(start, start + len(part))
            is_year = re.fullmatch(r"\d{4}(?:\s*[-–]\s*\d{4})?", part.strip())
            (years if is_year else actors).append(where)
    title = title.strip()
    if len(title) < 3:
        return None
    entity, made = reader.entity("activities", title.lower())
    if not made:
        return entity
    named = title_cell.sub(lead, lead + len(title))
    entity.set("title", title, reader.ev_cell(named))
    entity.set("document", reader.own, None)
    if not actors and len(named.pieces) == 1:  # the subject of the item: "Polisen ökar …"
        for subject, span, note in subject_actors(reader, named.pieces[0].start, title):
            entity.add("responsible", subject, reader.ev(span.start, span.end))
            if note:
                entity.review.append(f"ansvarig: {note}")
    for part in actors:
        who, note = resolve_actor(reader, part.pieces[0].start, part.text)
        evidence = reader.ev_cell(part)
        if who is None:
            entity.review.append(
                f"ansvarig ”{part.text.strip()}” ({evidence.comment()}) kunde inte knytas "
                "till en organisation"
            )
            continue
        entity.add("responsible", who, evidence)
        if note:
            entity.review.append(f"ansvarig: {note}")
    for part in years:
        found = _years(part.text)
        if found:
            entity.set("year", found, reader.ev_cell(part))
    if "responsible" not in entity.facts:
        entity.doubt("responsible")
        if not any("ansvarig" in r for r in entity.review):
            entity.review.append("vem som ansvarar står inte vid aktiviteten")
    entity.doubt("goal")  # until the structure links it (promises.py, a table's goal column)
    return entity


def _years(text: str) -> list[int]:
    """The years a cell or a note in parentheses names: a period (``2025–2026``,
    ``2024/25``), or every year written (``Hösten 2025``, ``2025, 2026``, ``juni 2025 och
    juni 2026``); none for ``Löpande``."""
    value = text.strip()
    if m := PERIOD.fullmatch(value):
        found = period_of(m)
        if found:
            return list(found.years)
    if m := PERIOD.search(value):
        found = period_of(m)
        if found and len(found.years) > 1:
            return list(found.years)
    years = sorted({int(y) for y in re.findall(rf"(?<!\d){YEAR}(?!\d)", value)})
    if len(years) > 1:
        return list(range(years[0], years[-1] + 1))
    return years


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
