"""One round: its sampled cases with filter and sort, and the actions that fill the round."""

from __future__ import annotations

import html
from dataclasses import replace

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from audit_app.domain.reviews import CaseReviewRow, ReviewRecord, ReviewStatus
from audit_app.domain.rounds import RoundSummary
from audit_app.ui.case_table import CaseTableModel


class RoundView(QWidget):
    """The cases of one round; emits open_case(case id) on Enter or double-click."""

    open_case = Signal(int)
    import_requested = Signal()
    sample_requested = Signal()
    exclude_requested = Signal(int)  # the case id of a sampled case to exclude

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.round: RoundSummary | None = None
        self.title = QLabel()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = CaseTableModel()  # sorts and filters itself: fast for large rounds
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filtrera på ärende, enhet, kön, status…"))
        self.filter.setAccessibleName(self.tr("Filter"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.model.set_filter)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setAccessibleName(self.tr("Ärenden i stickprovet"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.activated.connect(self._activated)
        self.import_button = QPushButton(self.tr("Importera ärendelista…"))
        self.import_button.clicked.connect(self.import_requested)
        self.sample_button = QPushButton(self.tr("Dra stickprov…"))
        self.sample_button.clicked.connect(self.sample_requested)
        self.open_button = QPushButton(self.tr("Granska ärendet"))
        self.open_button.clicked.connect(self._open_current)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.import_note = QLabel()  # why the case list can no longer be imported
        self.import_note.setWordWrap(True)
        self.import_note.setStyleSheet("color: #57606a;")
        self.import_note.hide()
        self.notice = QLabel()  # a refused action's reason, until the next one
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #b00020;")
        self.notice.setAccessibleName(self.tr("Meddelande"))
        self.notice.hide()
        self.exclude_action = QAction(self.tr("&Uteslut ärendet ur stickprovet…"), self)
        self.exclude_action.setShortcut(QKeySequence("Ctrl+Shift+X"))
        self.exclude_action.setStatusTip(self.tr("Utesluter det markerade ärendet med en "
                                                 "orsak; nästa reservärende tar dess plats."))
        self.exclude_action.triggered.connect(self._exclude_current)
        self.exclude_action.setEnabled(False)
        self.addAction(self.exclude_action)
        self.context_menu: QMenu | None = None
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.sample_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        top = QHBoxLayout()
        filter_label = QLabel(self.tr("&Filter:"))
        filter_label.setBuddy(self.filter)
        top.addWidget(filter_label)
        top.addWidget(self.filter, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.import_note)
        layout.addWidget(self.notice)
        layout.addLayout(top)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table)

    def set_round(self, summary: RoundSummary, cases: list[CaseReviewRow]) -> None:
        same = self.round is not None and self.round.id == summary.id
        current = self.current_case_id() if same else None
        self.set_summary(summary)
        self.model.set_rows(cases)
        self._fit_columns()
        if not cases:
            self.empty_label.setText(
                self.tr("Inget stickprov ännu. Importera en ärendelista och dra sedan "
                        "stickprovet.") if summary.frame_size == 0 else
                self.tr("Ärendelistan är importerad. Dra stickprovet för att börja granska."))
        self.empty_label.setVisible(not cases)
        if not same:
            self.notice.hide()
        drawn = summary.sampled > 0
        self.import_button.setEnabled(not summary.locked and not drawn)
        reason = (self.tr("Omgången är låst; ärendelistan kan inte ändras.") if summary.locked
                  else self.tr("Stickprovet är draget; ärendelistan kan inte ändras.")
                  if drawn else "")
        self.import_button.setToolTip(reason)
        self.import_note.setText(reason)
        self.import_note.setVisible(bool(reason))
        self.exclude_action.setEnabled(bool(cases))
        self.sample_button.setEnabled(not summary.locked and summary.frame_size > 0)
        self.open_button.setEnabled(bool(cases))
        self.select_case(current)

    def set_summary(self, summary: RoundSummary) -> None:
        """The round's title and counts (the case rows stay as they are)."""
        self.round = summary
        self.title.setText(f"<h2>{html.escape(summary.name)}</h2>")
        self.summary.setText(self.tr("{0} (v{1}) · {2} {3} · {4} · ärenden i ramen: {5} · "
                                     "granskade {6} av {7}").format(
            summary.checklist_title, summary.checklist_version, summary.year, summary.period,
            summary.unit or "–", summary.frame_size, summary.reviewed, summary.sampled))

    def show_review(self, record: ReviewRecord) -> None:
        """A review was stored: its row and the round's count of completed reviews."""
        old = next((r for r in self.model.rows() if r.case_id == record.case_id), None)
        if old is None or self.round is None:
            return
        answered = sum(1 for a in record.answers.values() if a.value is not None and a.applicable)
        self.model.update_case(replace(old, status=record.status, reviewer=record.reviewer,
                                       answered=answered))
        was, now = (s is ReviewStatus.COMPLETE for s in (old.status, record.status))
        if was != now:
            self.set_summary(replace(self.round, reviewed=self.round.reviewed + now - was))

    def case_ids(self) -> list[int]:
        """The cases in draw order (the order PgUp/PgDn follow)."""
        return [r.case_id for r in sorted(self.model.rows(), key=lambda r: r.position)]

    def select_case(self, case_id: int | None) -> None:
        row = self.model.row_of(case_id) if case_id is not None else None
        if row is not None:
            index = self.model.index(row, 0)
            self.table.setCurrentIndex(index)
            self.table.selectRow(row)
            return
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def focus_first_case(self) -> None:
        """Select the first case shown and give the table focus, so Enter opens it."""
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))
            self.table.selectRow(0)
        self.table.setFocus()

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def current_case_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row(index.row()).case_id

    def _open_current(self) -> None:
        case_id = self.current_case_id()
        if case_id is not None:
            self.open_case.emit(case_id)

    def _exclude_current(self) -> None:
        case_id = self.current_case_id()
        if case_id is not None:
            self.exclude_requested.emit(case_id)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.table.setCurrentIndex(index)
        self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction(self.tr("&Granska ärendet"), self._open_current)
        menu.addAction(self.exclude_action)
        self.context_menu = menu  # kept for tests; shown without blocking
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _activated(self, index: QModelIndex) -> None:
        self.open_case.emit(self.model.row(index.row()).case_id)

    def _fit_columns(self) -> None:
        """Widths from the longest texts (resizeColumnsToContents would ask every row)."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        padding = 2 * metrics.horizontalAdvance("M")
        for column in range(self.model.columnCount() - 1):  # the last one stretches
            texts = sorted(set(self.model.column_texts(column)), key=len)[-5:]
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            widest = max([metrics.horizontalAdvance(t) for t in texts] +
                         [header.fontMetrics().horizontalAdvance(title) + padding])
            self.table.setColumnWidth(column, widest + padding)
