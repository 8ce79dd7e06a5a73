"""The metadata header of a ``.rq`` file: the one reader of rules and research queries alike.

A header starts on the file's first line with ``# ---`` and ends at the next ``# ---``; each
line in between is YAML behind ``# `` (the first two characters are removed)::

    # ---
    # id: PER-MISSING
    # title: {sv: …, en: …}
    # ---
    SELECT ?focus WHERE { … }

What the keys mean is the reader's business: :mod:`samklang.queries.rule` checks a rule's,
:mod:`samklang.queries.research` a research query's, ``docs/rules_catalogue.py`` writes the
catalogue in ``docs/rules.md`` from the rules', and ``benchmarks/rules_before_after.py`` reads
old headers from git. The YAML is read with LibYAML (``yaml.CSafeLoader``) where PyYAML was
built with it: the pure-Python loader took 65 ms for the pack's headers, LibYAML 3.5 ms
(issue 19).
"""

from __future__ import annotations

import re
from os import PathLike
from pathlib import Path
from typing import Any, Protocol

import yaml

HEADER = re.compile(r"\A# ---\n(?P<meta>(?:#.*\n)*?)# ---\n", re.MULTILINE)
"""The header: ``# ---``, comment lines, ``# ---``, from the first character of the file."""

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Readable(Protocol):
    """A file to read: a :class:`pathlib.Path` or an ``importlib.resources`` resource."""

    @property
    def name(self) -> str: ...

    def read_text(self, encoding: str | None = None) -> str: ...


def parse_header(text: str, name: str, *, required: bool = True) -> tuple[dict[str, Any], str]:
    """The header's metadata and the query after it, from a ``.rq`` file's text.

    An empty header gives ``{}``; so does a text without one when ``required`` is false (a
    user's own research query need not have a header), and the query is then the whole text.

    Raises:
        ValueError: ``{name}: …``: there is no header and one is required, or it is not YAML
            holding a mapping.
    """
    m = HEADER.match(text)
    if not m:
        if required:
            raise ValueError(f"{name}: no '# ---' metadata header")
        return {}, text
    try:
        meta = yaml.load("\n".join(line[2:] for line in m["meta"].splitlines()), Loader=_LOADER)
    except yaml.YAMLError as err:
        raise ValueError(f"{name}: the '# ---' header is not valid YAML: {err}") from err
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ValueError(f"{name}: the '# ---' header is not valid YAML: it holds no mapping")
    return meta, text[m.end() :]


def read_header(
    path: str | PathLike[str] | _Readable, *, required: bool = True
) -> tuple[dict[str, Any], str]:
    """The header's metadata and the query of the ``.rq`` file at ``path`` (UTF-8), named in
    errors by its file name; see :func:`parse_header`.

    Raises:
        ValueError: as :func:`parse_header`.
        OSError, UnicodeDecodeError: the file cannot be read as UTF-8 text.
    """
    file = Path(path) if isinstance(path, str | PathLike) else path
    return parse_header(file.read_text(encoding="utf-8"), file.name, required=required)
