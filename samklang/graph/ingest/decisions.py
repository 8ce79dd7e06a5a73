"""A decision stated on a line of its own, as plans write it under the title or at the end.

``Fastställd av kommunfullmäktige 2023-11-27, § 112``, ``Antagen av kommunstyrelsen.``,
``Beslutad: 2024-03-12``, ``Beslutsdatum: 12 mars 2024``, ``Beslutad i KS 2024-02-05 § 14``,
``Beslut: Kommunfullmäktige, 2024-01-29``. The line must begin with the word of decision and be
short: a sentence that goes on (``Antagen av kommunstyrelsen efter samråd med …``) is left to
the sentence rule (``DECISION_SENTENCE`` in ``patterns``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from samklang.graph.ingest.periods import DATE

DECISION_LINE = re.compile(
    r"""(?ix)
    ^[\s*#|>•-]*
    (?P<label>
        (?P<by>(?:fastställd|fastställt|fastställdes|antagen|antaget|antogs|beslutad|beslutat
              |beslutades|godkänd|godkänt|godkändes)\s+(?:av|i)\b)
      | (?P<when>beslutsdatum|datum\s+för\s+beslut|fastställd\s+den|antagen\s+den|beslutad\s+den)
      | (?P<bare>beslutad|beslutat|beslut|fastställd|antagen|antaget)(?=\s*[:|\t])
    )
    [\s*]*[:|\t]?[\s*|:]*
    (?P<value>.*?)[\s*|.]*$
    """
)
"""A line that begins with a word of decision; ``value`` is the rest of it."""

_DATE_IN = re.compile(rf"(?i)(?:,\s*|\s+)?(?<!\w)(?:den\s+)?(?P<date>{DATE})")
_SECTION = re.compile(r"(?i)[,;]?\s*(?:§|paragraf|dnr|diarienummer)\s*[\w./:-]*\s*$")
_MAX_BODY_WORDS = 5


@dataclass(frozen=True)
class DecisionLine:
    """What a decision line states; offsets are into the line. ``None`` where it says nothing."""

    body: tuple[int, int] | None
    date: tuple[int, int] | None


def read_decision_line(text: str) -> DecisionLine | None:
    """The body and date a decision line names, or ``None`` if the line is not one.

    >>> line = "Fastställd av kommunfullmäktige 2023-11-27, § 112"
    >>> d = read_decision_line(line)
    >>> line[slice(*d.body)], line[slice(*d.date)]
    ('kommunfullmäktige', '2023-11-27')
    """
    m = DECISION_LINE.match(text)
    if m is None or len(text) > 160:
        return None
    start = m.start("value")
    value = m["value"]
    if not value.strip():
        return None
    date_span = None
    body_text, body_at = value, start
    if d := _DATE_IN.search(value):
        date_span = (start + d.start("date"), start + d.end("date"))
        rest = value[d.end() :]
        if rest.strip() and not _SECTION.fullmatch(rest) and not re.fullmatch(r"[\s.,;]*", rest):
            return None  # the line goes on after the date: a sentence, not a field
        body_text = value[: d.start()]
    else:
        section = _SECTION.search(value)
        if section:
            body_text = value[: section.start()]
    body_text = re.sub(r"(?i)(?:\s+den)?[\s,;]*$", "", body_text)
    body_span = None
    if body_text.strip():
        if m["when"]:
            return DecisionLine(None, date_span) if date_span else None
        words = body_text.split()
        if len(words) > _MAX_BODY_WORDS or not re.match(r"[A-Za-zÅÄÖåäö]", body_text.strip()):
            return None
        lead = len(body_text) - len(body_text.lstrip())
        body_span = (body_at + lead, body_at + len(body_text.rstrip()))
    if body_span is None and date_span is None:
        return None
    return DecisionLine(body_span, date_span)
