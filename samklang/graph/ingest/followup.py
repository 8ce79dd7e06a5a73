"""Follow-up: how often a document is followed up, and in what kind of report.

A sentence with a verb of follow-up and a cadence sets the follow-up of the document it is
about (``read_follow_up``); a trygghetsbokslut named in it is the kind of report. The passive
verbs (``följs upp``, ``redovisas``) are ``FOLLOW_UP`` in ``patterns``; the active voice is
here: ``Rådet följer upp arbetet varje kvartal``, ``Vi följer upp löftena två gånger per år``,
``Arbetet återrapporteras till kommunstyrelsen i oktober``, ``Styrgruppen utvärderar planen
årligen``. A cadence may be implied rather than named: ``i samband med bokslutet`` or
``årsredovisningen`` (once a year), ``i oktober`` or ``varje höst`` (a month or season named
once: once a year), ``i samband med delårsrapporten och bokslutet`` (twice a year).

A table says what was planned, what was done and the status of each activity
(``read_table_follow_up``; the table read by ``columns.py``); statuses as people write them
(*Genomförd*, *Delvis*, *Pågår*, *Ej genomförd*, *Inställd*, *Klar*, *✓*) are ``STATUSES``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from samklang.graph.ingest import patterns as pat
from samklang.graph.ingest.groups import groups_in
from samklang.graph.ingest.literals import gate
from samklang.graph.ingest.mentions import sentence_subject, type_of
from samklang.graph.ingest.model import Entry, Fact
from samklang.graph.ingest.periods import CADENCE, cadence_of

if TYPE_CHECKING:
    from samklang.graph.ingest.reader import Reader

ACTIVE_FOLLOW_UP = re.compile(
    r"\b(?:följer|följde)\s+(?:\w+\s+){0,2}?upp\b"
    r"|\båterrapporter(?:as|ar|ades)\b"
    r"|\butvärderar\b"
    r"|\b(?:gör|genomför)\s+(?:\w+\s+)?uppföljning(?:en)?\b"
    r"|\b[Uu]ppföljning(?:en)?\s+(?:av\s+[^.]*?\s+)?(?:sker|görs|genomförs)\b"
)
"""A verb of follow-up in the active voice (or with its noun): ``följer upp``, ``följer vi
upp``, ``återrapporteras``, ``utvärderar``, ``Uppföljning av löftena görs``."""

_MONTH = (
    r"(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)"
)

IMPLIED_CADENCES: list[tuple[str, re.Pattern[str]]] = [
    (
        "P6M",
        re.compile(
            r"(?i)\b(?:delårsrapport(?:en)?|delårsbokslut(?:et)?)\s+och\s+(?:års)?(?:bokslut(?:et)?"
            r"|årsredovisning(?:en)?)\b|\bvarje\s+vår\s+och\s+höst\b"
        ),
    ),
    (
        "P1Y",
        re.compile(
            r"(?i)\bi\s+samband\s+med\s+(?:kommunens\s+)?(?:års)?(?:bokslut(?:et)?"
            r"|årsredovisning(?:en)?|verksamhetsberättelse(?:n)?)\b"
            rf"|\b(?:i|under|varje|senast\s+i)\s+{_MONTH}\b(?!\s+(?:19|20)\d\d)"
            r"|\bvarje\s+(?:höst|vår)\b"
        ),
    ),
]
"""Cadences implied by when a follow-up is made, as ISO 8601 durations; the first that fits
wins."""


def implied_cadence(sentence: str, start: int = 0) -> tuple[str, re.Match[str]] | None:
    """The cadence a follow-up sentence implies from ``start`` on, and where, else ``None``.

    >>> implied_cadence("Uppföljning görs i samband med bokslutet.")[0]
    'P1Y'
    """
    for duration, pattern in IMPLIED_CADENCES:
        if m := pattern.search(sentence, start):
            return duration, m
    return None


def read_follow_up(reader: Reader) -> None:
    """Follow-up: a sentence with a verb of follow-up (``FOLLOW_UP``) and a cadence; a
    trygghetsbokslut named in it is the kind of report. The first such sentence about a
    document sets its follow-up; later ones go into its note, except the sentence right after
    it when that one names the report (``Planen följs upp två gånger per år. Resultaten
    redovisas i ett trygghetsbokslut.``, ``Rådet följer upp arbetet varje kvartal. Arbetet
    redovisas i ett trygghetsbokslut varje år.``): its trygghetsbokslut is the kind of report,
    and the cadence stays the first sentence's."""
    previous_set: object = None  # the subject whose follow-up the previous sentence set
    words = gate((pat.FOLLOW_UP, ACTIVE_FOLLOW_UP))
    for span, sentence, lowered in reader.sentences_lowered():
        just_set, previous_set = previous_set, None
        if words is not None and not words.search(lowered):
            continue  # no verb of follow-up in it (literals.py)
        if reader.source.line_of(span.start) in reader.table_lines:
            continue  # a table's cell: the follow-up of one activity (read_table_follow_up)
        verb = pat.FOLLOW_UP.search(sentence)
        active = ACTIVE_FOLLOW_UP.search(sentence)
        if verb is None or (active is not None and active.start() < verb.start()):
            verb = active
        if verb is None:
            continue
        # A group before a passive verb is what is followed up (its work), not the
        # document; a group before an active verb is who follows the document up.
        if verb is not active and groups_in(reader, span.start, sentence[: verb.start()]):
            continue
        found = CADENCE.search(sentence, verb.end()) or CADENCE.search(sentence[: verb.start()])
        cadence: tuple[str, re.Match[str]] | None = (
            (cadence_of(found), found) if found is not None else implied_cadence(sentence)
        )
        subject = sentence_subject(reader, sentence, verb.start())
        if (
            subject is None
            or subject.section != "documents"
            or subject.get("type") == "trygghetsbokslut"
        ):
            subject = reader.own
        report = next(
            (
                m
                for m in pat.DOCUMENT_MENTION.finditer(sentence)
                if type_of(m) == "trygghetsbokslut"
            ),
            None,
        )
        if cadence is None and report is None:
            continue
        evidence = reader.ev(span.start, span.end)
        if (
            just_set is subject
            and report is not None
            and "follow_up.document_type" not in subject.facts
        ):
            subject.set(
                "follow_up.document_type",
                "trygghetsbokslut",
                reader.ev(span.start + report.start(), span.start + report.end()),
            )
            continue
        if "follow_up.cadence" in subject.facts or "follow_up.document_type" in subject.facts:
            subject.notes.append(f"Uppföljning också: {sentence.strip()} (rad {evidence.lines})")
            continue
        previous_set = subject
        if cadence is not None:
            duration, where = cadence
            subject.set(
                "follow_up.cadence",
                duration,
                reader.ev(span.start + where.start(), span.start + where.end()),
            )
        if report is not None:
            subject.set(
                "follow_up.document_type",
                "trygghetsbokslut",
                reader.ev(span.start + report.start(), span.start + report.end()),
            )


REPORT_TYPES = ("trygghetsbokslut", "uppfoljningsrapport")
"""Kinds of document that report on another's activities: their tables are entries."""

PLAN_TYPES = (
    "brottsforebyggande-plan",
    "atgardsplan",
    "medborgarlofte",
    "samverkansoverenskommelse",
    "handlingsprogram",
)
"""Kinds of document whose activities a follow-up report reports on."""


def status_of(text: str) -> str | None:
    """The status a cell states, as the vocabulary names it (``STATUSES``): ``Klar i
    oktober`` → ``genomford``, ``Delvis`` → ``delvis-genomford``, ``✓`` → ``genomford``.

    >>> status_of("Ej genomförd"), status_of("Pågår"), status_of("Flyttad till 2026")
    ('ej-genomford', 'pagaende', None)
    """
    value = text.strip().lower()
    for status, pattern in pat.STATUSES:
        if re.match(rf"(?:{pattern.pattern})(?!\w)", value):
            return status
    return None


def read_table_follow_up(reader: Reader) -> None:
    """What the tables say of each activity's follow-up (``columns.py``): its status (the
    *Status* column, or a *Genomfört* cell that is a status only: *Ja*, *Delvis*, *✓*), what
    was done (*Genomfört*, *Resultat*), what was planned when the activity has a column of its
    own (*Planerat*), and how it is followed up (*Uppföljning*, *Indikator*). In a follow-up
    report (``REPORT_TYPES``) every activity of its tables is an entry of the report, and the
    activities are of the one plan it names, which it reports on; a report of one year
    reports on that year."""
    own = reader.own
    report = own.get("type") in REPORT_TYPES
    plans = [
        e
        for e in reader.documents
        if e.section == "documents" and e is not own and e.get("type") in PLAN_TYPES
    ]
    plan = plans[0] if report and len(plans) == 1 else None
    for table in reader.tables:
        for record in table.records:
            activity = reader.record_activities.get(record.lines[0])
            if activity is None:
                continue
            status: Fact | None = None
            outcome: Fact | None = None
            for name, cell in record.cells.items():
                evidence = reader.ev_cell(cell)
                text = cell.text.strip()
                if name == "status" or (
                    name == "done" and "status" not in record.cells and len(text) <= 20
                ):
                    found = status_of(text)
                    if found is not None:
                        activity.set("status", found, evidence)
                        status = Fact(found, evidence)
                    elif name == "status":
                        activity.review.append(
                            f"statusen ”{text}” ({evidence.comment()}) är inte en känd status; "
                            "skriv planerad, pågående, genomförd, delvis genomförd, ej "
                            "genomförd eller inställd"
                        )
                    if name == "status" or found is not None:
                        continue
                if name in ("done", "planned", "follow_up"):
                    activity.set(f"description.{name}", text, evidence)
                    if name == "done":
                        outcome = Fact(text, evidence)
            if report and (status is not None or outcome is not None):
                if status is None:
                    activity.review.append(
                        "uppföljningen anger inte aktivitetens status; posten i rapporten "
                        "skrivs inte utan den"
                    )
                else:
                    own.add("entries", Entry(activity, status, outcome), status.evidence)
            if plan is not None:
                activity.facts["document"] = [Fact(plan, None)]
    if plan is not None and any(
        e.get("document") is plan for e in reader.record_activities.values()
    ):
        title = plan.facts.get("title")
        own.add("reports_on", plan, title[0].evidence if title else None)
        period = own.get("period")
        if period is not None and len(period.years) == 1:
            own.set("report_year", period.years[0], own.facts["period"][0].evidence)
