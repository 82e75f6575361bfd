"""Failures of long work seen in the GUI: a user error's text, or the log file named."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from audit_app import logs
from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.rounds import RoundService
from audit_app.storage.db import Database
from audit_app.ui.caselist_import_dialog import CaseListImportDialog
from audit_app.ui.results_view import ResultsView
from tests.figure_data import seed_utredning
from tests.ui.helpers import services_for

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def log(tmp_path: Path) -> Iterator[Path]:
    path = logs.configure_logging(tmp_path / "logs")
    assert path is not None
    yield path
    logger = logging.getLogger(logs.LOGGER_NAME)
    for handler in list(logger.handlers):
        handler.close()
        logger.removeHandler(handler)


def boxes(parent: object) -> list[QMessageBox]:
    return [b for b in parent.findChildren(QMessageBox)  # type: ignore[attr-defined]
            if b.objectName() == "failureBox" and b.isVisible()]


def test_a_failing_export_is_shown_and_logged(qtbot: QtBot, db: Database,
                                              library: ChecklistLibrary, tmp_path: Path,
                                              log: Path) -> None:
    t1, _ = seed_utredning(db, library, n=4)
    view = ResultsView(services_for(db, library, "EC"), RoundService(db, library, "EC").list(),
                       selected=t1)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.computing is not None and not view.computing.running)
    blocked = tmp_path / "en fil"
    blocked.write_text("ingen mapp", encoding="utf-8")
    view.export_to("pdf", blocked / "resultat.pdf")  # a file where the folder should be
    qtbot.waitUntil(lambda: bool(boxes(view)), timeout=20_000)
    box = boxes(view)[0]
    # the service turns the OSError into a user error: its own text, nothing logged
    assert box.text().startswith("Kunde inte skriva filen") and "resultat.pdf" in box.text()
    assert box.icon() == QMessageBox.Icon.Warning and "Sparade" not in view.status.text()
    assert not log.exists() or "Traceback" not in log.read_text(encoding="utf-8")


def test_an_unexpected_import_failure_names_the_log(qtbot: QtBot, db: Database,
                                                    library: ChecklistLibrary, tmp_path: Path,
                                                    log: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    round_id = RoundService(db, library, "GL").create("T1 2026", "placerade-barn", 2026,
                                                      "T1").id
    services = services_for(db, library, "GL")

    def broken(*_a: object, **_k: object) -> None:
        raise KeyError("kolumn")

    monkeypatch.setattr(services.case_lists, "preview", broken)
    dialog = CaseListImportDialog(services, round_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load_file(tmp_path / "lista.csv")
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=10_000)
    found = boxes(dialog)
    assert len(found) == 1 and "oväntat fel" in found[0].text() and str(log) in found[0].text()
    for handler in logging.getLogger(logs.LOGGER_NAME).handlers:
        handler.flush()
    assert "KeyError" in log.read_text(encoding="utf-8")
    assert dialog.preview_model.rowCount() == 0
