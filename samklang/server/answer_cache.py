"""The endpoint's answer cache: answers of a read-only store, kept until the store changes.

An answer is kept under its key — the query text, the graphs the request names
(``default-graph-uri``, ``named-graph-uri``), the base IRI, the media type and the row cap — and
under the store generation that answered it (the pointer a load publishes; see
:mod:`samklang.graph.store.folder`). The endpoint looks at the pointer before each request (as it
does to follow a new load), so once a load has published a new generation no answer of the old
one is given again: they are dropped at the first request that sees the new pointer. A store
without a pointer (built before generations) has no way to say it changed, so nothing is kept.

Only successful answers (status 200) are kept; refusals and failures are asked again. The cache
is bounded by the bytes it holds: each entry is charged its answer's body, the strings of its key
(the query text, up to the endpoint's ``--max-body``, and the graph IRIs) and a fixed
:data:`ENTRY_OVERHEAD`, so many distinct large queries with empty answers (an empty CONSTRUCT, an
ASK) are bounded too. The least recently used entries go first, and an entry charged more than an
eighth of the bound is not kept at all.
"""

from __future__ import annotations

import sys
import threading
from collections import OrderedDict
from collections.abc import Hashable

from samklang.graph.store.folder import Pointer
from samklang.server.workers import Answer

DEFAULT_BYTES = 64 * 1024 * 1024

ENTRY_OVERHEAD = 256
"""Bytes charged to every entry besides its body and key strings: the key tuple, the answer
object and the dictionary's slot."""


def charge(key: Hashable, answer: Answer) -> int:
    """The bytes an entry is charged: its body, the strings of its key and the fixed overhead."""
    return len(answer.body) + _key_bytes(key) + ENTRY_OVERHEAD


def _key_bytes(key: object) -> int:
    """The bytes the strings of ``key`` hold (a string's own size, header included), through
    nested tuples; other parts are covered by :data:`ENTRY_OVERHEAD`."""
    if isinstance(key, (str, bytes)):
        return sys.getsizeof(key)
    if isinstance(key, tuple):
        return sum(_key_bytes(part) for part in key)
    return 0


class AnswerCache:
    """Answers by (key, store generation), least recently used dropped first.

    Args:
        max_bytes: the most bytes kept, as :func:`charge` counts them (0: keep nothing).
    """

    def __init__(self, max_bytes: int = DEFAULT_BYTES) -> None:
        self.max_bytes = max(0, max_bytes)
        self.size = 0
        self.pointer: Pointer | None = None
        self.hits = 0
        self.misses = 0
        self._answers: OrderedDict[Hashable, tuple[Answer, int]] = OrderedDict()  # and charge
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._answers)

    def follow(self, pointer: Pointer | None) -> None:
        """The store is now at ``pointer``: drop every answer of another generation."""
        with self._lock:
            if pointer != self.pointer:
                self._answers.clear()
                self.size = 0
                self.pointer = pointer

    def get(self, key: Hashable, pointer: Pointer | None) -> Answer | None:
        """The answer kept for ``key`` at generation ``pointer``, if any."""
        if pointer is None or not self.max_bytes:
            return None
        with self._lock:
            entry = self._answers.get(key) if pointer == self.pointer else None
            if entry is None:
                self.misses += 1
                return None
            self._answers.move_to_end(key)
            self.hits += 1
            return entry[0]

    def put(self, key: Hashable, answer: Answer) -> None:
        """Keep ``answer`` for ``key``, if it answered the generation the cache follows."""
        if answer.status != 200 or answer.pointer is None:
            return
        size = charge(key, answer)
        if size > self.max_bytes // 8:
            return
        with self._lock:
            if answer.pointer != self.pointer:
                return  # a worker still on an older generation, or a load since
            previous = self._answers.pop(key, None)
            if previous is not None:
                self.size -= previous[1]
            self._answers[key] = (answer, size)
            self.size += size
            while self.size > self.max_bytes:
                _, (_, dropped) = self._answers.popitem(last=False)
                self.size -= dropped
