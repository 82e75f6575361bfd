"""SQLCipher connections: keying, telling encrypted files from plain SQLite ones."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from audit_app.domain.errors import UserError
from audit_app.storage.key_file import SQLITE_HEADER
from audit_app.storage.key_file import derive_raw_key as derive_raw_key  # re-exported
from audit_app.storage.key_file import is_plain as is_plain  # re-exported

# Seconds a connection waits for another one's lock before "database is locked" (30 s, as
# the busy_timeout pragma; tests lower it).
BUSY_TIMEOUT = 30.0
PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


class DatabaseError(UserError):
    """The database file cannot be used (damaged, not ours, too new)."""


class WrongPassphraseError(DatabaseError):
    """The passphrase does not open the encrypted database."""


class WeakPassphraseError(UserError):
    """A new database was asked for with a passphrase that is too short."""


class PlainDatabaseError(DatabaseError):
    """A passphrase was given, but the file is a plain (unencrypted) SQLite database."""


def is_encrypted(path: Path) -> bool:
    """True when an existing non-empty file does not start with the plain SQLite header."""
    if not path.exists() or path.stat().st_size == 0:
        return False
    with path.open("rb") as fh:
        return fh.read(16) != SQLITE_HEADER


def make_private(path: Path) -> None:
    """Owner-only permissions (0600 for files, 0700 for folders); POSIX only."""
    if os.name == "posix" and path.exists():
        path.chmod(PRIVATE_DIR if path.is_dir() else PRIVATE_FILE)


def private_dir(path: Path) -> Path:
    """Create `path` (and missing parents) if needed; a folder it creates is owner-only."""
    missing = not path.exists()
    path.mkdir(parents=True, exist_ok=True)
    if missing:
        make_private(path)
    return path


def create_private_file(path: Path) -> None:
    """Create an empty file readable by its owner only (fails if it already exists)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    os.close(fd)
    make_private(path)


def quote(text: str) -> str:
    """A SQL string literal (keys cannot be bound as parameters in a PRAGMA)."""
    return "'" + text.replace("'", "''") + "'"


def connect(path: Path, passphrase: str | None, *, check_same_thread: bool = True,
            raw_key: str | None = None) -> Any:
    """A DB-API connection, keyed first when a passphrase (or a derived raw key) is given."""
    if not passphrase and not raw_key:
        return sqlite3.connect(str(path), timeout=BUSY_TIMEOUT,
                               check_same_thread=check_same_thread)
    con = sqlcipher.connect(str(path), timeout=BUSY_TIMEOUT,
                            check_same_thread=check_same_thread)
    # SQLCipher writes its own "hmac check failed" lines to stderr for a wrong key; the
    # program says so in its own words (WrongPassphraseError) instead.
    con.execute("PRAGMA cipher_log_level = NONE")
    if raw_key:
        con.execute(f'PRAGMA key = "{raw_key}"')  # hex only, made by derive_raw_key
    else:
        con.execute(f"PRAGMA key = {quote(passphrase or '')}")
    return con


def key_fits(con: Any) -> bool:
    """Whether a keyed connection can read the file's schema."""
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except (sqlite3.DatabaseError, sqlcipher.DatabaseError):
        return False
    return True


def check_key(con: Any, path: Path) -> None:
    """Raise WrongPassphraseError unless the keyed connection can read the schema."""
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except (sqlite3.DatabaseError, sqlcipher.DatabaseError) as exc:
        raise WrongPassphraseError(
            f"Fel lösenfras för {path.name} – databasen går inte att läsa med den "
            "(eller så är filen skadad). Försök igen.") from exc


def is_locked(exc: BaseException) -> bool:
    """Whether a database error means another connection holds the file."""
    text = str(exc).lower()
    return "locked" in text or "busy" in text


DB_ERRORS: tuple[type[BaseException], ...] = (sqlite3.DatabaseError, sqlcipher.DatabaseError)
