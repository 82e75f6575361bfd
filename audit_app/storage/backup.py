"""Consistent copies of the database file (encrypted ones stay encrypted) and their rotation."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from audit_app.storage.crypto import connect, quote

DAILY_KEEP = 7


def backups_dir(path: Path) -> Path:
    """The `backups/` folder beside the database file."""
    return path.parent / "backups"


def _free_name(folder: Path, stem: str, suffix: str) -> Path:
    target = folder / f"{stem}{suffix}"
    n = 1
    while target.exists():
        target = folder / f"{stem}-{n}{suffix}"
        n += 1
    return target


def copy_database(path: Path, target: Path, passphrase: str | None) -> Path:
    """Copy `path` to `target` through SQLite, so a half-written WAL is never copied raw."""
    target.parent.mkdir(parents=True, exist_ok=True)
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
    return target


def backup_copy(path: Path, label: str, passphrase: str | None = None) -> Path:
    """A copy next to the original named after `label` and the time (before migrations)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = _free_name(path.parent, f"{path.stem}.{label}-{stamp}", path.suffix)
    return copy_database(path, target, passphrase)


def daily_backup(path: Path, passphrase: str | None, today: date | None = None,
                 keep: int = DAILY_KEEP) -> Path | None:
    """Make today's backup unless one exists; keep only the newest `keep` daily ones."""
    today = today or date.today()
    folder = backups_dir(path)
    target = folder / f"{path.stem}.daily-{today:%Y%m%d}{path.suffix}"
    made: Path | None = None
    if not target.exists():
        tmp = folder / (target.name + ".part")
        tmp.unlink(missing_ok=True)
        copy_database(path, tmp, passphrase)
        tmp.replace(target)
        made = target
    dailies = sorted(folder.glob(f"{path.stem}.daily-*{path.suffix}"))
    for old in dailies[:-keep]:
        old.unlink()
    return made


@dataclass(frozen=True)
class BackupInfo:
    """One backup file as listed to the user."""

    path: Path
    modified: datetime
    size: int


def list_backups(path: Path) -> list[BackupInfo]:
    """Daily backups and pre-migration copies of `path`, newest first."""
    found = list(backups_dir(path).glob(f"{path.stem}.*{path.suffix}"))
    found += [p for p in path.parent.glob(f"{path.stem}.pre-*{path.suffix}")]
    infos = [BackupInfo(p, datetime.fromtimestamp(p.stat().st_mtime), p.stat().st_size)
             for p in found if p.is_file()]
    return sorted(infos, key=lambda b: b.modified, reverse=True)


def restore_backup(path: Path, backup: Path) -> Path:
    """Put `backup` in place of `path` (closed first); the current file is moved aside."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = _free_name(backups_dir(path), f"{path.stem}.before-restore-{stamp}", path.suffix)
    aside.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        shutil.move(str(path), aside)
    for extra in ("-wal", "-shm"):
        side = path.with_name(path.name + extra)
        if side.exists():
            shutil.move(str(side), aside.with_name(aside.name + extra))
    shutil.copy2(backup, path)
    return aside
