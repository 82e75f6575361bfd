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
from audit_app.domain.rounds import period_in_name, proposed_period


class NewRoundDialog(QDialog):
    """Asks what a new round covers; the caller creates it from `values()`.

    It proposes the tertial just ended or under way (see `proposed_period`) and the checklist
    used last; a year and tertial typed in the name ("Placerade T1 2024") fill those fields
    as long as the user has not set them by hand.
    """

    def __init__(self, checklists: dict[str, ChecklistFile], parent: QWidget | None = None,
                 today: date | None = None, last_checklist: str = "") -> None:
        super().__init__(parent)
        year, period = proposed_period(today or date.today())
        self.touched: set[str] = set()  # fields the user has set by hand
        self._filling = False
        self.setWindowTitle(self.tr("Ny granskningsomgång"))
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Namn"))
        self.checklist = QComboBox()
        self.checklist.setAccessibleName(self.tr("Checklista"))
        for key, found in sorted(checklists.items()):
            c = found.checklist
            self.checklist.addItem(f"{c.title} (v{c.version})", key)
        self.checklist.setCurrentIndex(max(0, self.checklist.findData(last_checklist)))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        self.year.setAccessibleName(self.tr("År"))
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Period"))
        for code, months in (("T1", self.tr("T1 (jan–apr)")), ("T2", self.tr("T2 (maj–aug)")),
                             ("T3", self.tr("T3 (sep–dec)"))):
            self.period.addItem(months, code)
        self.period.setCurrentIndex(self.period.findData(period.value))
        self.unit = QLineEdit()
        self.unit.setAccessibleName(self.tr("Enhet"))
        self.unit.setPlaceholderText(self.tr("t.ex. Familjehem"))
        self.name.setPlaceholderText(self.tr("t.ex. Placerade T1 2026"))
        self.name.textEdited.connect(self._name_edited)
        self.year.valueChanged.connect(lambda _v: self._touch("year"))
        self.period.currentIndexChanged.connect(lambda _i: self._touch("period"))

        form = QFormLayout(self)
        form.addRow(self.tr("&Namn:"), self.name)
        self.name_error = QLabel()  # what is missing, right under the field
        self.name_error.setStyleSheet("color: #b00020;")
        self.name_error.hide()
        form.addRow("", self.name_error)
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
        self.setMinimumWidth(420)
        if not checklists:
            self.show_error(self.tr("Inga checklistor hittades. Lägg en checklista i "
                                    "datamappens mapp checklists och öppna dialogen igen."))

    def values(self) -> tuple[str, str, int, str, str]:
        """(name, checklist id, year, period, unit)."""
        return (self.name.text().strip(), str(self.checklist.currentData() or ""),
                self.year.value(), str(self.period.currentData()), self.unit.text().strip())

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _touch(self, field: str) -> None:
        if not self._filling:
            self.touched.add(field)

    def _name_edited(self, text: str) -> None:
        """Typed by the user (not set by code): take a year and tertial from the name."""
        if text.strip():
            self.name_error.hide()
        year, period = period_in_name(text)
        self._filling = True
        try:
            if year is not None and "year" not in self.touched:
                self.year.setValue(year)
            if period is not None and "period" not in self.touched:
                self.period.setCurrentIndex(self.period.findData(period.value))
        finally:
            self._filling = False

    def _check_and_accept(self) -> None:
        if not self.name.text().strip():
            self.name_error.setText(self.tr("Skriv ett namn på omgången, t.ex. "
                                            "Placerade T1 2026."))
            self.name_error.show()
            self.name.setFocus()
            return
        if self.checklist.currentData() is None:
            self.show_error(self.tr("Välj en checklista. Finns ingen i listan går det inte "
                                    "att skapa en omgång ännu."))
            self.checklist.setFocus()
            return
        self.accept()
