"""The language menu saves the choice and installs the translators at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMainWindow
from pytestqt.qtbot import QtBot

from audit_app.settings import SettingsStore
from audit_app.ui import i18n


def cancel_text() -> str:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    button = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert button is not None
    return button.text().replace("&", "")


def test_choosing_english_saves_it_and_translates_standard_buttons(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(i18n.QMessageBox, "information",
                        lambda _parent, _title, text: shown.append(text))
    store = SettingsStore(tmp_path / "settings.json")
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = i18n.add_language_menu(window, store)
    actions = {a.data(): a for a in menu.actions()}
    assert set(actions) == {"sv", "en"} and actions["sv"].isChecked()
    try:
        actions["en"].trigger()
        assert store.load().language == "en"
        assert i18n.current_language() == "en"
        assert cancel_text() == "Cancel"
        assert shown and "English" in shown[0]
        actions["sv"].trigger()
        assert store.load().language == "sv"
        assert cancel_text() == "Avbryt"
    finally:
        i18n.install_translations("sv")


def test_unknown_language_in_settings_falls_back_to_swedish() -> None:
    assert i18n.normalise("de") == "sv"
    assert i18n.normalise("EN_gb") == "en"
    assert i18n.normalise("") == "sv"
