"""Encrypted database files: unreadable without the key, no plain text, rekey, backups."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.reviews import ReviewService
from audit_app.storage.backup import daily_backup, list_backups
from audit_app.storage.db import (
    DatabaseError,
    WrongPassphraseError,
    backup_copy,
    is_encrypted,
    open_database,
)
from audit_app.storage.models import Answer
from tests.factories import round_with_sample

KEY = "hemlig fras med 'citat\" och ; tecken"
SECRET_COMMENT = "Uppföljning saknas trots påminnelse xyzzy"


def _filled(path: Path, library: ChecklistLibrary) -> None:
    db = open_database(path, passphrase=KEY)
    rnd, cases = round_with_sample(db, library, 2)
    service = ReviewService(db, "GL")
    service.set_answer(rnd.id, cases[0], "enskilt_samtal", "ja")
    service.set_comment(rnd.id, cases[0], "enskilt_samtal", SECRET_COMMENT)
    # leave the -wal file in place: close only the pool, no checkpoint by hand
    db.close()


def _no_plain_text(path: Path) -> None:
    for candidate in (path, path.with_name(path.name + "-wal")):
        if candidate.exists():
            data = candidate.read_bytes()
            assert b"2026-0001" not in data
            assert b"xyzzy" not in data
            assert b"enskilt_samtal" not in data
            assert not data.startswith(b"SQLite format 3")


def test_encrypted_file_unreadable_without_key(tmp_path: Path,
                                               library: ChecklistLibrary) -> None:
    path = tmp_path / "granska.sqlite3"
    _filled(path, library)
    assert is_encrypted(path)
    _no_plain_text(path)
    con = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError):
        con.execute("SELECT * FROM sqlite_master").fetchall()
    con.close()
    with pytest.raises(WrongPassphraseError, match="Fel lösenfras"):
        open_database(path, passphrase="fel fras!")
    with pytest.raises(WrongPassphraseError, match="krypterad"):
        open_database(path)
    db = open_database(path, passphrase=KEY)
    try:
        with db.session() as s:
            row = s.scalar(select(Answer).where(Answer.item_id == "enskilt_samtal"))
            assert row is not None and row.comment == SECRET_COMMENT
        assert db.encrypted
    finally:
        db.close()


def test_backups_stay_encrypted(tmp_path: Path, library: ChecklistLibrary) -> None:
    path = tmp_path / "granska.sqlite3"
    _filled(path, library)
    copy = backup_copy(path, "manuell", KEY)
    made = daily_backup(path, KEY)
    assert made is not None and made.parent.name == "backups"
    for target in (copy, made):
        _no_plain_text(target)
        db = open_database(target, passphrase=KEY, daily_backup=False)
        try:
            with db.session() as s:
                assert s.scalar(select(Answer.comment).where(Answer.comment != "")) \
                    == SECRET_COMMENT
        finally:
            db.close()
        with pytest.raises(WrongPassphraseError):
            open_database(target, passphrase="annan fras", daily_backup=False)


def test_change_passphrase(tmp_path: Path, library: ChecklistLibrary) -> None:
    path = tmp_path / "granska.sqlite3"
    _filled(path, library)
    db = open_database(path, passphrase=KEY)
    db.change_passphrase("ny lösenfras 2026")
    with db.session() as s:  # the open database keeps working under the new key
        assert s.scalar(select(Answer.value).where(Answer.item_id == "enskilt_samtal")) == "ja"
    db.close()
    with pytest.raises(WrongPassphraseError):
        open_database(path, passphrase=KEY)
    open_database(path, passphrase="ny lösenfras 2026").close()
    _no_plain_text(path)


def test_daily_backup_rotates(tmp_path: Path, library: ChecklistLibrary) -> None:
    from datetime import date, timedelta

    path = tmp_path / "granska.sqlite3"
    _filled(path, library)
    start = date(2026, 3, 1)
    for day in range(10):
        daily_backup(path, KEY, today=start + timedelta(days=day))
    assert daily_backup(path, KEY, today=start + timedelta(days=9)) is None  # once a day
    names = sorted(p.name for p in (tmp_path / "backups").iterdir())
    assert len(names) == 7 and names[-1] == "granska.daily-20260310.sqlite3"
    assert names[0] == "granska.daily-20260304.sqlite3"
    assert len(list_backups(path)) == 7


def test_truncated_file_names_backups(tmp_path: Path, library: ChecklistLibrary) -> None:
    path = tmp_path / "granska.sqlite3"
    db = open_database(path)
    round_with_sample(db, library, 2)
    db.close()
    daily_backup(path, None)
    data = path.read_bytes()
    path.with_name(path.name + "-wal").unlink(missing_ok=True)
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(DatabaseError, match="granska.daily-") as info:
        open_database(path)
    assert "går inte att läsa" in str(info.value)
