"""The plan edited in the program: the editor's form, removal, copy, read and save from the GUI."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.checklist_io.plan_yaml import parse_plan
from audit_app.services.plan import PlanService
from audit_app.settings import SettingsStore
from audit_app.storage.db import Database
from audit_app.storage.models import ChangeLog
from audit_app.storage.plan_models import PlanControl
from audit_app.ui.i18n import install_translations
from audit_app.ui.plan_actions import PlanChoice, export_plan, import_plan
from audit_app.ui.plan_control_dialog import ControlDialog
from audit_app.ui.plan_editor import PlanEditor
from audit_app.ui.risk_matrix import RED, YELLOW, RiskMatrix
from audit_app.ui.year_view import YearView
from tests.plan_data import UNIT, reviewed_year, write_plan
from tests.ui.helpers import services_for, window_for

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _rows(db: Database, year: int) -> dict[str, PlanControl]:
    with db.session() as s:
        rows = s.scalars(select(PlanControl).where(PlanControl.year == year)).all()
        return {r.control_key: r for r in rows}


def _log(db: Database, action: str) -> list[tuple[str, str | None, str | None]]:
    with db.session() as s:
        return [(r.entity_id, r.field, r.new) for r in s.scalars(select(ChangeLog).where(
            ChangeLog.entity == "plan_control", ChangeLog.action == action))]


def _view(qtbot: QtBot, db: Database, library: ChecklistLibrary) -> YearView:
    view = YearView(services_for(db, library, "EC"))
    qtbot.addWidget(view)
    return view


def _click_cell(qtbot: QtBot, matrix: RiskMatrix, s: int, k: int) -> None:
    qtbot.mouseClick(matrix, Qt.MouseButton.LeftButton,
                     pos=matrix.cell_rect(s, k).center().toPoint())


def _ok(widget: QWidget) -> None:
    widget.buttons.button(QDialogButtonBox.StandardButton.Ok).click()  # type: ignore[attr-defined]


def _failure(parent: QWidget) -> str:
    boxes = [b for b in parent.findChildren(QMessageBox)
             if b.objectName() == "failureBox" and b.isVisible()]
    assert len(boxes) == 1
    text = boxes[0].text()
    boxes[0].close()
    return text


def test_a_new_plan_is_made_in_the_editor_by_driving_its_widgets(
        qtbot: QtBot, db: Database, library: ChecklistLibrary) -> None:
    view = _view(qtbot, db, library)
    assert "Ny plan…" in view.note.text()
    view.plan_button_list[0].click()  # Ny plan…
    choice = view.plan_dialog  # type: ignore[attr-defined]
    assert isinstance(choice, PlanChoice)
    choice.unit.setCurrentText(UNIT)
    choice.year.setValue(2025)
    _ok(choice)
    editor = view.plan_dialog  # type: ignore[attr-defined]
    assert isinstance(editor, PlanEditor) and editor.table.rowCount() == 0
    editor.add_button.click()
    form = editor.dialog
    assert isinstance(form, ControlDialog)
    qtbot.keyClicks(form.control_id, "samtal_placerade")
    form.checklist.setCurrentIndex(form.checklist.findData("placerade-barn"))
    form.set_items(("enskilt_samtal", "genomforandeplan"))
    qtbot.keyClicks(form.rule, "SoL 11 kap. 10 §")
    _click_cell(qtbot, form.matrix, 3, 4)
    assert (form.sannolikhet.value(), form.konsekvens.value()) == (3, 4)
    assert form.matrix.current == (3, 4) and "12" in form.risk_text.text()
    form.periods[next(p for p in form.periods if p.value == "T2")].setChecked(True)
    qtbot.keyClicks(form.responsible, "Gruppledare")
    _ok(form)  # no title: refused, the form keeps what was written
    assert "saknar rubrik" in _failure(form)
    assert form.isVisible() and form.control_id.text() == "samtal_placerade"
    assert _rows(db, 2025) == {}
    qtbot.keyClicks(form.title, "Enskilda samtal med placerade barn")
    _ok(form)
    assert not form.isVisible() and editor.table.rowCount() == 1
    row = _rows(db, 2025)["samtal_placerade"]
    assert (row.unit, row.checklist_key, row.items) == (UNIT, "placerade-barn",
                                                        "enskilt_samtal,genomforandeplan")
    assert (row.sannolikhet, row.konsekvens, row.periods) == (3, 4, "T1,T2")
    assert (row.method, row.confidence, row.tolerable) == ("stickprov", 0.95, 0.05)
    assert _log(db, "create")[0][0] == f"{UNIT}/2025/samtal_placerade"
    assert editor.matrix.labels[(3, 4)] == ["samtal_placerade"]
    qtbot.waitUntil(lambda: view.plan_box.currentText() == f"{UNIT} 2025")
    qtbot.waitUntil(lambda: view.status_model.rowCount() == 2)


def test_a_fixed_sample_control_is_added_to_a_plan(
        qtbot: QtBot, db: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    PlanService(db, library, "EC").import_file(write_plan(tmp_path))
    editor = PlanEditor(services_for(db, library, "EC"), UNIT, 2024)
    qtbot.addWidget(editor)
    form = editor.add_control()
    qtbot.keyClicks(form.control_id, "utredningstid")  # already in the plan
    qtbot.keyClicks(form.title, "Dubblett")
    _ok(form)
    assert "finns två gånger" in _failure(form)
    form.control_id.setText("uppfoljning")
    form.method.setCurrentIndex(form.method.findData("fixed"))
    assert form.sample_size.isVisibleTo(form) and not form.confidence.isVisibleTo(form)
    form.sample_size.setValue(12)
    form.note.setPlainText("Fast urval")
    _ok(form)
    row = _rows(db, 2024)["uppfoljning"]
    assert (row.method, row.size, row.note, row.position) == ("fixed", 12, "Fast urval", 2)


def test_a_controls_risk_and_periods_are_changed_and_logged(
        qtbot: QtBot, db: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    PlanService(db, library, "EC").import_file(write_plan(tmp_path))
    editor = PlanEditor(services_for(db, library, "EC"), UNIT, 2024)
    qtbot.addWidget(editor)
    assert editor.table.item(0, 3).text() == "3 × 4 = 12"
    assert editor.table.item(0, 3).background().color() == RED
    editor.table.selectRow(0)
    assert editor.matrix.current == (3, 4)
    form = editor.edit_control()
    assert form is not None and form.control_id.isReadOnly()
    assert form.chosen_items() == ("enskilt_samtal", "genomforandeplan")
    form.sannolikhet.setValue(2)
    periods = {p.value: box for p, box in form.periods.items()}
    periods["T2"].setChecked(False)
    periods["T3"].setChecked(True)
    _ok(form)
    row = _rows(db, 2024)["samtal_placerade"]
    assert (row.sannolikhet, row.konsekvens, row.periods) == (2, 4, "T1,T3")
    changed = {(field, new) for entity, field, new in _log(db, "update")
               if entity == f"{UNIT}/2024/samtal_placerade"}
    assert changed == {("sannolikhet", "2"), ("periods", "T1,T3")}
    assert editor.table.item(0, 3).text() == "2 × 4 = 8"
    assert editor.matrix.current == (2, 4)  # the changed control stays selected
    editor.table.selectRow(1)
    form = editor.edit_control()
    assert form is not None
    for box in form.periods.values():
        box.setChecked(False)
    _ok(form)
    assert "minst en period" in _failure(form)
    assert _rows(db, 2024)["utredningstid"].periods == "T1,T2,T3"
    assert editor.table.item(1, 3).background().color() == YELLOW


def test_removing_asks_first_and_a_control_with_rounds_stays(
        qtbot: QtBot, db: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    reviewed_year(db, library, tmp_path)  # samtal_placerade has rounds for T1 and T2
    editor = PlanEditor(services_for(db, library, "EC"), UNIT, 2024)
    qtbot.addWidget(editor)
    editor.table.selectRow(1)
    box = editor.remove_control()
    assert box is not None and "utredningstid" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert set(_rows(db, 2024)) == {"samtal_placerade", "utredningstid"}
    editor.table.selectRow(1)
    box = editor.remove_control()
    assert box is not None
    next(b for b in box.buttons() if b.text() == "Ta bort").click()
    assert set(_rows(db, 2024)) == {"samtal_placerade"}
    assert editor.table.rowCount() == 1
    assert _log(db, "delete") == [(f"{UNIT}/2024/utredningstid", None, None)]
    editor.table.selectRow(0)
    box = editor.remove_control()
    assert box is not None
    next(b for b in box.buttons() if b.text() == "Ta bort").click()
    assert "har omgångar" in _failure(editor)
    assert set(_rows(db, 2024)) == {"samtal_placerade"} and editor.table.rowCount() == 1


def test_last_years_plan_is_copied_to_the_next_year_from_the_year_view(
        qtbot: QtBot, db: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    PlanService(db, library, "EC").import_file(write_plan(tmp_path))
    view = _view(qtbot, db, library)
    qtbot.waitUntil(lambda: view.status_model.rowCount() == 5)
    view.plan_button_list[2].click()  # Kopiera förra årets plan…
    choice = view.plan_dialog  # type: ignore[attr-defined]
    assert isinstance(choice, PlanChoice)
    assert choice.source.currentData() == (UNIT, 2024) and choice.year.value() == 2025
    _ok(choice)
    qtbot.waitUntil(lambda: view.plan_box.currentText() == f"{UNIT} 2025")
    assert set(_rows(db, 2025)) == {"samtal_placerade", "utredningstid"}
    assert _rows(db, 2025)["utredningstid"].note == "Fast urval enligt verksamhetsplanen"
    assert len([e for e, _f, _n in _log(db, "create") if "/2025/" in e]) == 2
    view.plan_button_list[2].click()  # again: 2025 has a plan now
    choice = view.plan_dialog  # type: ignore[attr-defined]
    choice.select((UNIT, 2024))
    _ok(choice)
    qtbot.waitUntil(lambda: any(b.objectName() == "failureBox" and b.isVisible()
                                for b in view.findChildren(QMessageBox)))
    assert "redan en plan för 2025" in _failure(view)


def test_a_plan_file_is_read_and_saved_as_yaml_and_excel_from_the_gui(
        qtbot: QtBot, db: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    view = _view(qtbot, db, library)
    bad = write_plan(tmp_path, "unit: X\nyear: 2024\ncontrols: []\n", "bad.yaml")
    import_plan(view, view.services, view.changes, bad)
    qtbot.waitUntil(lambda: not view.plan_op.running)  # type: ignore[attr-defined]
    assert "inga kontrollmoment" in _failure(view) and view.plan_box.count() == 0
    import_plan(view, view.services, view.changes, write_plan(tmp_path))
    qtbot.waitUntil(lambda: view.plan_box.currentText() == f"{UNIT} 2024")
    assert set(_rows(db, 2024)) == {"samtal_placerade", "utredningstid"}
    qtbot.waitUntil(lambda: view.status_model.rowCount() == 5)
    out = tmp_path / "plan.xlsx"
    export_plan(view, view.services, UNIT, 2024, out)
    qtbot.waitUntil(lambda: not view.plan_op.running)  # type: ignore[attr-defined]
    sheet = load_workbook(out)["Plan"]
    assert sheet["A1"].value == f"Internkontrollplan {UNIT} 2024"
    assert [sheet.cell(3, c).value for c in (1, 7, 8, 9)] == ["samtal_placerade", 3, 4, 12]
    saved = tmp_path / "sparad.yaml"
    export_plan(view, view.services, UNIT, 2024, saved)
    qtbot.waitUntil(lambda: not view.plan_op.running)  # type: ignore[attr-defined]
    text = saved.read_text(encoding="utf-8")
    assert parse_plan(text) == view.services.plans.get(UNIT, 2024)
    assert yaml.safe_load(text)["controls"][1]["method"] == {"fixed": 20}


def test_the_plan_menu_of_the_main_window(qtbot: QtBot, db: Database,
                                          library: ChecklistLibrary, tmp_path: Path) -> None:
    window = window_for(db, library, SettingsStore(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    texts = [a.text() for a in window.plan_menu.actions()]
    assert texts == ["&Ny plan…", "&Redigera plan…", "&Kopiera förra årets plan…",
                     "&Läs in plan…", "&Spara plan som YAML/Excel…"]
    window.plan_menu.actions()[0].trigger()
    choice = window.plan_dialog  # type: ignore[attr-defined]
    assert isinstance(choice, PlanChoice) and choice.unit.isEditable()
    choice.unit.setCurrentText("Mottagningsenheten")
    _ok(choice)
    editor = window.plan_dialog  # type: ignore[attr-defined]
    assert isinstance(editor, PlanEditor) and editor.unit == "Mottagningsenheten"
    editor.close()
    PlanService(db, library, "EC").import_file(write_plan(tmp_path))
    window.plan_menu.actions()[1].trigger()
    pick = window.plan_dialog  # type: ignore[attr-defined]
    assert isinstance(pick, PlanChoice) and pick.source.currentData() == (UNIT, 2024)
    _ok(pick)
    editor = window.plan_dialog  # type: ignore[attr-defined]
    assert isinstance(editor, PlanEditor) and editor.table.rowCount() == 2


def test_an_excel_plan_edited_by_hand_is_read_from_the_gui(
        qtbot: QtBot, db: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    service = PlanService(db, library, "EC")
    service.import_file(write_plan(tmp_path))
    sheet = service.export_file(UNIT, 2024, tmp_path / "plan.xlsx")
    wb = load_workbook(sheet)
    wb["Plan"]["G4"] = 4  # utredningstid: sannolikhet 2 -> 4
    wb["Plan"]["K4"] = "T2"
    wb.save(sheet)
    view = _view(qtbot, db, library)
    import_plan(view, view.services, view.changes, sheet)
    qtbot.waitUntil(lambda: not view.plan_op.running)  # type: ignore[attr-defined]
    done = [b for b in view.findChildren(QMessageBox) if b.objectName() == "planDone"]
    assert len(done) == 1 and "2 kontrollmoment, 2 ändringar loggade" in done[0].text()
    done[0].grab().save(str(tmp_path / "done.png"))
    done[0].close()
    row = _rows(db, 2024)["utredningstid"]
    assert (row.sannolikhet, row.periods) == (4, "T2")
    assert (f"{UNIT}/2024/utredningstid", "sannolikhet", "4") in _log(db, "update")
    wb["Plan"]["G4"] = "fyra"
    wb.save(sheet)
    import_plan(view, view.services, view.changes, sheet)
    qtbot.waitUntil(lambda: not view.plan_op.running)  # type: ignore[attr-defined]
    assert "Blad 'Plan', cell G4: sannolikheten ska vara ett heltal 1–4, inte 'fyra'" in \
        _failure(view)
    assert _rows(db, 2024)["utredningstid"].sannolikhet == 4


def test_the_plan_menu_and_its_dialogs_in_english(qtbot: QtBot, db: Database,
                                                  library: ChecklistLibrary,
                                                  tmp_path: Path) -> None:
    install_translations("en")
    try:
        window = window_for(db, library, SettingsStore(tmp_path / "settings.json"))
        qtbot.addWidget(window)
        texts = [a.text() for a in window.plan_menu.actions()]
        assert texts == ["&New plan…", "&Edit plan…", "&Copy last year's plan…",
                         "&Read plan…", "&Save plan as YAML/Excel…"]
        window.plan_menu.actions()[0].trigger()
        choice = window.plan_dialog  # type: ignore[attr-defined]
        assert isinstance(choice, PlanChoice) and choice.windowTitle() == "New plan"
        choice.close()
        PlanService(db, library, "EC").import_file(write_plan(tmp_path))
        editor = PlanEditor(services_for(db, library, "EC"), UNIT, 2024)
        qtbot.addWidget(editor)
        assert editor.windowTitle() == f"Internal control plan {UNIT} 2024"
        methods = [editor.table.item(r, 4).text() for r in range(editor.table.rowCount())]
        assert methods and all(m.startswith(("sample (", "fixed sample of", "full review"))
                               for m in methods), methods
    finally:
        install_translations("sv")
