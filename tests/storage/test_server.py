"""storage.server: the address rules, and the migrations run up and down on PostgreSQL."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text

from audit_app.domain.errors import UserError
from audit_app.storage.db import (
    MIGRATIONS_DIR,
    Database,
    DatabaseError,
    head_revision,
    open_database,
    schema_revision,
)
from audit_app.storage.server import PG_DUMP_ADVICE, ServerDatabase, parse_server_url
from tests.pg_support import empty_tables


def test_address_rules() -> None:
    url = parse_server_url("postgresql+psycopg://granska@db.kommun.se:5433/granska"
                           "?sslmode=verify-full&sslrootcert=/etc/granska/root.crt")
    assert (url.host, url.port, url.database, url.username) == (
        "db.kommun.se", 5433, "granska", "granska")
    assert url.query["sslmode"] == "verify-full"  # handed to libpq as it is
    for bad, why in (("postgresql+psycopg://u:pw@h/db", "lösenord"),
                     ("postgresql+psycopg://h", "databasnamn"),
                     ("mysql://h/db", "ingen PostgreSQL-adress")):
        with pytest.raises(UserError, match=why):
            parse_server_url(bad)


def test_server_database_has_no_file_backup(pg_db: Database, tmp_path: object) -> None:
    assert isinstance(pg_db, ServerDatabase)
    assert not pg_db.encrypted and pg_db.daily_backup() is None
    with pytest.raises(UserError) as caught:
        pg_db.backup(tmp_path)  # type: ignore[arg-type]
    assert str(caught.value) == PG_DUMP_ADVICE


def _config(conn: object) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = conn
    return cfg


def test_migrations_down_and_up_again(pg_db: Database, pg_url: str) -> None:
    pg_db.close()
    engine = create_engine(pg_url)
    try:
        with engine.begin() as conn:
            command.downgrade(_config(conn), "0003")
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() \
                == "0003"
            conn.execute(text("INSERT INTO setting(key, value) VALUES ('probe', 'kvar')"))
    finally:
        engine.dispose()
    db = open_database(pg_url)  # brought back to the head, data kept
    try:
        assert schema_revision(db) == head_revision()
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT value FROM setting")).scalar() == "kvar"
    finally:
        db.close()
        empty_tables(pg_url)


def test_newer_schema_refused(pg_db: Database, pg_url: str) -> None:
    with pg_db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    try:
        with pytest.raises(DatabaseError, match="nyare version"):
            open_database(pg_url)
    finally:
        with pg_db.engine.begin() as conn:
            conn.execute(text(f"UPDATE alembic_version SET version_num = '{head_revision()}'"))
