"""Verktyg → Checklistor: checklists, their stored versions, Excel export and import."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.errors import UserError
from audit_app.ui.reason_dialog import ask_target_reason

if TYPE_CHECKING:  # the services load with the database, after the window is shown
    from audit_app.services.checklist_versions import (
        ChecklistVersion,
        ChecklistVersionService,
        ImportPlan,
    )
    from audit_app.ui.main_window import MainWindow


class ChecklistDialog(QDialog):
    """Lists checklists and versions; exports to and imports from Excel workbooks."""

    def __init__(self, service: ChecklistVersionService, library: ChecklistLibrary,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.library = library
        self.plan: ImportPlan | None = None
        self.versions: list[ChecklistVersion] = []
        self.setWindowTitle(self.tr("Checklistor"))
        self.resize(900, 560)
        self.checklists = QComboBox()
        self.checklists.setAccessibleName(self.tr("Checklista"))
        label = QLabel(self.tr("&Checklista:"))
        label.setBuddy(self.checklists)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([
            self.tr("Version"), self.tr("Sparad"), self.tr("Av"), self.tr("Omgångar"),
            self.tr("Används för nya omgångar")])
        self.table.setAccessibleName(self.tr("Lagrade versioner"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.Stretch)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Ändringar och meddelanden"))
        self.export_button = QPushButton(self.tr("&Exportera till Excel…"))
        self.import_button = QPushButton(self.tr("&Importera från Excel…"))
        self.compare_button = QPushButton(self.tr("&Jämför med den som används"))
        self.save_button = QPushButton(self.tr("&Spara som ny version"))
        self.save_button.setEnabled(False)
        self.new_button = QPushButton(self.tr("&Ny…"))
        self.copy_button = QPushButton(self.tr("&Kopiera…"))
        self.edit_button = QPushButton(self.tr("&Redigera…"))
        close = QPushButton(self.tr("Stäng"))
        buttons = QHBoxLayout()
        for button in (self.export_button, self.import_button, self.compare_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.checklists, 1)
        for button, mode in ((self.new_button, "new"), (self.copy_button, "copy"),
                             (self.edit_button, "edit")):
            top.addWidget(button)
            button.clicked.connect(lambda _c=False, m=mode: self.open_editor(m))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.details, 1)
        layout.addLayout(buttons)
        self.checklists.currentIndexChanged.connect(self.show_versions)
        self.export_button.clicked.connect(self._ask_export)
        self.import_button.clicked.connect(self._ask_import)
        self.compare_button.clicked.connect(self.compare_selected)
        self.save_button.clicked.connect(self.save_import)
        close.clicked.connect(self.reject)
        self.fill()

    def fill(self, select: str = "") -> None:
        found, problems = self.library.scan()
        self.checklists.blockSignals(True)
        self.checklists.clear()
        for cid in sorted(found):
            c = found[cid].checklist
            self.checklists.addItem(f"{c.title} ({cid}, v{c.version})", cid)
        self.checklists.blockSignals(False)
        index = self.checklists.findData(select) if select else 0
        self.checklists.setCurrentIndex(max(index, 0))
        self.show_versions()
        if problems:
            self.details.setPlainText("\n".join(
                [self.tr("Ogiltiga checklistfiler hoppades över:")] + [str(p) for p in problems]))

    def open_editor(self, mode: str) -> QDialog:
        """The checklist editor: a new checklist, a copy of this one, or this one changed."""
        from audit_app.checklist_io.draft_ops import start_draft
        from audit_app.ui.checklist_editor import ChecklistEditor

        found, _ = self.library.scan()
        sources = {cid: entry.source for cid, entry in found.items()}
        editor = ChecklistEditor(self.service, start_draft(sources, mode, self.current_id()),
                                 new=mode != "edit", parent=self)
        editor.saved.connect(lambda cid: self.fill(select=cid))
        editor.show()
        self.editor = editor
        return editor

    def current_id(self) -> str:
        return str(self.checklists.currentData() or "")

    def show_versions(self) -> None:
        cid = self.current_id()
        try:
            self.versions = self.service.versions(cid) if cid else []
        except UserError as exc:
            self.versions = []
            self.details.setPlainText(str(exc))
        self.table.setRowCount(len(self.versions))
        for row, v in enumerate(self.versions):
            cells = (v.version, f"{v.created_at:%Y-%m-%d %H:%M}", v.saved_by,
                     ", ".join(v.rounds) or self.tr("inga"),
                     self.tr("ja") if v.current else "")
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def compare_selected(self) -> None:
        """The changes from the selected stored version to the checklist new rounds use."""
        from audit_app.services.checklist_versions import CURRENT

        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        if not rows:
            self.details.setPlainText(self.tr("Markera en version i tabellen först."))
            return
        version = self.versions[rows[0]]
        try:
            diff = self.service.diff(self.current_id(), f"#{version.definition_id}", CURRENT)
        except UserError as exc:
            self.details.setPlainText(str(exc))
            return
        head = self.tr("Från version {0} till den som används för nya omgångar:").format(
            version.version)
        self.details.setPlainText("\n".join([head] + (diff.lines() or [self.tr(
            "Inga skillnader.")])))

    def _ask_export(self) -> None:
        cid = self.current_id()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Exportera checklistan"),
                                              f"{cid}.xlsx",  # i18n: ok - a file name
                                              self.tr("Excel (*.xlsx)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        from audit_app.checklist_io.xlsx_export import write_checklist_workbook

        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        try:
            write_checklist_workbook(self.library.get(self.current_id()).source, path)
        except (UserError, OSError) as exc:
            self.details.setPlainText(self.tr("Kunde inte exportera: {0}").format(exc))
            return
        self.details.setPlainText(self.tr("Skrev {0}. Ändra i Excel och importera sedan "
                                          "filen här.").format(path))

    def _ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Importera checklista"), "",
                                              self.tr("Excel (*.xlsx)"))
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> None:
        """Read a workbook and show what importing it would change; nothing is stored yet."""
        from audit_app.checklist_io.xlsx_import import read_checklist_workbook

        self.plan = None
        self.save_button.setEnabled(False)
        try:
            imported = read_checklist_workbook(path)
            plan = self.service.plan_import(imported.checklist, imported.source)
        except UserError as exc:
            self.details.setPlainText(str(exc))
            return
        c = plan.checklist
        if plan.unchanged:
            self.details.setPlainText(self.tr("{0} v{1}: oförändrad – samma innehåll som {2}.")
                                      .format(c.id, c.version, plan.same_as))
            return
        lines = [self.tr("{0} v{1}: blir en ny version när du sparar.").format(c.id, c.version)]
        if plan.diff is not None:
            lines.append(self.tr("Ändringar mot {0}:").format(plan.compared_with))
            lines += [f"  {line}" for line in plan.diff.lines()]
        lines += plan.warnings
        self.details.setPlainText("\n".join(lines))
        self.plan = plan
        self.save_button.setEnabled(True)

    def save_import(self) -> None:
        if self.plan is None:
            return
        reason = ask_target_reason(self, self.plan)
        if reason is None:
            self.details.appendPlainText(self.tr("Inte sparad: ett ändrat årsmål kräver ett "
                                                 "skäl."))
            return
        try:
            path = self.service.store_import(self.plan, reason)
        except (UserError, OSError) as exc:
            self.details.setPlainText(str(exc))
            return
        cid = self.plan.checklist.id
        self.plan = None
        self.save_button.setEnabled(False)
        self.fill(select=cid)
        self.details.setPlainText(self.tr("Sparad i {0}. Nya omgångar använder den; omgångar "
                                          "som redan finns behåller sin version.").format(path))


def add_checklist_action(window: MainWindow) -> QAction:
    """Verktyg → Checklistor…"""
    action = QAction(QCoreApplication.translate("ChecklistDialog", "&Checklistor…"), window)

    def show() -> None:
        services = window.services
        window.show_dialog(ChecklistDialog(services.checklist_versions, services.library,
                                           window))

    action.triggered.connect(show)
    window.tools_menu.addAction(action)
    return action
