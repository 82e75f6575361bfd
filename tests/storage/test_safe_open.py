"""Opening safely: existing files are never new databases, damage names the good backup."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import select, text

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.errors import UserError
from audit_app.services.rounds import RoundService
from audit_app.storage import crypto
from audit_app.storage.backup import daily_backup, restore_backup
from audit_app.storage.db import (
    DatabaseError,
    PlainDatabaseError,
    WeakPassphraseError,
    WrongPassphraseError,
    open_database,
)
from audit_app.storage.models import Setting
from tests.factories import round_with_sample

KEY = "en lång lösenfras"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _with_backup(path: Path, library: ChecklistLibrary, passphrase: str | None = None) -> Path:
    db = open_database(path, passphrase=passphrase)
    round_with_sample(db, library, 2)
    db.close()
    made = daily_backup(path, passphrase)
    assert made is not None
    return made


def test_zero_byte_file_is_refused_and_names_the_good_backup(
        tmp_path: Path, library: ChecklistLibrary) -> None:
    path = tmp_path / "granska.sqlite3"
    good = _with_backup(path, library)
    broken = good.with_name("granska.manual-20990101-000000.sqlite3")  # newer, but empty
    broken.write_bytes(b"")
    path.write_bytes(b"")
    path.with_name(path.name + "-wal").unlink(missing_ok=True)
    with pytest.raises(DatabaseError, match="tom") as info:
        open_database(path)
    message = str(info.value)
    assert good.name in message and broken.name not in message
    assert "audit-app" in message and "restore" in message
    assert path.read_bytes() == b""  # not turned into a new, empty database


def test_truncated_encrypted_file_is_damage_not_a_wrong_passphrase(
        tmp_path: Path, library: ChecklistLibrary) -> None:
    path = tmp_path / "granska.sqlite3"
    good = _with_backup(path, library, KEY)
    data = path.read_bytes()
    path.write_bytes(data[:5000])
    for phrase in (KEY, None):
        with pytest.raises(DatabaseError, match="ofullständig") as info:
            open_database(path, passphrase=phrase)
        assert not isinstance(info.value, WrongPassphraseError)
        assert good.name in str(info.value)


def test_damaged_first_page_with_the_right_passphrase_is_damage(
        tmp_path: Path, library: ChecklistLibrary) -> None:
    path = tmp_path / "granska.sqlite3"
    good = _with_backup(path, library, KEY)
    data = bytearray(path.read_bytes())
    data[:4096] = bytes(4096)
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseError) as info:
        open_database(path, passphrase=KEY)
    assert not isinstance(info.value, WrongPassphraseError)
    assert good.name in str(info.value)
    with pytest.raises(WrongPassphraseError):  # another phrase is still just wrong
        open_database(path, passphrase="någon annan fras")


def test_old_passphrase_after_a_change_is_wrong_not_damage(
        tmp_path: Path, library: ChecklistLibrary) -> None:
    path = tmp_path / "granska.sqlite3"
    _with_backup(path, library, KEY)  # today's daily copy has the old key
    db = open_database(path, passphrase=KEY)
    db.change_passphrase("en helt ny lösenfras")
    db.close()
    with pytest.raises(WrongPassphraseError):
        open_database(path, passphrase=KEY)


def test_plain_file_with_a_passphrase_is_refused(tmp_path: Path,
                                                 library: ChecklistLibrary) -> None:
    path = tmp_path / "granska.sqlite3"
    open_database(path).close()
    with pytest.raises(PlainDatabaseError, match="okrypterad") as info:
        open_database(path, passphrase=KEY)
    assert "--unencrypted" in str(info.value)
    db = open_database(path, passphrase=KEY, unencrypted=True)
    assert not db.encrypted
    db.close()


def test_new_database_needs_a_long_passphrase(tmp_path: Path) -> None:
    path = tmp_path / "ny.sqlite3"
    with pytest.raises(WeakPassphraseError, match="minst 8"):
        open_database(path, passphrase="x")
    assert not path.exists()
    open_database(path, passphrase="åtta tkn").close()
    assert crypto.is_encrypted(path)


@pytest.mark.skipif(not hasattr(__import__("os"), "getuid"), reason="POSIX permissions")
def test_files_and_folders_are_owner_only(tmp_path: Path, library: ChecklistLibrary) -> None:
    path = tmp_path / "ny-mapp" / "granska.sqlite3"
    made = _with_backup(path, library, KEY)
    db = open_database(path, passphrase=KEY)
    with db.session() as s:
        s.add(Setting(key="probe", value="1"))
    assert _mode(path) == 0o600
    assert _mode(path.with_name(path.name + "-wal")) == 0o600
    db.close()
    assert _mode(path.parent) == 0o700
    assert _mode(made.parent) == 0o700 and _mode(made) == 0o600
    made.chmod(0o644)
    restore_backup(path, made)
    assert _mode(path) == 0o600


@pytest.mark.skipif(not hasattr(__import__("os"), "getuid"), reason="POSIX permissions")
def test_data_dir_is_owner_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from audit_app import paths

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    folder = tmp_path / "xdg" / paths.APP_NAME
    folder.mkdir(parents=True, mode=0o755)
    folder.chmod(0o755)
    assert paths.data_dir() == folder and _mode(folder) == 0o700


def test_busy_timeout_is_thirty_seconds(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        with db.engine.connect() as conn:
            assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 30000
    finally:
        db.close()


def test_passphrase_change_while_locked_is_a_clear_error(
        tmp_path: Path, library: ChecklistLibrary, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "BUSY_TIMEOUT", 0.2)
    path = tmp_path / "granska.sqlite3"
    db = open_database(path, passphrase=KEY)
    RoundService(db, library, "GL").create("Kvar", "placerade-barn", 2026, "T1")
    other = crypto.connect(path, KEY)
    other.isolation_level = None
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO setting(key, value) VALUES ('annan', 'process')")
    try:
        with pytest.raises(UserError, match="används av ett annat program"):
            db.change_passphrase("en helt ny lösenfras")
    finally:
        other.execute("ROLLBACK")
        other.close()
    with db.session() as s:  # still open under the old key
        assert s.scalar(select(Setting.key).where(Setting.key == "annan")) is None
    db.close()
    db = open_database(path, passphrase=KEY, daily_backup=False)
    try:
        assert [r.name for r in RoundService(db, library, "GL").list()] == ["Kvar"]
    finally:
        db.close()


def test_foreign_plain_file_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "granska.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE annat(x)")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError):
        open_database(path)
    assert path.read_bytes() == before
