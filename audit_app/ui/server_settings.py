"""The saved server connection: address, login role, opening at start; never a password."""

from __future__ import annotations

from collections.abc import Callable

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

from audit_app.domain.errors import UserError
from audit_app.settings import Settings, SettingsStore
from audit_app.ui.error_hook import ErrorReporter

Validate = Callable[[str, str], str]  # address, user -> the address to connect to


class ServerSettingsDialog(QDialog):
    """Where the laptop's shared server is entered; OK checks the address and saves it."""

    def __init__(self, store: SettingsStore, validate: Validate,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.validate = validate
        settings = store.load()
        self.setWindowTitle(self.tr("Serverinställningar"))
        self.setMinimumWidth(560)
        intro = QLabel(self.tr(
            "Den delade databasen på avdelningens PostgreSQL-server. Synkronisera med "
            "servern skickar datorns omgångar dit och hämtar dem du har behörighet till."))
        intro.setWordWrap(True)
        self.address = QLineEdit(settings.server_url)
        self.address.setPlaceholderText(
            "postgresql+psycopg://db.kommun.se/granska?sslmode=verify-full")  # i18n: ok
        self.address.setAccessibleName(self.tr("Serverns adress"))
        self.user = QLineEdit(settings.server_user)
        self.user.setPlaceholderText(self.tr("din PostgreSQL-roll"))
        self.user.setAccessibleName(self.tr("Användarnamn"))
        self.at_start = QCheckBox(self.tr("Öppna serverns databas när Granska startar"))
        self.at_start.setChecked(settings.server_at_start)
        password = QLabel(self.tr(
            "Lösenordet sparas aldrig i en fil. Det hämtas från PGPASSWORD eller "
            "lösenordsfilen (~/.pgpass), annars från operativsystemets nyckelring; "
            "finns det inte där frågar Granska och kan då spara det i nyckelringen."))
        password.setWordWrap(True)
        password.setObjectName("passwordNote")
        self.error = QLabel()
        self.error.setObjectName("serverSettingsError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Adress:"), self.address)
        form.addRow(self.tr("Användarnamn:"), self.user)
        form.addRow("", self.at_start)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(password)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        """Save when the address is right (or empty: no server); otherwise say why."""
        url, user = self.address.text().strip(), self.user.text().strip()
        if url or user:
            try:
                self.validate(url, user)
            except UserError as exc:
                text, _ = ErrorReporter.describe(type(exc), exc, None)
                self.error.setText(text)
                self.error.show()
                self.address.setFocus()
                return
        settings: Settings = self.store.load()
        settings.server_url, settings.server_user = url, user
        settings.server_at_start = self.at_start.isChecked() and bool(url)
        self.store.save(settings)
        super().accept()
