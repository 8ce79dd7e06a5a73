"""Whether the capitalised word after an organisation's type word is a name: ``Lokalpolisområde
Höglandet`` names a police area, ``Lokalpolisområde Ansökan om tillstånd är inlämnad`` does not.

A table's row read without the gaps between its cells (a PDF printed from a page whose spaces
collapsed, or whose cells PDFium gives run together) puts the next cell's first word right
after a cell that ends in ``Lokalpolisområde``: ``Lokalpolisområde Ett möte i maj``,
``Lokalpolisområde Flyttad till våren 2026``. A sentence may begin with any capitalised word,
so a capital is no sign of a name there. A word is taken as the name only when the text shows
it is one (truth before breadth: a police area missed is asked for; a wrong one is a false
organisation in the draft):

- it is not a word of the language's closed classes (numbers, pronouns, prepositions …), a
  status or a table's column heading (``COMMON_WORDS``);
- and it is a municipality's name in the text (``Låtsasby kommun``, ``Låtsasbys kommun``), or
  written with its capital elsewhere where a sentence, a line or a cell does not begin
  (``… av Höglandets Räddningstjänstförbund``), and not only right after a type word; or its
  phrase ends after it (``Lokalpolisområde Låtsasek.``, ``… Låtsasek är sammankallande``, a
  cell's end), where a cell run into it goes on with the cell's words (``Lokalpolisområde
  Flyttad till våren 2026``, ``Lokalpolisområde Ansökan om tillstånd är inlämnad``).

A word of direction alone (``Räddningstjänsten Norra``, the rest of the name wrapped onto a
line not joined) is no name. A name of more than one word (``Norra Påhittsdalen``,
``Låtsasby-Påhittshed``) is a name unless one of its words is one of the common words
(``Räddningstjänsten Låtsasby Klar``).

A municipality's name of two capitalised words whose second word the text writes alone before
``kommun`` more often than after the first is that word (``municipality_name``).
"""

from __future__ import annotations

import functools
import re

from samklang.graph.ingest import patterns as pat

COMMON_WORDS = {
    *pat.NUMBER_WORDS,
    *pat.NOT_MUNICIPALITY_NAMES,
    "första", "andra", "tredje", "fjärde", "femte", "sex", "sju", "åtta", "nio", "tio",
    "elva", "tolv", "de", "dem", "detta", "dessa", "vi", "man", "ingen", "inget", "inga",
    "många", "flera", "några", "övriga", "egna", "eller", "men", "också", "även", "nu",
    "där", "här", "då", "sedan", "därför", "dessutom", "samt", "inte", "ej", "efter", "före",
    "inför", "vid", "mot", "hos", "genom", "utan", "ska", "har", "kan", "är", "var", "blev",
    "status", "ansvarig", "ansvariga", "år", "mål", "kommentar", "aktivitet", "åtgärd",
    "insats", "uppföljning", "genomfört", "genomförd", "genomförda", "planerat", "när",
    "vem", "orsak", "tidsplan", "kostnad", "resultat", "klar", "klart", "delvis", "pågår",
    "pågående", "inställd", "inställt", "flyttad", "flyttat", "påbörjad", "påbörjat", "nej",
    "ja", "ny", "nya", "nytt",
}  # fmt: skip
"""Words that are never a place's name, however they are written: a row's next cell or a
sentence begins with them."""

_TYPE_BEFORE = re.compile(
    r"(?:[Ll]okalpolisområde(?:t|ts)?|LPO|[Rr]äddningstjänst(?:en|förbundet))[ \t]+$"
)
"""A type word right before a name: the mention being judged, or one like it."""

_BEGINS = re.compile(r"(?:^|[.!?:;]\s|\t|\n)[ \t]*(?:[-–•*·]\s*|\d+[.)]\s*|\|\s*)?$")
"""Where a sentence, a line, a list item or a cell begins: any word is capitalised there."""


_PHRASE_ENDS = re.compile(
    r"[ \t]*(?:[.,;:!?()\]|/\t\n–]|$|\s(?:och|samt|eller|är|var|har|hade|ska|skall|kommer|kan|"
    r"får|ansvarar|genomför|genomförde|deltar|ingår|leder|ledde|står|samverkar|tillsammans|"
    r"med|som|lovar|tar|gör|arbetar|utför|bidrar|erbjuder|följer|planerar|sammankallar)\b)"
)
"""What may follow a name where its phrase ends: a sign, a line's or cell's end, a conjunction
or a verb whose subject it is. After ``Lokalpolisområde Ansökan`` comes ``om tillstånd``: the
words of a cell, not of a name."""


def is_name(text: str, name: str, abbreviated: bool = False, after: str = "") -> bool:
    """Whether ``name``, written after an organisation's type word in ``text`` (the whole
    document), is a name (see the module); ``abbreviated``: an abbreviation is written right
    after it (``Räddningstjänstförbundet Sagoå (RML)``), which only a name is given;
    ``after``: the text after it in its sentence."""
    words = name.split()
    if not words or any(w.lower() in COMMON_WORDS for w in words):
        return False
    if len(words) == 1 and re.fullmatch(pat.DIRECTION, name):
        return False  # "Räddningstjänsten Norra" / "Påhittsdalen": the rest on the next line
    if len(words) > 1 or "-" in name or abbreviated:
        return True
    return _shown_a_name(text, name) or bool(_PHRASE_ENDS.match(after))


@functools.lru_cache(maxsize=512)
def _shown_a_name(text: str, word: str) -> bool:
    """Whether the text writes ``word`` as a municipality's name, or with its capital where no
    sentence, line or cell begins and not right after a type word."""
    stem = word[:-1] if word.endswith("s") and len(word) > 3 else word
    forms = rf"(?:{re.escape(word)}|{re.escape(stem)}s?)"
    if re.search(rf"\b{forms}\s+(?:kommun|stad)s?\b", text):
        return True
    for m in re.finditer(rf"(?<![\w-]){forms}(?![\w-])", text):
        before = text[max(0, m.start() - 40) : m.start()]
        if _TYPE_BEFORE.search(before) or _BEGINS.search(before) or m.start() == 0:
            continue
        return True
    return False


def municipality_name(text: str, name: str) -> str:
    """The name of ``name kommun`` as the text names it: two capitalised words (``Fejkby
    Låtsaslunda kommun``) whose second the text writes alone before ``kommun`` more often than
    after the first (``Låtsaslunda kommun``) are a table's cell run into the next
    (``Sommarjobb för unga i Fejkby`` | ``Låtsaslunda kommun``): the name is the second word.
    ``Östra Göinge kommun``, written so each time, keeps both."""
    words = name.split()
    if len(words) != 2:
        return name
    return _second_alone(text, words[0], words[1])


@functools.lru_cache(maxsize=512)
def _second_alone(text: str, first: str, second: str) -> str:
    both = len(re.findall(rf"\b{re.escape(first)}\s+{re.escape(second)}s?\s+(?:kommun|stad)", text))
    alone = len(re.findall(rf"\b{re.escape(second)}s?\s+(?:kommun|stad)", text))
    return second if alone - both > both else f"{first} {second}"
