"""Ingest: turn a plan document (``.txt``, ``.md``, ``.docx``, ``.pdf``) into a draft dataset.

>>> draft = ingest("plan.txt", code="0685")          # doctest: +SKIP
>>> draft.write("plan-utkast")                        # doctest: +SKIP
>>> dataset = load_document("plan.txt")               # doctest: +SKIP

``ingest`` reads the text (``text.py``), finds the facts with readable rules (``patterns``,
one module per kind of fact, run in order by ``extract.py``) and returns a :class:`Draft` that
writes a dataset folder in the input format (``draft.py``); ``pipeline.py`` holds the steps.
The names below are imported when first used, so that a command that only needs to know a plan
document's suffixes (``samklang check FOLDER``) does not compile the ingester's rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from samklang.graph.ingest.pipeline import Draft, ingest, load_document, provenance_quads
    from samklang.graph.ingest.text import SUFFIXES

__all__ = ["Draft", "SUFFIXES", "ingest", "load_document", "provenance_quads"]


def __getattr__(name: str) -> Any:
    if name == "SUFFIXES":
        from samklang.graph.ingest.text import SUFFIXES

        return SUFFIXES
    if name in __all__:
        from samklang.graph.ingest import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
