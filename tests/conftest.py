"""Shared fixtures: the bundled example, and a CLI runner that keeps stderr apart."""

from __future__ import annotations

import shutil
from pathlib import Path

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
