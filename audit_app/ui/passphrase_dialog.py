"""Asking for the database passphrase at start (new database: choose and repeat)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

MIN_LENGTH = 8


class PassphraseDialog(QDialog):
    """Existing encrypted database: one field. New database: choose, repeat, or no encryption."""

    def __init__(self, db_name: str, new: bool, message: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.new = new
        self.setWindowTitle(self.tr("Granska – lösenfras"))
        layout = QVBoxLayout(self)
        intro = (self.tr("Ny databas {0}. Välj en lösenfras (minst {1} tecken); databasen "
                         "krypteras med den. Den går inte att återskapa om den glöms.")
                 .format(db_name, MIN_LENGTH) if new else
                 self.tr("Databasen {0} är krypterad. Ange lösenfrasen.").format(db_name))
        text = QLabel(intro)
        text.setWordWrap(True)
        layout.addWidget(text)
        self.error = QLabel(message)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.setVisible(bool(message))
        layout.addWidget(self.error)
        form = QFormLayout()
        self.phrase = QLineEdit()
        self.phrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.phrase.setAccessibleName(self.tr("Lösenfras"))
        form.addRow(self.tr("&Lösenfras:"), self.phrase)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Upprepa lösenfrasen"))
        self.unencrypted = QCheckBox(
            self.tr("Utan kryptering (endast för datorer med full diskkryptering)"))
        if new:
            form.addRow(self.tr("&Upprepa:"), self.repeat)
            self.unencrypted.toggled.connect(self._toggle)
        layout.addLayout(form)
        if new:
            layout.addWidget(self.unencrypted)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        text.setMinimumHeight(text.heightForWidth(440))
        self.adjustSize()

    def _toggle(self, on: bool) -> None:
        self.phrase.setEnabled(not on)
        self.repeat.setEnabled(not on)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)

    def _accept(self) -> None:
        if self.new and self.unencrypted.isChecked():
            self.accept()
            return
        phrase = self.phrase.text()
        if not phrase:
            self.show_error(self.tr("Ange lösenfrasen."))
            return
        if self.new and len(phrase) < MIN_LENGTH:
            self.show_error(self.tr("Lösenfrasen måste ha minst {0} tecken.").format(MIN_LENGTH))
            return
        if self.new and phrase != self.repeat.text():
            self.show_error(self.tr("Lösenfraserna är olika."))
            return
        self.accept()

    def passphrase(self) -> str | None:
        """The chosen passphrase; None for an explicitly unencrypted new database."""
        if self.new and self.unencrypted.isChecked():
            return None
        return self.phrase.text()
