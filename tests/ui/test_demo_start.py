"""Starting with --demo builds the demo file once, behind a progress dialog."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QProgressDialog

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services import demo
from audit_app.ui.demo_start import prepare_demo

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_prepare_demo_builds_the_file_once_and_shows_progress(
        qapp: QApplication, tmp_path: Path, library: ChecklistLibrary,
        monkeypatch: pytest.MonkeyPatch) -> None:
    labels: list[str] = []
    real = demo.build_demo

    def small(db, lib, *, progress=None, **_kw):  # type: ignore[no-untyped-def]
        return real(db, lib, per_unit=1, progress=progress)

    real_label = QProgressDialog.setLabelText

    def label(dialog: QProgressDialog, text: str) -> None:  # on the GUI thread
        if dialog.isVisible():
            labels.append(text)
        real_label(dialog, text)

    monkeypatch.setattr(demo, "build_demo", small)
    monkeypatch.setattr(QProgressDialog, "setLabelText", label)
    path = tmp_path / demo.DEMO_FILE_NAME
    prepare_demo(path, library)
    con = sqlite3.connect(path)
    rounds = con.execute("SELECT count(*) FROM audit_round").fetchone()[0]
    con.close()
    assert rounds == 4 * len(demo.DEMO_CHECKLISTS)
    assert labels and labels[0].startswith("Skapar demodatabasen: ")
    stamp = path.stat().st_mtime_ns
    prepare_demo(path, library)
    assert path.stat().st_mtime_ns == stamp
