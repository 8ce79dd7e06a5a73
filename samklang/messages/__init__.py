"""Every message the command line shows, in Swedish and English, in one place.

The library raises its errors in English (:class:`~samklang.errors.InputError`,
:class:`~samklang.errors.UsageError` and the sentences that end up in them); the command line
says them in the user's language (``--lang sv|en``, Swedish by default) by looking each sentence
up in :data:`CATALOGUE`, which pairs the English sentence, as the source raises it, with its
Swedish form. ``{name}`` in an English form matches any text, which the Swedish form repeats;
a value that is itself a sentence of the catalogue (a date error inside a setting error, a
location, a "did you mean" hint) is translated too. The command line's own lines (``serve``'s
start-up line, ``accept``'s and ``init``'s confirmations, click's framing) are in :data:`TEXTS`.

The sentences are in ``sentences/`` (one module per part of samklang), gathered in
``catalogue.py``; a new error message goes in its part's module with its Swedish form
(``tests/test_messages.py`` reads every ``raise …Error(…)`` of the package and fails for one the
catalogue does not match).

>>> translate("'2024-20270' is not a year; expected four digits such as 2021", "sv")
"'2024-20270' är inget årtal; förväntade fyra siffror, till exempel 2021"
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from samklang.messages.catalogue import CATALOGUE as CATALOGUE
    from samklang.messages.catalogue import NOUNS as NOUNS
    from samklang.messages.catalogue import TEXTS as TEXTS
    from samklang.messages.catalogue import Message

LANGUAGES = ("sv", "en")
"""The languages of every message; the first is the default."""

ENVIRONMENT = "SAMKLANG_LANG"
"""Environment variable that sets the default of ``--lang`` (``sv`` or ``en``)."""


_CATALOGUE_NAMES = ("CATALOGUE", "NOUNS", "TEXTS", "Message")


def __getattr__(name: str) -> Any:
    """The catalogue's names, imported when first asked for: a command that says nothing but
    its output (a quick check) reads none of its 355 sentences (issue 19)."""
    if name in _CATALOGUE_NAMES:
        from samklang.messages import catalogue

        return getattr(catalogue, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def default_language() -> str:
    """``SAMKLANG_LANG`` if it names a language, else Swedish."""
    value = os.environ.get(ENVIRONMENT, "").strip().lower()
    return value if value in LANGUAGES else LANGUAGES[0]


def language_of_arguments(args: Sequence[str]) -> str:
    """The ``--lang`` given among command-line ``args`` (for errors found before options are
    parsed), else :func:`default_language`."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = arg[len("--lang=") :] if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        if value in LANGUAGES:
            return value
    return default_language()


def text(key: str, lang: str, **values: object) -> str:
    """One line of :data:`TEXTS` in ``lang``, filled in."""
    from samklang.messages.catalogue import TEXTS

    return TEXTS[lang][key].format(**values)


@cache
def _by_weight() -> tuple[Message, ...]:
    from samklang.messages.catalogue import CATALOGUE

    return tuple(sorted(CATALOGUE, key=lambda m: -m.weight))


def find(sentence: str) -> tuple[Message, dict[str, str]] | None:
    """The catalogue entry whose English form matches all of ``sentence`` (the most specific
    one), with the values of its ``{…}``; ``None`` if there is none."""
    for message in _by_weight():
        if match := message.pattern.fullmatch(sentence):
            return message, match.groupdict()
    return None


def translate(sentence: str, lang: str, *, strict: bool = False) -> str:
    """``sentence`` (as the library raises it, in English) in ``lang``.

    Raises:
        KeyError: ``strict`` and the catalogue has no entry for ``sentence``; otherwise such a
            sentence is returned as it is, in English.
    """
    if lang == "en" or not sentence:
        return sentence
    found = find(sentence)
    if found is None:
        if strict:
            raise KeyError(sentence)
        return sentence
    message, values = found
    filled = {
        name: value
        if name in message.quoted
        else _noun(value)
        if name in message.nouns
        else translate(value, lang)
        for name, value in values.items()
    }
    return message.sv.format(**filled)


def _noun(value: str) -> str:
    from samklang.messages.catalogue import NOUNS

    return " eller ".join(NOUNS.get(word, word) for word in value.split(" or "))


def describe(error: Exception, lang: str) -> str:
    """The one sentence the command line prints for ``error``: file, place and what was
    expected for an :class:`~samklang.errors.InputError`, in ``lang``, with a full stop."""
    from samklang.errors import InputError

    bilingual = getattr(error, "messages", None)
    if isinstance(bilingual, dict) and lang in bilingual:
        sentence = bilingual[lang]
    elif isinstance(error, InputError):
        where = str(error.path)
        if error.location:
            where += f", {translate(error.location, lang)}"
        sentence = f"{where}: {translate(error.problem, lang)}"
    else:
        sentence = translate(str(error), lang)
    return sentence if sentence.endswith(".") else f"{sentence}."
