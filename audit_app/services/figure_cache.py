"""The figures last computed for an open database, kept until its data changes."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar
from weakref import WeakKeyDictionary

from audit_app.storage.changes import Token
from audit_app.storage.db import Database

T = TypeVar("T")
KEEP = 8  # selections (rounds, unit, gender) kept per database


class FigureCache(Generic[T]):
    """Results keyed by what was asked, valid while the database's change token stays.

    The token is taken before computing: a write during the computation makes the stored
    result stale at once, never a stale result look fresh.
    """

    def __init__(self, db: Database, keep: int = KEEP) -> None:
        self.db = db
        self.keep = keep
        self._entries: OrderedDict[Hashable, tuple[Token, T]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The stored result for `key` if the database is unchanged since; else compute it."""
        token = self.db.changes.token()
        with self._lock:
            found = self._entries.get(key)
            if found is not None and found[0] == token:
                self._entries.move_to_end(key)
                self.hits += 1
                return found[1]
        value = compute()
        with self._lock:
            self._entries[key] = (token, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.keep:
                self._entries.popitem(last=False)
        return value


_CACHES: WeakKeyDictionary[Database, FigureCache[object]] = WeakKeyDictionary()
_CACHES_LOCK = threading.Lock()


def cache_for(db: Database) -> FigureCache[object]:
    """The figure cache of an open database (made on first use, gone with the database)."""
    with _CACHES_LOCK:
        cache = _CACHES.get(db)
        if cache is None:
            cache = _CACHES[db] = FigureCache(db)
        return cache
