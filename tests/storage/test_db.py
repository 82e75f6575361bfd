"""The database file: pragmas, migrations, backups before upgrades, no model drift."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from audit_app.storage.db import DatabaseError, head_revision, open_database, schema_revision
from audit_app.storage.models import Base


def test_new_database_is_at_head_with_wal_and_foreign_keys(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        assert schema_revision(db) == head_revision()
        with db.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert db.migration_backup is None
    finally:
        db.close()


def test_migrated_schema_equals_models(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
    finally:
        db.close()


def test_older_database_is_upgraded_with_a_backup(db_path: Path) -> None:
    old = open_database(db_path, target="0001")
    with old.engine.begin() as conn:
        conn.execute(text("INSERT INTO setting(key, value) VALUES ('probe', 'kvar')"))
    old.close()
    assert head_revision() != "0001"

    db = open_database(db_path)
    try:
        assert schema_revision(db) == head_revision()
        assert db.migration_backup is not None and db.migration_backup.exists()
        assert db.migration_backup.parent == db_path.parent
        con = sqlite3.connect(db.migration_backup)
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert con.execute("SELECT value FROM setting WHERE key='probe'").fetchone() == ("kvar",)
        con.close()
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT value FROM setting")).scalar() == "kvar"
    finally:
        db.close()


def test_current_database_is_not_copied_again(db_path: Path) -> None:
    open_database(db_path).close()
    db = open_database(db_path)
    db.close()
    assert db.migration_backup is None
    assert [p.name for p in db_path.parent.glob("*.sqlite3")] == [db_path.name]


def test_garbage_file_gives_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "trasig.sqlite3"
    path.write_bytes(b"this is no database " * 100)
    with pytest.raises(DatabaseError, match="går inte att läsa"):
        open_database(path)


def test_foreign_database_refused(tmp_path: Path) -> None:
    path = tmp_path / "annan.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE kunder(id INTEGER)")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError, match="ingen Granska-databas"):
        open_database(path)


def test_database_from_newer_program_refused(db_path: Path) -> None:
    open_database(db_path).close()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num='9999'")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError, match="nyare version"):
        open_database(db_path)


def test_schema_revisions_constant_matches_the_migrations() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from audit_app.storage.db import MIGRATIONS_DIR, SCHEMA_REVISIONS

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(cfg)
    oldest_first = [rev.revision for rev in script.walk_revisions()][::-1]
    assert tuple(oldest_first) == SCHEMA_REVISIONS
    assert script.get_current_head() == head_revision()


def test_opening_an_up_to_date_database_does_not_import_alembic(db_path: Path) -> None:
    open_database(db_path).close()
    code = ("import sys; from audit_app.storage.db import open_database; "
            f"db = open_database({str(db_path)!r}, daily_backup=False); "
            "print('alembic' in sys.modules, db.path.exists())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False", "True"]
