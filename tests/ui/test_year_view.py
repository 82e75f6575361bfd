"""The year view: control × period states and the actions, loaded off the GUI thread."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.deviations import DeviationService
from audit_app.services.plan import PlanService
from audit_app.storage.db import Database
from audit_app.storage.models import AuditRound
from audit_app.storage.plan_models import DeviationNote, PlanAction, PlanControl, PlanRound
from audit_app.ui.i18n import install_translations
from audit_app.ui.new_round_dialog import NewRoundDialog
from audit_app.ui.sampling_dialog import SamplingDialog
from audit_app.ui.year_dialogs import ActionDialog, AnalysisDialog, StatusDialog
from audit_app.ui.year_model import OVERDUE_FILL
from audit_app.ui.year_view import YearView
from tests.plan_data import MINIMAL, UNIT, reviewed_year, write_plan
from tests.ui.helpers import services_for

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def texts(model: object, row: int) -> list[str]:
    return [str(model.index(row, c).data())  # type: ignore[attr-defined]
            for c in range(model.columnCount())]  # type: ignore[attr-defined]


def test_year_view_lists_controls_periods_and_overdue_actions(
        qtbot: QtBot, db: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    reviewed_year(db, library, tmp_path)
    DeviationService(db, library, "EC").add_action(
        "samtal_placerade", "T1", "enskilt_samtal", "Genomgång på APT", "Gruppledare",
        date(2024, 5, 31))
    view = YearView(services_for(db, library, "EC"))
    qtbot.addWidget(view)
    assert view.plan_box.currentText() == f"{UNIT} 2024"
    qtbot.waitUntil(lambda: view.status_model.rowCount() == 5)
    rows = [texts(view.status_model, r) for r in range(5)]
    assert rows[0][:3] == ["Enskilda samtal med placerade barn", "T1", "klar"]
    assert "enskilt_samtal: ej uppfyllt" in rows[0][4]
    assert rows[2][:3] == ["Utredningar inom fyra månader", "T1", "försenad"]
    overdue = view.status_model.index(2, 0).data(Qt.ItemDataRole.BackgroundRole)
    assert overdue == OVERDUE_FILL
    assert view.action_model.rowCount() == 1
    action = texts(view.action_model, 0)
    assert action[3] == "Genomgång på APT" and action[6] == "planerad"
    assert action[7] == "T2: 28 av 29 (96,6 %)"
    assert "1 åtgärder" in view.note.text()


def test_year_view_without_a_plan(qtbot: QtBot, db: Database,
                                  library: ChecklistLibrary) -> None:
    view = YearView(services_for(db, library, "EC"))
    qtbot.addWidget(view)
    assert view.plan_box.count() == 0 and "Ny plan…" in view.note.text()
    assert [b.text() for b in view.plan_button_list][0] == "Ny &plan…"


def _loaded_view(qtbot: QtBot, db: Database, library: ChecklistLibrary,
                 tmp_path: Path) -> YearView:
    reviewed_year(db, library, tmp_path)
    view = YearView(services_for(db, library, "EC"))
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.status_model.rowCount() == 5)
    return view


def _ok(dialog: QDialog) -> None:
    box = dialog.buttons  # type: ignore[attr-defined]
    box.button(QDialogButtonBox.StandardButton.Ok).click()


def test_round_created_from_a_planned_control_is_prefilled_and_linked(
        qtbot: QtBot, db: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    view = _loaded_view(qtbot, db, library, tmp_path)
    view.status_table.selectRow(0)  # T1 of samtal_placerade already has its round
    assert not view.create_button.isEnabled()
    view.status_table.selectRow(2)  # utredningstid T1: planned, no round
    assert view.create_button.isEnabled()
    view.create_button.click()
    dialog = view.dialog
    assert isinstance(dialog, NewRoundDialog)
    assert dialog.values() == ("Utredningar inom fyra månader T1 2024", "utredning-barn",
                               2024, "T1", UNIT)
    assert not dialog.checklist.isEnabled()
    _ok(dialog)
    qtbot.waitUntil(lambda: texts(view.status_model, 2)[3] != "–")
    assert texts(view.status_model, 2)[3] == "Utredningar inom fyra månader T1 2024"
    with db.session() as s:
        rnd = s.scalar(select(AuditRound).where(
            AuditRound.name == "Utredningar inom fyra månader T1 2024"))
        assert rnd is not None and (rnd.unit, rnd.year, rnd.period) == (UNIT, 2024, "T1")
        link = s.scalar(select(PlanRound).where(PlanRound.round_id == rnd.id))
        assert link is not None
        control = s.get(PlanControl, link.control_id)
        assert control is not None and control.control_key == "utredningstid"
        round_id = rnd.id
    sampling = SamplingDialog(view.services, round_id)  # the plan's method: fixed 20
    qtbot.addWidget(sampling)
    assert sampling.by_fixed.isChecked() and sampling.fixed.value() == 20
    assert "utredningstid" in sampling.plan_note.text()


def test_sampling_starts_with_the_planned_confidence_and_tolerable(
        qtbot: QtBot, db: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    PlanService(db, library, "EC").import_file(write_plan(tmp_path, MINIMAL.replace(
        "confidence: 0.95, tolerable: 0.05", "confidence: 0.9, tolerable: 0.07")))
    services = services_for(db, library, "EC")
    rnd = services.rounds.create("Samtal T1 2024", "placerade-barn", 2024, "T1", UNIT)
    services.plans.link_round(rnd.id, "samtal_placerade")
    sampling = SamplingDialog(services, rnd.id)
    qtbot.addWidget(sampling)
    assert sampling.by_calc.isChecked()
    assert sampling.confidence.currentData() == 0.9
    assert sampling.tolerable.value() == 7.0
    plain = SamplingDialog(services, services.rounds.create(
        "Utan plan", "placerade-barn", 2024, "T1", "Annan enhet").id)
    qtbot.addWidget(plain)
    assert plain.confidence.currentData() == 0.95 and not hasattr(plain, "plan_note")


def test_analysis_action_and_status_written_from_the_year_view(
        qtbot: QtBot, db: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    view = _loaded_view(qtbot, db, library, tmp_path)
    qtbot.waitUntil(lambda: view.deviation_model.rowCount() > 0)
    assert not view.analysis_button.isEnabled() and not view.status_button.isEnabled()
    row = next(r for r in range(view.deviation_model.rowCount())
               if texts(view.deviation_model, r)[2].startswith("enskilt_samtal"))
    view.deviation_table.selectRow(row)
    view.analysis_button.click()
    analysis = view.dialog
    assert isinstance(analysis, AnalysisDialog)
    analysis.text.setPlainText("Samtalen dokumenteras inte.\nRutinen är okänd.")
    _ok(analysis)
    qtbot.waitUntil(lambda: texts(view.deviation_model, row)[5] != "–")
    assert texts(view.deviation_model, row)[5].startswith("Samtalen dokumenteras inte.")

    view.deviation_table.selectRow(row)
    view.add_action_button.click()
    form = view.dialog
    assert isinstance(form, ActionDialog)
    _ok(form)  # nothing filled in: told so, the form stays open
    assert form.isVisible() and "Ange" in form.error.text()
    form.what.setText("Genomgång av rutinen på APT")
    form.responsible.setText("Gruppledare")
    form.due.setDate(QDate(2024, 6, 14))
    _ok(form)
    qtbot.waitUntil(lambda: view.action_model.rowCount() == 1)

    view.action_table.selectRow(0)
    view.status_button.click()
    status = view.dialog
    assert isinstance(status, StatusDialog)
    status.status.setCurrentIndex(status.status.findData("avbruten"))
    _ok(status)  # cancelling needs a reason
    assert status.isVisible() and status.error.text()
    status.reason.setText("Ersätts av utbildning")
    _ok(status)
    qtbot.waitUntil(lambda: texts(view.action_model, 0)[6].startswith("avbruten"))

    with db.session() as s:
        note = s.scalar(select(DeviationNote))
        assert note is not None and note.analysis.endswith("Rutinen är okänd.")
        action = s.scalar(select(PlanAction))
        assert action is not None
        assert (action.what, action.responsible, action.due, action.status, action.reason) == (
            "Genomgång av rutinen på APT", "Gruppledare", date(2024, 6, 14), "avbruten",
            "Ersätts av utbildning")


def test_loads_asked_for_during_a_read_give_one_more_read(
        qtbot: QtBot, db: Database, library: ChecklistLibrary) -> None:
    PlanService(db, library, "EC").import_file(write_plan(db.path.parent))
    services = services_for(db, library, "EC")
    release = threading.Event()
    reads: list[int] = []
    status = services.year.status

    def slow_status(unit: str, year: int) -> object:
        reads.append(year)
        release.wait(10)
        return status(unit, year)

    services.year.status = slow_status  # type: ignore[method-assign]
    view = YearView(services)  # the first read starts and waits
    qtbot.addWidget(view)
    for _ in range(4):  # a plan saved four times while it reads
        view.load()
    release.set()
    qtbot.waitUntil(lambda: len(reads) == 2 and view.job is not None
                    and not view.job.running)
    qtbot.wait(200)
    assert len(reads) == 2 and view.status_model.rowCount() > 0


def test_year_view_in_english_words_its_figures_and_verdicts(
        qtbot: QtBot, db: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    reviewed_year(db, library, tmp_path)
    DeviationService(db, library, "EC").add_action(
        "samtal_placerade", "T1", "enskilt_samtal", "Genomgång på APT", "Gruppledare",
        date(2024, 5, 31))
    install_translations("en")
    try:
        view = YearView(services_for(db, library, "EC"))
        qtbot.addWidget(view)
        qtbot.waitUntil(lambda: view.status_model.rowCount() == 5)
        first = texts(view.status_model, 0)
        assert first[2] == "done" and "enskilt_samtal: not met" in first[4]
        assert "ej uppfyllt" not in first[4]
        assert texts(view.action_model, 0)[7] == "T2: 28 of 29 (96.6 %)"
        assert " of " in texts(view.deviation_model, 0)[3]
    finally:
        install_translations("sv")
