"""A small Chrome DevTools Protocol client over ``--remote-debugging-pipe`` (no dependencies).

Chromium reads commands from file descriptor 3 and writes replies and events to descriptor 4,
each message one JSON object followed by a NUL byte. This client starts Debian's
``/usr/bin/chromium`` headless with a new empty profile, opens one page, records every network
request, console message, uncaught exception and JavaScript dialog it sees, and can evaluate
script, click at a point and take a screenshot.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

CHROMIUM = os.environ.get("SAMKLANG_CHROMIUM", "/usr/bin/chromium")

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--metrics-recording-only",
    "--mute-audio",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
]


def chromium_path() -> str | None:
    """The Chromium binary, or ``None`` when it is not installed."""
    return CHROMIUM if os.access(CHROMIUM, os.X_OK) else shutil.which("chromium")


class CDPError(RuntimeError):
    """Chromium answered a command with an error, or stopped answering."""


class Browser:
    """Headless Chromium driven over a pipe; use as a context manager."""

    def __init__(self, width: int = 1600, height: int = 1000, timeout: float = 60.0) -> None:
        self.timeout = timeout
        self.width, self.height = width, height
        self._launch()

    def _launch(self) -> None:
        """Start Chromium with a fresh profile, the debugging pipe on descriptors 3 and 4."""
        binary = chromium_path()
        if binary is None:
            raise CDPError("chromium is not installed (run .ci/system-packages)")
        self.profile = tempfile.mkdtemp(prefix="samklang-chromium-")
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def child_fds() -> None:  # runs in the child between fork and exec
            read, write = os.dup(to_browser_r), os.dup(from_browser_w)  # out of the way of 3, 4
            os.dup2(read, 3)  # dup2 makes them inheritable; every other pipe closes on exec
            os.dup2(write, 4)

        self.process = subprocess.Popen(
            [
                binary,
                *FLAGS,
                f"--user-data-dir={self.profile}",
                f"--window-size={self.width},{self.height}",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=False,
            preexec_fn=child_fds,
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        self.session: str | None = None

    # --- protocol -------------------------------------------------------------------------

    def _read_message(self, deadline: float) -> dict[str, Any]:
        import select

        while b"\0" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise CDPError("chromium did not answer in time")
            ready, _, _ = select.select([self._from_browser], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise CDPError("chromium closed the debugging pipe")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(message)

    def send(
        self, method: str, params: dict[str, Any] | None = None, *, browser: bool = False
    ) -> Any:
        """Send a command (to the page's session unless ``browser``) and return its result."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if not browser and self.session is not None:
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise CDPError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self._event(reply)

    def _event(self, message: dict[str, Any]) -> None:
        if "method" not in message:
            return
        self.events.append(message)
        if message["method"] == "Page.javascriptDialogOpening":
            # answer from the reader: a dialog blocks the page until it is handled
            self._next_id += 1
            os.write(
                self._to_browser,
                json.dumps(
                    {
                        "id": self._next_id,
                        "method": "Page.handleJavaScriptDialog",
                        "params": {"accept": False},
                        "sessionId": message.get("sessionId"),
                    }
                ).encode()
                + b"\0",
            )

    def pump(self, seconds: float) -> None:
        """Read events for a while."""
        deadline = time.monotonic() + seconds
        try:
            while True:
                self._event(self._read_message(deadline))
        except CDPError as err:
            if "in time" not in str(err):
                raise

    def wait_for(self, method: str, timeout: float | None = None) -> dict[str, Any]:
        """Wait for the next event ``method`` (or return one already seen and not consumed)."""
        deadline = time.monotonic() + (timeout or self.timeout)
        for event in self.events:
            if event["method"] == method and not event.get("_seen"):
                event["_seen"] = True
                return event
        while True:
            message = self._read_message(deadline)
            self._event(message)
            if message.get("method") == method:
                message["_seen"] = True
                return message

    # --- page -----------------------------------------------------------------------------

    def open(self) -> None:
        """Open a blank page and start recording network, console, exceptions and dialogs."""
        target = self.send("Target.createTarget", {"url": "about:blank"}, browser=True)
        attached = self.send(
            "Target.attachToTarget", {"targetId": target["targetId"], "flatten": True}, browser=True
        )
        self.session = attached["sessionId"]
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.send(f"{domain}.enable")
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": self.width, "height": self.height, "deviceScaleFactor": 1, "mobile": False},
        )

    def resize(self, width: int, height: int) -> None:
        """Make the page's window ``width`` × ``height`` CSS pixels (at zoom 1)."""
        self.width, self.height = width, height
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )

    def navigate(self, url: str) -> None:
        """Load ``url`` and wait for its load event."""
        self.events.clear()
        self.send("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression (promises awaited), as JSON."""
        result = self.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
        )
        if "exceptionDetails" in result:
            raise CDPError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_until(self, expression: str, timeout: float | None = None) -> Any:
        """Evaluate ``expression`` until it is truthy; its value."""
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise CDPError(f"never true: {expression}")
            self.pump(0.05)

    def click(self, x: float, y: float) -> None:
        """A real mouse click at page coordinates."""
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            params: dict[str, Any] = {"type": kind, "x": x, "y": y}
            if kind != "mouseMoved":
                params.update(button="left", clickCount=1)
            self.send("Input.dispatchMouseEvent", params)

    def screenshot(self, path: Path) -> Path:
        """Write a PNG of the viewport."""
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def print_pdf(self, path: Path) -> Path:
        """Print the page to a PDF the way the print dialog would (the page's own @page size,
        backgrounds on)."""
        data = self.send("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})
        path.write_bytes(base64.b64decode(data["data"]))
        return path

    # --- what was seen --------------------------------------------------------------------

    def requests(self) -> list[str]:
        """URLs of every request the page made."""
        return [
            e["params"]["request"]["url"]
            for e in self.events
            if e["method"] == "Network.requestWillBeSent"
        ]

    def console_errors(self) -> list[str]:
        """Console errors, uncaught exceptions and browser log errors."""
        found = []
        for e in self.events:
            params = e.get("params", {})
            if e["method"] == "Runtime.consoleAPICalled" and params.get("type") in (
                "error",
                "assert",
            ):
                found.append(
                    " ".join(str(a.get("value", a.get("description", ""))) for a in params["args"])
                )
            elif e["method"] == "Runtime.exceptionThrown":
                details = params["exceptionDetails"]
                found.append(
                    str(details.get("exception", {}).get("description", details.get("text")))
                )
            elif e["method"] == "Log.entryAdded" and params["entry"]["level"] == "error":
                found.append(params["entry"]["text"])
        return found

    def dialogs(self) -> list[str]:
        """Messages of JavaScript dialogs (alert, confirm, prompt) the page opened."""
        return [
            e["params"].get("message", "")
            for e in self.events
            if e["method"] == "Page.javascriptDialogOpening"
        ]

    # --- lifetime -------------------------------------------------------------------------

    def close(self) -> None:
        """Close the browser and remove its profile."""
        try:
            self.send("Browser.close", browser=True)
        except (CDPError, OSError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._release()

    def _release(self) -> None:
        """Close the debugging pipe and remove the profile of a browser that has ended."""
        for fd in (self._to_browser, self._from_browser):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        try:
            self.open()
        except CDPError:
            # A Chromium that hangs while starting (seen once in CI: no answer to its first
            # command within the timeout) is killed and started again, once; a second hang is an
            # error.
            self.process.kill()
            self.process.wait()
            self._release()
            self._launch()
            self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
