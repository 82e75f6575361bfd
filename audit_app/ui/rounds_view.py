"""The rounds overview: every audit round with its progress; Enter opens one."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from audit_app.domain.rounds import RoundSummary
from audit_app.ui.models import SORT_ROLE, RoundTableModel


class RoundsView(QWidget):
    """A table of rounds; emits open_round(round id) on Enter or double-click.

    Without rounds it says what to do and offers it: new_round_requested, demo_requested.
    """

    open_round = Signal(int)
    new_round_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RoundTableModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the service's order first
        self.table.setAccessibleName(self.tr("Granskningsomgångar"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.activated.connect(self._activated)
        self.empty_label = QLabel(self.tr(
            "Inga granskningsomgångar ännu. Skapa den första omgången (Arkiv → Ny omgång…, "
            "Ctrl+N), eller titta först i demodatabasen: påhittade ärenden, färdiga "
            "granskningar och resultat."))
        self.empty_label.setWordWrap(True)
        self.new_round_button = QPushButton(self.tr("&Ny omgång…"))
        self.new_round_button.clicked.connect(self.new_round_requested)
        self.demo_button = QPushButton(self.tr("Öppna &demodatabasen"))
        self.demo_button.setToolTip(self.tr("Startar Granska igen med demodatabasen; "
                                            "din egen databas ändras inte."))
        self.demo_button.clicked.connect(self.demo_requested)
        self.empty_buttons = QWidget()
        buttons = QHBoxLayout(self.empty_buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.new_round_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        self.empty_buttons.hide()  # shown by set_rounds once the database is known empty
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>" + self.tr("Granskningsomgångar") + "</h2>"))
        layout.addWidget(self.empty_label)
        layout.addWidget(self.empty_buttons)
        layout.addWidget(self.table)

    def set_rounds(self, rows: list[RoundSummary], select_id: int | None = None) -> None:
        previous = self.current_id() if select_id is None else select_id
        self.model.set_rows(rows)
        self.empty_label.setVisible(not rows)
        self.empty_buttons.setVisible(not rows)
        self.select(previous)

    def select(self, round_id: int | None) -> None:
        for n in range(self.model.rowCount()):
            if self.model.row(n).id == round_id:
                index = self.proxy.mapFromSource(self.model.index(n, 0))
                self.table.setCurrentIndex(index)
                self.table.selectRow(index.row())
                return
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row(self.proxy.mapToSource(index).row()).id

    def _activated(self, index: QModelIndex) -> None:
        self.open_round.emit(self.model.row(self.proxy.mapToSource(index).row()).id)
