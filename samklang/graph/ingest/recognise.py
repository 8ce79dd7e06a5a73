"""Whether a text is a plan document at all, before anything is drafted from it.

Two kinds of text are refused, each with one sentence: a report of samklang's own findings fed
back to it (it names several rule IDs: ``DOC-DECISION``, ``CHAIN-GOAL``…), and a text whose
title names no kind of planning document and which names no organisation (a shopping list, a
README) — a plan always names the municipality or the police behind it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from samklang.errors import InputError

if TYPE_CHECKING:
    from samklang.graph.ingest.reader import Reader

RULE_ID = re.compile(r"\b(?:DOC|PER|CHAIN|COV|ORG|FUP|LAW|REF)-[A-Z0-9]+(?:-[A-Z0-9]+)*\b")
"""A samklang rule ID, as its reports print them."""

REPORT_RULES = 3
"""A text naming this many different rule IDs is a samklang report, not a plan."""


def refuse_if_report(reader: Reader) -> None:
    """Refuse a samklang report fed back as a document.

    Raises:
        InputError: the text names several samklang rule IDs.
    """
    rules = sorted(set(RULE_ID.findall(reader.text)))
    if len(rules) >= REPORT_RULES:
        raise InputError(
            reader.source.path,
            None,
            f"is a report of samklang's findings (it names the rules {', '.join(rules[:3])}…), "
            "not a plan document; expected the plan itself (.txt, .md, .docx or .pdf)",
        )


def refuse_if_not_a_plan(reader: Reader, titled: bool) -> None:
    """Refuse a text with no document title and no organisation.

    Args:
        reader: the reader, after organisations and the title were read.
        titled: whether a line near the top names the kind of document.

    Raises:
        InputError: neither a document title nor any organisation was found.
    """
    named = [
        e
        for e in reader.entities
        if e.section in ("municipality", "organisations")
        and e.facts.get("name")
        and e.facts["name"][0].evidence is not None
    ]
    if not titled and not named:
        raise InputError(
            reader.source.path,
            None,
            "is not a plan document: no document title (such as 'Plan för brottsförebyggande "
            "arbete' or 'Medborgarlöfte') and no organisation (a municipality, a police area) "
            "were found in it; expected a plan, agreement, promise or follow-up",
        )
