"""Run the rule pack over a graph and turn the rows into findings a planner can read."""

from __future__ import annotations

import os
import re
import string
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from samklang.errors import UsageError
from samklang.graph.dataset import Dataset, load_dataset
from samklang.graph.store import Store, open_store
from samklang.ontology.namespace import LAW
from samklang.queries.rule import LANGUAGES, SEVERITIES, Rule, catalogue
from samklang.queries.settings import Settings


@dataclass(frozen=True)
class Finding:
    """One thing that does not hang together.

    Attributes:
        rule: the rule ID (``PER-EXPIRED``).
        severity: ``error``, ``warning`` or ``info``.
        focus: IRI of the resource at fault.
        focus_label: its name.
        document: IRI of the document it concerns, or ``None``.
        document_label: its title, or ``None``.
        message: what does not fit, in the requested language.
        title: the rule's title.
        basis: why it matters (law, method, the plan's own text).
        url: a link to the basis.
        fix: how to fix it.
        facts: the values the rule found, by name (``start``, ``end``, ``parent``…), as text.
        accepted: who accepted the finding, when and why, if a planner has (else ``None``).
        file: the dataset file where the focus is written, when known.
        location: where in that file (``"line 12"``, ``"row 4"``), when known.
    """

    rule: str
    severity: str
    focus: str
    focus_label: str
    document: str | None
    document_label: str | None
    message: str
    title: str
    basis: str
    url: str
    fix: str
    facts: dict[str, str] = field(default_factory=dict)
    accepted: dict[str, str] | None = None
    file: str | None = None
    location: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The finding as a JSON-ready mapping."""
        return asdict(self)


def select_rules(only: Iterable[str] = (), skip: Iterable[str] = ()) -> list[Rule]:
    """The rules to run: all, or ``only`` these, minus ``skip``.

    Raises:
        UsageError: an ID names no rule.
    """
    rules = catalogue()
    for rule_id in [*only, *skip]:
        if rule_id not in rules:
            raise UsageError(f"'{rule_id}' is not a rule; see 'samklang rules'")
    chosen = [rules[r] for r in only] if only else list(rules.values())
    return [r for r in chosen if r.id not in set(skip)]


def check(
    source: Dataset | str | Path | None = None,
    *,
    as_of: date | None = None,
    lang: str = "sv",
    rules: Sequence[Rule] | None = None,
    store: Store | None = None,
    settings: Settings | None = None,
) -> list[Finding]:
    """Check a dataset's coherence.

    Args:
        source: a loaded dataset, or the path of a dataset folder (or plan document); may be
            ``None`` when ``store`` already holds the data (a corpus of municipalities).
        as_of: the reference date (default: today); ignored when ``settings`` is given.
        lang: ``sv`` or ``en``, for messages.
        rules: the rules to run (default: all).
        store: where to run them (default: a new in-memory Oxigraph store holding ``source``).
        settings: rule parameters.

    Returns:
        Findings, most severe first, then by rule and focus.

    Raises:
        InputError: the dataset cannot be read.
        UsageError: an unknown language.
    """
    if lang not in LANGUAGES:
        raise UsageError(f"'{lang}' is not a language; expected sv or en")
    dataset = None
    if source is not None:
        dataset = source if isinstance(source, Dataset) else load_dataset(source)
    if store is None:
        if dataset is None:
            raise UsageError("nothing to check: give a dataset or a store")
        store = open_store("memory")
        store.add(dataset.quads)
    if settings is None:
        settings = Settings(as_of=as_of or date.today())
        if dataset is not None and dataset.settings:
            settings = settings.replace(dataset.settings)
    bindings = settings.bindings()
    chosen = list(rules if rules is not None else catalogue().values())

    def run(rule: Rule) -> list[dict[str, ox.NamedNode | ox.BlankNode | ox.Literal]]:
        return store.select(rule.query, {name: bindings[name] for name in rule.parameters})

    if getattr(store, "concurrent_queries", False) and len(chosen) > 1:
        # Oxigraph releases the GIL while it evaluates: the rules share the cores.
        with ThreadPoolExecutor(max_workers=min(8, os.cpu_count() or 1)) as pool:
            results = list(pool.map(run, chosen))
    else:
        results = [run(rule) for rule in chosen]
    rows = [(rule, row) for rule, found in zip(chosen, results, strict=True) for row in found]
    labels = _labels(store, [term for _, row in rows for term in row.values()], lang)
    acceptances = _acceptances(store)
    findings = [
        _finding(
            rule,
            row,
            labels,
            lang,
            settings.severity.get(rule.id, rule.severity),
            _accepted(acceptances, rule.id, row),
        )
        for rule, row in rows
    ]
    if dataset is not None:
        findings = [_located(f, dataset) for f in findings]
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(findings, key=lambda f: (-rank[f.severity], f.rule, f.focus))


LABELS_QUERY = """
SELECT ?s ?label WHERE {
  VALUES ?s { %s }
  ?s rdfs:label|dcterms:title|skos:prefLabel ?label .
}
"""
"""Labels of the resources findings name; the VALUES list is made of IRIs the store returned,
serialised as RDF terms (``term_text``), never of text from a user."""


def _labels(
    store: Store, terms: list[ox.NamedNode | ox.BlankNode | ox.Literal], lang: str
) -> dict[str, str]:
    """A name for each IRI among ``terms``: its label in ``lang``, else Swedish, else any."""
    from samklang.graph.sparql_text import term_text

    wanted = sorted({t.value for t in terms if isinstance(t, ox.NamedNode)})
    best: dict[str, tuple[int, str]] = {}
    preference = {lang: 0, "sv": 1}
    rows = []
    for start in range(0, len(wanted), 400):
        batch = " ".join(term_text(ox.NamedNode(iri)) for iri in wanted[start : start + 400])
        rows.extend(store.select(LABELS_QUERY % batch))
    for row in rows:
        subject, label = row["s"], row["label"]
        if subject.value not in wanted or not isinstance(label, ox.Literal):
            continue
        score = preference.get(label.language or "", 2)
        if subject.value not in best or score < best[subject.value][0]:
            best[subject.value] = (score, label.value)
    return {iri: label for iri, (_, label) in best.items()}


def _text(term: ox.NamedNode | ox.BlankNode | ox.Literal | None, labels: dict[str, str]) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        if term.value in labels:
            return labels[term.value].rstrip(".")
        local = term.value.rsplit("/", 1)[-1]
        if term in LAW and (m := re.fullmatch(r"(sfs|msbfs)-(\d{4})-(\d+)", local)):
            return f"{m[1].upper()} {m[2]}:{m[3]}"  # a law the vocabulary does not describe
        return local
    if ", " in term.value:  # a GROUP_CONCAT list: engines differ in order, so sort it
        return ", ".join(sorted(term.value.split(", ")))
    return term.value


ACCEPTANCES_QUERY = """
SELECT ?acceptance ?rule ?focus ?document ?by ?date ?reason WHERE {
  ?acceptance a sk:Acceptance ;
              sk:acceptedRule ?rule ;
              sk:acceptedFocus ?focus ;
              sk:acceptedBy ?by ;
              dcterms:date ?date ;
              sk:reason ?reason .
  OPTIONAL { ?acceptance sk:acceptedDocument ?document }
}
ORDER BY ?rule ?focus ?document ?acceptance
"""


@dataclass(frozen=True)
class _Acceptance:
    """One accepted finding: where it applies, and who accepted it, when and why."""

    document: str | None
    """The document it is limited to, or ``None`` for any document."""
    scope: str
    """The namespace of the dataset that holds it (``…/data/0685/``): a focus outside it (a
    domain, a law: terms every municipality shares) is accepted only for findings whose
    document lies inside it, so one municipality's acceptance stays its own in a corpus."""
    record: dict[str, str]


Acceptances = dict[tuple[str, str], list[_Acceptance]]
"""(rule ID, focus IRI) → the acceptances of findings about it."""


def _acceptances(store: Store) -> Acceptances:
    """Accepted findings in the store."""
    found: Acceptances = {}
    for row in store.select(ACCEPTANCES_QUERY):
        found.setdefault((row["rule"].value, row["focus"].value), []).append(
            _Acceptance(
                document=row["document"].value if "document" in row else None,
                scope=(
                    row["acceptance"].value.rsplit("/", 1)[0] + "/"
                    if isinstance(row["acceptance"], ox.NamedNode)
                    else ""  # a blank node from Turtle input: no namespace to keep it in
                ),
                record={
                    "by": row["by"].value,
                    "date": row["date"].value,
                    "reason": row["reason"].value,
                },
            )
        )
    return found


def _accepted(
    acceptances: Acceptances, rule_id: str, row: dict[str, ox.NamedNode | ox.BlankNode | ox.Literal]
) -> dict[str, str] | None:
    """The acceptance of a finding: one for its document, else one for any document — each
    only from the dataset the finding belongs to."""
    focus = row["focus"].value
    document = row["document"].value if "document" in row else None
    candidates = [
        a
        for a in acceptances.get((rule_id, focus), [])
        if focus.startswith(a.scope) or (document or "").startswith(a.scope)
    ]
    for wanted in (document, None):
        for a in candidates:
            if a.document == wanted:
                return a.record
    return None


def _finding(
    rule: Rule,
    row: dict[str, ox.NamedNode | ox.BlankNode | ox.Literal],
    labels: dict[str, str],
    lang: str,
    severity: str,
    accepted: dict[str, str] | None,
) -> Finding:
    values = {name: _text(term, labels) for name, term in row.items()}
    codes = {
        name: text
        for name, text in values.items()
        if rule.phrases and all(c in rule.phrases for c in text.split(", "))
    }
    for name, text in codes.items():
        values[name] = _phrase(rule, text.split(", "), values, lang)
    message = _fill(rule.message[lang], values)
    focus, document = row["focus"], row.get("document")
    return Finding(
        rule=rule.id,
        severity=severity,
        focus=focus.value,
        focus_label=_text(focus, labels),
        document=document.value if document is not None else None,
        document_label=_text(document, labels) if document is not None else None,
        message=message,
        title=rule.title[lang],
        basis=rule.basis[lang],
        url=rule.url,
        fix=rule.fix[lang],
        facts={name: text for name, text in values.items() if name not in ("focus", "document")},
        accepted=accepted,
    )


def _fill(template: str, values: dict[str, str]) -> str:
    """``template`` with its ``{placeholders}`` filled from ``values`` (``?`` if missing)."""
    wanted = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    return template.format_map({name: values.get(name, "?") for name in wanted})


AND = {"sv": " och ", "en": " and "}


def _phrase(rule: Rule, codes: list[str], values: dict[str, str], lang: str) -> str:
    """The words for phrase codes, each filled from the row, joined by 'och'/'and'."""
    parts = [_fill(rule.phrases[code][lang], values) for code in sorted(set(codes))]
    return ", ".join(parts[:-1]) + AND[lang] + parts[-1] if len(parts) > 1 else parts[0]


def _located(finding: Finding, dataset: Dataset) -> Finding:
    """The finding with the file and place where its focus (or document) is written."""
    for iri in (finding.focus, finding.document):
        if iri is not None and iri in dataset.locations:
            path, location = dataset.locations[iri]
            try:
                name = str(path.relative_to(dataset.path))
            except ValueError:
                name = str(path)
            return replace(finding, file=name, location=location)
    return finding


def worst(findings: Iterable[Finding]) -> str | None:
    """The highest severity among ``findings``, or ``None`` if there are none."""
    found = {f.severity for f in findings}
    return next((s for s in reversed(SEVERITIES) if s in found), None)
