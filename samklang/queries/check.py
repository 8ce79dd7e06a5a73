"""Run the rule pack over a graph and turn the rows into findings a planner can read."""

from __future__ import annotations

import os
import re
import string
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from samklang.errors import UsageError
from samklang.graph.store import Store, open_store
from samklang.ontology.namespace import LAW
from samklang.queries import history, verdict
from samklang.queries.acceptance import (
    Acceptances,
    accepted_record,
    check_accepted_rules,
    read_acceptances,
)
from samklang.queries.finding import Finding, Item
from samklang.queries.rule import GROUPS, LANGUAGES, SEVERITIES, Rule, catalogue
from samklang.queries.settings import Settings, dataset_settings

if TYPE_CHECKING:  # a check of a store reads no dataset folder: not imported for it
    from samklang.graph.dataset import Dataset


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
    may_write: bool | None = None,
    places: Mapping[str, Place] | None = None,
    left_out: Sequence[history.LeftOut] | None = None,
) -> list[Finding]:
    """Check a dataset's coherence, as the documents stood on the reference date.

    Documents adopted after the reference date did not exist then and are left out
    (``samklang.queries.history``); rules whose legal basis was not yet in force do not run.

    Args:
        source: a loaded dataset, or the path of a dataset folder (or plan document); may be
            ``None`` when ``store`` already holds the data (a corpus of municipalities).
        as_of: the reference date (default: today); ignored when ``settings`` is given.
        lang: ``sv`` or ``en``, for messages.
        rules: the rules to run (default: all).
        store: where to run them (default: a new in-memory Oxigraph store holding ``source``).
        settings: rule parameters.
        may_write: whether the verdicts (``samklang.queries.verdict``) may be written into
            ``store``, when it holds goals measured by indicators. ``None`` decides by the
            store: an on-disk store opened for reading is copied into memory and the verdicts
            added to the copy, an endpoint is not written (the rules that read verdicts do not
            run on it), any other store is written (its graph ``graph/derived/verdicts``).
        places: where each resource in ``store`` was written, IRI → (dataset folder, file,
            location), for a store of several datasets (``samklang.graph.corpus.load_corpus``
            gathers them); a dataset given as ``source`` brings its own.
        left_out: the documents of ``store`` that did not exist on the reference date, when
            the caller has worked them out already (``history.left_out(store, as_of)``, for
            its report); ``None`` works them out here.

    Returns:
        Findings in the order a planner reads them (``reading_order``): one per rule and
        document, a finding that groups several items listing them in ``items``.

    Raises:
        InputError: the dataset cannot be read.
        UsageError: an unknown language.
    """
    if lang not in LANGUAGES:
        raise UsageError(f"'{lang}' is not a language; expected sv or en")
    dataset = None
    if source is not None:
        from samklang.graph.dataset import Dataset
        from samklang.graph.source_kind import load_dataset

        dataset = source if isinstance(source, Dataset) else load_dataset(source)
    if dataset is not None:
        check_accepted_rules(dataset)
    if settings is None:
        settings = Settings(as_of=as_of or date.today())
        if dataset is not None:
            settings = dataset_settings(settings, dataset)
    own_store = store is None
    if store is None:
        if dataset is None:
            raise UsageError("nothing to check: give a dataset or a store")
        store = open_store("memory")
        store.add(dataset.quads)
    gone = list(left_out) if left_out is not None else history.left_out(store, settings.as_of)
    if own_store and gone and dataset is not None:
        store = open_store("memory")
        store.add(history.without(dataset.quads, gone))
    bindings = settings.bindings()
    chosen = [
        rule
        for rule in (rules if rules is not None else catalogue().values())
        if rule.in_force is None or getattr(settings, rule.in_force) <= settings.as_of
    ]
    # The verdicts go into the store before the rules run, where it holds any measure
    # (decision 0007); a store without follow-up data is left as it is.
    if verdict.skips_verdicts(store, may_write):
        chosen = [rule for rule in chosen if not verdict.reads_verdicts(rule.query)]
    store = verdict.with_verdicts(store, settings.as_of, may_write=own_store or may_write)

    def run(rule: Rule) -> list[Row]:
        return store.select(rule.query, {name: bindings[name] for name in rule.parameters})

    if getattr(store, "concurrent_queries", False) and len(chosen) > 1:
        # Oxigraph releases the GIL while it evaluates: the rules share the cores.
        with ThreadPoolExecutor(max_workers=min(8, os.cpu_count() or 1)) as pool:
            results = list(pool.map(run, chosen))
    else:
        results = [run(rule) for rule in chosen]
    rows = [(rule, row) for rule, found in zip(chosen, results, strict=True) for row in found]
    if not own_store and gone:  # a store we may not change: drop what concerns the left-out
        rows = [
            (rule, row)
            for rule, row in rows
            if not any(
                history.concerns(term.value, gone)
                for term in row.values()
                if isinstance(term, ox.NamedNode)
            )
        ]
    labels = _labels(store, [term for _, row in rows for term in row.values()], lang)
    acceptances = read_acceptances(store)
    marks = _marks(store) if any(r.part or r.fields for r in chosen) else Marks()
    heads = _family_heads(store, [row for rule, row in rows if rule.family])
    findings = _findings(rows, labels, lang, settings, acceptances, marks, heads)
    findings = _of_the_data(store, findings)
    if dataset is not None:
        places = {iri: (dataset.path, *where) for iri, where in dataset.locations.items()}
    if places:
        findings = [_located(f, places) for f in findings]
    return sorted(findings, key=reading_order)


LINKED_QUERY = """
SELECT ?node ?value WHERE {
  VALUES (?node ?value) { %s }
  FILTER (EXISTS { ?node ?p ?value } || EXISTS { ?value ?q ?node })
}
"""
"""Which (focus, value) pairs the data links by a triple; the VALUES list is made of terms
the store returned, serialised as RDF terms, never of text from a user."""


def _of_the_data(store: Store, findings: list[Finding]) -> list[Finding]:
    """The findings, each ``value`` kept only where the data states it of the finding's
    focus or document (a triple between the two): an RDF term of the data, as ``sh:value``
    must be; a value the rule worked out (a count, a list, a date it computed) goes."""
    from samklang.graph.sparql_text import term_text

    pairs = sorted(
        {
            (term_text(ox.NamedNode(node)), f.value)
            for f in findings
            if f.value is not None
            for node in (f.focus, f.document)
            if node is not None and ":" in node
        }
    )
    linked: set[tuple[str, str]] = set()
    for start in range(0, len(pairs), 200):
        batch = " ".join(f"({node} {value})" for node, value in pairs[start : start + 200])
        for row in store.select(LINKED_QUERY % batch):
            linked.add((row["node"].value, str(row["value"])))
    return [
        f
        if f.value is None
        or (f.focus, f.value) in linked
        or (f.document is not None and (f.document, f.value) in linked)
        else replace(f, value=None)
        for f in findings
    ]


def reading_order(finding: Finding) -> tuple[int, int, str, str, str]:
    """The order a planner reads findings in: by rule group (legal obligations first), then
    severity, document and rule ID; every question after every defect."""
    group = GROUPS.index(finding.group) if finding.kind == "defect" else len(GROUPS)
    return (
        group,
        -SEVERITIES.index(finding.severity),
        (finding.document_label or "").casefold() if finding.document else "",
        finding.rule,
        finding.focus,
    )


Row = dict[str, ox.NamedNode | ox.BlankNode | ox.Literal]

Place = tuple[Path, Path, str | None]
"""Where a resource was written: its dataset folder, the file, and ``"line 12"``/``"row 4"``."""


@dataclass(frozen=True)
class Marks:
    """What a dataset says it does not record, and which fields it marks for review."""

    not_recorded: dict[str, set[str]] = field(default_factory=dict)
    """Document IRI → parts of it not recorded (``activities``, ``follow_up``…)."""
    review: dict[str, set[str]] = field(default_factory=dict)
    """Resource IRI → fields of its record to review (``goal``, ``responsible``…)."""


MARKS_QUERY = """
SELECT ?s ?part ?field WHERE {
  { ?s sk:notRecorded ?part } UNION { ?s sk:review ?field }
}
"""


def _marks(store: Store) -> Marks:
    marks = Marks()
    for row in store.select(MARKS_QUERY):
        subject = row["s"].value
        if "part" in row:
            marks.not_recorded.setdefault(subject, set()).add(row["part"].value)
        if "field" in row:
            marks.review.setdefault(subject, set()).add(row["field"].value)
    return marks


def _asks(rule: Rule, row: Row, marks: Marks) -> bool:
    """Whether the row is a question: the query says so, the document does not record the
    rule's part, or the focus marks one of the rule's fields for review."""
    if not rule.question:
        return False
    flag = row.get("question")
    if isinstance(flag, ox.Literal) and flag.value in ("true", "1"):
        return True
    concerned = [row[name].value for name in ("document", "focus") if name in row]
    if rule.part and any(rule.part in marks.not_recorded.get(iri, ()) for iri in concerned):
        return True
    return bool(set(rule.fields) & marks.review.get(row["focus"].value, set()))


PART_OF_QUERY = """
SELECT ?part ?whole ?municipality WHERE {
  VALUES ?part { %s }
  { ?part dcterms:isPartOf ?whole . } UNION { ?part sk:municipality ?municipality . }
}
"""
"""What each focus of a family rule is directly part of; the VALUES list is made of IRIs the
store returned, serialised as RDF terms, never of text from a user. (The closure is taken here:
Virtuoso refuses a property path ``isPartOf+`` that starts from a VALUES list.)"""


def _family_heads(store: Store, rows: list[Row]) -> dict[str, str]:
    """For a rule whose findings come in families (a plan part of its programme, promises under
    their agreement), each focus → the head of its family: the topmost focus that fired and that
    it is part of, directly or through other foci that fired. Families of one dataset whose
    heads ended on the same day (``?end``) ended together and become one."""
    from samklang.graph.sparql_text import term_text

    foci = sorted({row["focus"].value for row in rows if isinstance(row["focus"], ox.NamedNode)})
    if len(foci) < 2:
        return {}
    fired = set(foci)
    parents: dict[str, set[str]] = {}
    owners: dict[str, str] = {}  # focus → its municipality
    for start in range(0, len(foci), 400):
        batch = " ".join(term_text(ox.NamedNode(iri)) for iri in foci[start : start + 400])
        for row in store.select(PART_OF_QUERY % batch):
            if "municipality" in row:
                owners[row["part"].value] = row["municipality"].value
            elif row["whole"].value in fired:
                parents.setdefault(row["part"].value, set()).add(row["whole"].value)
    heads = {}
    for focus in foci:
        seen: set[str] = set()
        frontier = {focus}
        while frontier:  # walk up through the foci that fired
            frontier = {p for f in frontier for p in parents.get(f, ())} - seen
            seen |= frontier
        tops = [f for f in seen if not parents.get(f)]
        heads[focus] = min(tops) if tops else focus
    # Families of one dataset that ended on the same day ended together: one cause.
    # A family's dataset is its municipality (a shared document is in a namespace of its own
    # but is the municipality's document too); failing that, its IRI's namespace.
    ends = {row["focus"].value: row["end"].value for row in rows if "end" in row}

    def family_key(head: str) -> tuple[str, str]:
        return (owners.get(head, head.rsplit("/", 1)[0]), ends.get(head, head))

    together: dict[tuple[str, str], str] = {}
    for top in sorted(set(heads.values())):
        together.setdefault(family_key(top), top)
    merged = {focus: together[family_key(head)] for focus, head in heads.items()}
    return {focus: head for focus, head in merged.items() if head != focus}


def _findings(
    rows: list[tuple[Rule, Row]],
    labels: dict[str, str],
    lang: str,
    settings: Settings,
    acceptances: Acceptances,
    marks: Marks,
    heads: dict[str, str],
) -> list[Finding]:
    """One finding per rule, document and kind: rows of one cause grouped, each named."""
    groups: dict[tuple[str, ...], list[tuple[Rule, Row, bool]]] = {}
    accepted_rows: list[tuple[Rule, Row, bool, dict[str, str]]] = []
    for n, (rule, row) in enumerate(rows):
        asks = _asks(rule, row, marks)
        focus = row["focus"].value
        document = row["document"].value if "document" in row else None
        if rule.family:
            document = heads.get(focus, focus)
        record = accepted_record(acceptances, rule.id, row)
        # An accepted item leaves its group; accepting the group's own focus (the document,
        # or a family's head) accepts the whole group, below.
        if record is not None and not (rule.grouped and focus == document):
            accepted_rows.append((rule, row, asks, record))
            continue
        if rule.grouped and document is not None:
            key: tuple[str, ...] = (rule.id, document, str(asks))
        elif asks and rule.question_grouped:
            # One question per rule and dataset: the cause is what the dataset does not record.
            key = (rule.id, "question", focus.rsplit("/", 1)[0])
        else:
            key = (rule.id, str(n))
        groups.setdefault(key, []).append((rule, row, asks))
    findings = [
        _finding(rule, row, labels, lang, _severity(rule, settings, asks, row), record, asks)
        for rule, row, asks, record in accepted_rows
    ]
    for members in groups.values():
        rule, row, asks = members[0]
        severity = max(
            (_severity(rule, settings, asks, member[1]) for member in members),
            key=SEVERITIES.index,
        )
        if len(members) == 1:
            # A group of one keeps an acceptance of its document (the group's own focus).
            record = accepted_record(acceptances, rule.id, row) if rule.grouped else None
            findings.append(_finding(rule, row, labels, lang, severity, record, asks))
            continue
        rows_of_cause = [member[1] for member in members]
        findings.append(
            _grouped(rule, rows_of_cause, labels, lang, severity, asks, acceptances, heads)
        )
    return findings


def _severity(rule: Rule, settings: Settings, asks: bool, row: Row | None = None) -> str:
    """A question's is info; else the municipality's setting, else the row's own (a rule
    whose severity depends on the date returns ``?severity``), else the rule's."""
    if asks:
        return "info"
    own = row.get("severity") if row is not None else None
    default = own.value if isinstance(own, ox.Literal) and own.value in SEVERITIES else None
    return settings.severity.get(rule.id, default or rule.severity)


def _grouped(
    rule: Rule,
    rows: list[Row],
    labels: dict[str, str],
    lang: str,
    severity: str,
    asks: bool,
    acceptances: Acceptances,
    heads: dict[str, str],
) -> Finding:
    """One finding naming several rows of one rule about one document."""
    singles = [_finding(rule, row, labels, lang, severity, None, asks) for row in rows]
    first = rows[0]
    across = not rule.grouped  # questions about several documents of one dataset
    if rule.family:
        document = ox.NamedNode(heads.get(first["focus"].value, first["focus"].value))
    else:
        document = first.get("document") or first["focus"]  # type: ignore[assignment]
    values = [_values(rule, row, labels, lang) for row in rows]
    shared = {
        name: text for name, text in values[0].items() if all(v.get(name) == text for v in values)
    }
    shared["document"] = _text(document, labels)
    template = rule.item.get(lang) or '"{focus}"'
    by_label = sorted(
        zip(singles, values, strict=True), key=lambda p: (p[0].focus_label.casefold(), p[0].focus)
    )
    singles = [single for single, _ in by_label]
    texts = [_fill(template, v) for _, v in by_label]
    grouped = (rule.question_grouped if asks else rule.grouped)[lang]
    shared["count"] = count_text(len(rows), lang, first=grouped.startswith("{count}"))
    shared["items"] = _join(texts, lang)
    message = _fill(grouped, shared)
    if across:  # no one document: the finding is about the first item, and names them all
        document = ox.NamedNode(singles[0].focus)
    focus_row: Row = {"focus": document, "document": document}
    own: Row = {"focus": document} if across else focus_row
    base = _finding(rule, own, labels, lang, severity, None, asks)
    return replace(
        base,
        message=message,
        fix=rule.fix_grouped.get(lang) or base.fix,
        facts={
            name: text
            for name, text in shared.items()
            if name not in ("focus", "document", "count", "items")
        },
        accepted=accepted_record(acceptances, rule.id, focus_row),
        # the value every item shares (the day a family ended), if the data gives it
        value=singles[0].value if len({f.value for f in singles}) == 1 else None,
        items=tuple(Item(f.focus, f.focus_label, f.message) for f in singles),
    )


NUMBER_WORDS = {
    "sv": ("två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv"),
    "en": ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
           "twelve"),
}
"""How a count of two to twelve is written in running text (Språkrådet's Svenska skrivregler:
numbers up to twelve in words); a larger count stays in digits, also where it begins a grouped
message (at 290 municipalities a plan may group more than twelve items)."""


def count_text(count: int, lang: str, *, first: bool = False) -> str:
    """``count`` as running text reads it: in words from two to twelve, else in digits;
    capitalised when it begins the sentence (``first``).

    >>> count_text(4, "sv", first=True), count_text(3, "en"), count_text(14, "sv")
    ('Fyra', 'three', '14')
    """
    words = NUMBER_WORDS[lang]
    text = words[count - 2] if 2 <= count < 2 + len(words) else str(count)
    return text[0].upper() + text[1:] if first else text


def _join(texts: list[str], lang: str) -> str:
    """``a, b och c`` (or ``a, b and c``); items that hold commas or "och" themselves, outside
    the titles they quote, are separated by semicolons, so that the list still reads as one."""
    if len(texts) == 1:
        return texts[0]
    bare = [re.sub(r'"[^"]*"', "", t) for t in texts]  # a title's own words do not count
    if any(", " in t or AND[lang] in t for t in bare):
        return "; ".join(texts)
    return ", ".join(texts[:-1]) + AND[lang] + texts[-1]


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
    asked = set(wanted)
    best: dict[str, tuple[int, str]] = {}
    preference = {lang: 0, "sv": 1}
    rows = []
    for start in range(0, len(wanted), 400):
        batch = " ".join(term_text(ox.NamedNode(iri)) for iri in wanted[start : start + 400])
        rows.extend(store.select(LABELS_QUERY % batch))
    for row in rows:
        subject, label = row["s"], row["label"]
        if subject.value not in asked or not isinstance(label, ox.Literal):
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
        parts = sorted(term.value.split(", "))
        if all(re.fullmatch(r"\d{4}", part) for part in parts):
            return years_text(sorted({int(part) for part in parts}))
        return ", ".join(parts)
    return term.value


def years_text(years: list[int]) -> str:
    """Years as a planner writes them, runs as periods with an en dash.

    >>> years_text([2020, 2021, 2022, 2023])
    '2020–2023'
    >>> years_text([2020, 2022, 2023])
    '2020, 2022–2023'
    """
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def _values(rule: Rule, row: Row, labels: dict[str, str], lang: str) -> dict[str, str]:
    """The row's values as text, phrase codes turned into words."""
    values = {
        name: _text(term, labels)
        for name, term in row.items()
        if name not in ("question", "severity")
    }
    codes = {
        name: text
        for name, text in values.items()
        if rule.phrases and all(c in rule.phrases for c in text.split(", "))
    }
    worded = _worded(values, lang)
    for name, text in codes.items():
        values[name] = _phrase(rule, text.split(", "), worded, lang)
    return values


def _worded(values: dict[str, str], lang: str) -> dict[str, str]:
    """``values`` as a message writes them: a ``count`` the rule found (``Alla {count}
    aktiviteter``) in words up to twelve (:func:`count_text`); the facts keep the digits."""
    count = values.get("count", "")
    return {**values, "count": count_text(int(count), lang)} if count.isdigit() else values


def _finding(
    rule: Rule,
    row: Row,
    labels: dict[str, str],
    lang: str,
    severity: str,
    accepted: dict[str, str] | None,
    asks: bool = False,
) -> Finding:
    values = _values(rule, row, labels, lang)
    template = (rule.question if asks else rule.message)[lang]
    message = _fill(template, _worded(values, lang))
    focus, document = row["focus"], row.get("document")
    # The value a SHACL report may name: a term straight from the row (not a parameter, not a
    # phrase code turned into words, not words per language); _of_the_data keeps it only if
    # the data links it to the focus or document.
    found = {
        str(term)
        for name, term in row.items()
        if name not in ("focus", "document", "question", "severity", "focusLabel")
        and name not in rule.parameters
        and not re.search(r"[a-z](Sv|En)$", name)
        and not isinstance(term, ox.BlankNode)
        and (isinstance(term, ox.NamedNode) or values.get(name) == term.value)
    }
    return Finding(
        value=found.pop() if len(found) == 1 else None,
        rule=rule.id,
        severity=severity,
        kind="question" if asks else "defect",
        group=rule.group,
        focus=focus.value,
        focus_label=_text(focus, labels),
        document=document.value if document is not None else None,
        document_label=_text(document, labels) if document is not None else None,
        message=message,
        title=rule.title[lang],
        basis=rule.basis[lang],
        url=rule.url,
        # A fix may name what the case lacks ({advice}), filled as the message is.
        fix=_fill(rule.fix[lang], values).strip(),
        facts={
            name: text
            for name, text in values.items()
            if name not in ("focus", "document") and template != f"{{{name}}}"
        },
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


def _located(finding: Finding, places: Mapping[str, Place]) -> Finding:
    """The finding with the dataset, file and place where its focus (or document) is
    written, and each of its items with its own."""

    def where(*iris: str | None) -> tuple[str | None, str | None, str | None]:
        for iri in iris:
            if iri is not None and iri in places:
                folder, path, location = places[iri]
                try:
                    file = path.relative_to(folder).as_posix()
                except ValueError:
                    file = str(path)  # a shared dataset's file, outside the folder
                return str(folder), file, location
        return None, None, None

    dataset, file, location = where(finding.focus, finding.document)
    items = tuple(
        replace(i, dataset=place[0], file=place[1], location=place[2])
        for i, place in ((i, where(i.focus)) for i in finding.items)
    )
    return replace(finding, dataset=dataset, file=file, location=location, items=items)
