"""Build test PDFs with a page layout: text placed at positions, running headers and footers,
two columns, words hyphenated at line ends.

Pure Python, like ``builders.write_pdf`` (one standard font, Helvetica with WinAnsiEncoding,
whose widths every PDF reader knows), so the tests run without a browser. A page is a list of
``Text(x, y, text)`` in points from the bottom left of an A4 page (595 × 842). The content
stream holds the pieces in the order given, so a test can write two columns line by line
across the page (as some producers do) or column after column.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path

from .builders import _pdf_string

WIDTH, HEIGHT = 595, 842
LEADING = 14


@dataclass(frozen=True)
class Text:
    """A piece of text on a page: its left end and baseline in points, and its font size."""

    x: float
    y: float
    text: str
    size: float = 10


def write_layout_pdf(pages: list[list[Text]], target: Path) -> Path:
    """Write a PDF whose pages hold the given pieces of text, in that order."""
    objects: list[bytes] = [b"", b""]  # the catalog and the page tree, filled in below
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    kids = []
    for page in pages:
        content = b"\n".join(
            b"BT /F1 %g Tf %g %g Td " % (piece.size, piece.x, piece.y)
            + _pdf_string(piece.text)
            + b" Tj ET"
            for piece in page
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] " % (WIDTH, HEIGHT)
            + b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % len(objects)
        )
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    target.write_bytes(bytes(out))
    return target


def page_frame(number: int, total: int, header: str | None, footer: str | None) -> list[Text]:
    """A page's running header (top left) and footer (bottom right), ``{n}``/``{total}``
    standing for the page number and count."""
    pieces = []
    if header is not None:
        pieces.append(Text(50, 800, header.format(n=number, total=total), 8))
    if footer is not None:
        text = footer.format(n=number, total=total)
        pieces.append(Text(WIDTH - 50 - 4.5 * len(text), 30, text, 8))
    return pieces


def column_pages(
    columns: list[list[list[str]]],
    target: Path,
    header: str | None = None,
    footer: str | None = None,
    across: bool = False,
) -> Path:
    """Write pages of one or two columns of lines, with a running header and footer.

    Args:
        columns: for each page, its columns (one or two), each a list of lines.
        target: the file to write.
        header, footer: the running lines, with ``{n}`` and ``{total}`` for page numbers.
        across: write two columns line by line across the page (left line 1, right line 1,
            left line 2, …) instead of column after column.
    """
    pages = []
    for number, page in enumerate(columns, 1):
        pieces = page_frame(number, len(columns), header, footer)
        placed = [
            [Text(50 + k * 255, 770 - i * LEADING, line) for i, line in enumerate(lines)]
            for k, lines in enumerate(page)
        ]
        if across:
            rows = max(len(c) for c in placed)
            pieces += [c[i] for i in range(rows) for c in placed if i < len(c)]
        else:
            pieces += [piece for c in placed for piece in c]
        pages.append(pieces)
    return write_layout_pdf(pages, target)


def wrap(text: str, width: int) -> list[str]:
    """The lines of ``text`` (paragraphs separated by newlines) wrapped at ``width`` characters;
    words are not broken (``break_on_hyphens`` is off, so a line ends at a space)."""
    lines = []
    for paragraph in text.split("\n"):
        lines += textwrap.wrap(paragraph, width, break_on_hyphens=False) or [""]
    return lines
