"""Asking why (reopening a review, changing a target): the reason is required and logged."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from audit_app.services.checklist_versions import ImportPlan


class ReasonDialog(QDialog):
    """A question and a line for the reason; OK with an empty line says what is missing."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Skäl"))
        label.setBuddy(self.reason)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.reason.textEdited.connect(lambda text: self.error.setVisible(
            self.error.isVisible() and not text.strip()))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._check_and_accept)
        self.buttons.rejected.connect(self.reject)
        for widget in (label, self.reason, self.error, self.buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(420)

    def value(self) -> str:
        return self.reason.text().strip()

    def _check_and_accept(self) -> None:
        if not self.value():
            self.error.setText(self.tr("Skriv ett skäl. Det sparas i ändringsloggen."))
            self.error.show()
            self.reason.setFocus()
            return
        self.accept()


def ask_reason(parent: QWidget, title: str, prompt: str) -> str | None:
    """The reason typed, or None when cancelled."""
    dialog = ReasonDialog(title, prompt, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.value()
    finally:
        dialog.deleteLater()


def ask_target_reason(parent: QWidget, plan: ImportPlan) -> str | None:
    """Why the plan changes targets: "" when it changes none, None when cancelled."""
    if not plan.target_changes:
        return ""
    lines = [QCoreApplication.translate("ReasonDialog", "{0}: årsmål {1} → {2}").format(
        c.item_id, c.old, c.new) for c in plan.target_changes]
    prompt = "\n".join([
        QCoreApplication.translate("ReasonDialog", "Den nya versionen ändrar årsmål:"), *lines,
        QCoreApplication.translate("ReasonDialog", "Varför ändras årsmålet? Skälet sparas i "
                                                   "ändringsloggen.")])
    return ask_reason(parent, QCoreApplication.translate("ReasonDialog", "Ändrat årsmål"),
                      prompt)
