"""Starting out: the empty overview's buttons, the new-round proposals, required fields."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from audit_app import __main__ as entry
from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.rounds import RoundService
from audit_app.settings import Settings, SettingsStore
from audit_app.storage.db import Database
from audit_app.ui import demo_start
from audit_app.ui.identity_dialog import IdentityDialog
from audit_app.ui.main_window import MainWindow
from audit_app.ui.new_round_dialog import NewRoundDialog
from audit_app.ui.reason_dialog import ReasonDialog
from tests.ui.helpers import services_for, show_active, window_for

SHOTS = Path("/tmp/h-walk")
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
LEFT = Qt.MouseButton.LeftButton


def shot(widget: object, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    widget.grab().save(str(SHOTS / name))  # type: ignore[attr-defined]


def named_store(tmp_path: Path) -> SettingsStore:
    store = SettingsStore(tmp_path / "s.json")
    store.save(Settings(reviewer_name="Granskare GL", reviewer_initials="GL"))
    return store


def ok_button(buttons: QDialogButtonBox) -> object:
    return buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_empty_overview_offers_a_new_round(qtbot: QtBot, db: Database,
                                           library: ChecklistLibrary, tmp_path: Path) -> None:
    window = MainWindow(None, named_store(tmp_path), db_path=db.path)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    view = window.rounds_view
    assert not view.new_round_button.isVisible()  # still opening: nothing to offer yet
    window.attach(services_for(db, library, window.settings_store))
    assert view.empty_label.isVisible() and view.new_round_button.isVisible()
    assert view.demo_button.isVisible()
    window.resize(1100, 720)
    shot(window, "empty_overview.png")
    qtbot.mouseClick(view.new_round_button, LEFT)
    dialog = window.dialog
    assert isinstance(dialog, NewRoundDialog) and dialog.isVisible()
    qtbot.keyClicks(dialog.name, "Placerade T2 2026")
    qtbot.mouseClick(ok_button(dialog.buttons), LEFT)  # type: ignore[arg-type]
    summary = RoundService(db, library, "x").get("Placerade T2 2026")
    assert (summary.year, summary.period) == (2026, "T2")
    window.go_back()
    assert window.model.rowCount() == 1
    assert not view.empty_label.isVisible() and not view.new_round_button.isVisible()


def test_demo_button_starts_granska_on_the_demo(
        qtbot: QtBot, db: Database, library: ChecklistLibrary, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[tuple[str, list[str]]] = []

    def record(program: str, arguments: list[str], _cwd: str) -> tuple[bool, int]:
        started.append((program, list(arguments)))
        return True, 4711

    monkeypatch.setattr(demo_start, "start_detached", record)
    window = window_for(db, library, named_store(tmp_path))
    qtbot.addWidget(window)
    show_active(qtbot, window)
    qtbot.mouseClick(window.rounds_view.demo_button, LEFT)
    assert started == [(sys.executable, ["-m", "audit_app", "--demo"])]
    assert not window.isVisible()  # this window closes; the demo opens in its place
    # what the new program makes of those arguments: the window on the demo database
    args = entry._program_start(started[0][1][2:])
    assert args is not None and args.demo and args.db is None and args.group is None


def test_new_round_proposes_period_and_reads_the_name(qtbot: QtBot,
                                                      library: ChecklistLibrary) -> None:
    found, _ = library.scan()
    dialog = NewRoundDialog(found, today=date(2026, 5, 10), last_checklist="utredning-barn")
    qtbot.addWidget(dialog)
    dialog.show()
    # ten days into T2: T1 has just ended and is the one to review
    assert (dialog.year.value(), dialog.period.currentData()) == (2026, "T1")
    assert dialog.checklist.currentData() == "utredning-barn"
    qtbot.keyClicks(dialog.name, "Placerade T3 2024")
    assert (dialog.year.value(), dialog.period.currentData()) == (2024, "T3")
    shot(dialog, "new_round_from_name.png")
    # a field set by hand is left alone by what is typed next
    dialog.period.setFocus()
    qtbot.keyClick(dialog.period, Qt.Key.Key_Up)
    assert dialog.period.currentData() == "T2"
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "Placerade T1 2025")
    assert (dialog.year.value(), dialog.period.currentData()) == (2025, "T2")
    new_year = NewRoundDialog(found, today=date(2026, 1, 5))
    qtbot.addWidget(new_year)
    assert (new_year.year.value(), new_year.period.currentData()) == (2025, "T3")


def test_new_round_remembers_the_checklist(qtbot: QtBot, db: Database,
                                          library: ChecklistLibrary, tmp_path: Path) -> None:
    RoundService(db, library, "GL").create("Utredning T1 2026", "utredning-barn", 2026, "T1")
    store = named_store(tmp_path)
    window = window_for(db, library, store)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    dialog = window.new_round()  # nothing in the settings: the newest round's checklist
    assert dialog.checklist.currentData() == "utredning-barn"
    dialog.checklist.setCurrentIndex(dialog.checklist.findData("placerade-barn"))
    qtbot.keyClicks(dialog.name, "Placerade T1 2026")
    qtbot.mouseClick(ok_button(dialog.buttons), LEFT)  # type: ignore[arg-type]
    assert RoundService(db, library, "x").get("Placerade T1 2026").checklist_id == \
        "placerade-barn"
    assert store.load().last_checklist_id == "placerade-barn"
    RoundService(db, library, "GL").create("Utredning T2 2026", "utredning-barn", 2026, "T2")
    again = window.new_round()  # the one this user chose last, not the newest in the file
    assert again.checklist.currentData() == "placerade-barn"


def test_new_round_without_a_name_says_so(qtbot: QtBot, db: Database,
                                          library: ChecklistLibrary, tmp_path: Path) -> None:
    window = window_for(db, library, named_store(tmp_path))
    qtbot.addWidget(window)
    show_active(qtbot, window)
    dialog = window.new_round()
    qtbot.mouseClick(ok_button(dialog.buttons), LEFT)  # type: ignore[arg-type]
    assert dialog.isVisible() and dialog.name_error.isVisible()
    assert dialog.name_error.text().startswith("Skriv ett namn")
    assert RoundService(db, library, "x").list() == []
    shot(dialog, "new_round_missing_name.png")
    qtbot.keyClicks(dialog.name, "P")
    assert not dialog.name_error.isVisible()


def test_identity_without_a_name_says_so(qtbot: QtBot) -> None:
    dialog = IdentityDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(ok_button(dialog.buttons), LEFT)  # type: ignore[arg-type]
    assert dialog.isVisible() and dialog.name_error.isVisible()
    assert dialog.name_error.text().startswith("Skriv ditt namn")
    shot(dialog, "identity_missing_name.png")
    qtbot.keyClicks(dialog.name, "Granskare Ledare")
    assert not dialog.name_error.isVisible()
    qtbot.mouseClick(ok_button(dialog.buttons), LEFT)  # type: ignore[arg-type]
    assert dialog.result() == IdentityDialog.DialogCode.Accepted
    assert dialog.values() == ("Granskare Ledare", "GL")


def test_reason_dialog_without_a_reason_says_so(qtbot: QtBot) -> None:
    dialog = ReasonDialog("Öppna granskningen igen",
                          "Varför öppnas granskningen igen? Orsaken loggas.")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.reason, "   ")
    qtbot.mouseClick(ok_button(dialog.buttons), LEFT)  # type: ignore[arg-type]
    assert dialog.isVisible() and dialog.error.isVisible()
    shot(dialog, "reason_missing.png")
    qtbot.keyClicks(dialog.reason, "Fel svar")
    qtbot.mouseClick(ok_button(dialog.buttons), LEFT)  # type: ignore[arg-type]
    assert dialog.result() == ReasonDialog.DialogCode.Accepted and dialog.value() == "Fel svar"
