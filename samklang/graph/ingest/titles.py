"""The document itself: its title and type (``DOCUMENT_MENTION`` in a title line among the
first lines), and the period the title states; a text whose title names no kind of document
takes the kind it names most often, marked for review, or is refused."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from samklang.errors import InputError
from samklang.graph.ingest import patterns as pat
from samklang.graph.ingest.layout import clean
from samklang.graph.ingest.mentions import document_mentions, type_of
from samklang.graph.ingest.periods import PERIOD, SINGLE_YEAR, Period, period_of, year_period
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


def read_title(reader: Reader) -> None:
    """The document's title and type: the first short line among the first 40 that names a
    kind of document (its period, if it states one, kept for ``own_period.py``). Without one,
    the kind the text names most often and its first heading, marked for review; a text
    naming no kind of document is refused (``InputError``)."""
    for line in reader.source.lines[:40]:
        kind = reader.layout.kinds[line.number]
        if kind in ("row", "blank", "toc", "item", "continued") or len(line.text) > 160:
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
    counts = Counter(type_of(m) for _, _, m in document_mentions(reader))
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


TITLE_GOES_ON = re.compile(r"(?i)(?:\b(?:och|mellan|för|samt|med|mot|om|i)|[,–-])\s*$")
"""A title line that ends with a conjunction or preposition goes on on the next line (a PDF's
title wrapped: ``Samverkansöverenskommelse mellan Låtsassta kommun och`` / ``Lokalpolisområde
Låtsassta 2026–2029``)."""


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
    (``MEDBORGARLÖFTE LÅTSASHAMN 2026``, ``Lägesbild 2025``) not of an edition
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
