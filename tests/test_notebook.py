"""The notebook under examples/ runs as a researcher runs it: nbclient starts an ipykernel in
the notebook's folder (as Jupyter does), runs every cell in order, and the outputs show what
the reader would see: the view's counts, the restyled gaps and the pyvis page with every node,
rendered from samklang's template (vis-network inline, no link to a CDN).

The notebook is stored without outputs (they would go stale), which is tested too.
"""

from __future__ import annotations

import html
import json
import re

import nbformat
import pytest

from .conftest import EXAMPLES
from .test_viz import AS_OF, store_of
from .test_viz_pyvis import LINKED

NOTEBOOK = EXAMPLES / "coverage.ipynb"

pytestmark = pytest.mark.slow  # a kernel's start and Vetlanda's view take several seconds


def test_the_notebook_is_stored_without_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code, "the notebook has code cells"
    for cell in code:
        assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


def _text(cell: nbformat.NotebookNode) -> str:
    parts = []
    for output in cell.outputs:
        if output.output_type == "stream":
            parts.append(output.text)
        elif output.output_type in ("execute_result", "display_data"):
            parts.append(output.data.get("text/plain", ""))
    return "".join(parts)


def test_the_notebook_runs_and_shows_the_restyled_network() -> None:
    from nbclient import NotebookClient

    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": EXAMPLES}}
    )
    client.execute()  # raises CellExecutionError, naming the cell, if one fails

    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(cell.execution_count for cell in code), "every code cell ran"
    errors = [o for cell in code for o in cell.outputs if o.output_type == "error"]
    assert errors == []

    from samklang.viz.visualise import build_view

    view = build_view(store_of(EXAMPLES / "vetlanda"), "coverage", as_of=AS_OF)
    gaps = [n for n in view.nodes if n.status == "none"]
    assert gaps, "Vetlanda's coverage view has gaps to restyle"
    built, statuses, restyled, shown = code[0], code[1], code[2], code[-1]
    assert f"{len(view.nodes)} nodes, {len(view.edges)} edges" in _text(built)
    assert f"'none': {len(gaps)}" in _text(statuses)
    assert f"{len(gaps)} without activity:" in _text(restyled)
    assert all((n.caption or n.label) in _text(restyled) for n in gaps)

    [display] = [o for o in shown.outputs if o.output_type == "execute_result"]
    frame = display.data["text/html"]
    page = html.unescape(re.fullmatch(r'<iframe srcdoc="([^"]*)".*', frame, re.S).group(1))
    assert "vis.Network" in page and "cdnjs" not in page  # vis-network inline
    assert LINKED.findall(page) == [] and "bootstrap" not in page.lower()  # links nothing
    nodes = json.loads(re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", page).group(1))
    assert [n["id"] for n in nodes] == [n.id for n in view.nodes]
    before = {n["id"]: n for n in view.to_pyvis().nodes}  # the network as to_pyvis gives it
    for node in nodes:
        if node["status"] == "none":  # the restyle reached the page shown
            assert node["font"]["size"] == 18
            assert node["size"] == 2 * before[node["id"]]["size"]
        elif node["status"] == "covered":
            assert node["color"]["background"] == "#C8E6C9"
        else:
            assert node["size"] == before[node["id"]]["size"]
            assert node["color"] == before[node["id"]]["color"]
