"""The internkontroll plan: import, export, copy, the year overview and rounds of controls."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.checklist_io.plan_yaml import PlanFileError, dump_plan, parse_plan
from audit_app.domain.errors import ConflictError, UserError
from audit_app.domain.plan import MethodKind, PeriodState
from audit_app.reports.plan_xlsx import write_plan_xlsx
from audit_app.services.plan import PlanService
from audit_app.services.plan_status import YearService
from audit_app.services.rounds import RoundService
from audit_app.storage.db import Database
from audit_app.storage.models import ChangeLog
from audit_app.storage.plan_models import PlanControl
from tests.plan_data import MINIMAL, SECOND, UNIT, reviewed_year, write_plan


def test_minimal_plan_imports_and_is_logged(db: Database, library: ChecklistLibrary,
                                            tmp_path: Path) -> None:
    service = PlanService(db, library, "EC")
    plan, changes = service.import_file(write_plan(tmp_path, MINIMAL))
    assert changes == 1
    stored = service.get(UNIT, 2024)
    control = stored.control("samtal_placerade")
    assert control.items == ("enskilt_samtal", "genomforandeplan")
    assert (control.sannolikhet, control.konsekvens, control.risk) == (3, 4, 12)
    assert control.method.kind is MethodKind.SAMPLE and control.method.confidence == 0.95
    assert [p.value for p in control.periods] == ["T1", "T2"]
    assert control.responsible == "Gruppledare" and control.rule == "SoL 11 kap. 10 §"
    with db.session() as s:
        log = s.scalars(select(ChangeLog).where(ChangeLog.entity == "plan_control")).all()
    assert [(r.action, r.actor) for r in log] == [("create", "EC")]
    assert stored == plan


def test_reimport_logs_each_changed_field(db: Database, library: ChecklistLibrary,
                                          tmp_path: Path) -> None:
    service = PlanService(db, library, "EC")
    service.import_file(write_plan(tmp_path, MINIMAL))
    changed = MINIMAL.replace("konsekvens: 4", "konsekvens: 2").replace(
        "Gruppledare", "Enhetschef")
    _, changes = service.import_file(write_plan(tmp_path, changed, "ny.yaml"))
    assert changes == 2
    with db.session() as s:
        fields = sorted((r.field, r.old, r.new) for r in s.scalars(
            select(ChangeLog).where(ChangeLog.action == "update")))
    assert fields == [("konsekvens", "4", "2"), ("responsible", "Gruppledare", "Enhetschef")]


def test_yaml_and_excel_export_round_trip(db: Database, library: ChecklistLibrary,
                                          tmp_path: Path) -> None:
    service = PlanService(db, library, "EC")
    plan, _ = service.import_file(write_plan(tmp_path))
    text = dump_plan(service.get(UNIT, 2024))
    assert parse_plan(text, "export.yaml", service.checklist_items()) == plan
    out = tmp_path / "plan.xlsx"
    write_plan_xlsx(plan, out)
    ws = openpyxl.load_workbook(out)["Plan"]
    assert ws["A1"].value == f"Internkontrollplan {UNIT} 2024"
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    assert [r[0] for r in rows] == ["samtal_placerade", "utredningstid"]
    assert rows[0][6:9] == (3, 4, 12)
    assert rows[1][9] == "fast urval om 20 ärenden" and rows[1][10] == "T1, T2, T3"


def test_copy_to_new_year(db: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    service = PlanService(db, library, "EC")
    plan, _ = service.import_file(write_plan(tmp_path))
    copied = service.copy(UNIT, 2024, 2025)
    assert copied.controls == plan.controls
    assert service.get(UNIT, 2025).controls == plan.controls
    with pytest.raises(ConflictError, match="redan en plan för 2025"):
        service.copy(UNIT, 2024, 2025)


def test_control_with_rounds_is_not_removed(db: Database, library: ChecklistLibrary,
                                            tmp_path: Path) -> None:
    service = PlanService(db, library, "EC")
    service.import_file(write_plan(tmp_path))
    summary = RoundService(db, library, "GL").create("Utredning T1 2024", "utredning-barn",
                                                    2024, "T1", UNIT)
    service.link_round(summary.id, "utredningstid")
    with pytest.raises(ConflictError, match="utredningstid"):
        service.import_file(write_plan(tmp_path, MINIMAL, "kort.yaml"))
    assert len(service.get(UNIT, 2024).controls) == 2


def test_planned_round_prefills_and_checks(db: Database, library: ChecklistLibrary,
                                           tmp_path: Path) -> None:
    service = PlanService(db, library, "EC")
    service.import_file(write_plan(tmp_path))
    planned = service.planned_round("samtal_placerade", None, None, "T2", None)
    assert (planned.checklist, planned.unit, planned.year, planned.period) == (
        "placerade-barn", UNIT, 2024, "T2")
    with pytest.raises(UserError, match="ange --period"):
        service.planned_round("samtal_placerade", None, None, None, None)
    with pytest.raises(UserError, match="inte planerat för T3"):
        service.planned_round("samtal_placerade", None, None, "T3", None)
    with pytest.raises(UserError, match="använder checklistan"):
        service.planned_round("samtal_placerade", None, None, "T1", "utredning-barn")


def test_year_overview_states_and_verdicts(db: Database, library: ChecklistLibrary,
                                           tmp_path: Path) -> None:
    reviewed_year(db, library, tmp_path)
    # a round for the second control, created for it, with nothing drawn yet
    summary = RoundService(db, library, "GL").create("Utredning T2 2024", "utredning-barn",
                                                    2024, "T2", UNIT)
    PlanService(db, library, "EC").link_round(summary.id, "utredningstid")
    lines = {(s.control_id, s.period.value): s
             for s in YearService(db, library, "EC").status(UNIT, 2024, date(2024, 6, 1))}
    assert lines[("samtal_placerade", "T1")].state is PeriodState.DONE
    assert dict(lines[("samtal_placerade", "T1")].verdicts) == {
        "enskilt_samtal": "ej uppfyllt", "genomforandeplan": "kan ej avgöras ännu"}
    assert lines[("utredningstid", "T1")].state is PeriodState.OVERDUE
    assert lines[("utredningstid", "T2")].state is PeriodState.CREATED
    assert lines[("utredningstid", "T2")].rounds == ("Utredning T2 2024",)
    assert lines[("utredningstid", "T3")].state is PeriodState.PLANNED


def test_in_progress_counts_reviewed_of_sampled(db: Database, library: ChecklistLibrary,
                                                tmp_path: Path) -> None:
    from tests.factories import round_with_sample
    from tests.figure_data import fill, placerade

    PlanService(db, library, "EC").import_file(write_plan(tmp_path))
    summary, cases = round_with_sample(db, library, 10, name="Samtal T2 2024", year=2024,
                                       period="T2", units=(UNIT,))
    fill(db, summary.id, cases[:3], placerade)
    line = next(s for s in YearService(db, library, "EC").status(UNIT, 2024, date(2024, 6, 1))
                if s.control_id == "samtal_placerade" and s.period.value == "T2")
    assert line.state is PeriodState.IN_PROGRESS
    assert line.text() == "pågår (3 av 10 granskade)"


def test_round_matching_two_controls_belongs_to_neither(db: Database,
                                                       library: ChecklistLibrary,
                                                       tmp_path: Path) -> None:
    twice = MINIMAL + MINIMAL.split("controls:\n")[1].replace("samtal_placerade", "samtal_b")
    PlanService(db, library, "EC").import_file(write_plan(tmp_path, twice))
    RoundService(db, library, "GL").create("Samtal T1 2024", "placerade-barn", 2024, "T1", UNIT)
    lines = YearService(db, library, "EC").status(UNIT, 2024, date(2024, 2, 1))
    assert all(not s.rounds for s in lines)


def test_nothing_stored_when_plan_file_is_bad(db: Database, library: ChecklistLibrary,
                                              tmp_path: Path) -> None:
    bad = MINIMAL + SECOND.replace("periods: [T1, T2, T3]", "periods: [T1, T4]")
    with pytest.raises(PlanFileError):
        PlanService(db, library, "EC").import_file(write_plan(tmp_path, bad))
    with db.session() as s:
        assert s.scalar(select(func.count(PlanControl.id))) == 0
        assert s.scalar(select(func.count(ChangeLog.id))) == 0
