"""The sampling dialog: live size, a draw stored in the database, refusals, the protocol."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.sampling import sample_size
from audit_app.services.rounds import RoundService
from audit_app.services.sampling import SamplingService
from audit_app.storage.db import Database
from audit_app.ui import sampling_result
from audit_app.ui.sampling_dialog import SamplingDialog
from tests.services.test_sampling import make_round
from tests.ui.helpers import services_for

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_live_size_and_draw(qtbot: QtBot, db: Database, library: ChecklistLibrary,
                            tmp_path: Path) -> None:
    rid = make_round(db, library, cases=60)
    dialog = SamplingDialog(services_for(db, library, "Granskare AG"), rid)
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
    qtbot.waitUntil(lambda: not dialog.op.running)
    assert dialog.protocol_view.isVisible() and not dialog.options.isVisible()
    assert "abc123" in dialog.protocol_view.toPlainText()
    stored = SamplingService(db, "x").protocol(rid)
    assert stored.seed == "abc123" and stored.created_by == "Granskare AG"
    assert stored.size == sample_size(0.90, 0.10, 0.0, 60)
    dialog.grab().save(str(tmp_path / "sampling_protocol.png"))


def test_fixed_size_and_refusal(qtbot: QtBot, db: Database, library: ChecklistLibrary) -> None:
    rid = make_round(db, library, cases=5)
    dialog = SamplingDialog(services_for(db, library, "GL"), rid)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.by_fixed.setChecked(True)
    assert not dialog.tolerable.isEnabled() and dialog.fixed.isEnabled()
    dialog.fixed.setValue(10)
    qtbot.mouseClick(dialog.draw_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.op.running)
    assert dialog.error.isVisible() and "mellan 1 och 5" in dialog.error.text()
    dialog.fixed.setValue(3)
    qtbot.mouseClick(dialog.draw_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.op.running)
    assert len(SamplingService(db, "GL").sampled_cases(rid)) == 3


def test_existing_protocol_is_shown(qtbot: QtBot, db: Database,
                                    library: ChecklistLibrary) -> None:
    rid = make_round(db, library, cases=10)
    SamplingService(db, "GL").draw(rid, size=4, seed="fixed-seed")
    dialog = SamplingDialog(services_for(db, library, "GL"), rid)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "fixed-seed" in dialog.protocol_view.toPlainText()
    assert dialog.protocol_view.isReadOnly() and not dialog.draw_button.isVisible()


def test_empty_frame_is_explained(qtbot: QtBot, db: Database,
                                  library: ChecklistLibrary) -> None:
    rid = make_round(db, library, cases=0)
    dialog = SamplingDialog(services_for(db, library, "GL"), rid)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "tom" in dialog.size_result.text()
    qtbot.mouseClick(dialog.draw_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.op.running)
    assert "importera en ärendelista" in dialog.error.text()


@pytest.mark.parametrize(("period", "first", "last"), [
    ("T1", date(2026, 1, 1), date(2026, 4, 30)),
    ("T2", date(2026, 5, 1), date(2026, 8, 31)),
    ("T3", date(2026, 9, 1), date(2026, 12, 31)),
])
def test_date_filter_defaults_to_the_rounds_tertial(
        qtbot: QtBot, db: Database, library: ChecklistLibrary, period: str, first: date,
        last: date) -> None:
    summary = RoundService(db, library, "GL").create(f"Omgång {period}", "placerade-barn",
                                                     2026, period)
    dialog = SamplingDialog(services_for(db, library, "GL"), summary.id)
    qtbot.addWidget(dialog)
    assert dialog.date_from.date().toPython() == first
    assert dialog.date_to.date().toPython() == last


def test_date_filter_limits_the_frame_to_the_period(
        qtbot: QtBot, db: Database, library: ChecklistLibrary) -> None:
    rid = make_round(db, library, cases=60)  # closed Jan-Apr 2026: all inside T1
    dialog = SamplingDialog(services_for(db, library, "GL"), rid)
    qtbot.addWidget(dialog)
    dialog.use_dates.setChecked(True)
    assert dialog.population.text() == "60 ärenden"
    dialog.date_to.setDate(QDate(2026, 2, 28))  # January and February only
    assert dialog.population.text() == "30 ärenden"


def test_fixed_size_is_the_size_shown_not_the_calculated_one(
        qtbot: QtBot, db: Database, library: ChecklistLibrary) -> None:
    rid = make_round(db, library, cases=60)
    dialog = SamplingDialog(services_for(db, library, "GL"), rid)
    qtbot.addWidget(dialog)
    dialog.show()
    calculated = sample_size(0.95, 0.05, 0.0, 60)
    assert dialog.chosen_size.text() == f"{calculated} ärenden (beräknad)"
    dialog.by_fixed.setChecked(True)
    dialog.fixed.setValue(12)
    assert dialog.chosen_size.text() == "12 ärenden (fast storlek)"
    assert str(calculated) not in dialog.size_result.text()
    assert not dialog.size_result.isEnabled()
    qtbot.mouseClick(dialog.draw_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.op.running)
    assert SamplingService(db, "GL").protocol(rid).size == 12
    assert "12 av 60" in dialog.result_panel.heading.text()


def test_drawn_protocol_explains_saves_pdf_copies_and_prints(
        qtbot: QtBot, db: Database, library: ChecklistLibrary, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    rid = make_round(db, library, cases=20)
    dialog = SamplingDialog(services_for(db, library, "Granskare AG"), rid)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.by_fixed.setChecked(True)
    dialog.fixed.setValue(6)
    dialog.seed.setText("protokoll-1")
    qtbot.mouseClick(dialog.draw_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.op.running)
    panel = dialog.result_panel
    proto = SamplingService(db, "x").protocol(rid)
    assert len(proto.sampled_refs) == 6 and len(proto.reserve_refs) == 14
    assert panel.isVisible() and "slumpmässigt med ett frö" in panel.explanation.text()
    assert "HMAC" not in panel.explanation.text()
    reserve_text = panel.reserve_view.toPlainText()
    assert all(ref in reserve_text for ref in proto.reserve_refs)
    assert panel.tabs.tabText(1).replace("&", "") == "Reservlista (14)"
    # copy
    panel.copy_action.trigger()
    copied = QApplication.clipboard().text()
    assert all(ref in copied for ref in proto.sampled_refs + proto.reserve_refs)
    # print: only that it is offered (a print dialog would block the test)
    assert panel.print_action.isEnabled() and panel.print_action.text().replace("&", "")
    assert panel.print_action.shortcut().toString() == "Ctrl+P"
    # save as PDF through the file dialog
    target = tmp_path / "protokoll"
    monkeypatch.setattr(sampling_result.QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), "PDF-filer (*.pdf)"))
    panel.save_action.trigger()
    saved = target.with_suffix(".pdf")
    assert saved.is_file() and str(saved) in panel.saved.text()
    text = "\n".join(page.extract_text() for page in PdfReader(saved).pages)
    assert all(ref in text for ref in proto.sampled_refs + proto.reserve_refs)
    assert "protokoll-1" in text and "göra om dragningen" in text and "HMAC-SHA256" in text
