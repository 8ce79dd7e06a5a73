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

A folder of ``.rq`` files may hold ``headers.json`` (:data:`CACHE`): each header's metadata
as the YAML reads, keyed by the SHA-256 of the header's own lines. :func:`read_headers` takes
a header's metadata from it when the file's header has exactly that digest, and reads the YAML
otherwise, so a changed header is never read from a stale cache (it is only slower: the pack's
42 headers take 16–20 ms as YAML, 1 ms from the cache). ``python docs/rules_catalogue.py``
writes the rules' cache (:func:`cache_text`) beside docs/rules.md.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from os import PathLike
from pathlib import Path
from typing import Any, Protocol

HEADER = re.compile(r"\A# ---\n(?P<meta>(?:#.*\n)*?)# ---\n", re.MULTILINE)
"""The header: ``# ---``, comment lines, ``# ---``, from the first character of the file."""

CACHE = "headers.json"
"""The name of a folder's header cache."""


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
    return _parse_meta(m["meta"], name), text[m.end() :]


def _parse_meta(lines: str, name: str) -> dict[str, Any]:
    """The metadata of a header's comment lines (``# `` removed from each), read as YAML."""
    import yaml  # only where a header is not in the cache: 12 ms to import

    try:
        meta = yaml.load("\n".join(line[2:] for line in lines.splitlines()), Loader=_loader())
    except yaml.YAMLError as err:
        raise ValueError(f"{name}: the '# ---' header is not valid YAML: {err}") from err
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ValueError(f"{name}: the '# ---' header is not valid YAML: it holds no mapping")
    return meta


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


def _loader() -> Any:
    """LibYAML's safe loader where PyYAML was built with it, else the pure-Python one."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_headers(folder: Any) -> list[tuple[str, dict[str, Any], str]]:
    """Each ``.rq`` file of ``folder`` (a :class:`pathlib.Path` or an ``importlib.resources``
    folder), by file name: its name, its header's metadata and its query. A header whose
    digest the folder's :data:`CACHE` holds is taken from there, any other read as YAML.

    Raises:
        ValueError: as :func:`parse_header` (a header is required).
        OSError, UnicodeDecodeError: a file cannot be read as UTF-8 text.
    """
    cached = _cached(folder)
    found = []
    for resource in sorted(folder.iterdir(), key=lambda f: f.name):
        if not resource.name.endswith(".rq"):
            continue
        text = resource.read_text(encoding="utf-8")
        m = HEADER.match(text)
        meta = cached.get(_digest(m["meta"])) if m else None
        if not isinstance(meta, dict):
            found.append((resource.name, *parse_header(text, resource.name)))
        else:
            found.append((resource.name, meta, text[m.end() :]))  # type: ignore[union-attr]
    return found


def cache_text(texts: Iterable[str]) -> str:
    """The :data:`CACHE` for ``.rq`` files of these texts: each header's metadata by the digest
    of its lines, for each header that JSON holds as it is (one with a YAML date, say, is left
    out and read as YAML each time)."""
    headers: dict[str, dict[str, Any]] = {}
    for text in texts:
        m = HEADER.match(text)
        if not m:
            continue
        meta = _parse_meta(m["meta"], "")
        try:
            same = json.loads(json.dumps(meta, ensure_ascii=False)) == meta
        except (TypeError, ValueError):
            same = False
        if same:
            headers[_digest(m["meta"])] = meta
    written = json.dumps({"headers": dict(sorted(headers.items()))}, ensure_ascii=False, indent=1)
    return written + "\n"


def _cached(folder: Any) -> dict[str, dict[str, Any]]:
    """The folder's cache: metadata by digest, empty when there is none or it is unreadable."""
    try:
        headers = json.loads(folder.joinpath(CACHE).read_text(encoding="utf-8"))["headers"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return headers if isinstance(headers, dict) else {}


def _digest(lines: str) -> str:
    return hashlib.sha256(lines.encode("utf-8")).hexdigest()
