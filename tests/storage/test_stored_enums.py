"""Status, role, gender and period are stored through enum types as the same plain text."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select
from sqlalchemy.exc import StatementError

from audit_app.domain.gender import Gender
from audit_app.domain.reviews import ReviewStatus
from audit_app.domain.rounds import Period
from audit_app.domain.sampling import SampleRole
from audit_app.storage.db import open_database
from audit_app.storage.models import AuditRound, Base, Case, Review, SampleEntry

NOW = "2026-03-05 10:00:00.000000"


def write_plain_rows(path: Path) -> None:
    """Rows as a file written before the enum types: plain strings put in by SQL."""
    con = sqlite3.connect(path)
    with con:
        con.execute("INSERT INTO checklist_definition VALUES (1, 'k', '1', 'K', ?, 'src', ?)",
                    ("0" * 64, NOW))
        con.execute("INSERT INTO audit_round (id, uid, name, definition_id, year, period, unit,"
                    " created_by, created_at) VALUES (1, 'u1', 'R', 1, 2026, 'T2', '', 'GL', ?)",
                    (NOW,))
        con.execute("INSERT INTO \"case\" (id, round_id, case_ref, unit, team, case_type, gender,"
                    " age_band) VALUES (1, 1, '2026-0001', '', '', '', 'pojke', '')")
        con.execute("INSERT INTO sample (id, round_id, method, seed, size, population, "
                    "frame_sha256, source_files, parameters, created_by, created_at) "
                    "VALUES (1, 1, 'm', 's', 1, 1, ?, '', '{}', 'GL', ?)", ("0" * 64, NOW))
        con.execute("INSERT INTO sample_entry (id, sample_id, case_id, position, stratum, "
                    "rank_key, role) VALUES (1, 1, 1, 1, '', 'r', 'reserve')")
        con.execute("INSERT INTO review (id, uid, round_id, case_id, definition_id, reviewer, "
                    "status, created_at, updated_at) VALUES (1, 'v1', 1, 1, 1, 'GL', "
                    "'complete', ?, ?)", (NOW, NOW))
    con.close()


def test_a_file_written_with_plain_strings_reads_as_enums(db_path: Path) -> None:
    open_database(db_path).close()
    write_plain_rows(db_path)
    db = open_database(db_path)
    try:
        with db.session() as s:
            rnd = s.scalars(select(AuditRound)).one()
            case = s.scalars(select(Case)).one()
            review = s.scalars(select(Review)).one()
            entry = s.scalars(select(SampleEntry)).one()
            assert rnd.period is Period.T2
            assert case.gender is Gender.BOY
            assert review.status is ReviewStatus.COMPLETE
            assert entry.role is SampleRole.RESERVE
            # compared as before, and written back as the same text
            assert s.scalar(select(Review.id).where(Review.status == "complete")) == 1
            case.gender = Gender.GIRL
            review.status = ReviewStatus.DRAFT
        with db.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    finally:
        db.close()
    con = sqlite3.connect(db_path)
    assert con.execute("SELECT gender FROM \"case\"").fetchone() == ("flicka",)
    assert con.execute("SELECT status FROM review").fetchone() == ("draft",)
    con.close()


def test_a_value_outside_the_enum_is_refused(db_path: Path) -> None:
    open_database(db_path).close()
    write_plain_rows(db_path)
    db = open_database(db_path)
    try:
        with pytest.raises(StatementError, match="not a Gender"), db.session() as s:
            s.scalars(select(Case)).one().gender = "drake"  # type: ignore[assignment]
            s.flush()
    finally:
        db.close()
