"""Uncaught errors in the window: a message box naming the log, the traceback in the log."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.errors import UserError
from audit_app.logs import configure_logging
from audit_app.settings import SettingsStore
from audit_app.ui import app as app_module
from audit_app.ui.error_hook import ErrorReporter, install_error_hooks

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def log(tmp_path: Path) -> Path:
    path = configure_logging(tmp_path / "logs")
    assert path is not None
    return path


@pytest.fixture
def reporter(qtbot: QtBot) -> Iterator[ErrorReporter]:
    hooks = (sys.excepthook, threading.excepthook)
    installed = install_error_hooks(QApplication.instance())  # type: ignore[arg-type]
    try:
        assert sys.excepthook == installed.handle
        yield installed
    finally:
        installed.uninstall()
        if installed.box is not None:
            installed.box.close()
    assert (sys.excepthook, threading.excepthook) == hooks


def _raised(exc: BaseException) -> BaseException:
    try:
        raise exc
    except BaseException as caught:
        return caught


def test_an_uncaught_error_shows_a_box_naming_the_log(reporter: ErrorReporter, log: Path,
                                                      qtbot: QtBot) -> None:
    exc = _raised(RuntimeError("secret text"))
    sys.excepthook(type(exc), exc, exc.__traceback__)
    box = reporter.box
    assert box is not None and box.isVisible()
    assert box.icon() == QMessageBox.Icon.Critical
    assert box.text() == ("Ett oväntat fel inträffade (RuntimeError). "
                          f"Detaljer finns i loggfilen {log}.")
    logged = log.read_text(encoding="utf-8")
    assert "Traceback" in logged and "in _raised" in logged
    sys.excepthook(type(exc), exc, exc.__traceback__)  # again while the box is open
    assert reporter.box is box
    box.close()


def test_a_user_error_shows_just_its_text(reporter: ErrorReporter, log: Path,
                                          qtbot: QtBot) -> None:
    exc = _raised(UserError("Filen finns inte."))
    sys.excepthook(type(exc), exc, exc.__traceback__)
    assert reporter.box is not None and reporter.box.text() == "Filen finns inte."
    assert reporter.box.icon() == QMessageBox.Icon.Warning
    assert "Traceback" not in log.read_text(encoding="utf-8")


def test_an_error_on_a_worker_thread_reaches_the_window(reporter: ErrorReporter, log: Path,
                                                        qtbot: QtBot) -> None:
    def work() -> None:
        raise OSError("disken är full")

    worker = threading.Thread(target=work, name="arbetare")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: reporter.box is not None and reporter.box.isVisible())
    assert reporter.box is not None and "(OSError)" in reporter.box.text()
    assert "in work" in log.read_text(encoding="utf-8")


def test_an_error_while_starting_is_shown_not_raised(
        tmp_path: Path, library: ChecklistLibrary, log: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    def broken_open(path: Path, **_options: object) -> None:
        raise RuntimeError("secret text")

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(app_module, "open_with_dialog", broken_open)
    hooks = (sys.excepthook, threading.excepthook)
    code = app_module.run_gui(tmp_path / "g.sqlite3", library, SettingsStore(tmp_path / "s.json"))
    assert code == 1 and (sys.excepthook, threading.excepthook) == hooks
    assert shown == [f"Ett oväntat fel inträffade (RuntimeError). Detaljer finns i loggfilen "
                     f"{log}."]
    assert "in broken_open" in log.read_text(encoding="utf-8")
    for widget in QApplication.topLevelWidgets():
        widget.close()
