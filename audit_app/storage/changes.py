"""Whether the database changed since a moment: writes committed here, and SQLite's data_version."""

from __future__ import annotations

import itertools
import threading
from typing import Any

from sqlalchemy import Connection, Engine, event

_SEEN = "granska_changes_seen"  # total_changes of the DB-API connection at its last commit
_TEMP = "granska_temp_changes"  # of those, rows written to temporary tables (not data)
_SERIAL = "granska_connection"  # a number that tells the pool's connections apart

# (commits that wrote, in this process; the connection asked; its PRAGMA data_version)
Token = tuple[int, int, int]


class ChangeCounter:
    """Counts the commits on an engine that changed rows; `token()` changes after any write.

    A commit through this engine that changed rows (ORM or DB-API alike: SQLite's
    total_changes of the connection is compared) bumps the count, except rows written to
    temporary tables noted with `note_temp_changes`. Commits by other programs (or other
    engines) on the same file change SQLite's `PRAGMA data_version` of the connection asked.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.count = 0
        self._serials = itertools.count(1)
        self._lock = threading.Lock()
        # On a shared server other people write at any time and nothing like SQLite's
        # data_version tells this process: there every token is new (no cached figures).
        self.shared = engine.dialect.name != "sqlite"
        if not self.shared:
            event.listen(engine, "connect", self._on_connect)
            event.listen(engine, "commit", self._on_commit)

    def _on_connect(self, dbapi_conn: Any, record: Any) -> None:
        record.info[_SERIAL] = next(self._serials)
        record.info[_SEEN] = dbapi_conn.total_changes

    def _on_commit(self, conn: Connection) -> None:
        info = conn.info
        total = int(conn.connection.dbapi_connection.total_changes)  # type: ignore[union-attr]
        written = total - int(info.get(_SEEN, 0)) - int(info.get(_TEMP, 0))
        info[_SEEN], info[_TEMP] = total, 0
        if written:
            with self._lock:
                self.count += 1

    def token(self) -> Token:
        """A value that differs from an earlier one (asked on the same thread) after a write."""
        if self.shared:
            return (-1, next(self._serials), 0)
        with self.engine.connect() as conn:
            version = conn.exec_driver_sql("PRAGMA data_version").scalar()
            if _SERIAL not in conn.info:  # connected before this counter listened
                conn.info[_SERIAL] = next(self._serials)
            return (self.count, int(conn.info[_SERIAL]), int(version or 0))


def note_temp_changes(conn: Connection, rows: int) -> None:
    """Rows a reader wrote to a temporary table: not a change of the data."""
    conn.info[_TEMP] = int(conn.info.get(_TEMP, 0)) + rows
