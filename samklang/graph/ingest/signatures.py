"""Who signed the document, and when: the signature block at its end.

Agreements and citizen promises end with their signatures, written in a few ways:

    Undertecknat i Norrvik 2024-06-12              Ekträsk den 14 februari 2025
    För Norrvik kommun: Karin Lind, ordförande     Anna Berg
                                                   Kommunstyrelsens ordförande, Ekträsk kommun

A signature block is the run of lines after a signing line (a place and date, ``Undertecknat
…``, ``Underskrifter``) to the end of the text. In it, each line that names an organisation
(the municipality or police area before a nämnd: ``Kommunstyrelsens ordförande, Ekträsk
kommun`` is signed for the municipality) gives a signatory; the date of the signing line is
when it was signed. ``För X: …`` lines (``SIGNATURE``) count wherever they stand.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from samklang.graph.ingest import patterns as pat
from samklang.graph.ingest.actors import resolve_actor
from samklang.graph.ingest.organisations import organisations_in
from samklang.graph.ingest.periods import DATE, read_date

if TYPE_CHECKING:
    from samklang.graph.ingest.reader import Reader

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
"""``Undertecknat i Norrvik 2024-06-12``, ``Ekträsk den 14 februari 2025``, ``Datum:
2025-02-14``, or a heading ``Underskrifter``."""

MAX_BLOCK_LINES = 30
"""A signature block is short; a signing line further from the end is something else."""


def read_signatures(reader: Reader) -> None:
    """``signed_by`` and ``signed_on`` of the document, from its signature lines."""
    own = reader.own
    lines = reader.source.lines
    for line in lines:
        if signature := pat.SIGNATURE.match(line.text):
            at = line.start + signature.start("who")
            who, _ = resolve_actor(reader, at, signature["who"])
            if who is not None:
                own.add("signed_by", who, reader.ev(at, line.start + signature.end("who")))
    start = None
    for line in lines[-MAX_BLOCK_LINES:]:
        if m := SIGNING_LINE.match(line.text):
            start = line
            if m["date"] and (signed := read_date(m["date"])) is not None:
                at = line.start + m.start("date")
                own.set("signed_on", signed, reader.ev(at, line.start + m.end("date")))
    if start is None:
        return
    for line in lines[start.number :]:
        if not line.text.strip() or len(line.text) > 100:
            continue
        found = organisations_in(reader, line.start, line.text, register=False)
        chosen = [e for e in found if e[0].get("type") != "namnd"] or found
        if chosen:
            who, span = chosen[-1]
            own.add("signed_by", who, reader.ev(span.start, span.end))
