"""YAML read as a tree of nodes that remember their line, for error messages that point.

Scalars stay text: the schema, not YAML's implicit typing, decides what a value means, so
``NO`` stays the string ``"NO"`` and ``2020-13-01`` reaches the date check that can name it.
Anchors and aliases are refused (an alias bomb would otherwise expand without bound), and so
are tags and control characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from samklang.errors import InputError, at_line
from samklang.graph.limits import check_file_size


@dataclass
class Scalar:
    """A scalar: its text (``None`` for an empty value or ``null``) and 1-based line."""

    text: str | None
    line: int
    quoted: bool = False


@dataclass
class Mapping:
    """A mapping: keys in file order, each with its value node."""

    items: dict[str, Node]
    line: int
    key_lines: dict[str, int] = field(default_factory=dict)


@dataclass
class Sequence:
    """A sequence of nodes."""

    items: list[Node]
    line: int


Node = Scalar | Mapping | Sequence


def read_text(path: Path) -> str:
    """Read a text file of a dataset as UTF-8 (a byte-order mark is allowed).

    Raises:
        InputError: the file is missing, larger than a dataset's file may be
            (:data:`samklang.graph.limits.MAX_FILE_BYTES`), or not UTF-8.
    """
    try:
        check_file_size(path, path.stat().st_size)  # before reading it
        data = path.read_bytes()
    except OSError as err:
        raise InputError(path, None, f"cannot be read ({err.strerror})") from err
    check_file_size(path, len(data))  # it grew
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError(
            path,
            at_line(line),
            f"is not UTF-8 text (byte 0x{data[err.start]:02x}); save it with UTF-8 encoding",
        ) from err


MAX_DEPTH = 50
"""Deepest nesting of lists and mappings a YAML file may have: a dataset needs five levels."""

_NULL = {"", "~", "null", "Null", "NULL"}
"""Plain scalars that YAML's core schema reads as null: an empty value."""

# Characters YAML would read as line breaks or refuse with no line: C0 controls other than tab,
# line feed and carriage return, DEL, C1 controls (U+0085, "next line", would come back as a
# space), the Unicode line and paragraph separators, and a byte-order mark inside the text.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def read_yaml(path: Path) -> Mapping:
    """Parse one YAML file whose top level is a mapping.

    The file is read by LibYAML (``yaml.CSafeLoader``) as a stream of events, and the tree
    built from them here, without recursion: a file nested thousands deep is refused at
    :data:`MAX_DEPTH` with its line. Anchors, aliases and tags are refused.

    Raises:
        InputError: the file is not valid YAML, is empty, nests too deep, holds a control
            character, or its top level is not a mapping.
    """
    text = read_text(path)
    if "\r" in text:  # a lone CR ends a line as well as CRLF does
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if m := _NOT_TEXT.search(text):
        raise InputError(
            path,
            at_line(text.count("\n", 0, m.start()) + 1),
            f"holds the control character U+{ord(m[0]):04X}, which is not text; "
            "remove it (or save the file again as plain UTF-8 text)",
        )
    try:
        root = _tree(path, yaml.parse(text, Loader=_LOADER))
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else None
        problem = err.problem or err.context or "syntax error"
        if "maximum nesting depth" in problem:  # LibYAML's own limit, met before MAX_DEPTH
            raise InputError(
                path,
                at_line(line),
                f"nests lists and mappings more than {MAX_DEPTH} deep; a dataset needs "
                "a few levels",
            ) from err
        raise InputError(path, at_line(line), f"is not valid YAML: {problem}") from err
    except yaml.YAMLError as err:  # e.g. several documents in one file
        raise InputError(path, None, f"is not valid YAML: {err}") from err
    if root is None:
        raise InputError(path, None, "is empty; expected a mapping such as 'documents: [...]'")
    if not isinstance(root, Mapping):
        raise InputError(
            path,
            at_line(root.line),
            "has no mapping at the top; expected keys such as 'documents:'",
        )
    return root


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""LibYAML's parser where PyYAML was built with it (the wheels are), else PyYAML's own."""


def _tree(path: Path, events: Iterator[yaml.Event]) -> Node | None:
    """The one document of a stream of parse events, as nodes."""
    root: Node | None = None
    stack: list[Mapping | Sequence] = []
    pending: list[Scalar | None] = []  # per open mapping: the key read, awaiting its value
    documents = 0
    for event in events:
        kind = type(event)
        if kind in _ENDS:
            if type(stack.pop()) is Mapping:
                pending.pop()
            continue
        if kind not in _NODES:
            if kind is yaml.AliasEvent:
                raise _refused(path, event, "uses a YAML alias; write the value out instead")
            if kind is yaml.DocumentStartEvent and (documents := documents + 1) > 1:
                raise _refused(
                    path, event, "holds more than one YAML document ('---'); expected one"
                )
            continue
        if event.anchor is not None:
            raise _refused(path, event, "uses a YAML alias; write the value out instead")
        if event.tag is not None and not (kind is yaml.ScalarEvent and event.tag == "!"):
            raise _refused(
                path,
                event,
                f"uses the YAML tag '{event.tag}'; expected plain values (samklang gives "
                "every value its meaning itself), so remove the tag",
            )
        line = event.start_mark.line + 1
        node: Node
        if kind is yaml.ScalarEvent:
            value = event.value
            is_key = bool(stack) and type(stack[-1]) is Mapping and pending[-1] is None
            empty = value in _NULL and not is_key and not event.style and event.implicit[0]
            node = Scalar(None if empty else value, line, event.style in ("'", '"'))
        elif kind is yaml.MappingStartEvent:
            node = Mapping({}, line, {})
        else:
            node = Sequence([], line)
        if not stack:
            root = node
        else:
            _place(path, stack[-1], pending, node)
        if kind is not yaml.ScalarEvent:
            if len(stack) >= MAX_DEPTH:
                raise _refused(
                    path,
                    event,
                    f"nests lists and mappings more than {MAX_DEPTH} deep; a dataset needs "
                    "a few levels",
                )
            stack.append(node)  # type: ignore[arg-type]
            if kind is yaml.MappingStartEvent:
                pending.append(None)
    return root


_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_NODES = (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)


def _refused(path: Path, event: yaml.Event, problem: str) -> InputError:
    return InputError(path, at_line(event.start_mark.line + 1), problem)


def _place(
    path: Path, parent: Mapping | Sequence, pending: list[Scalar | None], node: Node
) -> None:
    """Put ``node`` into ``parent``: an item of a list, a key of a mapping or its value."""
    if isinstance(parent, Sequence):
        parent.items.append(node)
        return
    key = pending[-1]
    if key is None:
        if not isinstance(node, Scalar):
            raise InputError(path, at_line(node.line), "has a key that is not plain text")
        text = node.text or ""
        if text in parent.items:
            raise InputError(path, at_line(node.line), f"repeats the key '{text}'")
        pending[-1] = Scalar(text, node.line)
        return
    assert key.text is not None
    parent.items[key.text] = node
    parent.key_lines[key.text] = key.line
    pending[-1] = None
