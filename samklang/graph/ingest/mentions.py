"""Which document a sentence is about: a mention names a document found so far
(``DOCUMENT_MENTION`` in ``patterns``, looked up by ``document_for``), or the plan refers to
itself (``own_reference``: ``denna plan``, ``planen``).

Every reader of a kind of fact asks here (``sentence_subject``, ``document_at``,
``mention_before``, ``list_led_by_other``); the documents themselves are read by
``titles.py``, ``own_period.py``, ``named_documents.py``, ``series.py`` and ``part_of.py``, in
the order ``extract.py`` gives.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from samklang.graph.ingest import patterns as pat
from samklang.graph.ingest.layout import Span
from samklang.graph.ingest.literals import might_match
from samklang.graph.ingest.model import Entity
from samklang.graph.ingest.periods import PERIOD, SINGLE_YEAR

if TYPE_CHECKING:
    from samklang.graph.ingest.reader import Reader

def document_mentions(reader: Reader) -> Iterator[tuple[Span, str, re.Match[str]]]:
    """Every mention of a kind of document (``DOCUMENT_MENTION``) in the body sentences, with
    its sentence."""
    for span, sentence, lowered in reader.sentences_lowered():
        if not might_match(pat.DOCUMENT_MENTION, lowered):
            continue  # no word of a document's name in it (literals.py)
        for m in pat.DOCUMENT_MENTION.finditer(sentence):
            yield span, sentence, m


def type_of(m: re.Match[str]) -> str:
    """The document type a ``DOCUMENT_MENTION`` match names (``brottsforebyggande-plan``)."""
    return next(k for k, v in m.groupdict().items() if v).replace("_", "-")


def own_reference(reader: Reader) -> re.Pattern[str]:
    """How the plan refers to itself (``denna plan``, ``detta dokument``, ``planen``)."""
    return pat.own_reference(reader.own.get("type"))


def is_own(reader: Reader, sentence: str, start: int) -> bool:
    """Whether the mention at ``start`` is the document referring to itself."""
    return own_reference(reader).match(sentence, start) is not None


def sentence_subject(reader: Reader, sentence: str, before: int) -> Entity | None:
    """The document a sentence is about: the first one it names before ``before``, by name
    or as itself (``planen``); a sentence that begins with a pronoun and a verb (``Det har
    fyra målområden``, ``PRONOUN_SUBJECT``) is about what the sentence before it in the same
    paragraph is about."""
    head = sentence[:before]
    mention = pat.DOCUMENT_MENTION.search(head)
    itself = own_reference(reader).search(head)
    if mention is not None and (itself is None or mention.start() <= itself.start()):
        return document_for(reader, mention, sentence)
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


def document_for(reader: Reader, m: re.Match[str], sentence: str) -> Entity | None:
    """The document a mention stands for, among those found so far."""
    doc_type = type_of(m)
    if doc_type == reader.own.get("type") and is_own(reader, sentence, m.start()):
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
        return document_for(reader, m, head)
    if own_reference(reader).match(text) or re.match(r"(?i)(?:planen|dokumentet)\b", text):
        return reader.own
    return None


def names_itself(reader: Reader, sentence: str, m: re.Match[str]) -> bool:
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
    if names_itself(reader, sentence, m):
        return True, reader.own
    return True, document_for(reader, m, sentence)


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
        (m.start(), m.end(), document_for(reader, m, text))
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
