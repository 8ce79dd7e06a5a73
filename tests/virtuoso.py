"""A Virtuoso of our own (Debian ``virtuoso-opensource``) on loopback, for tests and benchmarks.

It runs from a copy of the packaged ``virtuoso.ini`` with its database in a given folder and
its own ports, and is stopped when the ``running`` context ends.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from samklang.graph.store.endpoint import SparqlStore

PACKAGED_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")


def installed() -> bool:
    """Whether the Debian package is installed (``.ci/system-packages`` installs it)."""
    return shutil.which("virtuoso-t") is not None and PACKAGED_INI.is_file()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Virtuoso:
    """A running Virtuoso: its SPARQL endpoints."""

    http_port: int
    process: subprocess.Popen[bytes]

    @property
    def sparql(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql"

    def store(self, *, graph_store: bool) -> SparqlStore:
        """A store that reads /sparql and writes through the Graph Store Protocol or (with
        ``graph_store=False``) SPARQL Update, as the dba user."""
        base = f"http://127.0.0.1:{self.http_port}"
        return SparqlStore(
            self.sparql,
            update_endpoint=base + "/sparql-auth",
            graph_store=base + "/sparql-graph-crud-auth" if graph_store else None,
            user="dba",
            password="dba",
        )


def virtuoso_ini(folder: Path, server_port: int, http_port: int) -> Path:
    """A copy of the packaged configuration with the database in ``folder`` and own ports."""
    text = PACKAGED_INI.read_text(encoding="utf-8")
    text = text.replace("/var/lib/virtuoso-opensource-7/db/", f"{folder}/")
    text = re.sub(r"(?m)^ServerPort\s*=\s*1111\b.*$", f"ServerPort = 127.0.0.1:{server_port}", text)
    text = re.sub(r"(?m)^ServerPort\s*=\s*8890\b.*$", f"ServerPort = 127.0.0.1:{http_port}", text)
    text = re.sub(r"(?m)^DirsAllowed\s*=\s*", f"DirsAllowed = {folder}, ", text)
    ini = folder / "virtuoso.ini"
    ini.write_text(text, encoding="utf-8")
    return ini


@contextmanager
def running(folder: Path) -> Iterator[Virtuoso]:
    """Start Virtuoso with its database in ``folder``; stop it when the context ends.

    Raises:
        AssertionError: it exited or did not answer within 120 s (with its log).
    """
    binary = shutil.which("virtuoso-t")
    assert binary is not None, "virtuoso-t is not installed"
    server_port, http_port = free_port(), free_port()
    ini = virtuoso_ini(folder, server_port, http_port)
    with (folder / "out.log").open("wb") as log:
        process = subprocess.Popen(
            [binary, "+foreground", "+configfile", str(ini)],
            cwd=folder,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    server = Virtuoso(http_port, process)
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                raise AssertionError(
                    "virtuoso-t exited:\n" + (folder / "out.log").read_text(errors="replace")
                )
            try:
                with urllib.request.urlopen(server.sparql + "?query=ASK%7B%7D", timeout=5) as r:
                    if r.status == 200:
                        break
            except urllib.error.HTTPError as err:
                err.close()
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                raise AssertionError("Virtuoso did not start within 120 s")
            time.sleep(0.5)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
