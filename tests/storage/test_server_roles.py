"""Roles and row-level security on the real server: two login roles connected at once."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm.exc import StaleDataError

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.errors import NotFoundError, UserError
from audit_app.domain.reviews import AnswerConflictError
from audit_app.services.figure_counts import count_answers, count_live
from audit_app.services.reviews import ReviewService
from audit_app.services.rounds import RoundService
from audit_app.services.sync import SyncService
from audit_app.storage.db import Database, open_database
from audit_app.storage.models import Answer, ChangeLog
from audit_app.storage.server_roles import grant_role, grants, setup_roles
from tests.factories import round_with_sample
from tests.pg_support import role_url


@dataclass(frozen=True)
class Logins:
    """Login roles made for this module, each with its own password."""

    anna: str  # reviewer of Familjehem
    bo: str  # reviewer of Mottagning
    chef: str  # manager of every unit
    adm: str  # granska_admin, hands out roles without being a superuser
    passwords: dict[str, str]
    database: str


@pytest.fixture(scope="module")
def logins(pg_url: str, pg_admin: Engine) -> Iterator[Logins]:
    tag = uuid.uuid4().hex[:8]
    names = {k: f"granska_t{tag}_{k}" for k in ("anna", "bo", "chef", "adm")}
    passwords = {n: uuid.uuid4().hex for n in names.values()}
    with pg_admin.connect() as conn:
        for name, password in passwords.items():
            conn.execute(text(f"CREATE ROLE {name} LOGIN PASSWORD '{password}'"))
    owner = open_database(pg_url)
    with owner.engine.begin() as conn:
        setup_roles(conn)
        grant_role(conn, names["anna"], "reviewer", "Familjehem")
        grant_role(conn, names["bo"], "reviewer", "Mottagning")
        grant_role(conn, names["chef"], "manager", None)
        grant_role(conn, names["adm"], "admin", None)
    owner.close()
    yield Logins(names["anna"], names["bo"], names["chef"], names["adm"], passwords,
                 pg_url.rsplit("/", 1)[1])
    with pg_admin.connect() as conn:
        for name in passwords:
            conn.execute(text(f"DROP ROLE IF EXISTS {name}"))


def login(logins: Logins, name: str, monkeypatch: pytest.MonkeyPatch) -> Database:
    """Connect as `name`; the password only in PGPASSWORD, as a user would give it."""
    monkeypatch.setenv("PGPASSWORD", logins.passwords[name])
    return open_database(role_url(name, logins.database))


@pytest.fixture
def two_rounds(pg_db: Database, library: ChecklistLibrary) -> tuple[int, int, list[int]]:
    """Rounds of Familjehem and Mottagning, made by the owner (the policies' bypass)."""
    fam, fam_cases = round_with_sample(pg_db, library, 2, name="Familjehem T1",
                                       units=("Familjehem",))
    mot, _ = round_with_sample(pg_db, library, 2, name="Mottagning T1",
                               units=("Mottagning",))
    return fam.id, mot.id, fam_cases


def test_each_reviewer_sees_only_their_units(logins: Logins, two_rounds: tuple[int, int,
                                             list[int]], library: ChecklistLibrary,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    fam, mot, fam_cases = two_rounds
    anna = login(logins, logins.anna, monkeypatch)
    bo = login(logins, logins.bo, monkeypatch)  # both connected at the same time
    try:
        assert anna.current_role() == logins.anna and bo.current_role() == logins.bo
        assert [r.name for r in RoundService(anna, library, "GrA").list()] == ["Familjehem T1"]
        assert [r.name for r in RoundService(bo, library, "GrB").list()] == ["Mottagning T1"]
        with bo.session() as s:  # nothing of Familjehem's round reaches GrB, not even answers
            assert s.scalars(select(Answer)).all() == []
        record = ReviewService(anna, "GrA").set_answer(fam, fam_cases[0], "vardplan", "ja")
        assert record.answers["vardplan"].value == "ja"
        with pytest.raises(NotFoundError):
            ReviewService(bo, "GrB").set_answer(fam, fam_cases[0], "vardplan", "nej")
        with pytest.raises(NotFoundError):
            ReviewService(anna, "GrA").review(mot, fam_cases[0])
    finally:
        anna.close()
        bo.close()


def test_reviewer_cannot_create_rounds_manager_can(logins: Logins, pg_db: Database,
                                                   library: ChecklistLibrary,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    anna = login(logins, logins.anna, monkeypatch)
    chef = login(logins, logins.chef, monkeypatch)
    try:
        with pytest.raises(UserError, match="databasroll får inte"):
            RoundService(anna, library, "GrA").create("X T1", "placerade-barn", 2026, "T1",
                                                       "Familjehem")
        made = RoundService(chef, library, "Chef").create("Y T1", "placerade-barn", 2026,
                                                          "T1", "Mottagning")
        assert RoundService(chef, library, "Chef").lock(made.id).locked
        with pytest.raises(UserError, match="databasroll får inte"):
            with anna.session() as s:
                s.execute(text("DELETE FROM granska_grant"))
    finally:
        anna.close()
        chef.close()


def test_change_log_records_the_database_role(logins: Logins, two_rounds: tuple[int, int,
                                              list[int]], pg_db: Database,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    fam, _, fam_cases = two_rounds
    anna = login(logins, logins.anna, monkeypatch)
    try:
        # the program's user name may say anything; the server writes the role itself
        ReviewService(anna, "Någon annan").set_answer(fam, fam_cases[1], "vardplan", "nej")
        with anna.session() as s:
            s.add(ChangeLog(at=record_time(), actor="x", action="probe", entity="probe",
                            entity_id="1", round_id=fam, db_role="förfalskad"))
    finally:
        anna.close()
    with pg_db.session() as s:
        rows = s.execute(select(ChangeLog.actor, ChangeLog.db_role)
                         .where(ChangeLog.round_id == fam, ChangeLog.entity != "round")).all()
    assert {r.db_role for r in rows} == {logins.anna}
    assert "Någon annan" in {r.actor for r in rows}


def record_time() -> object:
    from datetime import datetime

    return datetime.now()


def test_grants_listed(logins: Logins, pg_db: Database) -> None:
    with pg_db.engine.connect() as conn:
        listed = dict(grants(conn))
        assert listed[logins.anna] == "Familjehem" and listed[logins.chef] is None
        with pytest.raises(UserError, match="finns inte"):
            grant_role(conn, "granska_ingen_sadan", "reviewer", None)


def test_concurrent_saves_one_wins_other_told(logins: Logins, two_rounds: tuple[int, int,
                                              list[int]], monkeypatch: pytest.MonkeyPatch
                                              ) -> None:
    """GrA and the manager both saw version v and save at once: never a silent overwrite."""
    fam, _, fam_cases = two_rounds
    anna = login(logins, logins.anna, monkeypatch)
    chef = login(logins, logins.chef, monkeypatch)
    try:
        first = ReviewService(anna, "GrA").set_answer(fam, fam_cases[0], "vardplan", "ja")
        seen = first.answers["vardplan"].version
        start = threading.Barrier(2)
        outcome: dict[str, object] = {}

        def save(db: Database, who: str, value: str | None) -> None:
            start.wait()
            try:
                ReviewService(db, who).set_answer(fam, fam_cases[0], "vardplan", value,
                                                  expected_version=seen)
                outcome[who] = "saved"
            except AnswerConflictError as exc:
                outcome[who] = exc

        threads = [threading.Thread(target=save, args=(anna, "GrA", "nej")),
                   threading.Thread(target=save, args=(chef, "Chef", None))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        saved = [who for who, result in outcome.items() if result == "saved"]
        told = [result for result in outcome.values() if isinstance(result, Exception)]
        assert len(saved) == 1 and len(told) == 1
        stored = ReviewService(anna, "GrA").review(fam, fam_cases[0]).answers["vardplan"]
        assert stored.value == {"GrA": "nej", "Chef": None}[saved[0]]
        assert "'nej'" in str(told[0]) and "(tomt)" in str(told[0])  # both values named
    finally:
        anna.close()
        chef.close()


def test_stale_row_is_refused_by_the_version(two_rounds: tuple[int, int, list[int]],
                                             pg_db: Database) -> None:
    """A transaction that read an answer before another committed cannot write over it."""
    fam, _, fam_cases = two_rounds
    ReviewService(pg_db, "A").set_answer(fam, fam_cases[0], "vardplan", "ja")
    with pytest.raises(StaleDataError):
        with pg_db.session() as slow:
            row = slow.scalars(select(Answer)).one()
            ReviewService(pg_db, "B").set_answer(fam, fam_cases[0], "vardplan", "nej")
            row.value = "delvis"
            row.version += 1
    with pg_db.session() as s:
        assert s.scalars(select(Answer.value)).one() == "nej"


def test_admin_hands_out_roles_others_see_their_own_grant(logins: Logins, pg_admin: Engine,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    newcomer = f"{logins.anna}_ny"
    with pg_admin.connect() as conn:
        conn.execute(text(f"CREATE ROLE {newcomer} LOGIN"))
    adm = login(logins, logins.adm, monkeypatch)
    chef = login(logins, logins.chef, monkeypatch)
    try:
        with adm.engine.begin() as conn:
            said = grant_role(conn, newcomer, "reviewer", "Mottagning")
        assert said == f"{newcomer} är nu granska_reviewer för enheten Mottagning."
        with chef.engine.connect() as conn:
            assert (newcomer, "Mottagning") not in grants(conn)  # only their own grant
            assert grants(conn) == [(logins.chef, None)]
    finally:
        adm.close()
        chef.close()
        with pg_admin.connect() as conn:
            conn.execute(text(f"DROP ROLE IF EXISTS {newcomer}"))


def test_reviewer_sync_pulls_only_granted_rounds_and_cannot_create_any(
        logins: Logins, two_rounds: tuple[int, int, list[int]], library: ChecklistLibrary,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    laptop = open_database(tmp_path / "laptop.sqlite3")
    round_with_sample(laptop, library, 1, name="Egen Familjehem", units=("Familjehem",))
    anna = login(logins, logins.anna, monkeypatch)
    try:
        report = SyncService(laptop, anna, "GrA").sync()
        assert [m.round_name for m in report.pulled] == ["Familjehem T1"]
        assert any("Egen Familjehem" in note and "databasroll" in note
                   for note in report.skipped)
        names = {r.name for r in RoundService(laptop, library, "GrA").list()}
        assert names == {"Egen Familjehem", "Familjehem T1"}  # never Mottagning's
    finally:
        anna.close()
        laptop.close()


def test_counts_kept_for_a_reviewer_seen_by_unit_never_written(
        logins: Logins, two_rounds: tuple[int, int, list[int]], pg_db: Database,
        monkeypatch: pytest.MonkeyPatch) -> None:
    fam, mot, fam_cases = two_rounds
    anna = login(logins, logins.anna, monkeypatch)
    try:
        service = ReviewService(anna, "GrA")
        for item in ("enskilt_samtal", "samtal_var_tredje_manad", "genomforandeplan",
                     "vardplan"):
            service.set_answer(fam, fam_cases[0], item, "nej")
        service.complete(fam, fam_cases[0])  # the trigger counts as the owner, not as GrA
        with pg_db.session() as s:
            owner_sees = list(count_answers(s, [fam, mot]))
            assert owner_sees == list(count_live(s, [fam, mot])) and len(owner_sees) == 4
        with anna.session() as s:
            assert list(count_answers(s, [fam, mot])) == owner_sees
            with pytest.raises(DBAPIError, match="permission denied"):
                s.execute(text("UPDATE answer_count SET n = n + 1"))
        with pg_db.session() as s:
            other = s.execute(text('SELECT min(id) FROM "case" WHERE round_id = :r'),
                              {"r": mot}).scalar_one()
        owner = ReviewService(pg_db, "GL")
        for item, value in (("vardplan", "ja"), ("enskilt_samtal", "ja"),
                            ("samtal_var_tredje_manad", "ja"), ("genomforandeplan", "nej")):
            owner.set_answer(mot, other, item, value)
        owner.complete(mot, other)
        with anna.session() as s:  # Mottagning's counts stay out of GrA's sight
            assert list(count_answers(s, [fam, mot])) == owner_sees
        with pg_db.session() as s:
            assert len(list(count_answers(s, [fam, mot]))) == 8
    finally:
        anna.close()
