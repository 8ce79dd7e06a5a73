"""The on-disk store's folder: each load builds a new generation beside the current one and
publishes it by replacing one small file, so a reader sees the old store or the new one, never
half a load, and a load killed at any point leaves the old one.

A store folder ``DIR`` holds::

    samklang-store.json   the pointer: which generation is current (replaced atomically)
    g00000007/            the current generation: an Oxigraph (RocksDB) store, never written
                          again once published
    g00000006/            an older generation a reader still holds open (removed by a later
                          load once no reader holds it)
    write.lock            held by the one load that writes
    .stage-…/             a load in progress, or the remains of a killed one (removed by the
                          next load)

A load (:func:`begin`) takes ``write.lock``, copies the current generation into a stage folder
(hard links for RocksDB's table files, which RocksDB never changes once written; a copy of the
few small files that name them), writes into the stage, closes it, renames it to the next
generation's name and replaces the pointer (:meth:`Stage.publish`). A reader
(:func:`open_reader`) reads the pointer and holds a shared lock on ``readers.lock`` in that
generation's folder while it reads; a load removes only generations whose lock it can take
exclusively.

A folder where RocksDB's files lie directly in ``DIR`` (a store built before generations) is
read as it is; the next load makes it the first generation.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from samklang.errors import UsageError

try:  # POSIX; elsewhere older generations are kept instead of removed (see _may_remove)
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

POINTER = "samklang-store.json"
WRITE_LOCK = "write.lock"
READERS_LOCK = "readers.lock"
FORMAT = "samklang-store"
VERSION = 1

_GENERATION = re.compile(r"g(\d{8})")
_STAGE_PREFIX = ".stage-"
_TRASH_PREFIX = ".trash-"
# RocksDB's own files, where a store built before generations keeps them (directly in DIR).
_ROCKSDB_FILE = re.compile(
    r"(CURRENT|IDENTITY|LOCK|LOG(\.old\.\d+)?|MANIFEST-\d+|OPTIONS-\d+(\.dbtmp)?"
    r"|\d+\.(sst|log|blob|dbtmp))"
)
# Files RocksDB never changes once written: shared between generations by hard links.
_IMMUTABLE = re.compile(r"\d+\.(sst|blob)")
# Files a generation does not take from the one it is copied from.
_NOT_COPIED = re.compile(rf"(LOCK|LOG(\.old\.\d+)?|{re.escape(READERS_LOCK)})")


@dataclass(frozen=True)
class Pointer:
    """What ``samklang-store.json`` says.

    Attributes:
        generation: the current generation's number (1, 2, …), one more for each load.
        folder: its folder's name inside the store folder.
        published: when it was published (ISO 8601, UTC).
    """

    generation: int
    folder: str
    published: str


def is_store_folder(path: Path) -> bool:
    """Whether ``path`` is a store folder: generations and their pointer, or (built before
    generations) a RocksDB store directly."""
    return path.is_dir() and ((path / POINTER).is_file() or (path / "CURRENT").is_file())


def read_pointer(path: Path) -> Pointer | None:
    """The pointer of the store folder ``path``; ``None`` for a folder without one (empty, or
    built before generations).

    Raises:
        UsageError: the pointer is there but cannot be read, or names no generation.
    """
    try:
        data = json.loads((path / POINTER).read_text(encoding="utf-8"))
        pointer = Pointer(int(data["generation"]), str(data["folder"]), str(data["published"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise UsageError(f"cannot open the store {path}: {POINTER} is damaged ({err})") from err
    if data.get("format") != FORMAT or not _GENERATION.fullmatch(pointer.folder):
        raise UsageError(f"cannot open the store {path}: {POINTER} is damaged (not a pointer)")
    return pointer


def generation(path: Path) -> Pointer | None:
    """The current generation of ``path`` (a cheap check: one small file read), or ``None``
    when the folder has no pointer or its pointer cannot be read."""
    try:
        return read_pointer(path)
    except UsageError:
        return None


class Reader:
    """One generation of a store folder, held for reading: while it is open no load removes it.

    Attributes:
        folder: the RocksDB folder to open read-only.
        pointer: the generation (``None`` for a store built before generations).
    """

    def __init__(self, folder: Path, pointer: Pointer | None, lock: IO[bytes] | None) -> None:
        self.folder = folder
        self.pointer = pointer
        self._lock = lock

    def close(self) -> None:
        """Let loads remove this generation once it is no longer current."""
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def __del__(self) -> None:
        self.close()


def open_reader(path: Path) -> Reader:
    """Hold the current generation of the store folder ``path`` for reading.

    Raises:
        UsageError: ``path`` is not a store folder, its pointer is damaged, or the generation
            it points to is missing.
    """
    if not is_store_folder(path):
        raise UsageError(
            f"{path} is not a samklang store; build one with 'samklang load PATH… --store {path}'"
        )
    for _ in range(100):
        pointer = read_pointer(path)
        if pointer is None:
            return Reader(path, None, None)  # built before generations: RocksDB in DIR
        folder = path / pointer.folder
        try:
            lock = (folder / READERS_LOCK).open("rb")
        except FileNotFoundError:  # a load published a newer one and removed this one
            again = read_pointer(path)
            if again is not None and again.folder == pointer.folder:  # none published: gone
                raise UsageError(
                    f"the store {path} is damaged ({pointer.folder} is missing); load the "
                    "datasets again into a new folder with samklang load"
                ) from None
            continue
        if fcntl is not None:
            fcntl.flock(lock.fileno(), fcntl.LOCK_SH)
        try:
            same = os.stat(folder / READERS_LOCK).st_ino == os.fstat(lock.fileno()).st_ino
        except FileNotFoundError:
            same = False
        if same:
            return Reader(folder, pointer, lock)
        lock.close()  # removed between reading the pointer and taking the lock: read it again
    raise UsageError(f"cannot open the store {path}: it changed 100 times while being opened")


class Stage:
    """A load in progress: the next generation, being written in a folder no reader opens.

    Attributes:
        root: the store folder.
        folder: the stage's RocksDB folder (open it with ``pyoxigraph.Store``).
        base: the generation it was copied from (``None``: a new store, or one built before
            generations).
    """

    def __init__(self, root: Path, lock: IO[bytes], *, created: bool = False) -> None:
        self.root = root
        self.created = created
        """Whether this load made the store folder."""
        self._lock: IO[bytes] | None = lock
        self.base = read_pointer(root)
        self.legacy = self.base is None and (root / "CURRENT").is_file()
        _remove_leftovers(root, self.base)
        self.folder = root / f"{_STAGE_PREFIX}{secrets.token_hex(4)}"
        self.folder.mkdir()
        if self.base is not None:
            _copy_generation(root / self.base.folder, self.folder)
        elif self.legacy:
            _copy_generation(root, self.folder)
        (self.folder / READERS_LOCK).touch()

    def publish(self) -> Pointer:
        """Make the stage the current generation (the stage's store must be closed).

        The stage's files are synced, the folder renamed to its generation's name, and the
        pointer replaced: until that replacement readers see the old generation, after it the
        new one. Then older generations no reader holds are removed.
        """
        if self._lock is None:
            raise UsageError(f"the load into {self.root} has already been published or abandoned")
        number = (self.base.generation if self.base else 0) + 1
        name = f"g{number:08d}"
        _sync_folder(self.folder)
        target = self.root / name
        if target.exists():  # published by a load that died before replacing the pointer
            _remove(target)
        os.rename(self.folder, target)
        self.folder = target
        published = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        pointer = Pointer(number, name, published)
        text = json.dumps(
            {
                "format": FORMAT,
                "version": VERSION,
                "generation": number,
                "folder": name,
                "published": published,
            }
        )
        _replace_file(self.root / POINTER, text + "\n")
        if self.legacy:
            for entry in self.root.iterdir():
                if entry.is_file() and _ROCKSDB_FILE.fullmatch(entry.name):
                    entry.unlink(missing_ok=True)
        _remove_leftovers(self.root, pointer)
        self.close()
        return pointer

    def abandon(self) -> None:
        """Give the load up: remove the stage and let other loads write. A store folder this
        load made, where nothing was ever published, goes too (a failed first load leaves no
        folder behind that holds only a lock)."""
        if self._lock is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            first = self.created and self.base is None and not self.legacy
            self.close()
            if first and [e.name for e in self.root.iterdir()] == [WRITE_LOCK]:
                (self.root / WRITE_LOCK).unlink(missing_ok=True)
                self.root.rmdir()

    def close(self) -> None:
        if self._lock is not None:
            self._lock.close()  # closing the descriptor releases the lock
            self._lock = None

    def __del__(self) -> None:
        self.close()


def begin(path: Path) -> Stage:
    """Start a load into the store folder ``path`` (created if missing).

    Raises:
        UsageError: the folder holds files but no store, or another load is writing to it.
    """
    if path.exists() and not path.is_dir():
        raise UsageError(f"{path} holds files but no samklang store; give a new folder")
    ours = is_store_folder(path) or (path / WRITE_LOCK).is_file()  # or its first load's
    if path.is_dir() and any(path.iterdir()) and not ours:
        raise UsageError(f"{path} holds files but no samklang store; give a new folder")
    created = not path.exists()
    try:
        path.mkdir(parents=True, exist_ok=True)
        lock = (path / WRITE_LOCK).open("ab")
    except OSError as err:
        raise UsageError(f"cannot open the store {path}: {err.strerror}") from err
    if fcntl is not None:
        try:
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.close()
            raise UsageError(
                f"another samklang load is writing to the store {path}; wait until it has finished"
            ) from None
    try:
        return Stage(path, lock, created=created)
    except OSError as err:
        lock.close()
        raise UsageError(f"cannot open the store {path}: {err}") from err


def _copy_generation(source: Path, target: Path) -> None:
    """Copy the RocksDB store in ``source`` into ``target``: table files as hard links (RocksDB
    never changes them, it only deletes its own name for them), the others as copies."""
    for entry in source.iterdir():
        name = entry.name
        if not entry.is_file() or not _ROCKSDB_FILE.fullmatch(name) or _NOT_COPIED.fullmatch(name):
            continue
        if _IMMUTABLE.fullmatch(name):
            try:
                os.link(entry, target / name)
                continue
            except OSError:
                pass  # another file system, or no hard links: copy it
        shutil.copy2(entry, target / name)


def _may_remove(folder: Path) -> IO[bytes] | None:
    """The exclusive lock on ``folder``'s readers lock if no reader holds it, else ``None``.
    A folder without the lock file (never published) may go. Without POSIX locks nothing may."""
    try:
        lock = (folder / READERS_LOCK).open("rb")
    except FileNotFoundError:
        return open(os.devnull, "rb")
    if fcntl is None:  # pragma: no cover - Windows: keep older generations
        lock.close()
        return None
    try:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.close()
        return None
    return lock


def _remove(folder: Path) -> None:
    """Move ``folder`` out of the way at once (a rename), then delete it."""
    trash = folder.with_name(f"{_TRASH_PREFIX}{folder.name}-{secrets.token_hex(4)}")
    os.rename(folder, trash)
    shutil.rmtree(trash, ignore_errors=True)


def _remove_leftovers(root: Path, current: Pointer | None) -> None:
    """Remove what earlier loads left (stages of killed loads, half-deleted folders) and the
    generations other than ``current`` that no reader holds. Called with ``write.lock`` held."""
    for entry in root.iterdir():
        name = entry.name
        if not entry.is_dir():
            continue
        if name.startswith((_STAGE_PREFIX, _TRASH_PREFIX)):
            shutil.rmtree(entry, ignore_errors=True)
        elif _GENERATION.fullmatch(name) and (current is None or name != current.folder):
            lock = _may_remove(entry)
            if lock is not None:
                try:
                    _remove(entry)
                finally:
                    lock.close()


def _sync_folder(folder: Path) -> None:
    """Flush ``folder``'s files and the folder itself to the disk."""
    for entry in folder.iterdir():
        if entry.is_file():
            descriptor = os.open(entry, os.O_RDONLY)
            try:
                os.fsync(descriptor)
            finally:
                os.close(descriptor)
    _sync_directory(folder)


def _sync_directory(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - a system that cannot open folders (Windows)
        return
    try:
        os.fsync(descriptor)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(descriptor)


def _replace_file(target: Path, text: str) -> None:
    """Write ``target`` whole and durably: a temporary file, synced, renamed into place, and
    the folder synced."""
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}")
    try:
        with temporary.open("w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _sync_directory(target.parent)
