"""How a plan says it works: its stated purpose (``PURPOSE``), the phases of its work
process (a sentence naming three or more of ``PHASES``) and the risk and protective factor
domains it considers (a sentence about such factors naming three or more of ``DOMAINS``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from samklang.graph.ingest import patterns as pat
from samklang.graph.ingest.literals import might_match

if TYPE_CHECKING:
    from samklang.graph.ingest.reader import Reader


def read_phases_and_domains(reader: Reader) -> None:
    """The work process (a sentence naming three or more of ``PHASES``) and the factor
    domains (a sentence about risk or protective factors naming three or more of
    ``DOMAINS``)."""
    tables = [
        (
            field_name,
            [(concept, re.compile(p, re.IGNORECASE)) for concept, p in table],
            re.compile("|".join(f"(?:{p})" for _, p in table), re.IGNORECASE),  # any of them
            needs,
        )
        for field_name, table, needs in (
            ("process_phases", pat.PHASES, None),
            ("considers_domains", pat.DOMAINS, pat.FACTOR_WORDS),
        )
    ]
    for span, sentence in reader.sentences():
        for field_name, table, any_of, needs in tables:
            if (needs is not None and not needs.search(sentence)) or not any_of.search(sentence):
                continue
            hits = []
            for concept, pattern in table:
                if m := pattern.search(sentence):
                    hits.append((concept, m))
            if len(hits) < 3:
                continue
            for concept, m in sorted(hits, key=lambda h: h[1].start()):
                reader.own.add(
                    field_name, concept, reader.ev(span.start + m.start(), span.start + m.end())
                )


def read_purpose(reader: Reader) -> None:
    """The stated purpose (``PURPOSE``)."""
    for span, sentence, lowered in reader.sentences_lowered():
        if not might_match(pat.PURPOSE, lowered):
            continue  # no word of a purpose in it (literals.py)
        if m := pat.PURPOSE.search(sentence.strip()):
            offset = span.start + len(sentence) - len(sentence.lstrip())
            text = m["text"].strip()
            reader.own.set(
                "purpose",
                text[0].upper() + text[1:] + ".",
                reader.ev(offset + m.start("text"), offset + m.end("text")),
            )
            return
