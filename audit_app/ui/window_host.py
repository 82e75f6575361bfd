"""What menu actions and dialogs need of the main window, so that they never import it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QDialog, QMenu, QStatusBar, QWidget

from audit_app.ui.changes import Changes
from audit_app.ui.round_view import RoundView

if TYPE_CHECKING:
    from audit_app.services.app_services import AppServices


class WindowHost(Protocol):
    """The main window as its actions see it (MainWindow is one; a test may pass another)."""

    services: AppServices
    changes: Changes
    round_view: RoundView
    round_id: int | None
    tools_menu: QMenu

    def current_round_id(self) -> int | None: ...

    def show_dialog(self, dialog: QDialog) -> None: ...

    def statusBar(self) -> QStatusBar: ...  # noqa: N802

    def window(self) -> QWidget: ...

    def close(self) -> bool: ...

    def tr(self, text: str) -> str: ...
