"""Opening the database file: pragmas, migrations with a backup first, sessions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker

from audit_app.domain.errors import UserError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class DatabaseError(UserError):
    """The database file cannot be used (damaged, not ours, too new)."""


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def _set_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def current_revision(path: Path) -> str | None:
    """The Alembic revision of an existing file, None when it has no Granska tables yet."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
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
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            f"Databasfilen {path} går inte att läsa ({exc}). Den kan vara skadad; "
            "återställ den från en säkerhetskopia.") from exc


def backup_copy(path: Path, label: str) -> Path:
    """Copy a database file consistently (SQLite backup API) next to the original."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.{label}-{stamp}{path.suffix}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.stem}.{label}-{stamp}-{n}{path.suffix}")
        n += 1
    src = sqlite3.connect(str(path))
    dst = sqlite3.connect(str(target))
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def _known_revision(revision: str) -> bool:
    script = ScriptDirectory.from_config(alembic_config())
    try:
        return script.get_revision(revision) is not None
    except Exception:  # alembic raises several kinds for an unknown id
        return False


class Database:
    """An open Granska database file."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
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

    def close(self) -> None:
        self.engine.dispose()


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _set_pragmas)
    return engine


def open_database(path: str | Path, *, target: str = "head") -> Database:
    """Open (or create) a database file and bring its schema up to date.

    An existing database that needs migrating is first copied beside itself.
    """
    path = Path(path).expanduser().resolve()
    if path.is_dir():
        raise DatabaseError(f"{path} är en mapp, inte en databasfil.")
    path.parent.mkdir(parents=True, exist_ok=True)
    existing = path.exists() and path.stat().st_size > 0
    backup: Path | None = None
    if existing:
        revision = current_revision(path)
        if revision is not None and not _known_revision(revision):
            raise DatabaseError(
                f"Databasen {path} kommer från en nyare version av Granska "
                f"(schema {revision}). Uppdatera programmet.")
        wanted = head_revision() if target == "head" else target
        if revision is not None and revision != wanted:
            backup = backup_copy(path, f"pre-{revision}")
    engine = make_engine(path)
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, target)
    except SADatabaseError as exc:
        engine.dispose()
        raise DatabaseError(f"Databasen {path} kan inte öppnas: {exc.orig}") from exc
    db = Database(path, engine)
    db.migration_backup = backup
    return db


def schema_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()
