"""Write what was found as a draft dataset folder in the input format, provenance in comments.

A draft folder holds ``municipality.yaml``, ``documents.yaml``, ``goals.yaml``,
``sources.yaml``, ``activities.csv`` (when activities are listed), the text read
(``kallor/NAME.txt``, which line numbers point into) and ``GRANSKA.md``, the list of what a
person must decide. Beside every value is a comment naming the line, the character span and the
text it was read from; every record has ``source: kalla#LINES``; what the ingester could not
decide is in the record's ``note`` as ``GRANSKA: …`` and in a comment above it.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from samklang.errors import UsageError
from samklang.graph.ingest.model import Entity, Entry, Evidence, Extraction, Fact
from samklang.graph.ingest.periods import Period
from samklang.graph.ingest.text import SourceText
from samklang.graph.schema import SECTIONS

SOURCE_ID = "kalla"
"""The id of the document text in the draft's ``sources``: ``source: kalla#39``."""

PLACEHOLDER_CODE = "0000"
"""The municipality code written when the text states none and none is given (``--kod``)."""

REVIEW = "GRANSKA"
"""The word that marks what a person must decide."""

FILES = {
    "municipality.yaml": ("municipality", "organisations", "groups"),
    "documents.yaml": ("documents", "series"),
    "goals.yaml": ("goal_areas", "goals", "focus_areas", "problems"),
}
"""Which sections go into which file."""

HEADERS = {
    "municipality.yaml": "Kommunen, organisationerna och grupperna",
    "documents.yaml": "Dokumenten, deras perioder och serier",
    "goals.yaml": "Målområden, mål, prioriterade områden och problem",
}

INTERNAL = {"word", "mentioned", "surname", "short"}
"""Facts the reader keeps for itself, not fields of the input format."""

SHORT_IDS = {
    "brottsforebyggande-plan": "plan",
    "samverkansoverenskommelse": "overenskommelse",
    "medborgarlofte": "medborgarlofte",
    "handlingsprogram": "handlingsprogram",
    "atgardsplan": "atgardsplan",
    "lagesbild": "lagesbild",
    "trygghetsbokslut": "trygghetsbokslut",
}
"""Ids of documents by type."""

ACTIVITY_COLUMNS = (
    "id", "title", "year", "document", "responsible", "goal", "problems", "factors", "status",
    "review", "description", "source",
)  # fmt: skip

DESCRIPTIONS = {
    "description.planned": "Planerat",
    "description.done": "Genomfört",
    "description.follow_up": "Uppföljning",
}
"""What a table says of an activity besides its fields, written into its description."""


def _reviewable(section: str) -> bool:
    """Whether the input format lets records of ``section`` carry ``review``."""
    return SECTIONS[section].field("review") is not None


def slug(text: str) -> str:
    """An id from a name: ``Lokalpolisområde Höglandet`` → ``lokalpolisomrade-hoglandet``."""
    from samklang.graph.scaffold import slug as scaffold_slug

    return scaffold_slug(text)[:60].strip("-") or "x"


@dataclass
class Draft:
    """A draft dataset made from one document.

    Attributes:
        source: the document's text.
        extraction: what was found in it.
        code: the municipality code used (from the text, from the caller, or the placeholder).
        review: every point a person must decide, as ``(where, what)`` pairs.
        skipped: facts found but not writable in the input format (an activity with no year).
    """

    source: SourceText
    extraction: Extraction
    code: str
    review: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    @property
    def code_is_placeholder(self) -> bool:
        """Whether the municipality code is the placeholder ``0000``."""
        return self.code == PLACEHOLDER_CODE

    @property
    def text_name(self) -> str:
        """The file name of the text inside the draft: ``kallor/NAME.txt``."""
        return f"kallor/{self.source.path.stem}.txt"

    def entities(self, section: str) -> list[Entity]:
        """The entities written into ``section``."""
        return self.extraction.of(section)

    def write(self, folder: str | Path) -> list[Path]:
        """Write the draft into ``folder``, which must not exist or be empty; the folder
        appears whole or not at all.

        Returns:
            The files written, relative paths inside the folder.

        Raises:
            UsageError: the folder exists and is not empty, or its parent does not exist.
        """
        target = Path(folder)
        if target.exists() and (not target.is_dir() or any(target.iterdir())):
            raise UsageError(
                f"cannot write the draft into {target}: it exists and is not an empty folder"
            )
        parent = target.resolve().parent
        if not parent.is_dir():
            raise UsageError(f"cannot write {target}: the folder {parent} does not exist")
        try:
            staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=parent))
        except OSError as err:
            raise UsageError(f"cannot write {target}: {err.strerror or err}") from err
        try:
            written = self.write_into(staging)
            if target.exists():
                target.rmdir()
            os.replace(staging, target)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        return written

    def write_into(self, folder: Path) -> list[Path]:
        """Write the draft's files into an existing, empty folder."""
        files: dict[str, str] = {}
        for name, sections in FILES.items():
            files[name] = self._yaml_file(name, sections)
        files["sources.yaml"] = self._sources_file()
        if activities := self._activities_file():
            files["activities.csv"] = activities
        files["GRANSKA.md"] = self._review_file()
        files[self.text_name] = self.source.text + (
            "\n" if not self.source.text.endswith("\n") else ""
        )
        for name, content in files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
        return [Path(name) for name in files]

    # --- YAML -------------------------------------------------------------------------------

    def _yaml_file(self, name: str, sections: tuple[str, ...]) -> str:
        out = [
            f"# {HEADERS[name]}: utkast av `samklang ingest` ur {self.source.path.name}.",
            f"# Kommentarerna säger var i {self.text_name} varje uppgift står (rad och tecken).",
            f"# Rader märkta {REVIEW} måste en person avgöra; se GRANSKA.md.",
            "",
        ]
        for section in sections:
            entities = self.entities(section)
            if section == "municipality":
                out.extend(self._municipality())
                out.append("")
                continue
            if not entities:
                out.append(f"{section}: []")
                out.append("")
                continue
            out.append(f"{section}:")
            for entity in entities:
                out.extend(self._record(entity))
                out.append("")
        return "\n".join(out).rstrip("\n") + "\n"

    def _municipality(self) -> list[str]:
        entity = self.extraction.municipality
        code_fact = self.extraction.code
        lines = [f"# {REVIEW}: {r}" for r in self._reviews(entity)]
        lines.append("municipality:")
        lines.append(f"  id: {entity.id}")
        lines.append(_line("  name", _quote(entity.get("name")), _fact_comment(entity, "name")))
        if code_fact is not None:
            comment = code_fact.evidence.comment() if code_fact.evidence else ""
        elif self.code_is_placeholder:
            comment = f"{REVIEW}: platshållare; kommunkoden står inte i texten"
        else:
            comment = "angiven med --kod; står inte i texten"
        lines.append(_line("  code", _quote(self.code), comment))
        notes = self._note(entity)
        if notes:
            lines.append(f"  note: {_quote(notes)}")
        lines.append(f"  source: [{', '.join(self._sources(entity))}]")
        return lines

    def _record(self, entity: Entity) -> list[str]:
        section = SECTIONS[entity.section]
        lines = [f"  # {REVIEW}: {r}" for r in self._reviews(entity)]
        lines.append(f"  - id: {entity.id}")
        decision: list[str] = []
        follow_up: list[str] = []
        for f in section.fields:
            if f.name in ("id", "note", "source", "review"):
                continue
            if f.name == "decision":
                decision = self._map(entity, "decision", ("by", "date"))
                lines.extend(decision)
                continue
            if f.name == "follow_up":
                follow_up = self._map(entity, "follow_up", ("cadence", "document_type"))
                lines.extend(follow_up)
                continue
            if f.name == "entries":
                lines.extend(self._entries(entity))
                continue
            if f.name in entity.empty:
                lines.append(
                    _line(f"    {f.name}", "", f"visas tomt: {entity.empty[f.name].comment()}")
                )
                continue
            facts = entity.facts.get(f.name)
            if not facts:
                continue
            if f.many:
                lines.append(f"    {f.name}:")
                for fact in facts:
                    lines.append(_line("      -", _render(fact.value), _comment(fact, f.name)))
            else:
                lines.append(
                    _line(f"    {f.name}", _render(facts[0].value), _comment(facts[0], f.name))
                )
        if entity.unsure and _reviewable(entity.section):
            lines.append(
                _line(
                    "    review",
                    "[" + ", ".join(entity.unsure) + "]",
                    "kunde inte fastställas ur texten; check frågar om dem",
                )
            )
        note = self._note(entity)
        if note:
            lines.append(f"    note: {_quote(note)}")
        lines.append(f"    source: [{', '.join(self._sources(entity))}]")
        return lines

    def _map(self, entity: Entity, name: str, keys: tuple[str, ...]) -> list[str]:
        inner = []
        for key in keys:
            full = f"{name}.{key}"
            if full in entity.empty:
                inner.append(
                    _line(f"      {key}", "", f"visas tomt: {entity.empty[full].comment()}")
                )
            elif facts := entity.facts.get(full):
                inner.append(
                    _line(f"      {key}", _render(facts[0].value), _comment(facts[0], key))
                )
        return [f"    {name}:", *inner] if inner else []

    def _entries(self, entity: Entity) -> list[str]:
        """A follow-up report's entries: each activity with its status and outcome."""
        entries = [f.value for f in entity.facts.get("entries", []) if isinstance(f.value, Entry)]
        if not entries:
            return []
        lines = ["    entries:"]
        for entry in entries:
            lines.append(f"      - activity: {entry.activity.id}")
            for name, fact in entry.facts():
                lines.append(_line(f"        {name}", _render(fact.value), _comment(fact, name)))
        return lines

    def _reviews(self, entity: Entity) -> list[str]:
        reviews = list(entity.review)
        for name, facts in entity.facts.items():
            if name in INTERNAL or not facts:
                continue
            f = _field(entity.section, name)
            if f is not None and not f.many and f.kind != "list" and len(facts) > 1:
                others = ", ".join(_render(x.value) for x in facts[1:])
                where = "; ".join(x.evidence.comment() for x in facts[1:] if x.evidence)
                reviews.append(f"{name}: texten ger också {others} ({where})")
        return reviews

    def _note(self, entity: Entity) -> str:
        reviews = self._reviews(entity)
        parts = [f"{REVIEW}: " + "; ".join(reviews) + "."] if reviews else []
        parts.extend(entity.notes)
        return " ".join(parts)

    def _sources(self, entity: Entity) -> list[str]:
        """``kalla#3``, ``kalla#7-10``…: the lines an entity was read from, adjacent lines
        joined into one range."""
        ranges: list[list[int]] = []
        for first, last in sorted({(e.first_line, e.last_line) for e in entity.evidence()}):
            if ranges and first <= ranges[-1][1] + 1:
                ranges[-1][1] = max(ranges[-1][1], last)
            else:
                ranges.append([first, last])
        refs = [f"{SOURCE_ID}#{a}" if a == b else f"{SOURCE_ID}#{a}-{b}" for a, b in ranges]
        return refs or [SOURCE_ID]

    def _sources_file(self) -> str:
        source = self.source
        how = source.kind if source.encoding is None else f"{source.kind}, {source.encoding}"
        title = self.extraction.own.get("title") or source.path.stem
        note = (
            f"Texten ur {source.path.name} ({how}), sha256 {source.sha256}. Radnummer i "
            f"source-fälten ({SOURCE_ID}#39) och teckenpositionerna i kommentarerna pekar in i "
            "denna text."
        )
        return "\n".join(
            [
                f"# Källan till varje uppgift i utkastet: texten ur {source.path.name}.",
                "sources:",
                f"  - id: {SOURCE_ID}",
                f"    title: {_quote(str(title) + ' (text)')}",
                f"    file: {_quote(self.text_name)}",
                f"    note: {_quote(note)}",
                "",
            ]
        )

    def _activities_file(self) -> str:
        activities = [a for a in self.entities("activities") if a.get("year")]
        if not activities:
            return ""
        columns = [c for c in ACTIVITY_COLUMNS if c != "review" or _reviewable("activities")]
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        for activity in activities:
            years = activity.get("year")
            year = str(years[0]) if len(years) == 1 else f"{years[0]}-{years[-1]}"
            row = {
                "id": activity.id,
                "title": activity.get("title"),
                "year": year,
                "document": activity.get("document").id,
                "responsible": "; ".join(r.id for r in activity.values("responsible")),
                "goal": "; ".join(g.id for g in activity.values("goal")),
                "problems": "; ".join(p.id for p in activity.values("problems")),
                "factors": "; ".join(activity.values("factors")),
                "status": activity.get("status") or "",
                "review": "; ".join(activity.unsure),
                "description": " ".join(
                    [
                        *(
                            f"{label}: {activity.get(name)}."
                            for name, label in DESCRIPTIONS.items()
                            if activity.get(name)
                        ),
                        *([self._note(activity)] if self._note(activity) else []),
                    ]
                ),
                "source": "; ".join(self._sources(activity)),
            }
            writer.writerow([row[c] for c in columns])
        return buffer.getvalue()

    def _review_file(self) -> str:
        lines = [
            f"# Att granska: {self.source.path.name}",
            "",
            "Utkastet är gjort av `samklang ingest` med regler som läser svensk text (se "
            "docs/ingest.md). Det påstår bara vad texten säger; det som inte gick att avgöra står "
            "här. Gå igenom punkterna, rätta YAML-filerna, ta bort `GRANSKA:` ur `note` när en "
            "punkt är klar, och kör `samklang check` på mappen.",
            "",
        ]
        if not self.review:
            lines.append("Inget att granska utöver att jämföra utkastet med dokumentet.")
        for where, what in self.review:
            lines.append(f"- **{where}**: {what}")
        for what in self.skipped:
            lines.append(f"- **inte med i utkastet**: {what}")
        lines.append("")
        return "\n".join(lines)


# --- rendering ----------------------------------------------------------------------------


def _field(section: str, name: str) -> Any:
    head, _, sub = name.partition(".")
    f = SECTIONS[section].field(head)
    if f is not None and sub:
        return next((s for s in f.subfields if s.name == sub), None)
    return f


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _render(value: Any) -> str:
    if isinstance(value, Entity):
        return value.id
    if isinstance(value, Period):
        return value.as_yaml()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, tuple) and value and value[0] == "law":
        return _quote(value[1])
    if isinstance(value, list):
        return "[" + ", ".join(_render(v) for v in value) + "]"
    text = str(value)
    if re.fullmatch(r"[a-z0-9][a-z0-9-]*|P\d+[YMWD]", text):
        return text
    return _quote(text)


INFERRED = {
    "type": "härlett ur namnet",
    "part_of": "härlett: kommunens nämnder och grupper hör till kommunen",
    "document": "härlett: dokumentet som texten talar om",
    "prioritised": "härlett: listat bland prioriterade områden eller löften",
    "year": "härlett: dokumentets period, se GRANSKA",
    "series": "härlett: ett dokument av seriens slag",
}
"""What a comment says of a value that was inferred rather than read, by field."""


def _comment(fact: Fact, name: str = "") -> str:
    if fact.evidence is not None:
        return fact.evidence.comment()
    return INFERRED.get(name.rsplit(".", 1)[-1], "härlett; står inte ordagrant i texten")


def _fact_comment(entity: Entity, name: str) -> str:
    facts = entity.facts.get(name)
    return _comment(facts[0], name) if facts else ""


def _line(key: str, value: str, comment: str) -> str:
    text = f"{key}: {value}" if value else f"{key}:"
    if key.endswith("-"):
        text = f"{key} {value}"
    if comment:
        comment = comment.replace("\n", " ")
        text = f"{text}  # {comment}"
    return text


def evidence_of(entity: Entity) -> dict[Evidence, list[str]]:
    """Each span an entity was read from, and the fields read from it."""
    spans: dict[Evidence, list[str]] = {}
    for name, facts in entity.facts.items():
        if name in INTERNAL:
            continue
        for fact in facts:
            if fact.evidence is not None:
                fields = spans.setdefault(fact.evidence, [])
                if name not in fields:
                    fields.append(name)
            if isinstance(fact.value, Entry):
                for sub, inner in fact.value.facts():
                    if inner.evidence is not None:
                        fields = spans.setdefault(inner.evidence, [])
                        if f"{name}.{sub}" not in fields:
                            fields.append(f"{name}.{sub}")
    for name, evidence in entity.empty.items():
        spans.setdefault(evidence, []).append(name)
    return spans
