"""The one background helper: success, failure (user error and unexpected), cancel, progress."""

from __future__ import annotations

import gc
import logging
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from audit_app import logs
from audit_app.domain.errors import UserError
from audit_app.ui.ops import Op, OpCancelledError, Task

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def finish(qtbot: QtBot, op: Op[object]) -> None:
    with qtbot.waitSignal(op.finished, timeout=10_000):
        op.start()


def test_success_arrives_on_the_gui_thread(qtbot: QtBot, parent: QWidget) -> None:
    seen: list[tuple[object, bool]] = []
    workers: list[bool] = []

    def work(_task: Task) -> int:
        workers.append(threading.current_thread() is threading.main_thread())
        return 42

    op: Op[object] = Op(parent, work, label="Räknar …",
                        on_success=lambda v: seen.append(
                            (v, threading.current_thread() is threading.main_thread())))
    finish(qtbot, op)
    assert workers == [False] and seen == [(42, True)] and not op.running
    assert op.progress_dialog is None and op.failure_box is None


def test_a_user_error_shows_its_own_text(qtbot: QtBot, parent: QWidget) -> None:
    def work(_task: Task) -> None:
        raise UserError("Filen är tom.")

    op: Op[object] = Op(parent, work, label="Läser …")
    finish(qtbot, op)
    box = op.failure_box
    assert box is not None and box.text() == "Filen är tom."
    assert box.icon() == QMessageBox.Icon.Warning
    box.close()


def test_an_unexpected_error_names_the_log_file_and_logs_the_traceback(
        qtbot: QtBot, parent: QWidget, tmp_path: Path) -> None:
    log = logs.configure_logging(tmp_path)
    assert log is not None
    seen: list[BaseException] = []

    def work(_task: Task) -> None:
        raise ZeroDivisionError("division by zero")

    try:
        op: Op[object] = Op(parent, work, label="Räknar …")
        finish(qtbot, op)
        box = op.failure_box
        assert box is not None and box.icon() == QMessageBox.Icon.Critical
        assert "oväntat fel" in box.text() and str(log) in box.text()
        assert "ZeroDivisionError" in box.text()
        box.close()
        for handler in logging.getLogger(logs.LOGGER_NAME).handlers:
            handler.flush()
        text = log.read_text(encoding="utf-8")
        assert "Traceback" in text and "in work" in text
        # a caller's own failure handler is used instead of the box
        own: Op[object] = Op(parent, work, label="Räknar …", on_failure=seen.append)
        finish(qtbot, own)
        assert isinstance(seen[0], ZeroDivisionError) and own.failure_box is None
    finally:
        logger = logging.getLogger(logs.LOGGER_NAME)
        for handler in list(logger.handlers):
            handler.close()
            logger.removeHandler(handler)


def test_cancel_stops_the_work_and_calls_on_cancel(qtbot: QtBot, parent: QWidget) -> None:
    started = threading.Event()
    outcome: list[str] = []

    def work(task: Task) -> None:
        started.set()
        while True:  # a long loop that looks at the cancel flag
            task.check()
            threading.Event().wait(0.01)

    op: Op[object] = Op(parent, work, label="Läser …", on_success=lambda _v: outcome.append(
        "success"), on_failure=lambda _e: outcome.append("failure"),
        on_cancel=lambda: outcome.append("cancelled"))
    op.start()
    assert started.wait(10)
    with qtbot.waitSignal(op.finished, timeout=10_000):
        op.cancel()
    assert outcome == ["cancelled"] and op.cancel_requested and op.failure_box is None


def test_the_progress_dialog_cancels_too(qtbot: QtBot, parent: QWidget) -> None:
    def work(task: Task) -> None:
        while not task.cancelled():
            threading.Event().wait(0.01)
        raise OpCancelledError("Avbrutet.")

    op: Op[object] = Op(parent, work, label="Exporterar …")
    op.start()
    dialog = op.progress_dialog
    assert dialog is not None and dialog.labelText() == "Exporterar …"
    button = dialog.findChild(QPushButton)
    assert button is not None and button.text() == "Avbryt"
    with qtbot.waitSignal(op.finished, timeout=10_000):
        button.click()
    assert op.failure_box is None and op.progress_dialog is None


def test_progress_and_text_reach_the_gui(qtbot: QtBot, parent: QWidget) -> None:
    steps: list[tuple[int, int]] = []
    texts: list[str] = []

    def work(task: Task) -> str:
        task.say("Skriver PDF …")
        for k in range(1, 4):
            task.progress(k, 3)
        return "klar"

    op: Op[object] = Op(parent, work, label="Exporterar …")
    op.progressed.connect(lambda done, total: steps.append((done, total)))
    op.said.connect(texts.append)
    finish(qtbot, op)
    assert steps == [(1, 3), (2, 3), (3, 3)] and texts == ["Skriver PDF …"]


def test_not_cancellable_ignores_cancel_and_succeeds(qtbot: QtBot, parent: QWidget) -> None:
    gate = threading.Event()
    seen: list[object] = []

    def work(_task: Task) -> str:
        gate.wait(10)
        return "sparad"

    op: Op[object] = Op(parent, work, label="Sparar …", cancellable=False,
                        on_success=seen.append)
    op.start()
    op.cancel()
    with qtbot.waitSignal(op.finished, timeout=10_000):
        gate.set()
    assert seen == ["sparad"] and not op.cancel_requested


def test_an_op_runs_once(qtbot: QtBot, parent: QWidget) -> None:
    op: Op[object] = Op(parent, lambda _t: None, label="…", dialog=False)
    finish(qtbot, op)
    with pytest.raises(RuntimeError):
        op.start()


def test_finished_operations_leave_the_count_of_true_alone(qtbot: QtBot) -> None:
    """PySide6 6.12's disconnect() drops a reference to True per call; Python 3.11 aborts
    when it reaches zero. Ending an operation (closing its progress dialog) must not."""
    runs = 60

    def run_once() -> None:
        owner = QWidget()
        op: Op[object] = Op(owner, lambda _task: None, label="Räknar …")
        loop = QEventLoop()
        op.finished.connect(loop.quit)
        op.start()
        if op.running:
            loop.exec()
        assert op.progress_dialog is None and not op.cancel_requested
        del op
        owner.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)

    run_once()
    gc.collect()
    before = sys.getrefcount(True)
    for _ in range(runs):
        run_once()
    gc.collect()
    assert sys.getrefcount(True) > before - runs // 2
