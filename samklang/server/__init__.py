"""``samklang serve``: a read-only SPARQL 1.1 endpoint over a corpus, with an offline query page.

:func:`serve` prepares the store (a temporary on-disk copy when given dataset paths) and runs the
ASGI application of :mod:`samklang.server.app` under uvicorn.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from samklang.errors import UsageError


def serve(
    paths: Sequence[str | Path] = (),
    store_dir: str | Path | None = None,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    timeout: float = 10.0,
    max_rows: int = 10_000,
    workers: int = 2,
    allow_remote: bool = False,
    lang: str = "sv",
    log_level: str = "info",
) -> None:
    """Serve dataset ``paths`` (loaded into a temporary store) or the store in ``store_dir``
    until interrupted.

    Raises:
        UsageError: neither or both of paths and store given, or a bad setting.
        InputError: a dataset cannot be read.
    """
    import uvicorn

    from samklang.graph.corpus import load_corpus
    from samklang.graph.store.oxigraph import OxigraphStore
    from samklang.server.app import ServerSettings, create_app

    if bool(paths) == bool(store_dir):
        raise UsageError("give dataset paths or --store DIR to serve, not both and not neither")
    if timeout <= 0 or max_rows <= 0 or workers <= 0:
        raise UsageError("--timeout, --max-rows and --workers must be positive")
    with tempfile.TemporaryDirectory(prefix="samklang-serve-") as scratch:
        if paths:
            folder = Path(scratch) / "store"
            store = OxigraphStore(folder)
            load_corpus(paths, store)
            store.flush()
            del store  # close it: the workers open it read-only
            store_dir = folder
        assert store_dir is not None
        settings = ServerSettings(
            store_path=str(store_dir),
            timeout=timeout,
            max_rows=max_rows,
            workers=workers,
            allow_remote=allow_remote,
            lang=lang,
        )
        app = create_app(settings)
        uvicorn.run(app, host=host, port=port, log_level=log_level)
