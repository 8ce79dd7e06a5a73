"""The figures of ``samklang stats`` measured when a store's generation is published.

``samklang load --store DIR`` measures the store it has just published
(:func:`~samklang.network.analytics.keep_figures`: what ``stats`` measures of every
municipality, in each language of :data:`LANGS`) and writes what it found to
``DIR/stats-figures-<lang>.json`` (:func:`write_figures`), keyed to that generation, to the
version of samklang, to the source of the modules that measure (:func:`code_digest`) and to
this file's :data:`FORMAT`. ``samklang stats --store DIR`` reads them (:func:`read_figures`)
when the key is the store's as it reads it, and measures the store itself otherwise: a store
that another load published since, or that a different samklang or different measuring code
wrote, or one municipality. Reading the figures takes a fraction
of a second at 290 municipalities, where measuring the store takes about ten (decision 0017).
Only what does not depend on the reference date is kept; the red threads are finished for the
date asked (:func:`~samklang.network.analytics.as_of_date`).
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from samklang import __version__

if TYPE_CHECKING:
    from samklang.graph.store import Store

FORMAT = 1
"""The layout of the figures' file; a different one is not read."""

LANGS = ("sv", "en")
"""The languages (of labels) whose figures a load writes: both that samklang speaks (the
figures differ only in the labels; a load at 290 municipalities takes about 8 s more for the
second, where ``stats --lang en`` would otherwise measure the store each time, about 14 s)."""


MEASURING: tuple[tuple[str, str], ...] = (
    ("samklang.network", "analytics.py"),
    ("samklang.network", "build.py"),
    ("samklang.network", "mapped_facts.py"),
    ("samklang.graph", "concepts.py"),
)
"""The modules (package, file) whose code decides the figures: what reads the planning and
what measures it. While samklang's version stays the same during development, their source
tells figures written by older code from figures the running code would measure."""


@cache
def code_digest() -> str:
    """The SHA-256 (hex) of the source of :data:`MEASURING`, read once per process; a module
    whose source cannot be read counts by its name alone."""
    digest = hashlib.sha256()
    for package, name in MEASURING:
        try:
            source = resources.files(package).joinpath(name).read_bytes()
        except OSError:
            source = b""
        digest.update(f"{package}/{name}\0{len(source)}\0".encode())
        digest.update(source)
    return digest.hexdigest()


def figures_path(folder: Path, lang: str) -> Path:
    """Where the figures in ``lang`` of the store in ``folder`` are kept."""
    return folder / f"stats-figures-{lang}.json"


def _key(store: Store, lang: str) -> tuple[Path, dict[str, Any]] | None:
    """Where the figures of ``store`` in ``lang`` are kept and under what key: its generation
    as the store reads it, samklang's version, the measuring code's digest, the format;
    ``None`` for any other store than an on-disk one read in generations."""
    from samklang.graph.store.oxigraph import OxigraphStore

    if not isinstance(store, OxigraphStore) or store.path is None:
        return None
    pointer = store.generation
    if pointer is None:
        return None
    return figures_path(store.path, lang), {
        "format": FORMAT,
        "samklang": __version__,
        "code": code_digest(),
        "generation": pointer.generation,
        "folder": pointer.folder,
        "published": pointer.published,
        "lang": lang,
    }


def write_figures(store: Store, lang: str, figures: dict[str, Any] | None) -> Path | None:
    """Keep ``figures`` (JSON-ready) for ``store`` in ``lang`` under its key, written whole;
    ``None`` removes any kept before. The path, or ``None`` for a store that keeps none."""
    found = _key(store, lang)
    if found is None:
        return None
    target, key = found
    if figures is None:
        target.unlink(missing_ok=True)
        return None
    for left in target.parent.glob(f".{target.name}.*"):  # of a load killed while writing
        left.unlink(missing_ok=True)
    part = target.with_name(f".{target.name}.{os.getpid()}")
    try:
        part.write_text(json.dumps({"key": key, **figures}, ensure_ascii=False), encoding="utf-8")
        os.replace(part, target)  # whole or not at all
    except OSError:  # the store is published all the same; stats measures it when asked
        part.unlink(missing_ok=True)
        return None
    return target


def read_figures(store: Store, lang: str) -> dict[str, Any] | None:
    """The figures kept for ``store`` in ``lang``, if they are there for the generation it
    reads and this samklang and its measuring code; ``None`` otherwise (measure the store then)."""
    found = _key(store, lang)
    if found is None:
        return None
    target, key = found
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # missing, or half-written by hand: measure instead
    if not isinstance(data, dict) or data.get("key") != key:
        return None
    return data
