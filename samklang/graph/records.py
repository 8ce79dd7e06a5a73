"""Records: one validated item of a section (a document, a goal, an activity row…).

Reading a record checks every field against the schema and converts its text; references to
other records are kept as ids and resolved once every file is read (see ``dataset.py``).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from samklang.errors import InputError, at_line
from samklang.graph.schema import (
    CHANGE_UNITS,
    DIRECTIONS,
    DOCUMENT_PARTS,
    GEOGRAPHIC_SCOPES,
    GROUP_TYPES,
    ORGANISATION_TYPES,
    SECTIONS,
    TARGET_KINDS,
    Field,
    Section,
)
from samklang.graph.values import (
    MULTI_SEPARATOR,
    PARSERS,
    RULE_ID,
    FieldValueError,
    law_id,
    parse_count,
    parse_id,
    parse_ref,
)
from samklang.graph.yamlfile import Mapping, Node, Scalar, Sequence
from samklang.ontology.vocabulary import vocabularies

CHOICES = {
    "organisation-type": ORGANISATION_TYPES,
    "group-type": GROUP_TYPES,
    "document-part": DOCUMENT_PARTS,
    "geographic-scope": GEOGRAPHIC_SCOPES,
    "direction": DIRECTIONS,
    "target-kind": TARGET_KINDS,
    "change-unit": CHANGE_UNITS,
}


@dataclass
class Record:
    """One item of a section, with its converted values and where each was written.

    ``empty`` holds the fields written with no value: the source shows them, empty.
    """

    section: str
    id: str
    path: Path
    location: str | None
    values: dict[str, Any] = field(default_factory=dict)
    locations: dict[str, str | None] = field(default_factory=dict)
    empty: set[str] = field(default_factory=set)

    def where(self, name: str | None = None) -> str | None:
        """Location of field ``name`` (or of the record)."""
        return self.locations.get(name, self.location) if name else self.location

    def fail(self, name: str | None, problem: str) -> InputError:
        """An input error about field ``name`` of this record."""
        return InputError(self.path, self.where(name), problem)


def convert(f: Field, text: str) -> Any:
    """Convert one text value of field ``f``.

    Raises:
        FieldValueError: the text does not fit the field.
    """
    text = text.strip()
    if not text:
        raise FieldValueError(
            f"'{f.name}' is empty; expected {f.doc[0].lower()}{f.doc[1:].rstrip('.')}"
        )
    if f.kind == "text":
        return text
    if f.kind == "int":
        return parse_count(text)
    if f.kind == "choice":
        choices = CHOICES[f.vocabulary]
        if text not in choices:
            raise FieldValueError(
                f"'{text}' is not a known {f.vocabulary}; expected one of {', '.join(choices)}"
            )
        return text
    if f.kind == "vocab":
        try:
            return vocabularies().lookup(f.vocabulary, text)
        except LookupError as err:
            raise FieldValueError(str(err)) from err
    if f.kind == "ref":
        if "law" in f.targets and (law := law_id(text)):
            return ("law", law)
        return parse_ref(text)
    if f.kind == "rule":
        # What a rule ID looks like; whether the catalogue has it is checked by the rules
        # (samklang.queries.check.check_accepted_rules), which this layer does not know.
        if not RULE_ID.fullmatch(text):
            raise FieldValueError(
                f"'{text}' is not a rule; expected an ID listed by 'samklang rules'"
            )
        return text
    if f.kind == "source":
        source, _, lines = text.partition("#")
        parse_id(source)
        if lines:
            first, _, last = lines.partition("-")
            if (
                not first.isdigit()
                or (last and not last.isdigit())
                or int(last or first) < int(first)
            ):
                raise FieldValueError(
                    f"'{text}' has no valid lines; expected source#39 or source#39-43"
                )
        return text
    parser = PARSERS[f.kind]
    assert parser is not None
    return parser(text)


def _convert_many(f: Field, texts: list[str]) -> Any:
    values = [convert(f, t) for t in texts]
    return values if f.many else values[0]


def record_from_yaml(section: Section, node: Node, path: Path) -> Record:
    """Read one YAML mapping as a record of ``section``.

    Raises:
        InputError: with the file and line of the first field that does not fit.
    """
    if not isinstance(node, Mapping):
        raise InputError(
            path,
            at_line(node.line),
            f"an item of '{section.name}' is not a mapping; expected 'id: …' and more",
        )
    record = Record(section.name, "", path, at_line(node.line))
    _read_mapping(record, section.fields, node, path, prefix="")
    if section.field("id") is None:  # accepted findings: named by what they accept
        record.id = accepted_id(
            record.values["rule"], record.values["focus"], record.values.get("document")
        )
        return record
    if "id" not in record.values:
        raise InputError(path, at_line(node.line), f"an item of '{section.name}' has no 'id'")
    record.id = record.values["id"]
    return record


def _read_mapping(
    record: Record, fields: tuple[Field, ...], node: Mapping, path: Path, prefix: str
) -> dict[str, Any]:
    known = {f.name: f for f in fields}
    out: dict[str, Any] = record.values if not prefix else {}
    for key, value in node.items.items():
        line = at_line(node.key_lines.get(key))
        f = known.get(key)
        if f is None:
            close = difflib.get_close_matches(key, list(known), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise InputError(
                path,
                line,
                f"'{prefix}{key}' is not a field of "
                f"{record.section}{hint}; expected one of {', '.join(known)}",
            )
        name = prefix + key
        record.locations[name] = line
        if isinstance(value, Scalar) and value.text is None:
            if f.required:
                raise InputError(path, line, f"'{name}' has no value; it is required")
            record.empty.add(name)
            continue
        try:
            out[key] = _read_value(record, f, value, path, name)
        except FieldValueError as err:
            raise InputError(path, at_line(value.line), str(err)) from err
    for f in fields:
        if f.required and f.name not in out:
            raise InputError(
                path,
                at_line(node.line),
                f"{record.section} item has no '{prefix}{f.name}'; it is required",
            )
    return out


def _read_value(record: Record, f: Field, value: Node, path: Path, name: str) -> Any:
    if f.kind == "map" and f.shorthand and isinstance(value, Scalar):
        # ``baseline: 2016-2019`` stands for ``baseline: {period: 2016-2019}``
        sub = next(s for s in f.subfields if s.name == f.shorthand)
        record.locations[f"{name}.{sub.name}"] = at_line(value.line)
        return {sub.name: _read_value(record, sub, value, path, f"{name}.{sub.name}")}
    if f.kind == "map":
        if not isinstance(value, Mapping):
            raise FieldValueError(
                f"'{name}' is not a mapping; expected keys "
                + ", ".join(s.name for s in f.subfields)
            )
        return _read_mapping(record, f.subfields, value, path, prefix=name + ".")
    if f.kind == "list":
        if not isinstance(value, Sequence):
            raise FieldValueError(
                f"'{name}' is not a list; expected '- {f.subfields[0].name}: …' items"
            )
        items = []
        for index, item in enumerate(value.items):
            if not isinstance(item, Mapping):
                raise FieldValueError(f"an item of '{name}' is not a mapping")
            before = dict(record.locations)
            items.append(_read_mapping(record, f.subfields, item, path, prefix=name + "."))
            # where each item's fields are written, by index (``indicators[1].target``); the
            # plain names (``indicators.target``) hold the last item's
            record.locations[f"{name}[{index}]"] = at_line(item.line)
            for key, line in list(record.locations.items()):
                if key.startswith(name + ".") and before.get(key, "") != line:
                    record.locations[f"{name}[{index}]{key[len(name):]}"] = line
        return items
    if isinstance(value, Sequence):
        if not f.many:
            raise FieldValueError(f"'{name}' is a list; expected a single value")
        texts = []
        for item in value.items:
            if not isinstance(item, Scalar) or item.text is None:
                raise FieldValueError(f"'{name}' holds a list item that is not a plain value")
            texts.append(item.text)
        return _convert_many(f, texts)
    if isinstance(value, Mapping):
        raise FieldValueError(
            f"'{name}' is a mapping; expected {'a list of values' if f.many else 'a value'}"
        )
    assert value.text is not None
    return _convert_many(f, [value.text])


def record_from_row(row: dict[str, str], path: Path, location: str) -> Record:
    """Read one spreadsheet row (column name → cell text) as an activity record.

    Raises:
        InputError: naming the file, sheet/row and column of the first cell that does not fit.
    """
    section = SECTIONS["activities"]
    record = Record(section.name, "", path, location)
    for f in section.fields:
        text = (row.get(f.name) or "").strip()
        record.locations[f.name] = f"{location}, column '{f.name}'"
        if not text:
            if f.required:
                raise InputError(path, location, f"column '{f.name}' is empty; it is required")
            continue
        parts = (
            [p for p in (t.strip() for t in MULTI_SEPARATOR.split(text)) if p] if f.many else [text]
        )
        try:
            record.values[f.name] = _convert_many(f, parts)
        except FieldValueError as err:
            raise InputError(path, record.locations[f.name], str(err)) from err
    record.id = record.values["id"]
    return record


def accepted_id(rule: str, focus: str, document: str | None = None) -> str:
    """The id of an accepted finding, made of what it accepts: distinct for distinct
    (rule, focus, document), and usable in an IRI.

    >>> accepted_id("PER-MANDATE", "handlingsprogram")
    'accepted-per-mandate-handlingsprogram'
    >>> accepted_id("REF-UNRESOLVED", "SFS 2017:725", "plan")
    'accepted-ref-unresolved-SFS%202017%3A725~plan'
    """
    from urllib.parse import quote

    name = f"accepted-{rule.lower()}-{quote(focus, safe='-_.').replace('~', '%7E')}"
    return name + (f"~{document}" if document is not None else "")
