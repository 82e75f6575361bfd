"""A real keyring backend kept in memory, and a PostgreSQL login role that needs a password."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError
from sqlalchemy import Engine, text

from audit_app.storage.db import open_database
from audit_app.storage.server_roles import grant_role, setup_roles
from tests.pg_support import role_url


class MemoryKeyring(KeyringBackend):
    """A keyring backend holding its passwords in a dict (the OS's would hold them safely)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.saved: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.saved.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.saved[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.saved.pop((service, username), None) is None:
            raise PasswordDeleteError("not saved")


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """The OS keyring replaced by a MemoryKeyring for the test."""
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    """No keyring backend at all, as on a headless Linux machine."""
    before = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    yield
    keyring.set_keyring(before)


@dataclass(frozen=True)
class ServerLogin:
    """A login role (manager of every unit) on the module's database, with its password."""

    role: str
    password: str
    url: str  # over TCP, where the server asks for the password


@pytest.fixture(scope="module")
def server_login(pg_url: str, pg_admin: Engine) -> Iterator[ServerLogin]:
    role = f"granska_t{uuid.uuid4().hex[:8]}_gl"
    password = uuid.uuid4().hex
    with pg_admin.connect() as conn:
        conn.execute(text(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'"))
    owner = open_database(pg_url)
    with owner.engine.begin() as conn:
        setup_roles(conn)
        grant_role(conn, role, "manager", None)
    owner.close()
    yield ServerLogin(role, password, role_url(role, pg_url.rsplit("/", 1)[1]))
    with pg_admin.connect() as conn:
        conn.execute(text(f"DROP ROLE IF EXISTS {role}"))


@pytest.fixture
def no_libpq_password(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Neither PGPASSWORD nor a password file: libpq has nothing of its own to give."""
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
