"""Small forms of the year view: a deviation's analysis, a new action, an action's status."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from audit_app.domain.errors import UserError
from audit_app.domain.plan import ActionStatus


class _Form(QDialog):
    """A form whose OK runs `save`; a UserError is shown in the form, which stays open."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.save: Callable[[], None] = lambda: None
        self.form = QFormLayout(self)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("YearDialogs", "Spara"))
        self.buttons.accepted.connect(self._check_and_accept)
        self.buttons.rejected.connect(self.reject)

    def finish(self) -> None:
        self.form.addRow(self.error)
        self.form.addRow(self.buttons)

    def _check_and_accept(self) -> None:
        try:
            self.save()
        except UserError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.accept()


class AnalysisDialog(_Form):
    """The unit manager's analysis of one deviation (multi-line)."""

    def __init__(self, heading: str, analysis: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Analys av avvikelse"), parent)
        self.form.addRow(QLabel(heading))
        self.text = QPlainTextEdit(analysis)
        self.text.setAccessibleName(self.tr("Analys"))
        self.text.setTabChangesFocus(True)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Skäl till ändringen"))
        self.reason.setPlaceholderText(self.tr("krävs när omgången är låst"))
        self.form.addRow(self.tr("&Analys:"), self.text)
        self.form.addRow(self.tr("&Skäl:"), self.reason)
        self.finish()


class ActionDialog(_Form):
    """A new åtgärd: what, responsible role and due date."""

    def __init__(self, heading: str, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Ny åtgärd"), parent)
        self.form.addRow(QLabel(heading))
        self.what = QLineEdit()
        self.what.setAccessibleName(self.tr("Åtgärd"))
        self.responsible = QLineEdit()
        self.responsible.setAccessibleName(self.tr("Ansvarig roll"))
        self.responsible.setPlaceholderText(self.tr("t.ex. Gruppledare"))
        self.due = QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.due.setAccessibleName(self.tr("Klart senast"))
        start = today or date.today()
        self.due.setDate(QDate(start.year, start.month, start.day).addMonths(3))
        self.form.addRow(self.tr("&Vad:"), self.what)
        self.form.addRow(self.tr("A&nsvarig:"), self.responsible)
        self.form.addRow(self.tr("&Klart senast:"), self.due)
        self.finish()

    def due_date(self) -> date:
        d = self.due.date()
        return date(d.year(), d.month(), d.day())


class StatusDialog(_Form):
    """An action's new status; cancelling needs a reason."""

    def __init__(self, heading: str, current: ActionStatus, names: dict[ActionStatus, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Ändra status"), parent)
        self.form.addRow(QLabel(heading))
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        for status in ActionStatus:
            self.status.addItem(names[status], status.value)
        self.status.setCurrentIndex(self.status.findData(current.value))
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Skäl"))
        self.reason.setPlaceholderText(self.tr("krävs när åtgärden avbryts"))
        self.form.addRow(self.tr("&Status:"), self.status)
        self.form.addRow(self.tr("&Skäl:"), self.reason)
        self.finish()
