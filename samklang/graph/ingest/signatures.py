"""Who signed the document, and when: the signature block at its end.

Agreements and citizen promises end with their signatures, written in a few ways:

    Undertecknat i Påhittsvik 2024-06-12           Låtsasträsk den 14 februari 2025
    För Påhittsvik kommun: Karin Lind, ordförande  Anna Berg
                                                   Kommunstyrelsens ordförande, Låtsasträsk kommun

A signature block is the run of lines after a signing line (a place and date, ``Undertecknat
…``, ``Underskrifter``) to the end of the text. In it, each line that names an organisation
(the municipality or police area before a nämnd: ``Kommunstyrelsens ordförande, Låtsasträsk
kommun`` is signed for the municipality, and so is ``Kommunstyrelsens ordförande`` on a line
over ``Låtsasträsk kommun``; ``För Polismyndigheten`` over a line naming the police area is signed
for the police area) gives a signatory; the date of the signing line, or of a sentence
``Löftet undertecknades … den 3 februari 2026`` (``SIGNED_SENTENCE``), is when it was
signed. A header field (``Beslutsdatum | 2025-11-18``, ``Antagen den …``) dates a decision
and is never a signing line, wherever it stands. ``För X: …`` lines (``SIGNATURE``) count
wherever they stand; ``För Polismyndigheten, Lokalpolisområde X: …`` is signed for the
police area (``POLICE_THROUGH``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from samklang.graph.ingest import patterns as pat
from samklang.graph.ingest.actors import resolve_actor
from samklang.graph.ingest.organisations import organisations_in
from samklang.graph.ingest.periods import DATE, read_date

if TYPE_CHECKING:
    from samklang.graph.ingest.layout import Span
    from samklang.graph.ingest.model import Entity
    from samklang.graph.ingest.reader import Reader
    from samklang.graph.ingest.text import Line

NOT_PLACES = (
    r"(?:Beslutad|Beslutat|Fastställd|Antagen|Antaget|Reviderad|Uppdaterad|Giltig|Gäller|"
    r"Diarienummer|Dnr|Version|Senast)\b"
)
"""Words that begin a dated line that is not a signing: ``Fastställd 2023-11-27``."""

SIGNING_LINE = re.compile(
    rf"^\W*(?:(?:Undertecknat|Undertecknad|Signerat|Underskrivet)\b[^\d]{{0,40}}?"
    rf"|(?!{NOT_PLACES})[A-ZÅÄÖ][\wåäö-]+(?:\s+[A-ZÅÄÖ][\wåäö-]+)?,?\s+(?:den\s+)?"
    rf"|Datum\s*:\s*)"
    rf"(?P<date>{DATE})\s*\.?\s*$"
    r"|^\W*(?:Underskrifter|Undertecknande|Signaturer)\s*:?\s*$"
)
"""``Undertecknat i Påhittsvik 2024-06-12``, ``Låtsasträsk den 14 februari 2025``, ``Datum:
2025-02-14``, or a heading ``Underskrifter``."""

SIGNED_SENTENCE = re.compile(
    rf"\b(?:[Uu]ndertecknades|[Uu]ndertecknats|[Ss]ignerades|[Ss]kevs\s+under)\b[^.]{{0,60}}?"
    rf"(?P<date>{DATE})\s*\.?\s*$"
)
"""A sentence that says when the document was signed: ``Löftet undertecknades i Diktby den
3 februari 2026.``"""

MAX_BLOCK_LINES = 30
"""A signature block is short; a signing line further from the end is something else."""


def read_signatures(reader: Reader) -> None:
    """``signed_by`` and ``signed_on`` of the document, from its signature lines."""
    own = reader.own
    lines = reader.source.lines
    for line in lines:
        if signature := pat.SIGNATURE.match(line.text):
            at = line.start + signature.start("who")
            end = line.start + signature.end("who")
            rest = line.text[signature.start("who") :]
            if through := pat.POLICE_THROUGH.match(rest):
                # "För Polismyndigheten, Lokalpolisområde Låtsasvik: …": the police area signs
                area = re.match(r"[^:]+", rest[through.end() :])
                at = line.start + signature.start("who") + through.end()
                end = at + (len(area[0]) if area else 0)
            who, _ = resolve_actor(reader, at, reader.text[at:end])
            if who is not None:
                own.add("signed_by", who, reader.ev(at, end))
    start = None
    for line in lines[-MAX_BLOCK_LINES:]:
        if (said := SIGNED_SENTENCE.search(line.text)) and "signed_on" not in own.facts:
            if (signed := read_date(said["date"])) is not None:
                at = line.start + said.start("date")
                own.set("signed_on", signed, reader.ev(at, line.start + said.end("date")))
        if pat.HEADER_LINE.match(line.text):
            continue  # "Beslutsdatum: 2025-11-18" dates a decision, not a signing
        if m := SIGNING_LINE.match(line.text):
            start = line
            if m["date"] and (signed := read_date(m["date"])) is not None:
                at = line.start + m.start("date")
                own.set("signed_on", signed, reader.ev(at, line.start + m.end("date")))
    if start is None:
        return
    block = [line for line in lines[start.number :] if line.text.strip()]
    named = [
        organisations_in(reader, line.start, line.text, register=False)
        if len(line.text) <= 100
        else []
        for line in block
    ]
    for n, found in enumerate(named):
        chosen = [e for e in found if e[0].get("type") not in ("namnd", "myndighet")]
        if not chosen and found and not _beside_another(block, named, n):
            chosen = found  # a nämnd signs only when no line beside names who it is for
        if chosen:
            who, span = chosen[-1]
            own.add("signed_by", who, reader.ev(span.start, span.end))


def _beside_another(block: list[Line], named: list[list[tuple[Entity, Span]]], n: int) -> bool:
    """Whether the line before or after line ``n`` of a signature block, in the same
    signature (no blank line between), names an organisation that is not a nämnd or the
    Police Authority: ``Kommunstyrelsens ordförande`` over ``Hittepåsta kommun`` is signed for
    the municipality, ``För Polismyndigheten`` over ``…, lokalpolisområde Sagoby`` for the
    police area."""
    for other in (n - 1, n + 1):
        if not 0 <= other < len(block) or abs(block[other].number - block[n].number) != 1:
            continue
        if any(e.get("type") not in ("namnd", "myndighet") for e, _ in named[other]):
            return True
    return False
