"""The database file as the user manages it: backups, restore, passphrase, daily copy."""

from __future__ import annotations

from pathlib import Path

from audit_app.storage.backup import BackupInfo, check_copy, list_backups, restore_backup
from audit_app.storage.crypto import is_plain
from audit_app.storage.db import Database

__all__ = ["BackupInfo", "BackupService", "DatabaseFileService"]


class BackupService:
    """The backups of one database file; usable before the database opens (a damaged file)."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path

    def list(self) -> list[BackupInfo]:
        """Daily backups and pre-migration copies, newest first."""
        return list_backups(self.db_path)

    def damaged(self, info: BackupInfo) -> bool:
        """Whether a plain copy fails integrity_check (an encrypted one cannot be checked)."""
        return is_plain(info.path) and not check_copy(info.path, None)

    def restore(self, info: BackupInfo) -> Path:
        """Put the copy in place of the (closed) database; returns where the old file went."""
        return restore_backup(self.db_path, info.path)


class DatabaseFileService:
    """What the window shows and does with the open file itself (never its sessions)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    @property
    def path(self) -> Path:
        return self._db.path

    @property
    def encrypted(self) -> bool:
        return self._db.encrypted

    def has_passphrase(self, phrase: str) -> bool:
        """Whether `phrase` is the current passphrase (asked again before changing it)."""
        return self._db.has_passphrase(phrase)

    def change_passphrase(self, new: str) -> None:
        """Re-encrypt the file under a new passphrase; UserError when it cannot be."""
        self._db.change_passphrase(new)

    def daily_backup(self) -> Path | None:
        """Today's copy unless one exists; safe on a worker thread."""
        return self._db.daily_backup()

    def close(self) -> None:
        """Release the file (before a restore replaces it)."""
        self._db.close()
