"""Start-up on an encrypted file: the rounds listed by a first quick read, then attached."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.settings import SettingsStore
from audit_app.storage.db import head_revision, open_database, schema_revision
from audit_app.ui import app as app_module
from audit_app.ui.main_window import MainWindow
from tests.storage.test_quick_read import make_rounds

PHRASE = "rätt lösenfras"
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
Table = list[list[object]]


def _table(window: MainWindow) -> Table:
    model = window.model
    return [[model.data(model.index(r, c)) for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def _window() -> MainWindow:
    found = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, MainWindow) and w.isVisible()]
    assert len(found) == 1
    return found[0]


@pytest.fixture
def encrypted(tmp_path: Path, library: ChecklistLibrary) -> Path:
    path = tmp_path / "k.sqlite3"
    db = open_database(path, passphrase=PHRASE, daily_backup=False)
    make_rounds(db, library)
    db.close()
    return path


def _answers(monkeypatch: pytest.MonkeyPatch, *answers: str) -> list[str]:
    """The dialog's answers in turn; the messages it was shown are returned."""
    given = list(answers)
    messages: list[str] = []

    def ask_dialog(_path: Path) -> Callable[[bool, str], str]:
        def ask(_new: bool, message: str) -> str:
            messages.append(message)
            return given.pop(0)
        return ask

    monkeypatch.setattr(app_module, "_ask_dialog", ask_dialog)
    monkeypatch.setattr(app_module, "start_daily_backup", lambda *a: None)
    return messages


def _run(path: Path, library: ChecklistLibrary, tmp_path: Path, qtbot: QtBot,
         monkeypatch: pytest.MonkeyPatch) -> tuple[int, dict[str, object]]:
    """run_gui with an event loop that notes the window before and after attach."""
    seen: dict[str, object] = {}

    def fake_exec(*_args: object) -> int:
        window = _window()
        seen["attached_at_start"] = window.attached
        seen["before"] = _table(window)
        seen["blocked"] = window.rounds_view.signalsBlocked()
        seen["new_round_enabled"] = window.new_round_action.isEnabled()
        qtbot.waitUntil(lambda: window.attached, timeout=20_000)
        seen["after"] = _table(window)
        seen["blocked_after"] = window.rounds_view.signalsBlocked()
        seen["title"] = window.windowTitle()
        qtbot.waitUntil(lambda: gc.get_freeze_count() > 0)  # settle_heap, once attached
        seen["frozen"] = gc.get_freeze_count()
        gc.unfreeze()  # the rest of the test run collects as usual
        return 0

    def no_box(box: QMessageBox) -> int:  # an error would be shown: the test says which
        seen.setdefault("boxes", []).append(box.text())  # type: ignore[union-attr]
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "exec", no_box)
    code = app_module.run_gui(path, library, SettingsStore(tmp_path / "s.json"))
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    return code, seen


def test_the_rounds_are_listed_before_attach_and_the_same_after(
        encrypted: Path, library: ChecklistLibrary, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    messages = _answers(monkeypatch, PHRASE)
    code, seen = _run(encrypted, library, tmp_path, qtbot, monkeypatch)
    assert "boxes" not in seen
    assert code == 0 and messages == [""]  # asked once
    before, after = seen["before"], seen["after"]
    assert isinstance(before, list) and len(before) == 4
    assert seen["attached_at_start"] is False  # listed by the quick read, not by the ORM
    assert seen["blocked"] is True and seen["new_round_enabled"] is False
    assert before == after  # same rounds, same columns
    assert seen["blocked_after"] is False and "k.sqlite3" in str(seen["title"])
    assert isinstance(seen["frozen"], int) and seen["frozen"] > 10_000  # start-up objects


def test_a_wrong_passphrase_is_refused_and_asked_again(
        encrypted: Path, library: ChecklistLibrary, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    messages = _answers(monkeypatch, "fel lösenfras", PHRASE)
    code, seen = _run(encrypted, library, tmp_path, qtbot, monkeypatch)
    assert "boxes" not in seen
    assert code == 0 and len(messages) == 2
    assert messages[0] == "" and "Fel lösenfras" in messages[1]
    assert seen["attached_at_start"] is True  # the normal open, after the second answer
    assert isinstance(seen["after"], list) and len(seen["after"]) == 4


def test_cancelling_the_passphrase_ends_the_start(
        encrypted: Path, library: ChecklistLibrary, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_module, "_ask_dialog", lambda _p: lambda _n, _m: False)
    code = app_module.run_gui(encrypted, library, SettingsStore(tmp_path / "s.json"))
    assert code == 1
    for widget in QApplication.topLevelWidgets():
        widget.close()


def test_an_old_schema_revision_takes_the_normal_path(
        tmp_path: Path, library: ChecklistLibrary, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "gammal.sqlite3"
    open_database(path, passphrase=PHRASE, daily_backup=False, target="0005").close()
    messages = _answers(monkeypatch, PHRASE)
    code, seen = _run(path, library, tmp_path, qtbot, monkeypatch)
    assert code == 0 and messages == [""]
    assert seen["attached_at_start"] is True and seen["blocked"] is False
    db = open_database(path, passphrase=PHRASE, daily_backup=False)
    try:
        assert schema_revision(db) == head_revision()  # migrated by the normal open
    finally:
        db.close()


def test_the_window_keeps_handling_events_during_the_key_derivation(
        encrypted: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    _answers(monkeypatch, PHRASE)
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    answer, quick = app_module.ask_and_read_rounds(encrypted)
    timer.stop()
    assert answer == PHRASE and quick is not None and len(quick.rounds) == 4
    assert ticks  # the event loop ran while the key was derived on the worker


@pytest.mark.parametrize("typed", [True, False])
def test_the_layer_loads_while_the_passphrase_is_typed(
        typed: bool, encrypted: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """A dialog that runs its event loop (a person typing) starts the loading; a passphrase
    given at once leaves it to the open after the quick read."""
    loads: list[str] = []
    monkeypatch.setattr(app_module, "preload_database_layer", lambda: loads.append("load"))

    def ask(_new: bool, _message: str) -> str:
        if typed:
            qtbot.wait(20)  # the dialog's event loop while the passphrase is typed
        loads.append("answer")
        return PHRASE

    monkeypatch.setattr(app_module, "_ask_dialog", lambda _p: ask)
    answer, quick = app_module.ask_and_read_rounds(encrypted)
    assert answer == PHRASE and quick is not None
    assert loads == (["load", "answer"] if typed else ["answer"])


@pytest.mark.parametrize("saved", [True, False])
def test_a_server_out_of_reach_at_start(
        encrypted: Path, library: ChecklistLibrary, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch, saved: bool) -> None:
    """The server saved in the settings ('open at start') cannot be reached, as on a laptop
    away from the office: the laptop's own file opens. Given with --db, the start ends."""
    boxes: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda _parent, _title, text, *a: boxes.append(text))
    messages = _answers(monkeypatch, PHRASE)
    attached: list[bool] = []

    def fake_exec(*_args: object) -> int:
        window = _window()
        qtbot.waitUntil(lambda: window.attached, timeout=20_000)
        attached.append(len(_table(window)) == 4)
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    code = app_module.run_gui(encrypted, library, SettingsStore(tmp_path / "s.json"),
                              server_url="postgresql+psycopg://127.0.0.1:1/granska",
                              server_saved=saved)
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    assert len(boxes) == 1 and "127.0.0.1" in boxes[0]
    if saved:
        assert code == 0 and attached == [True] and messages == [""]
        assert "datorns egen databas" in boxes[0]
    else:
        assert code == 1 and attached == [] and messages == []
        assert "datorns egen databas" not in boxes[0]


def test_a_file_found_damaged_after_the_quick_read_offers_its_backups(
        encrypted: Path, library: ChecklistLibrary, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The rounds were listed, then the full open fails: the backups are offered as on a
    normal start (not an error that ends the program), and the restored file is opened."""
    from audit_app.storage import db as db_module
    from audit_app.storage.crypto import DatabaseError

    messages = _answers(monkeypatch, PHRASE, PHRASE)  # asked again for the restored file
    boxes: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: boxes.append(box.text()) or 0)
    real_open = db_module.open_database
    failed: list[Path] = []

    def damaged_until_restored(path: Path, *args: object, **kwargs: object) -> object:
        if not offered:  # the background open, then the normal one; a restore repairs it
            failed.append(path)
            raise DatabaseError("Databasen k.sqlite3 är skadad (provfel).")
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    offered: list[str] = []
    monkeypatch.setattr(db_module, "open_database", damaged_until_restored)
    monkeypatch.setattr(app_module, "_show_damaged",
                        lambda _path, message: offered.append(message) or True)
    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", lambda code=0: exits.append(code))
    loops: list[dict[str, object]] = []

    def fake_exec(*_args: object) -> int:
        window = _window()
        if not loops:  # the first event loop ends when the background open has failed
            loops.append({"listed": window.model.rowCount()})
            qtbot.waitUntil(lambda: bool(exits), timeout=20_000)
            return exits[-1]
        loops.append({"attached": window.attached, "rows": window.model.rowCount(),
                      "blocked": window.rounds_view.signalsBlocked()})
        qtbot.waitUntil(lambda: gc.get_freeze_count() > 0)  # settle_heap, once attached
        gc.unfreeze()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    code = app_module.run_gui(encrypted, library, SettingsStore(tmp_path / "s.json"))
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    assert failed == [encrypted, encrypted] and exits == [app_module.REOPEN]
    assert offered == ["Databasen k.sqlite3 är skadad (provfel)."]
    assert loops == [{"listed": 4}, {"attached": True, "rows": 4, "blocked": False}]
    assert code == 0 and messages == ["", ""] and boxes == []
