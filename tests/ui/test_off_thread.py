"""Opening the database off the GUI thread: results and errors come back, the window paints."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from audit_app.storage.db import open_database
from audit_app.ui.app import open_with_dialog
from audit_app.ui.off_thread import run_off_gui_thread


def test_work_runs_on_a_worker_while_the_gui_thread_handles_events(qtbot: QtBot) -> None:
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()

    def slow() -> str:
        time.sleep(0.3)  # as the key derivation: the window must not freeze meanwhile
        return threading.current_thread().name

    assert run_off_gui_thread(slow) != threading.current_thread().name
    timer.stop()
    assert len(ticks) >= 3  # the timer fired during the work: events were handled


def test_an_error_on_the_worker_is_raised_here(qtbot: QtBot) -> None:
    def broken() -> None:
        raise ValueError("trasig")

    with pytest.raises(ValueError, match="trasig"):
        run_off_gui_thread(broken)


def test_the_passphrase_is_asked_again_after_a_wrong_one(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite3"
    open_database(path, passphrase="rätt-lösenfras").close()
    answers = ["fel-lösenfras", "rätt-lösenfras"]
    messages: list[str] = []

    def ask(new: bool, message: str) -> str:
        messages.append(message)
        return answers.pop(0)

    db = open_with_dialog(path, ask)
    assert db is not None and db.encrypted
    assert messages[0] == "" and "Fel lösenfras" in messages[1]
    db.close()
