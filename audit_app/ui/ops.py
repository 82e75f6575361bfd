"""One way to run long work off the GUI thread: progress, cancel, success and failure."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from audit_app.domain.errors import UserError
from audit_app.ui.error_hook import ErrorReporter

T = TypeVar("T")
logger = logging.getLogger(__name__)


class OpCancelledError(UserError):
    """The user cancelled the work; nothing is reported as failed."""


class Task:
    """What the work function sees on its thread: report progress, ask whether to stop."""

    def __init__(self, relay: _Relay, cancel: threading.Event) -> None:
        self._relay = relay
        self._cancel = cancel

    def progress(self, done: int, total: int | None = None) -> None:
        """Done so far out of total (None or 0: not known yet)."""
        self._relay.progressed.emit(done, total or 0)

    def say(self, text: str) -> None:
        """A line for the progress dialog ("Skriver PDF … 3 av 9")."""
        self._relay.said.emit(text)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Stop here (OpCancelledError) if the user has cancelled."""
        if self._cancel.is_set():
            raise OpCancelledError("Avbrutet.")


class _Relay(QObject):
    """Carries the worker's reports to the GUI thread (queued: it lives there)."""

    progressed = Signal(int, int)
    said = Signal(str)
    ended = Signal(object, object)  # result, exception (one of them None)


def show_failure(parent: QWidget | None, exc: BaseException, title: str = "Granska") -> QMessageBox:
    """The one failure handler: a UserError's own text, or "unexpected error" naming the log
    file (the traceback goes to the log). The box opens window-modal without blocking."""
    text, unexpected = ErrorReporter.describe(type(exc), exc, exc.__traceback__)
    icon = QMessageBox.Icon.Critical if unexpected else QMessageBox.Icon.Warning
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("failureBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


class Op(QObject, Generic[T]):
    """Run `fn(task)` on a worker thread; on_success(result) or on_failure(error) follow on
    the GUI thread. A progress dialog appears after a moment unless `dialog` is False (a
    window with its own progress bar listens to `progressed` instead)."""

    progressed = Signal(int, int)
    said = Signal(str)
    finished = Signal()  # after the success, failure or cancel callback has run

    def __init__(self, parent: QWidget | None, fn: Callable[[Task], T], *, label: str,
                 on_success: Callable[[T], object] | None = None,
                 on_failure: Callable[[BaseException], object] | None = None,
                 on_cancel: Callable[[], object] | None = None,
                 cancellable: bool = True, dialog: bool = True) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.fn = fn
        self.label = label
        self.on_success = on_success
        self.on_failure = on_failure or (lambda exc: self._show_failure(exc))
        self.on_cancel = on_cancel
        self.cancellable = cancellable
        self.use_dialog = dialog
        self.running = False
        self.failure_box: QMessageBox | None = None
        self.progress_dialog: QProgressDialog | None = None
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self._relay = _Relay()
        self._relay.progressed.connect(self._progressed)
        self._relay.said.connect(self._said)
        self._relay.ended.connect(self._ended)

    def start(self) -> Op[T]:
        """Start the work (once); returns self so `Op(...).start()` reads as one step."""
        if self.running or self._thread is not None:
            raise RuntimeError("an Op runs once")
        self.running = True
        if self.parent() is None:
            _RUNNING.add(self)  # kept alive until it ends (a parent keeps it otherwise)
        if self.use_dialog:
            self._open_dialog()
        task = Task(self._relay, self._cancel)
        relay = self._relay
        fn = self.fn

        def work() -> None:  # the worker thread: never touches a widget
            try:
                result: Any = fn(task)
            except BaseException as exc:  # every failure goes back to the GUI thread
                relay.ended.emit(None, exc)
            else:
                relay.ended.emit(result, None)

        # A daemon thread: closing the program does not wait for a half-made backup copy.
        self._thread = threading.Thread(target=work, name=f"op-{self.label[:30]}", daemon=True)
        self._thread.start()
        return self

    def cancel(self) -> None:
        """Ask the work to stop; it does at its next look at task.cancelled()."""
        if self.cancellable and self.running:
            self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the worker thread has returned (a window closing under it)."""
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    # -- on the GUI thread -------------------------------------------------------------

    def _open_dialog(self) -> None:
        cancel = QCoreApplication.translate("Op", "Avbryt") if self.cancellable else ""
        dialog = QProgressDialog(self.label, cancel, 0, 0, self.parent_widget)
        dialog.setObjectName("opProgress")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        if self.cancellable:
            dialog.canceled.connect(self.cancel)
        else:
            dialog.setCancelButton(None)
        self.progress_dialog = dialog

    def _progressed(self, done: int, total: int) -> None:
        if self.progress_dialog is not None and total > 0:
            self.progress_dialog.setRange(0, total)
            self.progress_dialog.setValue(min(done, total))
        self.progressed.emit(done, total)

    def _said(self, text: str) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.setLabelText(text)
        self.said.emit(text)

    def _ended(self, result: object, error: BaseException | None) -> None:
        self.running = False
        _RUNNING.discard(self)
        self._relay.deleteLater()  # on the GUI thread, after its last report
        if self.progress_dialog is not None:
            # closing emits `canceled`, which cancel() ignores now the work has ended. No
            # disconnect(): PySide6 6.12's SignalInstance.disconnect() drops a reference to
            # True each call, and Python 3.11 aborts once True's count reaches zero.
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None
        try:
            # a function that stops on cancel raises a UserError (the importer's own or
            # OpCancelledError); one that finished anyway has stored its work: success
            if self._cancel.is_set() and isinstance(error, UserError):
                if self.on_cancel is not None:
                    self.on_cancel()
            elif error is not None:
                self.on_failure(error)
            elif self.on_success is not None:
                self.on_success(result)  # type: ignore[arg-type]  # T erased
        finally:
            self.finished.emit()

    def _show_failure(self, exc: BaseException) -> None:
        self.failure_box = show_failure(self.parent_widget, exc)


_RUNNING: set[Op[Any]] = set()
