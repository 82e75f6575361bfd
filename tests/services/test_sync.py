"""A laptop synced with the server: rounds pushed and pulled, conflicts listed before writing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.reviews import ReviewService
from audit_app.services.rounds import RoundService
from audit_app.services.sync import (
    LAPTOP,
    SERVER,
    SyncConflictsError,
    SyncService,
    sync_key,
)
from audit_app.storage.db import Database, open_database
from audit_app.storage.models import Answer, AuditRound
from tests.cli.test_cli import run
from tests.factories import round_with_sample


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "laptop.sqlite3")
    yield db
    db.close()


def values(db: Database, round_name: str) -> dict[tuple[str, str], str | None]:
    rounds = RoundService(db, ChecklistLibrary([]), "x")
    rid = rounds.get(round_name).id
    service = ReviewService(db, "x")
    return {(row.case_ref, item): answer.value for row in service.case_rows(rid)
            for item, answer in service.review(rid, row.case_id).answers.items()}


def test_week_offline_then_sync_nothing_lost(laptop: Database, pg_db: Database,
                                            library: ChecklistLibrary) -> None:
    # on the server: a round the department works on; the laptop pulls it first
    shared, shared_cases = round_with_sample(pg_db, library, 3, name="Delad T1")
    SyncService(laptop, pg_db, "Mentor").sync()
    assert values(laptop, "Delad T1") == {}
    # a week offline: the mentor answers case 1 and makes a round of their own
    local_id = RoundService(laptop, library, "Mentor").get("Delad T1").id
    local_cases = [r.case_id for r in ReviewService(laptop, "M").case_rows(local_id)]
    ReviewService(laptop, "Mentor").set_answer(local_id, local_cases[0], "vardplan", "ja")
    own, own_cases = round_with_sample(laptop, library, 2, name="Egen T1")
    ReviewService(laptop, "Mentor").set_answer(own.id, own_cases[0], "vardplan", "nej")
    # ... while a colleague answers case 2 on the server
    ReviewService(pg_db, "Kollega").set_answer(shared.id, shared_cases[1], "vardplan", "nej")
    report = SyncService(laptop, pg_db, "Mentor").sync()
    assert not report.conflicts and not report.skipped
    expected = {("2026-0001", "vardplan"): "ja", ("2026-0002", "vardplan"): "nej"}
    assert values(pg_db, "Delad T1") == expected == values(laptop, "Delad T1")
    assert values(pg_db, "Egen T1") == {("2026-0001", "vardplan"): "nej"}
    # the next sync only carries the first one's own log rows across; then all is quiet
    again = SyncService(laptop, pg_db, "Mentor").sync()
    assert {k for m in again.pushed + again.pulled for k, v in m.added.items() if v} \
        <= {"change_log"}
    again = SyncService(laptop, pg_db, "Mentor").sync()
    assert [dict(m.added) for m in again.pushed + again.pulled if m.changed] == []


def test_conflicts_listed_before_anything_is_written(laptop: Database, pg_db: Database,
                                                     library: ChecklistLibrary) -> None:
    shared, cases = round_with_sample(pg_db, library, 1, name="Delad T1")
    ReviewService(pg_db, "Kollega").set_answer(shared.id, cases[0], "vardplan", "nej")
    SyncService(laptop, pg_db, "Mentor").sync()
    local_id = RoundService(laptop, library, "M").get("Delad T1").id
    ReviewService(laptop, "Mentor").set_answer(local_id, cases[0], "vardplan", "ja")
    ReviewService(laptop, "Mentor").set_answer(local_id, cases[0], "enskilt_samtal", "ja")
    with pytest.raises(SyncConflictsError) as caught:
        SyncService(laptop, pg_db, "Mentor").sync()
    message = str(caught.value)
    assert "2026-0001" in message and "'nej'" in message and "'ja'" in message
    assert len(caught.value.conflicts) == 1  # listed once, not once per direction
    # nothing written: not even the answer that did not conflict
    assert values(pg_db, "Delad T1") == {("2026-0001", "vardplan"): "nej"}
    assert values(laptop, "Delad T1")[("2026-0001", "vardplan")] == "ja"
    SyncService(laptop, pg_db, "Mentor").sync(keep=SERVER)
    assert values(laptop, "Delad T1") == values(pg_db, "Delad T1") == {
        ("2026-0001", "vardplan"): "nej", ("2026-0001", "enskilt_samtal"): "ja"}
    ReviewService(laptop, "Mentor").set_answer(local_id, cases[0], "vardplan", "ja")
    SyncService(laptop, pg_db, "Mentor").sync(keep=LAPTOP)
    assert values(pg_db, "Delad T1")[("2026-0001", "vardplan")] == "ja"


def test_a_side_chosen_per_difference(laptop: Database, pg_db: Database,
                                      library: ChecklistLibrary) -> None:
    shared, cases = round_with_sample(pg_db, library, 1, name="Delad T1")
    SyncService(laptop, pg_db, "Mentor").sync()
    local_id = RoundService(laptop, library, "M").get("Delad T1").id
    for db, rid, first, second in ((laptop, local_id, "ja", "nej"),
                                   (pg_db, shared.id, "nej", "ja")):
        ReviewService(db, "GL").set_answer(rid, cases[0], "vardplan", first)
        ReviewService(db, "GL").set_answer(rid, cases[0], "enskilt_samtal", second)
    with pytest.raises(SyncConflictsError) as caught:
        SyncService(laptop, pg_db, "Mentor").sync(dry_run=True)
    keys = [sync_key(name, c) for _, name, c in caught.value.conflicts]
    assert sorted(k[2] for k in keys) == ["enskilt_samtal", "vardplan"]
    vardplan = next(k for k in keys if k[2] == "vardplan")
    samtal = next(k for k in keys if k[2] == "enskilt_samtal")
    with pytest.raises(SyncConflictsError) as undecided:  # one left open: nothing written
        SyncService(laptop, pg_db, "Mentor").sync({vardplan: SERVER})
    assert [c.item_id for _, _, c in undecided.value.conflicts] == ["enskilt_samtal"]
    assert values(laptop, "Delad T1")[("2026-0001", "vardplan")] == "ja"
    SyncService(laptop, pg_db, "Mentor").sync({vardplan: SERVER, samtal: LAPTOP})
    expected = {("2026-0001", "vardplan"): "nej", ("2026-0001", "enskilt_samtal"): "nej"}
    assert values(laptop, "Delad T1") == values(pg_db, "Delad T1") == expected


def test_locked_round_on_the_server_is_not_changed(laptop: Database, pg_db: Database,
                                                   library: ChecklistLibrary) -> None:
    shared, cases = round_with_sample(pg_db, library, 1, name="Delad T1")
    SyncService(laptop, pg_db, "Mentor").sync()
    RoundService(pg_db, library, "Chef").lock(shared.id)
    local_id = RoundService(laptop, library, "M").get("Delad T1").id
    ReviewService(laptop, "Mentor").set_answer(local_id, cases[0], "vardplan", "ja")
    report = SyncService(laptop, pg_db, "Mentor").sync()
    assert any("Delad T1" in note and "låst" in note for note in report.skipped)
    with pg_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Answer)) == 0
        assert s.scalar(select(AuditRound.locked_by)) == "Chef"


def test_sync_command(laptop: Database, pg_db: Database, pg_url: str,
                      library: ChecklistLibrary, capsys: pytest.CaptureFixture[str]) -> None:
    round_with_sample(pg_db, library, 1, name="Delad T1")
    path = str(laptop.path)
    laptop.close()
    code, out, err = run(capsys, "--db", path, "sync", "--server", pg_url, "--dry-run")
    assert code == 0, err
    assert "Skulle synkroniseras från servern: Delad T1 (ny omgång)" in out
    code, out, err = run(capsys, "--db", path, "sync", "--server", pg_url)
    assert code == 0, err
    assert "Synkroniserat från servern: Delad T1 (ny omgång)" in out
    code, _, err = run(capsys, "--db", pg_url, "sync", "--server", pg_url)
    assert code == 1 and "databasfil" in err
