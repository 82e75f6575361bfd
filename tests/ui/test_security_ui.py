"""Passphrase at start, the unencrypted mark, the change log viewer, restoring a backup."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.backups import BackupService
from audit_app.services.changelog import ChangeLogService
from audit_app.services.reviews import ReviewService
from audit_app.services.rounds import RoundService
from audit_app.storage.backup import daily_backup, list_backups
from audit_app.storage.db import Database, open_database
from audit_app.ui.app import UNENCRYPTED_LABEL, mark_encryption, open_with_dialog
from audit_app.ui.backup_dialog import BackupDialog
from audit_app.ui.changelog_view import ChangeLogDialog
from audit_app.ui.passphrase_dialog import PassphraseDialog
from tests.factories import round_with_sample
from tests.ui.helpers import window_for

SHOTS = Path("/tmp/h7")
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_wrong_passphrase_asks_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GRANSKA_UNENCRYPTED")
    path = tmp_path / "g.sqlite3"
    asked: list[tuple[bool, str]] = []

    def new(is_new: bool, message: str) -> str:
        asked.append((is_new, message))
        return "rätt lösenfras"

    open_with_dialog(path, new).close()  # type: ignore[union-attr]
    answers = iter(["fel", "fel igen", "rätt lösenfras"])

    def existing(is_new: bool, message: str) -> str:
        asked.append((is_new, message))
        return next(answers)

    db = open_with_dialog(path, existing)
    assert db is not None and db.encrypted
    db.close()
    assert [a[0] for a in asked] == [True, False, False, False]
    assert asked[1][1] == "" and "Fel lösenfras" in asked[2][1]
    assert open_with_dialog(path, lambda n, m: False) is None  # cancel


def test_new_unencrypted_by_choice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   qtbot: QtBot) -> None:
    monkeypatch.delenv("GRANSKA_UNENCRYPTED")
    db = open_with_dialog(tmp_path / "p.sqlite3", lambda n, m: None)
    assert db is not None and not db.encrypted
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setWindowTitle("Granska – p.sqlite3")
    mark_encryption(window, db)
    assert UNENCRYPTED_LABEL in window.windowTitle()
    db.close()


def test_passphrase_dialog_checks_repeat(qtbot: QtBot) -> None:
    dialog = PassphraseDialog("granska.sqlite3", new=True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.phrase.setText("långa frasen")
    dialog.repeat.setText("annan fras!")
    dialog._accept()
    assert dialog.error.isVisible() and "olika" in dialog.error.text()
    assert dialog.result() == 0
    dialog.grab().save(str(SHOTS / "passphrase_new.png"))
    dialog.repeat.setText("långa frasen")
    dialog._accept()
    assert dialog.result() == 1 and dialog.passphrase() == "långa frasen"
    dialog = PassphraseDialog("granska.sqlite3", new=False, message="Fel lösenfras.")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.grab().save(str(SHOTS / "passphrase_existing.png"))
    assert not dialog.unencrypted.isVisible()


def test_change_log_viewer_filters(db: Database, library: ChecklistLibrary,
                                   qtbot: QtBot) -> None:
    rnd, cases = round_with_sample(db, library, 2)
    reviews = ReviewService(db, "GL")
    reviews.set_answer(rnd.id, cases[0], "enskilt_samtal", "ja")
    reviews.set_answer(rnd.id, cases[0], "enskilt_samtal", "nej")
    reviews.set_answer(rnd.id, cases[1], "vardplan", "ja")
    rounds = RoundService(db, library, "GL")
    rounds.lock(rnd.id)
    rounds.unlock(rnd.id, "Rättelse efter genomgång")
    dialog = ChangeLogDialog(ChangeLogService(db), rounds, rnd.id)
    qtbot.addWidget(dialog)
    dialog.show()
    everything = dialog.model.rowCount()
    assert everything >= 6
    dialog.case_box.setCurrentIndex(dialog.case_box.findData("2026-0001"))
    assert 2 <= dialog.model.rowCount() < everything
    texts = [dialog.model.data(dialog.model.index(r, 6)) for r in range(dialog.model.rowCount())
             if dialog.model.data(dialog.model.index(r, 5)) == "enskilt_samtal"]
    assert texts == ["ja → nej", "– → ja"]
    dialog.case_box.setCurrentIndex(0)
    reasons = [dialog.model.data(dialog.model.index(r, 7))
               for r in range(dialog.model.rowCount())]
    assert "Rättelse efter genomgång" in reasons
    dialog.grab().save(str(SHOTS / "changelog.png"))


def test_restore_backup(tmp_path: Path, library: ChecklistLibrary, qtbot: QtBot,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    path = tmp_path / "g.sqlite3"
    db = open_database(path)
    round_with_sample(db, library, 1, name="Före")
    db.close()
    daily_backup(path, None)
    db = open_database(path)
    RoundService(db, library, "GL").create("Efter", "placerade-barn", 2026, "T2")
    db.close()
    dialog = BackupDialog(BackupService(path))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.grab().save(str(SHOTS / "backups.png"))
    assert dialog.table.rowCount() == len(list_backups(path)) == 1
    assert dialog.restore_selected() is not None
    db = open_database(path)
    try:
        assert [r.name for r in RoundService(db, library, "GL").list()] == ["Före"]
    finally:
        db.close()
    assert any("before-restore" in b.path.name for b in list_backups(path))


def test_main_window_lock_unlock_and_change_log(qtbot: QtBot, db: Database,
                                                library: ChecklistLibrary, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    from audit_app.settings import Settings, SettingsStore

    rnd, cases = round_with_sample(db, library, 1)
    store = SettingsStore(tmp_path / "s.json")
    store.save(Settings(reviewer_name="Granskare GL", reviewer_initials="GL"))
    window = window_for(db, library, store)
    qtbot.addWidget(window)
    window.open_round(rnd.id)
    actions = window.security_actions
    assert not actions.passphrase_action.isEnabled()  # plain test database
    actions.lock_action.trigger()
    assert RoundService(db, library, "GL").get(rnd.id).locked
    with pytest.raises(Exception, match="låst"):
        ReviewService(db, "GL").set_answer(rnd.id, cases[0], "vardplan", "ja")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Rättelse", True))
    actions.unlock_action.trigger()
    assert not RoundService(db, library, "GL").get(rnd.id).locked
    actions.changelog_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, ChangeLogDialog)
    reasons = [dialog.model.data(dialog.model.index(r, 7))
               for r in range(dialog.model.rowCount())]
    assert reasons[0] == "Rättelse"


def test_damaged_database_offers_backups(tmp_path: Path, library: ChecklistLibrary,
                                         monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QMessageBox

    from audit_app.settings import SettingsStore
    from audit_app.ui import app as app_module

    path = tmp_path / "g.sqlite3"
    db = open_database(path)
    round_with_sample(db, library, 1)
    db.close()
    daily_backup(path, None)
    path.write_bytes(path.read_bytes()[:3000])
    shown: list[tuple[str, list[str]]] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append((box.text(), [b.text() for b in box.buttons()]))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    code = app_module.run_gui(path, library, SettingsStore(tmp_path / "s.json"))
    assert code == 1
    text, buttons = shown[0]
    assert "går inte att läsa" in text and "g.daily-" in text
    assert any("säkerhetskopia" in b for b in buttons)
