"""Ending the Qt side in a fixed order before Python's own shutdown begins.

Left to the interpreter's finalisation, the QApplication and the wrappers of the windows are
destroyed in whatever order module teardown and the garbage collector reach them; a wrapper
destroyed after the application (or after the modules its callbacks use) is how PySide
programs end in "Fatal Python error" at exit. Here the windows go first, their deferred
deletions are delivered, the Python side is collected, and the application object last.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication


def settle_heap() -> None:
    """Once the window is open: collect what starting left behind, then put every object
    still alive (modules, Qt wrappers, the ORM's mappers: about 100,000) out of the cycle
    collector's sight. Its collections while the user works then scan only new objects;
    with the start-up objects rescanned, opening a 5,000-case round took twice as long
    (docs/performance.md). release_application() gives them back before the end."""
    gc.collect()
    gc.freeze()


def release_application() -> None:
    """Close and delete every top-level window, then the QApplication itself."""
    gc.unfreeze()  # the windows' wrappers are collected below, before the application
    app = QApplication.instance()
    if app is None:
        return
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    app.shutdown()
    gc.collect()
