"""The trygghetsbokslut written out: Markdown and HTML from the templates
(``report/templates/bokslut.md.j2``, ``bokslut.html.j2``, every value escaped), DOCX through
:mod:`samklang.report.bokslut.docx`. The format is the output file's suffix."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from samklang.errors import UsageError
from samklang.report.bokslut.model import Bokslut
from samklang.report.bokslut.words import change_text, number
from samklang.templating import MarkdownText, environment, markdown_environment

SUFFIXES = (".md", ".html", ".docx")
"""The formats, by the output file's suffix."""


def render(bokslut: Bokslut, suffix: str) -> bytes:
    """The report as the bytes of a ``.md``, ``.html`` or ``.docx`` file.

    Raises:
        UsageError: another suffix.
    """
    suffix = suffix.lower()
    if suffix == ".md":
        page = markdown_environment("samklang.report").get_template("bokslut.md.j2")
        return page.render(b=bokslut, md=MarkdownText, **_helpers(bokslut)).encode("utf-8")
    if suffix == ".html":
        from samklang.report.bokslut.chart import svg

        page = environment("samklang.report").get_template("bokslut.html.j2")
        charts = {id(m): svg(m, bokslut) for m in bokslut.measures() if m.points}
        return page.render(b=bokslut, charts=charts, id=id, **_helpers(bokslut)).encode("utf-8")
    if suffix == ".docx":
        from samklang.report.bokslut.docx import docx

        return docx(bokslut)
    raise UsageError(
        f"'{suffix or '(no suffix)'}' is not a format of the bokslut; expected a file name "
        f"ending in {', '.join(SUFFIXES)}"
    )


def _helpers(bokslut: Bokslut) -> dict[str, Any]:
    lang = bokslut.lang

    def num(value: Decimal | None) -> str:
        return number(value, lang)

    def ref(note: int | None) -> MarkdownText:
        return MarkdownText(f"[^{note}]" if note else "")

    return {
        "num": num,
        "change": lambda m: change_text(m.change, m.change_unit, lang),
        "ref": ref,
    }
