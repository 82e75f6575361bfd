"""Table models over plain records: the rounds overview (cases: see case_table.py)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from audit_app.domain.rounds import RoundSummary
from audit_app.ui.i18n import term

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class HeaderedTableModel(QAbstractTableModel):
    """A table whose column titles are HEADERS, translated in the context CONTEXT."""

    CONTEXT = ""
    HEADERS: tuple[object, ...] = ()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate(self.CONTEXT, str(self.HEADERS[section]))
        return None


class TitledTableModel(QAbstractTableModel):
    """A table whose column titles are already translated, in `self.headers`."""

    headers: tuple[str, ...] = ()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


class _RecordModel(HeaderedTableModel):
    """A read-only table of records; subclasses say how a record becomes cells."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells(record)[index.column()]
        if role == SORT_ROLE:
            return self.sort_keys(record)[index.column()]
        return None

    def cells(self, record: Any) -> tuple[str, ...]:
        raise NotImplementedError

    def sort_keys(self, record: Any) -> tuple[Any, ...]:
        return self.cells(record)


class RoundTableModel(_RecordModel):
    """Rounds as rows; holds plain RoundSummary records."""

    CONTEXT = "RoundTableModel"
    HEADERS = (QT_TRANSLATE_NOOP("RoundTableModel", "Namn"),
               QT_TRANSLATE_NOOP("RoundTableModel", "Checklista"),
               QT_TRANSLATE_NOOP("RoundTableModel", "År"),
               QT_TRANSLATE_NOOP("RoundTableModel", "Period"),
               QT_TRANSLATE_NOOP("RoundTableModel", "Enhet"),
               QT_TRANSLATE_NOOP("RoundTableModel", "Granskade / urval"),
               QT_TRANSLATE_NOOP("RoundTableModel", "Status"))

    def row(self, index: int) -> RoundSummary:
        record: RoundSummary = self._rows[index]
        return record

    def cells(self, record: Any) -> tuple[str, ...]:
        r: RoundSummary = record
        return (r.name, f"{r.checklist_title} (v{r.checklist_version})", str(r.year),
                r.period, r.unit or "–", f"{r.reviewed} / {r.sampled}", term(r.status))
