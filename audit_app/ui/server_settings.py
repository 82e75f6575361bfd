"""The saved server connection: address, login role, opening at start; never a password."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
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
        self.forget_button = QPushButton(self.tr("&Glöm sparat lösenord"))
        self.forget_button.setToolTip(self.tr(
            "Ta bort lösenordet som Granska har sparat i nyckelringen för adressen och "
            "användarnamnet ovan"))
        self.forget_button.setAutoDefault(False)  # Enter in a field still means OK
        self.forget_button.clicked.connect(self.forget_password)
        self.forget_result = QLabel()
        self.forget_result.setObjectName("forgetResult")
        self.forget_result.setWordWrap(True)
        self.confirm: QMessageBox | None = None  # "Glöm sparat lösenord?", once asked
        self._asked_for = ""  # the address the open question is about
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
        forget = QHBoxLayout()
        forget.addWidget(self.forget_button, 0, Qt.AlignmentFlag.AlignTop)
        forget.addWidget(self.forget_result, 1)
        layout.addLayout(forget)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        """Save when the address is right (or empty: no server); otherwise say why."""
        url, user = self.address.text().strip(), self.user.text().strip()
        if url or user:
            try:
                self.validate(url, user)
            except UserError as exc:
                self._refused(exc)
                return
        settings: Settings = self.store.load()
        settings.server_url, settings.server_user = url, user
        settings.server_at_start = self.at_start.isChecked() and bool(url)
        self.store.save(settings)
        super().accept()

    def _refused(self, exc: UserError) -> None:
        text, _ = ErrorReporter.describe(type(exc), exc, None)
        self.error.setText(text)
        self.error.show()
        self.address.setFocus()

    def forget_password(self) -> QMessageBox | None:
        """Ask, then remove the keyring's password of the address and user shown; the outcome
        is said under the button. None (nothing asked) when the address is wrong or there
        is no keyring at all."""
        from audit_app.services.server_sync import ServerSyncService

        self.forget_result.clear()
        try:
            address = self.validate(self.address.text(), self.user.text())
        except UserError as exc:
            self._refused(exc)
            return None
        self.error.hide()
        if not ServerSyncService.keyring_available():
            self.forget_result.setText(self.tr(
                "Datorn har ingen nyckelring, så Granska har inget lösenord sparat."))
            return None
        if self.confirm is None:  # one box, reused: asked again with the address of now
            self.confirm = QMessageBox(
                QMessageBox.Icon.Question, self.tr("Glöm sparat lösenord"), "",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
            self.confirm.buttonClicked.connect(self._answered)
        self.confirm.setText(self.tr("Ta bort lösenordet som är sparat i nyckelringen för {0}? "
                                     "Granska frågar efter det nästa gång du synkroniserar.")
                             .format(address))
        self.confirm.setDefaultButton(QMessageBox.StandardButton.No)
        self._asked_for = address
        self.confirm.open()
        return self.confirm

    def _answered(self, button: QAbstractButton) -> None:
        assert self.confirm is not None
        if self.confirm.standardButton(button) == QMessageBox.StandardButton.Yes:
            self._forget(self._asked_for)

    def _forget(self, address: str) -> None:
        from audit_app.services.server_sync import ServerSyncService

        if ServerSyncService.forget_password(address):
            text = self.tr("Lösenordet för {0} är borttaget ur nyckelringen.")
        else:
            text = self.tr("Inget lösenord var sparat i nyckelringen för {0}.")
        self.forget_result.setText(text.format(address))
