"""The sampled cases of a round as a table model that sorts and filters itself.

A round can have thousands of cases. A QSortFilterProxyModel would ask Python for every cell
of every row to sort or filter; here the texts and sort keys are computed once per load and
sorting and filtering are plain list operations.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt

from audit_app.domain.reviews import CaseReviewRow
from audit_app.ui.i18n import term
from audit_app.ui.models import HeaderedTableModel

Index = QModelIndex | QPersistentModelIndex
SWEDISH = {"okant": "okänt"}  # stored without the diaeresis, shown with it


class CaseTableModel(HeaderedTableModel):
    """The cases of a round with their review status; sort() and set_filter() reorder rows."""

    CONTEXT = "CaseTableModel"
    HEADERS = (QT_TRANSLATE_NOOP("CaseTableModel", "Nr"),
               QT_TRANSLATE_NOOP("CaseTableModel", "Ärende"),
               QT_TRANSLATE_NOOP("CaseTableModel", "Enhet"),
               QT_TRANSLATE_NOOP("CaseTableModel", "Kön"),
               QT_TRANSLATE_NOOP("CaseTableModel", "Status"),
               QT_TRANSLATE_NOOP("CaseTableModel", "Besvarade"),
               QT_TRANSLATE_NOOP("CaseTableModel", "Granskare"))

    def __init__(self) -> None:
        super().__init__()
        self._records: list[CaseReviewRow] = []
        self._cells: list[tuple[str, ...]] = []
        self._folded: list[str] = []  # all cells of a record, case-folded, for the filter
        self._visible: list[int] = []  # record numbers in display order
        self._sort_column, self._sort_order = 0, Qt.SortOrder.AscendingOrder
        self._filter = ""
        self._word: Callable[[str], str] = term

    # -- loading, sorting, filtering ---------------------------------------------------

    def set_rows(self, rows: list[CaseReviewRow]) -> None:
        self.beginResetModel()
        self._records = list(rows)
        words: dict[str, str] = {}  # a few genders and statuses: translate each once

        def word(text: str) -> str:
            if text not in words:
                shown = term(text)  # untranslated (Swedish): the stored value, spelled out
                words[text] = SWEDISH.get(text, text) if shown == text else shown
            return words[text]

        self._word = word
        self._cells = [self._texts(r) for r in self._records]
        self._folded = ["\x1f".join(cells).casefold() for cells in self._cells]
        self._visible = self._ordered(self._matching())
        self.endResetModel()

    def _texts(self, r: CaseReviewRow) -> tuple[str, ...]:
        word = self._word
        return (str(r.position), r.case_ref, r.unit or "–", word(r.gender) if r.gender else "–",
                word(r.status.label), str(r.answered), r.reviewer)

    def update_case(self, row: CaseReviewRow) -> None:
        """One case's new status in place (after completing it): no reload, no re-sort."""
        for number, old in enumerate(self._records):
            if old.case_id == row.case_id:
                self._records[number] = row
                self._cells[number] = self._texts(row)
                self._folded[number] = "\x1f".join(self._cells[number]).casefold()
                shown = self.row_of(row.case_id)
                if shown is not None:
                    self.dataChanged.emit(self.index(shown, 0),
                                          self.index(shown, self.columnCount() - 1))
                return

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self._relayout(self._ordered(self._visible))

    def set_filter(self, text: str) -> None:
        self._filter = text.strip().casefold()
        self._relayout(self._ordered(self._matching()))

    def _matching(self) -> list[int]:
        if not self._filter:
            return list(range(len(self._records)))
        needle = self._filter
        return [n for n, text in enumerate(self._folded) if needle in text]

    def _ordered(self, numbers: list[int]) -> list[int]:
        column = self._sort_column
        records, cells = self._records, self._cells
        if column == 0:
            keys: list[Any] = [r.position for r in records]
        elif column == 5:
            keys = [r.answered for r in records]
        else:
            keys = [c[column].casefold() for c in cells]
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        return sorted(numbers, key=keys.__getitem__, reverse=descending)

    def _relayout(self, visible: list[int]) -> None:
        """Show `visible` in place of the current rows; selections follow their case."""
        self.layoutAboutToBeChanged.emit()
        position = {number: row for row, number in enumerate(visible)}
        old = self.persistentIndexList()
        new = []
        for index in old:
            row = position.get(self._visible[index.row()]) if index.isValid() else None
            new.append(self.index(row, index.column()) if row is not None else QModelIndex())
        self._visible = visible
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    # -- reading -----------------------------------------------------------------------

    def row(self, index: int) -> CaseReviewRow:
        """The case shown in display row `index`."""
        return self._records[self._visible[index]]

    def rows(self) -> list[CaseReviewRow]:
        """Every case of the round in draw order, filtered out or not."""
        return list(self._records)

    def row_of(self, case_id: int | None) -> int | None:
        """The display row of a case, None when it is not shown."""
        for row, number in enumerate(self._visible):
            if self._records[number].case_id == case_id:
                return row
        return None

    def column_texts(self, column: int) -> list[str]:
        return [cells[column] for cells in self._cells]

    # -- QAbstractTableModel -----------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._visible)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        return self._cells[self._visible[index.row()]][index.column()]
