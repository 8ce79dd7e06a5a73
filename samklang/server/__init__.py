"""``samklang serve``: a read-only SPARQL 1.1 endpoint over a corpus, with an offline query page.

:func:`serve` prepares the store (a temporary on-disk copy when given dataset paths) and runs the
ASGI application of :mod:`samklang.server.app` under uvicorn.
"""

from __future__ import annotations

import socket
import tempfile
from collections.abc import Callable, Sequence
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
    max_workers: int | None = None,
    allow_remote: bool = False,
    allow_hosts: Sequence[str] = (),
    max_body: int = 1024 * 1024,
    client_timeout: float = 10.0,
    cache_bytes: int = 64 * 1024 * 1024,
    lang: str = "sv",
    log_level: str = "info",
    ready: Callable[[], None] | None = None,
) -> None:
    """Serve dataset ``paths`` (loaded into a temporary store) or the store in ``store_dir``
    until interrupted. A store that a load changes meanwhile is served as the load left it,
    from the next query on; until then answers are kept, up to ``cache_bytes`` bytes. ``ready``
    is called once the data is open and the port is taken, before the first request.

    Raises:
        UsageError: neither or both of paths and store given, a bad setting, a store that
            cannot be opened, or a port that cannot be listened on.
        InputError: a dataset cannot be read.
    """
    import uvicorn

    from samklang.graph.corpus import load_corpus
    from samklang.graph.store.oxigraph import OxigraphStore
    from samklang.server.app import ServerSettings, create_app
    from samklang.server.guard import MAX_HEAD, protocol

    if bool(paths) == bool(store_dir):
        raise UsageError("give dataset paths or --store DIR to serve, not both and not neither")
    if timeout <= 0 or max_rows <= 0 or workers <= 0 or max_body <= 0 or client_timeout <= 0:
        raise UsageError(
            "--timeout, --max-rows, --workers, --max-body and --client-timeout must be positive"
        )
    if max_workers is None:
        max_workers = max(8, workers)
    if max_workers < workers:
        raise UsageError("--max-workers must be at least --workers")
    with tempfile.TemporaryDirectory(prefix="samklang-serve-") as scratch:
        if paths:
            folder = Path(scratch) / "store"
            store = OxigraphStore(folder)
            load_corpus(paths, store)  # published whole
            store.close()  # the workers open it read-only
            store_dir = folder
        assert store_dir is not None
        settings = ServerSettings(
            store_path=str(store_dir),
            timeout=timeout,
            max_rows=max_rows,
            workers=workers,
            max_workers=max_workers,
            allow_remote=allow_remote,
            lang=lang,
            host=host,
            allow_hosts=tuple(allow_hosts),
            max_body=max_body,
            client_timeout=client_timeout,
            cache_bytes=cache_bytes,
        )
        app = create_app(settings)
        listening = _listen(host, port)
        config = uvicorn.Config(
            app,
            host=host,
            port=port,
            log_level=log_level,
            http=protocol(client_timeout),
            h11_max_incomplete_event_size=MAX_HEAD,
            limit_concurrency=settings.max_connections,
            timeout_keep_alive=5,
        )
        if ready is not None:
            ready()
        uvicorn.Server(config).run(sockets=[listening])


def _listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host``:``port``, so that a port in use is one sentence before the
    endpoint is announced (uvicorn would log it and exit with status 3).

    Raises:
        UsageError: the address cannot be bound.
    """
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        listening = socket.socket(family, socket.SOCK_STREAM)
    except OSError as err:
        raise UsageError(f"cannot listen on {host}:{port}: {err.strerror or err}") from err
    listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listening.bind((host, port))
    except OSError as err:
        listening.close()
        raise UsageError(f"cannot listen on {host}:{port}: {err.strerror or err}") from err
    return listening
