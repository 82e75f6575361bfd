"""The year at a glance: each planned control × period and the actions, for one unit's plan."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from audit_app.domain.errors import UserError
from audit_app.domain.figures import Figure, figure_text
from audit_app.domain.i18n import msg
from audit_app.domain.plan import Action, ActionStatus, Deviation, PeriodState, PeriodStatus
from audit_app.ui.changes import Changes
from audit_app.ui.i18n import current_language
from audit_app.ui.new_round_dialog import NewRoundDialog
from audit_app.ui.ops import Op, Task, show_failure
from audit_app.ui.plan_actions import plan_buttons
from audit_app.ui.year_dialogs import ActionDialog, AnalysisDialog, StatusDialog
from audit_app.ui.year_model import YearRows

if TYPE_CHECKING:
    from audit_app.services.app_services import AppServices

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
Loaded = tuple[list[PeriodStatus], list[Deviation], list[Action]]


def _tr(text: str) -> str:
    return QCoreApplication.translate("YearView", text)


def state_text(s: PeriodStatus) -> str:
    text = _tr(STATES[s.state])
    if s.state is PeriodState.IN_PROGRESS:
        return text.format(s.reviewed, s.sampled)
    if s.state is PeriodState.OVERDUE and s.rounds:
        return f"{text} ({s.reviewed}/{s.sampled})"
    return text


class YearView(QDialog):
    """Året: the plan's controls × periods and the actions, overdue ones marked."""

    def __init__(self, services: AppServices, parent: QWidget | None = None,
                 changes: Changes | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.changes = changes or Changes(self)
        self.job: Op[Loaded] | None = None
        self._reload_pending = False
        self.statuses: list[PeriodStatus] = []
        self.deviations: list[Deviation] = []
        self.action_rows: list[Action] = []
        self.dialog: QDialog | None = None
        self.setWindowTitle(self.tr("Året"))
        self.resize(1000, 640)
        self.plans: list[tuple[str, int]] = []
        self.plan_box = QComboBox()
        self.plan_box.setAccessibleName(self.tr("Plan"))
        self.note = QLabel()
        self.status_model = YearRows([self.tr("Kontrollmoment"), self.tr("Period"),
                                   self.tr("Status"), self.tr("Omgångar"),
                                   self.tr("Bedömning")])
        self.action_model = YearRows([self.tr("Kontrollmoment"), self.tr("Period"),
                                   self.tr("Kontrollpunkt"), self.tr("Åtgärd"),
                                   self.tr("Ansvarig"), self.tr("Klart senast"),
                                   self.tr("Status"), self.tr("Nästa period")])
        self.deviation_model = YearRows([self.tr("Kontrollmoment"), self.tr("Period"),
                                      self.tr("Kontrollpunkt"), self.tr("Resultat"),
                                      self.tr("Åtgärder"), self.tr("Analys")])
        self.status_table = self._table(self.status_model, self.tr("Kontrollmoment per period"))
        self.deviation_table = self._table(self.deviation_model, self.tr("Avvikelser"))
        self.action_table = self._table(self.action_model, self.tr("Åtgärder"))
        self.status_table.setColumnWidth(0, 240)
        self.deviation_table.setColumnWidth(0, 160)
        self.deviation_table.setColumnWidth(2, 280)
        self.deviation_table.setColumnWidth(3, 130)
        self.create_button = QPushButton(self.tr("Skapa &omgång…"))
        self.create_button.setToolTip(self.tr("Skapa omgången för det valda planerade "
                                              "kontrollmomentet och perioden"))
        self.analysis_button = QPushButton(self.tr("&Analys…"))
        self.add_action_button = QPushButton(self.tr("&Ny åtgärd…"))
        self.status_button = QPushButton(self.tr("Ändra &status…"))
        self.create_button.clicked.connect(self.create_round)
        self.analysis_button.clicked.connect(self.edit_analysis)
        self.add_action_button.clicked.connect(self.add_action)
        self.status_button.clicked.connect(self.change_status)
        for table in (self.status_table, self.deviation_table, self.action_table):
            table.selectionModel().selectionChanged.connect(lambda *_a: self._enable())
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Plan:")))
        top.addWidget(self.plan_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(plan_buttons(self))
        layout.addWidget(self.note)
        layout.addWidget(self.status_table, 3)
        layout.addLayout(_buttons(self.create_button))
        layout.addWidget(QLabel(self.tr("Avvikelser")))
        layout.addWidget(self.deviation_table, 2)
        layout.addLayout(_buttons(self.analysis_button, self.add_action_button))
        layout.addWidget(QLabel(self.tr("Åtgärder (försenade markerade)")))
        layout.addWidget(self.action_table, 2)
        layout.addLayout(_buttons(self.status_button))
        self._enable()
        self.plan_box.currentIndexChanged.connect(lambda _n: self.load())
        self.changes.changed.connect(lambda change: self.reload_plans()
                                     if change.kind == "plan" else None)
        self.reload_plans()

    def reload_plans(self) -> None:
        """Fill the plan list again (a plan that just appeared is chosen) and load."""
        before, chosen = set(self.plans), self.plan_box.currentData()
        self.plans = self.services.plans.plans()
        new = [p for p in self.plans if p not in before] if before else []
        self.plan_box.blockSignals(True)
        self.plan_box.clear()
        shown = sorted(self.plans, key=lambda p: (-p[1], p[0]))
        for unit, year in shown:
            self.plan_box.addItem(f"{unit} {year}", (unit, year))
        wanted = new[0] if new else tuple(chosen) if chosen else None
        if wanted in shown:  # (findData does not find a tuple)
            self.plan_box.setCurrentIndex(shown.index(wanted))
        self.plan_box.blockSignals(False)
        if not self.plans:
            for model in (self.status_model, self.deviation_model, self.action_model):
                model.set_rows([])
            self.note.setText(self.tr("Ingen internkontrollplan ännu. Skapa en med Ny plan… "
                                      "eller läs in en fil med Läs in plan…"))
        else:
            self.load()

    def _table(self, model: YearRows, name: str) -> QTableView:
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
        if self.job is not None and self.job.running:
            if not self._reload_pending:  # read again, once, when this read is done
                self._reload_pending = True
                self.job.finished.connect(self._reload)
            return
        if chosen is None:
            return
        unit, year = chosen
        self.note.setText(self.tr("Läser …"))
        services = self.services

        def read(_task: Task) -> Loaded:
            return (services.year.status(unit, year), services.deviations.deviations(unit, year),
                    services.deviations.actions(unit, year))

        self.job = Op(self, read, label=self.tr("Läser planen"), on_success=self._loaded,
                      on_failure=self._failed, cancellable=False, dialog=False).start()

    def _reload(self) -> None:
        self._reload_pending = False
        self.load()

    def _failed(self, exc: BaseException) -> None:
        self.note.setText(self.tr("Kunde inte läsa planen."))
        show_failure(self, exc)

    def _loaded(self, result: Loaded) -> None:
        statuses, deviations, actions = result
        self.statuses, self.deviations, self.action_rows = statuses, deviations, actions
        today = date.today()
        lang = current_language()  # the figures' and verdicts' words, as the window's

        def figure(fig: Figure) -> str:
            return figure_text(fig, lang=lang)

        self.deviation_model.set_rows([
            ([d.control_id, d.period, f"{d.item_id}: {d.question}", figure(d.figure),
              str(len(d.actions)), d.analysis.replace("\n", " ") or "–"], False)
            for d in deviations])
        self.status_model.set_rows([
            ([s.title, s.period.value, state_text(s), ", ".join(s.rounds) or "–",
              "; ".join(f"{item}: {msg(verdict, lang)}" for item, verdict in s.verdicts)
              or "–"],
             s.state is PeriodState.OVERDUE) for s in statuses])
        self.action_model.set_rows([
            ([a.control_id, a.period, a.item_id, a.what, a.responsible, a.due.isoformat(),
              _tr(ACTION_STATES[a.status]) + (f": {a.reason}" if a.reason else ""),
              (f"{a.next_period}: " + (figure(a.next_figure) if a.next_figure else "–"))
              if a.next_period else "–"], a.overdue(today)) for a in actions])
        overdue = sum(1 for s in statuses if s.state is PeriodState.OVERDUE) + sum(
            1 for a in actions if a.overdue(today))
        self.note.setText(self.tr("{0} kontrollmoment × perioder, {1} åtgärder, {2} "
                                  "försenade.").format(len(statuses), len(actions),
                                                       overdue))
        self._enable()

    # -- acting on the selected row ---------------------------------------------------

    @staticmethod
    def _selected(table: QTableView) -> int | None:
        """The row the user is on: the current one when selected (with Ctrl held, several
        rows can be selected and the first of them is not the one just chosen)."""
        model = table.selectionModel()
        current = model.currentIndex()
        if current.isValid() and model.isRowSelected(current.row()):
            return current.row()
        rows = model.selectedRows()
        return rows[0].row() if rows else None

    def _enable(self) -> None:
        self.create_button.setEnabled(self.planned_status() is not None)
        self.analysis_button.setEnabled(self.selected_deviation() is not None)
        self.add_action_button.setEnabled(self.selected_deviation() is not None)
        self.status_button.setEnabled(self.selected_action() is not None)

    def planned_status(self) -> PeriodStatus | None:
        """The selected control × period when it has no round yet."""
        row = self._selected(self.status_table)
        if row is None or row >= len(self.statuses):
            return None
        s = self.statuses[row]
        return s if not s.rounds and s.state in (PeriodState.PLANNED,
                                                 PeriodState.OVERDUE) else None

    def selected_deviation(self) -> Deviation | None:
        row = self._selected(self.deviation_table)
        return self.deviations[row] if row is not None and row < len(self.deviations) else None

    def selected_action(self) -> Action | None:
        row = self._selected(self.action_table)
        return self.action_rows[row] if row is not None and row < len(self.action_rows) else None

    def _open(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    def _saved(self) -> None:
        self.load()

    def create_round(self) -> NewRoundDialog | None:
        """The new-round dialog filled in from the selected planned control and period."""
        status = self.planned_status()
        chosen = self.plan_box.currentData()
        if status is None or chosen is None:
            return None
        unit, year = chosen
        try:
            planned = self.services.plans.planned_round(status.control_id, unit, year,
                                                        status.period.value, None)
        except UserError as exc:
            show_failure(self, exc)
            return None
        found, _problems = self.services.library.scan()
        dialog = NewRoundDialog(found, self, last_checklist=planned.checklist)
        dialog.name.setText(f"{status.title} {planned.period} {planned.year}")
        dialog.year.setValue(planned.year)
        dialog.period.setCurrentIndex(dialog.period.findData(planned.period))
        dialog.unit.setText(planned.unit)
        for field in (dialog.checklist, dialog.year, dialog.period, dialog.unit):
            field.setEnabled(False)  # the round belongs to this control and period
        if dialog.checklist.currentData() != planned.checklist:
            dialog.show_error(self.tr("Checklistan '{0}' finns inte i datamappen.").format(
                planned.checklist))
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        dialog.accepted.connect(lambda: self._create(dialog, status.control_id))
        self._open(dialog)
        return dialog

    def _create(self, dialog: NewRoundDialog, control_key: str) -> None:
        name, checklist_id, year, period, unit = dialog.values()
        try:
            summary = self.services.rounds.create(name, checklist_id, year, period, unit)
            self.services.plans.link_round(summary.id, control_key)
        except UserError as exc:
            show_failure(self, exc)
            return
        if self.changes is not None:
            self.changes.notify("round", summary.id)
        self.load()

    def _heading(self, d: Deviation | Action) -> str:
        return f"{d.control_id} {d.period} {d.year}: {d.item_id}"

    def edit_analysis(self) -> AnalysisDialog | None:
        dev = self.selected_deviation()
        if dev is None:
            return None
        dialog = AnalysisDialog(f"{self._heading(dev)}\n{dev.question}", dev.analysis, self)

        def save() -> None:
            self.services.deviations.analyse(
                dev.control_id, dev.period, dev.item_id, dialog.text.toPlainText(),
                unit=dev.unit, year=dev.year, reason=dialog.reason.text())

        dialog.save = save
        dialog.accepted.connect(self._saved)
        self._open(dialog)
        return dialog

    def add_action(self) -> ActionDialog | None:
        dev = self.selected_deviation()
        if dev is None:
            return None
        dialog = ActionDialog(f"{self._heading(dev)}\n{dev.question}", parent=self)

        def save() -> None:
            self.services.deviations.add_action(
                dev.control_id, dev.period, dev.item_id, dialog.what.text(),
                dialog.responsible.text(), dialog.due_date(), unit=dev.unit, year=dev.year)

        dialog.save = save
        dialog.accepted.connect(self._saved)
        self._open(dialog)
        return dialog

    def change_status(self) -> StatusDialog | None:
        action = self.selected_action()
        if action is None:
            return None
        names = {k: _tr(v) for k, v in ACTION_STATES.items()}
        dialog = StatusDialog(f"{self._heading(action)}\n{action.what}", action.status,
                              names, self)

        def save() -> None:
            self.services.deviations.set_status(
                action.id, str(dialog.status.currentData()), dialog.reason.text())

        dialog.save = save
        dialog.accepted.connect(self._saved)
        self._open(dialog)
        return dialog


def _buttons(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row
