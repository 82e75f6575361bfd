"""Asking for the passphrase of a .granska exchange file (export: choose and repeat it)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

MIN_LENGTH = 8  # as audit_app.services.exchange_file.MIN_PASSPHRASE


class ExchangePassphraseDialog(QDialog):
    """Export: a new passphrase, typed twice, at least 8 characters. Import: one field."""

    def __init__(self, file_name: str, new: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.new = new
        self.setWindowTitle(self.tr("Lösenfras för exportfilen"))
        layout = QVBoxLayout(self)
        intro = (self.tr("{0} krypteras med en egen lösenfras (minst {1} tecken). Ge den till "
                         "mottagaren på annat sätt än filen, t.ex. muntligt.")
                 .format(file_name, MIN_LENGTH) if new else
                 self.tr("{0} är krypterad. Ange lösenfrasen som valdes vid exporten.")
                 .format(file_name))
        text = QLabel(intro)
        text.setWordWrap(True)
        layout.addWidget(text)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        layout.addWidget(self.error)
        form = QFormLayout()
        self.phrase = QLineEdit()
        self.phrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.phrase.setAccessibleName(self.tr("Lösenfras"))
        form.addRow(self.tr("&Lösenfras:"), self.phrase)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Upprepa lösenfrasen"))
        if new:
            form.addRow(self.tr("&Upprepa:"), self.repeat)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        text.setMinimumHeight(text.heightForWidth(420))
        self.adjustSize()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)

    def _accept(self) -> None:
        phrase = self.phrase.text()
        if not phrase:
            self.show_error(self.tr("Ange lösenfrasen."))
        elif self.new and len(phrase) < MIN_LENGTH:
            self.show_error(self.tr("Lösenfrasen måste ha minst {0} tecken.").format(MIN_LENGTH))
        elif self.new and phrase != self.repeat.text():
            self.show_error(self.tr("Lösenfraserna är olika."))
        else:
            self.accept()

    def passphrase(self) -> str:
        return self.phrase.text()


def ask_exchange_passphrase(parent: QWidget | None, file_name: str, new: bool) -> str | None:
    """The passphrase the user typed, or None when the dialog was cancelled."""
    dialog = ExchangePassphraseDialog(file_name, new, parent)
    return dialog.passphrase() if dialog.exec() == QDialog.DialogCode.Accepted else None
