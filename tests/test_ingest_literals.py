"""The quick test before a pattern (``ingest/literals.py``) never turns away a text it matches."""

from __future__ import annotations

import re

import pytest

from samklang.graph.ingest import named_groups
from samklang.graph.ingest import patterns as pat
from samklang.graph.ingest.literals import might_match, required

from .ingest.builders import HERE


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    found: list[tuple[str, re.Pattern[str]]] = []

    def collect(name: str, value: object, depth: int = 0) -> None:
        if isinstance(value, re.Pattern):
            found.append((name, value))
        elif isinstance(value, (list, tuple)) and depth < 3:
            for n, item in enumerate(value):
                collect(f"{name}[{n}]", item, depth + 1)
        elif isinstance(value, dict) and depth < 3:
            for key, item in value.items():
                collect(f"{name}[{key}]", item, depth + 1)

    for module in (pat, named_groups):  # every pattern tested with literals.py
        for name in dir(module):
            collect(f"{module.__name__}.{name}", getattr(module, name))
    return found


def _texts() -> list[str]:
    units = []
    for path in sorted(HERE.glob("*.txt")) + sorted(HERE.glob("*.md")):
        data = path.read_bytes()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252")
        units += text.splitlines()
        units += re.split(r"(?<=[.!?:])\s+", text)
    return units


def test_a_match_is_never_turned_away() -> None:
    texts = _texts()
    checked = 0
    for name, pattern in _patterns():
        if required(pattern) is None:
            continue
        for text in texts:
            if pattern.search(text):
                checked += 1
                assert might_match(pattern, text.lower()), (name, text)
    assert checked > 1000


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"\bsammankallas\s+av\s+(?P<who>\w+)", {"sammankallas"}),
        (r"\b(?:Lokalpolisområde(?:t)?|LPO)\s+\w+", {"lokalpolisområde", "lpo"}),
        (r"(?i)\bSyftet\s+med\b", {"syftet"}),
        (r"\w+\s(?P<suffix>kommun|stad)s?\b", {"kommun", "stad"}),
        (r"(?:ett\s+)?\d{4}", None),  # nothing every match holds
        (r"\bav\b", None),  # too short to tell anything
    ],
)
def test_the_words_every_match_holds(pattern: str, words: set[str] | None) -> None:
    compiled = re.compile(pattern)
    assert required(compiled) == (frozenset(words) if words else None)
    if words:
        assert not might_match(compiled, "en mening om något annat")
