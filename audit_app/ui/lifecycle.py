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


def release_application() -> None:
    """Close and delete every top-level window, then the QApplication itself."""
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
