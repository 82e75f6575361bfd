"""Starting the Qt application: QApplication, the database, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.errors import UserError
from audit_app.settings import SettingsStore
from audit_app.storage.db import open_database


def run_gui(db_path: Path, library: ChecklistLibrary, settings_store: SettingsStore) -> int:
    from audit_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Granska")
    app.setOrganizationName("Granska")
    from audit_app.ui.i18n import install_translations

    install_translations(settings_store.load().language, app)
    try:
        db = open_database(db_path)
    except UserError as exc:
        QMessageBox.critical(None, "Granska", str(exc))
        return 1
    window = MainWindow(db=db, library=library, settings_store=settings_store)
    window.show()
    code = app.exec()
    db.close()
    return int(code)
