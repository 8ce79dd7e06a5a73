"""YAML read as a tree of nodes that remember their line, for error messages that point.

Scalars stay text: the schema, not YAML's implicit typing, decides what a value means, so
``NO`` stays the string ``"NO"`` and ``2020-13-01`` reaches the date check that can name it.
Anchors and aliases are refused (an alias bomb would otherwise expand without bound).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from samklang.errors import InputError, at_line

MAX_BYTES = 20_000_000
"""Largest text file samklang reads (20 MB): a planning dataset is kilobytes."""


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
    """Read a text file as UTF-8 (a byte-order mark is allowed).

    Raises:
        InputError: the file is missing, too large, or not UTF-8.
    """
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(path, None, f"cannot be read ({err.strerror})") from err
    if len(data) > MAX_BYTES:
        raise InputError(
            path, None, f"is {len(data) / 1e6:.0f} MB; samklang reads files up to 20 MB"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError(
            path,
            at_line(line),
            f"is not UTF-8 text (byte 0x{data[err.start]:02x}); save it with UTF-8 encoding",
        ) from err


def read_yaml(path: Path) -> Mapping:
    """Parse one YAML file whose top level is a mapping.

    Raises:
        InputError: the file is not valid YAML, is empty, or its top level is not a mapping.
    """
    text = read_text(path)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else None
        problem = err.problem or err.context or "syntax error"
        raise InputError(path, at_line(line), f"is not valid YAML: {problem}") from err
    except yaml.YAMLError as err:  # e.g. several documents in one file
        raise InputError(path, None, f"is not valid YAML: {err}") from err
    if root is None:
        raise InputError(path, None, "is empty; expected a mapping such as 'documents: [...]'")
    node = _convert(path, root, set())
    if not isinstance(node, Mapping):
        raise InputError(
            path,
            at_line(node.line),
            "has no mapping at the top; expected keys such as 'documents:'",
        )
    return node


def _convert(path: Path, node: yaml.Node, seen: set[int]) -> Node:
    if id(node) in seen:
        raise InputError(
            path,
            at_line(node.start_mark.line + 1),
            "uses a YAML alias; write the value out instead",
        )
    seen.add(id(node))
    line = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode):
        empty = node.tag == "tag:yaml.org,2002:null"
        return Scalar(None if empty else str(node.value), line, quoted=node.style in ("'", '"'))
    if isinstance(node, yaml.SequenceNode):
        return Sequence([_convert(path, item, seen) for item in node.value], line)
    assert isinstance(node, yaml.MappingNode)
    items: dict[str, Node] = {}
    key_lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode):
            raise InputError(path, at_line(key_line), "has a key that is not plain text")
        key = str(key_node.value)
        if key in items:
            raise InputError(path, at_line(key_line), f"repeats the key '{key}'")
        items[key] = _convert(path, value_node, seen)
        key_lines[key] = key_line
    return Mapping(items, line, key_lines)
