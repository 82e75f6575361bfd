"""The rounds listed from a first quick read while the database layer loads; attach comes later."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMainWindow

from audit_app.domain.rounds import RoundSummary
from audit_app.ui.off_thread import _Worker


def show_rounds_early(window: QMainWindow, rounds: list[RoundSummary],
                      select_id: int | None) -> None:
    """Fill the overview before the window is attached to its services.

    The overview's own signals (open a round, new round, demo) stay blocked until
    `ready_to_attach`: they need the services. The menus' actions are disabled until
    attach (MainWindow does that while it waits).
    """
    view = window.rounds_view  # type: ignore[attr-defined]
    if not rounds:
        return  # the empty overview's buttons need the services: "Öppnar databasen …" stays
    view.blockSignals(True)
    view.set_rounds(rounds, select_id)
    window.statusBar().showMessage(QCoreApplication.translate("App", "Öppnar databasen …"))


def ready_to_attach(window: QMainWindow) -> None:
    """The services are there: the overview may open rounds again."""
    window.rounds_view.blockSignals(False)  # type: ignore[attr-defined]
    window.statusBar().clearMessage()


class BackgroundOpen(QObject):
    """Runs `work` (open the database) on a worker thread while the event loop runs.

    `opened(value)` or `failed(error)` is emitted on the GUI thread when it is done.
    """

    opened = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self._worker = _Worker(work)
        self._worker.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self._reported = False

    def start(self) -> BackgroundOpen:
        self._worker.start()
        return self

    def _finished(self) -> None:
        if self._reported:
            return
        self._reported = True
        outcome = self._worker.outcome
        if "error" in outcome:
            self.failed.emit(outcome["error"])
        else:
            self.opened.emit(outcome["value"])

    def wait(self) -> Any:
        """Wait for the worker (the program is ending); its result, None after an error."""
        self._worker.wait()
        return self._worker.outcome.get("value")
