"""What stands between the web and the endpoint: the ``Host`` header, the size of a request and
how long a client may take to send it.

- :class:`Guard`, an ASGI middleware: a request line and headers over 64 KiB get **431**; a
  ``Host`` header that names neither an IP address nor
  ``localhost`` nor a name the operator allowed gets **421** (a web page that reaches the
  endpoint through DNS rebinding sends its own host name); a body over the limit gets **413**
  as soon as its ``Content-Length`` says so, or as soon as that many bytes have arrived,
  without reading the rest; a body not sent whole within the client timeout gets **408**.
  Each of these answers closes the connection.
- :func:`protocol`, uvicorn's HTTP/1.1 protocol (h11) with a deadline for the request's head:
  a client that opens a connection, or keeps one open after an answer, and does not send a
  whole request line and headers within the client timeout gets **408** and is disconnected.
"""

from __future__ import annotations

import asyncio
import ipaddress
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOCAL_NAMES = frozenset({"localhost"})
MAX_HEAD = 64 * 1024
"""The most bytes of a request's line and headers (uvicorn is told the same, for a head that
arrives in pieces)."""


def host_name(header: str) -> str:
    """The host name of a ``Host`` header, without its port, lower case.

    >>> host_name("[::1]:8000"), host_name("Example.ORG.:80"), host_name("127.0.0.1")
    ('::1', 'example.org', '127.0.0.1')
    """
    value = header.strip()
    if value.startswith("["):
        return value[1:].partition("]")[0].lower()
    name, colon, port = value.rpartition(":")
    if colon and port.isdigit():
        value = name
    return value.rstrip(".").lower()


def allowed_names(bound: str, extra: Iterable[str]) -> frozenset[str]:
    """The host names the endpoint answers to: ``localhost``, the address it is bound to if
    that is a name, and the ``--allow-host`` names (``*``: any)."""
    names = set(LOCAL_NAMES) | {host_name(name) for name in extra if name.strip()}
    if bound and not _is_address(host_name(bound)):
        names.add(host_name(bound))
    return frozenset(names)


def _is_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def host_allowed(header: str, names: frozenset[str]) -> bool:
    """Whether a request with this ``Host`` header is answered: an IP address (which DNS
    rebinding cannot make a browser send for a site's page), or one of ``names``."""
    name = host_name(header)
    return "*" in names or name in names or _is_address(name)


class Guard:
    """The ASGI middleware in front of the application (see the module's description).

    Args:
        app: the application.
        max_body: the most bytes a request body may hold.
        hosts: the host names answered (:func:`allowed_names`).
        client_timeout: seconds a client has to send a request's body.
    """

    def __init__(
        self, app: ASGIApp, *, max_body: int, hosts: frozenset[str], client_timeout: float
    ) -> None:
        self.app = app
        self.max_body = max_body
        self.hosts = hosts
        self.client_timeout = client_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        head = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"")
        head += sum(len(k) + len(v) + 4 for k, v in scope.get("headers", []))
        if head > MAX_HEAD:
            await refuse(
                send,
                431,
                f"The request's line and headers are larger than {MAX_HEAD} bytes; send a long "
                "query in the body of a POST.",
            )
            return
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        host = headers.get(b"host")
        if host is not None and not host_allowed(host.decode("latin-1"), self.hosts):
            shown = host.decode("latin-1")[:100]
            await refuse(
                send,
                421,
                f"This endpoint does not answer to the host name '{shown}'; it answers to "
                f"{', '.join(sorted(self.hosts))} and IP addresses. Its operator can add a name "
                "with --allow-host.",
            )
            return
        length = headers.get(b"content-length")
        if length is not None:
            if not length.strip().isdigit():
                await refuse(send, 400, "The Content-Length header is not a number.")
                return
            if int(length) > self.max_body:
                await refuse(send, 413, self._too_large())
                return
        chunked = b"chunked" in headers.get(b"transfer-encoding", b"").lower()
        if not chunked and not (length and int(length)):
            await self.app(scope, receive, send)
            return
        body = bytearray()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.client_timeout
        while True:
            try:
                async with asyncio.timeout_at(deadline):
                    message = await receive()
            except TimeoutError:
                await refuse(
                    send,
                    408,
                    f"The request's body did not arrive within {self.client_timeout:g} seconds.",
                )
                return
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            if len(body) > self.max_body:
                await refuse(send, 413, self._too_large())
                return
            if not message.get("more_body", False):
                break
        await self.app(scope, _replay(bytes(body), receive), send)

    def _too_large(self) -> str:
        return (
            f"The request is larger than {self.max_body} bytes, the most this endpoint reads; "
            "send a shorter query, or ask the operator to raise --max-body."
        )


def _replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that gives the body read already, then what the connection says next."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def refuse(send: Send, status: int, message: str) -> None:
    """Answer ``status`` with one sentence, and close the connection."""
    body = (message + "\n").encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def protocol(client_timeout: float) -> type[asyncio.Protocol]:
    """uvicorn's h11 protocol, with a deadline of ``client_timeout`` seconds for each request's
    line and headers, counted from the connection's opening or the previous answer's end."""
    from uvicorn.protocols.http.h11_impl import H11Protocol

    answer = (
        b"HTTP/1.1 408 Request Timeout\r\ncontent-type: text/plain; charset=utf-8\r\n"
        b"connection: close\r\ncontent-length: %d\r\n\r\n%s"
    )
    text = f"The request did not arrive within {client_timeout:g} seconds.\n".encode()

    class TimedH11Protocol(H11Protocol):
        _deadline: asyncio.TimerHandle | None = None

        def _arm(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
            self._deadline = self.loop.call_later(client_timeout, self._expired)

        def _expired(self) -> None:
            self._deadline = None
            if self.transport.is_closing():
                return
            if self.cycle is not None and not self.cycle.response_complete:
                return  # the head arrived; the application is reading the body or answering
            self.transport.write(answer % (len(text), text))
            self.transport.close()

        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            super().connection_made(transport)  # type: ignore[arg-type]
            self._arm()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing():
                self._arm()

        def connection_lost(self, exc: Exception | None) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None
            super().connection_lost(exc)

    return TimedH11Protocol
