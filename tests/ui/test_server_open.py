"""The window on the shared database: opened from a PostgreSQL address, the rounds listed."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.rounds import RoundService
from audit_app.settings import SettingsStore
from audit_app.storage.db import Database
from audit_app.storage.server import ServerDatabase, open_server
from audit_app.ui.main_window import MainWindow
from audit_app.ui.server_open import open_server_with_dialog
from tests.ui.helpers import services_for


def test_window_lists_the_servers_rounds(qtbot: QtBot, pg_db: Database, pg_url: str,
                                         library: ChecklistLibrary, tmp_path: Path) -> None:
    RoundService(pg_db, library, "GL").create("Delad T1", "placerade-barn", 2026, "T1",
                                              "Familjehem")
    db = open_server_with_dialog(pg_url, open_server)
    assert isinstance(db, ServerDatabase)
    try:
        store = SettingsStore(tmp_path / "s.json")
        window = MainWindow(None, store, db_path=db.path)
        qtbot.addWidget(window)
        window.attach(services_for(db, library, store))
        assert window.model.rowCount() == 1
        assert window.model.row(0).name == "Delad T1"
    finally:
        db.close()
