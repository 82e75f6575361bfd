"""Opening the shared PostgreSQL database from the window: the role's password, errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from audit_app.domain.errors import UserError


def ask_password() -> str:
    """The database role's password, asked only when libpq has none (never saved)."""
    text, ok = QInputDialog.getText(
        None, "Granska", QCoreApplication.translate("App", "Lösenord för databasrollen:"),
        QLineEdit.EchoMode.Password)
    if not ok:
        raise UserError(QCoreApplication.translate("App", "Inget lösenord angavs."))
    return str(text)


def open_server_with_dialog(url: str, open_server: Callable[..., Any]) -> Any:
    """The server database opened by `open_server` (the storage layer's, handed in by the
    start-up code), or None after telling the user why it could not be opened."""
    try:
        return open_server(url, password_prompt=ask_password)
    except UserError as exc:
        QMessageBox.critical(None, "Granska", str(exc))
        return None
