"""Documents: the plan itself (its title, type and period) and every other document it names,
with its period; which document contains which (``PART_OF``); series of documents renewed at a
cadence (``RENEWAL``, ``SINCE``).

Other modules ask here which document a sentence is about (``sentence_subject``,
``document_at``): a mention names a document found so far (``DOCUMENT_MENTION`` in
``patterns.py``), or the plan refers to itself (``own_reference``: ``denna plan``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from samklang.errors import InputError
from samklang.graph.ingest import patterns as pat
from samklang.graph.ingest.decisions import read_decision_line
from samklang.graph.ingest.layout import Span, clean
from samklang.graph.ingest.literals import gate, might_match
from samklang.graph.ingest.model import Entity, Evidence, Fact
from samklang.graph.ingest.periods import (
    CADENCE,
    OPEN_START,
    PERIOD,
    SINGLE_YEAR,
    OpenPeriod,
    Period,
    cadence_of,
    open_period_of,
    period_of,
    year_period,
)
from samklang.graph.ingest.recognise import refuse_if_not_a_plan

if TYPE_CHECKING:
    from samklang.graph.ingest.reader import Reader
    from samklang.graph.ingest.text import Line

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

DEFINITE_ENDINGS = ("en", "et", "n", "t", "met")


def _mentions(reader: Reader) -> Iterator[tuple[Span, str, re.Match[str]]]:
    for span, sentence, lowered in reader.sentences_lowered():
        if not might_match(pat.DOCUMENT_MENTION, lowered):
            continue  # no word of a document's name in it (literals.py)
        for m in pat.DOCUMENT_MENTION.finditer(sentence):
            yield span, sentence, m


def type_of(m: re.Match[str]) -> str:
    """The document type a ``DOCUMENT_MENTION`` match names (``brottsforebyggande-plan``)."""
    return next(k for k, v in m.groupdict().items() if v).replace("_", "-")


def read_documents(reader: Reader) -> None:
    """The document's own title, type and period; every other document it names with its
    period (in running text, and in tables such as the seed's ``Dokument / Löper under
    perioden``); part-of relations; series of documents renewed at a cadence."""
    _read_title(reader)
    _read_own_period(reader)
    undated = _read_document_mentions(reader)
    _read_document_tables(reader)
    _undated_documents(reader, undated)
    _read_stated_periods(reader)
    _read_cadences(reader)
    _read_part_of(reader)


def _read_title(reader: Reader) -> None:
    for line in reader.source.lines[:40]:
        kind = reader.layout.kinds[line.number]
        if kind in ("row", "blank", "toc", "item") or len(line.text) > 160:
            continue
        body = clean(line.text)
        if body.endswith(".") or "<!--" in line.text:
            continue
        m = pat.DOCUMENT_MENTION.search(line.text)
        if m is None and line.text.isupper():  # TRYGGHETSPLAN FÖR …: same offsets lowered
            m = pat.DOCUMENT_MENTION.search(line.text.lower())
        if m is None or type_of(m) == "trygghetsbokslut" and m.start() > 0:
            continue
        own_type = type_of(m)
        start = line.start + line.text.index(body)
        title = body
        reader.own_period = None
        after_type = m.end() - line.text.index(body)
        parts = [(start, body, after_type)]
        if (more := _title_continuation(reader, line, body)) is not None:
            parts.append((*more, 0))
        for at, part, search_from in parts:
            found, where = _title_period(part, max(search_from, 0))
            if found is None or where is None:
                continue
            rest = (part[: where.start()] + part[where.end() :]).strip(" ,–-")
            title = rest if part is body else f"{body} {rest}".strip()
            reader.own_period = (found, reader.ev(at + where.start(), at + where.end()))
            break
        reader.own, _ = reader.entity("documents", "own")
        reader.own.set("title", title, reader.ev(start, start + len(body)))
        reader.own.set("type", own_type, reader.ev(line.start + m.start(), line.start + m.end()))
        reader.title_line = line.number
        return
    refuse_if_not_a_plan(reader, titled=False)
    counts = Counter(type_of(m) for _, _, m in _mentions(reader))
    if not counts:
        raise InputError(
            reader.source.path,
            None,
            "names no planning document (no handlingsprogram, plan för brottsförebyggande "
            "arbete, samverkansöverenskommelse, medborgarlöfte, lägesbild or åtgärdsplan); "
            "expected a plan document",
        )
    own_type = counts.most_common(1)[0][0]
    reader.own, _ = reader.entity("documents", "own")
    headings = [
        line
        for line in reader.source.lines[:40]
        if reader.layout.kinds[line.number] == "heading" and len(line.text) < 120
    ]
    first = headings[0] if headings else None
    if first is not None:
        start = first.start + first.text.index(clean(first.text))
        reader.own.set("title", clean(first.text), reader.ev(start, start + len(clean(first.text))))
    else:
        reader.own.set("title", TYPE_WORDS[own_type], None)
    reader.own.set("type", own_type, None)
    reader.own.review.append(
        f"titeln säger inte vilket slags dokument det är; typen {own_type} är vald för att "
        "texten oftast nämner den, och titeln är "
        + ("dokumentets första rubrik" if first is not None else "typens namn")
    )
    reader.own_period = None
    reader.title_line = first.number if first is not None else 1


class CaptionScopes:
    """The parts of the text about another document (``caption_scopes``), and the document of
    each line in one (the first part that holds it), found once: a line is looked up in a
    dictionary, not in every part (a plan may have a hundred appendices)."""

    def __init__(self, parts: list[tuple[int, int, Entity]]) -> None:
        self.parts = parts
        self.by_line: dict[int, Entity] = {}
        for first, last, doc in parts:
            for number in range(first, last + 1):
                self.by_line.setdefault(number, doc)


def caption_scopes(reader: Reader) -> CaptionScopes:
    """The parts of the text about another document: ``(first line, last line, document)``.

    Such a part begins with a line of its own (a heading, or a short line after a blank line)
    that begins with ``Bilaga N`` or the like (``CAPTION``) and then names a document other
    than this one: ``Bilaga 1. Handlingsprogram för trygghet och säkerhet 2024–2027
    (sammanfattning)``. It runs to the next heading. What it says (a decision, priorities,
    goal areas) is that document's, not this one's.
    """
    scopes = []
    kinds = reader.layout.kinds
    for line in reader.source.lines:
        kind = kinds[line.number]
        if line.number == reader.title_line or kind not in ("heading", "text"):
            continue
        if kind == "text" and (
            kinds.get(line.number - 1) not in ("blank", "heading", None) or len(line.text) > 160
        ):
            continue
        body = clean(line.text)
        head = pat.CAPTION.match(body)
        m = pat.DOCUMENT_MENTION.match(body, head.end()) if head else None
        if m is None:
            continue
        doc = _document_for(reader, m, body)
        if doc is None or doc is reader.own:
            continue
        last = line.number
        while last + 1 <= len(kinds) and (
            kinds[last + 1] != "heading" or _field_line(reader.layout.line(last + 1).text)
        ):
            last += 1
        scopes.append((line.number, last, doc))
    return CaptionScopes(scopes)


HOLDS_LIST = re.compile(
    r"^s?\s+(?:(?:\d{4}\s*[-–/]\s*\d{2,4}|\d{4})\s+)?(?:prioriterar|ska\s+prioritera|bör\s+prioritera"
    r"|har|innehåller|omfattar|anger)\b|^s\s+(?:prioriterade|fokusområden|mål|insatsområden)"
)
"""After a document's name, what makes the list that follows its own: ``åtgärdsplanen
2025–2027 prioriterar:``, ``Programmets prioriterade områden:`` (not ``Lägesbilden visar
tre prioriterade områden:``, which tells where this document's areas come from)."""


def list_led_by_other(reader: Reader, text: str) -> Entity | None:
    """The other document a list's lead says the list is of, if it says so: the document it
    names last is the subject of a verb of holding (``HOLDS_LIST``), or the lead proposes the
    list for it (``föreslås``)."""
    named: list[tuple[int, int, Entity | None]] = [
        (m.start(), m.end(), _document_for(reader, m, text))
        for m in pat.DOCUMENT_MENTION.finditer(text)
    ]
    named += [(m.start(), m.end(), reader.own) for m in own_reference(reader).finditer(text)]
    known = [item for item in named if item[2] is not None]
    if not known:
        return None
    start, end, doc = max(known, key=lambda item: item[0])
    if doc is reader.own:
        return None
    subject = re.search(
        r"(?:^|[,;:]\s*|\batt\s+)\W*(?:den\s+|det\s+|kommunens\s+|nuvarande\s+)?$",
        text[:start],
    )
    if (subject and HOLDS_LIST.match(text[end:])) or re.search(r"\bföreslås\b", text):
        return doc
    return None


def _field_line(text: str) -> bool:
    """A short line of a decision or header field (``Fastställt av kommunfullmäktige
    2023-10-02``), which a caption's part runs on past even when it looks like a heading."""
    return read_decision_line(text) is not None or pat.HEADER_LINE.match(text) is not None


def caption_document(scopes: CaptionScopes, number: int) -> Entity | None:
    """The other document line ``number`` is in a part about (``caption_scopes``), if any."""
    return scopes.by_line.get(number)


def own_reference(reader: Reader) -> re.Pattern[str]:
    """How the plan refers to itself (``denna plan``, ``detta dokument``, ``planen``)."""
    return pat.own_reference(reader.own.get("type"))


def _is_own(reader: Reader, sentence: str, start: int) -> bool:
    """Whether the mention at ``start`` is the document referring to itself."""
    return own_reference(reader).match(sentence, start) is not None


TITLE_GOES_ON = re.compile(r"(?i)(?:\b(?:och|mellan|för|samt|med|mot|om|i)|[,–-])\s*$")
"""A title line that ends with a conjunction or preposition goes on on the next line (a PDF's
title wrapped: ``Samverkansöverenskommelse mellan Fågelsta kommun och`` / ``Lokalpolisområde
Fågelsta 2026–2029``)."""

NOT_THE_PERIOD = re.compile(
    r"(?i)\b(?:reviderad|reviderat|uppdaterad|antagen|antaget|beslutad|version|utgåva|dnr)\s*$"
)
"""Words before a year in a title that make it the date of an edition, not the period."""


def _title_continuation(reader: Reader, line: Line, body: str) -> tuple[int, str] | None:
    """The next line of a title that ``TITLE_GOES_ON``: its offset and text, else ``None``."""
    if not TITLE_GOES_ON.search(body) or line.number >= len(reader.source.lines):
        return None
    following = reader.source.lines[line.number]  # line numbers count from 1
    text = clean(following.text)
    if not text or len(text) > 120 or text.endswith("."):
        return None
    return following.start + following.text.index(text), text


def _title_period(text: str, start: int) -> tuple[Period | None, re.Match[str] | None]:
    """The period a title states from ``start`` on: a period (``2026–2029``), or a lone year
    (``MEDBORGARLÖFTE BJÖRKHAMN 2026``, ``Lägesbild 2025``) not of an edition
    (``NOT_THE_PERIOD``) nor a season or month (``hösten 2025``)."""
    if (period := PERIOD.search(text, start)) and (found := period_of(period)) is not None:
        return found, period
    for y in SINGLE_YEAR.finditer(text, start):
        before = text[: y.start()]
        if (
            not re.match(r"\s*[-–—:]\s*\d", text[y.end() :])
            and not pat.SEASON_BEFORE.search(before)
            and not NOT_THE_PERIOD.search(before)
        ):
            return year_period(y.group(0)), y
    return None, None


def _read_own_period(reader: Reader) -> None:
    """The document's own period: in its title, a header field (``PERIOD_FIELD``), or a
    sentence about it (``PERIOD_VERB``)."""
    candidates: list[tuple[Period, Evidence]] = []
    if reader.own_period:
        candidates.append(reader.own_period)
    for line in reader.source.lines[:60]:
        if m := pat.PERIOD_FIELD.match(line.text):
            if (p := PERIOD.search(line.text, m.end())) and (found := period_of(p)):
                candidates.append((found, reader.ev(line.start + p.start(), line.start + p.end())))
    for span, sentence, lowered in reader.sentences_lowered():
        if not might_match(pat.PERIOD_VERB, lowered):
            continue  # no verb of validity in it (literals.py)
        for verb in pat.PERIOD_VERB.finditer(sentence):
            p = PERIOD.match(sentence, verb.end())
            found = period_of(p) if p is not None else None
            if found is None:  # "Medborgarlöftet gäller under 2025 (och 2026)."
                p, found = years_after(sentence, verb.end())
            if p is None or found is None:
                continue
            subject = sentence_subject(reader, sentence, verb.start())
            if re.match(r"(?i)(?:för|under)\b", verb.group(0)):
                # no verb ("… Handlingsprogram för trygghet för åren 2024–2027"): the period
                # is the document's named just before, if one is
                named, before = mention_before(reader, sentence, verb.start())
                subject = before if named else subject
            if subject is not reader.own:
                continue
            candidates.append((found, reader.ev(span.start + p.start(), span.start + p.end())))
    if not candidates:
        if reader.own.get("period") is None:
            opened = _own_open_period(reader)
            if opened is not None:
                mark_open_period(reader.own, *opened)
                return
            reader.own.review.append("dokumentets period står inte i texten")
            reader.own.doubt("period")
        return
    # Exact dates win over whole years when they agree on the years.
    best = max(
        candidates,
        key=lambda c: (c[0].as_yaml().count("/"), -candidates.index(c)),
    )
    reader.own.set("period", best[0], best[1])
    for other, evidence in candidates:
        if other.years != best[0].years:
            reader.own.review.append(
                f"texten anger också perioden {other.as_yaml()} ({evidence.comment()}); "
                f"utkastet använder {best[0].as_yaml()}"
            )


YEARS_AFTER = re.compile(
    r"(?:år\s+)?(?P<year>(?:19|20)\d\d)\b(?![-–/]\d)(?:\s+och\s+(?P<next>(?:19|20)\d\d)\b)?"
)
"""After a verb of validity, a year (``gäller under 2025``) or two following years joined by
``och`` (``gäller under 2025 och 2026``)."""


def years_after(sentence: str, at: int) -> tuple[re.Match[str] | None, Period | None]:
    """The year, or two following years, a sentence states at ``at`` (``YEARS_AFTER``)."""
    m = YEARS_AFTER.match(sentence, at)
    if m is None:
        return None, None
    if m["next"] and int(m["next"]) == int(m["year"]) + 1:
        return m, Period(year_period(m["year"]).start, year_period(m["next"]).end)
    if m["next"]:  # "2020 och 2023": two years, not a period
        return None, None
    return m, year_period(m["year"])


def _own_open_period(reader: Reader) -> tuple[OpenPeriod, Evidence] | None:
    """A start with no end for the document itself: a field (``Giltighetstid: fr.o.m.
    2024-01-01``) or a sentence about it (``Planen gäller från och med 2024 och tills
    vidare``)."""
    for line in reader.source.lines[:60]:
        if m := pat.PERIOD_FIELD.match(line.text):
            if (o := OPEN_START.search(line.text, m.end())) and (found := open_period_of(o)):
                return found, reader.ev(line.start + o.start(), line.start + o.end())
    for span, sentence, lowered in reader.sentences_lowered():
        if not might_match(pat.PERIOD_VERB, lowered):
            continue  # no verb of validity in it (literals.py)
        for verb in pat.PERIOD_VERB.finditer(sentence):
            o = OPEN_START.match(sentence, verb.end())
            if o is None or (found := open_period_of(o)) is None:
                continue
            if sentence_subject(reader, sentence, verb.start()) is reader.own:
                return found, reader.ev(span.start + o.start(), span.start + o.end())
    return None


def mark_open_period(entity: Entity, period: OpenPeriod, evidence: Evidence) -> None:
    """A document that runs from a start with no end: the input format's ``period`` cannot
    say so, so the start is kept (``period_from``, written in the note), ``period`` is left
    out and marked for review, and no end year is invented (docs/decisions/0009-open-periods.md)."""
    entity.set("period_from", period.start, evidence)
    entity.review[:] = [r for r in entity.review if "står inte i texten" not in r]
    entity.review.append(
        f"texten anger att dokumentet gäller från och med {period.words()} utan slut "
        f"({evidence.comment()}); en öppen period kan inte skrivas i period, som därför är "
        "tom: skriv slutet om det finns ett"
    )
    entity.notes.append(
        f"Gäller från och med {period.words()}, tills vidare (rad {evidence.lines})."
    )
    entity.doubt("period")


def sentence_subject(reader: Reader, sentence: str, before: int) -> Entity | None:
    """The document a sentence is about: the first one it names before ``before``, by name
    or as itself (``planen``); a sentence that begins with a pronoun and a verb (``Det har
    fyra målområden``, ``PRONOUN_SUBJECT``) is about what the sentence before it in the same
    paragraph is about."""
    head = sentence[:before]
    mention = pat.DOCUMENT_MENTION.search(head)
    itself = own_reference(reader).search(head)
    if mention is not None and (itself is None or mention.start() <= itself.start()):
        return _document_for(reader, mention, sentence)
    if itself is not None:
        return reader.own
    if pat.PRONOUN_SUBJECT.match(sentence):
        previous = previous_sentence(reader, sentence)
        if previous is not None and not pat.PRONOUN_SUBJECT.match(previous):
            return sentence_subject(reader, previous, len(previous))
    return None


def previous_sentence(reader: Reader, sentence: str) -> str | None:
    """The sentence before ``sentence`` when both are in one paragraph, else ``None``."""
    i = reader.body_index.get(sentence)
    if not i:  # not a body sentence, or the first
        return None
    spans = reader.body
    previous, span = spans[i - 1], spans[i]
    first = reader.source.line_of(max(previous.start, previous.end - 1))
    last = reader.source.line_of(span.start)
    if all(reader.layout.kinds.get(n) == "text" for n in range(first, last + 1)):
        return reader.sentence_text(previous)
    return None


def _document_for(reader: Reader, m: re.Match[str], sentence: str) -> Entity | None:
    """The document a mention stands for, among those found so far."""
    doc_type = type_of(m)
    if doc_type == reader.own.get("type") and _is_own(reader, sentence, m.start()):
        return reader.own
    same = [
        e
        for e in reader.documents
        if e.section in ("documents", "series") and e.get("type") == doc_type
    ]
    if doc_type == reader.own.get("type"):
        same = [e for e in same if e is not reader.own] + [reader.own]
    return same[0] if same else None


def document_at(reader: Reader, offset: int, text: str) -> Entity | None:
    """The document ``text`` begins by naming (``detta handlingsprogram``, ``planen``)."""
    head = re.sub(r"^" + pat.DOCUMENT_DETERMINER, "", text[:120])
    m = pat.DOCUMENT_MENTION.match(head)
    if m is not None:
        return _document_for(reader, m, head)
    if own_reference(reader).match(text) or re.match(r"(?i)(?:planen|dokumentet)\b", text):
        return reader.own
    return None


def _read_document_mentions(reader: Reader) -> list[tuple[str, str, Evidence]]:
    """Documents named in running text, with a period right after the name
    (``PERIOD_FILLER``), or as a definite name (``samverkansöverenskommelsen``)."""
    undated: list[tuple[str, str, Evidence]] = []
    for span, sentence, m in _mentions(reader):
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
            _is_own(reader, sentence, m.start())
            or reader.source.line_of(start) == reader.title_line
        )
        if not own and _names_itself(reader, sentence, m):
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


def _names_itself(reader: Reader, sentence: str, m: re.Match[str]) -> bool:
    """Whether a mention says what the document itself is (``Handlingsplanen är kommunens
    åtgärdsplan``, ``IDENTITY``) rather than naming another document."""
    preceding = sentence[: m.start()]
    return (
        pat.IDENTITY.search(preceding) is not None
        and sentence_subject(reader, sentence, m.start()) is reader.own
    )


def mention_before(reader: Reader, sentence: str, end: int) -> tuple[bool, Entity | None]:
    """Whether ``sentence[:end]`` ends by naming a document (``… kommunens åtgärdsplan``,
    ``… Handlingsprogram för skydd mot olyckor 2020–2023``), and which one: ``None`` for a
    generic mention (``varje kommuns åtgärdsplan``) or one not found."""
    head = sentence[:end].rstrip()
    mentions = list(pat.DOCUMENT_MENTION.finditer(head))
    if not mentions:
        return False, None
    m = mentions[-1]
    rest = head[m.end() :].strip(" ,")
    if (
        rest
        and not PERIOD.fullmatch(rest)
        and not SINGLE_YEAR.fullmatch(rest)
        and not pat.PERIOD_FILLER.match(" " + rest + " ")  # the rest of its title
    ):
        return False, None
    if pat.GENERIC_BEFORE.search(head[: m.start()]):
        return True, None
    if _names_itself(reader, sentence, m):
        return True, reader.own
    return True, _document_for(reader, m, sentence)


def _read_stated_periods(reader: Reader) -> None:
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


def _undated_documents(reader: Reader, undated: list[tuple[str, str, Evidence]]) -> None:
    """A document named only without a period, when no dated one of its type is named: a
    document whose period is unknown (a medborgarlöfte named so in another document stands
    for the series of promises)."""
    for doc_type, title, evidence in undated:
        if doc_type == "medborgarlofte":
            _series(reader, doc_type, "Medborgarlöfte", evidence)
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


def _read_document_tables(reader: Reader) -> None:
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
                series = _series(reader, doc_type, first.strip(), evidence)
                series.set(
                    "cadence",
                    cadence_of(c),
                    reader.ev(cell.start + c.start(), cell.start + c.end()),
                )
                break


def _series(reader: Reader, doc_type: str, title: str, evidence: Evidence) -> Entity:
    entity, made = reader.entity("series", doc_type)
    if made:
        entity.set(
            "title",
            TYPE_WORDS[doc_type] if doc_type != "brottsforebyggande-plan" else title,
            evidence,
        )
        entity.set("type", doc_type, evidence)
    return entity


def _read_part_of(reader: Reader) -> None:
    """``X är en del av Y``, ``X ingår i Y``, ``X är en förlängning av Y`` (``PART_OF``)."""
    words = gate((pat.PART_OF, pat.WITHIN))
    for span, sentence, lowered in reader.sentences_lowered():
        if words is not None and not words.search(lowered):
            continue  # neither can match (literals.py)
        _read_within(reader, span, sentence)
        for link in pat.PART_OF.finditer(sentence):
            child = _child_before(reader, sentence, link.start())
            if child is None and re.search(r"\boch\s*$", sentence[: link.start()]):
                # "Löftet gäller 2025 och är en del av …": the subject of the sentence
                child = sentence_subject(reader, sentence, link.start())
            parent = document_at(reader, span.start + link.end(), sentence[link.end() :])
            if child is None or parent is None or child is parent:
                continue
            evidence = reader.ev(span.start, span.end)
            if child.get("type") == "medborgarlofte" and child is not reader.own:
                series = _series(reader, "medborgarlofte", "Medborgarlöfte", evidence)
                series.set("part_of", parent, evidence)
                for e in reader.documents:
                    if e.section == "documents" and e.get("type") == "medborgarlofte":
                        e.set("part_of", parent, evidence)
                continue
            child.set("part_of", parent, evidence)
            if child is reader.own and child.get("type") == "medborgarlofte":
                for e in reader.documents:
                    if e.section == "series" and e.get("type") == "medborgarlofte":
                        e.set("part_of", parent, evidence)


def _read_within(reader: Reader, span: Span, sentence: str) -> None:
    """``Inom ramen för samverkansöverenskommelsen tecknas medborgarlöften``, ``Inom den
    tecknar parterna medborgarlöften`` (``WITHIN``): the documents named in the clause are
    part of the one named after ``inom``, or of what the sentence before was about."""
    for m in pat.WITHIN.finditer(sentence):
        named = m["parent"]
        if named.lower() in ("den", "denna", "detta", "det"):
            previous = previous_sentence(reader, sentence)
            parent = sentence_subject(reader, previous, len(previous)) if previous else None
        else:
            parent = document_at(reader, span.start + m.start("parent"), named)
        if parent is None or parent.section != "documents":
            continue
        clause = sentence[m.end() :].split(";")[0]
        evidence = reader.ev(span.start, span.end)
        for child in pat.DOCUMENT_MENTION.finditer(clause):
            if type_of(child) == "medborgarlofte" and reader.own.get("type") != "medborgarlofte":
                series = _series(reader, "medborgarlofte", "Medborgarlöfte", evidence)
                if series is not parent:
                    series.set("part_of", parent, evidence)
                continue
            found = _document_for(reader, child, clause)
            if found is not None and found is not parent:
                found.set("part_of", parent, evidence)


def _child_before(reader: Reader, sentence: str, end: int) -> Entity | None:
    head = sentence[:end]
    mentions = list(pat.DOCUMENT_MENTION.finditer(head))
    if mentions and not head[mentions[-1].end() :].strip():
        m = mentions[-1]
        if type_of(m) == "medborgarlofte" and reader.own.get("type") != "medborgarlofte":
            return (
                _series(reader, "medborgarlofte", "Medborgarlöfte", reader.ev(0, 0))
                if any(e.section == "series" for e in reader.documents)
                else _document_for(reader, m, sentence)
                or _series(reader, "medborgarlofte", "Medborgarlöfte", reader.ev(0, 0))
            )
        return _document_for(reader, m, sentence)
    own = list(own_reference(reader).finditer(head))
    if own and not head[own[-1].end() :].strip():
        return reader.own
    return None


def _read_cadences(reader: Reader) -> None:
    """How often a kind of document is renewed (``RENEWAL`` + a cadence) and since when
    (``SINCE``): a series for medborgarlöften, a note for other documents."""
    for span, sentence in reader.sentences():
        renewals = list(pat.RENEWAL.finditer(sentence))
        since = list(pat.SINCE.finditer(sentence))
        if not renewals and not since:
            continue  # most sentences: spare looking for documents
        mentions = list(pat.DOCUMENT_MENTION.finditer(sentence))
        own_ref = own_reference(reader).search(sentence)
        for verb in renewals:
            c = CADENCE.search(sentence, verb.end())
            if c is None or c.start() - verb.end() > 30:
                continue
            subject = mentions[0] if mentions else None
            for m in mentions:  # "… medborgarlöftena, som tas fram varje år": that one
                if m.end() <= verb.start() and re.fullmatch(
                    r"\s*,?\s*som\s+", sentence[m.end() : verb.start()]
                ):
                    subject = m
            doc_type = type_of(subject) if subject else None
            promises = re.match(
                r"\W*(?:[Ll]öftet|[Ll]öftena|[Vv]åra\s+löften|"
                r"(?:[Ee]tt\s+nytt|[Nn]ästa|[Nn]ya)\s+löften?)\b",
                sentence,
            )
            if doc_type is None and (
                own_ref is not None
                or (  # "Löftena förnyas varje år" in a medborgarlöfte
                    reader.own.get("type") == "medborgarlofte" and promises
                )
            ):
                doc_type = reader.own.get("type")
            elif doc_type is None and promises and _names_promises(reader):
                doc_type = "medborgarlofte"  # "Löftena förnyas …" in a text about medborgarlöften
            if doc_type is None:
                continue
            evidence = reader.ev(span.start + verb.start(), span.start + c.end())
            if doc_type == "medborgarlofte":
                series = _series(reader, doc_type, "Medborgarlöfte", evidence)
                series.set("cadence", cadence_of(c), evidence)
            elif subject is None or _document_for(reader, subject, sentence) is reader.own:
                reader.own.notes.append(
                    f"{sentence[verb.start() : c.end()].strip().capitalize()} "
                    f"(rad {evidence.lines})."
                )
        for m in since:
            first = mentions[0] if mentions else None
            if first is not None and type_of(first) == "medborgarlofte":
                series = _series(reader, "medborgarlofte", "Medborgarlöfte", reader.ev(0, 0))
                series.set(
                    "since",
                    int(m["year"]),
                    reader.ev(span.start + m.start(), span.start + m.end()),
                )
    for series in reader.documents:
        if series.section == "series" and "cadence" not in series.facts:
            series.review.append("hur ofta en ny kommer står inte i texten")


def _names_promises(reader: Reader) -> bool:
    """Whether the text names medborgarlöften (so ``löftena`` are those)."""
    return any(type_of(m) == "medborgarlofte" for _, _, m in _mentions(reader))


def link_series(reader: Reader) -> None:
    """Each document belongs to the series of its type, once the whole text is read."""
    series = [e for e in reader.documents if e.section == "series"]
    for doc in [e for e in reader.documents if e.section == "documents"]:
        same = [s for s in series if s.get("type") == doc.get("type")]
        if same:
            doc.set("series", same[0], None)
