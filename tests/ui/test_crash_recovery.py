"""Killing the program in the middle of a review loses no answer that was given."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.reviews import ReviewService
from audit_app.storage.db import Database, open_database
from tests.factories import round_with_sample

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from PySide6.QtTest import QTest
    from audit_app.checklist_io.library import ChecklistLibrary
    from audit_app.settings import Settings, SettingsStore
    from audit_app.storage.db import open_database
    from audit_app.ui.app import build_services
    from audit_app.ui.main_window import MainWindow

    db_path, settings_path, round_id, case_id = sys.argv[1:5]
    app = QApplication([])
    store = SettingsStore(Path(settings_path))
    store.save(Settings(reviewer_name="Granskare GL", reviewer_initials="GL"))
    library = ChecklistLibrary([Path("checklists")])
    window = MainWindow(build_services(open_database(db_path), library, store), store)
    window.show()
    window.activateWindow()
    for _ in range(50):
        app.processEvents()
    window.open_round(int(round_id))
    window.open_case(int(case_id))
    for letter in "JNE":
        QTest.keyClick(QApplication.focusWidget(), letter)
    os.kill(os.getpid(), signal.SIGKILL)
""")


def test_answers_survive_a_killed_process(db: Database, library: ChecklistLibrary,
                                          db_path: Path, tmp_path: Path) -> None:
    summary, case_ids = round_with_sample(db, library, n=2)
    db.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(db_path), str(tmp_path / "s.json"),
         str(summary.id), str(case_ids[0])],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    reopened = open_database(db_path)
    try:
        values = ReviewService(reopened, "x").review(summary.id, case_ids[0]).values()
    finally:
        reopened.close()
    assert values == {"enskilt_samtal": "ja", "samtal_var_tredje_manad": "nej",
                      "viewpoint": "ej_aktuellt"}
