"""The daily backup runs beside the window, not before it: the copy of a large file waits."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.app_services import AppServices
from audit_app.storage.backup import list_backups
from audit_app.storage.db import open_database
from audit_app.ui.app import open_with_dialog, start_daily_backup

KEY = "en lång lösenfras"


def test_opening_for_the_window_leaves_the_backup_to_the_worker(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
        library: ChecklistLibrary) -> None:
    monkeypatch.delenv("GRANSKA_UNENCRYPTED")
    path = tmp_path / "g.sqlite3"
    open_database(path, passphrase=KEY).close()
    db = open_with_dialog(path, lambda new, message: KEY)
    assert db is not None
    window = QMainWindow()
    qtbot.addWidget(window)
    services = AppServices.build(db, library, "GL")
    try:
        assert list_backups(path) == []
        with qtbot.waitSignal(start_daily_backup(window, services).finished, timeout=60_000):
            pass
        made = list_backups(path)
        assert len(made) == 1 and ".daily-" in made[0].path.name
        copy = open_database(made[0].path, passphrase=KEY, daily_backup=False)
        copy.close()  # the copy opens with the same passphrase
        with qtbot.waitSignal(start_daily_backup(window, services).finished, timeout=60_000):
            pass
        assert len(list_backups(path)) == 1  # once a day
    finally:
        db.close()


def test_a_failing_backup_does_not_raise(tmp_path: Path) -> None:
    path = tmp_path / "g.sqlite3"
    db = open_database(path)
    (tmp_path / "backups").write_text("a file where the folder should be", encoding="utf-8")
    try:
        assert db.daily_backup() is None
    finally:
        db.close()
