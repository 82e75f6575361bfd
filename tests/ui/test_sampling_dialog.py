"""The sampling dialog: live size, a draw stored in the database, refusals, the protocol."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.sampling import sample_size
from audit_app.services.sampling import SamplingService
from audit_app.storage.db import Database
from audit_app.ui.sampling_dialog import SamplingDialog
from tests.services.test_sampling import make_round

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_live_size_and_draw(qtbot: QtBot, db: Database, library: ChecklistLibrary,
                            tmp_path: Path) -> None:
    rid = make_round(db, library, cases=60)
    dialog = SamplingDialog(db, rid, "Anna GL")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.population.text() == "60 ärenden"
    assert dialog.size_result.text() == f"{sample_size(0.95, 0.05, 0.0, 60)} ärenden"
    dialog.confidence.setCurrentIndex(0)
    assert dialog.size_result.text() == f"{sample_size(0.90, 0.05, 0.0, 60)} ärenden"
    dialog.tolerable.setValue(10.0)
    assert dialog.size_result.text() == f"{sample_size(0.90, 0.10, 0.0, 60)} ärenden"
    dialog.grab().save(str(tmp_path / "sampling_dialog.png"))
    dialog.seed.setText("abc123")
    dialog.stratify.setCurrentIndex(1)
    qtbot.mouseClick(dialog.draw_button, Qt.MouseButton.LeftButton)
    assert dialog.protocol_view.isVisible() and not dialog.options.isVisible()
    assert "abc123" in dialog.protocol_view.toPlainText()
    stored = SamplingService(db, "x").protocol(rid)
    assert stored.seed == "abc123" and stored.created_by == "Anna GL"
    assert stored.size == sample_size(0.90, 0.10, 0.0, 60)
    dialog.grab().save(str(tmp_path / "sampling_protocol.png"))


def test_fixed_size_and_refusal(qtbot: QtBot, db: Database, library: ChecklistLibrary) -> None:
    rid = make_round(db, library, cases=5)
    dialog = SamplingDialog(db, rid, "GL")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.by_fixed.setChecked(True)
    assert not dialog.tolerable.isEnabled() and dialog.fixed.isEnabled()
    dialog.fixed.setValue(10)
    qtbot.mouseClick(dialog.draw_button, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible() and "mellan 1 och 5" in dialog.error.text()
    dialog.fixed.setValue(3)
    qtbot.mouseClick(dialog.draw_button, Qt.MouseButton.LeftButton)
    assert len(SamplingService(db, "GL").sampled_cases(rid)) == 3


def test_existing_protocol_is_shown(qtbot: QtBot, db: Database,
                                    library: ChecklistLibrary) -> None:
    rid = make_round(db, library, cases=10)
    SamplingService(db, "GL").draw(rid, size=4, seed="fixed-seed")
    dialog = SamplingDialog(db, rid, "GL")
    qtbot.addWidget(dialog)
    dialog.show()
    assert "fixed-seed" in dialog.protocol_view.toPlainText()
    assert dialog.protocol_view.isReadOnly() and not dialog.draw_button.isVisible()


def test_empty_frame_is_explained(qtbot: QtBot, db: Database,
                                  library: ChecklistLibrary) -> None:
    rid = make_round(db, library, cases=0)
    dialog = SamplingDialog(db, rid, "GL")
    qtbot.addWidget(dialog)
    dialog.show()
    assert "tom" in dialog.size_result.text()
    qtbot.mouseClick(dialog.draw_button, Qt.MouseButton.LeftButton)
    assert "importera en ärendelista" in dialog.error.text()
