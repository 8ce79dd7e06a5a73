"""The words a pattern cannot match without: a quick test before the regular expression.

Most sentences of a plan match none of a rule's patterns, and Python's regular expressions
look at every position of the text to find that out. Every match of a pattern such as
``\\bsammankallas\\s+av\\s+…`` holds the word ``sammankallas``; a sentence without it (``in``
on a lowered string, at C speed) cannot match, and the search is spared. ``required`` works out
such words from the pattern itself, so they cannot drift from ``patterns``: it reads the
parsed pattern (the standard library's own parser), takes the runs of literal characters that
every match must pass, and for an alternation the words one of whose branches every match
must hold. Where it finds nothing of three characters or more (or of signs only, such as the
colon of an SFS number), ``might_match`` is always true.
The test is only ever "cannot match", never "matches": ``search`` still decides.
"""

from __future__ import annotations

import functools
import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

_SHORTEST = 3
"""Words shorter than this are found in nearly every sentence: no use as a test."""


@functools.lru_cache(maxsize=512)
def required(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lowered strings one of which the lowered text of every match of ``pattern`` holds, or
    ``None`` when the pattern offers none of three characters or more."""
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except (re.error, TypeError, ValueError):  # pragma: no cover - compiled patterns parse
        return None
    best = _best(list(parsed))
    return best if best is not None and all(map(_useful, best)) else None


def _useful(word: str) -> bool:
    """Whether a word is rare enough to test for: three characters or more, or signs only
    (the colon of an SFS number, ``2003:778``; a ``§``), which running text seldom holds."""
    return len(word) >= _SHORTEST or not any(c.isalnum() or c.isspace() for c in word)


def might_match(pattern: re.Pattern[str], lowered: str) -> bool:
    """Whether ``pattern`` can match a text whose lowered form is ``lowered``."""
    test = gate((pattern,))
    return test is None or test.search(lowered) is not None


@functools.lru_cache(maxsize=512)
def gate(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str] | None:
    """One search for the words of all ``patterns``: a lowered text it does not find is
    matched by none of them. ``None`` when a pattern has no such words."""
    words: set[str] = set()
    for pattern in patterns:
        found = required(pattern)
        if found is None:
            return None
        words |= found
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def _literal(items: list[Any]) -> str | None:
    """The text of a sequence made of literal characters only, else ``None``."""
    chars = []
    for op, value in items:
        if op is sre.LITERAL:
            chars.append(chr(value))
        elif op is sre.SUBPATTERN and (inner := _literal(list(value[3]))) is not None:
            chars.append(inner)
        else:
            return None
    return "".join(chars)


def _leading(items: list[Any]) -> str:
    """The literal characters a sequence begins with."""
    chars = []
    for op, value in items:
        if op is not sre.LITERAL:
            break
        chars.append(chr(value))
    return "".join(chars)


def _score(words: frozenset[str] | None) -> int:
    """How good a test a set of words is: the length of its shortest, 0 if one is of no use
    (``_useful``), a word of signs only counted as one of three characters."""
    if not words or not all(map(_useful, words)):
        return 0
    return min(len(w) if any(c.isalnum() for c in w) else _SHORTEST for w in words)


def _best(items: list[Any]) -> frozenset[str] | None:
    """The best set of words one of which every match of the sequence ``items`` holds."""
    candidates: list[frozenset[str]] = []
    run = ""

    def close() -> None:
        nonlocal run
        if run:
            candidates.append(frozenset({run.lower()}))
        run = ""

    for op, value in items:
        if op is sre.LITERAL:
            run += chr(value)
            continue
        if op is sre.SUBPATTERN:
            inner = list(value[3])
            text = _literal(inner)
            if text is not None:
                run += text
                continue
            close()
            if (found := _best(inner)) is not None:
                candidates.append(found)
            continue
        if op is sre.BRANCH:
            branches = [list(branch) for branch in value[1]]
            leads = [_leading(branch) for branch in branches]
            if all(leads):
                candidates.append(frozenset((run + lead).lower() for lead in leads))
            close()
            each = [_best(branch) for branch in branches]
            if all(words is not None for words in each):
                candidates.append(frozenset().union(*each))  # type: ignore[arg-type]
            continue
        close()
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
            low, _, inner = value
            if low >= 1 and (found := _best(list(inner))) is not None:
                candidates.append(found)
    close()
    return max(candidates, key=_score) if candidates else None
