"""SQLCipher connections: keying, telling encrypted files from plain SQLite ones."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from audit_app.domain.errors import UserError

SQLITE_HEADER = b"SQLite format 3\x00"


class DatabaseError(UserError):
    """The database file cannot be used (damaged, not ours, too new)."""


class WrongPassphraseError(DatabaseError):
    """The passphrase does not open the encrypted database."""


def is_encrypted(path: Path) -> bool:
    """True when an existing non-empty file does not start with the plain SQLite header."""
    if not path.exists() or path.stat().st_size == 0:
        return False
    with path.open("rb") as fh:
        return fh.read(16) != SQLITE_HEADER


def quote(text: str) -> str:
    """A SQL string literal (keys cannot be bound as parameters in a PRAGMA)."""
    return "'" + text.replace("'", "''") + "'"


def connect(path: Path, passphrase: str | None, *, check_same_thread: bool = True) -> Any:
    """A DB-API connection, keyed first when a passphrase is given."""
    if not passphrase:
        return sqlite3.connect(str(path), check_same_thread=check_same_thread)
    con = sqlcipher.connect(str(path), check_same_thread=check_same_thread)
    con.execute(f"PRAGMA key = {quote(passphrase)}")
    return con


def check_key(con: Any, path: Path) -> None:
    """Raise WrongPassphraseError unless the keyed connection can read the schema."""
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except (sqlite3.DatabaseError, sqlcipher.DatabaseError) as exc:
        raise WrongPassphraseError(
            f"Fel lösenfras för {path.name} – databasen går inte att läsa med den "
            "(eller så är filen skadad). Försök igen.") from exc


DB_ERRORS: tuple[type[BaseException], ...] = (sqlite3.DatabaseError, sqlcipher.DatabaseError)
