"""The round view's case table sorts and filters itself; the selection follows its case."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from audit_app.domain.reviews import CaseReviewRow, ReviewStatus
from audit_app.ui.case_table import CaseTableModel


def _rows(n: int) -> list[CaseReviewRow]:
    units = ("Mottagning", "Utredning", "Familjehem")
    return [CaseReviewRow(case_id=100 + k, case_ref=f"2026-{k + 1:04d}", unit=units[k % 3],
                          team="", gender="flicka" if k % 2 else "pojke", position=k + 1,
                          status=ReviewStatus.COMPLETE if k % 4 == 0 else
                          ReviewStatus.NOT_STARTED, reviewer="GL" if k % 4 == 0 else "",
                          answered=(7 * k) % 11)
            for k in range(n)]


def _column(model: CaseTableModel, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_sorts_by_number_text_and_count_and_back_to_draw_order() -> None:
    model = CaseTableModel()
    model.set_rows(_rows(12))
    assert _column(model, 0) == [str(k) for k in range(1, 13)]
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert _column(model, 1)[0] == "2026-0012"
    model.sort(5, Qt.SortOrder.AscendingOrder)  # numbers, not text: 10 after 9
    answered = [int(v) for v in _column(model, 5)]
    assert answered == sorted(answered) and max(answered) == 10
    model.sort(2, Qt.SortOrder.AscendingOrder)
    assert _column(model, 2) == sorted(_column(model, 2), key=str.casefold)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert _column(model, 1) == [f"2026-{k:04d}" for k in range(1, 13)]


def test_filter_matches_any_column_ignoring_case_and_keeps_all_rows() -> None:
    model = CaseTableModel()
    model.set_rows(_rows(12))
    model.set_filter("FAMILJEHEM")
    assert model.rowCount() == 4
    assert set(_column(model, 2)) == {"Familjehem"}
    model.set_filter("0011")
    assert _column(model, 1) == ["2026-0011"]
    assert model.row(0).case_id == 110
    assert len(model.rows()) == 12  # PgUp/PgDn still walk the whole sample
    assert model.row_of(100) is None
    model.set_filter("")
    assert model.rowCount() == 12 and model.row_of(100) == 0


def test_selection_follows_its_case_through_sort_and_filter(qtbot: QtBot) -> None:
    model = CaseTableModel()
    model.set_rows(_rows(30))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setCurrentIndex(model.index(model.row_of(107) or 0, 1))
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.row(view.currentIndex().row()).case_id == 107
    assert view.currentIndex().row() == 30 - 8
    model.set_filter("Utredning")
    assert model.row(view.currentIndex().row()).case_id == 107
    model.set_filter("Mottagning")  # 107 is filtered out: no current row left
    assert not view.currentIndex().isValid()


def test_unknown_gender_is_spelled_out_in_swedish() -> None:
    model = CaseTableModel()
    row = _rows(1)[0]
    model.set_rows([CaseReviewRow(**{**row.__dict__, "gender": "okant"})])
    assert model.index(0, 3).data() == "okänt"
