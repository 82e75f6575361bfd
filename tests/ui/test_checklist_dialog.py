"""Verktyg → Checklistor: versions listed, Excel export, import shown before it is saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.rounds import RoundService
from audit_app.settings import Settings, SettingsStore
from audit_app.storage.db import Database
from audit_app.ui.checklist_dialog import ChecklistDialog
from tests.ui.helpers import answer_reason, window_for
from tests.ui.test_checklist_editor import cancel_reason

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
CHECKLISTS = Path(__file__).resolve().parents[2] / "checklists"


def test_menu_opens_dialog_export_import_save(qtbot: QtBot, db: Database,
                                              tmp_path: Path) -> None:
    library = ChecklistLibrary([CHECKLISTS, tmp_path / "egna"])
    RoundService(db, library, "GL").create("Utredning T1", "utredning", 2026, "T1")
    store = SettingsStore(tmp_path / "s.json")
    store.save(Settings(reviewer_name="Granskare L", reviewer_initials="GL"))
    window = window_for(db, library, store)
    qtbot.addWidget(window)
    assert window.checklist_action.isEnabled()
    window.checklist_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, ChecklistDialog)
    dialog.checklists.setCurrentIndex(dialog.checklists.findData("utredning"))
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 3).text() == "Utredning T1"
    book = tmp_path / "utredning.xlsx"
    dialog.export_to(book)
    assert book.exists() and "Skrev" in dialog.details.toPlainText()
    dialog.import_from(book)
    assert "oförändrad" in dialog.details.toPlainText()
    assert not dialog.save_button.isEnabled()
    wb = load_workbook(book)
    wb["Punkter"]["H2"] = 90
    wb["Inställningar"]["B3"] = "1.1"
    wb.save(book)
    dialog.import_from(book)
    assert "årsmål: '85' → '90'" in dialog.details.toPlainText()
    assert not (tmp_path / "egna" / "utredning.yaml").exists()  # nothing stored yet
    cancel_reason(qtbot)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Inte sparad: ett ändrat årsmål kräver ett skäl." in dialog.details.toPlainText()
    assert not (tmp_path / "egna" / "utredning.yaml").exists()
    seen: list[str] = []
    answer_reason(qtbot, "Nytt arsmal i verksamhetsplanen", seen)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert seen == ["Skriv ett skäl. Det sparas i ändringsloggen."]  # empty reason refused
    assert (tmp_path / "egna" / "utredning.yaml").exists()
    assert dialog.current_id() == "utredning"
    assert "v1.1" in dialog.checklists.currentText()
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)
    assert "årsmål: '85' → '90'" in dialog.details.toPlainText()


def test_bad_workbook_shows_cells(qtbot: QtBot, db: Database, library: ChecklistLibrary,
                                  tmp_path: Path) -> None:
    from audit_app.services.checklist_versions import ChecklistVersionService

    dialog = ChecklistDialog(ChecklistVersionService(db, library, "GL"), library)
    qtbot.addWidget(dialog)
    dialog.checklists.setCurrentIndex(dialog.checklists.findData("mottagning"))
    book = tmp_path / "m.xlsx"
    dialog.export_to(book)
    wb = load_workbook(book)
    wb["Punkter"]["E3"] = "jaa"
    wb.save(book)
    dialog.import_from(book)
    assert "Punkter!E3: okänd svarstyp 'jaa'" in dialog.details.toPlainText()
    assert not dialog.save_button.isEnabled()
