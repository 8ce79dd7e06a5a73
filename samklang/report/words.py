"""What every report format shares: its words in Swedish and English, and how it groups and counts.

The formats differ in markup, not in content: each shows the findings in the order a planner
reads them (``samklang.queries.check.reading_order``), in sections by rule group — legal
obligations, decision and validity, the red thread, follow-up, coverage, references — and then
the questions; counts the open defects per severity and the questions apart (an accepted
finding is shown, marked as accepted, but not counted as open), names the facts a rule found,
and says where in the dataset's files the finding's focus is written.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath
from typing import TYPE_CHECKING

from samklang.queries.rule import GROUPS, SEVERITIES

if TYPE_CHECKING:
    from samklang.queries.finding import Finding
    from samklang.queries.history import LeftOut

WORDS: dict[str, dict[str, str]] = {
    "sv": {
        "error": "fel",
        "warning": "varning",
        "info": "info",
        "errors": "fel",
        "warnings": "varningar",
        "infos": "info",
        "Error": "Fel",
        "Warning": "Varning",
        "Info": "Info",
        "Errors": "Fel",
        "Warnings": "Varningar",
        "Infos": "Info",
        "rule": "Regel",
        "severity": "Allvar",
        "concerns": "Gäller",
        "message": "Vad som inte stämmer",
        "fix": "Åtgärd",
        "none": "Inga fynd: planeringen hänger ihop enligt reglerna.",
        "summary": "{n} fynd ({counts}) per {as_of}.",
        "summary_one": "1 fynd ({counts}) per {as_of}.",
        "first": "Först: {first}.",
        "question": "fråga",
        "questions": "frågor",
        "Question": "Fråga",
        "Questions": "Frågor",
        "section_law": "Lagkrav",
        "section_validity": "Beslut och giltighet",
        "section_thread": "Den röda tråden",
        "section_followup": "Uppföljning",
        "section_coverage": "Täckning och balans",
        "section_references": "Hänvisningar",
        "section_questions": "Frågor att besvara",
        "items": "Gäller",
        "left_out": "Dokument som inte fanns per {as_of} och därför inte granskas: {documents}.",
        "graphs_checked": "Granskade grafer på {endpoint}: {graphs}.",
        "default_graph_checked": "Granskat: standardgrafen på {endpoint}.",
        "left_out_decided": "beslutat {date}",
        "left_out_signed": "undertecknat {date}",
        "left_out_period": "perioden börjar {date}; inget beslutsdatum är registrerat",
        "verdicts_skipped": (
            "samklang: bedömningarna av om målen nås kan inte läggas till i en SPARQL-slutpunkt "
            "som bara läses, så {rules} kördes inte. Granska datasetens mappar, eller en databas "
            "som byggts med 'samklang load' (--store), för att få med dem."
        ),
        "verdicts_skipped_query": (
            "samklang: bedömningarna av om målen nås kan inte läggas till i en SPARQL-slutpunkt "
            "som bara läses, så frågan hittar inga. Ställ den mot datasetens mappar, eller mot "
            "en databas som byggts med 'samklang load' (--store)."
        ),
        "legend_question": (
            "En uppgift som inte är registrerad: ingenting visar att den saknas, men den behövs "
            "för granskningen. Räknas inte som fel."
        ),
        "accepted": "accepterat",
        "accepted_plural": "accepterade",
        "Accepted": "Accepterat",
        "Accepted_plural": "Accepterade",
        "accepted_by": "Accepterat av {by} ({date}): {reason}",
        "kicker": "Granskning av den brottsförebyggande planeringen",
        "report_title": "{name} – granskning av den brottsförebyggande planeringen {as_of}",
        "report_title_anonymous": "Granskning av den brottsförebyggande planeringen {as_of}",
        "unnamed": "Datasetet",
        "code": "Kommunkod",
        "as_of": "Referensdatum",
        "findings": "Fynd",
        "open": "Öppna",
        "overview": "Sammanfattning",
        "per_section": "Fynd per avsnitt och allvarlighetsgrad",
        "section": "Avsnitt",
        "document": "Dokument",
        "total": "Totalt",
        "details": "Fynden, avsnitt för avsnitt",
        "why": "Varför det spelar roll",
        "how": "Så åtgärdar du det",
        "facts": "Underlag",
        "focus": "Gäller",
        "where": "Var i datasetet",
        "read_basis": "Läs grunden",
        "basis": "Grund",
        "generated": "Skapad med samklang {version} ({rules} regler). Fynden gäller läget {as_of}.",
        "legend": "Allvarlighetsgrader",
        "legend_error": "Något som planeringen, eller redovisningen av den, måste ha saknas.",
        "legend_warning": "Något som brukar visa på en lucka men kan ha ett skäl.",
        "legend_info": "Värt att titta på; sällan fel i sig.",
        "legend_accepted": (
            "En planerare har godtagit fyndet med ett skäl; det visas men räknas inte som öppet."
        ),
        "contents": "Innehåll",
        "count_findings": "{n} fynd",
    },
    "en": {
        "error": "error",
        "warning": "warning",
        "info": "info",
        "errors": "errors",
        "warnings": "warnings",
        "infos": "info",
        "Error": "Error",
        "Warning": "Warning",
        "Info": "Info",
        "Errors": "Errors",
        "Warnings": "Warnings",
        "Infos": "Info",
        "rule": "Rule",
        "severity": "Severity",
        "concerns": "Concerns",
        "message": "What does not fit",
        "fix": "Fix",
        "none": "No findings: the planning hangs together by the rules.",
        "summary": "{n} findings ({counts}) as of {as_of}.",
        "summary_one": "1 finding ({counts}) as of {as_of}.",
        "first": "First: {first}.",
        "question": "question",
        "questions": "questions",
        "Question": "Question",
        "Questions": "Questions",
        "section_law": "Legal obligations",
        "section_validity": "Decision and validity",
        "section_thread": "The red thread",
        "section_followup": "Follow-up",
        "section_coverage": "Coverage and balance",
        "section_references": "References",
        "section_questions": "Questions to answer",
        "items": "Concerns",
        "graphs_checked": "Graphs checked at {endpoint}: {graphs}.",
        "default_graph_checked": "Checked: the default graph of {endpoint}.",
        "left_out": "Documents that did not exist on {as_of} and are therefore not checked: "
        "{documents}.",
        "left_out_decided": "decided {date}",
        "left_out_signed": "signed {date}",
        "left_out_period": "its period starts {date}; no date of decision is recorded",
        "verdicts_skipped": (
            "samklang: the verdicts on whether the goals are met cannot be added to a SPARQL "
            "endpoint that is only read, so {rules} did not run. Check the dataset folders, or a "
            "store built with 'samklang load' (--store), to include them."
        ),
        "verdicts_skipped_query": (
            "samklang: the verdicts on whether the goals are met cannot be added to a SPARQL "
            "endpoint that is only read, so the query finds none. Run it over the dataset "
            "folders, or a store built with 'samklang load' (--store)."
        ),
        "legend_question": (
            "A fact that is not recorded: nothing shows it is missing, but the check needs it. "
            "Not counted as a defect."
        ),
        "accepted": "accepted",
        "accepted_plural": "accepted",
        "Accepted": "Accepted",
        "Accepted_plural": "Accepted",
        "accepted_by": "Accepted by {by} ({date}): {reason}",
        "kicker": "Review of the crime-prevention planning",
        "report_title": "{name} – review of the crime-prevention planning, {as_of}",
        "report_title_anonymous": "Review of the crime-prevention planning, {as_of}",
        "unnamed": "The dataset",
        "code": "Municipality code",
        "as_of": "Reference date",
        "findings": "Findings",
        "open": "Open",
        "overview": "Summary",
        "per_section": "Findings by section and severity",
        "section": "Section",
        "document": "Document",
        "total": "Total",
        "details": "The findings, section by section",
        "why": "Why it matters",
        "how": "How to fix it",
        "facts": "Facts involved",
        "focus": "Concerns",
        "where": "Where in the dataset",
        "read_basis": "Read the basis",
        "basis": "Basis",
        "generated": "Made with samklang {version} ({rules} rules). The findings describe {as_of}.",
        "legend": "Severities",
        "legend_error": "The planning, or the record of it, lacks something it must have.",
        "legend_warning": "Something that usually signals a gap, but can have a reason.",
        "legend_info": "Worth a look; rarely wrong in itself.",
        "legend_accepted": (
            "A planner has accepted the finding with a reason; it is shown but not counted as open."
        ),
        "contents": "Contents",
        "count_findings": "{n} findings",
    },
}
"""The words of every report, by language, then by key."""

FACT_NAMES: dict[str, dict[str, str]] = {
    "sv": {
        "asOf": "Referensdatum",
        "start": "Början",
        "end": "Slut",
        "year": "År",
        "years": "År",
        "lawApplies": "Lag (2023:196) gäller från",
        "msbfsDue": "Nytt handlingsprogram senast",
        "mandateYear": "Första året i en mandatperiod",
        "areas": "Områden",
        "parent": "Överordnat dokument",
        "parentStart": "Det överordnade dokumentet börjar",
        "parentEnd": "Det överordnade dokumentet slutar",
        "next": "Nästa dokument",
        "nextStart": "Nästa dokument börjar",
        "other": "Annat dokument",
        "otherStart": "Det andra dokumentet börjar",
        "otherEnd": "Det andra dokumentet slutar",
        "citingEnd": "Det hänvisande dokumentet slutar",
        "problem": "Problem",
        "missing": "Saknas",
        "municipality": "Kommun",
        "police": "Polisen",
        "officer": "Handläggare",
        "reviewer": "Granskad av",
        "convener": "Sammankallande",
        "group": "Grupp",
        "responsible": "Ansvarig",
        "statusLabel": "Status",
        "risk": "Riskfaktorer",
        "protective": "Skyddsfaktorer",
        "promiseYears": "Ett löftes längd i år",
        "gap": "Lucka",
        "gaps": "Luckor",
        "detail": "Detalj",
        "area": "Område",
        "agreement": "Överenskommelse",
    },
    "en": {
        "asOf": "Reference date",
        "start": "Start",
        "end": "End",
        "year": "Year",
        "years": "Years",
        "lawApplies": "Act (2023:196) applies from",
        "msbfsDue": "New programme due by",
        "mandateYear": "First year of a mandate period",
        "areas": "Areas",
        "parent": "Parent document",
        "parentStart": "Parent starts",
        "parentEnd": "Parent ends",
        "next": "Next document",
        "nextStart": "Next starts",
        "other": "Other document",
        "otherStart": "Other starts",
        "otherEnd": "Other ends",
        "citingEnd": "Citing document ends",
        "problem": "Problem",
        "missing": "Missing",
        "municipality": "Municipality",
        "police": "Police",
        "officer": "Officer in charge",
        "reviewer": "Reviewer",
        "convener": "Convener",
        "group": "Group",
        "responsible": "Responsible",
        "statusLabel": "Status",
        "risk": "Risk factors",
        "protective": "Protective factors",
        "promiseYears": "Length of a promise in years",
        "gap": "Gap",
        "gaps": "Gaps",
        "detail": "Detail",
        "area": "Area",
        "agreement": "Agreement",
    },
}
"""Readable names of the values rules report (the variables of their queries)."""

_LANGUAGE_SUFFIX = {"sv": "Sv", "en": "En"}


def words(lang: str) -> dict[str, str]:
    """The words of ``lang`` (``sv`` or ``en``)."""
    return WORDS[lang]


def severity_word(severity: str, lang: str, *, count: int = 1, capital: bool = False) -> str:
    """``fel``/``varning``/``info`` (or English), plural when ``count`` is not 1.

    >>> severity_word("warning", "sv", count=2)
    'varningar'
    """
    key = severity if count == 1 else severity + "s"
    return WORDS[lang][key.capitalize() if capital else key]


def accepted_word(lang: str, *, count: int = 1, capital: bool = False) -> str:
    """``accepterat``/``accepterade`` (or ``accepted``)."""
    key = ("Accepted" if capital else "accepted") + ("" if count == 1 else "_plural")
    return WORDS[lang][key]


def summary(findings: Sequence[Finding], lang: str, as_of: date) -> str:
    """One line: how many open defects of each severity, questions and accepted findings there
    are, and the three a planner should read first.

    >>> summary([], "en", date(2026, 11, 25))
    'No findings: the planning hangs together by the rules.'
    """
    w = WORDS[lang]
    if not findings:
        return w["none"]
    tally = Tally.of(findings)
    parts = [
        f"{tally.open[s]} {severity_word(s, lang, count=tally.open[s])}"
        for s in reversed(SEVERITIES)
        if tally.open[s]
    ]
    if tally.questions:
        key = "question" if tally.questions == 1 else "questions"
        parts.append(f"{tally.questions} {w[key]}")
    if tally.accepted:
        parts.append(f"{tally.accepted} {accepted_word(lang, count=tally.accepted)}")
    template = w["summary_one"] if len(findings) == 1 else w["summary"]
    line = template.format(n=len(findings), counts=", ".join(parts), as_of=as_of.isoformat())
    first = [f for f in findings if not f.accepted][:3]
    if first:
        named = ", ".join(f"{f.rule} ({f.focus_label})" for f in first)
        line += " " + w["first"].format(first=named)
    return line


@dataclass
class Tally:
    """Counts of findings: open defects per severity, open questions, and accepted ones."""

    open: Counter[str] = field(default_factory=Counter)
    questions: int = 0
    accepted: int = 0

    @classmethod
    def of(cls, findings: Iterable[Finding]) -> Tally:
        """Count ``findings``."""
        tally = cls()
        for f in findings:
            if f.accepted:
                tally.accepted += 1
            elif f.kind == "question":
                tally.questions += 1
            else:
                tally.open[f.severity] += 1
        return tally

    @property
    def total(self) -> int:
        """All findings counted, open and accepted."""
        return sum(self.open.values()) + self.questions + self.accepted


@dataclass
class Group:
    """The findings of one section of a report: one rule group's defects, or the questions.

    Attributes:
        key: the rule group (``law``, ``validity``…) or ``questions``.
        title: the section's heading.
        findings: open findings first (in reading order), then accepted ones.
    """

    key: str
    title: str
    findings: list[Finding]

    @property
    def tally(self) -> Tally:
        """Counts of this group's findings."""
        return Tally.of(self.findings)


def sections(findings: Sequence[Finding], lang: str) -> list[Group]:
    """Findings in the sections a planner reads, in order: each rule group's defects, then the
    questions. Within a section the order of ``findings`` is kept, open before accepted."""
    keys = [*GROUPS, "questions"]
    found: dict[str, Group] = {}
    for f in findings:
        key = f.group if f.kind == "defect" else "questions"
        if key not in found:
            found[key] = Group(key, WORDS[lang][f"section_{key}"], [])
        found[key].findings.append(f)
    for group in found.values():
        group.findings.sort(key=lambda f: f.accepted is not None)  # stable: keeps the order
    return [found[k] for k in keys if k in found]


def graphs_line(endpoint: str | None, graphs: Sequence[str], lang: str) -> str | None:
    """Which graphs of an endpoint a check read, or ``None`` for a dataset or a store."""
    if endpoint is None:
        return None
    w = WORDS[lang]
    if not graphs:
        return w["default_graph_checked"].format(endpoint=endpoint)
    return w["graphs_checked"].format(endpoint=endpoint, graphs=", ".join(graphs))


def left_out_line(documents: Sequence[LeftOut], lang: str, as_of: date) -> str | None:
    """Which documents the check left out because they did not exist yet, and why."""
    if not documents:
        return None
    w = WORDS[lang]
    named = [
        f'"{d.title}" ({w["left_out_" + d.how].format(date=d.since.isoformat())})'
        for d in documents
    ]
    return w["left_out"].format(as_of=as_of.isoformat(), documents="; ".join(named))


def item_lines(finding: Finding, lang: str, *, several: bool = False) -> list[str]:
    """Each item of a grouped finding on its own: its name and where it is written (in a
    report of ``several`` datasets, with its dataset's folder)."""
    lines = []
    for item in finding.items:
        where = place_of(item.file, item.location, lang, item.dataset if several else None)
        lines.append(f"{item.label} ({where})" if where else item.label)
    return lines


def acceptance(finding: Finding) -> tuple[str, str, str] | None:
    """Who accepted ``finding``, when and why, or ``None`` if it is open."""
    a = finding.accepted
    if not a:
        return None
    return (
        str(a.get("by", a.get("who", ""))),
        str(a.get("date", a.get("when", ""))),
        str(a.get("reason", a.get("why", ""))),
    )


def accepted_note(finding: Finding, lang: str) -> str | None:
    """``Accepterat av … (datum): skäl``, or ``None`` if the finding is open."""
    who = acceptance(finding)
    if who is None:
        return None
    by, when, reason = who
    return WORDS[lang]["accepted_by"].format(by=by, date=when, reason=reason)


def fact_name(name: str, lang: str) -> str:
    """A readable name for a fact a rule found: ``asOf`` → ``Referensdatum``.

    Unknown names are split at their capitals: ``parentEnd`` → ``Parent end``.
    """
    known = FACT_NAMES[lang].get(name)
    if known:
        return known
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name).replace("_", " ").lower()
    return spaced[:1].upper() + spaced[1:]


def facts(finding: Finding, lang: str) -> list[tuple[str, str]]:
    """The facts of ``finding`` as (readable name, value), those of the other language left out.

    A rule can give a value in both languages as ``problemSv`` and ``problemEn``; only the one in
    ``lang`` is kept, named ``problem``.
    """
    mine, others = _LANGUAGE_SUFFIX[lang], set(_LANGUAGE_SUFFIX.values()) - {_LANGUAGE_SUFFIX[lang]}
    shown = []
    for name, value in finding.facts.items():
        if not value or name == "focusLabel":
            continue
        if any(name.endswith(o) and len(name) > 2 for o in others):
            continue
        if name.endswith(mine) and len(name) > 2:
            name = name[: -len(mine)]
        shown.append((fact_name(name, lang), value))
    return shown


_PLACES_SV = (
    (re.compile(r"^line (\d+)$"), r"rad \1"),
    (re.compile(r"^row (\d+)$"), r"rad \1"),
    (re.compile(r"^sheet (.+), row (\d+)$"), r"bladet \1, rad \2"),
)


def place(finding: Finding, lang: str, *, several: bool = False) -> str | None:
    """Where the finding's focus is written: ``documents.yaml, rad 15``, or ``None``; in a
    report of ``several`` datasets, with its dataset's folder
    (``examples/vetlanda/documents.yaml, rad 15``)."""
    return place_of(finding.file, finding.location, lang, finding.dataset if several else None)


def place_of(
    file: str | None, location: str | None, lang: str, dataset: str | None = None
) -> str | None:
    """``documents.yaml, rad 15`` from a file and a location, or ``None`` without a file; the
    file under ``dataset`` when one is given (unless the file's path is absolute)."""
    if not file:
        return None
    if dataset and not PurePath(file).is_absolute():
        file = PurePath(dataset, file).as_posix()
    if location and lang == "sv":
        for pattern, replacement in _PLACES_SV:
            if pattern.match(location):
                location = pattern.sub(replacement, location)
                break
    return f"{file}, {location}" if location else file


def title(name: str | None, lang: str, as_of: date) -> str:
    """The report's title: municipality, what it is, and the reference date."""
    w = WORDS[lang]
    if name:
        return w["report_title"].format(name=name, as_of=as_of.isoformat())
    return w["report_title_anonymous"].format(as_of=as_of.isoformat())
