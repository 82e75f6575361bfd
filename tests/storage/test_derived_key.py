"""The key is derived once per open database, as SQLCipher derives it; connection pragmas."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from audit_app.storage.crypto import connect, derive_raw_key, key_fits
from audit_app.storage.db import CACHE_KIB, WrongPassphraseError, open_database

PHRASE = "rätt-lösenfras-åäö"


def _count_rounds(db_path: Path, phrase: str) -> int:
    db = open_database(db_path, passphrase=phrase, daily_backup=False)
    try:
        with db.session() as s:
            return int(s.execute(text("SELECT count(*) FROM audit_round")).scalar_one())
    finally:
        db.close()


def test_the_derived_key_is_sqlcipher_s_own(tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite3"
    open_database(path, passphrase=PHRASE).close()
    raw = derive_raw_key(path, PHRASE)
    assert raw is not None and raw.startswith("x'") and len(raw) == 2 + 64 + 32 + 1
    con = connect(path, None, raw_key=raw)
    assert key_fits(con)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() is not None
    con.close()
    wrong = connect(path, None, raw_key=derive_raw_key(path, "fel-lösenfras-123"))
    assert not key_fits(wrong)
    wrong.close()


def test_connections_use_the_key_derived_once(tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite3"
    open_database(path, passphrase=PHRASE).close()
    db = open_database(path, passphrase=PHRASE, daily_backup=False)
    found: list[int] = []

    def on_a_worker() -> None:  # a new thread gets a new connection from the pool
        with db.session() as s:
            found.append(int(s.execute(text("SELECT count(*) FROM answer")).scalar_one()))

    worker = threading.Thread(target=on_a_worker)
    worker.start()
    worker.join()
    assert found == [0]
    assert db._key.derived
    with db.session() as s:
        con = s.connection().connection.driver_connection
        assert con.execute("PRAGMA temp_store").fetchone()[0] == 2  # memory
        assert con.execute("PRAGMA cache_size").fetchone()[0] == -CACHE_KIB
        assert con.execute("PRAGMA busy_timeout").fetchone()[0] == 30_000
    db.close()


def test_a_wrong_passphrase_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite3"
    open_database(path, passphrase=PHRASE).close()
    with pytest.raises(WrongPassphraseError):
        open_database(path, passphrase="fel-lösenfras-123", daily_backup=False)
    assert _count_rounds(path, PHRASE) == 0


def test_after_a_passphrase_change_only_the_new_one_opens(tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite3"
    db = open_database(path, passphrase=PHRASE)
    db.change_passphrase("ny-lösenfras-2026")
    with db.session() as s:  # a fresh connection, keyed with the new key
        assert s.execute(text("SELECT count(*) FROM answer")).scalar_one() == 0
    assert db._key.derived
    db.close()
    assert _count_rounds(path, "ny-lösenfras-2026") == 0
    with pytest.raises(WrongPassphraseError):
        open_database(path, passphrase=PHRASE, daily_backup=False)
