"""The cases behind a figure: a sortable table filtered by answer; a row opens its case."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from audit_app.services.figures import CaseBehind
from audit_app.ui.i18n import term
from audit_app.ui.models import TitledTableModel

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
NOT_MET_COLOUR = "#c62828"


class CasesModel(TitledTableModel):
    """Case, round, unit, answer, compliant, comment; sorted on plain text keys."""

    CASE, ROUND, UNIT, ANSWER, COMPLIANT, COMMENT = range(6)

    def __init__(self, headers: tuple[str, ...], cases: list[CaseBehind],
                 labels: dict[str, str]) -> None:
        super().__init__()
        self.headers = headers
        self.cases = list(cases)
        self.labels = labels

    def case(self, row: int) -> CaseBehind:
        return self.cases[row]

    def answer_text(self, value: str | None) -> str:
        return term(self.labels.get(value or "", value or "")) or "–"

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.cases)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        case, col = self.cases[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts(case)[col]
        if role == SORT_ROLE:
            # ties keep the round and case order; non-compliant sorts before compliant
            tail = f"\t{case.round_name}\t{case.case_ref}".casefold()
            if col == self.COMPLIANT:
                return f"{ {False: 0, None: 1, True: 2}[case.compliant] }{tail}"
            return self._texts(case)[col].casefold() + tail
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.ANSWER, self.COMMENT):
            return self._texts(case)[col]
        if role == Qt.ItemDataRole.ForegroundRole and case.compliant is False and col in (
                self.ANSWER, self.COMPLIANT):
            return QColor(NOT_MET_COLOUR)
        return None

    def _texts(self, case: CaseBehind) -> tuple[str, ...]:
        compliant = {True: QCoreApplication.translate("CasesDialog", "Ja"),
                     False: QCoreApplication.translate("CasesDialog", "Nej"),
                     None: "–"}[case.compliant]
        return (case.case_ref, case.round_name, case.unit or "–", self.answer_text(case.value),
                compliant, case.comment)


class AnswerFilter(QSortFilterProxyModel):
    """Only the cases with the chosen answer (None: every case)."""

    def __init__(self, source: CasesModel) -> None:
        super().__init__()
        self.cases = source
        self.answer: str | None = None
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)

    def set_answer(self, answer: str | None) -> None:
        self.beginFilterChange()
        self.answer = answer
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:  # noqa: N802
        return self.answer is None or (self.cases.case(row).value or "") == self.answer


class CasesDialog(QDialog):
    """The cases behind one figure, non-compliant first; Enter or a double-click on a row
    asks for the case in the review form (openable: a main window is there to show it)."""

    open_requested = Signal(int, int)  # round id, case id

    def __init__(self, title: str, cases: list[CaseBehind], parent: QWidget | None = None,
                 answer_labels: dict[str, str] | None = None, *, openable: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(860, 480)
        self.cases = cases
        self.openable = openable
        self.opened = False
        labels = answer_labels or {}
        self.model = CasesModel((
            self.tr("Ärende"), self.tr("Omgång"), self.tr("Enhet"), self.tr("Svar"),
            self.tr("Uppfyllt"), self.tr("Kommentar")), cases, labels)
        self.proxy = AnswerFilter(self.model)
        self.heading = QLabel()
        self.answer = QComboBox()
        self.answer.setAccessibleName(self.tr("Visa svar"))
        self.answer.addItem(self.tr("Alla svar"), None)
        counts: dict[str, int] = {}
        for case in cases:
            counts[case.value or ""] = counts.get(case.value or "", 0) + 1
        order = [v for v in labels if v in counts] + [v for v in counts if v not in labels]
        for value in order:
            text = self.model.answer_text(value)
            short = text if len(text) <= 60 else text[:57] + "…"
            self.answer.addItem(f"{short} ({counts[value]})", value)
        self.answer.currentIndexChanged.connect(lambda _i: self._filter())
        self.table = self._table()
        hint = QLabel(self.tr("Dubbelklicka eller tryck Enter på ett ärende för att öppna det "
                              "i granskningsformuläret."))
        hint.setVisible(openable)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        filters = QHBoxLayout()
        filters.addWidget(self.heading)
        filters.addStretch(1)
        shown = QLabel(self.tr("&Visa svar:"))
        shown.setBuddy(self.answer)
        filters.addWidget(shown)
        filters.addWidget(self.answer)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self._filter()

    def _table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.proxy)
        table.setAccessibleName(self.tr("Ärenden bakom siffran"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.setSortingEnabled(True)
        table.sortByColumn(CasesModel.COMPLIANT, Qt.SortOrder.AscendingOrder)
        table.resizeColumnsToContents()
        for col in (CasesModel.ANSWER, CasesModel.COMMENT):
            table.setColumnWidth(col, min(table.columnWidth(col), 260))
        table.horizontalHeader().setSectionResizeMode(CasesModel.COMMENT,
                                                      QHeaderView.ResizeMode.Stretch)
        table.doubleClicked.connect(self._open)
        table.activated.connect(self._open)  # Enter; a double-click emits both: opens once
        return table

    def _filter(self) -> None:
        self.proxy.set_answer(self.answer.currentData())
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.heading.setText(self.tr("%n ärenden", "", total) if shown == total
                             else self.tr("%1 av %2 ärenden").replace("%1", str(shown))
                             .replace("%2", str(total)))
        if shown:
            self.table.selectRow(0)

    def row_case(self, row: int) -> CaseBehind:
        """The case shown on a row of the table, as sorted and filtered."""
        return self.model.case(self.proxy.mapToSource(self.proxy.index(row, 0)).row())

    def _open(self, index: QModelIndex) -> None:
        if not self.openable or self.opened or not index.isValid():
            return
        case = self.row_case(index.row())
        if case.case_id:
            self.opened = True
            self.open_requested.emit(case.round_id, case.case_id)
