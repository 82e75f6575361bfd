"""The year at a glance: each planned control × period and the actions, for one unit's plan."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
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

from audit_app.domain.figures import figure_text
from audit_app.domain.plan import Action, ActionStatus, PeriodState, PeriodStatus
from audit_app.ui.ops import Op, Task, show_failure

if TYPE_CHECKING:
    from audit_app.services.app_services import AppServices

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


class YearView(QDialog):
    """Året: the plan's controls × periods and the actions, overdue ones marked."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.job: Op[tuple[list[PeriodStatus], list[Action]]] | None = None
        self.setWindowTitle(self.tr("Året"))
        self.resize(1000, 640)
        self.plans = services.plans.plans()
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
        if chosen is None or (self.job is not None and self.job.running):
            return
        unit, year = chosen
        self.note.setText(self.tr("Läser …"))
        services = self.services

        def read(_task: Task) -> tuple[list[PeriodStatus], list[Action]]:
            return services.year.status(unit, year), services.deviations.actions(unit, year)

        self.job = Op(self, read, label=self.tr("Läser planen"), on_success=self._loaded,
                      on_failure=self._failed, cancellable=False, dialog=False).start()

    def _failed(self, exc: BaseException) -> None:
        self.note.setText(self.tr("Kunde inte läsa planen."))
        show_failure(self, exc)

    def _loaded(self, result: tuple[list[PeriodStatus], list[Action]]) -> None:
        statuses, actions = result
        today = date.today()
        self.status_model.set_rows([
            ([s.title, s.period.value, state_text(s), ", ".join(s.rounds) or "–",
              "; ".join(f"{item}: {verdict}" for item, verdict in s.verdicts) or "–"],
             s.state is PeriodState.OVERDUE) for s in statuses])
        self.action_model.set_rows([
            ([a.control_id, a.period, a.item_id, a.what, a.responsible, a.due.isoformat(),
              _tr(ACTION_STATES[a.status]) + (f": {a.reason}" if a.reason else ""),
              (f"{a.next_period}: " + (figure_text(a.next_figure) if a.next_figure else "–"))
              if a.next_period else "–"], a.overdue(today)) for a in actions])
        overdue = sum(1 for s in statuses if s.state is PeriodState.OVERDUE) + sum(
            1 for a in actions if a.overdue(today))
        self.note.setText(self.tr("{0} kontrollmoment × perioder, {1} åtgärder, {2} "
                                  "försenade.").format(len(statuses), len(actions),
                                                       overdue))

