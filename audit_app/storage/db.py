"""Opening the database file: key, pragmas, migrations with a backup first, sessions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from audit_app.domain.errors import UserError
from audit_app.storage import backup as backups
from audit_app.storage import crypto, text_guard
from audit_app.storage.changes import ChangeCounter
from audit_app.storage.crypto import (
    DB_ERRORS,
    DatabaseError,
    PlainDatabaseError,
    WeakPassphraseError,
    WrongPassphraseError,
    check_key,
    connect,
    create_private_file,
    is_encrypted,
    is_locked,
    is_plain,
    make_private,
    private_dir,
    quote,
)
from audit_app.storage.key_file import MIN_PAGE
from audit_app.storage.revisions import SCHEMA_REVISIONS, head_revision

__all__ = ["Database", "DatabaseError", "PlainDatabaseError", "SCHEMA_REVISIONS",
           "WeakPassphraseError", "WrongPassphraseError", "backup_copy", "head_revision",
           "is_encrypted", "open_database"]

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _upgrade(engine: Engine, target: str) -> None:
    """Run the Alembic migrations up to `target` (imported here: only when needed)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)


# Page cache per connection, in KiB (negative: a size, not pages). A year's figures read
# about 60 MB of answers; with SQLite's default 2-8 MB cache the pages are read, and with
# SQLCipher decrypted, several times over (docs/performance.md). The cache fills only as
# pages are read.
CACHE_KIB = 65_536


def _set_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute(f"PRAGMA busy_timeout={int(crypto.BUSY_TIMEOUT * 1000)}")
    cur.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    # temporary tables and sorts (case data) stay in memory, never in a plain temp file
    cur.execute("PRAGMA temp_store=MEMORY")
    cur.close()


def _damaged(path: Path, exc: object, passphrase: str | None = None) -> DatabaseError:
    return DatabaseError(
        f"Databasfilen {path} går inte att läsa ({exc}). Den kan vara skadad eller "
        f"avkortad. {restore_hint(path, passphrase)}")


def restore_hint(path: Path, passphrase: str | None = None) -> str:
    """Which backup to restore and how (the newest one that passes integrity_check)."""
    good = backups.newest_good_backup(path, passphrase)
    if good is None:
        return ("Det finns ingen fungerande säkerhetskopia bredvid filen; flytta undan "
                "filen för att börja med en ny databas.")
    return (f"Senaste fungerande säkerhetskopia: {good.path} ({good.modified:%Y-%m-%d %H:%M})."
            f" Återställ den med: audit-app --db \"{path}\" restore \"{good.path}\" "
            "(den skadade filen flyttas då undan, den raderas inte).")


def _opens_a_backup(path: Path, passphrase: str) -> bool:
    """Whether `passphrase` opens the newest backup: then the file, not the key, is bad.

    Only the newest copy counts: after a passphrase change it is the one made under the new
    key (see Database.change_passphrase), so an old passphrase is still called wrong.
    """
    found = backups.list_backups(path)[:1]
    return bool(found) and not is_plain(found[0].path) and \
        backups.looks_whole(found[0].path, passphrase)


def check_existing(path: Path, passphrase: str | None, unencrypted: bool) -> str | None:
    """Refuse an empty, damaged or unexpectedly plain file; the key to open it with."""
    size = path.stat().st_size
    if size == 0:
        raise _damaged(path, "filen är tom", passphrase)
    if size % MIN_PAGE:  # a whole database file is always whole pages
        raise _damaged(path, "ofullständig fil, inte hela sidor", passphrase)
    if is_plain(path):
        if passphrase and not unencrypted:
            raise PlainDatabaseError(
                f"Databasen {path.name} är okrypterad (vanlig SQLite), men en lösenfras "
                "angavs: filen är inte den krypterade databas som väntades. Kontrollera "
                "sökvägen. Är den okrypterad med avsikt: öppna den med --unencrypted "
                "(och utan lösenfras). Den kan krypteras genom att skapa en ny krypterad "
                "databas och föra över uppgifterna.")
        return None
    if not passphrase:
        raise WrongPassphraseError(
            f"Databasen {path.name} går inte att läsa utan lösenfras: den är krypterad "
            "(eller skadad). Ange lösenfrasen.")
    return passphrase


def current_revision(path: Path, passphrase: str | None = None,
                     key: _Key | None = None) -> str | None:
    """The Alembic revision of an existing file, None when it has no Granska tables yet."""
    try:
        con = key.connect(path) if key is not None else connect(path, passphrase)
        try:
            if passphrase:
                try:
                    check_key(con, path)
                except WrongPassphraseError as exc:
                    if _opens_a_backup(path, passphrase):
                        raise _damaged(path, "sidan med schemat är oläslig",
                                       passphrase) from exc
                    raise
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
        raise _damaged(path, exc, passphrase) from exc


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
        text_guard.install(self._sessions)  # no text that looks like a personnummer is stored
        self.migration_backup: Path | None = None
        self.changes = ChangeCounter(engine)  # tells caches (figures) the data changed

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
        except DB_ERRORS as exc:
            if not is_locked(exc):
                raise
            raise UserError(
                "Databasen används av ett annat program eller fönster just nu; "
                "lösenfrasen ändrades inte. Stäng det andra programmet och försök igen."
            ) from exc
        finally:
            con.close()
        self._key.value = new
        self.engine.dispose()
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        try:  # the newest backup has the new key (a damaged file is told from a wrong key)
            self.backup(backups.backups_dir(self.path)
                        / f"{self.path.stem}.rekey-{stamp}{self.path.suffix}")
        except BACKUP_ERRORS:
            pass  # the change itself succeeded; the daily backup tries again


MIN_PASSPHRASE = 8
BACKUP_ERRORS: tuple[type[BaseException], ...] = (OSError, *DB_ERRORS)


class _Key:
    """The passphrase the engine keys new connections with (changed by rekey).

    SQLCipher derives the key from the passphrase on every new connection (PBKDF2, 0.2-1 s).
    Here it is derived once, the same way (crypto.derive_raw_key), and later connections
    are keyed with the result; if that key does not fit, the passphrase is used as before.
    """

    def __init__(self, value: str | None, raw: str | None = None) -> None:
        self._value = value
        self._raw: str | None = raw if value else None
        self._raw_fits = True

    @property
    def value(self) -> str | None:
        return self._value

    @value.setter
    def value(self, value: str | None) -> None:
        self._value, self._raw, self._raw_fits = value, None, True

    @property
    def derived(self) -> bool:
        """Whether connections are keyed with the once-derived key."""
        return self._raw is not None

    def connect(self, path: Path, check_same_thread: bool = True) -> Any:
        """A connection keyed with this key (plain without a passphrase)."""
        passphrase = self._value
        if passphrase and self._raw_fits:
            if self._raw is None:
                self._raw = crypto.derive_raw_key(path, passphrase)
            if self._raw is not None:
                con = connect(path, None, check_same_thread=check_same_thread,
                              raw_key=self._raw)
                if crypto.key_fits(con):
                    return con
                con.close()  # wrong passphrase, or a file not made with the defaults
                self._raw, self._raw_fits = None, False
        return connect(path, passphrase, check_same_thread=check_same_thread)


def make_engine(path: Path, key: _Key | None = None) -> Engine:
    key = key or _Key(None)
    import sqlcipher3.dbapi2 as sqlcipher

    def creator() -> Any:
        return key.connect(path, check_same_thread=False)

    # QueuePool, not the SingletonThreadPool SQLAlchemy picks for a "sqlite://" URL: that
    # one keeps a connection per thread, closes the oldest threads' connections once more
    # than five threads have used it, and closes every thread's connection on dispose(),
    # even one a worker thread is reading on (a crash, not an error). Last in, first out:
    # the connection used last is used next, with its page cache (64 MB each) still warm;
    # first in, first out spread the reads over every pooled connection's cold cache.
    engine = create_engine("sqlite://", creator=creator, hide_parameters=True,
                           poolclass=QueuePool, pool_use_lifo=True,
                           module=sqlcipher if key.value else None)
    event.listen(engine, "connect", _set_pragmas)
    return engine


def open_database(path: str | Path, *, target: str = "head", passphrase: str | None = None,
                  daily_backup: bool = True, unencrypted: bool = False,
                  raw_key: str | None = None) -> Database:
    """Open (or create) a database file and bring its schema up to date.

    Only a path that does not exist becomes a new database (encrypted with `passphrase`, at
    least MIN_PASSPHRASE characters; plain without one). An existing file that is empty,
    truncated or damaged is refused with the newest good backup named. A plain file given a
    passphrase is refused unless `unencrypted`. An existing database that needs migrating
    is first copied beside itself; once a day a copy goes to `backups/`.
    A PostgreSQL address (postgresql+psycopg://HOST/DB) opens the shared server database
    instead (storage.server). `raw_key`: the key already derived from `passphrase` for this
    file (crypto.derive_raw_key); it is checked like any other key before it is used.
    """
    if isinstance(path, str) and path.strip().lower().startswith("postgresql+psycopg://"):
        from audit_app.storage.server import open_server

        return open_server(path, target=target)
    path = Path(path).expanduser().resolve()
    if path.is_dir():
        raise DatabaseError(f"{path} är en mapp, inte en databasfil.")
    existing = path.exists()
    if existing:
        passphrase = check_existing(path, passphrase, unencrypted)
    else:
        if passphrase and len(passphrase) < MIN_PASSPHRASE:
            raise WeakPassphraseError(
                f"En ny databas behöver en lösenfras på minst {MIN_PASSPHRASE} "
                f"tecken (den angivna har {len(passphrase)}).")
        private_dir(path.parent)
        create_private_file(path)
    backup: Path | None = None
    wanted = head_revision() if target == "head" else target
    revision: str | None = None
    key = _Key(passphrase, raw_key if existing else None)
    if existing:
        revision = current_revision(path, passphrase, key)
        if revision is not None and revision not in SCHEMA_REVISIONS:
            raise DatabaseError(
                f"Databasen {path} kommer från en nyare version av Granska "
                f"(schema {revision}). Uppdatera programmet.")
        if revision is not None and revision != wanted:
            backup = backup_copy(path, f"pre-{revision}", passphrase)
    engine = make_engine(path, key)
    try:
        if revision != wanted:
            _upgrade(engine, target)
    except BaseException as exc:
        engine.dispose()
        if not existing:  # a new file that never became a database is not left behind
            for side in ("", "-wal", "-shm"):
                path.with_name(path.name + side).unlink(missing_ok=True)
        if isinstance(exc, SADatabaseError):
            raise _damaged(path, exc.orig, passphrase) from exc
        raise
    for side in ("-wal", "-shm"):
        make_private(path.with_name(path.name + side))
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
