"""Switching language while a review is open: answers, keys and error texts follow at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.errors import UserError
from audit_app.services.reviews import ReviewService
from audit_app.settings import Settings, SettingsStore
from audit_app.storage.db import Database
from audit_app.ui import i18n
from audit_app.ui.ops import show_failure
from tests.factories import round_with_sample
from tests.ui.conftest import ui_text
from tests.ui.helpers import show_active, window_for

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_the_open_review_form_changes_language_without_a_restart(
        qtbot: QtBot, db: Database, library: ChecklistLibrary, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n.QMessageBox, "information", lambda *_args: None)
    store = SettingsStore(tmp_path / "settings.json")
    store.save(Settings(reviewer_name="Granskare GL", reviewer_initials="GL"))
    window = window_for(db, library, store)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    summary, case_ids = round_with_sample(db, library, n=2)
    window.refresh()
    window.open_round(summary.id)
    window.open_case(case_ids[0])
    page = window.review_form.page
    assert page is not None
    item = page.items["enskilt_samtal"]
    assert [b.text() for b in item.buttons] == ["Ja  (J)", "Nej  (N)", "Ej aktuellt  (E)"]
    actions = {a.data(): a for a in window.language_menu.actions()}
    try:
        actions["en"].trigger()
        qtbot.waitUntil(lambda: item.buttons[0].text() == "Yes  (Y)")
        assert [b.text() for b in item.buttons] == ["Yes  (Y)", "No  (N)",
                                                    "Not applicable  (A)"]
        form = window.review_form
        assert form.progress.text() == "0 of 5" and form.status.text() == "Not started"
        assert form.key_hint.text().startswith("Keys:")
        # the open main window's menus and buttons, without a restart
        assert window.file_menu.title() == "&File"
        assert window.new_round_action.text() == ui_text("MainWindow", "&Ny omgång…") != \
            "&Ny omgång…"
        assert form.reopen_button.text() == "Reopen…"
        item.setFocus()
        qtbot.keyClick(item, "Y")
        qtbot.waitUntil(lambda: ReviewService(db, "x").review(summary.id, case_ids[0])
                        .values().get("enskilt_samtal") == "ja")
        later = page.items["viewpoint"]
        later.setFocus()
        qtbot.keyClick(later, "J")  # the Swedish key no longer answers
        assert later.value is None
        qtbot.keyClick(later, "A")  # "not applicable" in English
        assert later.value == "ej_aktuellt"
        actions["sv"].trigger()
        qtbot.waitUntil(lambda: item.buttons[0].text() == "Ja  (J)")
        assert window.file_menu.title() == "&Arkiv"
        assert window.new_round_action.text() == "&Ny omgång…"
    finally:
        i18n.install_translations("sv")


def test_a_service_error_is_shown_in_the_chosen_language(qtbot: QtBot,
                                                         qapp: QApplication) -> None:
    try:
        i18n.install_translations("en", qapp)
        box = show_failure(None, UserError("Omgången 'Utredning T1 2026' är låst."))
        assert box.text() == "The round 'Utredning T1 2026' is locked."
        assert box.icon() == QMessageBox.Icon.Warning
        box.close()
        i18n.install_translations("sv", qapp)
        box = show_failure(None, UserError("Omgången 'Utredning T1 2026' är låst."))
        assert box.text() == "Omgången 'Utredning T1 2026' är låst."
        box.close()
    finally:
        i18n.install_translations("sv", qapp)
