"""The saved server's address checked, and the sync refused from the server's own database."""

from __future__ import annotations

import pytest

from audit_app.domain.errors import UserError
from audit_app.services.server_sync import ServerSyncService, server_address
from audit_app.storage.db import Database


def test_the_address_gets_the_user_name() -> None:
    assert server_address(" postgresql+psycopg://db.kommun.se/granska?sslmode=verify-full ",
                          " gl ") == \
        "postgresql+psycopg://gl@db.kommun.se/granska?sslmode=verify-full"
    assert server_address("postgresql+psycopg://gl@db/granska", "gl") == \
        "postgresql+psycopg://gl@db/granska"
    assert server_address("postgresql+psycopg://db:6432/granska") == \
        "postgresql+psycopg://db:6432/granska"


@pytest.mark.parametrize(("url", "wanted"), [
    ("postgresql://db/granska", "inte med 'postgresql'"),
    ("sqlite:///granska.sqlite3", "inte med 'sqlite'"),
    ("db.kommun.se/granska", "t.ex. postgresql+psycopg://db.kommun.se/granska"),
    ("   ", "Ange serverns adress"),
])
def test_a_wrong_scheme_is_named(url: str, wanted: str) -> None:
    with pytest.raises(UserError, match="postgresql\\+psycopg://") as caught:
        server_address(url)
    assert wanted in str(caught.value)


def test_no_sync_from_the_server_itself(pg_db: Database, pg_url: str) -> None:
    with pytest.raises(UserError, match="öppnat mot serverns databas"):
        ServerSyncService(pg_db, "Granskare GL").sync(pg_url)
