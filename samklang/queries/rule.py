"""A coherence rule: one SPARQL SELECT file whose header comment holds its metadata.

The header is YAML, each line behind ``# ``, between two ``# ---`` lines::

    # ---
    # id: PER-MISSING
    # severity: error
    # title: {sv: …, en: …}
    # message: {sv: "{document} saknar period.", en: "{document} has no period."}
    # basis: {sv: …, en: …, url: https://…}
    # fix: {sv: …, en: …}
    # parameters: [asOf]
    # ---
    SELECT ?focus ?document WHERE { … } ORDER BY ?focus

Every row the query returns is a finding. ``?focus`` is the resource at fault, ``?document``
the document it concerns; other variables fill ``{placeholders}`` of the message.

A query keeps human text out of its results: where a message varies, the query returns an
ASCII code (``gap``, ``overlap``; several joined by ``", "``) and the header's ``phrases``
gives each code's words, themselves with ``{placeholders}``::

    # phrases:
    #   gap: {sv: "glapp mellan {focus} och {next}", en: "gap between {focus} and {next}"}

Engines differ in how they join and encode text built inside a query (Virtuoso mangles
non-ASCII characters of the query text), so text is built here, in one place.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib.resources import files

import yaml

SEVERITIES = ("info", "warning", "error")
"""Severities, lowest first."""

LANGUAGES = ("sv", "en")


@dataclass(frozen=True)
class Rule:
    """A rule's metadata and query."""

    id: str
    severity: str
    title: dict[str, str]
    message: dict[str, str]
    basis: dict[str, str]
    fix: dict[str, str]
    parameters: tuple[str, ...]
    query: str
    phrases: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def url(self) -> str:
        """Link to the basis (law paragraph, method step, source)."""
        return self.basis.get("url", "")


_HEADER = re.compile(r"\A# ---\n(?P<meta>(?:#.*\n)*?)# ---\n", re.MULTILINE)


def parse_rule(text: str, name: str) -> Rule:
    """Parse a rule file's text.

    Raises:
        ValueError: the header is missing or incomplete (a defect of the package, not input).
    """
    m = _HEADER.match(text)
    if not m:
        raise ValueError(f"{name}: no '# ---' metadata header")
    meta = yaml.safe_load("\n".join(line[2:] for line in m["meta"].splitlines()))
    for key in ("id", "severity", "title", "message", "basis", "fix"):
        if key not in meta:
            raise ValueError(f"{name}: metadata has no '{key}'")
    for code, words in meta.get("phrases", {}).items():
        if not code.isascii() or set(words) != set(LANGUAGES):
            raise ValueError(f"{name}: phrase {code!r} needs an ASCII code and sv and en words")
    if meta["severity"] not in SEVERITIES:
        raise ValueError(f"{name}: severity {meta['severity']!r} not in {SEVERITIES}")
    for key in ("title", "message", "basis", "fix"):
        missing = [lang for lang in LANGUAGES if not meta[key].get(lang)]
        if missing:
            raise ValueError(f"{name}: '{key}' lacks {missing}")
    return Rule(
        id=meta["id"],
        severity=meta["severity"],
        title=meta["title"],
        message=meta["message"],
        basis=meta["basis"],
        fix=meta["fix"],
        parameters=tuple(meta.get("parameters", ())),
        query=text[m.end() :],
        phrases=meta.get("phrases", {}),
    )


@functools.cache
def catalogue() -> dict[str, Rule]:
    """Every rule shipped with the package, by ID, in file-name order."""
    folder = files(__package__).joinpath("rules")
    rules = {}
    for resource in sorted(folder.iterdir(), key=lambda f: f.name):
        if resource.name.endswith(".rq"):
            rule = parse_rule(resource.read_text(encoding="utf-8"), resource.name)
            rules[rule.id] = rule
    return rules
