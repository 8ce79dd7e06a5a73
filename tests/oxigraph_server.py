"""An Oxigraph server of our own (the ``oxigraph`` command of the PyPI package of that name, in
the test extra) on loopback, with its default settings: in memory, and a default graph that is
not the union of the named graphs. Stopped when the ``running`` context ends."""

from __future__ import annotations

import shutil
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from samklang.graph.store.endpoint import SparqlStore

from .virtuoso import free_port


@dataclass
class OxigraphServer:
    """A running ``oxigraph serve``: its query, update and graph store URLs."""

    base: str

    @property
    def query(self) -> str:
        return self.base + "/query"

    def store(self) -> SparqlStore:
        """A store that reads /query and writes through the Graph Store Protocol (/store)."""
        return SparqlStore(
            self.query, update_endpoint=self.base + "/update", graph_store=self.base + "/store"
        )


@contextmanager
def running(folder: Path) -> Iterator[OxigraphServer]:
    """Start ``oxigraph serve`` (its log in ``folder``); stop it when the context ends."""
    binary = shutil.which("oxigraph")
    assert binary is not None, "the oxigraph command is not installed (pip install -e '.[test]')"
    port = free_port()
    with (folder / "oxigraph.log").open("wb") as log:
        process = subprocess.Popen(
            [binary, "serve", "--bind", f"127.0.0.1:{port}"], stdout=log, stderr=subprocess.STDOUT
        )
    server = OxigraphServer(f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise AssertionError("oxigraph exited:\n" + (folder / "oxigraph.log").read_text())
            try:
                with urllib.request.urlopen(server.query + "?query=ASK%7B%7D", timeout=5) as r:
                    if r.status == 200:
                        break
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                raise AssertionError("oxigraph did not start within 60 s")
            time.sleep(0.2)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
