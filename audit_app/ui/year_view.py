"""The year at a glance: each planned control × period and the actions, for one unit's plan."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QThread,
)
from PySide6.QtGui import QColor
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

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.figures import figure_text
from audit_app.domain.plan import Action, ActionStatus, PeriodState, PeriodStatus
from audit_app.services.deviations import DeviationService
from audit_app.services.plan import PlanService
from audit_app.services.plan_status import YearService
from audit_app.storage.db import Database

_Index = QModelIndex | QPersistentModelIndex
STATES = {
    PeriodState.PLANNED: str(QT_TRANSLATE_NOOP("YearView", "planerad")),
    PeriodState.CREATED: str(QT_TRANSLATE_NOOP("YearView", "omgång skapad")),
    PeriodState.IN_PROGRESS: str(QT_TRANSLATE_NOOP("YearView", "pågår ({0} av {1} granskade)")),
    PeriodState.DONE: str(QT_TRANSLATE_NOOP("YearView", "klar")),
    PeriodState.OVERDUE: str(QT_TRANSLATE_NOOP("YearView", "försenad")),
}
ACTION_STATES = {
    ActionStatus.PLANNED: str(QT_TRANSLATE_NOOP("YearView", "planerad")),
    ActionStatus.IN_PROGRESS: str(QT_TRANSLATE_NOOP("YearView", "pågår")),
    ActionStatus.DONE: str(QT_TRANSLATE_NOOP("YearView", "klar")),
    ActionStatus.CANCELLED: str(QT_TRANSLATE_NOOP("YearView", "avbruten")),
}
OVERDUE_FILL = QColor("#FFCDD2")


def _tr(text: str) -> str:
    return QCoreApplication.translate("YearView", text)


def state_text(s: PeriodStatus) -> str:
    text = _tr(STATES[s.state])
    if s.state is PeriodState.IN_PROGRESS:
        return text.format(s.reviewed, s.sampled)
    if s.state is PeriodState.OVERDUE and s.rounds:
        return f"{text} ({s.reviewed}/{s.sampled})"
    return text


class _Rows(QAbstractTableModel):
    """Rows of plain texts with an 'overdue' flag per row."""

    def __init__(self, headers: list[str]) -> None:
        super().__init__()
        self.headers = headers
        self.rows: list[tuple[list[str], bool]] = []

    def set_rows(self, rows: list[tuple[list[str], bool]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        texts, overdue = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return texts[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and overdue:
            return OVERDUE_FILL
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


class _Load(QThread):
    """Reads the overview and the actions off the GUI thread (figures are computed)."""

    def __init__(self, db: Database, library: ChecklistLibrary, actor: str, unit: str,
                 year: int) -> None:
        super().__init__()
        self.args = (db, library, actor)
        self.unit, self.year = unit, year
        self.statuses: list[PeriodStatus] = []
        self.actions: list[Action] = []
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.statuses = YearService(*self.args).status(self.unit, self.year)
            self.actions = DeviationService(*self.args).actions(self.unit, self.year)
        except BaseException as exc:  # shown on the GUI thread when the job ends
            self.error = exc


class YearView(QDialog):
    """Året: the plan's controls × periods and the actions, overdue ones marked."""

    def __init__(self, db: Database, library: ChecklistLibrary, actor: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.library, self.actor = db, library, actor
        self.job: _Load | None = None
        self.setWindowTitle(self.tr("Året"))
        self.resize(1000, 640)
        self.plans = PlanService(db, library, actor).plans()
        self.plan_box = QComboBox()
        self.plan_box.setAccessibleName(self.tr("Plan"))
        for unit, year in sorted(self.plans, key=lambda p: (-p[1], p[0])):
            self.plan_box.addItem(f"{unit} {year}", (unit, year))
        self.note = QLabel()
        self.status_model = _Rows([self.tr("Kontrollmoment"), self.tr("Period"),
                                   self.tr("Status"), self.tr("Omgångar"),
                                   self.tr("Bedömning")])
        self.action_model = _Rows([self.tr("Kontrollmoment"), self.tr("Period"),
                                   self.tr("Kontrollpunkt"), self.tr("Åtgärd"),
                                   self.tr("Ansvarig"), self.tr("Klart senast"),
                                   self.tr("Status"), self.tr("Nästa period")])
        self.status_table = self._table(self.status_model, self.tr("Kontrollmoment per period"))
        self.action_table = self._table(self.action_model, self.tr("Åtgärder"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Plan:")))
        top.addWidget(self.plan_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.status_table, 3)
        layout.addWidget(QLabel(self.tr("Åtgärder (försenade markerade)")))
        layout.addWidget(self.action_table, 2)
        self.plan_box.currentIndexChanged.connect(lambda _n: self.load())
        if not self.plans:
            self.note.setText(self.tr("Ingen internkontrollplan ännu. Läs in en med "
                                      "'audit-app plan import'."))
        else:
            self.load()

    def _table(self, model: _Rows, name: str) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setAccessibleName(name)
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().hide()
        return table

    def load(self) -> None:
        """Read the chosen plan's overview on a worker thread."""
        chosen = self.plan_box.currentData()
        if chosen is None or (self.job is not None and self.job.isRunning()):
            return
        unit, year = chosen
        self.note.setText(self.tr("Läser …"))
        self.job = _Load(self.db, self.library, self.actor, unit, year)
        self.job.finished.connect(self._loaded)
        self.job.start()

    def _loaded(self) -> None:
        job = self.job
        if job is None:
            return
        if job.error is not None:
            self.note.setText(self.tr("Kunde inte läsa planen: {0}").format(job.error))
            return
        today = date.today()
        self.status_model.set_rows([
            ([s.title, s.period.value, state_text(s), ", ".join(s.rounds) or "–",
              "; ".join(f"{item}: {verdict}" for item, verdict in s.verdicts) or "–"],
             s.state is PeriodState.OVERDUE) for s in job.statuses])
        self.action_model.set_rows([
            ([a.control_id, a.period, a.item_id, a.what, a.responsible, a.due.isoformat(),
              _tr(ACTION_STATES[a.status]) + (f": {a.reason}" if a.reason else ""),
              (f"{a.next_period}: " + (figure_text(a.next_figure) if a.next_figure else "–"))
              if a.next_period else "–"], a.overdue(today)) for a in job.actions])
        overdue = sum(1 for s in job.statuses if s.state is PeriodState.OVERDUE) + sum(
            1 for a in job.actions if a.overdue(today))
        self.note.setText(self.tr("{0} kontrollmoment × perioder, {1} åtgärder, {2} "
                                  "försenade.").format(len(job.statuses), len(job.actions),
                                                       overdue))

    def done(self, result: int) -> None:
        if self.job is not None:
            self.job.wait()
        super().done(result)
