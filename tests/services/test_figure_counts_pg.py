"""PostgreSQL's counting path (one GROUP BY with more work_mem) gives what SQLite's batches
give on the same data, figure by figure."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services import figure_counts
from audit_app.services.figure_counts import count_answers, count_live
from audit_app.services.figures import FigureService
from audit_app.storage.db import Database, open_database
from tests.figure_data import seed_utredning


def _seed(db: Database, library: ChecklistLibrary) -> list[int]:
    first, _ = seed_utredning(db, library)
    second, _ = seed_utredning(db, library, n=30, period="T2", name="Utredning T2 2026")
    return [first, second]


@pytest.fixture
def both(pg_db: Database, tmp_path: Path,
         library: ChecklistLibrary) -> tuple[Database, Database, list[int]]:
    lite = open_database(tmp_path / "g.sqlite3")
    rounds = _seed(lite, library)
    assert _seed(pg_db, library) == rounds
    yield lite, pg_db, rounds
    lite.close()


@pytest.mark.parametrize(("unit", "gender"), [(None, None), ("Utredning Syd", None),
                                               (None, "flicka"), ("Utredning Norr", "pojke")])
def test_counts_equal_on_both_engines(both: tuple[Database, Database, list[int]],
                                      unit: str | None, gender: str | None) -> None:
    lite, server, rounds = both
    with lite.session() as s:
        assert s.get_bind().dialect.name == "sqlite"
        expected = list(count_answers(s, rounds, unit, gender))
    with server.session() as s:
        assert s.get_bind().dialect.name == "postgresql"
        counted = list(count_answers(s, rounds, unit, gender))
    assert counted == expected  # the same rows in the same order
    assert sum(r[-1] for r in counted) > 0


def test_figures_equal_on_both_engines(both: tuple[Database, Database, list[int]]) -> None:
    lite, server, rounds = both
    on_file = FigureService(lite).compute_fresh(rounds)
    on_server = FigureService(server).compute_fresh(rounds)
    assert len(on_server.items) == len(on_file.items) > 0
    for mine, theirs in zip(on_server.items, on_file.items, strict=True):
        assert (mine.item_id, mine.total, mine.periods, mine.units, mine.genders) == (
            theirs.item_id, theirs.total, theirs.periods, theirs.units, theirs.genders)
    assert on_server.reviews == on_file.reviews == 76


def test_the_counting_transaction_gets_more_work_mem(pg_db: Database) -> None:
    with pg_db.session() as s:
        default = s.execute(text("SHOW work_mem")).scalar_one()
        list(count_live(s, [1]))
        assert s.execute(text("SHOW work_mem")).scalar_one() == figure_counts.WORK_MEM
    with pg_db.session() as s:  # SET LOCAL: gone with the transaction
        assert s.execute(text("SHOW work_mem")).scalar_one() == default != "64MB"
