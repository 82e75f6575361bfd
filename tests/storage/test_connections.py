"""Connections across threads: every worker gets its own, none is closed under a reader."""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import func, select

from audit_app.storage.db import open_database
from audit_app.storage.models import ChangeLog

WORKERS = 12  # more than the five threads SQLAlchemy's per-thread pool would keep


def test_many_worker_threads_read_at_once_and_close_waits_for_none(tmp_path: Path) -> None:
    db = open_database(tmp_path / "g.sqlite3", daily_backup=False)
    inside = threading.Barrier(WORKERS + 1)
    leave = threading.Event()
    results: list[int] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            with db.session() as s:
                s.scalar(select(func.count()).select_from(ChangeLog))
                inside.wait(timeout=30)  # every worker holds its session at the same time
                leave.wait(timeout=30)
                results.append(int(s.scalar(select(func.count()).select_from(ChangeLog)) or 0))
        except BaseException as exc:  # reported below, on the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(WORKERS)]
    for t in threads:
        t.start()
    inside.wait(timeout=30)
    assert db.engine.pool.checkedout() == WORKERS  # one connection each, all in use
    db.close()  # closes what is idle; the readers' connections stay theirs until they end
    leave.set()
    for t in threads:
        t.join(timeout=30)
    assert errors == [] and results == [0] * WORKERS
