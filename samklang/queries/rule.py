"""A coherence rule: one SPARQL SELECT file whose header comment holds its metadata.

The header is YAML, each line behind ``# ``, between two ``# ---`` lines (read by
:mod:`samklang.queries.header`, as the research queries' are)::

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

What a planner reads is shaped by more keys (``samklang.queries.check`` applies them):

``group``
    where the rule's findings stand in a report (``GROUPS``, in the order a planner reads);
``grouped``
    the message when the rule fires on several items of one document: one finding names them
    all (a rule without it reports each row on its own). ``{items}`` lists the items (each
    written by the ``item`` template, default ``"{focus}"``), ``{count}`` counts them; other
    placeholders take a value all items share;
``question``, ``question_grouped``
    the message when the finding is a question (the fact is not recorded: ask), not a defect;
    ``question_grouped`` for several rows of one cause — of one document, or, for a rule
    without ``grouped``, the same question about several documents of one dataset.
    A finding is a question when the query returns ``?question`` true (e.g. the fields are
    absent, not printed empty), when its document says the rule's ``part`` is not recorded
    (``not_recorded: [activities]``), or when its focus marks one of the rule's ``fields`` for
    review (``review: [goal]``);
``fix_grouped``
    the fix of a finding that names several items (``grouped``, ``question_grouped``), where
    the fix of one would speak of "the document" (default: ``fix``);
``family``
    ``true`` when the rule's findings come in families: a document part of (``part_of``)
    another that fired too is named in the finding of its family's head, not on its own;
``in_force``
    the setting holding the date the rule's legal basis came into force: before it, the rule
    does not run.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib.resources import files
from typing import Any

from samklang.queries.header import parse_header, read_headers

SEVERITIES = ("info", "warning", "error")
"""Severities, lowest first."""

GROUPS = ("law", "validity", "thread", "followup", "coverage", "references")
"""Rule groups in the order a planner reads: legal obligations; decision and validity; the red
thread; follow-up; coverage and balance; references. Questions come after all of them."""

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
    group: str
    grouped: dict[str, str] = field(default_factory=dict)
    phrases: dict[str, dict[str, str]] = field(default_factory=dict)
    item: dict[str, str] = field(default_factory=dict)
    question: dict[str, str] = field(default_factory=dict)
    question_grouped: dict[str, str] = field(default_factory=dict)
    fix_grouped: dict[str, str] = field(default_factory=dict)
    part: str | None = None
    fields: tuple[str, ...] = ()
    in_force: str | None = None
    family: bool = False

    @property
    def url(self) -> str:
        """Link to the basis (law paragraph, method step, source)."""
        return self.basis.get("url", "")


def parse_rule(text: str, name: str) -> Rule:
    """Parse a rule file's text.

    Raises:
        ValueError: the header is missing or incomplete (a defect of the package, not input).
    """
    meta, query = parse_header(text, name)
    return rule_from_header(meta, query, name)


def rule_from_header(meta: dict[str, Any], query: str, name: str) -> Rule:
    """A rule from its header's metadata and its query (see :func:`parse_rule`).

    Raises:
        ValueError: the header is incomplete.
    """
    for key in ("id", "severity", "group", "title", "message", "basis", "fix"):
        if key not in meta:
            raise ValueError(f"{name}: metadata has no '{key}'")
    for code, words in meta.get("phrases", {}).items():
        if not code.isascii() or set(words) != set(LANGUAGES):
            raise ValueError(f"{name}: phrase {code!r} needs an ASCII code and sv and en words")
    if meta["severity"] not in SEVERITIES:
        raise ValueError(f"{name}: severity {meta['severity']!r} not in {SEVERITIES}")
    if meta["group"] not in GROUPS:
        raise ValueError(f"{name}: group {meta['group']!r} not in {GROUPS}")
    asks = "question" in meta
    if asks and "grouped" in meta and "question_grouped" not in meta:
        raise ValueError(f"{name}: a rule that groups and asks needs 'question_grouped'")
    if "question_grouped" in meta and not asks:
        raise ValueError(f"{name}: 'question_grouped' needs 'question'")
    if (meta.get("part") or meta.get("fields")) and not asks:
        raise ValueError(f"{name}: 'part' and 'fields' make questions; give 'question'")
    groups = "grouped" in meta or "question_grouped" in meta
    filled = any("{" in meta["fix"].get(lang, "") for lang in LANGUAGES)
    if groups and filled and "fix_grouped" not in meta:
        raise ValueError(f"{name}: a fix filled from the row needs 'fix_grouped' for a group")
    texts = ["title", "message", "basis", "fix"]
    texts += [
        k for k in ("grouped", "item", "question", "question_grouped", "fix_grouped") if k in meta
    ]
    if "fix_grouped" in meta and not groups:
        raise ValueError(f"{name}: 'fix_grouped' needs 'grouped' or 'question_grouped'")
    for key in texts:
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
        query=query,
        group=meta["group"],
        grouped=meta.get("grouped", {}),
        phrases=meta.get("phrases", {}),
        item=meta.get("item", {}),
        question=meta.get("question", {}),
        question_grouped=meta.get("question_grouped", {}),
        fix_grouped=meta.get("fix_grouped", {}),
        part=meta.get("part"),
        fields=tuple(meta.get("fields", ())),
        in_force=meta.get("in_force"),
        family=bool(meta.get("family", False)),
    )


@functools.cache
def catalogue() -> dict[str, Rule]:
    """Every rule shipped with the package, by ID, in file-name order (the headers taken from
    ``rules/headers.json`` where it holds them as they are: :func:`read_headers`)."""
    rules = {}
    for name, meta, query in read_headers(files(__package__).joinpath("rules")):
        rule = rule_from_header(meta, query, name)
        rules[rule.id] = rule
    return rules
