"""The review form never writes over an answer someone else saved after it was shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.reviews import ReviewService
from audit_app.settings import Settings, SettingsStore
from audit_app.storage.db import Database
from tests.factories import round_with_sample
from tests.ui.helpers import show_active, window_for

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform


def test_answer_saved_meanwhile_is_named_not_overwritten(
        qtbot: QtBot, db: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    store.save(Settings(reviewer_name="Granskare L", reviewer_initials="GL"))
    window = window_for(db, library, store)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    summary, case_ids = round_with_sample(db, library, n=1)
    window.refresh()
    window.open_round(summary.id)
    window.open_case(case_ids[0])  # the form shows enskilt_samtal unanswered
    ReviewService(db, "Kollega").set_answer(summary.id, case_ids[0], "enskilt_samtal", "nej")
    qtbot.keyClick(QApplication.focusWidget(), "J")
    form = window.review_form
    assert form.saved_label.text() == "Svaret sparades inte"
    assert form.page is not None
    shown = form.page.items["enskilt_samtal"].error.text()
    assert "Kollega" in shown and "'nej'" in shown and "'ja'" in shown
    stored = ReviewService(db, "x").review(summary.id, case_ids[0]).values()
    assert stored["enskilt_samtal"] == "nej"
    # having seen the other answer, the reviewer's next save is the choice that counts
    qtbot.keyClick(form.page.items["enskilt_samtal"], "J")
    assert ReviewService(db, "x").review(summary.id, case_ids[0]).values()[
        "enskilt_samtal"] == "ja"


def test_completing_after_someone_else_reopened_names_both_and_writes_nothing(
        qtbot: QtBot, db: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    store.save(Settings(reviewer_name="Granskare L", reviewer_initials="GL"))
    window = window_for(db, library, store)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    summary, case_ids = round_with_sample(db, library, n=1)
    colleague = ReviewService(db, "Kollega")
    for item_id, value in (("enskilt_samtal", "ja"), ("samtal_var_tredje_manad", "ja"),
                           ("genomforandeplan", "nej"), ("vardplan", "ja")):
        colleague.set_answer(summary.id, case_ids[0], item_id, value)
    window.refresh()
    window.open_round(summary.id)
    window.open_case(case_ids[0])  # the form shows a draft, every required answer given
    colleague.complete(summary.id, case_ids[0])
    colleague.reopen(summary.id, case_ids[0], "Fel ärende")
    form = window.review_form
    assert not form.complete()  # its version is two changes old
    shown = form.message.text()
    stored = ReviewService(db, "x").review(summary.id, case_ids[0])
    assert stored.status.value == "draft"  # not completed over the colleague's reopening
    assert "Kollega" in shown, shown
    # read again, the reviewer completes it knowingly
    window.open_case(case_ids[0])
    assert window.review_form.complete()
    assert ReviewService(db, "x").review(summary.id, case_ids[0]).status.value == "complete"
