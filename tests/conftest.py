"""Shared fixtures: the bundled example, a CLI runner that keeps stderr apart, and two parses
done once a session: of each YAML file's bytes, and rdflib's of each query text."""

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


@pytest.fixture(autouse=True, scope="session")
def yaml_parsed_once_per_content(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Reading YAML (PyYAML in pure Python) is the largest part of loading a dataset, and the
    suite loads the same files (the examples, copies of them) over a thousand times: the tree
    ``read_yaml`` makes of a file is kept by the file's bytes and given again for the same
    bytes. The tree holds no path and nobody changes one, which the end of the session checks
    by reading every kept file again; a file that fails is not kept, so it fails every time."""
    from samklang.graph import dataset, yamlfile

    read_yaml = yamlfile.read_yaml
    trees: dict[bytes, yamlfile.Mapping] = {}

    def read_yaml_once(path: Path) -> yamlfile.Mapping:
        data = path.read_bytes()
        tree = trees.get(data)
        if tree is None:
            tree = trees[data] = read_yaml(path)
        return tree

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(yamlfile, "read_yaml", read_yaml_once)
        patch.setattr(dataset, "read_yaml", read_yaml_once)
        yield
    again = tmp_path_factory.mktemp("yaml-again") / "file.yaml"
    for data, tree in trees.items():
        again.write_bytes(data)
        assert read_yaml(again) == tree, f"a kept YAML tree was changed:\n{data[:200]!r}"
