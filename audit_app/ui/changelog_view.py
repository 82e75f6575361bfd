"""The change log viewer: who changed what, when, old → new, filtered by round and case."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from audit_app.services.changelog import ChangeLogService, ChangeRecord
from audit_app.services.rounds import RoundService
from audit_app.ui.i18n import term

ACTIONS: dict[str, str] = {
    "create": str(QT_TRANSLATE_NOOP("Termer", "skapad")),
    "update": str(QT_TRANSLATE_NOOP("Termer", "ändrad")),
    "delete": str(QT_TRANSLATE_NOOP("Termer", "borttagen")),
    "reopen": str(QT_TRANSLATE_NOOP("Termer", "återöppnad")),
    "complete": str(QT_TRANSLATE_NOOP("Termer", "klarmarkerad")),
    "lock": str(QT_TRANSLATE_NOOP("Termer", "låst")),
    "unlock": str(QT_TRANSLATE_NOOP("Termer", "upplåst")),
    "import": str(QT_TRANSLATE_NOOP("Termer", "importerad")),
    "link": str(QT_TRANSLATE_NOOP("Termer", "kopplad")),
}
ENTITIES: dict[str, str] = {
    "round": str(QT_TRANSLATE_NOOP("Termer", "omgång")),
    "answer": str(QT_TRANSLATE_NOOP("Termer", "svar")),
    "comment": str(QT_TRANSLATE_NOOP("Termer", "kommentar")),
    "review": str(QT_TRANSLATE_NOOP("Termer", "granskning")),
    "case": str(QT_TRANSLATE_NOOP("Termer", "ärende")),
    "sample": str(QT_TRANSLATE_NOOP("Termer", "urval")),
    "frame": str(QT_TRANSLATE_NOOP("Termer", "ärendelista")),
    "sample_entry": str(QT_TRANSLATE_NOOP("Termer", "urvalsrad")),
    "checklist": str(QT_TRANSLATE_NOOP("Termer", "checklista")),
    "checklist_item": str(QT_TRANSLATE_NOOP("Termer", "kontrollpunkt")),
    "plan_control": str(QT_TRANSLATE_NOOP("Termer", "kontrollmoment")),
    "deviation": str(QT_TRANSLATE_NOOP("Termer", "avvikelse")),
    "action": str(QT_TRANSLATE_NOOP("Termer", "åtgärd")),
    "themes": str(QT_TRANSLATE_NOOP("Termer", "teman")),
    "quote": str(QT_TRANSLATE_NOOP("Termer", "citat")),
}
_Index = QModelIndex | QPersistentModelIndex
REASON_COLUMN = 7
# Widest a column may become (pixels); longer text is elided, shown whole in the tooltip and
# below the table, so that the reason column stays in view without scrolling sideways.
MAX_WIDTHS = (150, 170, 110, 100, 110, 150, 230)


class ChangeLogModel(QAbstractTableModel):
    """Plain ChangeRecord rows."""

    HEADERS = (QT_TRANSLATE_NOOP("ChangeLogModel", "När"),
               QT_TRANSLATE_NOOP("ChangeLogModel", "Vem"),
               QT_TRANSLATE_NOOP("ChangeLogModel", "Åtgärd"),
               QT_TRANSLATE_NOOP("ChangeLogModel", "Vad"),
               QT_TRANSLATE_NOOP("ChangeLogModel", "Ärende"),
               QT_TRANSLATE_NOOP("ChangeLogModel", "Fält"),
               QT_TRANSLATE_NOOP("ChangeLogModel", "Gammalt → nytt"),
               QT_TRANSLATE_NOOP("ChangeLogModel", "Skäl"))

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
            return term(str(self.HEADERS[section]), "ChangeLogModel")
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        r = self.rows[index.row()]
        change = f"{r.old or '–'} → {r.new or '–'}"
        values = (f"{r.at:%Y-%m-%d %H:%M:%S}", r.actor, term(ACTIONS.get(r.action, r.action)),
                  term(ENTITIES.get(r.entity, r.entity)), r.case_ref or "", r.field or "", change,
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
        self.table.setAccessibleName(self.tr("Ändringslogg"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(REASON_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        layout.addWidget(self.table, 1)
        self.details = QLabel()  # the selected change in full: long reasons wrap here
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAccessibleName(self.tr("Vald ändring"))
        layout.addWidget(self.details)
        self.count = QLabel()
        layout.addWidget(self.count)
        self.round_box.currentIndexChanged.connect(self._round_changed)
        self.case_box.currentIndexChanged.connect(self.reload)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)
        self._round_changed()
        self.resize(1200, 560)

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
        self._fit_columns()
        self._show_details(self.table.currentIndex())
        self.count.setText(self.tr("{0} ändringar").format(len(rows)))

    def _fit_columns(self) -> None:
        """Size the columns to their text, each within its cap; the reason takes the rest."""
        header = self.table.horizontalHeader()
        for column, cap in enumerate(MAX_WIDTHS):
            wanted = max(self.table.sizeHintForColumn(column),
                         header.sectionSizeHint(column))
            header.resizeSection(column, min(wanted, cap))

    def _show_details(self, index: QModelIndex) -> None:
        if not index.isValid():
            self.details.setText(self.tr("Välj en rad för att se hela ändringen och skälet."))
            return
        row = self.model.rows[index.row()]
        change = self.model.data(self.model.index(index.row(), 6))
        text = self.tr("{0} · {1}: {2}").format(f"{row.at:%Y-%m-%d %H:%M}", row.actor, change)
        if row.reason:
            text += "\n" + self.tr("Skäl: {0}").format(row.reason)
        self.details.setText(text)
