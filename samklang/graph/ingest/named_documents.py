"""The other documents a plan names, with their periods: in running text with a period
after the name (``Handlingsprogram för trygghet 2024–2027``), as a definite name
(``samverkansöverenskommelsen``), in a table's rows (``Dokument / Löper under perioden``), and
in a sentence that says when one runs (``… gäller 2024–2027``, ``… gäller fr.o.m. 2024``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from samklang.graph.ingest import patterns as pat
from samklang.graph.ingest.literals import might_match
from samklang.graph.ingest.mentions import (
    document_mentions,
    is_own,
    names_itself,
    own_reference,
    type_of,
)
from samklang.graph.ingest.model import Entity, Evidence, Fact
from samklang.graph.ingest.own_period import mark_open_period, years_after
from samklang.graph.ingest.periods import (
    CADENCE,
    OPEN_START,
    PERIOD,
    SINGLE_YEAR,
    Period,
    cadence_of,
    open_period_of,
    period_of,
    year_period,
)
from samklang.graph.ingest.series import series_entity

if TYPE_CHECKING:
    from samklang.graph.ingest.reader import Reader

DEFINITE_ENDINGS = ("en", "et", "n", "t", "met")


def read_document_mentions(reader: Reader) -> list[tuple[str, str, Evidence]]:
    """Documents named in running text, with a period right after the name
    (``PERIOD_FILLER``), or as a definite name (``samverkansöverenskommelsen``)."""
    undated: list[tuple[str, str, Evidence]] = []
    for span, sentence, m in document_mentions(reader):
        doc_type = type_of(m)
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
        if period_match is None and relative is not None:
            lone_year = SINGLE_YEAR.match(after, relative.end())
        if period_match is None and lone_year is None:
            for y in SINGLE_YEAR.finditer(after):
                if (
                    pat.PERIOD_FILLER.match(after[: y.start()] + " ")
                    and not re.match(r"\s*[-–—:]\s*\d", after[y.end() :])
                    and not pat.SEASON_BEFORE.search(after[: y.start()])
                ):
                    lone_year = y
                break
        own = doc_type == reader.own.get("type") and (
            is_own(reader, sentence, m.start())
            or reader.source.line_of(start) == reader.title_line
        )
        if not own and names_itself(reader, sentence, m):
            continue  # "Handlingsplanen är kommunens åtgärdsplan": the document itself
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
            title = _mention_title(m.group(0), after[: match.start()])
            evidence = reader.ev(start, span.start + m.end() + match.end())
            _dated_document(reader, doc_type, found, title, evidence, own)
        elif doc_type != "trygghetsbokslut" and not own:
            if doc_type == reader.own.get("type"):
                continue
            preceding = sentence[: m.start()]
            definite = m.group(0).lower().endswith(DEFINITE_ENDINGS) and not m.group(
                0
            ).lower().endswith(("löften", "planer", "bilder"))
            capitalised = (
                m.group(0)[0].isupper() and m.start() > 0 and not re.search(r"[.:]\s*$", preceding)
            )
            possessed = pat.POSSESSED.search(preceding) is not None
            if pat.GENERIC_BEFORE.search(preceding) or not (definite or capitalised or possessed):
                continue
            title = _mention_title(m.group(0), "")
            undated.append((doc_type, title, reader.ev(start, span.start + m.end())))
    return undated


def read_document_tables(reader: Reader) -> None:
    """Rows naming a document in one cell and its period or cadence in another."""
    for _number, row in sorted(reader.layout.rows.items()):
        if len(row.cells) < 2 or reader.in_notes(row.line.start):
            continue
        first = reader.text[row.cells[0].start : row.cells[0].end]
        m = pat.DOCUMENT_MENTION.match(first)
        if m is None:
            continue
        doc_type = type_of(m)
        for cell in row.cells[1:]:
            value = reader.text[cell.start : cell.end]
            evidence = reader.ev(row.cells[0].start, cell.end)
            if (p := PERIOD.fullmatch(value.strip())) and (found := period_of(p)):
                title = first.strip()
                own = doc_type == reader.own.get("type")
                _dated_document(reader, doc_type, found, title, evidence, own)
                break
            if c := CADENCE.search(value):
                series = series_entity(reader, doc_type, first.strip(), evidence)
                series.set(
                    "cadence",
                    cadence_of(c),
                    reader.ev(cell.start + c.start(), cell.start + c.end()),
                )
                break


def read_undated_documents(reader: Reader, undated: list[tuple[str, str, Evidence]]) -> None:
    """A document named only without a period, when no dated one of its type is named: a
    document whose period is unknown (a medborgarlöfte named so in another document stands
    for the series of promises)."""
    for doc_type, title, evidence in undated:
        if doc_type == "medborgarlofte":
            series_entity(reader, doc_type, "Medborgarlöfte", evidence)
            continue
        if any(
            e.section in ("documents", "series") and e.get("type") == doc_type
            for e in reader.documents
        ):
            continue
        entity, made = reader.entity("documents", f"{doc_type}|-")
        if made:
            entity.set("title", title, evidence)
            entity.set("type", doc_type, evidence)
            entity.review.append("perioden står inte i texten")


def read_stated_periods(reader: Reader) -> None:
    """A sentence about another document that says when it runs (``PERIOD_VERB``):
    ``Samverkansöverenskommelsen mellan kommunen och polisen gäller 2024–2027``, ``nuvarande
    medborgarlöfte gäller 2024–25``, or with a start and no end, ``… gäller fr.o.m. 2024 och
    tills vidare`` (an open period, ``mark_open_period``). The document is the first one
    named in the clause before the verb; a document whose period is already known keeps
    it."""
    for span, sentence, lowered in reader.sentences_lowered():
        if not might_match(pat.PERIOD_VERB, lowered):
            continue  # no verb of validity in it (literals.py)
        for verb in pat.PERIOD_VERB.finditer(sentence):
            clause_start = max(sentence.rfind(";", 0, verb.start()), 0)
            clause = sentence[clause_start : verb.start()]
            m = pat.DOCUMENT_MENTION.search(clause)
            if m is None or own_reference(reader).search(clause[: m.start()]):
                continue
            doc_type = type_of(m)
            if doc_type == "trygghetsbokslut" or pat.GENERIC_BEFORE.search(clause[: m.start()]):
                continue
            if doc_type == reader.own.get("type"):
                continue  # the document itself, or an earlier one of its kind: not settled here
            at = verb.end()
            found: Period | None = None
            p = PERIOD.match(sentence, at)
            if p is not None:
                found = period_of(p)
            else:
                p, found = years_after(sentence, at)
            opened = None
            if found is None and (o := OPEN_START.match(sentence, at)) is not None:
                p, opened = o, open_period_of(o)
            if p is None or (found is None and opened is None):
                continue
            evidence = reader.ev(span.start + p.start(), span.start + p.end())
            mention = reader.ev(
                span.start + clause_start + m.start(), span.start + clause_start + m.end()
            )
            same = [
                e
                for e in reader.documents
                if e.section == "documents" and e.get("type") == doc_type and e is not reader.own
            ]
            if any(e.get("period") is not None or e.get("period_from") is not None for e in same):
                continue
            title = _mention_title(m.group(0), "")
            target = same[0] if same else None
            if found is not None:
                if target is not None:
                    target.set("period", found, evidence)
                    target.review[:] = [r for r in target.review if "står inte i texten" not in r]
                else:
                    made = _dated_document(reader, doc_type, found, title, mention, False)
                    made.facts["period"] = [Fact(found, evidence)]
                continue
            assert opened is not None
            if target is None:
                target, _ = reader.entity("documents", f"{doc_type}|{opened.key()}")
                target.set("title", title, mention)
                target.set("type", doc_type, mention)
            mark_open_period(target, opened, evidence)


def _mention_title(name: str, filler: str) -> str:
    filler = re.sub(r"\s+(?:för\s+)?(?:perioden|åren|tiden)\s*$", "", filler).rstrip(" ,")
    title = re.sub(r"\s+", " ", (name + filler).strip())
    title = re.sub(r"(?i)^(handlingsprogram)(?:met|mets)\b", r"\1", title)
    title = re.sub(r"(?i)^(samverkansöverenskommelse)(?:n|ns)\b", r"\1", title)
    title = re.sub(r"(?i)^(medborgarlöfte)(?:t|ts)\b", r"\1", title)
    title = re.sub(r"(?i)^(lägesbild|åtgärdsplan)(?:en)\b", r"\1", title)
    return title[0].upper() + title[1:]


def _dated_document(
    reader: Reader, doc_type: str, period: Period, title: str, evidence: Evidence, own: bool
) -> Entity:
    if doc_type == reader.own.get("type"):
        own_period = reader.own.get("period")
        if own or own_period is None or own_period.years == period.years:
            if own_period is None:
                reader.own.set("period", period, evidence)
            else:
                reader.own.add("mentioned", period, evidence)
            return reader.own
    for e in reader.documents:
        if e.section == "documents" and e.get("type") == doc_type and e is not reader.own:
            known = e.get("period")
            if known is not None and known.years == period.years:
                if known.as_yaml().count("/") < period.as_yaml().count("/"):
                    e.facts["period"] = [Fact(period, evidence)]
                else:
                    e.add("mentioned", period, evidence)
                if len(title) > len(e.get("title")):
                    e.facts["title"] = [Fact(title, evidence)]
                return e
    entity, _ = reader.entity("documents", f"{doc_type}|{period.key()}")
    entity.set("title", title, evidence)
    entity.set("type", doc_type, evidence)
    entity.set("period", period, evidence)
    return entity
