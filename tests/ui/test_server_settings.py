"""Arkiv → Serverinställningar: the saved address and role, checked, and used at start."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from audit_app.__main__ import saved_server
from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.settings import SettingsStore
from audit_app.storage.db import Database
from audit_app.ui.server_settings import ServerSettingsDialog
from audit_app.ui.sync_actions import open_server_settings
from tests.ui.helpers import window_for

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_settings_round_trip_without_a_password(qtbot: QtBot, db: Database,
                                                library: ChecklistLibrary,
                                                tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    window = window_for(db, library, store)
    qtbot.addWidget(window)
    window.sync_actions[1].trigger()  # Arkiv → Serverinställningar…
    dialog = window.dialog
    assert isinstance(dialog, ServerSettingsDialog)
    dialog.address.setText("mysql://db.kommun.se/granska")
    dialog.user.setText("granskare_gl")
    dialog.accept()
    assert dialog.isVisible() and not dialog.error.isHidden()
    assert "postgresql+psycopg://" in dialog.error.text() and "'mysql'" in dialog.error.text()
    assert store.load().server_url == ""  # nothing saved
    dialog.resize(620, dialog.sizeHint().height())
    dialog.grab().save(str(tmp_path / "server_settings_error.png"))
    dialog.address.setText("postgresql+psycopg://db.kommun.se/granska?sslmode=verify-full")
    dialog.at_start.setChecked(True)
    dialog.accept()
    assert not dialog.isVisible()
    saved = store.load()
    assert (saved.server_url, saved.server_user, saved.server_at_start) == (
        "postgresql+psycopg://db.kommun.se/granska?sslmode=verify-full", "granskare_gl", True)
    assert "password" not in store.path.read_text(encoding="utf-8").lower().replace(
        "server_", "")
    assert saved_server(store) == \
        "postgresql+psycopg://granskare_gl@db.kommun.se/granska?sslmode=verify-full"
    again = open_server_settings(window)  # shows what was saved
    assert again.address.text() == saved.server_url and again.user.text() == "granskare_gl"
    assert again.at_start.isChecked()
    again.resize(620, again.sizeHint().height())
    again.grab().save(str(tmp_path / "server_settings.png"))
    again.reject()


@pytest.mark.parametrize(("url", "user", "wanted"), [
    ("", "gl", "Ange serverns adress"),
    ("db.kommun.se/granska", "", "ska börja med postgresql+psycopg://"),
    ("postgresql+psycopg://gl:hemligt@db/granska", "", "lösenord"),
    ("postgresql+psycopg://db.kommun.se", "", "saknar databasnamn"),
    ("postgresql+psycopg://anna@db/granska", "bo", "ange det på ett ställe"),
])
def test_wrong_addresses_are_refused(qtbot: QtBot, tmp_path: Path, url: str, user: str,
                                     wanted: str) -> None:
    from audit_app.services.server_sync import server_address

    store = SettingsStore(tmp_path / "settings.json")
    dialog = ServerSettingsDialog(store, server_address)
    qtbot.addWidget(dialog)
    dialog.address.setText(url)
    dialog.user.setText(user)
    dialog.accept()
    assert wanted in dialog.error.text() and "hemligt" not in dialog.error.text()
    assert not store.path.exists()


def test_a_saved_server_not_to_open_at_start_is_not_opened(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    settings = store.load()
    settings.server_url = "postgresql+psycopg://db/granska"
    store.save(settings)
    assert saved_server(store) is None
    settings.server_at_start = True
    settings.server_url = "mysql://db/granska"  # edited by hand: the laptop's file opens
    store.save(settings)
    assert saved_server(store) is None
