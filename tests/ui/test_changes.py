"""One change notification: views reload from what was stored, not from hand-wired calls."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any, cast

import pytest
from pytestqt.qtbot import QtBot

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.reviews import ReviewStatus
from audit_app.domain.rounds import RoundSummary
from audit_app.services.app_services import AppServices
from audit_app.services.reviews import ReviewService
from audit_app.settings import Settings, SettingsStore
from audit_app.storage.db import Database
from audit_app.ui.changes import Change
from audit_app.ui.main_window import MainWindow
from tests.factories import round_with_sample
from tests.ui.helpers import window_for

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
ANSWERS = (("enskilt_samtal", "ja"), ("samtal_var_tredje_manad", "ja"),
           ("genomforandeplan", "nej"), ("vardplan", "ja"))


@pytest.fixture
def store(tmp_path: Path) -> SettingsStore:
    settings = SettingsStore(tmp_path / "settings.json")
    settings.save(Settings(reviewer_name="Granskare GL", reviewer_initials="GL"))
    return settings


def overview_counts(window: MainWindow) -> str:
    return str(window.rounds_view.model.index(0, 5).data())


def test_completing_a_review_updates_the_round_view_and_the_overview(
        qtbot: QtBot, db: Database, library: ChecklistLibrary, store: SettingsStore) -> None:
    summary, case_ids = round_with_sample(db, library, n=2)
    for item_id, value in ANSWERS:  # stored outside the window: it learns nothing of them
        ReviewService(db, "GL").set_answer(summary.id, case_ids[0], item_id, value)
    window = window_for(db, library, store)
    qtbot.addWidget(window)
    assert overview_counts(window) == "0 / 2"
    window.open_round(summary.id)
    window.open_case(case_ids[0])
    seen: list[Change] = []
    window.changes.changed.connect(seen.append)
    assert window.review_form.complete()
    assert Change("review", summary.id, case_ids[0]) in seen
    # the open round view (hidden behind the form) has the new status and count already
    row = window.round_view.model.rows()[0]
    assert row.status is ReviewStatus.COMPLETE and row.answered == 4
    assert window.round_view.round is not None and window.round_view.round.reviewed == 1
    assert "granskade 1 av 2" in window.round_view.summary.text()
    window.go_back()
    window.go_back()
    assert window.stack.currentWidget() is window.rounds_view
    assert overview_counts(window) == "1 / 2"


def test_a_change_from_a_dialog_reloads_the_round_shown(
        qtbot: QtBot, db: Database, library: ChecklistLibrary, store: SettingsStore) -> None:
    summary, _ = round_with_sample(db, library, n=2)
    window = window_for(db, library, store)
    qtbot.addWidget(window)
    window.open_round(summary.id)
    window.services.rounds.lock(summary.id)  # as the Verktyg menu's action stores it
    assert window.round_view.round is not None and not window.round_view.round.locked
    window.changes.notify("round", summary.id)
    assert window.round_view.round is not None and window.round_view.round.locked


class _Rounds:
    actor = "Test"

    def __init__(self, rows: list[RoundSummary]) -> None:
        self.rows = rows

    def list(self) -> list[RoundSummary]:
        return self.rows


class _Database:
    path = Path("dubbel.sqlite3")
    encrypted = True


def test_the_window_runs_on_a_double_of_the_services(qtbot: QtBot,
                                                     store: SettingsStore) -> None:
    """A real database is not the point here: the window takes whatever services it is given."""
    row = RoundSummary(7, "uid-7", "Dubbel T1 2026", "placerade-barn", "Placerade barn", "1",
                       1, 2026, "T1", "Familjehem", "Test", datetime(2026, 1, 5),
                       sampled=10, reviewed=3)
    double = cast(AppServices, cast(Any, type("Services", (), {
        "rounds": _Rounds([row]), "reviews": object(), "database": _Database(),
        "actor": "Test"})()))
    window = MainWindow(double, store)
    qtbot.addWidget(window)
    assert window.windowTitle() == "Granska – dubbel.sqlite3"
    assert window.rounds_view.model.rowCount() == 1
    assert window.rounds_view.model.index(0, 0).data() == "Dubbel T1 2026"
    assert overview_counts(window) == "3 / 10"
    assert window.security_actions.passphrase_action.isEnabled()  # the double is encrypted
