"""Parties and signatures: who an agreement is between, signature lines."""

from __future__ import annotations

import re

BETWEEN = re.compile(
    r"\bmellan\s+(?P<a>[^.,;]+?)\s+och\s+"
    r"(?P<b>[^.,;]+(?:,\s*(?:[Ll]okalpolisområde|LPO)\b[^.,;]*)?)"
)
"""``en samverkan mellan A och B``, ``Samverkansöverenskommelse mellan A och B``; B may be
``Polismyndigheten, lokalpolisområde Låtsasholm`` (the police area is the party,
``POLICE_THROUGH``)."""

TOGETHER_WITH = re.compile(r"\bi\s+samverkan\s+med\s+(?P<b>[^.,;]+)")
"""``A i samverkan med B``."""

_PARTY_LIST = r"(?P<list>[^.;:()]+?)"
PARTIES_IN_TEXT = [
    # Överenskommelsen har ingåtts mellan A, B, C och D.
    re.compile(
        rf"\bmellan\s+{_PARTY_LIST}(?=\s*(?:[.;:]|$)|,\s*(?:som|vilka|där)\b"
        r"|\s+(?:om|gäller|avseende|kring|inom|under|från|för\s+(?:att|åren|perioden|\d)))"
    ),
    # Lägesbilden har tagits fram av A och B gemensamt, … av A tillsammans med B och C.
    re.compile(
        r"\b(?:tagits|tas|togs|tagit|framtagen|framtaget|framtagna)\s+(?:fram\s+)?"
        r"(?:gemensamt\s+|tillsammans\s+)?av\s+"
        rf"{_PARTY_LIST}(?=\s+(?:gemensamt|under|inom|i\s+samverkan)\b|\s*[.,;:]|$)"
    ),
    # Medborgarlöftet är ett gemensamt åtagande från kommunen och polisen.
    re.compile(
        rf"\bgemensamt\s+åtagande\s+(?:från|mellan|av)\s+{_PARTY_LIST}"
        r"(?=\s+(?:till|för|om|gentemot|mot|i)\b|\s*[.,;:]|$)"
    ),
    # Diktby kommun och polisen i Diktby lovar invånarna att …
    re.compile(
        rf"^\W*{_PARTY_LIST}\s+(?:lovar|åtar\s+sig|förbinder\s+sig|har\s+enats\s+om\s+att)"
        r"\b"
    ),
    # Åtgärdsplanen beskriver vad A och B ska göra …, Planen beskriver hur A och B arbetar …
    re.compile(
        rf"\bbeskriver\s+(?:hur|vad)\s+{_PARTY_LIST}\s+(?:ska|skall|gemensamt|tillsammans|"
        r"arbetar|gör|kommer\s+att)\b"
    ),
]
"""Parties named in a sentence about the document: ``… har ingåtts mellan A, B och C``,
``… har tagits fram av A och B gemensamt`` (or ``av A tillsammans med B``), ``… är ett
gemensamt åtagande från A och B``, ``… beskriver vad A och B ska göra``, and in a promise, ``A
och B lovar …``. Every item of the list must be an organisation (by
name, or ``kommunen``/``polisen`` where the text names one of each), else none is taken."""

SIGNATURE = re.compile(r"^\s*(?:\*\*)?För\s+(?P<who>[^:,]+?)\s*(?:\*\*)?\s*[:,]\s*\S")
"""A signature line: ``För Påhittsvik kommun: Karin Lind, kommunstyrelsens ordförande``."""
