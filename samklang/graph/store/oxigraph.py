"""Oxigraph as a store, in memory (the descriptor ``memory``, the default) or on disk in a folder
(``oxigraph:DIR``; ``samklang load`` builds one; the folder's layout, generations published
whole, is :mod:`samklang.graph.store.folder`)."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import pyoxigraph as ox

from samklang.errors import UsageError
from samklang.graph.store import (
    ONTOLOGY_GRAPH,
    Row,
    Term,
    folder,
    in_graph,
    ontology_quads,
    syntax_position,
    with_prefixes,
)


class OxigraphStore:
    """Oxigraph, in memory (the fast default) or on disk in a store folder.

    On disk, a store opened for reading reads the folder's current generation and keeps
    reading it (a snapshot) until it is closed, whatever loads publish meanwhile. A store
    opened for writing writes a new generation beside the current one, which nobody sees
    until :meth:`commit` publishes it whole (:mod:`samklang.graph.store.folder`); closing it
    without a commit, or a crash, leaves the store as it was.

    Args:
        path: the store's folder; ``None`` for memory. Created if it does not exist.
        read_only: open an on-disk store for reading only (several processes may then read
            it at once, e.g. the endpoint's workers, while ``samklang load`` writes).

    Raises:
        UsageError: the folder is not an Oxigraph store, or another load is writing to it.
    """

    concurrent_queries = True
    """Queries may run in several threads at once (Oxigraph releases the GIL)."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self._threads = threading.local()
        self._reader: folder.Reader | None = None
        self._stage: folder.Stage | None = None
        if self.path is None:
            self.store = ox.Store()
            self.add(ontology_quads())
            return
        if read_only:
            self._open_for_reading()
            return
        self._stage = folder.begin(self.path)
        try:
            self.store = ox.Store(str(self._stage.folder))
        except OSError as err:
            self._stage.abandon()
            raise UsageError(f"cannot open the store {self.path}: {err}") from err
        self.replace_graph(ONTOLOGY_GRAPH, ontology_quads())

    def _open_for_reading(self) -> None:
        assert self.path is not None
        reader = folder.open_reader(self.path)
        try:
            self.store = ox.Store.read_only(str(reader.folder))
        except OSError as err:
            reader.close()
            raise UsageError(f"cannot open the store {self.path}: {err}") from err
        except RuntimeError as err:  # RocksDB found a file damaged
            reader.close()
            raise self._damaged(err) from err
        self._reader = reader
        self._threads = threading.local()

    @property
    def copied(self) -> bool:
        """Whether a store being written is a copy of a generation a load published (which was
        checked then), rather than new or a store of before generations."""
        return self._stage is not None and self._stage.base is not None

    @property
    def generation(self) -> folder.Pointer | None:
        """The generation a store opened for reading reads (``None``: in memory, being
        written, or a store built before generations)."""
        return self._reader.pointer if self._reader is not None else None

    def commit(self) -> None:
        """Publish what was written as the store's new generation, at once and whole, and go
        on reading it (a no-op in memory). Writing afterwards needs a new store object.

        The store is flushed and compacted first: compaction after a load halved query time
        on disk (the rule pack at 290 municipalities, as the rules were first written: 14 s →
        7.7 s)."""
        if self._stage is None:
            return
        self.flush()
        self.store = ox.Store()  # closes RocksDB: the stage is renamed and never written again
        stage, self._stage = self._stage, None
        try:
            stage.publish()
        finally:
            stage.close()
        self.read_only = True
        self._open_for_reading()

    def close(self) -> None:
        """Let go of the store: an uncommitted load is abandoned (the store stays as it was),
        a generation being read may be removed by a later load."""
        if self._stage is not None:
            self.store = ox.Store()  # closes RocksDB in the stage
            self._stage.abandon()
            self._stage = None
        if self._reader is not None:
            self.store = ox.Store()
            self._threads = threading.local()
            self._reader.close()
            self._reader = None

    def add(self, quads: Iterable[ox.Quad]) -> None:
        self._writable()
        self.store.bulk_extend(quads)

    def _writable(self) -> None:
        if self.read_only:
            raise UsageError(f"the store {self.path} is open for reading only")

    def select(self, query: str, bindings: Mapping[str, Term] | None = None) -> list[Row]:
        from samklang.graph.sparql_text import bind_values, projection

        # Oxigraph substitutes only variables the query projects (SEP-0007); the others are
        # bound through VALUES, as on a remote endpoint.
        projected = set(projection(query)) if bindings else set()
        substitutions: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple]
        substitutions = {ox.Variable(k): v for k, v in (bindings or {}).items() if k in projected}
        rest = {
            k: v
            for k, v in (bindings or {}).items()
            if k not in projected and not isinstance(v, ox.BlankNode)
        }
        if rest:
            query = bind_values(query, rest)
        try:
            solutions = self._handle().query(
                with_prefixes(query), use_default_graph_as_union=True, substitutions=substitutions
            )
            if not isinstance(solutions, ox.QuerySolutions):
                raise UsageError(
                    "only SELECT queries give rows; this is an ASK or CONSTRUCT query"
                )
            names = [v.value for v in solutions.variables]
            # A solution iterates its terms in the order of the variables: reading them so, not
            # by name, halves the time of a wide query (92,000 rows: 1.4 s by name, 0.8 s so).
            return [
                {name: term for name, term in zip(names, solution, strict=True) if term is not None}
                for solution in solutions
            ]
        except SyntaxError as err:
            line, column, problem = syntax_position(err)
            raise UsageError(
                f"the query is not valid SPARQL at line {line}, column {column}: {problem}"
            ) from err
        except RuntimeError as err:  # RocksDB found a file damaged while reading
            raise self._damaged(err) from err

    def _damaged(self, err: RuntimeError) -> UsageError:
        """What is said of an on-disk store RocksDB finds damaged (a table file overwritten,
        cut short): the store cannot be read; load the data again into a new folder."""
        reason = str(err).split(":", 1)[0].strip() or "a damaged file"
        return UsageError(
            f"the store {self.path} is damaged ({reason}); load the datasets again into a new "
            "folder with samklang load"
        )

    def _handle(self) -> ox.Store:
        """The handle this thread queries through. An on-disk store opened for reading gets a
        handle of its own in each thread: queries running at once in one RocksDB instance slow
        each other down (the rule pack at 290 municipalities: 1.5 s with one handle, 1.1 s
        with one per thread)."""
        if not self.read_only or threading.current_thread() is threading.main_thread():
            return self.store
        handle: ox.Store | None = getattr(self._threads, "store", None)
        if handle is None:
            try:
                assert self._reader is not None
                handle = self._threads.store = ox.Store.read_only(str(self._reader.folder))
            except OSError as err:
                raise UsageError(f"cannot open the store {self.path}: {err}") from err
            except RuntimeError as err:
                raise self._damaged(err) from err
        return handle

    def graphs(self) -> list[ox.NamedNode]:
        return sorted(
            (g for g in self.store.named_graphs() if isinstance(g, ox.NamedNode)),
            key=lambda g: g.value,
        )

    def quads(self, graph: ox.NamedNode | None = None) -> Iterator[ox.Quad]:
        if graph is not None:
            yield from self.store.quads_for_pattern(None, None, None, graph)
            return
        for q in self.store.quads_for_pattern(None, None, None, None):
            if not isinstance(q.graph_name, ox.DefaultGraph):
                yield q

    def replace_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> None:
        self._writable()
        if self.store.contains_named_graph(graph):
            self.store.remove_graph(graph)
        self.store.bulk_extend(in_graph(graph, quads))

    def flush(self) -> None:
        """Write what is buffered to disk and compact it (a no-op in memory, or for reading);
        :meth:`commit` publishes it."""
        if self._stage is not None:
            self.store.flush()
            self.store.optimize()


is_store_folder = folder.is_store_folder
