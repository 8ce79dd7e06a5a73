"""Text printed to a terminal: control characters made visible, so that a value from an input
file (a label, a cell, a parser's message quoting it) cannot move the cursor, change colours,
retitle the window or break a one-line error into several lines.

>>> printable("röd\\x1b[31m text\\nnext")
'röd\\\\x1b[31m text\\\\nnext'
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str, keep: str = "") -> str:
    """``text`` with each control character (C0, DEL, C1, the Unicode line and paragraph
    separators) written out as an escape (``\\n``, ``\\x1b``, ``\\u2028``), except those in
    ``keep`` (``"\\n"`` for text whose lines are its own layout)."""

    def visible(match: re.Match[str]) -> str:
        char = match[0]
        if char in keep:
            return char
        if char in _NAMED:
            return _NAMED[char]
        code = ord(char)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _CONTROL.sub(visible, text)
