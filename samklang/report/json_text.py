"""JSON text as ``json.dump(value, stream, ensure_ascii=False, indent=2)`` writes it, the same
characters, written faster: the standard library encodes an indented document in Python, one
generator step per piece (at 290 municipalities its indenting encoder took 10 s of ``samklang
stats --format json``, this 1 s; 0.13 s of the check's 0.25 s JSON report). The JSON report
(``samklang/report/json.py``) and the statistics (``samklang/report/stats.py``) write with it;
``tests/test_report.py`` and ``tests/test_stats_output.py`` compare it with the library.
"""

from __future__ import annotations

from json.encoder import encode_basestring  # type: ignore[attr-defined]
from typing import IO


def write_indented(value: object, stream: IO[str]) -> None:
    """``value`` as ``json.dump(value, stream, ensure_ascii=False, indent=2)`` writes it, and a
    line break.

    Raises:
        TypeError: a value or mapping key JSON cannot hold, as the library raises it.
    """
    parts: list[str] = []
    _json(value, "\n", parts)
    stream.write("".join(parts))
    stream.write("\n")


def _json(value: object, newline: str, out: list[str]) -> None:
    """Append the JSON text of ``value`` to ``out`` as ``json.dumps(value, indent=2,
    ensure_ascii=False)`` writes it, ``newline`` being the line break and indentation before
    ``value``'s own items' level less one step."""
    scalar = _scalar(value)
    if scalar is not None:
        out.append(scalar)
        return
    if isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        opening = "{" + inner
        keys = _KEYS
        for key, item in value.items():
            text = keys.get(key) if type(key) is str else None
            if text is None:
                text = encode_basestring(_key(key)) + ": "
                if type(key) is str:
                    keys[key] = text
            kind = type(item)  # the common scalars inline: most of the values written
            if kind is str:
                out.append(opening + text + encode_basestring(item))
            elif kind is bool:
                out.append(opening + text + ("true" if item else "false"))
            elif kind is int:
                out.append(opening + text + int.__repr__(item))
            else:
                scalar = _scalar(item)
                if scalar is not None:
                    out.append(opening + text + scalar)
                else:
                    out.append(opening + text)
                    _json(item, inner, out)
            opening = "," + inner
        out.append(newline + "}")
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        opening = "[" + inner
        for item in value:
            scalar = _scalar(item)
            if scalar is not None:
                out.append(opening + scalar)
            else:
                out.append(opening)
                _json(item, inner, out)
            opening = "," + inner
        out.append(newline + "]")
    else:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


_KEYS: dict[object, str] = {}
"""The text of each mapping key written so far, with its colon: the same few field names
come back for every record."""


def _scalar(value: object) -> str | None:
    """The JSON text of a string, number, boolean or null; ``None`` for anything else."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)  # type: ignore[arg-type]
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return int.__repr__(value)  # type: ignore[arg-type]
    if kind is float:
        return _float(value)  # type: ignore[arg-type]
    if value is None:
        return "null"
    if isinstance(value, str):
        return encode_basestring(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    return None


def _key(key: object) -> str:
    """A mapping's key as ``json`` writes it."""
    if isinstance(key, str):
        return key
    if key is None or isinstance(key, bool):
        return {None: "null", True: "true", False: "false"}[key]
    if isinstance(key, float):
        return _float(key)
    if isinstance(key, int):
        return int.__repr__(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)
