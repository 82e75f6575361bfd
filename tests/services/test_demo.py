"""The demo database holds what the demo promises: units, periods, reviews, comments, a lock."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.personnummer import find_personnummer
from audit_app.services.demo import ALL_UNITS, build_demo, open_demo
from audit_app.services.rounds import RoundService
from audit_app.storage.db import Database, open_database


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    library = ChecklistLibrary([Path(__file__).resolve().parents[2] / "checklists"])
    path = tmp_path_factory.mktemp("demo") / "granska-demo.sqlite3"
    open_demo(path, library).close()
    return path


def query(path: Path, sql: str) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_demo_has_units_periods_and_a_few_hundred_reviews(demo: Path) -> None:
    units = {r[0] for r in query(demo, "SELECT DISTINCT unit FROM 'case'")}
    assert units == set(ALL_UNITS)
    periods = {(r[0], r[1]) for r in query(demo, "SELECT year, period FROM audit_round")}
    assert periods == {(2025, "T1"), (2025, "T2"), (2025, "T3"), (2026, "T1")}
    checklists = query(demo, "SELECT DISTINCT definition_id FROM audit_round")
    assert len(checklists) >= 2
    reviews = query(demo, "SELECT status, count(*) FROM review GROUP BY status")
    counts = dict(reviews)
    assert counts["complete"] >= 200 and counts["draft"] > 0


def test_demo_rates_resemble_the_annual_reports(demo: Path) -> None:
    rates = dict(query(demo, "SELECT item_id, 100.0 * sum(compliant) / count(compliant) "
                             "FROM answer WHERE applicable AND compliant IS NOT NULL "
                             "GROUP BY item_id"))
    assert 47 <= rates["signs_of_safety"] <= 67
    assert 68 <= rates["enskilt_samtal"] <= 88
    assert 73 <= rates["genomforandeplan"] <= 93
    assert 62 <= rates["genomforandeplan_anvands"] <= 86
    assert rates["vardplan"] >= 90
    # "of these": the follow-up item is answered only where a plan exists
    orphan = query(demo, "SELECT count(*) FROM answer a JOIN answer p ON p.review_id = "
                         "a.review_id AND p.item_id = 'genomforandeplan' WHERE a.item_id = "
                         "'genomforandeplan_anvands' AND p.value != 'ja'")
    assert orphan[0][0] == 0


def test_demo_has_girls_boys_comments_without_personnummer_and_one_locked_round(
        demo: Path) -> None:
    genders = dict(query(demo, "SELECT gender, count(*) FROM 'case' GROUP BY gender"))
    assert genders["flicka"] > 100 and genders["pojke"] > 100
    comments = [r[0] for r in query(demo, "SELECT comment FROM answer WHERE comment != ''")]
    comments += [r[0] for r in query(demo, "SELECT value FROM answer WHERE item_id = 'ovrigt'")]
    assert len(comments) >= 30
    assert not [c for c in comments if find_personnummer(c)]
    locked = query(demo, "SELECT name, locked_by FROM audit_round WHERE locked_at IS NOT NULL")
    assert len(locked) == 1 and locked[0][1]
    logged = query(demo, "SELECT count(*) FROM change_log WHERE action IN ('lock', 'update') "
                         "AND entity = 'round'")
    assert logged[0][0] >= 1


def test_demo_is_reopened_not_rebuilt(demo: Path, library: ChecklistLibrary) -> None:
    before = query(demo, "SELECT count(*), max(id) FROM review")
    db = open_demo(demo, library)
    try:
        assert len(RoundService(db, library, "x").list()) == 8
    finally:
        db.close()
    assert query(demo, "SELECT count(*), max(id) FROM review") == before


def test_demo_is_deterministic(tmp_path: Path, library: ChecklistLibrary) -> None:
    def answers(db: Database) -> list[tuple]:
        with db.engine.connect() as conn:
            return list(conn.exec_driver_sql(
                "SELECT c.case_ref, c.gender, a.item_id, a.value, a.comment FROM answer a "
                "JOIN review r ON r.id = a.review_id JOIN 'case' c ON c.id = r.case_id "
                "ORDER BY c.case_ref, a.item_id"))

    first = open_database(tmp_path / "a.sqlite3")
    second = open_database(tmp_path / "b.sqlite3")
    try:
        build_demo(first, library, per_unit=2)
        build_demo(second, library, per_unit=2)
        rows = answers(first)
        assert rows and rows == answers(second)
    finally:
        first.close()
        second.close()


def test_demo_has_plans_deviations_and_actions(demo: Path) -> None:
    from audit_app.services.deviations import DeviationService

    plans = query(demo, "SELECT unit, year, control_key FROM plan_control ORDER BY unit")
    assert [(u, y) for u, y, _ in plans] == [("Familjehem och placeringsteamet", 2025),
                                            ("Mottagning och utredning", 2025)]
    library = ChecklistLibrary([Path(__file__).resolve().parents[2] / "checklists"])
    db = open_database(demo)
    try:
        found = DeviationService(db, library, "test").deviations(
            "Familjehem och placeringsteamet", 2025)
    finally:
        db.close()
    assert found and found[0].period == "T1" and found[0].analysis
    statuses = sorted(r[0] for r in query(demo, "SELECT status FROM plan_action"))
    assert "klar" in statuses and len(statuses) >= 2
