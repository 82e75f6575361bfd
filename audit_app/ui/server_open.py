"""Opening the shared PostgreSQL database from the window: the role's password, errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from audit_app.domain.errors import UserError


class ServerPasswordDialog(QDialog):
    """The database role's password, asked when neither libpq nor the OS keyring had it;
    a tick keeps it in the keyring once it has worked (never in a file)."""

    def __init__(self, login: str, keyring: bool, wrong: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lösenord till servern"))
        self.setMinimumWidth(420)
        login = login.split("://", 1)[-1].split("?", 1)[0]  # role@host/database
        label = QLabel(self.tr("Lösenord för {0}:").format(login))
        label.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Lösenord"))
        self.error = QLabel(self.tr("Lösenordet stämmer inte. Försök igen."))
        self.error.setStyleSheet("color: #b00020;")
        self.error.setVisible(wrong)
        self.remember = QCheckBox(self.tr("Kom ihåg lösenordet i operativsystemets nyckelring"))
        self.remember.setEnabled(keyring)
        if not keyring:
            self.remember.setToolTip(self.tr("Den här datorn har ingen nyckelring."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (label, self.password, self.error, self.remember, buttons):
            layout.addWidget(widget)

    def value(self) -> Any:
        """The typed password as the services take it (PromptedPassword)."""
        from audit_app.services.server_sync import PromptedPassword

        return PromptedPassword(self.password.text(), self.remember.isChecked())


def keyring_available() -> bool:
    from audit_app.services.server_sync import ServerSyncService

    return ServerSyncService.keyring_available()


def ask_password(login: str = "", wrong: bool = False) -> Any:
    """The database role's password (a PromptedPassword), asked only when libpq and the
    keyring have none; kept in the keyring only when the user ticks the box."""
    dialog = ServerPasswordDialog(login or QCoreApplication.translate("App", "databasrollen"),
                                  keyring_available(), wrong)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        raise UserError(QCoreApplication.translate("App", "Inget lösenord angavs."))
    return dialog.value()


def open_server_with_dialog(url: str, open_server: Callable[..., Any],
                            otherwise: str = "") -> Any:
    """The server database opened by `open_server` (the storage layer's, handed in by the
    start-up code), or None after telling the user why it could not be opened (and
    `otherwise`: what happens instead)."""
    asked: list[bool] = []

    def prompt() -> Any:  # asked again after a wrong one: say so
        asked.append(True)
        return ask_password(url, wrong=len(asked) > 1)

    try:
        return open_server(url, password_prompt=prompt)
    except UserError as exc:
        QMessageBox.critical(None, "Granska", f"{exc}\n\n{otherwise}".strip())
        return None
