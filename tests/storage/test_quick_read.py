"""The first quick read of the rounds: the same list as the ORM's, or None for the normal open."""

from __future__ import annotations

import uuid
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.reviews import ReviewStatus
from audit_app.services.rounds import RoundService
from audit_app.storage import crypto
from audit_app.storage.db import Database, open_database
from audit_app.storage.models import Review, SampleEntry
from audit_app.storage.quick_read import REVIEWED, SAMPLED, may_read_quickly, read_rounds
from tests.factories import round_with_sample

PHRASE = "rätt lösenfras"


def make_rounds(db: Database, library: ChecklistLibrary) -> None:
    """Rounds of two years and periods: one locked, one with complete reviews and an
    excluded case replaced from the reserve, one without cases."""
    first, ids = round_with_sample(db, library, 4, name="Placerade T1 2026", reserve=2)
    round_with_sample(db, library, 3, name="Placerade T2 2026", period="T2")
    round_with_sample(db, library, 2, name="Äldre T3 2025", year=2025, period="T3")
    rounds = RoundService(db, library, "GL")
    rounds.create("Tom omgång", "placerade-barn", 2026, "T3")
    rounds.lock("Placerade T2 2026")
    with db.session() as s:
        entries = s.scalars(select(SampleEntry).order_by(SampleEntry.position)).all()
        entries[0].excluded_reason = "Fel ärende"
        reserve = next(e for e in entries if e.role == "reserve")
        reserve.replaces_id = entries[0].id
        for case_id, status in zip(ids[1:], (ReviewStatus.COMPLETE, ReviewStatus.DRAFT),
                                   strict=False):
            now = datetime(2026, 3, 1, 10, 0, 0, 123456)
            s.add(Review(uid=str(uuid.uuid4()), round_id=first.id, case_id=case_id,
                         definition_id=first.definition_id, reviewer="Granskare GL",
                         status=status, created_at=now, updated_at=now))


def test_the_quick_list_is_the_services_list(tmp_path: Path,
                                             library: ChecklistLibrary) -> None:
    path = tmp_path / "k.sqlite3"
    db = open_database(path, passphrase=PHRASE, daily_backup=False)
    try:
        make_rounds(db, library)
        expected = RoundService(db, library, "GL").list()
    finally:
        db.close()
    quick = read_rounds(path, PHRASE)
    assert quick is not None
    assert quick.rounds == expected
    assert [r.name for r in quick.rounds] == ["Tom omgång", "Placerade T2 2026",
                                              "Placerade T1 2026", "Äldre T3 2025"]
    assert [r.locked for r in quick.rounds] == [False, True, False, False]
    first = quick.rounds[2]
    assert (first.frame_size, first.sampled, first.reviewed) == (6, 4, 1)
    assert quick.raw_key == crypto.derive_raw_key(path, PHRASE)
    # the key derived for the list opens the database (it is not derived again)
    db = open_database(path, passphrase=PHRASE, daily_backup=False, raw_key=quick.raw_key)
    try:
        assert db._key.derived and RoundService(db, library, "GL").list() == expected
    finally:
        db.close()


def test_a_wrong_passphrase_reads_nothing(tmp_path: Path, library: ChecklistLibrary) -> None:
    path = tmp_path / "k.sqlite3"
    db = open_database(path, passphrase=PHRASE, daily_backup=False)
    round_with_sample(db, library, 2)
    db.close()
    assert read_rounds(path, "fel lösenfras") is None
    assert read_rounds(path, "") is None


def test_an_old_schema_revision_takes_the_normal_open(tmp_path: Path,
                                                      library: ChecklistLibrary) -> None:
    path = tmp_path / "k.sqlite3"
    db = open_database(path, passphrase=PHRASE, daily_backup=False, target="0005")
    db.close()
    assert may_read_quickly(path) and read_rounds(path, PHRASE) is None


def test_an_unknown_revision_takes_the_normal_open(tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite3"
    db = open_database(path, passphrase=PHRASE, daily_backup=False)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    db.close()
    assert read_rounds(path, PHRASE) is None


def test_only_whole_encrypted_files_are_read_quickly(tmp_path: Path) -> None:
    missing = tmp_path / "saknas.sqlite3"
    empty = tmp_path / "tom.sqlite3"
    empty.write_bytes(b"")
    plain = tmp_path / "okrypterad.sqlite3"
    open_database(plain, daily_backup=False).close()
    encrypted = tmp_path / "krypterad.sqlite3"
    open_database(encrypted, passphrase=PHRASE, daily_backup=False).close()
    truncated = tmp_path / "avkortad.sqlite3"
    truncated.write_bytes(encrypted.read_bytes()[:3000])
    assert [may_read_quickly(p) for p in (missing, empty, plain, truncated, encrypted)] == [
        False, False, False, False, True]
    assert read_rounds(truncated, PHRASE) is None and read_rounds(plain, PHRASE) is None


def test_the_counts_read_index_pages_only(tmp_path: Path, library: ChecklistLibrary) -> None:
    """Migration 0010's covering indexes: the overview's counts never read the review or
    sample entry rows themselves (each of their pages would be decrypted)."""
    path = tmp_path / "k.sqlite3"
    db = open_database(path, passphrase=PHRASE, daily_backup=False)
    try:
        make_rounds(db, library)
    finally:
        db.close()
    con = crypto.connect(path, PHRASE)
    try:
        plans = {name: " | ".join(row[3] for row in con.execute("EXPLAIN QUERY PLAN " + sql))
                 for name, sql in (("sampled", SAMPLED), ("reviewed", REVIEWED))}
    finally:
        con.close()
    assert "COVERING INDEX ix_sample_entry_active" in plans["sampled"]
    assert "TEMP B-TREE" not in plans["sampled"]  # the samples first, no sort of the entries
    assert "COVERING INDEX ix_review_round_status" in plans["reviewed"]
