"""Shared fixtures: the bundled example, and a CLI runner that keeps stderr apart."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
VETLANDA = EXAMPLES / "vetlanda"


@pytest.fixture
def runner() -> CliRunner:
    """A CLI runner whose result keeps stdout and stderr apart."""
    return CliRunner()


@pytest.fixture
def vetlanda_copy(tmp_path: Path) -> Path:
    """A writable copy of the Vetlanda example."""
    target = tmp_path / "vetlanda"
    shutil.copytree(VETLANDA, target)
    return target
