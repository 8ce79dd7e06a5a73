"""A corpus given as one N-Quads or TriG file (``samklang export``'s), read straight into a new
in-memory store by Oxigraph's own parser: the same store ``load_corpus`` builds from it, without
a Python object per quad (at 290 municipalities, 1.05 million quads: 14.8 s of processor time
by ``load_corpus``, about 4 s so; docs/decisions/0016-corpus-file.md).

The file is read by Oxigraph itself, not copied into Python first (at 290 municipalities 85 MB
less at the peak). Parsing is as strict as ``load_corpus``'s and fails with the same sentence
(file, line, what is wrong). The file is parsed in one piece: two halves parsed into one store on
two threads took the same processor time and no less wall time (the store's loads do not run at
once; decision 0016).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from samklang.errors import InputError

FORMATS = {".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG}
"""The files read this way: those that keep named graphs, as ``samklang export`` writes them."""

def stating_nothing(path: Path) -> InputError:
    """What is said of an RDF file given as a source that holds no triples (checked, it would
    say that the planning hangs together)."""
    return InputError(
        path,
        None,
        "holds no triples; expected the graphs of one or more datasets, as samklang export "
        "writes them",
    )


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
    parsed = ox.Store()
    try:
        # Oxigraph reads the file itself, in pieces: no copy of it in Python's memory.
        parsed.load(path=str(path), format=fmt, base_iri=base)
    except OSError as err:
        reason = err.strerror or str(err).split(" (os error")[0]
        raise InputError(path, None, f"cannot be read: {reason}") from err
    except SyntaxError as err:
        problem = str(getattr(err, "msg", err)).split(": ", 1)[-1]
        line = getattr(err, "lineno", None)
        where = f"line {line}" if line else None
        raise InputError(path, where, f"is not valid RDF: {problem}") from err
    if not len(parsed):
        raise stating_nothing(path)
    if any(not isinstance(g, ox.NamedNode) for g in parsed.named_graphs()):
        raise InputError(path, None, "names a graph with a blank node; expected IRIs")
    default = list(parsed.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    if default:  # by store calls, not SPARQL text with the graph's name spliced in
        parsed.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, own) for q in default)
        parsed.clear_graph(ox.DefaultGraph())
    return parsed
