"""The plan editor: a unit's controls for one year, the plan's risk matrix, add/change/remove."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from audit_app.domain.checklist import Checklist
from audit_app.domain.errors import NotFoundError, UserError
from audit_app.domain.plan import Control, Plan, risk_matrix
from audit_app.reports.vb_lang import method_text
from audit_app.ui.changes import Changes
from audit_app.ui.i18n import current_language
from audit_app.ui.ops import show_failure
from audit_app.ui.plan_control_dialog import ControlDialog
from audit_app.ui.risk_matrix import RiskMatrix, risk_colour

if TYPE_CHECKING:
    from audit_app.services.app_services import AppServices


class PlanEditor(QDialog):
    """Internkontrollplanen for one unit and year; every change is stored (and logged) at
    once through PlanService.save, which checks the plan first."""

    def __init__(self, services: AppServices, unit: str, year: int,
                 parent: QWidget | None = None, changes: Changes | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.changes = changes
        self.unit = unit.strip()
        self.year = year
        self.controls: list[Control] = []
        self.dialog: ControlDialog | None = None
        self.confirm: QMessageBox | None = None
        self.failure: QMessageBox | None = None
        found, _problems = services.library.scan()
        self.checklists: dict[str, Checklist] = {cid: f.checklist for cid, f in found.items()}
        self.setWindowTitle(self.tr("Internkontrollplan {0} {1}").format(self.unit, year))
        self.resize(1000, 560)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels([
            self.tr("Id"), self.tr("Kontrollmoment"), self.tr("Checklista"), self.tr("Risk"),
            self.tr("Metod"), self.tr("Perioder"), self.tr("Ansvarig")])
        self.table.setAccessibleName(self.tr("Kontrollmoment"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.matrix = RiskMatrix(cell=52)
        self.matrix.setToolTip(self.tr("Planens kontrollmoment i riskmatrisen; det valda är "
                                       "markerat"))
        self.add_button = QPushButton(self.tr("&Nytt kontrollmoment…"))
        self.edit_button = QPushButton(self.tr("&Ändra…"))
        self.remove_button = QPushButton(self.tr("&Ta bort…"))
        close = QPushButton(self.tr("Stäng"))
        self.add_button.clicked.connect(self.add_control)
        self.edit_button.clicked.connect(self.edit_control)
        self.remove_button.clicked.connect(self.remove_control)
        close.clicked.connect(self.accept)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _i: self.edit_control())
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("Riskmatris (sannolikhet × konsekvens)")))
        side.addWidget(self.matrix)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addLayout(side)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(body)
        layout.addLayout(buttons)
        self.reload()

    # -- showing -------------------------------------------------------------------------

    def reload(self, select: str = "") -> None:
        """Read the stored plan again (none yet: an empty list) and show it."""
        try:
            self.controls = list(self.services.plans.get(self.unit, self.year).controls)
        except NotFoundError:
            self.controls = []
        self.table.setRowCount(len(self.controls))
        for row, c in enumerate(self.controls):
            cells = (c.control_id, c.title, c.checklist,
                     f"{c.sannolikhet} × {c.konsekvens} = {c.risk}",
                     method_text(c.method, current_language()),
                     ", ".join(p.value for p in c.periods), c.responsible)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if col == 3:
                    item.setBackground(risk_colour(c.risk))
                    item.setForeground(Qt.GlobalColor.black)
                self.table.setItem(row, col, item)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(3)
        self.matrix.set_labels(risk_matrix(tuple(self.controls)))
        self.heading.setText(
            self.tr("{0} kontrollmoment. Ändringar sparas direkt och loggas.").format(
                len(self.controls)) if self.controls else
            self.tr("Planen har inga kontrollmoment ännu. Lägg till det första med "
                    "Nytt kontrollmoment…; planen sparas då."))
        ids = [c.control_id for c in self.controls]
        if select in ids:
            self.table.selectRow(ids.index(select))
        self._selection_changed()

    def selected(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _selection_changed(self) -> None:
        row = self.selected()
        has = row is not None
        self.edit_button.setEnabled(has)
        self.remove_button.setEnabled(has)
        current = self.controls[row] if row is not None else None
        self.matrix.set_current(current.sannolikhet if current else None,
                                current.konsekvens if current else None)

    # -- changing ------------------------------------------------------------------------

    def _store(self, controls: list[Control], select: str = "") -> None:
        """Save the plan with these controls (UserError when refused) and show it again."""
        self.services.plans.save(Plan(self.unit, self.year, tuple(controls)))
        self.reload(select)
        if self.changes is not None:
            self.changes.notify("plan")

    def _open(self, dialog: ControlDialog) -> ControlDialog:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    def add_control(self) -> ControlDialog:
        dialog = ControlDialog(self.checklists, None, self)
        dialog.save = lambda c: self._store([*self.controls, c], c.control_id)
        return self._open(dialog)

    def edit_control(self) -> ControlDialog | None:
        row = self.selected()
        if row is None:
            return None
        dialog = ControlDialog(self.checklists, self.controls[row], self)
        key = self.controls[row].control_id

        def save(c: Control) -> None:
            self._store([c if old.control_id == key else old for old in self.controls],
                        c.control_id)

        dialog.save = save
        return self._open(dialog)

    def remove_control(self) -> QMessageBox | None:
        """Ask first; the service refuses a control that has rounds, analyses or actions."""
        row = self.selected()
        if row is None:
            return None
        c = self.controls[row]
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Ta bort kontrollmoment"),
                          self.tr("Ta bort '{0}' ({1}) ur planen?").format(c.title,
                                                                          c.control_id),
                          QMessageBox.StandardButton.NoButton, self)
        remove = box.addButton(self.tr("Ta bort"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(
            lambda button: self._remove(c.control_id) if button is remove else None)
        box.finished.connect(lambda _r: setattr(self, "confirm", None))
        self.confirm = box
        box.open()
        return box

    def _remove(self, key: str) -> None:
        try:
            self._store([c for c in self.controls if c.control_id != key])
        except UserError as exc:
            self.failure = show_failure(self, exc, self.tr("Ta bort kontrollmoment"))
