"""Findings written out as reports: for people, for programs and for other tools.

Every format is a ``Writer`` with one signature, found by name in ``FORMATS``::

    >>> import io
    >>> from datetime import date
    >>> from samklang.report import FORMATS, ReportContext
    >>> out = io.StringIO()
    >>> FORMATS["markdown"]([], out, lang="en", as_of=date(2026, 11, 25), context=ReportContext())
    >>> print(out.getvalue().splitlines()[-2])
    **No findings: the planning hangs together by the rules.**

``text``
    a table per section for the terminal (``samklang.report.text``);
``json``
    ``{"as_of", "left_out": [...], "findings": [...]}`` for programs (``samklang.report.json``);
``markdown``
    a summary table and a list per section, for wikis (``samklang.report.markdown``);
``html``
    one self-contained page to attach to a decision memo (``samklang.report.html``);
``sarif``
    SARIF 2.1.0, for code-review tools (``samklang.report.sarif``);
``turtle``
    a SHACL ``sh:ValidationReport`` in Turtle, for RDF and SHACL tools
    (``samklang.report.turtle``).

Each module's heavy imports (rich, rdflib) happen when it writes, not when it is imported.
"""

from __future__ import annotations

from samklang.report import html, json, markdown, sarif, text, turtle
from samklang.report.context import ReportContext, Writer
from samklang.report.json import write_json
from samklang.report.text import write_text
from samklang.report.words import summary

FORMATS: dict[str, Writer] = {
    "text": text.write,
    "json": json.write,
    "markdown": markdown.write,
    "html": html.write,
    "sarif": sarif.write,
    "turtle": turtle.write,
}
"""Every report format's writer, by the name ``--format`` takes."""

__all__ = ["FORMATS", "ReportContext", "Writer", "summary", "write_json", "write_text"]
