"""The Jinja2 environment the HTML pages are written with: the report of ``check --format html``
(``samklang/report/templates/``) and the pages of ``samklang viz`` (``samklang/viz/templates/``).

Every value a template prints is escaped (autoescape): text and attribute values alike, quotes
too, spelt as :func:`html.escape` spells them (``&quot;``, ``&#x27;``), so that a label can never
become markup. Only what a template marks ``|safe`` — the inline stylesheets and scripts, read
from the package — and what a macro of the templates returns is printed as it is. Data for a
script goes through the ``script_json`` filter. A name a template uses and is not given fails
(``StrictUndefined``) instead of printing nothing.

>>> page = environment("samklang.report").from_string("<h1>{{ name }}</h1>")
>>> page.render(name="<img src=x onerror='alert(1)'>")
'<h1>&lt;img src=x onerror=&#x27;alert(1)&#x27;&gt;</h1>'
"""

from __future__ import annotations

import functools
import html
import json
import re
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup


def _escaped(value: object) -> object:
    """What a template prints: markup as it is, anything else as escaped text.

    Jinja's own escaping would write ``&#34;`` and ``&#39;``; this is the spelling of
    :func:`html.escape`, which the pages have always used.
    """
    if hasattr(value, "__html__"):
        return value
    return Markup(html.escape(str(value), quote=True))


def script_json(data: Any, *, compact: bool = False) -> str:
    """JSON safe inside ``<script>``: ``<``, ``>``, ``&`` and line separators as ``\\u`` escapes,
    so no text can close the element or open a comment.

    >>> script_json({"label": "</script>"})
    '{"label": "\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":") if compact else None)
    for raw, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, escaped)
    return text


def _script_json_filter(data: Any, compact: bool = False) -> Markup:
    """``{{ data|script_json(compact=true) }}``: :func:`script_json`, printed as it is."""
    return Markup(script_json(data, compact=compact))


@functools.cache
def environment(package: str) -> Environment:
    """The environment of ``package``'s templates (its folder ``templates/``)."""
    env = Environment(
        loader=PackageLoader(package, "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_escaped,
    )
    env.filters["script_json"] = _script_json_filter
    return env


_MARKDOWN_SIGNIFICANT = re.compile(r"([\\`*_\[\]<>#|~&])")
"""Characters that can start Markdown markup anywhere in a line (as ``report/markdown.py``)."""


class MarkdownText(str):
    """Markdown a template writes as it is (a macro's output, a heading it builds)."""

    def __html__(self) -> str:
        return str(self)


def markdown_escape(value: object) -> str:
    r"""What a Markdown template prints: every character that could become markup escaped,
    on one line.

    >>> markdown_escape("A | B <b>*x*</b>")
    'A \\| B \\<b\\>\\*x\\*\\</b\\>'
    """
    if hasattr(value, "__html__"):
        return str(value)
    return _MARKDOWN_SIGNIFICANT.sub(r"\\\1", " ".join(str(value).split()))


@functools.cache
def markdown_environment(package: str) -> Environment:
    """The environment of ``package``'s Markdown templates: every value a template prints is
    escaped for Markdown (:func:`markdown_escape`), the autoescape of a Markdown page."""
    return Environment(
        loader=PackageLoader(package, "templates"),
        autoescape=False,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=markdown_escape,
    )
