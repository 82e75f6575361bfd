"""The "Ny omgång" dialog: name, checklist, year, tertial and unit of a new audit round."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from audit_app.checklist_io.library import ChecklistFile


class NewRoundDialog(QDialog):
    """Asks what a new round covers; the caller creates it from `values()`."""

    def __init__(self, checklists: dict[str, ChecklistFile], parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        today = today or date.today()
        self.setWindowTitle(self.tr("Ny granskningsomgång"))
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Namn"))
        self.checklist = QComboBox()
        self.checklist.setAccessibleName(self.tr("Checklista"))
        for key, found in sorted(checklists.items()):
            c = found.checklist
            self.checklist.addItem(f"{c.title} (v{c.version})", key)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.year.setAccessibleName(self.tr("År"))
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Period"))
        for code, months in (("T1", self.tr("T1 (jan–apr)")), ("T2", self.tr("T2 (maj–aug)")),
                             ("T3", self.tr("T3 (sep–dec)"))):
            self.period.addItem(months, code)
        self.period.setCurrentIndex(min(2, (today.month - 1) // 4))
        self.unit = QLineEdit()
        self.unit.setAccessibleName(self.tr("Enhet"))
        self.unit.setPlaceholderText(self.tr("t.ex. Familjehem"))
        self.name.setPlaceholderText(self.tr("t.ex. Placerade T1 2026"))

        form = QFormLayout(self)
        form.addRow(self.tr("&Namn:"), self.name)
        form.addRow(self.tr("&Checklista:"), self.checklist)
        form.addRow(self.tr("&År:"), self.year)
        form.addRow(self.tr("&Period:"), self.period)
        form.addRow(self.tr("&Enhet:"), self.unit)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Skapa"))
        self.buttons.accepted.connect(self._check_and_accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        if not checklists:
            self.show_error(self.tr("Inga checklistor hittades."))

    def values(self) -> tuple[str, str, int, str, str]:
        """(name, checklist id, year, period, unit)."""
        return (self.name.text().strip(), str(self.checklist.currentData() or ""),
                self.year.value(), str(self.period.currentData()), self.unit.text().strip())

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _check_and_accept(self) -> None:
        if not self.name.text().strip():
            self.show_error(self.tr("Ge omgången ett namn."))
            self.name.setFocus()
            return
        if self.checklist.currentData() is None:
            return
        self.accept()
