"""Opening the database file: key, pragmas, migrations with a backup first, sessions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker

from audit_app.domain.errors import UserError
from audit_app.storage import backup as backups
from audit_app.storage.crypto import (
    DB_ERRORS,
    DatabaseError,
    WrongPassphraseError,
    check_key,
    connect,
    is_encrypted,
    quote,
)

__all__ = ["Database", "DatabaseError", "WrongPassphraseError", "is_encrypted",
           "open_database", "backup_copy"]

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


# The migrations in migrations/versions, oldest first (a test checks this against Alembic).
# Opening a database already at the head needs no Alembic import, which keeps start-up fast.
SCHEMA_REVISIONS = ("0001", "0002", "0003")


def head_revision() -> str:
    return SCHEMA_REVISIONS[-1]


def _upgrade(engine: Engine, target: str) -> None:
    """Run the Alembic migrations up to `target` (imported here: only when needed)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)


def _set_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def _damaged(path: Path, exc: object) -> DatabaseError:
    names = [b.path.name for b in backups.list_backups(path)][:7]
    hint = ("Säkerhetskopior: " + ", ".join(names) + f" (i {backups.backups_dir(path)})."
            if names else "Det finns inga säkerhetskopior bredvid filen.")
    return DatabaseError(
        f"Databasfilen {path} går inte att läsa ({exc}). Den kan vara skadad eller "
        f"avkortad; återställ den från en säkerhetskopia. {hint}")


def current_revision(path: Path, passphrase: str | None = None) -> str | None:
    """The Alembic revision of an existing file, None when it has no Granska tables yet."""
    try:
        con = connect(path, passphrase)
        try:
            if passphrase:
                check_key(con, path)
            query = "SELECT name FROM sqlite_master WHERE type='table'"
            tables = {r[0] for r in con.execute(query)}
            if "alembic_version" not in tables:
                if tables:
                    raise DatabaseError(f"{path} är ingen Granska-databas (okända tabeller).")
                return None
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            return row[0] if row else None
        finally:
            con.close()
    except DB_ERRORS as exc:
        raise _damaged(path, exc) from exc


def backup_copy(path: Path, label: str, passphrase: str | None = None) -> Path:
    """Copy a database file consistently next to the original (encrypted stays encrypted)."""
    return backups.backup_copy(path, label, passphrase)


class Database:
    """An open Granska database file."""

    def __init__(self, path: Path, engine: Engine, passphrase: str | None = None) -> None:
        self.path = path
        self.engine = engine
        self._key = _Key(passphrase)
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.migration_backup: Path | None = None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back on any error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @property
    def encrypted(self) -> bool:
        return bool(self._key.value)

    def close(self) -> None:
        self.engine.dispose()

    def backup(self, target: Path) -> Path:
        """A consistent copy to `target`; it has the same passphrase as this database."""
        return backups.copy_database(self.path, target, self._key.value)

    def daily_backup(self) -> Path | None:
        """Today's copy in `backups/` unless one exists; None if none was made or it failed.

        Safe to run on a worker thread: it reads through its own connection.
        """
        try:
            return backups.daily_backup(self.path, self._key.value)
        except BACKUP_ERRORS:
            return None  # a failed backup must not stop the work; the next open tries again

    def has_passphrase(self, phrase: str) -> bool:
        """Whether `phrase` is the current passphrase (asked again before changing it)."""
        return self.encrypted and phrase == self._key.value

    def change_passphrase(self, new: str) -> None:
        """Re-encrypt the file under a new passphrase (PRAGMA rekey)."""
        if not self.encrypted:
            raise UserError("Databasen är okrypterad; lösenfrasen kan inte bytas.")
        if len(new) < MIN_PASSPHRASE:
            raise UserError(f"Lösenfrasen måste ha minst {MIN_PASSPHRASE} tecken.")
        self.engine.dispose()
        con = connect(self.path, self._key.value)
        try:
            con.execute("PRAGMA journal_mode=DELETE")
            con.execute(f"PRAGMA rekey = {quote(new)}")
            con.execute("PRAGMA journal_mode=WAL")
        finally:
            con.close()
        self._key.value = new
        self.engine.dispose()


MIN_PASSPHRASE = 8
BACKUP_ERRORS: tuple[type[BaseException], ...] = (OSError, *DB_ERRORS)


class _Key:
    """The passphrase the engine keys new connections with (changed by rekey)."""

    def __init__(self, value: str | None) -> None:
        self.value = value


def make_engine(path: Path, key: _Key | None = None) -> Engine:
    key = key or _Key(None)
    import sqlcipher3.dbapi2 as sqlcipher

    def creator() -> Any:
        return connect(path, key.value, check_same_thread=False)

    engine = create_engine("sqlite://", creator=creator, hide_parameters=True,
                           module=sqlcipher if key.value else None)
    event.listen(engine, "connect", _set_pragmas)
    return engine


def open_database(path: str | Path, *, target: str = "head", passphrase: str | None = None,
                  daily_backup: bool = True) -> Database:
    """Open (or create) a database file and bring its schema up to date.

    Without a passphrase the file is a plain (unencrypted) SQLite file; with one, a new file
    is created encrypted and an existing encrypted file is opened with it. An existing
    database that needs migrating is first copied beside itself; once a day a copy goes to
    `backups/` (the last seven are kept).
    """
    path = Path(path).expanduser().resolve()
    if path.is_dir():
        raise DatabaseError(f"{path} är en mapp, inte en databasfil.")
    path.parent.mkdir(parents=True, exist_ok=True)
    existing = path.exists() and path.stat().st_size > 0
    if existing and not is_encrypted(path):
        passphrase = None  # a plain file is opened as such; the window says so
    elif existing and not passphrase:
        raise WrongPassphraseError(
            f"Databasen {path.name} går inte att läsa utan lösenfras: den är krypterad "
            "(eller skadad). Ange lösenfrasen.")
    backup: Path | None = None
    wanted = head_revision() if target == "head" else target
    revision: str | None = None
    if existing:
        revision = current_revision(path, passphrase)
        if revision is not None and revision not in SCHEMA_REVISIONS:
            raise DatabaseError(
                f"Databasen {path} kommer från en nyare version av Granska "
                f"(schema {revision}). Uppdatera programmet.")
        if revision is not None and revision != wanted:
            backup = backup_copy(path, f"pre-{revision}", passphrase)
    key = _Key(passphrase)
    engine = make_engine(path, key)
    try:
        if revision != wanted:
            _upgrade(engine, target)
    except SADatabaseError as exc:
        engine.dispose()
        raise _damaged(path, exc.orig) from exc
    db = Database(path, engine, passphrase)
    db._key = key
    db.migration_backup = backup
    if existing and daily_backup:
        db.daily_backup()
    return db


def schema_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return None if row is None else str(row[0])
