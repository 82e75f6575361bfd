"""The whole workspace end to end: new round, case list import, sample, keyboard review."""

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
from audit_app.services.rounds import RoundService
from audit_app.settings import Settings, SettingsStore
from audit_app.storage.db import Database
from audit_app.storage.models import Answer, ChangeLog, Review
from audit_app.ui.main_window import MainWindow
from audit_app.ui.new_round_dialog import NewRoundDialog
from tests.ui.helpers import show_active

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
ACTOR = "Gun Ledare (GL)"


def case_file(folder: Path, n: int = 12) -> Path:
    lines = ["ärendenummer;enhet;kön;avslutsdatum"]
    for k in range(1, n + 1):
        gender = "flicka" if k % 2 else "pojke"
        lines.append(f"2026-{k:04d};Familjehem;{gender};2026-0{1 + k % 4}-1{k % 9}")
    path = folder / "arendelista.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def key(qtbot: QtBot, text: str | Qt.Key,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    qtbot.keyClick(widget, text, modifier)


def test_round_to_completed_reviews_with_the_keyboard(
        qtbot: QtBot, db: Database, library: ChecklistLibrary, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    store.save(Settings(reviewer_name="Gun Ledare", reviewer_initials="GL"))
    window = MainWindow(db, library, store)
    qtbot.addWidget(window)
    show_active(qtbot, window)

    # 1. a new round through the dialog, keyboard only
    window.rounds_view.table.setFocus()
    key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.dialog
    assert isinstance(dialog, NewRoundDialog)
    dialog.checklist.setCurrentIndex(dialog.checklist.findData("placerade-barn"))
    dialog.period.setCurrentIndex(0)
    dialog.year.setValue(2026)
    qtbot.keyClicks(dialog.name, "Placerade T1 2026")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    round_id = RoundService(db, library, ACTOR).get("Placerade T1 2026").id
    assert window.stack.currentWidget() is window.round_view

    # 2. the case list through the import dialog
    window.round_view.import_button.click()
    importer = window.dialog
    assert importer is not None and type(importer).__name__ == "CaseListImportDialog"
    importer.load_file(case_file(tmp_path))  # type: ignore[attr-defined]
    qtbot.waitUntil(importer.import_button.isEnabled, timeout=10_000)  # type: ignore[attr-defined]
    importer.import_button.click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: importer.import_result is not None,  # type: ignore[attr-defined]
                    timeout=10_000)
    importer.close_button.click()  # type: ignore[attr-defined]
    assert window.dialog is None
    assert RoundService(db, library, ACTOR).get(round_id).frame_size == 12
    assert window.round_view.sample_button.isEnabled()
