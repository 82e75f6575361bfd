"""PostgreSQL fixtures: a fresh database per test module on the server scripts/pg.sh starts."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from audit_app.storage.db import Database, open_database
from audit_app.storage.models import Base

ADMIN_ENV = "GRANSKA_TEST_PG"  # a superuser's address; the password (if any) in PGPASSWORD
DEFAULT_ADMIN = "postgresql+psycopg:///postgres"  # local socket, peer login (scripts/pg.sh)
HOST_ENV = "GRANSKA_TEST_PG_HOST"  # where login roles connect with a password (TCP)


def admin_url() -> str:
    return os.environ.get(ADMIN_ENV, DEFAULT_ADMIN)


def tcp_host() -> str:
    return os.environ.get(HOST_ENV, "127.0.0.1")


def role_url(role: str, database: str) -> str:
    """The address a login role uses (the password goes in PGPASSWORD, never here)."""
    return f"postgresql+psycopg://{role}@{tcp_host()}/{database}"


@pytest.fixture(scope="session")
def pg_admin() -> Iterator[Engine]:
    """A superuser connection to the server; skipped locally when there is none (CI fails)."""
    engine = create_engine(admin_url(), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        engine.dispose()
        reason = (f"Ingen PostgreSQL-server på {admin_url()} ({str(exc.orig).strip()[:200]}); "
                  "starta den med: bash scripts/pg.sh")
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI måste köra PostgreSQL-testerna: {reason}")
        pytest.skip(reason)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def pg_url(pg_admin: Engine) -> Iterator[str]:
    """A fresh database (granska_test_…) migrated to the head, dropped after the module."""
    name = f"granska_test_{uuid.uuid4().hex[:12]}"
    with pg_admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(admin_url()).set(database=name).render_as_string(hide_password=False)
    open_database(url).close()
    yield url
    with pg_admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def empty_tables(url: str) -> None:
    """Every Granska table emptied and its ids restarted (fast, unlike a new database)."""
    engine = create_engine(url)
    names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    try:
        with engine.begin() as conn:
            conn.execute(text(f"TRUNCATE TABLE {names} RESTART IDENTITY CASCADE"))
    finally:
        engine.dispose()


@pytest.fixture
def pg_db(pg_url: str) -> Iterator[Database]:
    """The module's server database, emptied for this test."""
    empty_tables(pg_url)
    database = open_database(pg_url)
    yield database
    database.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """The same test on a SQLite file and on the PostgreSQL server."""
    if request.param == "postgresql":
        yield request.getfixturevalue("pg_db")
        return
    database = open_database(tmp_path / "granska.sqlite3")
    yield database
    database.close()
