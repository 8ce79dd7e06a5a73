"""A corpus given as one N-Quads or TriG file (``samklang export``'s), read straight into a new
in-memory store by Oxigraph's own parser: the same store ``load_corpus`` builds from it, without
a Python object per quad (at 290 municipalities, 1.05 million quads: 14.8 s of processor time
by ``load_corpus``, about 4 s so; docs/decisions/0016-corpus-file.md).

Parsing is as strict as ``load_corpus``'s and fails with the same sentence (file, line, what is
wrong). An N-Quads file is parsed in two halves at once, on two threads (Oxigraph releases the
interpreter lock while it parses), where no blank node label can fall in both halves.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pyoxigraph as ox

from samklang.errors import InputError

FORMATS = {".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG}
"""The files read this way: those that keep named graphs, as ``samklang export`` writes them."""

SPLIT_FROM = 8_000_000
"""An N-Quads file of at least this many bytes is parsed in two halves at once."""


def is_corpus_file(path: Path) -> bool:
    """Whether ``path`` is an N-Quads or TriG file (by its name), which :func:`parse` reads."""
    return path.suffix.lower() in FORMATS and path.is_file()


def parse(path: Path, own: ox.NamedNode) -> ox.Store:
    """A new Oxigraph store holding the corpus file ``path``, what it states in its default
    graph moved to the graph ``own`` (as ``load_corpus`` names it).

    Raises:
        InputError: the file cannot be read or is not valid RDF (the first error, with its
            line), or names a graph with a blank node.
    """
    fmt = FORMATS[path.suffix.lower()]
    base = path.resolve().as_uri()
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(path, None, f"cannot be read: {err.strerror}") from err
    parsed = ox.Store()
    try:
        chunks = _halves(data) if fmt == ox.RdfFormat.N_QUADS else [data]
        _load(parsed, chunks, fmt, base)
    except SyntaxError:
        # A half's line numbers start at its own first line: the whole file, once more and in
        # one piece, gives the error with the line of the file.
        try:
            ox.Store().load(data, format=fmt, base_iri=base)
        except SyntaxError as err:
            problem = str(getattr(err, "msg", err)).split(": ", 1)[-1]
            line = getattr(err, "lineno", None)
            where = f"line {line}" if line else None
            raise InputError(path, where, f"is not valid RDF: {problem}") from err
        raise  # pragma: no cover - a half that fails alone fails in the whole
    if any(not isinstance(g, ox.NamedNode) for g in parsed.named_graphs()):
        raise InputError(path, None, "names a graph with a blank node; expected IRIs")
    if next(iter(parsed.quads_for_pattern(None, None, None, ox.DefaultGraph())), None):
        parsed.update(f"ADD DEFAULT TO {own} ; CLEAR DEFAULT")
    return parsed


def _load(store: ox.Store, chunks: list[bytes], fmt: ox.RdfFormat, base: str) -> None:
    """Parse ``chunks`` into ``store``, each on a thread of its own; the first error raised."""
    if len(chunks) == 1:
        store.load(chunks[0], format=fmt, base_iri=base)
        return
    errors: list[BaseException] = []

    def load(chunk: bytes) -> None:
        try:
            store.load(chunk, format=fmt, base_iri=base)
        except BaseException as err:  # noqa: BLE001 - raised again in the calling thread
            errors.append(err)

    threads = [threading.Thread(target=load, args=(chunk,)) for chunk in chunks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]


def _halves(data: bytes) -> list[bytes]:
    """N-Quads ``data`` cut in two at a line break near its middle, or left whole. Oxigraph
    gives the blank nodes of each piece it parses names of their own, so every line that may
    hold a blank node (``_:`` anywhere, in a literal too) must fall in one half: the cut moves
    before the first such line or after the last, or there is no cut."""
    if len(data) < SPLIT_FROM:
        return [data]
    middle = data.find(b"\n", len(data) // 2) + 1
    if middle == 0:
        return [data]
    first = data.find(b"_:")
    if first != -1:
        last = data.rfind(b"_:")
        if first < middle <= last:
            before = data.rfind(b"\n", 0, first) + 1
            after = data.find(b"\n", last) + 1 or len(data)
            middle = min((before, after), key=lambda cut: abs(cut - len(data) // 2))
            if not len(data) // 4 <= middle <= 3 * len(data) // 4:
                return [data]
    return [data[:middle], data[middle:]]
