"""Read the text layer of a PDF as lines of text for the ingester (``text.py``)."""

from __future__ import annotations

import re
from pathlib import Path

from samklang.errors import InputError
from samklang.graph.textfile import normalise_line_ends


def pdf_text(path: Path) -> str:
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
