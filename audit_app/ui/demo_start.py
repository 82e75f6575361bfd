"""Building the demo database on first start, with a progress dialog while it is made."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.demo import DEMO_CHECKLISTS, open_demo


def prepare_demo(path: Path, library: ChecklistLibrary) -> None:
    """Create the demo file if it is missing, showing which round is being filled."""
    if path.exists() and path.stat().st_size > 0:
        return
    app = QApplication.instance() or QApplication(sys.argv)
    dialog = QProgressDialog(
        QCoreApplication.translate("DemoStart", "Skapar demodatabasen med påhittade ärenden …"),
        "", 0, 4 * len([c for c in DEMO_CHECKLISTS if c in library.scan()[0]]) or 8)
    dialog.setWindowTitle(QCoreApplication.translate("DemoStart", "Granska – demo"))
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setAccessibleName(QCoreApplication.translate("DemoStart", "Förlopp för demodatabasen"))
    steps = [0]

    def progress(name: str) -> None:
        steps[0] += 1
        text = QCoreApplication.translate("DemoStart", "Skapar demodatabasen: {0}")
        dialog.setLabelText(text.format(name))
        dialog.setValue(min(steps[0], dialog.maximum()))
        app.processEvents()

    dialog.show()
    app.processEvents()
    try:
        open_demo(path, library, progress=progress).close()
    finally:
        dialog.close()
