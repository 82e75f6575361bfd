"""The results view: figures per item, filters, drill-down to cases, export off the GUI thread."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.rounds import RoundService
from audit_app.storage.db import Database
from audit_app.ui.results_view import ResultsView
from tests.figure_data import seed_utredning, utredning
from tests.reports.test_report_versions import CHECKLISTS, two_versions
from tests.ui.helpers import services_for, window_for

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def make_view(qtbot: QtBot, db: Database, library: ChecklistLibrary) -> ResultsView:
    t1, _ = seed_utredning(db, library)
    seed_utredning(db, library, n=20, period="T2", name="Utredning T2 2026",
                   answers=lambda k: utredning(45 - k))
    view = ResultsView(services_for(db, library, "EC"), RoundService(db, library, "EC").list(),
                       selected=t1)
    qtbot.addWidget(view)
    computed(qtbot, view)
    return view


def computed(qtbot: QtBot, view: ResultsView) -> None:
    """Wait for the figures, computed off the GUI thread."""
    qtbot.waitUntil(lambda: view.computing is not None and not view.computing.running)


def cell(model: object, row: int, col: int) -> str:
    return str(model.index(row, col).data())  # type: ignore[attr-defined]


def test_figures_and_filters(qtbot: QtBot, db: Database, library: ChecklistLibrary,
                             tmp_path: Path) -> None:
    view = make_view(qtbot, db, library)
    assert cell(view.items_model, 0, 1) == "26 av 46"
    assert cell(view.items_model, 0, 2) == "56,5 %"
    assert cell(view.items_model, 0, 3) == "42,2–69,8 %"
    assert cell(view.items_model, 0, 5) == "ej uppfyllt"
    assert cell(view.items_model, 4, 1) == "Ja 10, Nej 36"  # SIP need: unscored counts
    # tick T2 too: VB accumulates 26 of 66
    view.round_list.item(0).setCheckState(Qt.CheckState.Checked)
    computed(qtbot, view)
    assert cell(view.items_model, 0, 1) == "26 av 66"
    labels = [cell(view.groups_model, r, 0) for r in range(view.groups_model.rowCount())]
    assert "VB 2026" in labels and "Flickor" in labels
    view.period.setCurrentIndex(view.period.findData("T2"))
    computed(qtbot, view)
    assert cell(view.items_model, 0, 1) == "0 av 20"
    view.period.setCurrentIndex(0)
    view.gender.setCurrentIndex(view.gender.findData("flicka"))
    computed(qtbot, view)
    assert cell(view.items_model, 0, 1) == "11 av 27"
    view.grab().save(str(tmp_path / "results.png"))


def test_drill_down_lists_cases(qtbot: QtBot, db: Database, library: ChecklistLibrary) -> None:
    view = make_view(qtbot, db, library)
    shown: list[int] = []
    view.items_table.doubleClicked.emit(view.items_model.index(0, 1))
    qtbot.waitUntil(lambda: view.cases_dialog is not None)
    assert view.cases_dialog is not None
    shown.append(len(view.cases_dialog.cases))
    view.cases_dialog.reject()
    assert view.cases_dialog is None
    girls = next(r for r in range(view.groups_model.rowCount())
                 if cell(view.groups_model, r, 0) == "Flickor")
    view.groups_table.doubleClicked.emit(view.groups_model.index(girls, 1))
    qtbot.waitUntil(lambda: view.cases_dialog is not None)
    shown.append(len(view.cases_dialog.cases))
    assert shown == [46, 19]
    view.cases_dialog.reject()


def test_export_pdf_off_the_gui_thread(qtbot: QtBot, db: Database, library: ChecklistLibrary,
                                       tmp_path: Path) -> None:
    view = make_view(qtbot, db, library)
    path = tmp_path / "resultat.pdf"
    view.export_to("pdf", path)
    assert view.job is not None
    qtbot.waitUntil(lambda: "Sparade" in view.status.text(), timeout=20_000)
    assert "26 av 46 (56,5 %)" in PdfReader(str(path)).pages[1].extract_text()


def test_main_window_ctrl_r_opens_results(qtbot: QtBot, db: Database,
                                          library: ChecklistLibrary, tmp_path: Path) -> None:
    from audit_app.settings import Settings, SettingsStore

    seed_utredning(db, library, n=6)
    store = SettingsStore(tmp_path / "s.json")
    store.save(Settings(reviewer_name="Enhetschef EC", reviewer_initials="EC"))
    window = window_for(db, library, store)
    qtbot.addWidget(window)
    assert window.results_action.shortcut().toString() == "Ctrl+R"
    window.results_action.trigger()
    assert isinstance(window.dialog, ResultsView)
    computed(qtbot, window.dialog)
    assert cell(window.dialog.items_model, 0, 1) == "6 av 6"
    window.dialog.reject()


def test_two_checklist_versions_name_both_targets(qtbot: QtBot, db: Database,
                                                  tmp_path: Path) -> None:
    first, _ = two_versions(db, tmp_path)
    library = ChecklistLibrary([CHECKLISTS, tmp_path / "egna"])
    view = ResultsView(services_for(db, library, "EC"), RoundService(db, library, "EC").list(),
                       selected=first)
    qtbot.addWidget(view)
    computed(qtbot, view)
    assert "Årsmålet" not in view.status.text()  # one round, one version
    for row in range(view.round_list.count()):
        view.round_list.item(row).setCheckState(Qt.CheckState.Checked)
    computed(qtbot, view)
    assert "olika versioner av checklistan (1.0, 1.1)" in view.status.text()
    assert ("Årsmålet för signs_of_safety skiljer sig mellan versionerna: 70 % (v1.0), "
            "80 % (v1.1)") in view.status.text()
