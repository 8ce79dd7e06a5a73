"""Read the facts of a plan document: its documents and periods, organisations and groups,
laws, strategies and works cited, goal areas, goals, focus areas and activities, follow-up,
process phases, factor domains and header fields.

Each ``_read_*`` method applies the patterns of ``patterns.py`` for one kind of fact, in an
order where later rules can use what earlier ones found (organisations before groups, groups
before their members). Nothing is guessed: what a rule cannot settle is left out, or kept with
a ``GRANSKA`` note for the reviewer.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

from samklang.graph.ingest import patterns as pat
from samklang.graph.ingest.decisions import read_decision_line
from samklang.graph.ingest.followup import ACTIVE_FOLLOW_UP, implied_cadence
from samklang.graph.ingest.layout import Layout, Span, clean, read_layout
from samklang.graph.ingest.model import Entity, Evidence, Extraction, Fact
from samklang.graph.ingest.named_groups import NamedGroup, find_named_groups, mentions_of
from samklang.graph.ingest.periods import (
    CADENCE,
    PERIOD,
    SINGLE_YEAR,
    Period,
    cadence_of,
    period_of,
    read_date,
    year_period,
)
from samklang.graph.ingest.promises import (
    read_numbered_focus_areas,
    read_promise_activities,
    subject_actors,
)
from samklang.graph.ingest.recognise import refuse_if_not_a_plan, refuse_if_report
from samklang.graph.ingest.signatures import read_signatures
from samklang.graph.ingest.text import SourceText

TYPE_WORDS = {
    "handlingsprogram": "Handlingsprogram",
    "brottsforebyggande-plan": "Plan för brottsförebyggande arbete",
    "samverkansoverenskommelse": "Samverkansöverenskommelse",
    "medborgarlofte": "Medborgarlöfte",
    "lagesbild": "Lägesbild",
    "atgardsplan": "Åtgärdsplan",
    "trygghetsbokslut": "Trygghetsbokslut",
}
"""A title for a document the text names only generically."""

UNKNOWN_MUNICIPALITY = "Okänd kommun"
"""The name written when the text names no municipality (``--kommun`` gives one)."""

DEFINITE_ENDINGS = ("en", "et", "n", "t", "met")


def extract(source: SourceText) -> Extraction:
    """Read every fact of a document.

    Args:
        source: the document's text.

    Returns:
        The entities found, each value with its evidence.

    Raises:
        InputError: the text names no kind of planning document at all.
    """
    return _Reader(source).read()


class _Reader:
    def __init__(self, source: SourceText) -> None:
        self.source = source
        self.layout: Layout = read_layout(source)
        self.text = source.text
        self.entities: list[Entity] = []
        self.by_key: dict[tuple[str, str], Entity] = {}
        self.review: list[str] = []
        self.body = [s for s in self.layout.sentences if not self._in_notes(s.start)]

    # --- helpers ----------------------------------------------------------------------------

    def ev(self, start: int, end: int) -> Evidence:
        """Evidence for ``text[start:end]`` (trimmed of spaces)."""
        chunk = self.text[start:end]
        start += len(chunk) - len(chunk.lstrip())
        end -= len(chunk) - len(chunk.rstrip())
        return Evidence(
            start,
            end,
            self.source.line_of(start),
            self.source.line_of(max(start, end - 1)),
            self.text[start:end],
        )

    def entity(self, section: str, key: str) -> tuple[Entity, bool]:
        """The entity of ``section`` with ``key``, made if new (and whether it was)."""
        found = self.by_key.get((section, key))
        if found is not None:
            return found, False
        made = Entity(section, key)
        self.entities.append(made)
        self.by_key[(section, key)] = made
        return made, True

    def drop(self, entity: Entity) -> None:
        self.entities.remove(entity)
        self.by_key.pop((entity.section, entity.key), None)

    def sentence_text(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def _in_notes(self, offset: int) -> bool:
        return self.source.line_of(offset) >= self.layout.notes_start

    def sentences(self) -> Iterator[tuple[Span, str]]:
        """Body sentences (not footnotes, not table-of-contents lines) and their text."""
        for span in self.body:
            if self.layout.kinds.get(self.source.line_of(span.start)) == "toc":
                continue
            yield span, self.sentence_text(span)

    def read(self) -> Extraction:
        refuse_if_report(self)
        self._read_organisations()
        self._read_groups()
        self._read_documents()
        self._read_laws()
        self._read_strategies()
        self._read_works_cited()
        self._read_goal_areas()
        self._read_goals_and_focus_areas()
        read_numbered_focus_areas(self)
        read_promise_activities(self)
        self._read_activities()
        self._read_group_relations()
        self._read_follow_up()
        self._read_phases_and_domains()
        self._read_header()
        self._read_parties()
        self._read_purpose()
        code = self._read_code()
        self._finish()
        return Extraction(self.entities, self.own, self.municipality, code, self.review)

    # --- organisations ----------------------------------------------------------------------

    def _read_organisations(self) -> None:
        """Every named organisation (``ORGANISATIONS``); the municipality named most often is
        the plan's own."""
        counts: Counter[Entity] = Counter()
        for span, sentence in self.sentences():
            for entity, _ in self._organisations_in(span.start, sentence, register=True):
                if entity.section == "municipality":
                    counts[entity] += 1
        municipalities = [e for e in self.entities if e.section == "municipality"]
        if municipalities:
            own = max(municipalities, key=lambda e: (counts[e], -self.entities.index(e)))
            for other in municipalities:
                if other is not own:  # another municipality: an organisation like any other
                    other.section = "organisations"
                    other.set("type", "organisation", None)
                    self.by_key[("organisations", other.key)] = other
            self.municipality = own
        else:
            self.municipality, _ = self.entity("municipality", "")
            self.municipality.review.append(
                "texten namnger ingen kommun (”X kommun”); skriv kommunens namn"
            )
            self.municipality.set("name", UNKNOWN_MUNICIPALITY, None)
        for entity in self.entities:
            if entity.section == "organisations" and entity.get("type") == "namnd":
                entity.set("part_of", self.municipality, None)

    def _organisations_in(
        self, offset: int, text: str, register: bool
    ) -> list[tuple[Entity, Span]]:
        """Named organisations in ``text`` (which starts at ``offset``), in text order."""
        found: list[tuple[Entity, Span]] = []
        taken: list[tuple[int, int]] = []
        for kind, pattern in pat.ORGANISATION_PATTERNS:
            for m in pattern.finditer(text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                name = self._organisation_name(kind, m)
                if name is None:
                    continue
                key = name.lower()
                section = "municipality" if kind == "kommun" else "organisations"
                entity = self.by_key.get((section, key)) or self.by_key.get(("organisations", key))
                if entity is None and register:
                    entity, _ = self.entity(section, key)
                    evidence = self.ev(offset + m.start(), offset + m.end())
                    entity.set("name", name, evidence)
                    if kind != "kommun":
                        entity.set("type", kind, evidence)
                if entity is None:
                    continue
                if abbreviation := pat.ABBREVIATION_AFTER.match(text[m.end() :]):
                    a = abbreviation.start("abbreviation") + m.end()
                    entity.set(
                        "abbreviation",
                        abbreviation["abbreviation"],
                        self.ev(offset + a, offset + a + len(abbreviation["abbreviation"])),
                    )
                taken.append((m.start(), m.end()))
                found.append((entity, Span(offset + m.start(), offset + m.end())))
        return sorted(found, key=lambda pair: pair[1].start)

    @staticmethod
    def _organisation_name(kind: str, m: re.Match[str]) -> str | None:
        if kind == "kommun":
            words = m["name"].split()
            while words and words[0].lower() in pat.NOT_MUNICIPALITY_NAMES:
                words.pop(0)
            if not words:
                return None
            return f"{' '.join(words)} {m['suffix']}"
        if kind == "lokalpolisomrade":
            return f"Lokalpolisområde {m['name']}"
        if kind == "myndighet":
            return "Polismyndigheten"
        if kind == "namnd":
            if m.groupdict().get("adjective"):
                return f"{m['adjective']} nämnden"
            name = m["name"]
            name = name[0].upper() + name[1:]
            if name.lower() == "kommunfullmäktige":
                return name
            return name + "n" if name.endswith("styrelse") else name + "en"
        name = m["name"]
        return name[0].upper() + name[1:]

    def organisations_of(self, kind: str) -> list[Entity]:
        if kind == "kommun":
            return [self.municipality]
        return [e for e in self.entities if e.section == "organisations" and e.get("type") == kind]

    def resolve_actor(self, offset: int, text: str) -> tuple[Entity | None, str]:
        """The organisation or group ``text`` begins by naming, and a note if it was named by a
        role or generically rather than by name."""
        stripped = text.lstrip(" :*")
        offset += len(text) - len(stripped)
        text = stripped
        named = self._organisations_in(offset, text, register=False)
        groups = self._groups_in(offset, text)
        first: list[tuple[int, Entity]] = []
        if named and named[0][1].start - offset <= 12:
            first.append((named[0][1].start, named[0][0]))
        if groups and groups[0][1].start - offset <= 12:
            first.append((groups[0][1].start, groups[0][0]))
        if first:
            return min(first, key=lambda pair: pair[0])[1], ""
        head = text[:60]
        if pat.MUNICIPAL_ROLES.match(head.strip()) or re.match(
            r"(?i)(?:kommunens\s+)?(?:brottsförebyggande\s+)?samordnare", head.strip()
        ):
            return self.municipality, (
                f"”{head.split(' är ')[0].strip()}” är en roll hos kommunen; satt till kommunen"
            )
        for kind, pattern in pat.GENERIC_ACTORS:
            if re.match(pattern, head.strip()):
                candidates = self.organisations_of(kind)
                if len(candidates) == 1:
                    return candidates[0], ""
                return None, ""
        return None, ""

    # --- groups -----------------------------------------------------------------------------

    def _read_groups(self) -> None:
        """Groups (``GROUP``): a named temagrupp, ``kommunens ledningsgrupp``, and groups named
        only by their kind (``styrgruppen``). A group the text says is the styrgrupp
        (``STEERING``) becomes one."""
        self.steering_words: set[int] = set()
        self._read_named_groups()
        for span, sentence in self.sentences():
            for m in pat.GROUP.finditer(sentence):
                if m["plural"]:
                    continue
                steering = pat.STEERING.match(sentence, m.end())
                if m["word"].lower() != "styrgrupp" and steering:
                    entity = self._group_entity(span.start, m, register=True)
                    if entity is not None:
                        entity.facts["type"] = [
                            Fact(
                                "styrgrupp",
                                self.ev(span.start + m.start(), span.start + steering.end()),
                            )
                        ]
                        word = sentence.lower().rindex("styrgrupp", 0, steering.end())
                        self.steering_words.add(span.start + word)
        for span, sentence in self.sentences():
            for m in pat.GROUP.finditer(sentence):
                if m["plural"] or span.start + m.start("word") in self.steering_words:
                    continue
                self._group_entity(span.start, m, register=True)

    def _read_named_groups(self) -> None:
        """Groups defined by name and abbreviation in running text (``named_groups.py``):
        ``Rådet för trygghet och brottsprevention (RTB)``."""
        self.named_groups: list[NamedGroup] = []
        self.named_group_entities: list[Entity] = []
        for span, sentence in self.sentences():
            for group in find_named_groups(sentence):
                if pat.GROUP.search(group.name) or any(
                    g.abbreviation == group.abbreviation for g in self.named_groups
                ):
                    continue
                entity, made = self.entity("groups", group.name.lower())
                if not made:
                    continue
                evidence = self.ev(span.start + group.start, span.start + group.end)
                after = group.abbreviation_start + len(group.abbreviation) + 1
                steering = pat.STEERING.match(sentence, after)
                entity.set("name", group.name, evidence)
                entity.set("short", group.abbreviation, None)
                if steering:
                    entity.set(
                        "type",
                        "styrgrupp",
                        self.ev(span.start + group.start, span.start + steering.end()),
                    )
                    word = sentence.lower().rindex("styrgrupp", 0, steering.end())
                    self.steering_words.add(span.start + word)
                else:
                    entity.set("type", "arbetsgrupp", evidence)
                    entity.review.append(
                        "texten säger inte om gruppen är styrgrupp eller arbetsgrupp; satt till "
                        "arbetsgrupp"
                    )
                entity.notes.append(f"Förkortas {group.abbreviation} i texten.")
                self.named_groups.append(group)
                self.named_group_entities.append(entity)

    def _group_entity(self, offset: int, m: re.Match[str], register: bool) -> Entity | None:
        word = m["word"].lower()
        word = re.sub(r"\s+", " ", word)
        kind = pat.GROUP_KINDS[word]
        named = ""
        if word == "temagrupp" and m["topic"] and not m["definite"]:
            named = f"Temagrupp {m['topic']}"
        elif m["prefix"] and m["prefix"].strip().lower() in ("kommunens", "polisens"):
            named = f"{m['prefix'].strip().capitalize()} {word}"
        if word == "styrgrupp" and not named:
            steering = [
                e for e in self.entities if e.section == "groups" and e.get("type") == "styrgrupp"
            ]
            if steering:
                return steering[0]
        if named:
            entity, made = (
                self.entity("groups", named.lower())
                if register
                else (self.by_key.get(("groups", named.lower())), False)
            )
            if entity is None:
                return None
            if made:
                self._absorb_unnamed(entity, word)
        else:
            same = [e for e in self.entities if e.section == "groups" and e.get("word") == word]
            if len(same) >= 1:
                return same[0]
            if not register:
                return None
            definite = "et" if word.endswith("råd") else "en"
            named = word[0].upper() + word[1:] + definite
            entity, made = self.entity("groups", f"{word}|")
        if made:
            evidence = self.ev(
                offset + (m.start("word") if not m["prefix"] else m.start()),
                offset + (m.end("topic") if named.startswith("Temagrupp ") else m.end("word")),
            )
            entity.set("name", named, evidence)
            entity.set("word", word, None)
            entity.set("type", kind, evidence)
        return entity

    def _absorb_unnamed(self, named: Entity, word: str) -> None:
        """A group named after one was first called only by its kind: they are the same."""
        for other in [e for e in self.entities if e.section == "groups" and e.key == f"{word}|"]:
            for name, facts in other.facts.items():
                if name not in ("name", "word"):
                    for fact in facts:
                        named.set(name, fact.value, fact.evidence)
            self.drop(other)

    def _groups_in(self, offset: int, text: str) -> list[tuple[Entity, Span]]:
        found = []
        if getattr(self, "named_groups", None):
            names = [e.get("name") for e in self.named_group_entities]
            for start, end, n in mentions_of(text, self.named_groups, names):
                found.append((self.named_group_entities[n], Span(offset + start, offset + end)))
        for m in pat.GROUP.finditer(text):
            if m["plural"]:
                continue
            entity = self._group_entity(offset, m, register=False)
            if entity is not None:
                found.append((entity, Span(offset + m.start(), offset + m.end())))
        found.sort(key=lambda item: item[1].start)
        return found

    def _read_group_relations(self) -> None:
        """Members (``MEMBERS``), convener (``CONVENER``), whom a group reports to
        (``REPORTS_TO``), and the group that carries a document (``OWNS``) or a goal area
        (``GOAL_AREA_GROUP``)."""
        for span, sentence in self.sentences():
            groups = self._groups_in(span.start, sentence)
            if not groups:
                heading = self.layout.section.get(self.source.line_of(span.start), 0)
                if heading:
                    line = self.layout.line(heading)
                    groups = self._groups_in(line.start, line.text)
                if not groups or not re.search(r"(?i)sammankallande|ingår|består\s+av", sentence):
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
                    self._add_members(group, span.start + m.start("list"), m["list"])
            for n, pattern in enumerate(pat.CONVENER):
                for m in pattern.finditer(sentence):
                    group = after(m.end()) if n == 0 else before(m.start())
                    if group is None:
                        continue
                    who, note = self.resolve_actor(span.start + m.start("who"), m["who"])
                    evidence = self.ev(span.start + m.start("who"), span.start + m.end())
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
                target, _ = self.resolve_actor(span.start + m.start("target"), m["target"])
                if target is not None and target is not group:
                    group.set(
                        "reports_to", target, self.ev(span.start + m.start(), span.start + m.end())
                    )
            for m in pat.OWNS.finditer(sentence):
                group = before(m.start())
                rest = sentence[m.end() :]
                refers = self._document_at(span.start + m.end(), rest)
                if group is not None and refers is not None:
                    refers.set(
                        "owning_group",
                        group,
                        self.ev(span.start + m.start(), span.start + m.end() + 20),
                    )
            for m in pat.GOAL_AREA_GROUP.finditer(sentence):
                group = after(m.end())
                if group is not None and self.last_goal_area is not None:
                    self.last_goal_area.set(
                        "owning_group", group, self.ev(span.start + m.start(), span.end)
                    )

    def _add_members(self, group: Entity, offset: int, listed: str) -> None:
        position = 0
        for part in pat.LIST_SPLIT.split(listed):
            at = listed.index(part, position) if part else position
            position = at + len(part)
            if not part.strip():
                continue
            member, note = self.resolve_actor(offset + at, part)
            evidence = self.ev(offset + at, offset + at + len(part))
            if member is None or member is group:
                group.review.append(
                    f"medlemmen ”{part.strip()}” ({evidence.comment()}) kunde inte knytas till en "
                    "organisation"
                )
                continue
            group.add("members", member, evidence)
            if note:
                group.review.append(f"medlem: {note}")

    # --- documents --------------------------------------------------------------------------

    def _mentions(self) -> Iterator[tuple[Span, str, re.Match[str]]]:
        for span, sentence in self.sentences():
            for m in pat.DOCUMENT_MENTION.finditer(sentence):
                yield span, sentence, m

    @staticmethod
    def _type_of(m: re.Match[str]) -> str:
        return next(k for k, v in m.groupdict().items() if v).replace("_", "-")

    def _read_documents(self) -> None:
        """The document's own title, type and period; every other document it names with its
        period (in running text, and in tables such as the seed's ``Dokument / Löper under
        perioden``); part-of relations; series of documents renewed at a cadence."""
        self._read_title()
        self._read_own_period()
        undated = self._read_document_mentions()
        self._read_document_tables()
        self._undated_documents(undated)
        self._read_cadences()
        self._read_part_of()

    def _read_title(self) -> None:
        for line in self.source.lines[:40]:
            kind = self.layout.kinds[line.number]
            if kind in ("row", "blank", "toc", "item") or len(line.text) > 160:
                continue
            body = clean(line.text)
            if body.endswith(".") or "<!--" in line.text:
                continue
            m = pat.DOCUMENT_MENTION.search(line.text)
            if m is None and line.text.isupper():  # TRYGGHETSPLAN FÖR …: same offsets lowered
                m = pat.DOCUMENT_MENTION.search(line.text.lower())
            if m is None or self._type_of(m) == "trygghetsbokslut" and m.start() > 0:
                continue
            own_type = self._type_of(m)
            start = line.start + line.text.index(body)
            title = body
            period = PERIOD.search(body)
            if period and (found := period_of(period)) is not None:
                title = (body[: period.start()] + body[period.end() :]).strip(" ,–-")
                self.own_period: tuple[Period, Evidence] | None = (
                    found,
                    self.ev(start + period.start(), start + period.end()),
                )
            else:
                self.own_period = None
            self.own, _ = self.entity("documents", "own")
            self.own.set("title", title, self.ev(start, start + len(body)))
            self.own.set("type", own_type, self.ev(line.start + m.start(), line.start + m.end()))
            self.title_line = line.number
            return
        refuse_if_not_a_plan(self, titled=False)
        counts = Counter(self._type_of(m) for _, _, m in self._mentions())
        if not counts:
            from samklang.errors import InputError

            raise InputError(
                self.source.path,
                None,
                "names no planning document (no handlingsprogram, plan för brottsförebyggande "
                "arbete, samverkansöverenskommelse, medborgarlöfte, lägesbild or åtgärdsplan); "
                "expected a plan document",
            )
        own_type = counts.most_common(1)[0][0]
        self.own, _ = self.entity("documents", "own")
        headings = [
            line
            for line in self.source.lines[:40]
            if self.layout.kinds[line.number] == "heading" and len(line.text) < 120
        ]
        first = headings[0] if headings else None
        if first is not None:
            start = first.start + first.text.index(clean(first.text))
            self.own.set("title", clean(first.text), self.ev(start, start + len(clean(first.text))))
        else:
            self.own.set("title", TYPE_WORDS[own_type], None)
        self.own.set("type", own_type, None)
        self.own.review.append(
            f"titeln säger inte vilket slags dokument det är; typen {own_type} är vald för att "
            "texten oftast nämner den, och titeln är "
            + ("dokumentets första rubrik" if first is not None else "typens namn")
        )
        self.own_period = None
        self.title_line = first.number if first is not None else 1

    def _own_reference(self) -> re.Pattern[str]:
        return pat.own_reference(self.own.get("type"))

    def _is_own(self, sentence: str, start: int) -> bool:
        """Whether the mention at ``start`` is the document referring to itself."""
        return self._own_reference().match(sentence, start) is not None

    def _read_own_period(self) -> None:
        """The document's own period: in its title, a header field (``PERIOD_FIELD``), or a
        sentence about it (``PERIOD_VERB``)."""
        candidates: list[tuple[Period, Evidence]] = []
        if self.own_period:
            candidates.append(self.own_period)
        for line in self.source.lines[:60]:
            if m := pat.PERIOD_FIELD.match(line.text):
                if (p := PERIOD.search(line.text, m.end())) and (found := period_of(p)):
                    candidates.append(
                        (found, self.ev(line.start + p.start(), line.start + p.end()))
                    )
        for span, sentence in self.sentences():
            for verb in pat.PERIOD_VERB.finditer(sentence):
                p = PERIOD.match(sentence, verb.end())
                found = period_of(p) if p is not None else None
                if found is None:  # "Medborgarlöftet gäller under 2025."
                    p = re.compile(r"(?:år\s+)?(?P<year>(?:19|20)\d\d)\b(?![-–/]\d)").match(
                        sentence, verb.end()
                    )
                    found = year_period(p["year"]) if p is not None else None
                if p is None or found is None:
                    continue
                subject = self._sentence_subject(sentence, verb.start())
                if subject is not self.own:
                    continue
                candidates.append((found, self.ev(span.start + p.start(), span.start + p.end())))
        if not candidates:
            if self.own.get("period") is None:
                self.own.review.append("dokumentets period står inte i texten")
                self.own.doubt("period")
            return
        # Exact dates win over whole years when they agree on the years.
        best = max(
            candidates,
            key=lambda c: (c[0].as_yaml().count("/"), -candidates.index(c)),
        )
        self.own.set("period", best[0], best[1])
        for other, evidence in candidates:
            if other.years != best[0].years:
                self.own.review.append(
                    f"texten anger också perioden {other.as_yaml()} ({evidence.comment()}); "
                    f"utkastet använder {best[0].as_yaml()}"
                )

    def _sentence_subject(self, sentence: str, before: int) -> Entity | None:
        """The document a sentence is about: the first one it names before ``before``."""
        for m in pat.DOCUMENT_MENTION.finditer(sentence[:before]):
            return self._document_for(m, sentence)
        if self._own_reference().search(sentence[:before]):
            return self.own
        return None

    def _document_for(self, m: re.Match[str], sentence: str) -> Entity | None:
        """The document a mention stands for, among those found so far."""
        doc_type = self._type_of(m)
        if doc_type == self.own.get("type") and self._is_own(sentence, m.start()):
            return self.own
        same = [
            e
            for e in self.entities
            if e.section in ("documents", "series") and e.get("type") == doc_type
        ]
        if doc_type == self.own.get("type"):
            same = [e for e in same if e is not self.own] + [self.own]
        return same[0] if same else None

    def _document_at(self, offset: int, text: str) -> Entity | None:
        """The document ``text`` begins by naming (``detta handlingsprogram``, ``planen``)."""
        head = re.sub(r"^" + pat.DOCUMENT_DETERMINER, "", text[:120])
        m = pat.DOCUMENT_MENTION.match(head)
        if m is not None:
            return self._document_for(m, head)
        if self._own_reference().match(text) or re.match(r"(?i)(?:planen|dokumentet)\b", text):
            return self.own
        return None

    def _read_document_mentions(self) -> list[tuple[str, str, Evidence]]:
        """Documents named in running text, with a period right after the name
        (``PERIOD_FILLER``), or as a definite name (``samverkansöverenskommelsen``)."""
        undated: list[tuple[str, str, Evidence]] = []
        for span, sentence, m in self._mentions():
            doc_type = self._type_of(m)
            start = span.start + m.start()
            after = sentence[m.end() :]
            period_match = None
            for p in PERIOD.finditer(after):
                if pat.PERIOD_FILLER.match(after[: p.start()] + " "):
                    period_match = p
                break
            if relative := pat.RELATIVE_PERIOD.match(after):
                period_match = PERIOD.match(after, relative.end()) or period_match
            lone_year = None
            if period_match is None:
                for y in SINGLE_YEAR.finditer(after):
                    if pat.PERIOD_FILLER.match(after[: y.start()] + " ") and not re.match(
                        r"\s*[-–—:]\s*\d", after[y.end() :]
                    ):
                        lone_year = y
                    break
            own = doc_type == self.own.get("type") and (
                self._is_own(sentence, m.start()) or self.source.line_of(start) == self.title_line
            )
            if period_match is not None or lone_year is not None:
                found = (
                    period_of(period_match)
                    if period_match is not None
                    else year_period(lone_year.group(0))  # type: ignore[union-attr]
                )
                if found is None:
                    continue
                match = period_match or lone_year
                assert match is not None
                title = self._mention_title(m.group(0), after[: match.start()])
                evidence = self.ev(start, span.start + m.end() + match.end())
                self._dated_document(doc_type, found, title, evidence, own)
            elif doc_type != "trygghetsbokslut" and not own:
                if doc_type == self.own.get("type"):
                    continue
                preceding = sentence[: m.start()]
                definite = m.group(0).lower().endswith(DEFINITE_ENDINGS) and not m.group(
                    0
                ).lower().endswith(("löften", "planer", "bilder"))
                capitalised = (
                    m.group(0)[0].isupper()
                    and m.start() > 0
                    and not re.search(r"[.:]\s*$", preceding)
                )
                if pat.GENERIC_BEFORE.search(preceding) or not (definite or capitalised):
                    continue
                title = self._mention_title(m.group(0), "")
                undated.append((doc_type, title, self.ev(start, span.start + m.end())))
        return undated

    def _undated_documents(self, undated: list[tuple[str, str, Evidence]]) -> None:
        """A document named only without a period, when no dated one of its type is named: a
        document whose period is unknown (a medborgarlöfte named so in another document stands
        for the series of promises)."""
        for doc_type, title, evidence in undated:
            if doc_type == "medborgarlofte":
                self._series(doc_type, "Medborgarlöfte", evidence)
                continue
            if any(
                e.section in ("documents", "series") and e.get("type") == doc_type
                for e in self.entities
            ):
                continue
            entity, made = self.entity("documents", f"{doc_type}|-")
            if made:
                entity.set("title", title, evidence)
                entity.set("type", doc_type, evidence)
                entity.review.append("perioden står inte i texten")

    @staticmethod
    def _mention_title(name: str, filler: str) -> str:
        filler = re.sub(r"\s+(?:för\s+)?(?:perioden|åren|tiden)\s*$", "", filler).rstrip(" ,")
        title = re.sub(r"\s+", " ", (name + filler).strip())
        title = re.sub(r"(?i)^(handlingsprogram)(?:met|mets)\b", r"\1", title)
        title = re.sub(r"(?i)^(samverkansöverenskommelse)(?:n|ns)\b", r"\1", title)
        title = re.sub(r"(?i)^(medborgarlöfte)(?:t|ts)\b", r"\1", title)
        title = re.sub(r"(?i)^(lägesbild|åtgärdsplan)(?:en)\b", r"\1", title)
        return title[0].upper() + title[1:]

    def _dated_document(
        self, doc_type: str, period: Period, title: str, evidence: Evidence, own: bool
    ) -> Entity:
        if doc_type == self.own.get("type"):
            own_period = self.own.get("period")
            if own or own_period is None or own_period.years == period.years:
                if own_period is None:
                    self.own.set("period", period, evidence)
                else:
                    self.own.add("mentioned", period, evidence)
                return self.own
        for e in self.entities:
            if e.section == "documents" and e.get("type") == doc_type and e is not self.own:
                known = e.get("period")
                if known is not None and known.years == period.years:
                    if known.as_yaml().count("/") < period.as_yaml().count("/"):
                        e.facts["period"] = [Fact(period, evidence)]
                    else:
                        e.add("mentioned", period, evidence)
                    if len(title) > len(e.get("title")):
                        e.facts["title"] = [Fact(title, evidence)]
                    return e
        entity, _ = self.entity("documents", f"{doc_type}|{period.key()}")
        entity.set("title", title, evidence)
        entity.set("type", doc_type, evidence)
        entity.set("period", period, evidence)
        return entity

    def _read_document_tables(self) -> None:
        """Rows naming a document in one cell and its period or cadence in another."""
        for _number, row in sorted(self.layout.rows.items()):
            if len(row.cells) < 2 or self._in_notes(row.line.start):
                continue
            first = self.text[row.cells[0].start : row.cells[0].end]
            m = pat.DOCUMENT_MENTION.match(first)
            if m is None:
                continue
            doc_type = self._type_of(m)
            for cell in row.cells[1:]:
                value = self.text[cell.start : cell.end]
                evidence = self.ev(row.cells[0].start, cell.end)
                if (p := PERIOD.fullmatch(value.strip())) and (found := period_of(p)):
                    title = first.strip()
                    own = doc_type == self.own.get("type")
                    self._dated_document(doc_type, found, title, evidence, own)
                    break
                if c := CADENCE.search(value):
                    series = self._series(doc_type, first.strip(), evidence)
                    series.set(
                        "cadence",
                        cadence_of(c),
                        self.ev(cell.start + c.start(), cell.start + c.end()),
                    )
                    break

    def _series(self, doc_type: str, title: str, evidence: Evidence) -> Entity:
        entity, made = self.entity("series", doc_type)
        if made:
            entity.set(
                "title",
                TYPE_WORDS[doc_type] if doc_type != "brottsforebyggande-plan" else title,
                evidence,
            )
            entity.set("type", doc_type, evidence)
        return entity

    def _read_part_of(self) -> None:
        """``X är en del av Y``, ``X ingår i Y``, ``X är en förlängning av Y`` (``PART_OF``)."""
        for span, sentence in self.sentences():
            for link in pat.PART_OF.finditer(sentence):
                child = self._child_before(sentence, link.start())
                parent = self._document_at(span.start + link.end(), sentence[link.end() :])
                if child is None or parent is None or child is parent:
                    continue
                evidence = self.ev(span.start, span.end)
                if child.get("type") == "medborgarlofte" and child is not self.own:
                    series = self._series("medborgarlofte", "Medborgarlöfte", evidence)
                    series.set("part_of", parent, evidence)
                    for e in self.entities:
                        if e.section == "documents" and e.get("type") == "medborgarlofte":
                            e.set("part_of", parent, evidence)
                    continue
                child.set("part_of", parent, evidence)
                if child is self.own and child.get("type") == "medborgarlofte":
                    for e in self.entities:
                        if e.section == "series" and e.get("type") == "medborgarlofte":
                            e.set("part_of", parent, evidence)

    def _child_before(self, sentence: str, end: int) -> Entity | None:
        head = sentence[:end]
        mentions = list(pat.DOCUMENT_MENTION.finditer(head))
        if mentions and not head[mentions[-1].end() :].strip():
            m = mentions[-1]
            if self._type_of(m) == "medborgarlofte" and self.own.get("type") != "medborgarlofte":
                return (
                    self._series("medborgarlofte", "Medborgarlöfte", self.ev(0, 0))
                    if any(e.section == "series" for e in self.entities)
                    else self._document_for(m, sentence)
                    or self._series("medborgarlofte", "Medborgarlöfte", self.ev(0, 0))
                )
            return self._document_for(m, sentence)
        own = list(self._own_reference().finditer(head))
        if own and not head[own[-1].end() :].strip():
            return self.own
        return None

    def _read_cadences(self) -> None:
        """How often a kind of document is renewed (``RENEWAL`` + a cadence) and since when
        (``SINCE``): a series for medborgarlöften, a note for other documents."""
        for span, sentence in self.sentences():
            mentions = list(pat.DOCUMENT_MENTION.finditer(sentence))
            own_ref = self._own_reference().search(sentence)
            for verb in pat.RENEWAL.finditer(sentence):
                c = CADENCE.search(sentence, verb.end())
                if c is None or c.start() - verb.end() > 30:
                    continue
                subject = mentions[0] if mentions else None
                doc_type = self._type_of(subject) if subject else None
                if doc_type is None and (
                    own_ref is not None
                    or (  # "Löftena förnyas varje år" in a medborgarlöfte
                        self.own.get("type") == "medborgarlofte"
                        and re.match(r"\W*(?:[Ll]öftet|[Ll]öftena|[Vv]åra\s+löften)\b", sentence)
                    )
                ):
                    doc_type = self.own.get("type")
                if doc_type is None:
                    continue
                evidence = self.ev(span.start + verb.start(), span.start + c.end())
                if doc_type == "medborgarlofte":
                    series = self._series(doc_type, "Medborgarlöfte", evidence)
                    series.set("cadence", cadence_of(c), evidence)
                elif subject is None or self._document_for(subject, sentence) is self.own:
                    self.own.notes.append(
                        f"{sentence[verb.start() : c.end()].strip().capitalize()} "
                        f"(rad {evidence.lines})."
                    )
            for m in pat.SINCE.finditer(sentence):
                first = mentions[0] if mentions else None
                if first is not None and self._type_of(first) == "medborgarlofte":
                    series = self._series("medborgarlofte", "Medborgarlöfte", self.ev(0, 0))
                    series.set(
                        "since",
                        int(m["year"]),
                        self.ev(span.start + m.start(), span.start + m.end()),
                    )
        for series in self.entities:
            if series.section == "series" and "cadence" not in series.facts:
                series.review.append("hur ofta en ny kommer står inte i texten")

    # --- laws, strategies, works cited ------------------------------------------------------

    def _read_laws(self) -> None:
        """Laws by SFS number (``LAW``) or by name (``LAW_NAMES``); a law becomes the legal
        basis of a document whose type it governs (``LEGAL_BASIS``) when the same paragraph
        names both, and otherwise a reference of the document itself."""
        self.laws: dict[str, Evidence] = {}
        self.based_by_text: set[str] = set()
        paragraphs: dict[str, list[Span]] = {}
        for span, sentence in self.sentences():
            found: list[tuple[str, int, int]] = []
            for m in pat.LAW.finditer(sentence):
                number = m["number"] or m["msbfs"]
                name = (
                    ("MSBFS " + number.split()[-1].replace("MSBFS", "").strip())
                    if m["msbfs"]
                    else f"SFS {number}"
                )
                found.append((name, m.start(), m.end()))
            for number, pattern in pat.LAW_NAMES:
                for m in re.finditer(pattern, sentence):
                    found.append((f"SFS {number}", m.start(), m.end()))
            for name, a, b in found:
                name = re.sub(r"\s+", " ", name)
                evidence = self.ev(span.start + a, span.start + b)
                self.laws.setdefault(name, evidence)
                paragraphs.setdefault(name, []).append(self._paragraph(span))
                according = pat.ACCORDING_TO.search(sentence[:a] + " ")
                if according is not None and according.end() >= a - 1:
                    subject = self._sentence_subject(sentence, according.start())
                    if subject is not None and subject.section == "documents":
                        subject.add("legal_basis", ("law", name), evidence)
                        self.based_by_text.add(name)
        for name, evidence in self.laws.items():
            based = name in self.based_by_text
            for doc in [e for e in self.entities if e.section == "documents"]:
                governs = pat.LEGAL_BASIS.get(doc.get("type"))
                if governs is None or f"SFS {governs}" != name:
                    continue
                if any(self._paragraph_names(p, doc) for p in paragraphs[name]):
                    doc.add("legal_basis", ("law", name), evidence)
                    based = True
            if not based:
                self.own.add("references", ("law", name), evidence)

    def _paragraph(self, span: Span) -> Span:
        """The paragraph (run of non-blank lines) holding ``span``."""
        first = last = self.source.line_of(span.start)
        while first > 1 and self.layout.kinds.get(first - 1) not in ("blank", "heading"):
            first -= 1
        while last < len(self.layout.kinds) and self.layout.kinds.get(last + 1) not in (
            "blank",
            "heading",
        ):
            last += 1
        return Span(self.layout.line(first).start, self.layout.line(last).end)

    def _paragraph_names(self, paragraph: Span, doc: Entity) -> bool:
        chunk = self.text[paragraph.start : paragraph.end]
        return any(
            self._type_of(m) == doc.get("type") for m in pat.DOCUMENT_MENTION.finditer(chunk)
        )

    def _read_strategies(self) -> None:
        """Named strategies and their year (``STRATEGY``)."""
        for span, sentence in self.sentences():
            for m in pat.STRATEGY.finditer(sentence):
                title = (m["title"] or m["title2"]).strip()
                title = title[0].upper() + title[1:]
                group = "title" if m["title"] else "title2"
                evidence = self.ev(span.start + m.start(group), span.start + m.end(group))
                entity, made = self.entity("documents", f"strategi|{title.lower()}")
                if made:
                    entity.set("title", title, evidence)
                    entity.set("type", "strategi", None)
                    if m["year2"]:
                        entity.set("issued", int(m["year2"]), evidence)
                    else:
                        entity.notes.append(
                            f"Årtalet {m['year']} står i namnet; om det är utgivningsår eller "
                            "slutår framgår inte av texten."
                        )
                    self.own.add("references", entity, evidence)

    def _read_works_cited(self) -> None:
        """Works in the footnotes that end the text, or under a heading such as
        ``Referenser`` (``WORK_FULL``, ``WORK_SHORT``)."""
        for line in self.source.lines:
            in_notes = line.number >= self.layout.notes_start
            under = pat.REFERENCE_HEADINGS.match(self.layout.heading_text(line.number))
            if not (in_notes or under) or not line.text.strip():
                continue
            if self.layout.kinds[line.number] == "heading":
                continue
            body = re.sub(r"^\s*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\^\d+\]:|[-•*]|\d+[.)])\s*", "", line.text)
            offset = line.start + len(line.text) - len(body)
            for start, work in self._works(body):
                self._work(offset + start, work)

    @staticmethod
    def _works(body: str) -> list[tuple[int, str]]:
        """The works of one footnote: parts between semicolons, each a full reference or a
        comma-separated run of ``Author Year``."""
        works = []
        text = body.rstrip()
        position = 0
        for part in re.split(r"\s*;\s*", text):
            at = text.index(part, position)
            position = at + len(part)
            if pat.WORK_FULL.match(part.replace("*", "")):
                works.append((at, part))
                continue
            inner = 0
            for piece in re.split(r"\s*,\s*", part):
                where = part.index(piece, inner)
                inner = where + len(piece)
                if pat.WORK_SHORT.match(piece.replace("*", "")):
                    works.append((at + where, piece))
        return works

    def _work(self, offset: int, text: str) -> None:
        plain = text.replace("*", "").strip()
        evidence = self.ev(offset, offset + len(text))
        m = pat.WORK_FULL.match(plain) or pat.WORK_SHORT.match(plain)
        if m is None:
            return
        authors = [a for a in pat.AUTHOR_SPLIT.split(m["authors"].strip()) if a]
        year = int(m["year"])
        first = authors[0] if authors else m["authors"]
        person = pat.PERSON.match(first)
        surname = person["surname"] if person else first
        entity, made = self.entity("documents", f"work|{surname.lower()}|{year}")
        if not made:
            return
        title = m.groupdict().get("title")
        entity.set("title", title.strip().rstrip(".") if title else f"{first} {year}", evidence)
        entity.set("type", "publikation", None)
        for author in authors:
            entity.add("creator", author, evidence)
        entity.set("issued", year, evidence)
        if title:
            entity.set("citation", plain.rstrip("."), evidence)
        else:
            entity.notes.append("Texten anger inte verkets titel.")
        entity.set("surname", surname, None)
        self.own.add("references", entity, evidence)

    # --- goal areas, goals, focus areas, activities -----------------------------------------

    def _read_goal_areas(self) -> None:
        """The stated number of goal areas (``GOAL_AREA_COUNT``), goal areas named in running
        text (``GOAL_AREA_NAMED``), listed after the count (``… fem målområden: a, b och c``),
        or as lines (``GOAL_AREA_LINE``)."""
        self.last_goal_area: Entity | None = None
        for span, sentence in self.sentences():
            owner = self._sentence_subject(sentence, len(sentence)) or self.own
            for m in pat.GOAL_AREA_COUNT.finditer(sentence):
                owner = self._sentence_subject(sentence, m.start()) or self.own
                owner.set(
                    "goal_area_count",
                    pat.count_value(m["count"]),
                    self.ev(span.start + m.start(), span.start + m.end()),
                )
                rest = sentence[m.end() :]
                if listed := re.match(r"\s*:\s*(?P<list>[^.]+)", rest):
                    offset = span.start + m.end() + listed.start("list")
                    position = 0
                    for part in pat.LIST_SPLIT.split(listed["list"]):
                        at = listed["list"].index(part, position)
                        position = at + len(part)
                        if part.strip():
                            self._goal_area(
                                part.strip(), owner, self.ev(offset + at, offset + at + len(part))
                            )
            for m in pat.GOAL_AREA_NAMED.finditer(sentence):
                holder = owner
                if holder is self.own and self.own.get("type") != "handlingsprogram":
                    programmes = [
                        e
                        for e in self.entities
                        if e.section == "documents" and e.get("type") == "handlingsprogram"
                    ]
                    holder = programmes[0] if programmes else self.own
                self._goal_area(
                    m["title"],
                    holder,
                    self.ev(span.start + m.start("title"), span.start + m.end("title")),
                )
            if m2 := pat.GOAL_AREA_LINE.match(sentence):
                self._goal_area(
                    m2["title"],
                    self.own,
                    self.ev(span.start + m2.start("title"), span.start + m2.end("title")),
                )
        for doc in self.entities:
            count = doc.get("goal_area_count")
            named = [
                e for e in self.entities if e.section == "goal_areas" and e.get("document") is doc
            ]
            if count and named and len(named) != count:
                doc.notes.append(
                    f"Texten anger {count} målområden och namnger {len(named)}: "
                    + ", ".join(e.get("title") for e in named)
                    + "."
                )

    def _goal_area(self, title: str, owner: Entity, evidence: Evidence) -> None:
        title = title.strip()
        title = title[0].upper() + title[1:]
        entity, made = self.entity("goal_areas", title.lower())
        if made:
            entity.set("title", title, evidence)
            entity.set("document", owner, None)
        self.last_goal_area = entity

    def _items_under(self, headings: re.Pattern[str]) -> Iterator[tuple[int, str]]:
        """Lines that are list items (or table rows) under a heading matching ``headings``,
        also when a lead line (``Polisen lovar att``) stands between."""
        for number, kind in self.layout.kinds.items():
            if kind not in ("item", "row") or self._in_notes(self.layout.line(number).start):
                continue
            heading = self.layout.section.get(number, 0)
            while heading:
                text = clean(self.layout.line(heading).text).lower().rstrip(":")
                if headings.match(text):
                    yield number, kind
                    break
                if not pat.ACTOR_LEAD.match(self.layout.line(heading).text):
                    break
                heading = self.layout.section.get(heading, 0)

    def _item_text(self, number: int) -> tuple[int, str]:
        line = self.layout.line(number)
        m = re.match(r"^\s*(?:[-•*–▪◦]|\d{1,2}[.)]|[a-z][.)])\s+", line.text)
        start = m.end() if m else len(line.text) - len(line.text.lstrip())
        body = line.text[start:].rstrip()
        body = re.sub(r"[\s,.;]+$", "", body)
        body = re.sub(r"^\*\*|\*\*$", "", body)
        return line.start + start, body

    def _read_goals_and_focus_areas(self) -> None:
        """Goals (``GOAL_LINE``, items under ``GOAL_HEADINGS``) and prioritised areas or
        promises (``FOCUS_LINE``, items under ``FOCUS_HEADINGS`` or after ``FOCUS_LEAD``)."""
        for span, sentence in self.sentences():
            if m := pat.GOAL_LINE.match(sentence):
                self._objective("goals", m["text"], span.start + m.start("text"))
            if m2 := pat.FOCUS_LINE.match(sentence):
                self._objective("focus_areas", m2["text"], span.start + m2.start("text"))
        for number, kind in self._items_under(pat.GOAL_HEADINGS):
            if kind == "item":
                start, body = self._item_text(number)
                self._objective("goals", body, start)
        for number, kind in self._items_under(pat.FOCUS_HEADINGS):
            if kind == "item":
                start, body = self._item_text(number)
                self._objective("focus_areas", body, start)
        for span, sentence in self.sentences():
            if not pat.FOCUS_LEAD.search(sentence):
                continue
            number = self.source.line_of(span.end) + 1
            while number <= len(self.layout.kinds) and self.layout.kinds[number] in (
                "item",
                "blank",
            ):
                if self.layout.kinds[number] == "item":
                    start, body = self._item_text(number)
                    self._objective("focus_areas", body, start)
                number += 1

    def _objective(self, section: str, text: str, start: int) -> None:
        text = re.sub(r"[\s.,;]+$", "", text.strip())
        if len(text) < 3:
            return
        entity, made = self.entity(section, text.lower())
        if made:
            entity.set("title", text, self.ev(start, start + len(text)))
            entity.set("document", self.own, None)
            if section == "focus_areas":
                entity.set("prioritised", True, None)

    def _read_activities(self) -> None:
        """Activities: ``ACTIVITY_LINE`` lines, items under ``ACTIVITY_HEADINGS`` (with the
        party of a lead line such as ``Polisen lovar att``), and rows of an activity table
        (``ACTIVITY_COLUMNS``). Responsible organisations and years come from the line, the
        table or the lead; without a year the document's own period is used, with a note."""
        for span, sentence in self.sentences():
            if m := pat.ACTIVITY_LINE.match(sentence):
                self._activity(span.start + m.start("text"), m["text"], None, None)
        header: dict[str, int] | None = None
        for number, kind in self._items_under(pat.ACTIVITY_HEADINGS):
            if kind == "row":
                row = self.layout.rows[number]
                cells = [self.text[c.start : c.end] for c in row.cells]
                if header is None or (
                    self.layout.kinds.get(number - 1) not in ("row", "blank")
                    and not self._previous_row(number)
                ):
                    header = self._activity_header(cells)
                    if header is not None:
                        continue
                if header is None or "title" not in header or header["title"] >= len(cells):
                    continue
                if self._activity_header(cells) is not None:
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
                self._activity(
                    title_cell.start,
                    self.text[title_cell.start : title_cell.end],
                    responsible,
                    year,
                )
                continue
            start, body = self._item_text(number)
            lead_actor = None
            heading = self.layout.section.get(number, 0)
            if heading and (lead := pat.ACTOR_LEAD.match(self.layout.line(heading).text)):
                line = self.layout.line(heading)
                lead_actor = Span(line.start + lead.start("who"), line.start + lead.end("who"))
            body = re.sub(r"^att\s+", "", body)
            self._activity(
                start + (len(self.layout.line(number).text) and 0), body, lead_actor, None
            )

    def _previous_row(self, number: int) -> bool:
        return self.layout.kinds.get(number - 1) == "row" or (
            self.layout.kinds.get(number - 1) == "blank"
            and self.layout.kinds.get(number - 2) == "row"
        )

    @staticmethod
    def _activity_header(cells: list[str]) -> dict[str, int] | None:
        found: dict[str, int] = {}
        for n, cell in enumerate(cells):
            for name, pattern in pat.ACTIVITY_COLUMNS.items():
                if name not in found and pattern.match(cell.strip()) and len(cell) < 30:
                    found[name] = n
        return found if "title" in found and len(found) >= 2 else None

    def activity_at(self, start: int, text: str, lead: Span | None) -> Entity | None:
        """The activity of a list item (made if new), its party from ``lead`` if given."""
        return self._activity(start, text, lead, None)

    def _activity(
        self, start: int, text: str, responsible: Span | None, year: Span | None
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
        entity, made = self.entity("activities", title.lower())
        if not made:
            return entity
        entity.set("title", title, self.ev(start, start + len(title)))
        entity.set("document", self.own, None)
        actors: list[tuple[int, str]] = []
        years: list[tuple[int, str]] = []
        if detail:
            position = 0
            for part in re.split(r"\s*[,;]\s*", inner):
                at = inner.index(part, position)
                position = at + len(part)
                (
                    years if re.fullmatch(r"\d{4}(?:\s*[-–]\s*\d{4})?", part.strip()) else actors
                ).append((detail_start + at, part))
        if responsible is not None:
            cell = self.text[responsible.start : responsible.end]
            position = 0
            for part in pat.LIST_SPLIT.split(cell):
                at = cell.index(part, position)
                position = at + len(part)
                actors.append((responsible.start + at, part))
        if year is not None:
            years.append((year.start, self.text[year.start : year.end]))
        if not actors:  # the subject of the item: "Polisen ökar närvaron …"
            for subject, span, note in subject_actors(self, start, title):
                entity.add("responsible", subject, self.ev(span.start, span.end))
                if note:
                    entity.review.append(f"ansvarig: {note}")
        for at, part in actors:
            who, note = self.resolve_actor(at, part)
            evidence = self.ev(at, at + len(part))
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
                    entity.set("year", found.years, self.ev(at, at + len(part)))
            elif re.fullmatch(r"\d{4}", value):
                entity.set("year", [int(value)], self.ev(at, at + len(part)))
        if "responsible" not in entity.facts:
            entity.doubt("responsible")
            if not any("ansvarig" in r for r in entity.review):
                entity.review.append("vem som ansvarar står inte vid aktiviteten")
        entity.doubt("goal")  # until the structure links it (promises.py)
        return entity

    # --- follow-up, process, domains, purpose -----------------------------------------------

    def _read_follow_up(self) -> None:
        """Follow-up: a sentence with a verb of follow-up (``FOLLOW_UP``) and a cadence; a
        trygghetsbokslut named in it is the kind of report. The first such sentence about a
        document sets its follow-up; later ones go into its note."""
        for span, sentence in self.sentences():
            verb = pat.FOLLOW_UP.search(sentence)
            active = ACTIVE_FOLLOW_UP.search(sentence)
            if verb is None or (active is not None and active.start() < verb.start()):
                verb = active
            if verb is None:
                continue
            # A group before a passive verb is what is followed up (its work), not the
            # document; a group before an active verb is who follows the document up.
            if verb is not active and self._groups_in(span.start, sentence[: verb.start()]):
                continue
            found = CADENCE.search(sentence, verb.end()) or CADENCE.search(sentence[: verb.start()])
            cadence: tuple[str, re.Match[str]] | None = (
                (cadence_of(found), found) if found is not None else implied_cadence(sentence)
            )
            subject = self._sentence_subject(sentence, verb.start())
            if (
                subject is None
                or subject.section != "documents"
                or subject.get("type") == "trygghetsbokslut"
            ):
                subject = self.own
            report = next(
                (
                    m
                    for m in pat.DOCUMENT_MENTION.finditer(sentence)
                    if self._type_of(m) == "trygghetsbokslut"
                ),
                None,
            )
            if cadence is None and report is None:
                continue
            evidence = self.ev(span.start, span.end)
            if "follow_up.cadence" in subject.facts or "follow_up.document_type" in subject.facts:
                subject.notes.append(
                    f"Uppföljning också: {sentence.strip()} (rad {evidence.lines})"
                )
                continue
            if cadence is not None:
                duration, where = cadence
                subject.set(
                    "follow_up.cadence",
                    duration,
                    self.ev(span.start + where.start(), span.start + where.end()),
                )
            if report is not None:
                subject.set(
                    "follow_up.document_type",
                    "trygghetsbokslut",
                    self.ev(span.start + report.start(), span.start + report.end()),
                )

    def _read_phases_and_domains(self) -> None:
        """The work process (a sentence naming three or more of ``PHASES``) and the factor
        domains (a sentence about risk or protective factors naming three or more of
        ``DOMAINS``)."""
        for span, sentence in self.sentences():
            for field_name, table, needs in (
                ("process_phases", pat.PHASES, None),
                ("considers_domains", pat.DOMAINS, pat.FACTOR_WORDS),
            ):
                hits = []
                for concept, pattern in table:
                    if m := re.search(pattern, sentence, re.IGNORECASE):
                        hits.append((concept, m))
                if len(hits) < 3 or (needs is not None and not needs.search(sentence)):
                    continue
                for concept, m in sorted(hits, key=lambda h: h[1].start()):
                    self.own.add(
                        field_name, concept, self.ev(span.start + m.start(), span.start + m.end())
                    )

    def _read_purpose(self) -> None:
        """The stated purpose (``PURPOSE``)."""
        for span, sentence in self.sentences():
            if m := pat.PURPOSE.search(sentence.strip()):
                offset = span.start + len(sentence) - len(sentence.lstrip())
                text = m["text"].strip()
                self.own.set(
                    "purpose",
                    text[0].upper() + text[1:] + ".",
                    self.ev(offset + m.start("text"), offset + m.end("text")),
                )
                return

    # --- header, decisions, parties ---------------------------------------------------------

    def _read_header(self) -> None:
        """Header fields (``HEADER_FIELDS``): each one shown, filled or empty. Where the header
        gives no decision, a sentence such as ``Planen antogs av kommunfullmäktige den …``
        (``DECISION_SENTENCE``) does."""
        seen: set[str] = set()
        for line in self.source.lines:
            if self._in_notes(line.start):
                continue
            if (decided := read_decision_line(line.text)) is not None:
                for name, where in (("decision.by", decided.body), ("decision.date", decided.date)):
                    if where is None or name in seen:
                        continue
                    seen.add(name)
                    evidence = self.ev(line.start + where[0], line.start + where[1])
                    self._header_value(name, line.text[where[0] : where[1]], evidence, evidence)
                continue
            m = pat.HEADER_LINE.match(line.text)
            if m is None:
                continue
            name = next(
                pat.HEADER_FIELDS[n][0] for n in range(len(pat.HEADER_FIELDS)) if m[f"f{n}"]
            )
            if name in seen:
                continue
            seen.add(name)
            value = m["value"].strip()
            label = self.ev(line.start + m.start("label"), line.start + m.end("label"))
            if not value:
                self.own.empty[name] = self.ev(line.start, line.end)
                continue
            evidence = self.ev(
                line.start + m.start("value"),
                line.start + m.start("value") + len(m["value"].rstrip()),
            )
            self._header_value(name, value, evidence, label)
        if "decision.by" in seen or "decision.date" in seen:
            return
        for span, sentence in self.sentences():
            for m in pat.DECISION_SENTENCE.finditer(sentence):
                subject = self._sentence_subject(sentence, m.start())
                if subject is not self.own:
                    continue
                body = self.ev(span.start + m.start("body"), span.start + m.end("body"))
                self._header_value("decision.by", m["body"], body, body)
                if m["date"]:
                    when = self.ev(span.start + m.start("date"), span.start + m.end("date"))
                    self._header_value("decision.date", m["date"], when, when)
                return

    def _header_value(self, name: str, value: str, evidence: Evidence, label: Evidence) -> None:
        if name in ("handlaggare", "reviewed_by"):
            self.own.set(name, value, evidence)
            return
        if name == "decision.date":
            day = read_date(re.split(r"[,;(§]", value)[0])
            if day is None:
                self.own.review.append(
                    f"beslutsdatumet ”{value}” ({evidence.comment()}) är inte ett datum som "
                    "kan läsas; skriv det som ÅÅÅÅ-MM-DD"
                )
                return
            self.own.set(name, day, evidence)
            return
        body, _ = self.resolve_actor(evidence.start, value)
        if body is None and value.strip().lower() in pat.BODY_ABBREVIATIONS:
            full = pat.BODY_ABBREVIATIONS[value.strip().lower()]
            body, made = self.entity("organisations", full.lower())
            if made:
                body.set("name", full, evidence)
                body.set("type", "namnd", None)
                body.set("part_of", self.municipality, None)
        if body is None:
            body, made = self.entity("organisations", value.lower())
            if made:
                body.set("name", value, evidence)
                body.set("type", "organisation", None)
                body.review.append(
                    f"beslutande organ ”{value}” är inte en känd sorts organisation; ange typ"
                )
        self.own.set(name, body, evidence)

    def _read_parties(self) -> None:
        """Parties: ``mellan A och B`` (``BETWEEN``) and ``A i samverkan med B``
        (``TOGETHER_WITH``) in the document's title or in a sentence about it, or a line under
        the title naming only organisations; signatories from signature lines
        (``SIGNATURE``)."""
        head_end = self.title_line + 3
        for span, sentence in self.sentences():
            number = self.source.line_of(span.start)
            about_own = number <= head_end or self._is_about_own(sentence)
            if not about_own:
                continue
            for m in pat.BETWEEN.finditer(sentence):
                before = sentence[: m.start()]
                mentions = list(pat.DOCUMENT_MENTION.finditer(before))
                if mentions and self._type_of(mentions[-1]) != self.own.get("type"):
                    continue
                for group in ("a", "b"):
                    self._party(span.start + m.start(group), m[group])
            for m in pat.TOGETHER_WITH.finditer(sentence):
                before = sentence[: m.start()]
                self._party(span.start, before)
                self._party(span.start + m.start("b"), m["b"])
        for number in range(self.title_line + 1, min(head_end, len(self.layout.kinds)) + 1):
            line = self.layout.line(number)
            if self.layout.kinds[number] not in ("heading", "text") or not line.text.strip():
                continue
            rest = line.text
            found = self._organisations_in(line.start, line.text, register=False)
            for _, s in found:
                rest = rest.replace(self.text[s.start : s.end], "")
            if found and not re.sub(r"\b(?:och|samt|i\s+samverkan\s+med)\b|[,&]", "", rest).strip():
                for entity, s in found:
                    self.own.add("parties", entity, self.ev(s.start, s.end))
        read_signatures(self)
        if "signed_by" in self.own.facts:
            self.own.review.append(
                "undertecknare är lästa ur underskriftsraderna; kontrollera i originalet att "
                "dokumentet verkligen är undertecknat"
            )

    def _is_about_own(self, sentence: str) -> bool:
        return (
            bool(self._own_reference().search(sentence))
            and self._sentence_subject(sentence, len(sentence)) is self.own
        )

    def _party(self, offset: int, text: str) -> None:
        who, _ = self.resolve_actor(offset, text)
        if who is None:
            for kind, pattern in pat.GENERIC_ACTORS:
                if re.match(pattern + r"\s*$", text.strip()):
                    candidates = self.organisations_of(kind)
                    who = candidates[0] if len(candidates) == 1 else None
        if who is not None and who.section in ("municipality", "organisations"):
            stripped = text.strip()
            at = offset + text.index(stripped) if stripped else offset
            self.own.add("parties", who, self.ev(at, at + min(len(stripped), 60)))

    def _read_code(self) -> Fact | None:
        """A municipality code written in the text (``MUNICIPALITY_CODE``)."""
        if m := pat.MUNICIPALITY_CODE.search(self.text):
            return Fact(m["code"], self.ev(m.start("code"), m.end("code")))
        return None

    # --- finishing --------------------------------------------------------------------------

    def _finish(self) -> None:
        """Settle what only the whole text decides: a ledningsgrupp that is not the styrgrupp
        is an organisation; a group whose type is unknown gets a review note; activities
        without years get the document's period."""
        for group in [e for e in self.entities if e.section == "groups"]:
            if not group.get("type"):
                group.section = "organisations"
                group.facts["type"] = [Fact("organisation", None)]
                group.set("part_of", self.municipality, None)
                for name in ("members", "convener", "reports_to"):
                    if name in group.facts:
                        group.notes.append(
                            f"{name}: " + ", ".join(str(v.label) for v in group.values(name))
                        )
                        del group.facts[name]
            elif (
                group.get("word") in ("trygghetsråd", "brottsförebyggande råd")
                and group.get("type") != "styrgrupp"
            ):
                group.review.append(
                    "texten säger inte om rådet är styrgrupp eller arbetsgrupp; satt till "
                    "arbetsgrupp"
                )
            if group.get("name", "").lower().startswith("kommunens"):
                group.set("part_of", self.municipality, None)
        series = [e for e in self.entities if e.section == "series"]
        for doc in [e for e in self.entities if e.section == "documents"]:
            same = [s for s in series if s.get("type") == doc.get("type")]
            if same:
                doc.set("series", same[0], None)
        period = self.own.get("period")
        for activity in [e for e in self.entities if e.section == "activities"]:
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
                activity.set("year", [int(stated["year"])], self.ev(at, at + 4))
                continue
            activity.set("year", period.years, None)
            if len(period.years) == 1:  # a one-year document: its activities are of that year
                continue
            activity.doubt("year")
            activity.review.append(
                "året står inte vid aktiviteten; utkastet använder dokumentets period "
                f"{period.as_yaml()}"
            )


def as_dict(extraction: Extraction) -> dict[str, Any]:
    """A plain summary for debugging: section → list of (key, {field: values})."""
    out: dict[str, Any] = {}
    for e in extraction.entities:
        out.setdefault(e.section, []).append(
            (e.key, {k: [getattr(v.value, "key", v.value) for v in f] for k, f in e.facts.items()})
        )
    return out
