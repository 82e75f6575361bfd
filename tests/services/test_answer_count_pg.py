"""PostgreSQL's answer_count (migration 0009): after any mix of writes its counts equal a
fresh GROUP BY of the answers, and the figures equal SQLite's on the same data."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.errors import UserError
from audit_app.services.answer_import import AnswerImportService
from audit_app.services.chosen import ChosenCaseService
from audit_app.services.exchange import ExchangeService
from audit_app.services.figure_counts import CountRow, count_answers, count_live
from audit_app.services.figures import FigureService
from audit_app.services.reviews import ReviewService
from audit_app.services.sampling import SamplingService
from audit_app.storage.db import MIGRATIONS_DIR, Database, open_database
from tests.factories import round_with_sample
from tests.pg_support import empty_tables

ITEMS = {"enskilt_samtal": ("ja", "nej", "ej_aktuellt"),
         "samtal_var_tredje_manad": ("ja", "nej", "ej_aktuellt"),
         "viewpoint": ("ja", "nej", "ej_aktuellt"), "genomforandeplan": ("ja", "nej"),
         "genomforandeplan_anvands": ("ja", "nej"), "vardplan": ("ja", "nej")}
UNITS = ("Familjehem", "HVB", "Stödboende")
PHRASE = "en lösenfras för test"
Op = Callable[[Database], object]


def kept_and_live(db: Database, rounds: list[int],
                  ) -> tuple[list[list[CountRow]], list[list[CountRow]]]:
    with db.session() as s:
        kept = [list(count_answers(s, rounds, chosen=c)) for c in (False, True)]
        live = [list(count_live(s, rounds, chosen=c)) for c in (False, True)]
    return kept, live


def assert_exact(db: Database, rounds: list[int]) -> None:
    kept, live = kept_and_live(db, rounds)
    assert kept == live
    with db.engine.connect() as conn:  # no count below zero, ever
        assert conn.execute(text("SELECT count(*) FROM answer_count WHERE n < 0")).scalar() == 0


def _sql(statement: str, **params: object) -> Op:
    def run(db: Database) -> None:
        with db.session() as s:
            s.execute(text(statement), params)
    return run


def _random_op(rnd: random.Random, kind: int, round_id: int, cases: list[int],
               path: Path) -> list[Op]:
    """A random write of one kind a database sees (the same runs on both engines)."""
    case = rnd.choice(cases)
    if kind <= 3:
        item = rnd.choice(list(ITEMS))
        value = rnd.choice((*ITEMS[item], None))
        return [lambda db: ReviewService(db, "Granskare GL").set_answer(
            round_id, case, item, value)]
    if kind == 4:
        return [lambda db: ReviewService(db, "Granskare GL").complete(round_id, case)]
    if kind == 5:
        return [lambda db: ReviewService(db, "Granskare GL").reopen(round_id, case, "Rättning")]
    if kind == 6:  # a file of answers for two cases, completing the full ones
        refs = rnd.sample(range(1, len(cases) + 1), 2)
        lines = ["ärende;kontrollpunkt;svar;kommentar"] + [
            f"2026-{r:04d};{item};{rnd.choice(ITEMS[item])};"
            for r in refs for item in ITEMS if item != "genomforandeplan_anvands"]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return [lambda db: AnswerImportService(db, "Granskare GL").import_file(round_id, path)]
    if kind == 7:  # a case's unit and gender corrected in the case list
        unit, gender = rnd.choice(UNITS), rnd.choice(("flicka", "pojke", "okant"))
        return [_sql('UPDATE "case" SET unit = :u, gender = :g WHERE id = :c',
                     u=unit, g=gender, c=case)]
    if kind == 8:  # a case chosen on purpose, or no longer
        return [_sql("INSERT INTO chosen_case (round_id, case_id, reason, in_frame, added_by,"
                     " added_at) SELECT :r, :c, 'vald', true, 'GL', :t WHERE NOT EXISTS "
                     "(SELECT 1 FROM chosen_case WHERE case_id = :c)", r=round_id, c=case,
                     t=datetime(2026, 3, 1))
                if rnd.random() < 0.6 else _sql("DELETE FROM chosen_case WHERE case_id = :c",
                                                c=case)]
    return [_sql("DELETE FROM review WHERE case_id = :c", c=case)]  # a review removed


def _apply(op: Op, dbs: tuple[Database, Database]) -> str:
    outcomes = []
    for db in dbs:
        try:
            op(db)
            outcomes.append("ok")
        except UserError as exc:
            outcomes.append(type(exc).__name__)
    assert outcomes[0] == outcomes[1]
    return outcomes[0]


def _laptop_round(laptop: Database, library: ChecklistLibrary, tmp_path: Path,
                  ) -> tuple[int, list[int], Path]:
    rnd, cases = round_with_sample(laptop, library, 6, name="Placerade T2 2026",
                                   period="T2", units=UNITS)
    service = ReviewService(laptop, "Granskare MB")
    for k, case in enumerate(cases):
        for item in ("enskilt_samtal", "samtal_var_tredje_manad", "vardplan"):
            service.set_answer(rnd.id, case, item, "ja" if k % 3 else "nej")
        service.set_answer(rnd.id, case, "genomforandeplan", "nej" if k % 2 else "ja")
        if k % 2 == 0:
            service.set_answer(rnd.id, case, "genomforandeplan_anvands", "ja")
        if k < 5:
            service.complete(rnd.id, case)
    path = tmp_path / "omgang.granska"
    ExchangeService(laptop, "Granskare MB").export_round(rnd.id, path, passphrase=PHRASE)
    return rnd.id, cases, path


@pytest.fixture
def lite(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "g.sqlite3")
    yield database
    database.close()


def test_random_writes_keep_the_counts_exact(pg_db: Database, lite: Database, tmp_path: Path,
                                             library: ChecklistLibrary) -> None:
    dbs = (lite, pg_db)
    rounds = [round_with_sample(db, library, 14, units=UNITS, reserve=2)[0].id for db in dbs]
    assert rounds[0] == rounds[1]
    round_id = rounds[0]
    cases = list(range(1, 15))
    rnd = random.Random(16)
    done: set[int] = set()
    for step in range(220):
        kind = rnd.randrange(10)
        [op] = _random_op(rnd, kind, round_id, cases, tmp_path / f"svar{step}.csv")
        if _apply(op, dbs) == "ok":
            done.add(max(kind, 3))  # 0-3: an answer saved
        if step % 20 == 19:
            assert_exact(pg_db, [round_id])
    assert done == {3, 4, 5, 6, 7, 8, 9}  # every kind of write happened
    # an exclusion, a case chosen through the service, and a laptop's round merged twice
    _apply(lambda db: SamplingService(db, "GL").exclude(round_id, "2026-0014", "Fel ärende"),
           dbs)
    _apply(lambda db: ChosenCaseService(db, "GL").add(round_id, "X-0001", "Anmälan"), dbs)
    laptop = open_database(tmp_path / "laptop.sqlite3")
    try:
        laptop_round, laptop_cases, path = _laptop_round(laptop, library, tmp_path)
        _apply(lambda db: ExchangeService(db, "GL").import_round(path, passphrase=PHRASE), dbs)
        with pg_db.session() as s:
            merged = s.execute(text("SELECT id FROM audit_round WHERE name = "
                                    "'Placerade T2 2026'")).scalar_one()
        service = ReviewService(laptop, "Granskare MB")
        first = laptop_cases[0]
        service.reopen(laptop_round, first, "Rättning")
        service.set_answer(laptop_round, first, "vardplan", "nej")
        service.complete(laptop_round, first)
        ExchangeService(laptop, "Granskare MB").export_round(laptop_round, path,
                                                             passphrase=PHRASE)
        _apply(lambda db: ExchangeService(db, "GL").import_round(path, passphrase=PHRASE), dbs)
    finally:
        laptop.close()
    both_rounds = sorted({round_id, merged})
    assert_exact(pg_db, both_rounds)
    with lite.session() as s:
        expected = [list(count_answers(s, both_rounds, chosen=c)) for c in (False, True)]
    kept, _ = kept_and_live(pg_db, both_rounds)
    assert kept == expected and sum(r[-1] for r in kept[0]) > 20 and kept[1]
    on_file = FigureService(lite).compute_fresh(both_rounds)
    on_server = FigureService(pg_db).compute_fresh(both_rounds)
    assert on_server.items == on_file.items and on_server.reviews == on_file.reviews > 0


def test_concurrent_completes_neither_deadlock_nor_drift(pg_db: Database,
                                                        library: ChecklistLibrary) -> None:
    rnd, cases = round_with_sample(pg_db, library, 24, units=("Familjehem",))
    for case in cases:
        service = ReviewService(pg_db, "Granskare GL")
        for item in ("enskilt_samtal", "samtal_var_tredje_manad", "vardplan"):
            service.set_answer(rnd.id, case, item, "ja" if case % 2 else "nej")
        service.set_answer(rnd.id, case, "genomforandeplan", "nej")
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def work(mine: list[int], who: str) -> None:
        service = ReviewService(pg_db, who)
        try:
            barrier.wait()
            for _ in range(3):
                for case in mine:
                    service.complete(rnd.id, case)
                for case in mine[::2]:
                    service.reopen(rnd.id, case, "Rättning")
                for case in mine[::2]:
                    service.complete(rnd.id, case)
                for case in mine:
                    service.reopen(rnd.id, case, "Rättning")
            for case in mine:
                service.complete(rnd.id, case)
        except BaseException as exc:  # noqa: BLE001 - reported by the test below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(cases[k::2], f"Granskare {k}"))
               for k in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert_exact(pg_db, [rnd.id])
    kept, _ = kept_and_live(pg_db, [rnd.id])
    assert sum(r[-1] for r in kept[0] if r[1] == "vardplan") == 24


def _config(conn: object) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = conn
    return cfg


def test_the_migration_counts_what_is_stored(pg_db: Database, pg_url: str,
                                             library: ChecklistLibrary) -> None:
    rnd, cases = round_with_sample(pg_db, library, 5, units=UNITS)
    service = ReviewService(pg_db, "Granskare GL")
    for case in cases:
        for item in ("enskilt_samtal", "samtal_var_tredje_manad", "genomforandeplan",
                     "genomforandeplan_anvands", "vardplan"):
            service.set_answer(rnd.id, case, item, "ja")
        service.complete(rnd.id, case)
    kept_before, live = kept_and_live(pg_db, [rnd.id])
    assert kept_before == live and live[0]
    pg_db.close()
    engine = create_engine(pg_url)
    try:
        with engine.begin() as conn:
            command.downgrade(_config(conn), "0008")
            assert conn.execute(text("SELECT to_regclass('answer_count')")).scalar() is None
            conn.execute(text("UPDATE answer SET value = 'nej', compliant = false "
                              "WHERE item_id = 'vardplan'"))  # no trigger now
    finally:
        engine.dispose()
    db = open_database(pg_url)  # back at the head: the migration counts the answers
    try:
        kept, live = kept_and_live(db, [rnd.id])
        assert kept == live and kept != kept_before
        assert sum(r[6] for r in kept[0] if r[1] == "vardplan" and r[4] == "nej") == 5
    finally:
        db.close()
        empty_tables(pg_url)


def _waiting_on_a_lock(db: Database) -> bool:
    with db.engine.connect() as conn:
        return bool(conn.execute(text(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock'")).scalar())


def test_a_complete_caught_in_a_deadlock_is_run_again(pg_db: Database,
                                                      library: ChecklistLibrary) -> None:
    """A bulk writer holds the last count a complete needs, then wants its first: the server
    breaks the deadlock by rolling the complete back, and the complete runs again."""
    rnd, cases = round_with_sample(pg_db, library, 3, units=("Familjehem",))
    service = ReviewService(pg_db, "Granskare GL")
    with pg_db.session() as s:
        s.execute(text("UPDATE \"case\" SET gender = 'flicka'"))
    for case in cases:
        for item in ("enskilt_samtal", "samtal_var_tredje_manad", "vardplan"):
            service.set_answer(rnd.id, case, item, "ja")
        service.set_answer(rnd.id, case, "genomforandeplan", "nej")
    service.complete(rnd.id, cases[0])
    service.complete(rnd.id, cases[1])
    outcome: list[object] = []
    bulk = pg_db.engine.connect()
    try:
        bulk.begin()
        with pg_db.session() as s:
            first, second = (s.execute(text("SELECT id FROM review WHERE case_id = :c"),
                                       {"c": c}).scalar_one() for c in cases[:2])
        # locks the counts of vardplan = ja, the last key the complete below upserts
        bulk.execute(text("UPDATE answer SET value = 'nej', compliant = false "
                          "WHERE review_id = :r AND item_id = 'vardplan'"), {"r": first})

        def complete() -> None:
            try:
                outcome.append(ReviewService(pg_db, "Granskare B").complete(rnd.id, cases[2]))
            except BaseException as exc:  # noqa: BLE001 - asserted below
                outcome.append(exc)

        thread = threading.Thread(target=complete)
        thread.start()
        while thread.is_alive() and not _waiting_on_a_lock(pg_db):  # it holds its first counts
            thread.join(0.05)
        # and now the bulk writer wants the complete's first count: a deadlock
        bulk.execute(text("UPDATE answer SET value = 'nej', compliant = false "
                          "WHERE review_id = :r AND item_id = 'enskilt_samtal'"),
                     {"r": second})
        bulk.commit()
        thread.join()
    finally:
        bulk.close()
    assert len(outcome) == 1 and not isinstance(outcome[0], BaseException), outcome
    assert_exact(pg_db, [rnd.id])
