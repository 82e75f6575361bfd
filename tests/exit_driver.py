"""Test helper process: the real program start, a case answered by keyboard, then Ctrl+Q.

Usage: python -m tests.exit_driver DB
Starts Granska through its entry point (`audit_app.__main__.main`) on DB, opens the first
round and its first case with Enter, answers the focused item with "J", and quits with
Ctrl+Q, as a user would. The process's exit code and stderr are the test's evidence.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

STEPS = ("open round", "open case", "answer", "quit")


def _main_window() -> QWidget | None:
    """The shown, attached and active main window (shortcuts reach only an active one)."""
    for widget in QApplication.topLevelWidgets():
        if type(widget).__name__ == "MainWindow" and widget.isVisible() \
                and getattr(widget, "attached", False):
            if QApplication.activeWindow() is widget:
                return widget
            widget.activateWindow()
    return None


def _drive(step: int = 0) -> None:
    window = _main_window()
    if window is None:
        QTimer.singleShot(50, lambda: _drive(step))
        return
    target = QApplication.focusWidget() or window
    if STEPS[step] == "quit":
        QTest.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
        return
    key = Qt.Key.Key_J if STEPS[step] == "answer" else Qt.Key.Key_Return
    QTest.keyClick(target, key)
    QTimer.singleShot(200, lambda: _drive(step + 1))


def main() -> int:
    app = QApplication(sys.argv[:1])  # the program's own start takes this instance
    app.setObjectName("exit-driver")
    QTimer.singleShot(100, _drive)
    from audit_app.__main__ import main as program

    return program(["--db", sys.argv[1]])


if __name__ == "__main__":
    sys.exit(main())
