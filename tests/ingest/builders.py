"""Build the DOCX and PDF test documents from their sources (see README.md).

DOCX files are made with python-docx, footnotes included (python-docx has no API for them, so
the footnotes part is added by hand). PDF files are written by hand: the project has no PDF
writer among its dependencies and LibreOffice is not installed, and a PDF with one standard
font (Helvetica, WinAnsiEncoding) and plain text operators is small enough to write directly.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def build_docx(source: Path, target: Path) -> Path:
    """Write ``target`` (.docx) from the markup in ``source`` (``*.docx.txt``, see README.md):
    headings, paragraphs, list paragraphs in three list styles, tables (with cells merged
    with the cell above), footnotes, and sections with their own page headers and footers."""
    import docx
    from docx.enum.section import WD_ORIENT, WD_SECTION_START
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    document = docx.Document()
    # A Swedish Word writes the list paragraph style with the id "Liststycke".
    document.styles["List Paragraph"].element.set(qn("w:styleId"), "Liststycke")
    text = source.read_text(encoding="utf-8")
    footnotes: dict[str, str] = {}
    for m in re.finditer(r"^\[\^(\d+)\]:\s*(.+)$", text, re.MULTILINE):
        footnotes[m[1]] = m[2]
    text = re.sub(r"^\[\^\d+\]:.*\n?", "", text, flags=re.MULTILINE)

    def add_table(container, rows: list[list[str]]) -> None:  # type: ignore[no-untyped-def]
        if hasattr(container, "add_table") and container is not document:
            table = container.add_table(len(rows), len(rows[0]), Cm(16))
        else:
            table = container.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                if cell == "^" and r:  # merged with the cell above (w:vMerge)
                    table.cell(r - 1, c).merge(table.cell(r, c))
                else:
                    table.cell(r, c).text = cell

    def add_text(paragraph, line: str) -> None:  # type: ignore[no-untyped-def]
        for part in re.split(r"(\[\^\d+\])", line):
            if m := re.fullmatch(r"\[\^(\d+)\]", part):
                run = paragraph.add_run()
                reference = OxmlElement("w:footnoteReference")
                reference.set(qn("w:id"), m[1])
                run._r.append(reference)
            elif part:
                paragraph.add_run(part)

    def add_paragraph(container, line: str) -> None:  # type: ignore[no-untyped-def]
        if line.startswith("= "):
            add_text(document.add_heading(level=0), line[2:])
        elif m := re.match(r"(#{1,3}) ", line):
            add_text(document.add_heading(level=len(m[1])), line[m.end() :])
        elif line.startswith("- "):
            add_text(container.add_paragraph(style="List Bullet"), line[2:])
        elif m := re.match(r"\d{1,2}\. ", line):
            add_text(container.add_paragraph(style="List Number"), line[m.end() :])
        elif line.startswith("* "):
            # What Word's bullet button writes: the list paragraph style and the numbering
            # on the paragraph itself.
            paragraph = container.add_paragraph(style="List Paragraph")
            numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            numbering.get_or_add_ilvl().val = 0
            numbering.get_or_add_numId().val = 4  # a bullet list of the default template
            add_text(paragraph, line[2:])
        else:
            add_text(container.add_paragraph(), line)

    def blocks(container, lines: list[str]) -> None:  # type: ignore[no-untyped-def]
        rows: list[list[str]] = []
        for line in [*lines, ""]:
            if line.startswith("|"):
                rows.append([c.strip() for c in line.strip().strip("|").split("|")])
                continue
            if rows:
                add_table(container, rows)
                rows = []
            if line.strip():
                add_paragraph(container, line)

    # Parts: (section number, "header" | "footer" | "body", lines), in order.
    parts: list[tuple[int, str, list[str]]] = []
    section, mode = 0, "header" if re.search(r"^---$", text, re.MULTILINE) else "body"
    orientations = {0: False}
    for line in text.splitlines():
        if line == "---" or line == "[brödtext]":
            mode = "body"
            continue
        if line in ("[sidhuvud]", "[sidfot]"):
            mode = "header" if line == "[sidhuvud]" else "footer"
            continue
        if m := re.fullmatch(r"\[nytt avsnitt(?P<landscape>: liggande)?\]", line):
            section, mode = section + 1, "body"
            orientations[section] = bool(m["landscape"])
            continue
        if not parts or parts[-1][:2] != (section, mode):
            parts.append((section, mode, []))
        parts[-1][2].append(line)
    for number in range(section + 1):
        if number:
            new = document.add_section(WD_SECTION_START.NEW_PAGE)
            landscape = WD_ORIENT.LANDSCAPE if orientations[number] else WD_ORIENT.PORTRAIT
            if new.orientation != landscape:
                new.orientation = landscape
                new.page_width, new.page_height = new.page_height, new.page_width
        current = document.sections[number]
        for _, mode, lines in [p for p in parts if p[0] == number]:
            if mode == "body":
                blocks(document, lines)
                continue
            matter = current.header if mode == "header" else current.footer
            matter.is_linked_to_previous = False
            blocks(matter, lines)
    if footnotes:
        notes = "".join(
            f'<w:footnote w:id="{n}"><w:p><w:r><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {_xml(t)}</w:t></w:r></w:p></w:footnote>'
            for n, t in footnotes.items()
        )
        xml = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:footnotes xmlns:w="{W_NS}">'
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
            "</w:footnote>"
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
            "<w:continuationSeparator/></w:r></w:p></w:footnote>"
            f"{notes}</w:footnotes>"
        )
        part = Part(
            PackURI("/word/footnotes.xml"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
            xml.encode("utf-8"),
            document.part.package,
        )
        document.part.relate_to(part, RT.FOOTNOTES)
    document.save(str(target))
    return target


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _pdf_string(text: str) -> bytes:
    data = text.encode("cp1252")
    return b"(" + data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


TABLE_COLUMN_WIDTH = 160
"""Points between the columns of a table in a written PDF."""


def write_pdf(pages: list[list[str]], target: Path, image_only: bool = False) -> Path:
    """Write a PDF whose pages hold ``pages`` (lines of text), or only an image.

    Args:
        pages: the lines of each page (text in Windows-1252's repertoire); on a page with a
            line holding tabs, each tab-separated cell is written where its column begins
            (``TABLE_COLUMN_WIDTH`` apart), as a PDF's table is.
        target: the file to write.
        image_only: draw a small grey image on each page instead of text, as a scanner would
            leave a page without recognised text.
    """
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    pages_id = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    image = add(b"")
    pixels = zlib.compress(bytes([200]) * 64)
    objects[image - 1] = (
        b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /FlateDecode /Length "
        + str(len(pixels)).encode()
        + b" >>\nstream\n"
        + pixels
        + b"\nendstream"
    )
    kids = []
    for lines in pages:
        if image_only:
            content = b"q 500 0 0 700 50 70 cm /Im1 Do Q"
        elif any("\t" in line for line in lines):  # a table: each cell at its column's x
            parts = [b"BT /F1 10 Tf"]
            for n, line in enumerate(lines):
                for column, cell in enumerate(line.split("\t")):
                    x, y = 50 + TABLE_COLUMN_WIDTH * column, 800 - 14 * n
                    parts.append(f"1 0 0 1 {x} {y} Tm ".encode() + _pdf_string(cell) + b" Tj")
            parts.append(b"ET")
            content = b"\n".join(parts)
        else:
            parts = [b"BT /F1 10 Tf 14 TL 50 800 Td"]
            for line in lines:
                parts.append(_pdf_string(line) + b" Tj T*")
            parts.append(b"ET")
            content = b"\n".join(parts)
        stream = add(
            b"<< /Length "
            + str(len(content)).encode()
            + b" >>\nstream\n"
            + content
            + b"\nendstream"
        )
        page = add(
            b"<< /Type /Page /Parent "
            + f"{pages_id} 0 R".encode()
            + b" /MediaBox [0 0 595 842] /Resources << /Font << /F1 "
            + f"{font} 0 R".encode()
            + b" >> /XObject << /Im1 "
            + f"{image} 0 R".encode()
            + b" >> >> /Contents "
            + f"{stream} 0 R".encode()
            + b" >>"
        )
        kids.append(page)
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode()
    objects[pages_id - 1] = (
        f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
    ).encode()
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    target.write_bytes(bytes(out))
    return target


def build_pdf(source: Path, target: Path) -> Path:
    """Write ``target`` (.pdf with a text layer) from ``source`` (``*.pdf.txt``): one line per
    line, an empty line for a new page."""
    text = source.read_text(encoding="utf-8").rstrip("\n")
    pages = [page.splitlines() for page in text.split("\n\n")]
    return write_pdf(pages, target)
