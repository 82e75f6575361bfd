"""Starting the window on a damaged or unexpectedly plain file: restore, not a passphrase loop."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.rounds import RoundService
from audit_app.storage.backup import daily_backup
from audit_app.storage.db import DatabaseError, WrongPassphraseError, open_database
from audit_app.ui.app import open_with_dialog
from tests.factories import round_with_sample

KEY = "en lång lösenfras"
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


class Asker:
    """Answers the passphrase questions in turn and records them."""

    def __init__(self, *answers: str | None | bool) -> None:
        self.answers = list(answers)
        self.asked: list[tuple[bool, str]] = []

    def __call__(self, new: bool, message: str) -> str | None | bool:
        self.asked.append((new, message))
        return self.answers.pop(0) if self.answers else False


def _encrypted_with_backup(path: Path, library: ChecklistLibrary) -> Path:
    db = open_database(path, passphrase=KEY)
    round_with_sample(db, library, 1, name="Före")
    db.close()
    made = daily_backup(path, KEY)
    assert made is not None
    return made


def test_empty_file_is_refused_before_any_passphrase(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GRANSKA_UNENCRYPTED")
    path = tmp_path / "g.sqlite3"
    path.write_bytes(b"")
    ask = Asker(KEY)
    with pytest.raises(DatabaseError, match="tom"):
        open_with_dialog(path, ask, confirm_plain=lambda p: True)
    assert ask.asked == [] and path.read_bytes() == b""


def test_truncated_encrypted_file_is_not_asked_about(tmp_path: Path,
                                                     library: ChecklistLibrary) -> None:
    path = tmp_path / "g.sqlite3"
    good = _encrypted_with_backup(path, library)
    path.write_bytes(path.read_bytes()[:5000])
    ask = Asker(KEY, KEY, KEY)
    with pytest.raises(DatabaseError, match=good.name):
        open_with_dialog(path, ask)
    assert ask.asked == []


def test_damaged_encrypted_file_is_asked_once(tmp_path: Path,
                                              library: ChecklistLibrary) -> None:
    path = tmp_path / "g.sqlite3"
    good = _encrypted_with_backup(path, library)
    data = bytearray(path.read_bytes())
    data[:4096] = bytes(4096)
    path.write_bytes(bytes(data))
    ask = Asker(KEY, KEY, KEY)
    with pytest.raises(DatabaseError, match=good.name) as info:
        open_with_dialog(path, ask)
    assert not isinstance(info.value, WrongPassphraseError)
    assert len(ask.asked) == 1


def test_new_database_with_a_short_passphrase_asks_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GRANSKA_UNENCRYPTED")
    path = tmp_path / "ny.sqlite3"
    ask = Asker("kort", KEY)
    db = open_with_dialog(path, ask)
    assert db is not None and db.encrypted
    db.close()
    assert len(ask.asked) == 2 and "minst 8" in ask.asked[1][1]


def test_plain_file_needs_unencrypted_or_a_yes(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GRANSKA_UNENCRYPTED")
    path = tmp_path / "g.sqlite3"
    open_database(path).close()
    confirmed: list[Path] = []

    def refuse(p: Path) -> bool:
        confirmed.append(p)
        return False

    assert open_with_dialog(path, Asker(), confirm_plain=refuse) is None
    assert confirmed == [path]
    db = open_with_dialog(path, Asker(), unencrypted=True, confirm_plain=refuse)
    assert db is not None and not db.encrypted and confirmed == [path]
    db.close()
    db = open_with_dialog(path, Asker(), confirm_plain=lambda p: True)
    assert db is not None
    db.close()


def test_plain_question_names_the_way_out(tmp_path: Path, qtbot: QtBot,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from audit_app.ui import app as app_module

    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert app_module._confirm_plain(tmp_path / "g.sqlite3") is False
    assert "okrypterad" in shown[0] and "--unencrypted" in shown[0]


def test_window_restores_a_damaged_file_and_opens_it(
        tmp_path: Path, library: ChecklistLibrary, monkeypatch: pytest.MonkeyPatch,
        qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from audit_app.settings import SettingsStore
    from audit_app.ui import app as app_module
    from audit_app.ui.backup_dialog import BackupDialog

    path = tmp_path / "g.sqlite3"
    db = open_database(path)
    round_with_sample(db, library, 1, name="Före")
    db.close()
    daily_backup(path, None)
    path.write_bytes(b"")
    texts: list[str] = []

    def click_restore(box: QMessageBox) -> int:
        texts.append(box.text())
        restore = [b for b in box.buttons() if "säkerhetskopia" in b.text()]
        restore[0].click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_restore)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    monkeypatch.setattr(BackupDialog, "exec", lambda self: self.restore_selected() and 1)
    monkeypatch.setattr(app_module, "start_daily_backup", lambda *a: None)
    attached: list[list[str]] = []
    monkeypatch.setattr(QApplication, "exec",
                        lambda *a: attached.append(_round_names(path, library)) or 0)
    code = app_module.run_gui(path, library, SettingsStore(tmp_path / "s.json"))
    assert code == 0
    assert len(texts) == 1 and "audit-app" in texts[0] and "g.daily-" in texts[0]
    assert attached == [["Före"]]
    for window in QApplication.topLevelWidgets():
        window.close()


def _round_names(path: Path, library: ChecklistLibrary) -> list[str]:
    db = open_database(path, daily_backup=False)
    try:
        return [r.name for r in RoundService(db, library, "GL").list()]
    finally:
        db.close()


def test_backup_dialog_does_not_restore_a_corrupt_copy(
        tmp_path: Path, library: ChecklistLibrary, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from PySide6.QtWidgets import QMessageBox

    from audit_app.services.backups import BackupService
    from audit_app.ui.backup_dialog import BackupDialog

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    path = tmp_path / "g.sqlite3"
    db = open_database(path)
    round_with_sample(db, library, 1, name="Nu")
    db.close()
    corrupt = tmp_path / "backups" / "g.manual-1.sqlite3"
    corrupt.parent.mkdir()
    con = sqlite3.connect(corrupt)
    con.execute("CREATE TABLE t(a, b)")
    con.executemany("INSERT INTO t VALUES (?, ?)", [(i, 500 - i) for i in range(200)])
    con.execute("CREATE INDEX i ON t(a)")
    con.commit()
    con.execute("PRAGMA writable_schema=ON")
    con.execute("UPDATE sqlite_master SET sql='CREATE INDEX i ON t(b)' WHERE name='i'")
    con.commit()
    con.close()
    before = path.read_bytes()
    dialog = BackupDialog(BackupService(path))
    qtbot.addWidget(dialog)
    assert dialog.backups[0].path == corrupt
    assert dialog.restore_selected() is None
    assert path.read_bytes() == before and "integrity_check" in warnings[0]


def test_truncated_plain_file_is_refused_before_the_plain_question(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GRANSKA_UNENCRYPTED")
    path = tmp_path / "g.sqlite3"
    open_database(path).close()
    path.write_bytes(path.read_bytes()[:3000])
    confirmed: list[Path] = []
    with pytest.raises(DatabaseError, match="ofullständig"):
        open_with_dialog(path, Asker(), confirm_plain=lambda p: bool(confirmed.append(p)))
    assert confirmed == []
