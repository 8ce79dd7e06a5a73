"""The import-layer contract (pyproject ``[tool.importlinter]``, docs/architecture.md): each layer
imports only the layers before it in the flow, and no package's modules import each other in a
cycle. Fails CI when an import runs back up."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# In a process of its own: import-linter reconfigures logging, which would hide the warnings
# later tests look for (test_store's corpus-settings warning did disappear).
LINT = (
    "import sys; from importlinter.cli import lint_imports; "
    "sys.exit(lint_imports(no_cache=True))"
)


def test_imports_follow_the_layers_and_form_no_cycle() -> None:
    result = subprocess.run(
        [sys.executable, "-c", LINT], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_import_picture_in_the_docs_is_the_code_s() -> None:
    """docs/architecture.md draws the imports between the package's parts from the code."""
    result = subprocess.run(
        [sys.executable, "docs/import_graph.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
