"""Read a plan document as numbered lines of text: ``.txt``/``.md``, ``.docx`` and ``.pdf``.

Every fact the ingester finds points into this text by line and character offset, so the text
is also written into the draft (``kallor/NAME.txt``) where a reviewer can open it. Offsets count
Unicode characters of the text as read here: line ends are one ``\\n`` each, a byte-order mark
is dropped, and nothing else is changed, so for a UTF-8 ``.txt`` file with ``\\n`` line ends the
offsets are those of the file itself.

Plain text is decoded by ``graph/textfile.py``: UTF-8 (with or without a byte-order mark),
UTF-16 with a byte-order mark, or Windows-1252; anything else is refused with one sentence.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from samklang.errors import InputError
from samklang.graph.textfile import decode_text, normalise_line_ends

MAX_BYTES = 20_000_000
"""Largest document read (20 MB); a plan is at most a few megabytes even as a PDF."""

TEXT_SUFFIXES = (".txt", ".md")
SUFFIXES = (".txt", ".md", ".docx", ".pdf")

SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
"""Footnote numbers are written as superscript digits (``¹``), as in the seed."""


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
    """

    path: Path
    text: str
    kind: str
    encoding: str | None
    sha256: str
    headings: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", self.text)]

    @property
    def lines(self) -> list[Line]:
        """Every line, numbered from 1."""
        return [
            Line(n, start, text)
            for n, (start, text) in enumerate(
                zip(self._starts, self.text.split("\n"), strict=True), 1
            )
        ]

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
        InputError: the file is missing, too large, of another kind, not decodable, not a
            readable DOCX or PDF, or a PDF without a text layer.
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
    if len(data) > MAX_BYTES:
        raise InputError(
            path, None, f"is {len(data) / 1e6:.0f} MB; samklang reads documents up to 20 MB"
        )
    digest = hashlib.sha256(data).hexdigest()
    if suffix in TEXT_SUFFIXES:
        text, encoding = decode_text(path, data)
        headings = (
            {n for n, line in enumerate(text.split("\n"), 1) if re.match(r"#{1,6}\s", line)}
            if suffix == ".md"
            else set()
        )
        return SourceText(path, text, suffix[1:], encoding, digest, headings)
    if suffix == ".docx":
        text, headings = _docx_text(path)
        return SourceText(path, text, "docx", None, digest, headings)
    return SourceText(path, _pdf_text(path), "pdf", None, digest)


# --- DOCX -----------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx_text(path: Path) -> tuple[str, set[int]]:
    """The text of a DOCX file: the first page header, the body (paragraphs, and tables with
    cells separated by tabs) in order, then the footnotes as ``¹ text`` lines."""
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as err:
        raise InputError(path, None, "is not a readable Word document (.docx)") from err
    lines: list[str] = []
    headings: set[int] = set()
    header = document.sections[0].header if document.sections else None
    if header is not None and not header.is_linked_to_previous:
        for element in header._element.iterchildren():
            lines.extend(_block_lines(element))
    for element in document.element.body.iterchildren():
        if element.tag == f"{_W}p" and _is_heading(element, document):
            headings.add(len(lines) + 1)
        lines.extend(_block_lines(element))
    footnotes = _docx_footnotes(document)
    if footnotes:
        lines.append("")
        lines.extend(footnotes)
    return "\n".join(lines), headings


def _is_heading(paragraph: object, document: object) -> bool:
    style_id = paragraph.find(f"{_W}pPr/{_W}pStyle")  # type: ignore[attr-defined]
    if style_id is None:
        return False
    value = style_id.get(f"{_W}val", "")
    try:
        name = document.styles.get_by_id(value, 1).name or ""  # type: ignore[attr-defined]
    except (KeyError, ValueError):
        name = value
    return bool(re.match(r"(heading|rubrik)\s*\d|title|rubrik$", name, re.IGNORECASE))


def _block_lines(element: object) -> list[str]:
    tag = element.tag  # type: ignore[attr-defined]
    if tag == f"{_W}p":
        return [_paragraph_text(element)]
    if tag == f"{_W}tbl":
        rows = []
        for row in element.iter(f"{_W}tr"):  # type: ignore[attr-defined]
            cells = [
                " ".join(_paragraph_text(p) for p in cell.iter(f"{_W}p")).strip()
                for cell in row.iterchildren(f"{_W}tc")
            ]
            rows.append("\t".join(cells))
        return rows
    return []


def _paragraph_text(paragraph: object) -> str:
    parts: list[str] = []
    for node in paragraph.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}footnoteReference"):  # type: ignore[attr-defined]
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        elif node.tag == f"{_W}br":
            parts.append(" ")
        else:
            parts.append(str(node.get(f"{_W}id", "")).translate(SUPERSCRIPT_DIGITS))
    return "".join(parts).replace("\n", " ")


def _docx_footnotes(document: object) -> list[str]:
    from docx.oxml import parse_xml  # python-docx's parser: no external entities

    for part in document.part.package.iter_parts():  # type: ignore[attr-defined]
        if str(part.partname) == "/word/footnotes.xml":
            root = parse_xml(part.blob)
            notes = []
            for note in root.iter(f"{_W}footnote"):
                number = note.get(f"{_W}id", "")
                if not number.isdigit() or int(number) < 1:
                    continue  # separators
                text = " ".join(_paragraph_text(p) for p in note.iter(f"{_W}p")).strip()
                notes.append(f"{number.translate(SUPERSCRIPT_DIGITS)} {text}")
            return notes
    return []


# --- PDF ------------------------------------------------------------------------------------


def _pdf_text(path: Path) -> str:
    """The text layer of a PDF, page after page."""
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns on harmless oddities
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(path, None, "is an encrypted PDF; save an unencrypted copy")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as err:
        raise InputError(path, None, f"is not a readable PDF ({err})") from err
    text = "\n".join(normalise_line_ends(p).rstrip("\n") for p in pages)
    if not re.search(r"\w{2}", text):
        raise InputError(
            path,
            None,
            f"has no text layer ({len(pages)} page{'s' if len(pages) != 1 else ''} of images, "
            "as from a scanner); run text recognition (OCR) on it first, or give the text as "
            "a .txt or .docx file",
        )
    return text
