"""Taking roles back, and what each role may do, logged in as the roles on the real server."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.errors import NotFoundError, UserError
from audit_app.domain.personnummer import PersonnummerError
from audit_app.services.plan import PlanService
from audit_app.services.reviews import ReviewService
from audit_app.services.rounds import RoundService
from audit_app.storage.db import Database, open_database
from audit_app.storage.models import ChangeLog
from audit_app.storage.server import ServerDatabase
from audit_app.storage.server_roles import grant_role, held_roles, revoke_role, setup_roles
from tests.factories import round_with_sample
from tests.pg_support import role_url
from tests.plan_data import MINIMAL
from tests.services.test_personnummer_routes import invented_pnr


@dataclass(frozen=True)
class Logins:
    """Login roles made for one test, each with its own password."""

    names: dict[str, str]  # short name -> login role
    passwords: dict[str, str]
    database: str

    def open(self, who: str, monkeypatch: pytest.MonkeyPatch) -> ServerDatabase:
        """Connect as `who`; the password only in PGPASSWORD, as a user would give it."""
        name = self.names[who]
        monkeypatch.setenv("PGPASSWORD", self.passwords[name])
        db = open_database(role_url(name, self.database))
        assert isinstance(db, ServerDatabase)
        return db


@pytest.fixture
def logins(pg_url: str, pg_db: Database, pg_admin: Engine) -> Iterator[Logins]:
    """ida: reviewer of Familjehem and Mottagning; rev: reviewer, all units; chef: manager;
    adm: granska_admin (no superuser)."""
    tag = uuid.uuid4().hex[:8]
    names = {k: f"granska_p{tag}_{k}" for k in ("ida", "rev", "chef", "adm")}
    passwords = {n: uuid.uuid4().hex for n in names.values()}
    with pg_admin.connect() as conn:
        for name, password in passwords.items():
            conn.execute(text(f"CREATE ROLE {name} LOGIN PASSWORD '{password}'"))
    with pg_db.engine.begin() as conn:
        setup_roles(conn)
        grant_role(conn, names["ida"], "reviewer", "Familjehem")
        grant_role(conn, names["ida"], "reviewer", "Mottagning")
        grant_role(conn, names["rev"], "reviewer", None)
        grant_role(conn, names["chef"], "manager", None)
        grant_role(conn, names["adm"], "admin", None)
    yield Logins(names, passwords, pg_url.rsplit("/", 1)[1])
    with pg_admin.connect() as conn:
        for name in passwords:
            conn.execute(text(f"DROP ROLE IF EXISTS {name}"))


@pytest.fixture
def two_rounds(pg_db: Database, library: ChecklistLibrary) -> tuple[int, int, list[int]]:
    fam, fam_cases = round_with_sample(pg_db, library, 2, name="Familjehem T1",
                                       units=("Familjehem",))
    mot, _ = round_with_sample(pg_db, library, 2, name="Mottagning T1",
                               units=("Mottagning",))
    return fam.id, mot.id, fam_cases


def test_revoked_unit_is_no_longer_seen(logins: Logins, two_rounds: tuple[int, int, list[int]],
                                        library: ChecklistLibrary, pg_db: Database,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    fam, _, fam_cases = two_rounds
    ida = logins.open("ida", monkeypatch)
    adm = logins.open("adm", monkeypatch)  # both connected while the grant is taken back
    try:
        rounds = RoundService(ida, library, "Granskare GI")
        assert {r.name for r in rounds.list()} == {"Familjehem T1", "Mottagning T1"}
        ReviewService(ida, "Granskare GI").set_answer(fam, fam_cases[0], "vardplan", "ja")
        with adm.transaction() as conn:
            said = revoke_role(conn, logins.names["ida"], None, "Familjehem",
                               actor="Admin GA")
        assert said == f"{logins.names['ida']} ser inte längre enheten Familjehem."
        assert [r.name for r in rounds.list()] == ["Mottagning T1"]
        with pytest.raises(NotFoundError):  # row-level security: the round is gone for ida
            ReviewService(ida, "Granskare GI").set_answer(fam, fam_cases[0], "vardplan",
                                                          "nej")
    finally:
        ida.close()
        adm.close()
    with pg_db.session() as s:
        logged = s.execute(select(ChangeLog.actor, ChangeLog.db_role, ChangeLog.old)
                           .where(ChangeLog.action == "revoke")).all()
    assert [tuple(r) for r in logged] == [("Admin GA", logins.names["adm"], "Familjehem")]


def test_revoked_role_can_no_longer_write(logins: Logins,
                                          two_rounds: tuple[int, int, list[int]],
                                          pg_db: Database,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    fam, _, fam_cases = two_rounds
    rev = logins.open("rev", monkeypatch)
    adm = logins.open("adm", monkeypatch)
    try:
        reviews = ReviewService(rev, "Granskare GR")
        reviews.set_answer(fam, fam_cases[0], "vardplan", "ja")
        with adm.transaction() as conn:
            said = revoke_role(conn, logins.names["rev"], "reviewer", None, actor="Admin GA")
            assert held_roles(conn, logins.names["rev"]) == []
        assert said == f"{logins.names['rev']} är inte längre granska_reviewer."
        with pytest.raises(UserError, match="ingen Granska-roll"):
            reviews.set_answer(fam, fam_cases[0], "vardplan", "nej")
    finally:
        rev.close()
        adm.close()
    with pg_db.session() as s:  # the answer stands; the grant rows went with the role
        assert s.scalar(text("SELECT value FROM answer")) == "ja"
        assert s.scalar(text("SELECT count(*) FROM granska_grant WHERE role_name = :r"),
                        {"r": logins.names["rev"]}) == 0
        logged = s.execute(select(ChangeLog.db_role, ChangeLog.old)
                           .where(ChangeLog.action == "revoke")).one()
    assert tuple(logged) == (logins.names["adm"], "granska_reviewer")


def test_revoke_says_what_is_not_there(logins: Logins, pg_db: Database) -> None:
    ida, rev = logins.names["ida"], logins.names["rev"]
    with pg_db.engine.begin() as conn:
        with pytest.raises(UserError, match="'granska_ingen_sadan' finns inte"):
            revoke_role(conn, "granska_ingen_sadan", None, None)
        with pytest.raises(UserError, match="ingen behörighet till enheten Utredning "
                                            r"\(har: Familjehem, Mottagning\)"):
            revoke_role(conn, ida, None, "Utredning")
        with pytest.raises(UserError, match=r"har inte rollen granska_manager "
                                            r"\(har: granska_reviewer\)"):
            revoke_role(conn, ida, "manager", None)
        with pytest.raises(UserError, match="ingen behörighet till enheten Familjehem "
                                            r"\(har: alla enheter\)"):
            revoke_role(conn, rev, None, "Familjehem")
        assert revoke_role(conn, rev, None, None) == f"{rev} är inte längre granska_reviewer."
        with pytest.raises(UserError, match="ingen Granska-roll att ta tillbaka"):
            revoke_role(conn, rev, None, None)


def test_reviewer_refused_rounds_locks_and_plans_in_words(
        logins: Logins, two_rounds: tuple[int, int, list[int]], library: ChecklistLibrary,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fam, _, _ = two_rounds
    plan = tmp_path / "plan.yaml"
    plan.write_text(MINIMAL, encoding="utf-8")
    ida = logins.open("ida", monkeypatch)
    chef = logins.open("chef", monkeypatch)
    adm = logins.open("adm", monkeypatch)
    try:
        as_ida = RoundService(ida, library, "Granskare GI")
        with pytest.raises(UserError, match="får inte skapa, låsa eller ändra omgångar.*"
                                            "granska_manager") as made:
            as_ida.create("X T1", "placerade-barn", 2026, "T1", "Familjehem")
        with pytest.raises(UserError, match="får inte skapa, låsa") as locked:
            as_ida.lock(fam)
        with pytest.raises(UserError, match="får inte ändra planen.*granska_admin") as planned:
            PlanService(ida, library, "Granskare GI").import_file(plan)
        for caught in (made, locked, planned):  # words, not the driver's text
            assert "psycopg" not in str(caught.value) and "permission" not in str(caught.value)
        with pytest.raises(UserError, match="får inte ändra planen"):
            PlanService(chef, library, "Chef GC").import_file(plan)
        assert RoundService(chef, library, "Chef GC").lock(fam).locked
        _, changes = PlanService(adm, library, "Admin GA").import_file(plan)
        assert changes == 1
        assert [p for p in PlanService(chef, library, "Chef GC").plans()] == [
            ("Familjehemsenheten", 2024)]
    finally:
        for db in (ida, chef, adm):
            db.close()


def test_change_log_carries_each_login_role(logins: Logins,
                                            two_rounds: tuple[int, int, list[int]],
                                            library: ChecklistLibrary, pg_db: Database,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Two roles connected at once: each row names the role that wrote it."""
    fam, mot, fam_cases = two_rounds
    ida = logins.open("ida", monkeypatch)
    chef = logins.open("chef", monkeypatch)
    try:
        ReviewService(ida, "Granskare GI").set_answer(fam, fam_cases[0], "vardplan", "ja")
        RoundService(chef, library, "Chef GC").lock(mot)
        ReviewService(ida, "Granskare GI").set_answer(fam, fam_cases[1], "vardplan", "nej")
    finally:
        ida.close()
        chef.close()
    with pg_db.session() as s:
        rows = s.execute(select(ChangeLog.actor, ChangeLog.action, ChangeLog.db_role)
                         .where(ChangeLog.actor.in_(("Granskare GI", "Chef GC")))).all()
    by_role = {(r.actor, r.action): r.db_role for r in rows}
    assert by_role[("Granskare GI", "create")] == logins.names["ida"]
    assert by_role[("Chef GC", "lock")] == logins.names["chef"]
    assert {r.db_role for r in rows} == {logins.names["ida"], logins.names["chef"]}


def test_cli_says_the_refusal_in_words(logins: Logins, two_rounds: tuple[int, int, list[int]],
                                       capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.cli.test_cli import run

    monkeypatch.setenv("PGPASSWORD", logins.passwords[logins.names["ida"]])
    address = role_url(logins.names["ida"], logins.database)
    code, _, err = run(capsys, "--db", address, "round", "lock", "Familjehem T1")
    assert code == 1
    assert err.startswith("Fel: Din databasroll får inte skapa, låsa eller ändra omgångar")
    assert "Traceback" not in err and "psycopg" not in err
    code, _, err = run(capsys, "--lang", "en", "--db", address, "server", "revoke",
                       logins.names["rev"])
    assert code == 1
    assert err.startswith("Error: Your database role may not change the plan or the roles")


def test_a_grant_never_stores_a_personnummer(logins: Logins, pg_db: Database) -> None:
    ida = logins.names["ida"]
    with pg_db.engine.begin() as conn:
        with pytest.raises(PersonnummerError):
            grant_role(conn, ida, "reviewer", f"Enhet {invented_pnr()}")
    with pg_db.engine.connect() as conn:
        units = conn.execute(text("SELECT unit FROM granska_grant WHERE role_name = :r"),
                             {"r": ida}).scalars().all()
    assert sorted(units) == ["Familjehem", "Mottagning"]
