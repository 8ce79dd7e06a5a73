"""Read a Word document (``.docx``) as lines of text for the ingester (``text.py``).

The text is what Word shows, line by line: each paragraph a line; a list paragraph with the
mark Word draws before it (``• `` for a bullet, ``1. ``, ``a) ``… for a numbered list, counted
as Word counts them, indented two spaces per level); each table row a line with its cells
separated by tabs (a cell spanning several columns followed by empty cells, so that the columns
stay in place); the page headers of every section at the start of the section and its footers
at its end, each header or footer once however many sections show it; then the footnotes.
Besides the text, the reader says which lines are headings (heading styles), which are list
items (list styles, ``w:numPr``) and which table cells continue a cell merged from the row
above (``w:vMerge``): Word shows such a cell's text once, in the first row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from samklang.errors import InputError
from samklang.graph.limits import MAX_DOCX_UNZIPPED_BYTES, check_document_text, megabytes

SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
"""Footnote numbers are written as superscript digits (``¹``), as in the seed."""

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"

LIST_STYLE = re.compile(
    r"(?i)^(?:list(?:\s*(?:paragraph|bullet|number|continue))?(?:\s*\d)?|liststycke|"
    r"punktlista(?:\s*\d)?|numrerad\s+lista(?:\s*\d)?|lista(?:\s*\d)?)$"
)
"""Names (or ids) of the paragraph styles of lists: ``List Bullet``, ``List Number 2``,
``List Paragraph`` and its Swedish id ``Liststycke``, ``Punktlista``."""

BULLET = "•"
"""The mark written for every bullet, whatever symbol the document's font draws."""


@dataclass
class WordText:
    """A Word document's text and what its styles say about the lines.

    Attributes:
        text: the lines, joined by ``\\n``.
        headings: numbers of the lines in heading styles.
        items: numbers of the lines that are list paragraphs.
        rows: numbers of the lines that are table rows.
        merged: per line of a table row, the columns whose cell continues the cell above.
    """

    text: str
    headings: set[int] = field(default_factory=set)
    items: set[int] = field(default_factory=set)
    rows: set[int] = field(default_factory=set)
    merged: dict[int, frozenset[int]] = field(default_factory=dict)


def docx_text(path: Path) -> WordText:
    """The text of a DOCX file (see the module's text).

    Raises:
        InputError: the file is not a Word document, one of its parts is broken or not what
            Word writes, it unpacks to more than 20 MB, or it holds more than 1 MB of text.
    """
    import zipfile
    import zlib

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    _check_parts(path)
    try:
        document = docx.Document(str(path))
    except (
        PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, EOFError, OSError,
        zlib.error,
    ) as err:  # fmt: skip
        raise InputError(path, None, "is not a readable Word document (.docx)") from err
    except SyntaxError as err:  # lxml's XMLSyntaxError: broken XML, or a text node too long
        raise InputError(
            path, None, "is not a readable Word document (.docx): its XML is broken or too large"
        ) from err
    except AttributeError as err:  # python-docx on a content type without its name
        raise _not_word(path) from err
    try:
        return _read(document, path)
    except (AttributeError, ValueError) as err:
        # A part python-docx opened as a plain part (its content type not the one Word gives
        # it: the styles, a page header), a main part that is no w:document, a number that
        # is no number in the numbering.
        raise _not_word(path) from err
    except SyntaxError as err:  # the footnotes' XML
        raise InputError(
            path, None, "is not a readable Word document (.docx): its XML is broken or too large"
        ) from err


def _not_word(path: Path) -> InputError:
    return InputError(
        path,
        None,
        "is not a readable Word document (.docx): its parts are not those Word writes; "
        "expected a document saved as .docx by Word or another word processor",
    )


def _check_parts(path: Path) -> None:
    """Refuse a DOCX whose parts unpack to more than
    :data:`samklang.graph.limits.MAX_DOCX_UNZIPPED_BYTES` (a zip bomb), by the sizes the zip's
    directory states, before unpacking any; then one whose part does not unpack (its data
    broken or cut off), naming the part. Python's zip reader never unpacks more of a part
    than its stated size, and a part is unpacked here a megabyte at a time, kept nowhere.
    """
    import zipfile
    import zlib

    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
            unpacked = sum(info.file_size for info in parts)
            if unpacked > MAX_DOCX_UNZIPPED_BYTES:
                raise InputError(
                    path,
                    None,
                    f"unpacks to {megabytes(unpacked)} MB; samklang reads Word documents that "
                    "unpack to up to 20 MB (a plan of 100 pages with its pictures unpacks to "
                    "a few MB; save it without pictures, or as a .txt or .pdf file)",
                )
            for info in parts:
                try:
                    with archive.open(info) as part:
                        while part.read(1 << 20):
                            pass
                except (
                    zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError,
                    NotImplementedError, RuntimeError,
                ) as err:  # fmt: skip
                    raise InputError(
                        path,
                        None,
                        f"is not a readable Word document (.docx): its part {info.filename} "
                        "does not unpack (broken or cut off); expected a document saved as "
                        ".docx by Word or another word processor",
                    ) from err
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as err:
        raise InputError(path, None, "is not a readable Word document (.docx)") from err


def _read(document: Any, path: Path) -> WordText:
    """The text of an opened document (see the module's text)."""
    reader = _Reader(document, path=path)
    body = document.element.body
    # a paragraph holding a w:sectPr ends its section (found by libxml2, not paragraph after
    # paragraph: a document of millions of empty paragraphs stops at the text limit)
    ends = body.xpath("w:p/w:pPr/w:sectPr")  # python-docx knows the prefix w
    ending_paragraphs = {e.getparent().getparent(): e for e in ends}  # kept: lxml gives the
    # same proxy for a node while one is alive
    last = body.find(f"{_W}sectPr")
    if last is not None:
        ends.append(last)
    number = 0
    reader.page_matter(ends[0] if ends else None, "header")
    for element in body.iterchildren():
        if element.tag == f"{_W}sectPr":
            continue
        reader.block(element)
        ending = ending_paragraphs.get(element)
        if ending is not None:
            reader.page_matter(ending, "footer")
            number += 1
            reader.page_matter(ends[number] if number < len(ends) else None, "header")
    if last is not None:
        reader.page_matter(last, "footer")
    footnotes = _docx_footnotes(document)
    if footnotes:
        reader.lines.append("")
        reader.lines.extend(footnotes)
    return WordText(
        "\n".join(reader.lines), reader.headings, reader.items, reader.rows, reader.merged
    )


class _Reader:
    """The lines read so far, and what is remembered while reading: the list counters, the
    page headers and footers already written, and how much text the document's reader has
    read (``path`` given): it stops at the first line past 1 MB of characters (the whole text
    is measured as UTF-8 once read, ``text.py``), so a document of a million empty
    paragraphs is not read to its end."""

    def __init__(
        self, document: object, lists: _Lists | None = None, path: Path | None = None
    ) -> None:
        self.document = document
        self.path = path
        self.size = 0
        self.lines: list[str] = []
        self.headings: set[int] = set()
        self.items: set[int] = set()
        self.rows: set[int] = set()
        self.merged: dict[int, frozenset[int]] = {}
        self.lists = lists or _Lists(document)
        self._parts_seen: set[str] = set()
        self._matter_seen: set[tuple[str, ...]] = set()

    def page_matter(self, section: object, kind: str) -> None:
        """The page headers (or footers) a section defines itself, each once: a header part
        already written, or one with the same text as one written, is left out."""
        if section is None:
            return
        references = section.findall(f"{_W}{kind}Reference")  # type: ignore[attr-defined]
        order = {"first": 0, "default": 1, "even": 2}
        references.sort(key=lambda r: order.get(r.get(f"{_W}type", "default"), 1))
        for reference in references:
            part = self.document.part.related_parts.get(reference.get(f"{_R}id"))  # type: ignore[attr-defined]
            if part is None or str(part.partname) in self._parts_seen:
                continue
            self._parts_seen.add(str(part.partname))
            matter = _Reader(self.document, self.lists, self.path)
            matter.size = self.size  # counting on from here: a header has its limit too
            for element in part.element.iterchildren():
                matter.block(element)
            shown = tuple(line.strip() for line in matter.lines if line.strip())
            if not shown or shown in self._matter_seen:
                continue
            self._matter_seen.add(shown)
            offset = len(self.lines)
            self.lines.extend(matter.lines)
            self.size = matter.size
            self.headings.update(n + offset for n in matter.headings)
            self.items.update(n + offset for n in matter.items)
            self.rows.update(n + offset for n in matter.rows)
            self.merged.update({n + offset: c for n, c in matter.merged.items()})

    def _grew(self, size: int) -> None:
        """Count ``size`` more characters read (by a reader given the document's path)."""
        if self.path is not None:
            self.size += size
            check_document_text(self.path, self.size)

    def block(self, element: object) -> None:
        """A paragraph or a table of the body (or of a header or footer)."""
        tag = element.tag  # type: ignore[attr-defined]
        if tag == f"{_W}p":
            text = _paragraph_text(element)
            number = len(self.lines) + 1
            style = _style_name(element, self.document)
            heading = _is_heading(style)
            mark = self.lists.mark(element, style) if text.strip() else None
            if heading:
                self.headings.add(number)
            elif mark is not None:
                self.items.add(number)
            if mark:
                text = f"{mark} {text.lstrip()}"
            self.lines.append(text)
            self._grew(len(text) + 1)
        elif tag == f"{_W}tbl":
            for row in element.iter(f"{_W}tr"):  # type: ignore[attr-defined]
                cells: list[str] = []
                merged: set[int] = set()
                for cell in row.iterchildren(f"{_W}tc"):
                    properties = cell.find(f"{_W}tcPr")
                    span = properties.find(f"{_W}gridSpan") if properties is not None else None
                    vmerge = properties.find(f"{_W}vMerge") if properties is not None else None
                    if vmerge is not None and vmerge.get(f"{_W}val", "continue") == "continue":
                        merged.add(len(cells))
                        cells.append("")
                    else:
                        cells.append(
                            " ".join(_paragraph_text(p) for p in cell.iter(f"{_W}p")).strip()
                        )
                    if span is not None and str(span.get(f"{_W}val", "1")).isdigit():
                        cells.extend([""] * (int(span.get(f"{_W}val")) - 1))
                self.lines.append("\t".join(cells))
                self._grew(len(self.lines[-1]) + 1)
                self.rows.add(len(self.lines))
                if merged:
                    self.merged[len(self.lines)] = frozenset(merged)


def _style_name(paragraph: object, document: object) -> str:
    """The name of a paragraph's style, or its id when the id is a list style's (a Swedish
    Word names the list paragraph style ``List Paragraph`` and gives it the id
    ``Liststycke``) or the styles do not name it."""
    style_id = paragraph.find(f"{_W}pPr/{_W}pStyle")  # type: ignore[attr-defined]
    if style_id is None:
        return ""
    value = style_id.get(f"{_W}val", "")
    if LIST_STYLE.match(value):
        return value
    try:
        return document.styles.get_by_id(value, 1).name or value  # type: ignore[attr-defined]
    except (KeyError, ValueError):
        return value


_HEADING = re.compile(r"(heading|rubrik)\s*\d|title|rubrik$", re.IGNORECASE)


def _is_heading(name: str) -> bool:
    return bool(name) and _HEADING.match(name) is not None


_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]  # fmt: skip


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def _format(number: int, kind: str) -> str:
    if kind == "lowerLetter":
        return chr(ord("a") + (number - 1) % 26)
    if kind == "upperLetter":
        return chr(ord("A") + (number - 1) % 26)
    if kind == "lowerRoman":
        return _roman(number)
    if kind == "upperRoman":
        return _roman(number).upper()
    if kind == "decimalZero":
        return f"{number:02d}"
    if kind == "none":
        return ""
    return str(number)


class _Lists:
    """Word's numbering: which list a paragraph is in (``w:numPr``, its own or its style's),
    and the mark Word draws before it, counting as Word counts (one counter per list and
    level; a level restarts after an item of a higher level)."""

    def __init__(self, document: object) -> None:
        self.document = document
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element  # type: ignore[attr-defined]
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for definition in root.iterchildren(f"{_W}abstractNum"):
            levels = {}
            for level in definition.iterchildren(f"{_W}lvl"):
                kind = level.find(f"{_W}numFmt")
                text = level.find(f"{_W}lvlText")
                start = level.find(f"{_W}start")
                levels[int(level.get(f"{_W}ilvl", "0"))] = (
                    kind.get(f"{_W}val", "decimal") if kind is not None else "decimal",
                    text.get(f"{_W}val", "") if text is not None else "",
                    int(start.get(f"{_W}val", "1")) if start is not None else 1,
                )
            abstract[definition.get(f"{_W}abstractNumId", "")] = levels
        for num in root.iterchildren(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            levels = dict(abstract.get(ref.get(f"{_W}val", "") if ref is not None else "", {}))
            for override in num.iterchildren(f"{_W}lvlOverride"):
                start = override.find(f"{_W}startOverride")
                level = int(override.get(f"{_W}ilvl", "0"))
                if start is not None and level in levels:
                    kind, text, _ = levels[level]
                    levels[level] = (kind, text, int(start.get(f"{_W}val", "1")))
            self.levels[num.get(f"{_W}numId", "")] = levels

    def _numbering(self, paragraph: object) -> tuple[str, int] | None:
        """The list (``numId``) and level of a paragraph, from itself or its styles."""
        found = paragraph.find(f"{_W}pPr/{_W}numPr")  # type: ignore[attr-defined]
        style = paragraph.find(f"{_W}pPr/{_W}pStyle")  # type: ignore[attr-defined]
        style_id = style.get(f"{_W}val") if style is not None else None
        seen: set[str] = set()
        while found is None and style_id and style_id not in seen:
            seen.add(style_id)
            element = self._style(style_id)
            if element is None:
                break
            found = element.find(f"{_W}pPr/{_W}numPr")
            based = element.find(f"{_W}basedOn")
            style_id = based.get(f"{_W}val") if based is not None else None
        if found is None:
            return None
        num = found.find(f"{_W}numId")
        level = found.find(f"{_W}ilvl")
        num_id = num.get(f"{_W}val", "0") if num is not None else "0"
        if num_id == "0":  # numbering switched off
            return None
        return num_id, int(level.get(f"{_W}val", "0")) if level is not None else 0

    def _style(self, style_id: str) -> Any:
        try:
            return self.document.styles.element.get_by_id(style_id)  # type: ignore[attr-defined]
        except (KeyError, ValueError, AttributeError):
            return None

    def mark(self, paragraph: object, style: str) -> str | None:
        """The mark before a list paragraph (``•``, ``1.``, ``a)``, indented by level), ``""``
        for a paragraph in a list style that Word shows with no mark, ``None`` for a
        paragraph that is not in a list."""
        numbering = self._numbering(paragraph)
        if numbering is None:
            return "" if LIST_STYLE.match(style) else None
        num_id, level = numbering
        levels = self.levels.get(num_id, {})
        kind, text, start = levels.get(level, ("decimal", f"%{level + 1}.", 1))
        counters = self.counters.setdefault(
            num_id, [levels.get(n, ("", "", 1))[2] - 1 for n in range(9)]
        )
        if level < 9:
            counters[level] += 1
            for deeper in range(level + 1, 9):
                counters[deeper] = levels.get(deeper, ("", "", 1))[2] - 1
        indent = "  " * min(level, 8)
        if kind == "bullet":
            return indent + BULLET
        if kind == "none":
            return ""

        def number(m: re.Match[str]) -> str:
            n = int(m[1]) - 1
            fmt = levels.get(n, (kind, "", 1))[0] if n != level else kind
            return _format(max(counters[n], 1) if n < 9 else 1, fmt)

        label = re.sub(r"%(\d)", number, text).strip()
        return indent + label if label else ""


def _paragraph_text(paragraph: object) -> str:
    if not len(paragraph):  # type: ignore[arg-type]  # an empty paragraph
        return ""
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
