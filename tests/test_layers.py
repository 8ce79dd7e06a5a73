"""The import-layer contract (pyproject ``[tool.importlinter]``, docs/architecture.md): each layer
imports only the layers before it in the flow, and no package's modules import each other in a
cycle. Fails CI when an import runs back up."""

from __future__ import annotations

from pathlib import Path

import pytest
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent


def test_imports_follow_the_layers_and_form_no_cycle(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # lint-imports reads pyproject.toml from the working folder
    assert lint_imports(no_cache=True) == 0, "see the contract report above"
