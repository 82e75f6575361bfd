"""A first read of the rounds list over SQLCipher's DB-API, before SQLAlchemy has loaded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from audit_app.domain.rounds import Period, RoundSummary
from audit_app.storage import crypto
from audit_app.storage.key_file import may_read_quickly
from audit_app.storage.revisions import head_revision

# The same rows, order and counts as RoundService.list (a test compares the two): the
# rounds newest first, then frame size, active sample and complete reviews per round.
ROUNDS = (
    "SELECT r.id, r.uid, r.name, d.checklist_key, d.title, d.version, r.definition_id, "
    "r.year, r.period, r.unit, r.created_by, r.created_at, r.locked_at "
    "FROM audit_round r JOIN checklist_definition d ON d.id = r.definition_id "
    "ORDER BY r.year DESC, r.period DESC, r.name")
FRAME = 'SELECT round_id, count(id) FROM "case" GROUP BY round_id'
# CROSS JOIN: SQLite then takes the few samples first and reads each one's entries from the
# covering ix_sample_entry_active, instead of scanning the index and sorting (2 ms, not 7).
SAMPLED = ("SELECT s.round_id, count(e.id) FROM sample s CROSS JOIN sample_entry e "
           "ON s.id = e.sample_id WHERE e.excluded_reason IS NULL "
           "AND (e.role = 'sample' OR e.replaces_id IS NOT NULL) GROUP BY s.round_id")
REVIEWED = ("SELECT round_id, count(id) FROM review WHERE status = 'complete' "
            "GROUP BY round_id")
# an unreadable page, or a value not as the ORM writes it: the normal open reads the file
READ_ERRORS: tuple[type[BaseException], ...] = (*crypto.DB_ERRORS, ValueError, TypeError)


@dataclass(frozen=True)
class QuickRounds:
    """The rounds as read without the ORM, and the key derived for reading them."""

    raw_key: str
    rounds: list[RoundSummary]


def read_rounds(path: Path, passphrase: str) -> QuickRounds | None:
    """The rounds list of an encrypted database at the newest schema, or None.

    Derives the key once (PBKDF2, the same as SQLCipher's) and reads through a connection
    that may not write (query_only once the key is checked), temporary data in memory.
    None for anything the normal open should handle: a file that may not be read
    quickly, a key that does not fit (a wrong passphrase, or a damaged file), a file that
    is not a Granska database or not at the newest schema revision, or any read error.
    """
    if not passphrase or not may_read_quickly(path):
        return None
    raw_key = crypto.derive_raw_key(path, passphrase)
    return None if raw_key is None else read_rounds_with_key(path, raw_key)


def read_rounds_with_key(path: Path, raw_key: str) -> QuickRounds | None:
    """`read_rounds` with the key already derived (`key_file.derive_raw_key`)."""
    try:
        con = crypto.connect(path, None, raw_key=raw_key)
    except crypto.DB_ERRORS:
        return None
    try:
        if not crypto.key_fits(con):
            return None
        con.execute("PRAGMA query_only = ON")
        con.execute("PRAGMA temp_store = MEMORY")  # sorts never go to a plain temp file
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            return None
        revision = con.execute("SELECT version_num FROM alembic_version").fetchall()
        if [r[0] for r in revision] != [head_revision()]:
            return None
        rows = con.execute(ROUNDS).fetchall()
        counts = [dict(con.execute(query).fetchall()) for query in (FRAME, SAMPLED, REVIEWED)]
        return QuickRounds(raw_key, [_summary(row, *counts) for row in rows])
    except READ_ERRORS:
        return None  # an unexpected value: the normal open reads it (and says what is wrong)
    finally:
        con.close()
        for side in ("-wal", "-shm"):  # if this read made them: owner-only, as the open does
            crypto.make_private(path.with_name(path.name + side))


def _summary(row: Any, frame: dict[int, int], sampled: dict[int, int],
             reviewed: dict[int, int]) -> RoundSummary:
    (round_id, uid, name, checklist_id, title, version, definition_id, year, period, unit,
     created_by, created_at, locked_at) = row
    return RoundSummary(
        id=round_id, uid=uid, name=name, checklist_id=checklist_id, checklist_title=title,
        checklist_version=version, definition_id=definition_id, year=int(year),
        period=Period(period), unit=unit, created_by=created_by,
        created_at=datetime.fromisoformat(created_at), locked=locked_at is not None,
        frame_size=frame.get(round_id, 0), sampled=sampled.get(round_id, 0),
        reviewed=reviewed.get(round_id, 0))
