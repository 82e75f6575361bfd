"""Arkiv → Serverinställningar: the saved address and role, checked, and used at start."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import make_url

from audit_app.__main__ import saved_server
from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.settings import SettingsStore
from audit_app.storage.db import Database
from audit_app.storage.server_password import KEYRING_SERVICE, keyring_key
from audit_app.ui.server_settings import ServerSettingsDialog
from audit_app.ui.sync_actions import open_server_settings
from tests.keyring_support import MemoryKeyring
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


ADDRESS = "postgresql+psycopg://db.kommun.se/granska?sslmode=verify-full"


def settings_dialog(qtbot: QtBot, tmp_path: Path) -> ServerSettingsDialog:
    from audit_app.services.server_sync import server_address

    dialog = ServerSettingsDialog(SettingsStore(tmp_path / "settings.json"), server_address)
    qtbot.addWidget(dialog)
    dialog.address.setText(ADDRESS)
    dialog.user.setText("granskare_gl")
    dialog.show()
    return dialog


def press_forget(qtbot: QtBot, dialog: ServerSettingsDialog) -> QMessageBox | None:
    """Tab from the address field to the button and press Space, as with the keyboard."""
    widget = dialog.address
    for _ in range(10):
        if widget is dialog.forget_button:
            break
        widget = widget.nextInFocusChain()
    assert widget is dialog.forget_button
    dialog.forget_button.setFocus()
    qtbot.keyClick(dialog.forget_button, Qt.Key.Key_Space)
    return dialog.confirm


def test_forget_the_saved_password_after_asking(qtbot: QtBot, tmp_path: Path,
                                                memory_keyring: MemoryKeyring) -> None:
    key = keyring_key(make_url("postgresql+psycopg://granskare_gl@db.kommun.se/granska"))
    memory_keyring.set_password(KEYRING_SERVICE, key, "lösen-gl")
    dialog = settings_dialog(qtbot, tmp_path)
    box = press_forget(qtbot, dialog)
    assert box is not None and "granskare_gl@db.kommun.se" in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.No).click()
    assert memory_keyring.saved == {(KEYRING_SERVICE, key): "lösen-gl"}  # No keeps it
    assert dialog.forget_result.text() == "" and not box.isVisible()

    box = press_forget(qtbot, dialog)
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    assert memory_keyring.saved == {}
    assert "borttaget ur nyckelringen" in dialog.forget_result.text()
    assert "granskare_gl@db.kommun.se" in dialog.forget_result.text()
    dialog.resize(620, dialog.sizeHint().height())
    dialog.grab().save(str(tmp_path / "server_settings_forgotten.png"))

    box = press_forget(qtbot, dialog)  # once more: nothing left to remove
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    assert "Inget lösenord var sparat" in dialog.forget_result.text()
    assert store_untouched(tmp_path)


@pytest.mark.usefixtures("no_keyring")
def test_forget_without_a_keyring_says_so_without_asking(qtbot: QtBot,
                                                         tmp_path: Path) -> None:
    dialog = settings_dialog(qtbot, tmp_path)
    assert press_forget(qtbot, dialog) is None
    assert "ingen nyckelring" in dialog.forget_result.text()
    assert not dialog.findChildren(QMessageBox)


def test_forget_with_a_wrong_address_names_the_fault(qtbot: QtBot, tmp_path: Path,
                                                     memory_keyring: MemoryKeyring) -> None:
    dialog = settings_dialog(qtbot, tmp_path)
    dialog.address.setText("db.kommun.se/granska")
    assert press_forget(qtbot, dialog) is None
    assert not dialog.error.isHidden()
    assert "postgresql+psycopg://" in dialog.error.text()
    assert dialog.forget_result.text() == ""


def store_untouched(tmp_path: Path) -> bool:
    """Forgetting a password never writes the settings file."""
    return not (tmp_path / "settings.json").exists()
