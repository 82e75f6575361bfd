"""Consistent copies of the database file (encrypted ones stay encrypted) and their rotation."""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from audit_app.storage.crypto import (
    DB_ERRORS,
    DatabaseError,
    connect,
    create_private_file,
    is_plain,
    make_private,
    private_dir,
    quote,
)
from audit_app.storage.key_file import MIN_PAGE

DAILY_KEEP = 7
# A half-written copy (`.part`, `.tmp`) older than this is left over from a crash.
STALE_SECONDS = 600


def backups_dir(path: Path) -> Path:
    """The `backups/` folder beside the database file."""
    return path.parent / "backups"


def _own_backups_dir(path: Path) -> Path:
    """`backups/`, created if needed and owner-only (0700) even when an older version made it."""
    folder = private_dir(backups_dir(path))
    make_private(folder)
    return folder


def _free_name(folder: Path, stem: str, suffix: str) -> Path:
    target = folder / f"{stem}{suffix}"
    n = 1
    while target.exists():
        target = folder / f"{stem}-{n}{suffix}"
        n += 1
    return target


def check_copy(path: Path, passphrase: str | None) -> bool:
    """Whether the file opens (with `passphrase` when encrypted) and passes integrity_check."""
    if not path.is_file() or path.stat().st_size == 0:
        return False
    key = None if is_plain(path) else passphrase
    if not is_plain(path) and not passphrase:
        return False
    try:
        con = connect(path, key)
        try:
            rows = con.execute("PRAGMA integrity_check").fetchall()
        finally:
            con.close()
    except DB_ERRORS:
        return False
    return rows == [("ok",)]


def row_count(path: Path, passphrase: str | None) -> int:
    """All rows in the file's tables; -1 when it cannot be read (e.g. an older passphrase)."""
    try:
        con = connect(path, None if is_plain(path) else passphrase)
        try:
            tables = [r[0] for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' "
                "AND name NOT LIKE 'sqlite_%'")]
            return sum(con.execute(f"SELECT count(*) FROM {quote(t)}").fetchone()[0]
                       for t in tables)
        finally:
            con.close()
    except DB_ERRORS:
        return -1


def copy_database(path: Path, target: Path, passphrase: str | None) -> Path:
    """Copy `path` to `target` through SQLite, so a half-written WAL is never copied raw.

    The copy is owner-only and must pass `PRAGMA integrity_check` with the same key; one
    that does not is removed and DatabaseError is raised.
    """
    private_dir(target.parent)
    create_private_file(target)
    try:
        src = connect(path, passphrase)
        try:
            if passphrase:
                src.execute(f"ATTACH DATABASE {quote(str(target))} AS copy "
                            f"KEY {quote(passphrase)}")
                src.execute("SELECT sqlcipher_export('copy')")
                src.execute("DETACH DATABASE copy")
            else:
                dst = connect(target, None)
                try:
                    src.backup(dst)
                finally:
                    dst.close()
        finally:
            src.close()
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    make_private(target)
    if not check_copy(target, passphrase):
        target.unlink(missing_ok=True)
        raise DatabaseError(f"Kopian {target.name} klarade inte kontrollen "
                            "(integrity_check) och togs bort.")
    return target


def backup_copy(path: Path, label: str, passphrase: str | None = None) -> Path:
    """A copy next to the original named after `label` and the time (before migrations)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = _free_name(path.parent, f"{path.stem}.{label}-{stamp}", path.suffix)
    return copy_database(path, target, passphrase)


def remove_stale(folder: Path, now: float | None = None) -> list[Path]:
    """Delete `.part` / `.tmp` files a crashed copy left behind (not ones being written)."""
    now = time.time() if now is None else now
    removed = []
    for leftover in [*folder.glob("*.part"), *folder.glob("*.tmp")]:
        if leftover.is_file() and now - leftover.stat().st_mtime > STALE_SECONDS:
            leftover.unlink(missing_ok=True)
            removed.append(leftover)
    return removed


def daily_backup(path: Path, passphrase: str | None, today: date | None = None,
                 keep: int = DAILY_KEEP) -> Path | None:
    """Make today's backup unless one exists, then rotate the daily copies.

    Today's copy counts only when it passed integrity_check (copy_database). Rotation then
    deletes the dailies beyond the newest `keep`, except a copy that holds more rows (all
    tables together) than the newest copy: a database that was emptied or replaced by a
    smaller file can never push the last full copies out. Copies that cannot be read with
    the current passphrase count as empty. No rotation happens when no verified copy was
    made today.
    """
    today = today or date.today()
    folder = _own_backups_dir(path)
    remove_stale(folder)
    target = folder / f"{path.stem}.daily-{today:%Y%m%d}{path.suffix}"
    if target.exists():
        return None
    tmp = folder / (target.name + ".part")
    tmp.unlink(missing_ok=True)
    copy_database(path, tmp, passphrase)
    tmp.replace(target)
    newest = row_count(target, passphrase)
    dailies = sorted(folder.glob(f"{path.stem}.daily-*{path.suffix}"))
    for old in dailies[:-keep]:
        if row_count(old, passphrase) <= newest:
            old.unlink()
    return target


@dataclass(frozen=True)
class BackupInfo:
    """One backup file as listed to the user."""

    path: Path
    modified: datetime
    size: int


def looks_whole(path: Path, passphrase: str | None) -> bool:
    """A cheap check: non-empty, whole pages, and (when it can be keyed) a readable schema."""
    size = path.stat().st_size
    if size == 0 or size % MIN_PAGE:
        return False
    plain = is_plain(path)
    if not plain and not passphrase:
        return True  # encrypted, no key to try: the size is all we can check
    try:
        con = connect(path, None if plain else passphrase)
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            con.close()
    except DB_ERRORS:
        return False
    return True


def list_backups(path: Path, passphrase: str | None = None) -> list[BackupInfo]:
    """Daily backups and pre-migration copies of `path`, newest first; unreadable ones skipped."""
    found = list(backups_dir(path).glob(f"{path.stem}.*{path.suffix}"))
    found += [p for p in path.parent.glob(f"{path.stem}.pre-*{path.suffix}")]
    infos = [BackupInfo(p, datetime.fromtimestamp(p.stat().st_mtime), p.stat().st_size)
             for p in found if p.is_file() and looks_whole(p, passphrase)]
    return sorted(infos, key=lambda b: b.modified, reverse=True)


def newest_good_backup(path: Path, passphrase: str | None = None) -> BackupInfo | None:
    """The newest backup that passes integrity_check (encrypted and no key: the newest whole)."""
    for info in list_backups(path, passphrase):
        if not is_plain(info.path) and not passphrase:
            return info
        if check_copy(info.path, passphrase):
            return info
    return None


def restore_backup(path: Path, backup: Path) -> Path:
    """Put `backup` in place of `path` (closed first); the current file is moved aside."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = _own_backups_dir(path)
    aside = _free_name(folder, f"{path.stem}.before-restore-{stamp}", path.suffix)
    incoming = path.with_name(path.name + ".restore.tmp")
    incoming.unlink(missing_ok=True)
    shutil.copyfile(backup, incoming)
    make_private(incoming)
    if path.exists():
        shutil.move(str(path), aside)
    for extra in ("-wal", "-shm"):
        side = path.with_name(path.name + extra)
        if side.exists():
            shutil.move(str(side), aside.with_name(aside.name + extra))
    os.replace(incoming, path)
    return aside
