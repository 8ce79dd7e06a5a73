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

Each module's heavy imports (rich, rdflib) happen when it writes, not when it is imported, and
a format's module is imported when its writer is first looked up in ``FORMATS``: ``check``
writing text does not import the HTML page's templates (jinja2) or SARIF's code.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping

from samklang.report.context import ReportContext, Writer
from samklang.report.json import write_json
from samklang.report.text import write_text
from samklang.report.words import summary


class _Formats(Mapping[str, Writer]):
    """The writers by format name, each module imported when its writer is looked up."""

    names = ("text", "json", "markdown", "html", "sarif", "turtle")

    def __getitem__(self, name: str) -> Writer:
        if name not in self.names:
            raise KeyError(name)
        writer: Writer = importlib.import_module(f"samklang.report.{name}").write
        return writer

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)


FORMATS: Mapping[str, Writer] = _Formats()
"""Every report format's writer, by the name ``--format`` takes."""

__all__ = ["FORMATS", "ReportContext", "Writer", "summary", "write_json", "write_text"]
