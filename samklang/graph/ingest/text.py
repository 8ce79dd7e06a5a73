"""Read a plan document as numbered lines of text: ``.txt``/``.md``, ``.docx`` and ``.pdf``.

Every fact the ingester finds points into this text by line and character offset, so the text
is also written into the draft (``kallor/NAME.txt``) where a reviewer can open it. Offsets count
Unicode characters of the text as read here: line ends are one ``\\n`` each, a byte-order mark
is dropped, and nothing else is changed, so for a UTF-8 ``.txt`` file with ``\\n`` line ends the
offsets are those of the file itself.

Plain text is decoded by ``graph/textfile.py``: UTF-8 (with or without a byte-order mark),
UTF-16 with a byte-order mark, or Windows-1252; anything else is refused with one sentence.

A document is read up to the limits of ``graph/limits.py``: a file of 20 MB, and 1 MB of text
as UTF-8 (the ``.docx`` reader stops at the line that passes it, the ``.pdf`` reader at the
page that passes twice it).
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from samklang.errors import InputError
from samklang.graph.limits import check_document_size, check_document_text
from samklang.graph.textfile import decode_text

TEXT_SUFFIXES = (".txt", ".md")
SUFFIXES = (".txt", ".md", ".docx", ".pdf")


@dataclass(frozen=True)
class Line:
    """One line of the text: its 1-based number, its first character's offset, its text."""

    number: int
    start: int
    text: str

    @property
    def end(self) -> int:
        """Offset just past the line's last character (not counting the line end)."""
        return self.start + len(self.text)


@dataclass
class SourceText:
    """A document's text as numbered lines.

    Attributes:
        path: the document read.
        text: its text, line ends normalised to ``\\n``.
        kind: ``txt``, ``md``, ``docx`` or ``pdf``.
        encoding: for plain text, the encoding it was read in (``utf-8``, ``utf-8-sig``,
            ``utf-16``, ``cp1252``); ``None`` for DOCX and PDF.
        sha256: checksum of the file's bytes, so a draft names exactly what it came from.
        headings: numbers of the lines known to be headings (Markdown ``#``, DOCX heading styles).
        items: numbers of the lines known to be list items (DOCX list paragraphs).
        rows: numbers of the lines known to be table rows (DOCX tables).
        merged: per line of a table row, the columns whose cell continues the cell of the row
            above (a DOCX cell merged vertically: its text is shown once, in the first row).
    """

    path: Path
    text: str
    kind: str
    encoding: str | None
    sha256: str
    headings: set[int] = field(default_factory=set)
    items: set[int] = field(default_factory=set)
    rows: set[int] = field(default_factory=set)
    merged: dict[int, frozenset[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        self._lines: list[Line] | None = None

    @property
    def lines(self) -> list[Line]:
        """Every line, numbered from 1 (made once, as the text does not change; a copy)."""
        if self._lines is None:
            self._lines = [
                Line(n, start, text)
                for n, (start, text) in enumerate(
                    zip(self._starts, self.text.split("\n"), strict=True), 1
                )
            ]
        return list(self._lines)

    def line_of(self, offset: int) -> int:
        """The 1-based number of the line holding character ``offset``."""
        return bisect.bisect_right(self._starts, offset)


def read_document(path: str | Path) -> SourceText:
    """Read a plan document's text.

    Args:
        path: a ``.txt``, ``.md``, ``.docx`` or ``.pdf`` file.

    Returns:
        Its text as numbered lines.

    Raises:
        InputError: the file is missing, of another kind, larger than 20 MB or holding more
            than 1 MB of text, not decodable, not a readable DOCX or PDF, or a PDF without a
            text layer.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(
            path, None, "is not a plan document; expected a .txt, .md, .docx or .pdf file"
        )
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(path, None, f"cannot be read ({err.strerror})") from err
    check_document_size(path, len(data))
    digest = hashlib.sha256(data).hexdigest()
    if suffix in TEXT_SUFFIXES:
        text, encoding = decode_text(path, data)
        headings = (
            {n for n, line in enumerate(text.split("\n"), 1) if re.match(r"#{1,6}\s", line)}
            if suffix == ".md"
            else set()
        )
        check_document_text(path, len(text.encode("utf-8", "surrogatepass")))
        return SourceText(path, text, suffix[1:], encoding, digest, headings)
    if suffix == ".docx":
        from samklang.graph.ingest.docx import docx_text

        word = docx_text(path)
        check_document_text(path, len(word.text.encode("utf-8", "surrogatepass")))
        return SourceText(
            path, word.text, "docx", None, digest, word.headings, word.items, word.rows, word.merged
        )
    from samklang.graph.ingest.pdf import pdf_text

    text = pdf_text(path)
    check_document_text(path, len(text.encode("utf-8", "surrogatepass")))
    return SourceText(path, text, "pdf", None, digest)
