"""The main window lists the rounds stored in the database."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.rounds import RoundService
from audit_app.settings import SettingsStore
from audit_app.storage.db import Database
from audit_app.ui.main_window import MainWindow


def test_lists_rounds(qtbot: QtBot, db: Database, library: ChecklistLibrary,
                      tmp_path: Path) -> None:
    RoundService(db, library, "GL").create("Placerade T1", "placerade-barn", 2026, "T1")
    window = MainWindow(db, library, SettingsStore(tmp_path / "s.json"))
    qtbot.addWidget(window)
    assert window.model.rowCount() == 1
    assert window.model.row(0).name == "Placerade T1"
    assert window.empty_label.isHidden()
