"""The review workspace driven with the keyboard: answers, autosave, guard, complete, reopen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.reviews import ReviewStatus
from audit_app.services.reviews import ReviewService
from audit_app.settings import Settings, SettingsStore
from audit_app.storage.db import Database
from audit_app.storage.models import ChangeLog
from audit_app.ui.item_widget import ItemWidget
from audit_app.ui.main_window import MainWindow
from tests.factories import round_with_sample
from tests.ui.helpers import show_active

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
# An invented personnummer with a valid check digit, built here for the guard test only.
PNR = "121212-1212"


@pytest.fixture
def window(qtbot: QtBot, db: Database, library: ChecklistLibrary, tmp_path: Path) -> MainWindow:
    store = SettingsStore(tmp_path / "settings.json")
    store.save(Settings(reviewer_name="Gun Ledare", reviewer_initials="GL"))
    w = MainWindow(db, library, store)
    qtbot.addWidget(w)
    show_active(qtbot, w)
    return w


def focused_item() -> ItemWidget | None:
    widget = QApplication.focusWidget()
    while widget is not None and not isinstance(widget, ItemWidget):
        widget = widget.parentWidget()
    return widget


def test_keyboard_review_skips_non_applicable_and_completes(
        qtbot: QtBot, window: MainWindow, db: Database, library: ChecklistLibrary) -> None:
    summary, case_ids = round_with_sample(db, library, n=3)
    window.refresh()
    window.open_round(summary.id)
    window.open_case(case_ids[0])
    form = window.review_form
    assert form.progress.text() == "0 av 5"
    answers = {"enskilt_samtal": "J", "samtal_var_tredje_manad": "E", "viewpoint": "N",
               "genomforandeplan": "N", "vardplan": "J"}
    for item_id, key in answers.items():
        item = focused_item()
        assert item is not None and item.item.id == item_id
        qtbot.keyClick(QApplication.focusWidget(), key)
    # "genomforandeplan_anvands" applies only when a plan exists: skipped and greyed
    skipped = form.page.items["genomforandeplan_anvands"] if form.page else None
    assert skipped is not None and not skipped.isEnabled() and skipped.na_label.isVisibleTo(form)
    assert form.progress.text() == "5 av 5"
    assert form.saved_label.text().startswith("Sparat")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ControlModifier)
    assert form.case_id == case_ids[1]
    record = ReviewService(db, "x").review(summary.id, case_ids[0])
    assert record.status is ReviewStatus.COMPLETE
    assert record.values() == {"enskilt_samtal": "ja", "samtal_var_tredje_manad": "ej_aktuellt",
                               "viewpoint": "nej", "genomforandeplan": "nej", "vardplan": "ja"}
    assert record.reviewer == "Gun Ledare (GL)"
    # the round's table shows the completed case without reloading the round
    row = window.round_view.model.row(window.round_view.model.row_of(case_ids[0]) or 0)
    assert row.case_id == case_ids[0] and row.status is ReviewStatus.COMPLETE
    assert row.answered == 5 and row.reviewer == "Gun Ledare (GL)"
    assert f"granskade 1 av {len(case_ids)}" in window.round_view.summary.text()


def test_missing_required_answers_block_completion(
        qtbot: QtBot, window: MainWindow, db: Database, library: ChecklistLibrary) -> None:
    summary, case_ids = round_with_sample(db, library, n=2)
    window.refresh()
    window.open_round(summary.id)
    window.open_case(case_ids[0])
    qtbot.keyClick(QApplication.focusWidget(), "J")
    window.complete_and_next()
    form = window.review_form
    assert form.case_id == case_ids[0]
    assert "Obligatoriska" in form.message.text() and form.message.isVisible()
    item = focused_item()
    assert item is not None and item.item.id == "samtal_var_tredje_manad"


def test_personnummer_in_a_comment_is_not_stored(
        qtbot: QtBot, window: MainWindow, db: Database, library: ChecklistLibrary) -> None:
    summary, case_ids = round_with_sample(db, library, n=1)
    window.refresh()
    window.open_round(summary.id)
    window.open_case(case_ids[0])
    item = window.review_form.page.items["viewpoint"] if window.review_form.page else None
    assert item is not None and item.comment is not None
    item.comment.setFocus()
    qtbot.keyClicks(item.comment, f"Barnet {PNR} tillfrågat")
    qtbot.keyClick(item.comment, Qt.Key.Key_Tab)
    assert item.error.isVisibleTo(window) and "personnummer" in item.error.text()
    assert "b00020" in item.comment.styleSheet()
    record = ReviewService(db, "x").review(summary.id, case_ids[0])
    assert "viewpoint" not in record.answers or record.answers["viewpoint"].comment == ""
    # fixed text is stored after the debounce, without leaving the field
    item.comment.setFocus()
    item.comment.selectAll()
    qtbot.keyClicks(item.comment, "Viewpoint saknas i akten")
    qtbot.waitUntil(lambda: ReviewService(db, "x").review(summary.id, case_ids[0])
                    .answers.get("viewpoint") is not None, timeout=3000)
    stored = ReviewService(db, "x").review(summary.id, case_ids[0]).answers["viewpoint"]
    assert stored.comment == "Viewpoint saknas i akten"
    assert not item.error.isVisibleTo(window) and item.comment.styleSheet() == ""


def test_reopen_asks_for_a_reason_which_is_logged(
        qtbot: QtBot, window: MainWindow, db: Database, library: ChecklistLibrary,
        monkeypatch: pytest.MonkeyPatch) -> None:
    summary, case_ids = round_with_sample(db, library, n=2)
    service = ReviewService(db, "Gun Ledare (GL)")
    for item_id, value in (("enskilt_samtal", "ja"), ("samtal_var_tredje_manad", "ja"),
                           ("genomforandeplan", "nej"), ("vardplan", "ja")):
        service.set_answer(summary.id, case_ids[0], item_id, value)
    service.complete(summary.id, case_ids[0])
    window.refresh()
    window.open_round(summary.id)
    window.open_case(case_ids[0])
    form = window.review_form
    assert form.done_banner.isVisibleTo(window) and not form.page.isEnabled()
    monkeypatch.setattr(QInputDialog, "getText",
                        lambda *a, **k: ("Fel svar på vårdplan", True))
    window.reopen_action.trigger()
    assert form.page.isEnabled() and not form.done_banner.isVisibleTo(window)
    with db.session() as s:
        row = s.scalars(select(ChangeLog).where(ChangeLog.action == "reopen")).one()
        assert row.reason == "Fel svar på vårdplan" and row.actor == "Gun Ledare (GL)"


def test_page_keys_move_between_cases_and_widgets_are_reused(
        qtbot: QtBot, window: MainWindow, db: Database, library: ChecklistLibrary) -> None:
    summary, case_ids = round_with_sample(db, library, n=3)
    window.refresh()
    window.open_round(summary.id)
    window.open_case(case_ids[0])
    page = window.review_form.page
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown)
    assert window.review_form.case_id == case_ids[1]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageUp)
    assert window.review_form.case_id == case_ids[0]
    assert window.review_form.page is page
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.stack.currentWidget() is window.round_view
    assert window.round_view.current_case_id() == case_ids[0]


def test_a_locked_round_is_shown_read_only(
        qtbot: QtBot, window: MainWindow, db: Database, library: ChecklistLibrary) -> None:
    from datetime import datetime

    from audit_app.storage.models import AuditRound

    summary, case_ids = round_with_sample(db, library, n=1)
    with db.session() as s:
        row = s.get(AuditRound, summary.id)
        assert row is not None
        row.locked_at = datetime.now()
    window.refresh()
    window.open_round(summary.id)
    window.open_case(case_ids[0])
    form = window.review_form
    assert form.page is not None and not form.page.isEnabled()
    assert "låst" in form.banner_text.text() and not form.reopen_button.isVisibleTo(window)


def test_odd_separators_in_a_comment_are_refused_too(
        qtbot: QtBot, window: MainWindow, db: Database, library: ChecklistLibrary) -> None:
    summary, case_ids = round_with_sample(db, library, n=1)
    window.refresh()
    window.open_round(summary.id)
    window.open_case(case_ids[0])
    item = window.review_form.page.items["viewpoint"] if window.review_form.page else None
    assert item is not None and item.comment is not None
    item.comment.setFocus()
    odd = PNR[:2] + "\u00a0" + PNR[2:6] + "\u200b\u2013" + PNR[7:]
    qtbot.keyClicks(item.comment, "Barnet ")
    QApplication.clipboard().setText(odd)  # pasted, as from the documentation system
    qtbot.keyClick(item.comment, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert odd in item.comment.text()
    qtbot.keyClick(item.comment, Qt.Key.Key_Tab)
    assert item.error.isVisibleTo(window) and "personnummer" in item.error.text()
    assert odd not in item.error.text()
    record = ReviewService(db, "x").review(summary.id, case_ids[0])
    assert "viewpoint" not in record.answers or record.answers["viewpoint"].comment == ""


def test_a_refusal_at_flush_time_is_shown_not_raised(
        qtbot: QtBot, db: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    # The reviewer's name is no free text the form checks: only the storage guard sees it.
    store = SettingsStore(tmp_path / "settings.json")
    store.save(Settings(reviewer_name=f"Gun {PNR.replace('-', '.')}", reviewer_initials="GL"))
    window = MainWindow(db, library, store)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    summary, case_ids = round_with_sample(db, library, n=1)
    window.refresh()
    window.open_round(summary.id)
    window.open_case(case_ids[0])
    item = focused_item()
    assert item is not None
    qtbot.keyClick(QApplication.focusWidget(), "J")
    assert item.error.isVisibleTo(window) and "personnummer" in item.error.text()
    assert window.review_form.saved_label.text() == "Svaret sparades inte"
    assert ReviewService(db, "x").review(summary.id, case_ids[0]).answers == {}
