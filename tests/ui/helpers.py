"""Helpers for driving the main window in tests."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.app_services import AppServices
from audit_app.settings import SettingsStore
from audit_app.storage.db import Database
from audit_app.ui.main_window import MainWindow


def show_active(qtbot: QtBot, window: QWidget) -> None:
    """Show the window and wait until it is active, so that shortcuts reach it."""
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def answer_reason(qtbot: QtBot, text: str, seen: list[str] | None = None) -> None:
    """Fill in the next ReasonDialog once it is open (it runs its own event loop).

    OK is clicked first with the line empty; the message then shown goes to `seen`.
    """
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QDialogButtonBox

    from audit_app.ui.reason_dialog import ReasonDialog

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ReasonDialog):
            QTimer.singleShot(10, fill)
            return
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        if seen is not None and dialog.error.isVisible():
            seen.append(dialog.error.text())
        qtbot.keyClicks(dialog.reason, text)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill)


def services_for(db: Database, library: ChecklistLibrary,
                 store: SettingsStore | str | None = None) -> AppServices:
    """The services the composition root builds (the actor from the store, or given)."""
    actor = store if isinstance(store, str) else store.load().actor if store else "GL"
    return AppServices.build(db, library, actor)


def window_for(db: Database, library: ChecklistLibrary, store: SettingsStore) -> MainWindow:
    """The main window on a real database, as ui/app.py builds it."""
    return MainWindow(services_for(db, library, store), store)
