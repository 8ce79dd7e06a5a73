"""Decoding a plain-text file whose encoding is not known: a plan's ``.txt``/``.md`` text, a CSV
activity list.

Plain text is read as UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark,
or Windows-1252 (which includes every printable character of Latin-1). A file that is none of
these, mixes UTF-8 with Windows-1252, or holds binary data is refused with one sentence naming
the line. Line ends become one ``\\n`` each and a byte-order mark is dropped; nothing else is
changed.
"""

from __future__ import annotations

import re
from pathlib import Path

from samklang.errors import InputError, at_line

# Bytes that Windows-1252 leaves undefined; Latin-1 reads them as C1 control characters,
# which no real plan contains, so a file holding them is not Windows-1252 or Latin-1 text.
_CP1252_UNDEFINED = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")
# Control characters other than tab, line feed, carriage return and form feed: binary data.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# UTF-8 read as Windows-1252: "Ã¤" for "ä", "Ã¶" for "ö", "Ã¥" for "å" and their capitals.
_UTF8_AS_CP1252 = re.compile(r"Ã[¤¶¥„–…©¼]")


def normalise_line_ends(text: str) -> str:
    """``\\r\\n`` and a lone ``\\r`` become ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_text(path: Path, data: bytes) -> tuple[str, str]:
    """Decode plain text: UTF-8 (BOM allowed), UTF-16 with a BOM, else Windows-1252.

    Args:
        path: the file the bytes were read from, for the error message.
        data: its bytes.

    Returns:
        The text with ``\\n`` line ends, and the encoding used (``utf-8``, ``utf-8-sig``,
        ``utf-16``, ``cp1252``).

    Raises:
        InputError: naming the line of the first byte that fits none of them.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _checked(path, normalise_line_ends(data.decode("utf-16")), "utf-16")
        except UnicodeDecodeError as err:
            raise InputError(path, None, "is not valid UTF-16 text; save it as UTF-8 text") from err
    bom = data.startswith(b"\xef\xbb\xbf")
    encoding = "utf-8-sig" if bom else "utf-8"
    try:
        return _checked(
            path, normalise_line_ends(data[3 if bom else 0 :].decode("utf-8")), encoding
        )
    except UnicodeDecodeError as err:
        utf8_error = err
    if bom:  # a byte-order mark promises UTF-8: do not guess another encoding
        raise _undecodable(
            path,
            data,
            utf8_error.start + 3,
            "is not UTF-8 text although it starts with a UTF-8 byte-order mark",
        )
    if m := _CP1252_UNDEFINED.search(data):
        raise _undecodable(path, data, m.start(), "is not text in UTF-8 or Windows-1252")
    text = normalise_line_ends(data.decode("cp1252"))
    if m2 := _UTF8_AS_CP1252.search(text):
        line = text[: m2.start()].count("\n") + 1
        other = data[: utf8_error.start].count(b"\n") + 1
        raise InputError(
            path,
            at_line(line),
            f"mixes UTF-8 (line {line}) and Windows-1252 (line {other}); "
            "save it in one encoding, preferably UTF-8",
        )
    return _checked(path, text, "cp1252")


def _undecodable(path: Path, data: bytes, at: int, problem: str) -> InputError:
    line = data[:at].count(b"\n") + 1
    return InputError(
        path, at_line(line), f"{problem} (byte 0x{data[at]:02x}); save it as UTF-8 text"
    )


def _checked(path: Path, text: str, encoding: str) -> tuple[str, str]:
    """Refuse text holding control characters: binary data, or UTF-16 without a BOM."""
    if m := _CONTROL.search(text):
        line = text[: m.start()].count("\n") + 1
        raise InputError(
            path,
            at_line(line),
            f"holds a control character (U+{ord(m[0]):04X}), so it is not plain text; "
            "expected UTF-8, UTF-16 with a byte-order mark, or Windows-1252 text",
        )
    return text.removeprefix("\ufeff"), encoding
