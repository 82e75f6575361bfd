"""The drill-down list: non-compliant first, filtered and sorted, a row opens its case once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QHeaderView
from pytestqt.qtbot import QtBot

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.rounds import RoundService
from audit_app.settings import Settings, SettingsStore
from audit_app.storage.db import Database
from audit_app.ui.cases_dialog import CasesDialog, CasesModel
from audit_app.ui.results_view import ResultsView
from tests.figure_data import seed_utredning
from tests.ui.helpers import services_for, window_for

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def computed(qtbot: QtBot, view: ResultsView) -> None:
    qtbot.waitUntil(lambda: view.computing is not None and not view.computing.running)


def drilled(qtbot: QtBot, view: ResultsView) -> CasesDialog:
    qtbot.waitUntil(lambda: view.cases_dialog is not None)
    assert view.cases_dialog is not None
    return view.cases_dialog


def column(dialog: CasesDialog, col: int) -> list[str]:
    return [str(dialog.proxy.index(r, col).data()) for r in range(dialog.proxy.rowCount())]


@pytest.fixture
def view(qtbot: QtBot, db: Database, library: ChecklistLibrary) -> ResultsView:
    t1, _ = seed_utredning(db, library)  # Signs of Safety: 26 ja, 20 nej
    w = ResultsView(services_for(db, library, "EC"), RoundService(db, library, "EC").list(),
                    selected=t1)
    qtbot.addWidget(w)
    w.show()
    computed(qtbot, w)
    return w


def test_the_list_puts_non_compliant_first_and_filters_and_sorts(
        qtbot: QtBot, view: ResultsView, tmp_path: Path) -> None:
    view.items_table.doubleClicked.emit(view.items_model.index(0, 1))
    dialog = drilled(qtbot, view)
    assert dialog.heading.text() == "46 ärenden"
    assert [dialog.model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == [
        "Ärende", "Omgång", "Enhet", "Svar", "Uppfyllt", "Kommentar"]
    assert column(dialog, CasesModel.COMPLIANT) == ["Nej"] * 20 + ["Ja"] * 26
    assert column(dialog, CasesModel.ANSWER)[:20] == ["Nej"] * 20
    refs = column(dialog, CasesModel.CASE)
    assert refs[:20] == sorted(refs[:20]) and refs[20:] == sorted(refs[20:])
    assert "Ingen kartläggning dokumenterad" in column(dialog, CasesModel.COMMENT)[:20]
    dialog.grab().save(str(tmp_path / "cases.png"))
    # filter by answer: the combo lists the answers with their counts
    combo = [dialog.answer.itemText(k) for k in range(dialog.answer.count())]
    assert combo == ["Alla svar", "Ja (26)", "Nej (20)"]
    dialog.answer.setCurrentIndex(dialog.answer.findData("ja"))
    assert column(dialog, CasesModel.ANSWER) == ["Ja"] * 26
    assert dialog.heading.text() == "26 av 46 ärenden"
    # sort by the case column with a click on its header, then back the other way
    header = dialog.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=section_centre(header, CasesModel.CASE))
    refs = column(dialog, CasesModel.CASE)
    assert header.sortIndicatorSection() == CasesModel.CASE
    assert refs in (sorted(refs), sorted(refs, reverse=True)) and refs[0] != refs[-1]
    dialog.table.sortByColumn(CasesModel.CASE, Qt.SortOrder.DescendingOrder)
    assert column(dialog, CasesModel.CASE) == sorted(refs, reverse=True)
    dialog.answer.setCurrentIndex(0)
    assert len(column(dialog, CasesModel.CASE)) == 46
    dialog.reject()


def section_centre(header: QHeaderView, section: int) -> QPoint:
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    return QPoint(x, header.height() // 2)


def test_a_double_click_opens_the_list_once(qtbot: QtBot, view: ResultsView) -> None:
    table = view.items_table
    rect = table.visualRect(view.items_model.index(0, 1))
    # as a real double-click: a press and release, then the double-click
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = drilled(qtbot, view)
    # a double-click also activates the cell, and a second drill comes quickly
    table.doubleClicked.emit(view.items_model.index(1, 1))
    table.activated.emit(view.items_model.index(0, 1))
    qtbot.waitUntil(lambda: view.drilling is not None and not view.drilling.running)
    assert view.cases_dialog is dialog
    assert len(view.findChildren(CasesDialog)) == 1
    dialog.reject()
    table.activated.emit(view.items_model.index(1, 1))  # closed: the next drill opens again
    assert drilled(qtbot, view) is not dialog


def test_enter_on_a_row_opens_the_case_in_the_review_form(
        qtbot: QtBot, db: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    seed_utredning(db, library, n=12)  # Signs of Safety: 12 ja
    store = SettingsStore(tmp_path / "s.json")
    store.save(Settings(reviewer_name="Eva Chef", reviewer_initials="EC"))
    window = window_for(db, library, store)
    qtbot.addWidget(window)
    window.show()
    window.results_action.trigger()
    view = window.dialog
    assert isinstance(view, ResultsView)
    computed(qtbot, view)
    row = next(r for r in range(view.items_model.rowCount())
               if str(view.items_model.index(r, 1).data()) == "9 av 11")  # tidsgrans
    view.items_table.doubleClicked.emit(view.items_model.index(row, 1))
    dialog = drilled(qtbot, view)
    assert column(dialog, CasesModel.COMPLIANT)[:2] == ["Nej", "Nej"]
    dialog.table.setFocus()
    dialog.table.selectRow(1)
    wanted = dialog.row_case(1)
    dialog.grab().save(str(tmp_path / "cases_openable.png"))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.review_form
    assert (window.review_form.round_id, window.review_form.case_id) == (
        wanted.round_id, wanted.case_id)
    assert window.dialog is None  # the results and the list are closed
    assert not view.isVisible() and not dialog.isVisible()


def test_chart_labels_show_the_tables_precision(qtbot: QtBot, view: ResultsView) -> None:
    assert view.report is not None
    row = [i.item_id for i in view.report.items].index("barnet_traffat")
    view.items_table.selectRow(row)
    rate = str(view.items_model.index(row, 2).data())
    assert rate == "87,0 %"  # helt in 40 of 46
    bar = view.comments.bar
    assert bar.text().startswith(f"Helt 40 ({rate}), ")
