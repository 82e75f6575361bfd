"""Figures kept between opens of the results window equal a fresh compute after any change."""

from __future__ import annotations

import sqlite3

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.figure_cache import cache_for
from audit_app.services.figures import FigureService
from audit_app.services.reviews import ReviewService
from audit_app.storage.db import Database
from tests.figure_data import seed_utredning


def _sos(service: FigureService, round_id: int) -> tuple[int, int]:
    fig = service.compute([round_id]).item("signs_of_safety").total
    return fig.x, fig.n


def test_unchanged_data_is_not_computed_again(db: Database, library: ChecklistLibrary) -> None:
    round_id, _ = seed_utredning(db, library)
    first = FigureService(db).compute([round_id])
    again = FigureService(db).compute([round_id])  # the results window opened again
    assert again is first and cache_for(db).hits == 1
    other = FigureService(db).compute([round_id], unit="Utredning Norr")
    assert other is not first and other.units == first.units
    assert other == FigureService(db).compute_fresh([round_id], unit="Utredning Norr")


def test_a_changed_answer_is_counted(db: Database, library: ChecklistLibrary) -> None:
    round_id, case_ids = seed_utredning(db, library)
    service = FigureService(db)
    before = service.compute([round_id])
    assert _sos(service, round_id) == (26, 46)
    reviews = ReviewService(db, "GL")
    reviews.reopen(round_id, case_ids[45], "rättelse")
    after = service.compute([round_id])
    assert after is not before and after == service.compute_fresh([round_id])
    assert after.reviews == 45  # a reopened review is not complete
    reviews.set_answer(round_id, case_ids[45], "signs_of_safety", "ja")
    reviews.complete(round_id, case_ids[45])
    changed = service.compute([round_id])
    assert changed == service.compute_fresh([round_id]) and changed.reviews == 46


def test_a_change_by_another_program_is_counted(db: Database,
                                                library: ChecklistLibrary) -> None:
    round_id, _ = seed_utredning(db, library)
    service = FigureService(db)
    assert _sos(service, round_id) == (26, 46)
    other = sqlite3.connect(db.path)  # another program on the same (plain) file
    other.execute("UPDATE answer SET value = 'ja', compliant = 1 "
                  "WHERE item_id = 'signs_of_safety' AND value = 'nej'")
    other.commit()
    other.close()
    assert _sos(service, round_id) == (46, 46)
    assert service.compute([round_id]) == service.compute_fresh([round_id])


def test_a_raw_write_on_the_session_s_connection_is_counted(
        db: Database, library: ChecklistLibrary) -> None:
    round_id, _ = seed_utredning(db, library)
    service = FigureService(db)
    assert _sos(service, round_id) == (26, 46)
    with db.session() as s:  # as the case-list import writes: DB-API on the session's connection
        cursor = s.connection().connection.cursor()
        cursor.execute("UPDATE answer SET value = 'nej', compliant = 0 "
                       "WHERE item_id = 'signs_of_safety'")
        cursor.close()
    assert _sos(service, round_id) == (0, 46)
    assert service.compute([round_id]) == service.compute_fresh([round_id])
