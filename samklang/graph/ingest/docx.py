"""Read a Word document (``.docx``) as lines of text for the ingester (``text.py``)."""

from __future__ import annotations

import re
from pathlib import Path

from samklang.errors import InputError

SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
"""Footnote numbers are written as superscript digits (``¹``), as in the seed."""


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(path: Path) -> tuple[str, set[int]]:
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
