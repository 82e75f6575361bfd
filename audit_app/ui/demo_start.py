"""The demo database: built on first start behind a progress dialog; started from the window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QProcess, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.demo import DEMO_CHECKLISTS, open_demo
from audit_app.ui.ops import Op, Task


def prepare_demo(path: Path, library: ChecklistLibrary) -> None:
    """Create the demo file if it is missing, showing which round is being filled.

    The demo is built on a worker thread (an Op); a local event loop keeps the progress
    dialog painted until it is done, before the main window exists.
    """
    if path.exists() and path.stat().st_size > 0:
        return
    QApplication.instance() or QApplication(sys.argv)
    steps = 4 * len([c for c in DEMO_CHECKLISTS if c in library.scan()[0]]) or 8
    loop = QEventLoop()
    failure: list[BaseException] = []

    def build(task: Task) -> None:
        done = [0]

        def progress(name: str) -> None:
            done[0] += 1
            task.say(QCoreApplication.translate("DemoStart", "Skapar demodatabasen: {0}")
                     .format(name))
            task.progress(min(done[0], steps), steps)

        open_demo(path, library, progress=progress).close()

    op: Op[None] = Op(None, build, label=QCoreApplication.translate(
        "DemoStart", "Skapar demodatabasen med påhittade ärenden …"), cancellable=False,
        on_failure=failure.append)
    op.finished.connect(loop.quit)
    op.start()
    dialog = op.progress_dialog
    if dialog is not None:
        dialog.setWindowTitle(QCoreApplication.translate("DemoStart", "Granska – demo"))
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.setRange(0, steps)
        dialog.setMinimumDuration(0)
        dialog.setAccessibleName(QCoreApplication.translate("DemoStart",
                                                            "Förlopp för demodatabasen"))
    if op.running:
        loop.exec()
    if failure:
        raise failure[0]


def demo_command() -> tuple[str, list[str]]:
    """How to start Granska again on the demo database: the bundle's program or `-m`."""
    if getattr(sys, "frozen", False):
        return sys.executable, ["--demo"]
    return sys.executable, ["-m", "audit_app", "--demo"]


# QProcess.startDetached; tests put a recorder here instead of starting a second program.
start_detached = QProcess.startDetached


def restart_into_demo(window: QWidget) -> bool:
    """Start Granska on the demo database (as `--demo` does) and close this window.

    The demo is a separate file; the user's own database is closed as usual, not changed.
    """
    program, arguments = demo_command()
    started = start_detached(program, arguments, os.getcwd())
    if not (started[0] if isinstance(started, tuple) else started):
        QMessageBox.warning(window, QCoreApplication.translate("DemoStart", "Granska – demo"),
                            QCoreApplication.translate(
                                "DemoStart", "Demodatabasen kunde inte startas. Starta Granska "
                                "med --demo (granska --demo) i stället."))
        return False
    window.close()
    return True
