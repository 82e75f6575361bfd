"""Pieces of the case-list import dialog: its table models and their cells."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from audit_app.domain.gender import gender_label
from audit_app.importers.caselist import CaseRow, Problem
from audit_app.ui.i18n import current_language

Index = QModelIndex | QPersistentModelIndex
CONTEXT = "CaseListImportDialog"


class RecordTable(QAbstractTableModel):
    """Read-only rows of plain records; `cells` turns a record into display texts."""

    def __init__(self, headers: tuple[object, ...], cells: Callable[[Any], list[str]]) -> None:
        super().__init__()
        self._headers = headers
        self._cells = cells
        self._rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate(CONTEXT, str(self._headers[section]))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.DisplayRole:
            return self._cells(self._rows[index.row()])[index.column()]
        return None


PREVIEW_HEADERS = (
    QT_TRANSLATE_NOOP("CaseListImportDialog", "Rad"),
    QT_TRANSLATE_NOOP("CaseListImportDialog", "Ärendenummer"),
    QT_TRANSLATE_NOOP("CaseListImportDialog", "Enhet"),
    QT_TRANSLATE_NOOP("CaseListImportDialog", "Arbetsgrupp"),
    QT_TRANSLATE_NOOP("CaseListImportDialog", "Ärendetyp"),
    QT_TRANSLATE_NOOP("CaseListImportDialog", "Kön"),
    QT_TRANSLATE_NOOP("CaseListImportDialog", "Födelseår"),
    QT_TRANSLATE_NOOP("CaseListImportDialog", "Åldersgrupp"),
    QT_TRANSLATE_NOOP("CaseListImportDialog", "Avslutsdatum"),
)
# The field names of the mapping combos (FIELD_LABELS), marked here for translation.
FIELD_TEXTS = (
    QT_TRANSLATE_NOOP("CaseListImportDialog", "Ärendenummer"),
    QT_TRANSLATE_NOOP("CaseListImportDialog", "Enhet"),
    QT_TRANSLATE_NOOP("CaseListImportDialog", "Arbetsgrupp"),
    QT_TRANSLATE_NOOP("CaseListImportDialog", "Ärendetyp"),
    QT_TRANSLATE_NOOP("CaseListImportDialog", "Kön"),
    QT_TRANSLATE_NOOP("CaseListImportDialog", "Födelseår"),
    QT_TRANSLATE_NOOP("CaseListImportDialog", "Åldersgrupp"),
    QT_TRANSLATE_NOOP("CaseListImportDialog", "Avslutsdatum"),
    QT_TRANSLATE_NOOP("CaseListImportDialog", "(används inte)"),
)
PROBLEM_HEADERS = (
    QT_TRANSLATE_NOOP("CaseListImportDialog", "Rad"),
    QT_TRANSLATE_NOOP("CaseListImportDialog", "Kolumn"),
    QT_TRANSLATE_NOOP("CaseListImportDialog", "Fel"),
)


def preview_cells(r: CaseRow) -> list[str]:
    return [str(r.row), r.case_ref, r.unit, r.team, r.case_type,
            gender_label(r.gender, current_language()),
            str(r.birth_year or ""), r.age_band, r.closing_date.isoformat() if r.closing_date
            else ""]


def problem_cells(p: Problem) -> list[str]:
    return [str(p.row), p.column, p.reason]
