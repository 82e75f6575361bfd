"""Shared fixtures: offscreen Qt, a fresh database file per test, the bundled checklists."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("AUDIT_APP_USER", "testare")

import pytest  # noqa: E402

from audit_app.checklist_io.library import ChecklistLibrary  # noqa: E402
from audit_app.storage.db import Database, open_database  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CHECKLISTS = ROOT / "checklists"


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep settings and data folders of tests out of the real user's home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    # tests create plain databases unless they ask for a passphrase themselves
    monkeypatch.setenv("GRANSKA_UNENCRYPTED", "1")
    monkeypatch.delenv("GRANSKA_PASSPHRASE", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "granska.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def library() -> ChecklistLibrary:
    return ChecklistLibrary([CHECKLISTS])


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--ui-lang", choices=("sv", "en"), default=None,
                     help="run the ui tests that take both languages in this one only")


# PostgreSQL (the shared database): fixtures for the tests that run on both engines.
from tests.keyring_support import memory_keyring, no_keyring, no_libpq_password, server_login  # noqa: E402, F401
from tests.pg_support import any_db, pg_admin, pg_db, pg_url  # noqa: E402, F401
