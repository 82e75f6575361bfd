"""The change log viewer: who changed what, when, old → new, filtered by round and case."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from audit_app.services.changelog import ChangeLogService, ChangeRecord
from audit_app.services.rounds import RoundService

ACTIONS = {"create": "skapad", "update": "ändrad", "delete": "borttagen", "reopen": "återöppnad",
           "complete": "klarmarkerad", "lock": "låst", "unlock": "upplåst"}
ENTITIES = {"round": "omgång", "answer": "svar", "comment": "kommentar", "review": "granskning",
            "case": "ärende", "sample": "urval", "frame": "ärendelista",
            "sample_entry": "urvalsrad"}
_Index = QModelIndex | QPersistentModelIndex


class ChangeLogModel(QAbstractTableModel):
    """Plain ChangeRecord rows."""

    HEADERS = ("När", "Vem", "Åtgärd", "Vad", "Ärende", "Fält", "Gammalt → nytt", "Skäl")

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[ChangeRecord] = []

    def set_rows(self, rows: list[ChangeRecord]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        r = self.rows[index.row()]
        change = f"{r.old or '–'} → {r.new or '–'}"
        values = (f"{r.at:%Y-%m-%d %H:%M:%S}", r.actor, ACTIONS.get(r.action, r.action),
                  ENTITIES.get(r.entity, r.entity), r.case_ref or "", r.field or "", change,
                  r.reason or "")
        return values[index.column()]


class ChangeLogDialog(QDialog):
    """Table of changes with a round and a case filter."""

    def __init__(self, changes: ChangeLogService, rounds: RoundService,
                 round_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.changes = changes
        self.setWindowTitle(self.tr("Ändringslogg"))
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.round_box = QComboBox()
        self.round_box.setAccessibleName(self.tr("Omgång"))
        self.round_box.addItem(self.tr("Alla omgångar"), None)
        for r in rounds.list():
            self.round_box.addItem(r.name, r.id)
        if round_id is not None:
            self.round_box.setCurrentIndex(max(0, self.round_box.findData(round_id)))
        self.case_box = QComboBox()
        self.case_box.setAccessibleName(self.tr("Ärende"))
        for text, box in ((self.tr("&Omgång:"), self.round_box),
                          (self.tr("Ä&rende:"), self.case_box)):
            label = QLabel(text)
            label.setBuddy(box)
            filters.addWidget(label)
            filters.addWidget(box, 2 if box is self.round_box else 1)
        layout.addLayout(filters)
        self.model = ChangeLogModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        self.count = QLabel()
        layout.addWidget(self.count)
        self.round_box.currentIndexChanged.connect(self._round_changed)
        self.case_box.currentIndexChanged.connect(self.reload)
        self._round_changed()
        self.resize(1000, 520)

    def _round_changed(self) -> None:
        self.case_box.blockSignals(True)
        self.case_box.clear()
        self.case_box.addItem(self.tr("Alla ärenden"), None)
        for ref in self.changes.case_refs(self.round_box.currentData()):
            self.case_box.addItem(ref, ref)
        self.case_box.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        rows = self.changes.entries(self.round_box.currentData(), self.case_box.currentData())
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.count.setText(self.tr("{0} ändringar").format(len(rows)))
