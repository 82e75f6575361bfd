"""The main window: rounds overview, new-round dialog, identity at first start, navigation."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.rounds import RoundService
from audit_app.settings import Settings, SettingsStore
from audit_app.storage.db import Database
from audit_app.ui.identity_dialog import IdentityDialog
from audit_app.ui.main_window import MainWindow
from audit_app.ui.new_round_dialog import NewRoundDialog
from tests.factories import round_with_sample
from tests.ui.helpers import services_for, show_active, window_for

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def named_store(tmp_path: Path) -> SettingsStore:
    store = SettingsStore(tmp_path / "s.json")
    store.save(Settings(reviewer_name="Granskare GL", reviewer_initials="GL"))
    return store


def test_lists_rounds(qtbot: QtBot, db: Database, library: ChecklistLibrary,
                      tmp_path: Path) -> None:
    RoundService(db, library, "GL").create("Placerade T1", "placerade-barn", 2026, "T1")
    window = window_for(db, library, SettingsStore(tmp_path / "s.json"))
    qtbot.addWidget(window)
    assert window.model.rowCount() == 1
    assert window.model.row(0).name == "Placerade T1"
    assert window.empty_label.isHidden()


def test_new_round_dialog_creates_and_opens_the_round(
        qtbot: QtBot, db: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    store = named_store(tmp_path)
    window = window_for(db, library, store)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    qtbot.keyClick(window.rounds_view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.dialog
    assert isinstance(dialog, NewRoundDialog)
    assert dialog.checklist.findData("placerade-barn") >= 0 and dialog.checklist.count() >= 2
    dialog.buttons.accepted.emit()  # no name yet: refused with a message
    assert dialog.name_error.isVisibleTo(dialog) and window.model.rowCount() == 0
    qtbot.keyClicks(dialog.name, "Utredningar T2 2026")
    dialog.checklist.setCurrentIndex(dialog.checklist.findData("utredning-barn"))
    dialog.year.setValue(2026)
    dialog.period.setCurrentIndex(1)
    qtbot.keyClicks(dialog.unit, "Mottagning")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    summary = RoundService(db, library, "x").get("Utredningar T2 2026")
    assert (summary.checklist_id, summary.year, summary.period, summary.unit,
            summary.created_by) == ("utredning-barn", 2026, "T2", "Mottagning", "Granskare GL (GL)")
    assert window.stack.currentWidget() is window.round_view
    assert store.load().last_round_id == summary.id
    assert window.round_view.empty_label.isVisibleTo(window)


def test_identity_is_asked_at_first_start(qtbot: QtBot, db: Database,
                                         library: ChecklistLibrary, tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "s.json")
    window = window_for(db, library, store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: isinstance(window.dialog, IdentityDialog))
    dialog = window.dialog
    assert isinstance(dialog, IdentityDialog)
    qtbot.keyClicks(dialog.name, "Granskare Ledare")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # initials taken from the name
    saved = store.load()
    assert (saved.reviewer_name, saved.reviewer_initials) == ("Granskare Ledare", "GL")
    assert window.reviews.actor == window.rounds.actor == "Granskare Ledare (GL)"


def test_enter_opens_round_and_last_round_is_selected_next_time(
        qtbot: QtBot, db: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    store = named_store(tmp_path)
    first, _ = round_with_sample(db, library, n=4, name="A T1")
    second, _ = round_with_sample(db, library, n=2, name="B T2", period="T2")
    window = window_for(db, library, store)
    qtbot.addWidget(window)
    window.show()
    window.rounds_view.select(first.id)
    qtbot.keyClick(window.rounds_view.table, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.round_view
    assert window.round_view.model.rowCount() == 4
    qtbot.keyClicks(window.round_view.filter, "0003")
    assert window.round_view.model.rowCount() == 1
    window.close()
    again = window_for(db, library, store)
    qtbot.addWidget(again)
    assert again.rounds_view.current_id() == first.id != second.id


def test_round_view_sorts_by_column(qtbot: QtBot, db: Database, library: ChecklistLibrary,
                                    tmp_path: Path) -> None:
    summary, _ = round_with_sample(db, library, n=5)
    window = window_for(db, library, named_store(tmp_path))
    qtbot.addWidget(window)
    window.open_round(summary.id)
    view = window.round_view
    view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert view.model.index(0, 1).data() == "2026-0005"
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert view.model.index(0, 1).data() == "2026-0001"
    assert QApplication.instance() is not None


def test_window_shows_before_the_database_and_fills_on_attach(
        qtbot: QtBot, db: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    summary, _ = round_with_sample(db, library, n=3, name="Väntar T1")
    window = MainWindow(None, named_store(tmp_path), db_path=db.path)
    qtbot.addWidget(window)
    window.show()
    assert db.path.name in window.windowTitle()
    assert window.empty_label.isVisible() and "databasen" in window.empty_label.text()
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:4] == ["&Arkiv", "&Visa", "&Granskning", "Ver&ktyg"]
    assert not window.built and window.stack.count() == 1  # the overview only, at first
    window.build_pages()  # the program does this from the event loop right after show()
    assert window.stack.count() == 3
    menus = [a.menu() for a in window.menuBar().actions()]
    items = [a for m in menus if m is not None for a in m.actions() if a.text()]
    assert len(items) > 10
    assert [a for a in items if a.isEnabled() and a.menu() is None] == [window.quit_action]
    window.attach(services_for(db, library, window.settings_store))
    assert "Öppnar databasen" not in window.empty_label.text()
    assert window.model.rowCount() == 1 and window.model.row(0).name == "Väntar T1"
    assert window.new_round_action.isEnabled() and not window.empty_label.isVisible()
    assert not window.security_actions.passphrase_action.isEnabled()  # not encrypted
    window.open_round(summary.id)
    assert window.round_view.model.rowCount() == 3


def test_identity_is_asked_after_the_database_is_attached(
        qtbot: QtBot, db: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    window = MainWindow(None, SettingsStore(tmp_path / "s.json"), db_path=db.path)
    qtbot.addWidget(window)
    window.show()
    qtbot.wait(50)  # the event loop runs: no identity dialog over the passphrase yet
    assert window.dialog is None
    window.attach(services_for(db, library, window.settings_store))
    assert window.empty_label.isVisible()  # a new database: the overview says what to do
    assert window.empty_label.text().startswith("Inga granskningsomgångar")
    qtbot.waitUntil(lambda: isinstance(window.dialog, IdentityDialog))
    window.dialog.reject()  # type: ignore[union-attr]
    window.attach(services_for(db, library, window.settings_store))  # asked once only
    qtbot.wait(50)
    assert window.dialog is None


def test_a_round_name_with_a_personnummer_is_refused_with_a_message(
        qtbot: QtBot, db: Database, library: ChecklistLibrary, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from audit_app.domain.personnummer import luhn_ok

    stem = "121212121"  # invented; the check digit is computed here for the guard test only
    number = stem[:6] + "\u2013" + stem[6:] + next(c for c in "0123456789" if luhn_ok(stem + c))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    window = window_for(db, library, named_store(tmp_path))
    qtbot.addWidget(window)
    show_active(qtbot, window)
    dialog = window.new_round()
    qtbot.keyClicks(dialog.name, "Utredningar ")
    dialog.name.insert(number)
    dialog.buttons.accepted.emit()
    assert len(shown) == 1 and "personnummer" in shown[0] and number not in shown[0]
    assert RoundService(db, library, "x").list() == [] and window.model.rowCount() == 0
