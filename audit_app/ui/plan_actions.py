"""The plan's actions: new, edit, copy to a new year, read from and save to a file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from audit_app.ui.changes import Changes
from audit_app.ui.ops import Op, Task

if TYPE_CHECKING:  # the editor and the plan load when first used, not at start-up
    from audit_app.domain.plan import Plan
    from audit_app.services.app_services import AppServices
    from audit_app.ui.main_window import MainWindow
    from audit_app.ui.plan_editor import PlanEditor

Opened = Callable[[QDialog], object]


def tr(text: str) -> str:
    """Translated in the context lupdate gives this module's strings (it has no class to
    name, so the empty one): `tr` must stay the only translating call in this module."""
    return QCoreApplication.translate("", text)


def _open(parent: QWidget | None, dialog: QDialog) -> QDialog:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    if parent is not None:
        parent.plan_dialog = dialog  # type: ignore[attr-defined]  # for tests
    return dialog


class PlanChoice(QDialog):
    """A plan's unit and year. mode "new": a unit typed or chosen and a year; "copy": a
    stored plan and the year to copy it to; "pick": a stored plan."""

    def __init__(self, title: str, units: list[str], plans: list[tuple[str, int]],
                 year: int, parent: QWidget | None = None, mode: str = "new") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(400)
        form = QFormLayout(self)
        self.shown: list[tuple[str, int]] = []
        self.unit = QComboBox()
        self.unit.setAccessibleName(tr("Enhet"))
        self.source = QComboBox()
        self.source.setAccessibleName(tr("Plan"))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        self.year.setAccessibleName(tr("År"))
        if mode == "new":
            self.unit.setEditable(True)
            self.unit.addItems(units)
            self.unit.setCurrentText(units[0] if units else "")
            form.addRow(tr("&Enhet:"), self.unit)
            form.addRow(tr("&År:"), self.year)
        else:
            self.shown = sorted(plans, key=lambda p: (-p[1], p[0]))
            for unit, plan_year in self.shown:
                self.source.addItem(f"{unit} {plan_year}", (unit, plan_year))
            form.addRow(tr("&Kopiera från:") if mode == "copy" else tr("&Plan:"), self.source)
        if mode == "copy":
            form.addRow(tr("&Till år:"), self.year)
            self.source.currentIndexChanged.connect(lambda _n: self._next_year())
            self._next_year()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def select(self, plan: tuple[str, int]) -> None:
        """Choose a stored plan in the list (findData does not find a tuple)."""
        if plan in self.shown:
            self.source.setCurrentIndex(self.shown.index(plan))

    def _next_year(self) -> None:
        chosen = self.source.currentData()
        if chosen is not None:
            self.year.setValue(min(chosen[1] + 1, 2100))


def _units(services: AppServices) -> list[str]:
    """Units with a plan first, then those of the rounds."""
    units = [u for u, _y in sorted(services.plans.plans(), key=lambda p: -p[1])]
    units += [r.unit for r in services.rounds.list() if r.unit]
    return list(dict.fromkeys(u for u in units if u))


def edit_plan(parent: QWidget | None, services: AppServices, unit: str, year: int,
              changes: Changes | None = None) -> PlanEditor:
    """The editor for one unit's plan of one year (empty when there is none yet)."""
    from audit_app.ui.plan_editor import PlanEditor

    editor = PlanEditor(services, unit, year, parent, changes)
    _open(parent, editor)
    return editor


def new_plan(parent: QWidget | None, services: AppServices, changes: Changes | None = None,
             year: int | None = None) -> PlanChoice:
    """Ask unit and year, then open the editor on that plan."""
    from datetime import date

    choice = PlanChoice(tr("Ny plan"), _units(services), services.plans.plans(),
                        year or date.today().year, parent)

    def chosen() -> None:
        unit = choice.unit.currentText().strip()
        if not unit:
            QMessageBox.warning(parent, tr("Ny plan"), tr("Ange enheten."))
            return
        edit_plan(parent, services, unit, choice.year.value(), changes)

    choice.accepted.connect(chosen)
    _open(parent, choice)
    return choice


def copy_plan(parent: QWidget | None, services: AppServices, changes: Changes | None = None,
              source: tuple[str, int] | None = None) -> PlanChoice | None:
    """Ask which plan and to which year, then copy it (PlanService.copy) in the background."""
    plans = services.plans.plans()
    if not plans:
        QMessageBox.information(parent, tr("Kopiera plan"), tr("Det finns ingen plan att "
                                                               "kopiera ännu."))
        return None
    choice = PlanChoice(tr("Kopiera förra årets plan"), [], plans, 2000, parent, mode="copy")
    if source is not None:
        choice.select(source)

    def chosen() -> None:
        unit, from_year = choice.source.currentData()
        to_year = choice.year.value()
        _run(parent, tr("Kopierar planen …"),
             lambda _t: services.plans.copy(unit, from_year, to_year),
             lambda plan: _told(parent, changes, tr("Kopiera plan"), tr(
                 "Planen för {0} {1} kopierades till {2} ({3} kontrollmoment).").format(
                 plan.unit, from_year, plan.year, len(plan.controls))))

    choice.accepted.connect(chosen)
    _open(parent, choice)
    return choice


def import_plan(parent: QWidget | None, services: AppServices, changes: Changes | None = None,
                path: Path | None = None) -> Op[Any] | None:
    """Read a plan file (YAML with line-numbered errors, or the Excel sheet with its cells
    named) and store it."""
    if path is None:
        name, _ = QFileDialog.getOpenFileName(parent, tr("Läs in plan"), "",
                                              tr("Internkontrollplan (*.yaml *.yml *.xlsx)"))
        if not name:
            return None
        path = Path(name)
    target = path

    def done(result: tuple[Plan, int]) -> None:
        plan, logged = result
        _told(parent, changes, tr("Läs in plan"), tr(
            "Planen för {0} {1} lästes in: {2} kontrollmoment, {3} ändringar loggade.").format(
            plan.unit, plan.year, len(plan.controls), logged))

    return _run(parent, tr("Läser in planen …"), lambda _t: services.plans.import_file(target),
                done)


def export_plan(parent: QWidget | None, services: AppServices, unit: str, year: int,
                path: Path | None = None) -> Op[Any] | None:
    """Save a plan as YAML or as an Excel sheet, chosen by the file's ending."""
    if path is None:
        name, chosen = QFileDialog.getSaveFileName(
            parent, tr("Spara plan"), f"plan-{unit}-{year}.yaml",  # i18n: ok - a file name
            ";;".join((tr("YAML (*.yaml)"), tr("Excel (*.xlsx)"))))
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() not in (".yaml", ".yml", ".xlsx"):
            path = path.with_suffix(".xlsx" if "xlsx" in chosen else ".yaml")
    target = path
    return _run(parent, tr("Sparar planen …"),
                lambda _t: services.plans.export_file(unit, year, target),
                lambda out: _told(parent, None, tr("Spara plan"),
                                  tr("Planen skrevs till {0}.").format(out)))


def _run(parent: QWidget | None, label: str, work: Callable[[Task], Any],
         then: Callable[[Any], object]) -> Op[Any]:
    op: Op[Any] = Op(parent, work, label=label, on_success=then, cancellable=False)
    if parent is not None:
        parent.plan_op = op  # type: ignore[attr-defined]  # for tests
    return op.start()


def _told(parent: QWidget | None, changes: Changes | None, title: str, text: str) -> None:
    if changes is not None:
        changes.notify("plan")
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok,
                      parent)
    box.setObjectName("planDone")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def add_plan_actions(window: MainWindow) -> QMenu:
    """Verktyg → Internkontrollplan: new, edit, copy, read and save a plan."""
    menu = window.tools_menu.addMenu(tr("Internkontroll&plan"))

    def pick(then: Callable[[str, int], object]) -> None:
        plans = window.services.plans.plans()
        if not plans:
            QMessageBox.information(window, tr("Internkontrollplan"),
                                    tr("Det finns ingen plan ännu; skapa en med Ny plan…"))
            return
        choice = PlanChoice(tr("Välj plan"), [], plans, 2000, window, mode="pick")
        choice.accepted.connect(lambda: then(*choice.source.currentData()))
        _open(window, choice)

    def services() -> AppServices:
        return window.services

    entries = (
        (tr("&Ny plan…"), lambda: new_plan(window, services(), window.changes)),
        (tr("&Redigera plan…"), lambda: pick(lambda u, y: edit_plan(
            window, services(), u, y, window.changes))),
        (tr("&Kopiera förra årets plan…"), lambda: copy_plan(window, services(),
                                                             window.changes)),
        (tr("&Läs in plan…"), lambda: import_plan(window, services(), window.changes)),
        (tr("&Spara plan som YAML/Excel…"), lambda: pick(lambda u, y: export_plan(
            window, services(), u, y))),
    )
    for text, slot in entries:
        menu.addAction(text).triggered.connect(slot)
    return menu


def plan_buttons(view: Any) -> QHBoxLayout:
    """The plan's buttons for the year view, acting on the plan it shows."""
    def current() -> tuple[str, int] | None:
        data = view.plan_box.currentData()
        return None if data is None else (str(data[0]), int(data[1]))

    def edit() -> None:
        chosen = current()
        if chosen is None:
            new_plan(view, view.services, view.changes)
        else:
            edit_plan(view, view.services, *chosen, changes=view.changes)

    def export() -> None:
        chosen = current()
        if chosen is not None:
            export_plan(view, view.services, *chosen)

    row = QHBoxLayout()
    view.plan_button_list = []
    for text, slot, tip in (
            (tr("Ny &plan…"), lambda: new_plan(view, view.services, view.changes),
             tr("En ny internkontrollplan för en enhet och ett år")),
            (tr("&Redigera plan…"), edit, tr("Lägg till, ändra och ta bort kontrollmoment")),
            (tr("&Kopiera förra årets plan…"), lambda: copy_plan(
                view, view.services, view.changes, current()),
             tr("Kopiera en plan till ett nytt år")),
            (tr("&Läs in plan…"), lambda: import_plan(view, view.services, view.changes),
             tr("Läs in en plan från en YAML- eller Excel-fil")),
            (tr("Spara plan so&m…"), export, tr("Spara planen som YAML eller Excel"))):
        button = QPushButton(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        row.addWidget(button)
        view.plan_button_list.append(button)
    row.addStretch(1)
    return row
