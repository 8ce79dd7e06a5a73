"""Groups defined in running text by their name and an abbreviation, and the later mentions of
them.

``Rådet för trygghet och brottsprevention (RTB)``, ``Forumet för samverkan mot brott (FSB)``,
``Nätverket Tryggare Låtsasholm (NTE)``, ``Lokala samverkansgruppen för ungdomsfrågor (LSU)``,
``Lokala brottsförebyggande rådet (LBR)``: a name that begins with a word for a group (råd,
grupp, forum, nätverk, kommitté, delegation, samråd), then an abbreviation in capitals whose
first letter is the name's. After it the text may call the group by the abbreviation (``RTB
består av …``), by its whole name, or by the group word alone in the definite form (``Rådet
sammankallas av …``) when only one defined group has that word. Names the ``GROUP`` rule of
``patterns`` reads whole (``temagrupp brott (TB)``) are left to it; a longer name that only
contains one (``Lokala brottsförebyggande rådet``) is the named group's.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from samklang.graph.ingest.literals import might_match

HEADS = {
    "råd": "rådet",
    "grupp": "gruppen",
    "forum": "forumet",
    "nätverk": "nätverket",
    "kommitté": "kommittén",
    "delegation": "delegationen",
    "samråd": "samrådet",
}
"""The words a group's name may be built on, with their definite form."""

_HEAD = r"(?:" + "|".join(sorted(HEADS, key=len, reverse=True)) + r")"
_CAPITAL_HEAD = (
    r"(?:" + "|".join(h.capitalize() for h in sorted(HEADS, key=len, reverse=True)) + r")"
)
_WORD = r"[a-zåäöé]+"

NAMED_GROUP = re.compile(
    rf"""(?x)
    (?<![\w-])
    (?P<name>
      (?P<head>[A-ZÅÄÖ][a-zåäö]+a\s+(?:[a-zåäö]+\s+)?[a-zåäö]*?{_HEAD}
                                     # Lokala samverkansgruppen, Lokala brottsförebyggande rådet
        |[A-ZÅÄÖ][a-zåäö]*?{_HEAD}|{_CAPITAL_HEAD})
      (?P<definite>et|en|n)?
      (?:\s+(?:för|mot|om|i|kring)\s+{_WORD}(?:\s+(?:och|i|mot|för|om)\s+{_WORD}){{0,4}}
        |\s+(?:[A-ZÅÄÖ][a-zåäö]+\s*){{1,3}}?)?
    )
    \s*\((?P<abbreviation>[A-ZÅÄÖ]{{2,6}})\)
    """
)
"""A group named and abbreviated: ``Rådet för trygghet och brottsprevention (RTB)``."""


@dataclass(frozen=True)
class NamedGroup:
    """A group defined by name and abbreviation; offsets into the text it was found in."""

    name: str
    abbreviation: str
    head: str
    start: int
    end: int
    abbreviation_start: int


def _head_word(name_head: str) -> str | None:
    lowered = name_head.lower()
    for head in sorted(HEADS, key=len, reverse=True):
        if lowered.endswith(head):
            return head
    return None


def find_named_groups(text: str) -> list[NamedGroup]:
    """The groups ``text`` defines by name and abbreviation.

    >>> [g.name for g in find_named_groups("Rådet för ordning och trygghet (ROT) leds av KS.")]
    ['Rådet för ordning och trygghet']
    """
    if not might_match(NAMED_GROUP, text.lower()):
        return []  # no word for a group in it (literals.py)
    found = []
    for m in NAMED_GROUP.finditer(text):
        name = m["name"].strip()
        if m["abbreviation"][0] != name[0].upper():
            continue
        head = _head_word(m["head"])
        if head is None:
            continue
        found.append(
            NamedGroup(
                name=name,
                abbreviation=m["abbreviation"],
                head=head,
                start=m.start("name"),
                end=m.start("name") + len(name),
                abbreviation_start=m.start("abbreviation"),
            )
        )
    return found


@functools.lru_cache(maxsize=256)
def _mention(abbreviation: str, name: str, alone: str | None) -> re.Pattern[str]:
    """The mentions of one group: its abbreviation, its name, or its group word alone."""
    forms = [re.escape(abbreviation), re.escape(name)] + ([re.escape(alone)] if alone else [])
    return re.compile(r"(?<![\w-])(?:" + "|".join(forms) + r")(?![\w-])", re.IGNORECASE)


def mentions_of(
    text: str, groups: list[NamedGroup], names: list[str]
) -> list[tuple[int, int, int]]:
    """Where ``text`` mentions the defined groups: ``(start, end, index into groups)``, in order.

    ``names`` are the groups' names as recorded (one per group). A mention is the abbreviation,
    the whole name, or the definite group word alone when only one group has that word.
    """
    found: list[tuple[int, int, int]] = []
    heads = [g.head for g in groups]
    for n, group in enumerate(groups):
        alone = HEADS[group.head] if heads.count(group.head) == 1 else None
        for m in _mention(group.abbreviation, names[n], alone).finditer(text):
            if m.group(0).isupper() and m.group(0) != group.abbreviation:
                continue
            if (
                m.group(0).lower() == group.abbreviation.lower()
                and m.group(0) != group.abbreviation
            ):
                continue  # "rtb" in lower case is not the abbreviation
            found.append((m.start(), m.end(), n))
    found.sort()
    kept: list[tuple[int, int, int]] = []
    for item in found:  # the whole name, not the group word inside it
        if kept and item[0] < kept[-1][1]:
            continue
        kept.append(item)
    return kept
