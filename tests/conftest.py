"""Shared fixtures: the bundled example, a CLI runner that keeps stderr apart, and rdflib
parsing each query text once a session."""

from __future__ import annotations

import functools
import shutil
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
VETLANDA = EXAMPLES / "vetlanda"
HRF = EXAMPLES / "hoglandets-raddningstjanstforbund"
"""The shared dataset whose handlingsprogram Vetlanda's refers to (``shared:``)."""


def copy_vetlanda(target: Path) -> Path:
    """Copy the Vetlanda example to ``target``, with the shared dataset it uses beside it."""
    shutil.copytree(VETLANDA, target)
    beside = target.parent / HRF.name
    if not beside.exists():
        shutil.copytree(HRF, beside)
    return target


@pytest.fixture
def runner() -> CliRunner:
    """A CLI runner whose result keeps stdout and stderr apart."""
    return CliRunner()


@pytest.fixture
def vetlanda_copy(tmp_path: Path) -> Path:
    """A writable copy of the Vetlanda example."""
    return copy_vetlanda(tmp_path / "vetlanda")


@functools.cache
def _prepared_query(text: str, base: str | None, namespaces: tuple[tuple[str, Any], ...]) -> Any:
    from rdflib.plugins.sparql.processor import prepareQuery

    return prepareQuery(text, dict(namespaces), base)


@pytest.fixture(autouse=True, scope="session")
def rdflib_parses_each_query_once() -> Iterator[None]:
    """rdflib spends most of a rule's time parsing its text (pyparsing), and the suite runs the
    same rules and queries on it hundreds of times: each text is parsed and translated once a
    session and the prepared query evaluated as rdflib evaluates one (``prepareQuery``, its
    documented way to run a query again). The store's code is unchanged (the benchmarks measure
    rdflib parsing every time); an error is not cached, so a bad query fails as before."""
    from rdflib.plugins.sparql.processor import SPARQLProcessor

    original = SPARQLProcessor.query

    def query(
        self: SPARQLProcessor,
        strOrQuery: Any,  # noqa: N803 (rdflib's names)
        initBindings: Mapping[str, Any] | None = None,  # noqa: N803
        initNs: Mapping[str, Any] | None = None,  # noqa: N803
        base: str | None = None,
        DEBUG: bool = False,  # noqa: N803
    ) -> Mapping[str, Any]:
        prepared = strOrQuery
        if isinstance(strOrQuery, str):
            namespaces = tuple(sorted((initNs or {}).items()))
            prepared = _prepared_query(strOrQuery, base, namespaces)
        return original(self, prepared, initBindings, initNs, base, DEBUG)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(SPARQLProcessor, "query", query)
        yield
