"""One sentence of the catalogue in English and Swedish (:class:`Message`), and how it matches."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

SHAPES: dict[str, str] = {
    "hint": r"(?: \(.*?\))?",
    "law": r"(?: or a law such as SFS 2003:778)?",
    "where": r"(?: in '.*?')?",
}
"""What a ``{name}`` of these names matches, where it is not just any text: the optional pieces
a sentence may carry, so that they are told apart from the text beside them."""


@dataclass(frozen=True)
class Message:
    """One sentence in English (as raised, ``{name}`` for what varies) and in Swedish.

    Attributes:
        en: the English form; each ``{name}`` matches any text (the shortest that fits), or
            what :data:`SHAPES` says for its name.
        sv: the Swedish form, with the same names or some of them.
        nouns: the names whose value is a word of :data:`NOUNS` (or several joined by "or").

    A value in quotes (``'{key}'``) is the user's own text and is never translated; any other
    value that is a sentence of the catalogue is.
    """

    en: str
    sv: str
    nouns: tuple[str, ...] = ()
    @functools.cached_property
    def pattern(self) -> re.Pattern[str]:
        """The English form as a regular expression, each ``{name}`` a named group (compiled
        when first needed: a command that raises nothing compiles none)."""
        parts = re.split(r"\{(\w+)\}", self.en)
        regex = "".join(
            re.escape(part) if i % 2 == 0 else f"(?P<{part}>{SHAPES.get(part, '.*?')})"
            for i, part in enumerate(parts)
        )
        return re.compile(regex, re.DOTALL)

    @functools.cached_property
    def quoted(self) -> frozenset[str]:
        """The names written in quotes (``'{key}'``): the user's own text, never translated."""
        names = set(re.findall(r"\{(\w+)\}", self.en))
        return frozenset(n for n in names if f"'{{{n}}}'" in self.en)

    @property
    def weight(self) -> int:
        """How much fixed text the English form holds: the more, the more specific."""
        return len(re.sub(r"\{\w+\}", "", self.en))


def m(en: str, sv: str, *nouns: str) -> Message:
    """One entry: ``m(english, swedish, *names of NOUNS)`` (the catalogue's shorthand)."""
    return Message(en, sv, tuple(nouns))
