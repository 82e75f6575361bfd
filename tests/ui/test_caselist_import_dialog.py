"""The case-list import dialog driven as a user does: file, mapping, preview, import."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.caselists import CaseListService
from audit_app.services.rounds import RoundService
from audit_app.storage.db import Database
from audit_app.storage.models import Case, CaseImport
from audit_app.ui.caselist_import_dialog import CaseListImportDialog
from audit_app.ui.changes import Change, Changes
from tests.importers.caselist_files import PNR, report_xlsx, semicolon_cp1252
from tests.ui.helpers import services_for

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def dialog(qtbot: QtBot, db: Database, library: ChecklistLibrary) -> CaseListImportDialog:
    round_id = RoundService(db, library, "GL").create("T1 2026", "placerade-barn", 2026,
                                                      "T1").id
    widget = CaseListImportDialog(services_for(db, library, "GL"), round_id,
                                  changes=Changes())
    qtbot.addWidget(widget)
    widget.show()
    return widget


def settle(qtbot: QtBot, dialog: CaseListImportDialog) -> None:
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=10_000)


def cases(db: Database) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(Case)) or 0)


def test_preview_and_import(qtbot: QtBot, dialog: CaseListImportDialog, db: Database,
                            tmp_path: Path) -> None:
    dialog.load_file(report_xlsx(tmp_path / "lista.xlsx", n=25))
    settle(qtbot, dialog)
    assert dialog.preview_model.rowCount() == 20 and dialog.problem_model.rowCount() == 0
    assert [c.currentData() for c in dialog.combos][:2] == ["case_ref", "unit"]
    assert dialog.combos[0].accessibleName() == "Kolumn A: Ärende-ID"
    assert "rad 4" in dialog.info_label.text() and "25 ärenden" in dialog.info_label.text()
    assert not dialog.valid_only.isEnabled() and dialog.import_button.isEnabled()
    assert dialog.changes is not None
    with qtbot.waitSignal(dialog.changes.changed, timeout=10_000) as signal:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)
    assert signal.args[0] == Change("caselist", dialog.round_id) and cases(db) == 25
    assert dialog.import_result is not None and dialog.import_result.added == 25
    assert "25 nya" in dialog.message_label.text() and not dialog.import_button.isEnabled()


def test_problems_then_only_valid_rows(qtbot: QtBot, dialog: CaseListImportDialog,
                                       db: Database, tmp_path: Path) -> None:
    dialog.load_file(semicolon_cp1252(tmp_path / "fel.csv", [
        "Ärendenummer;Kön", "2026-0001;F", ";P", "2026-0003;Drake"]))
    settle(qtbot, dialog)
    assert dialog.problem_model.rowCount() == 2 and dialog.valid_only.isEnabled()
    assert dialog.problem_model.index(0, 0).data() == "3"
    dialog.start_import()
    settle(qtbot, dialog)
    assert cases(db) == 0 and "2 rad(er) med fel" in dialog.message_label.text()
    dialog.valid_only.setChecked(True)
    dialog.start_import()
    settle(qtbot, dialog)
    assert cases(db) == 1


def test_changing_the_mapping_previews_again(qtbot: QtBot, dialog: CaseListImportDialog,
                                             db: Database, tmp_path: Path) -> None:
    dialog.load_file(semicolon_cp1252(tmp_path / "m.csv", [
        "Ärende;Aktnummer;Kön", "1;AKT-1;F", "2;AKT-2;P"]))
    settle(qtbot, dialog)
    assert dialog.preview_model.index(0, 1).data() == "1"
    dialog.combos[1].setCurrentIndex(dialog.combos[1].findData("case_ref"))
    settle(qtbot, dialog)
    assert dialog.combos[0].currentData() == "ignore"
    assert dialog.preview_model.index(0, 1).data() == "AKT-1"
    dialog.start_import()
    settle(qtbot, dialog)
    refs = [c.case_ref for c in CaseListService(db, "GL").list_cases(dialog.round_id)]
    assert refs == ["AKT-1", "AKT-2"]


def test_personnummer_and_bad_files_show_a_message(qtbot: QtBot, dialog: CaseListImportDialog,
                                                   db: Database, tmp_path: Path) -> None:
    dialog.load_file(report_xlsx(tmp_path / "ok.xlsx"))
    settle(qtbot, dialog)
    dialog.load_file(semicolon_cp1252(tmp_path / "p.csv", ["Ärendenummer;Anteckning",
                                                          f"2026-0001;{PNR}"]))
    settle(qtbot, dialog)
    text = dialog.message_label.text()
    assert "personnummer" in text and "kolumn B" in text and PNR not in text
    assert dialog.preview_model.rowCount() == 0 and not dialog.import_button.isEnabled()
    assert dialog.message_label.isVisible()
    (tmp_path / "fel.xlsx").write_text("inte excel")
    dialog.load_file(tmp_path / "fel.xlsx")
    settle(qtbot, dialog)
    assert "ingen giltig Excel" in dialog.message_label.text()
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(CaseImport)) == 0


def test_cancel_reading(qtbot: QtBot, dialog: CaseListImportDialog, tmp_path: Path) -> None:
    path = report_xlsx(tmp_path / "stor.xlsx", n=3000)
    dialog.load_file(path)
    assert dialog.cancel_button.isVisible() and dialog.progress.isVisible()
    dialog.cancel()
    settle(qtbot, dialog)
    assert "avbröts" in dialog.message_label.text()
    assert not dialog.cancel_button.isVisible() and dialog.preview_model.rowCount() == 0


def test_every_control_has_an_accessible_name(qtbot: QtBot, dialog: CaseListImportDialog,
                                              tmp_path: Path) -> None:
    dialog.load_file(report_xlsx(tmp_path / "lista.xlsx"))
    settle(qtbot, dialog)
    controls = [dialog.file_edit, dialog.choose_button, dialog.preview_view,
                dialog.problem_view, dialog.valid_only, dialog.progress, dialog.cancel_button,
                dialog.import_button, dialog.close_button, *dialog.combos]
    assert all(w.accessibleName().strip() for w in controls)
    assert len(dialog.combos) == 8
