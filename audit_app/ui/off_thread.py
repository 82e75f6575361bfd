"""Work the window must not wait on (the key derivation, loading the database layer) on a thread."""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QThread

T = TypeVar("T")

# What opening the database and filling the window need: SQLAlchemy, SQLCipher, the models,
# the services the window's attach() builds.
DATABASE_LAYER = ("audit_app.storage.db", "audit_app.services.rounds",
                  "audit_app.services.reviews")


class _Worker(QThread):
    """Runs one function; keeps its result or its error for the GUI thread."""

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.setObjectName("open-database")
        self.work = work
        self.outcome: dict[str, Any] = {}

    def run(self) -> None:
        try:
            self.outcome["value"] = self.work()
        except BaseException as exc:  # handed to the GUI thread by run_off_gui_thread
            self.outcome["error"] = exc


def run_off_gui_thread(work: Callable[[], T]) -> T:
    """Run `work` on a worker thread and return its result (or raise its error) here.

    The GUI thread meanwhile runs an event loop, so the window keeps painting and answering
    (it shows "Öppnar databasen …"); the thread's `finished` signal, queued to this thread,
    ends the loop. Without a Qt application (tests, the command line) `work` runs here.
    """
    if QCoreApplication.instance() is None:
        return work()
    worker = _Worker(work)
    loop = QEventLoop()
    worker.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    worker.start()
    loop.exec()  # the signal is queued: sent before exec() starts, it still ends the loop
    worker.wait()
    outcome = worker.outcome
    worker.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def import_database_layer() -> None:
    for name in DATABASE_LAYER:
        importlib.import_module(name)


def preload_database_layer() -> threading.Thread:
    """Start loading the database layer on a thread while the window is built and shown."""
    worker = threading.Thread(target=import_database_layer, name="load-database-layer",
                              daemon=True)
    worker.start()
    return worker
