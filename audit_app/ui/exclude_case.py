"""Excluding a sampled case: a reason from a short list, a confirmation, the reserve takes over."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from audit_app.domain.errors import UserError
from audit_app.domain.reviews import ReviewStatus, check_free_text

if TYPE_CHECKING:
    from audit_app.ui.window_host import WindowHost

# The reasons stored in the change log and the protocol are Swedish whatever the language.
REASONS = ("Avslutat av misstag", "Fel enhet", "Fel period")


def reason_label(reason: str) -> str:
    """A stored Swedish reason as the user's language shows it."""
    return {
        "Avslutat av misstag": QCoreApplication.translate("ExcludeCaseDialog",
                                                          "Avslutat av misstag"),
        "Fel enhet": QCoreApplication.translate("ExcludeCaseDialog", "Fel enhet"),
        "Fel period": QCoreApplication.translate("ExcludeCaseDialog", "Fel period"),
    }.get(reason, reason)


class ExcludeCaseDialog(QDialog):
    """Ask why a case is excluded, then confirm; `exclude(reason)` does it and returns the
    reserve case that replaces it. A refusal is shown in the dialog and nothing changes."""

    def __init__(self, case_ref: str, reserve_ref: str | None,
                 exclude: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case_ref = case_ref
        self.reserve_ref = reserve_ref
        self.exclude = exclude
        self.replacement: str | None = None
        self.confirming = False
        self.setWindowTitle(self.tr("Uteslut ärende {0}").format(case_ref))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Varför ska ärende {0} uteslutas ur stickprovet?")
                       .format(case_ref))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.group = QButtonGroup(self)
        self.options: list[QRadioButton] = []
        for reason in REASONS:
            self._option(reason_label(reason), reason, layout)
        self.other = self._option(self.tr("Annat:"), "", layout)
        self.other_text = QLineEdit()
        self.other_text.setAccessibleName(self.tr("Annan orsak"))
        self.other_text.setPlaceholderText(self.tr("skriv orsaken – aldrig namn eller "
                                                   "personnummer"))
        self.other_text.setEnabled(False)
        self.other_text.textChanged.connect(self._update)
        self.other.toggled.connect(self.other_text.setEnabled)
        self.other.toggled.connect(lambda on: on and self.other_text.setFocus())
        layout.addWidget(self.other_text)
        self.confirm_text = QLabel()
        self.confirm_text.setWordWrap(True)
        self.confirm_text.hide()
        layout.addWidget(self.confirm_text)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setAccessibleName(self.tr("Felmeddelande"))
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.ok_button = QPushButton(self.tr("&Uteslut…"))
        self.ok_button.setDefault(True)
        self.back_button = QPushButton(self.tr("&Tillbaka"))
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.back_button.hide()  # after addButton, which shows it
        self.ok_button.clicked.connect(self.next_step)
        self.back_button.clicked.connect(lambda: self._confirming(False))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self._update()

    def _option(self, text: str, reason: str, layout: QVBoxLayout) -> QRadioButton:
        button = QRadioButton(text)
        button.setProperty("reason", reason)
        button.toggled.connect(self._update)
        self.group.addButton(button)
        self.options.append(button)
        layout.addWidget(button)
        return button

    def reason(self) -> str:
        """The reason as it will be stored ('' while none is chosen)."""
        chosen = self.group.checkedButton()
        if chosen is None:
            return ""
        if chosen is self.other:
            text = self.other_text.text().strip()
            return f"Annat: {text}" if text else ""  # i18n: ok - stored in Swedish
        return str(chosen.property("reason"))

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.reason()))

    def _confirming(self, on: bool) -> None:
        self.confirming = on
        for widget in (*self.options, self.other_text):
            widget.setEnabled(not on and (widget is not self.other_text
                                          or self.other.isChecked()))
        self.confirm_text.setVisible(on)
        self.back_button.setVisible(on)
        self.ok_button.setText(self.tr("&Ja, uteslut och ersätt") if on
                               else self.tr("&Uteslut…"))
        if on:
            self.error.hide()

    def next_step(self) -> None:
        """First click: check the reason and ask for confirmation; second: exclude."""
        reason = self.reason()
        try:
            check_free_text(reason)
        except UserError as exc:
            self._refused(str(exc))
            return
        if not self.confirming:
            reserve = (self.tr("Reservärende {0} tar dess plats.").format(self.reserve_ref)
                       if self.reserve_ref else
                       self.tr("Reservlistan är slut: ärendet kan inte ersättas."))
            self.confirm_text.setText("<b>{}</b><br>{} {}".format(
                self.tr("Utesluta ärende {0} med orsaken ”{1}”?").format(self.case_ref,
                                                                        reason),
                reserve, self.tr("Uteslutningen skrivs i ändringsloggen och protokollet och "
                                 "kan inte ångras.")))
            self._confirming(True)
            return
        try:
            self.replacement = self.exclude(reason)
        except UserError as exc:
            self._refused(str(exc))
            return
        self.accept()

    def _refused(self, message: str) -> None:
        self._confirming(False)
        self.error.setText(message)
        self.error.show()


def exclude_from_round(window: WindowHost, case_id: int) -> ExcludeCaseDialog | None:
    """Start excluding a case of the round shown; refusals are shown in the round view."""
    view = window.round_view
    summary = view.round
    row = next((r for r in view.model.rows() if r.case_id == case_id), None)
    if summary is None or row is None or window.round_id is None:
        return None
    if summary.locked:
        view.show_notice(QCoreApplication.translate(
            "ExcludeCaseDialog", "Omgången är låst; inga ärenden kan uteslutas."))
        return None
    if row.status is ReviewStatus.COMPLETE:
        view.show_notice(QCoreApplication.translate(
            "ExcludeCaseDialog", "Ärende {0} har en klar granskning och kan inte uteslutas. "
            "Öppna granskningen igen först om den inte ska räknas.").format(row.case_ref))
        return None
    view.show_notice("")
    service = window.services.sampling
    round_id = window.round_id
    try:
        reserve = service.next_reserve(round_id, row.case_ref)
    except UserError as exc:
        view.show_notice(str(exc))
        return None
    dialog = ExcludeCaseDialog(row.case_ref, reserve,
                               lambda reason: service.exclude(round_id, row.case_ref, reason),
                               window.window())
    dialog.accepted.connect(lambda: _excluded(window, row.case_ref, dialog.reason(),
                                              dialog.replacement or ""))
    window.show_dialog(dialog)
    return dialog


def _excluded(window: WindowHost, case_ref: str, reason: str, replacement: str) -> None:
    window.changes.notify("sample", window.round_id)
    view = window.round_view
    new_id = next((r.case_id for r in view.model.rows() if r.case_ref == replacement), None)
    view.select_case(new_id)
    view.table.setFocus()
    window.statusBar().showMessage(QCoreApplication.translate(
        "ExcludeCaseDialog", "Ärende {0} uteslöts ({1}); reservärende {2} har tagit dess "
        "plats.").format(case_ref, reason, replacement), 8000)
