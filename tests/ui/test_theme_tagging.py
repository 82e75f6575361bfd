"""Reviewers tag a written answer or a comment with themes, by key or by button."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.reviews import ReviewService
from audit_app.settings import Settings, SettingsStore
from audit_app.storage.db import Database
from audit_app.ui.main_window import MainWindow
from tests.factories import round_with_sample
from tests.services.test_themes import themed_source
from tests.ui.helpers import show_active, window_for

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def window(qtbot: QtBot, db: Database, tmp_path: Path) -> MainWindow:
    folder = tmp_path / "lists"
    folder.mkdir()
    (folder / "tema.yaml").write_text(themed_source(), encoding="utf-8")
    store = SettingsStore(tmp_path / "settings.json")
    store.save(Settings(reviewer_name="Mentor M", reviewer_initials="MM"))
    w = window_for(db, ChecklistLibrary([folder]), store)
    qtbot.addWidget(w)
    show_active(qtbot, w)
    return w


def test_a_written_answer_is_tagged_from_the_keyboard_and_by_button(
        qtbot: QtBot, window: MainWindow, db: Database) -> None:
    summary, case_ids = round_with_sample(db, window.services.library, n=1,
                                          checklist="aktgranskning-familj")
    window.refresh()
    window.open_round(summary.id)
    window.open_case(case_ids[0])
    show_active(qtbot, window)
    form = window.review_form
    assert form.page is not None
    item = form.page.items["styrkor"]
    assert item.themes is not None and item.line is not None
    assert [b.text() for b in item.themes.buttons] == [
        "Barnets röst  (Ctrl+1)", "Tydlig tidslinje  (Ctrl+2)", "Samverkan med skolan  (Ctrl+3)"]
    assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in item.themes.buttons)
    item.line.setFocus()
    qtbot.keyClicks(item.line, "Barnet citeras")
    qtbot.keyClick(item.line, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    stored = ReviewService(db, "x").review(summary.id, case_ids[0]).answers["styrkor"]
    assert (stored.value, stored.themes) == ("Barnet citeras", ("barnets_rost",))
    assert item.themes.buttons[0].isChecked() and QApplication.focusWidget() is item.line
    qtbot.mouseClick(item.themes.buttons[2], Qt.MouseButton.LeftButton)
    qtbot.keyClick(item.line, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # untag
    stored = ReviewService(db, "x").review(summary.id, case_ids[0]).answers["styrkor"]
    assert stored.themes == ("samverkan",)
    # a comment item without a comment cannot be tagged: said, and the button stays off
    other = form.page.items["gemensamma_moten"]
    assert other.themes is not None and other.comment is not None
    other.comment.setFocus()
    qtbot.keyClick(other.comment, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert other.error.isVisibleTo(window) and "Skriv ett svar" in other.error.text()
    assert not any(b.isChecked() for b in other.themes.buttons)
    # the tags come back when the case is opened again
    window.open_case(case_ids[0])
    assert [b.isChecked() for b in item.themes.buttons] == [False, False, True]
    # items without a text to tag have no theme buttons
    assert form.page.items["typ_av_underlag"].themes is None
