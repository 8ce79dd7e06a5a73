"""samklang: a knowledge graph of a municipality's crime-prevention planning, and its checks.

The library is the product; the ``samklang`` command is a thin face on it::

    >>> from datetime import date
    >>> from samklang import load_dataset, check
    >>> dataset = load_dataset("examples/vetlanda")  # doctest: +SKIP
    >>> findings = check(dataset, as_of=date(2026, 11, 25))  # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "check", "load_dataset"]

if TYPE_CHECKING:
    from samklang.graph.source_kind import load_dataset
    from samklang.queries.check import check


def __getattr__(name: str) -> Any:
    """Import the public functions on first use, so ``import samklang`` stays cheap."""
    if name == "load_dataset":
        from samklang.graph.source_kind import load_dataset

        return load_dataset
    if name == "check":
        from samklang.queries.check import check

        return check
    raise AttributeError(f"module 'samklang' has no attribute {name!r}")
