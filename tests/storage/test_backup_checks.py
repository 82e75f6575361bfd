"""Backups count only when checked; rotation never trades full copies for empty ones."""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.storage.backup import (
    STALE_SECONDS,
    check_copy,
    daily_backup,
    list_backups,
    newest_good_backup,
)
from audit_app.storage.crypto import DatabaseError
from audit_app.storage.db import open_database
from tests.factories import round_with_sample

KEY = "en lång lösenfras"
START = date(2026, 3, 1)


def _corrupt_index(path: Path) -> None:
    """A file that opens but fails integrity_check (its index does not match the table)."""
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t(a, b)")
    con.executemany("INSERT INTO t VALUES (?, ?)", [(i, 1000 - i) for i in range(300)])
    con.execute("CREATE INDEX i ON t(a)")
    con.commit()
    con.execute("PRAGMA writable_schema=ON")
    con.execute("UPDATE sqlite_master SET sql='CREATE INDEX i ON t(b)' WHERE name='i'")
    con.commit()
    con.close()


def test_a_copy_that_fails_the_check_is_removed_and_not_counted(tmp_path: Path) -> None:
    path = tmp_path / "granska.sqlite3"
    _corrupt_index(path)
    assert not check_copy(path, None)
    with pytest.raises(DatabaseError, match="integrity_check"):
        daily_backup(path, None, today=START)
    assert list((tmp_path / "backups").iterdir()) == []
    assert list_backups(path) == []


def test_the_daily_copy_is_checked_with_the_same_key(tmp_path: Path,
                                                     library: ChecklistLibrary) -> None:
    path = tmp_path / "granska.sqlite3"
    db = open_database(path, passphrase=KEY)
    round_with_sample(db, library, 2)
    db.close()
    made = daily_backup(path, KEY, today=START)
    assert made is not None and check_copy(made, KEY)
    assert not check_copy(made, "fel lösenfras")


def test_rotation_keeps_full_copies_when_the_database_was_emptied(
        tmp_path: Path, library: ChecklistLibrary) -> None:
    path = tmp_path / "granska.sqlite3"
    db = open_database(path)
    round_with_sample(db, library, 3)
    db.close()
    full = [daily_backup(path, None, today=START + timedelta(days=d)) for d in range(7)]
    path.unlink()
    open_database(path).close()  # an empty database now sits at the path
    for d in range(7, 14):
        daily_backup(path, None, today=START + timedelta(days=d))
    dailies = sorted((tmp_path / "backups").glob("granska.daily-*"))
    assert all(p is not None and p.exists() for p in full)
    assert len(dailies) == 14


def test_rotation_deletes_copies_no_bigger_than_the_newest(
        tmp_path: Path, library: ChecklistLibrary) -> None:
    path = tmp_path / "granska.sqlite3"
    open_database(path).close()
    empty = [daily_backup(path, None, today=START + timedelta(days=d)) for d in range(3)]
    db = open_database(path, daily_backup=False)
    round_with_sample(db, library, 3)
    db.close()
    for d in range(3, 10):
        daily_backup(path, None, today=START + timedelta(days=d))
    assert not any(p is not None and p.exists() for p in empty)
    assert len(list((tmp_path / "backups").glob("granska.daily-*"))) == 7


def test_stale_half_copies_are_removed(tmp_path: Path) -> None:
    path = tmp_path / "granska.sqlite3"
    open_database(path).close()
    folder = tmp_path / "backups"
    folder.mkdir()
    old = time.time() - STALE_SECONDS - 60
    stale = [folder / "granska.daily-20260101.sqlite3.part", folder / "kopia.tmp"]
    for leftover in stale:
        leftover.write_bytes(b"halv")
        os.utime(leftover, (old, old))
    busy = folder / "granska.daily-20260102.sqlite3.part"  # another process is writing it
    busy.write_bytes(b"halv")
    daily_backup(path, None, today=START)
    assert not any(p.exists() for p in stale)
    assert busy.exists()


def test_listing_skips_unreadable_copies(tmp_path: Path, library: ChecklistLibrary) -> None:
    path = tmp_path / "granska.sqlite3"
    db = open_database(path)
    round_with_sample(db, library, 2)
    db.close()
    good = daily_backup(path, None, today=START)
    assert good is not None
    folder = tmp_path / "backups"
    (folder / "granska.manual-1.sqlite3").write_bytes(b"")
    (folder / "granska.manual-2.sqlite3").write_bytes(good.read_bytes()[:3000])
    corrupt = folder / "granska.manual-3.sqlite3"
    _corrupt_index(corrupt)
    future = time.time() + 3600
    for name in ("manual-1", "manual-2", "manual-3"):
        os.utime(folder / f"granska.{name}.sqlite3", (future, future))
    names = [b.path.name for b in list_backups(path)]
    assert "granska.manual-1.sqlite3" not in names
    assert "granska.manual-2.sqlite3" not in names
    assert names[0] == corrupt.name  # whole pages: listed, but not good
    found = newest_good_backup(path)
    assert found is not None and found.path == good


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_an_open_backups_folder_is_made_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "granska.sqlite3"
    open_database(path).close()
    folder = tmp_path / "backups"
    folder.mkdir()
    folder.chmod(0o755)  # made by an older version
    made = daily_backup(path, None, today=START)
    assert made is not None
    assert folder.stat().st_mode & 0o777 == 0o700
    assert made.stat().st_mode & 0o777 == 0o600
