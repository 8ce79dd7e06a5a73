"""Writing files whole: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from samklang.errors import UsageError


def write_atomically(target: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``target`` through a temporary file renamed into place
    (see :func:`write_bytes_atomically`)."""
    write_bytes_atomically(target, text.encode("utf-8"))


def write_bytes_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a temporary file renamed into place.

    The file gets the permissions an ordinary write would give: those of the file it replaces,
    or the default for a new file under the process's umask (not the private 0600 of a
    temporary file).

    Raises:
        UsageError: the folder cannot be written, or ``target`` cannot be replaced (a folder, a
            file the process may not write); nothing of ``data`` is left behind.
    """
    try:
        mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o666 & ~_umask()
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as err:
        raise UsageError(f"cannot write {target}: {err.strerror or err}") from err
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except OSError as err:
        Path(temporary).unlink(missing_ok=True)
        raise UsageError(f"cannot write {target}: {err.strerror or err}") from err
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    """The process's umask, read without changing it where the system allows (Linux), since
    setting it to read it back is visible to other threads for a moment."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except OSError:
        pass
    umask = os.umask(0)
    os.umask(umask)
    return umask
