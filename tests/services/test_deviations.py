"""Deviations computed from a control's figures; analyses and actions stored and logged."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.errors import NotFoundError, UserError
from audit_app.domain.plan import ActionStatus, DeviationKind
from audit_app.domain.reviews import PersonnummerError
from audit_app.services.deviations import DeviationService
from audit_app.services.rounds import RoundService
from audit_app.storage.db import Database
from audit_app.storage.models import ChangeLog
from audit_app.storage.plan_models import DeviationNote, PlanAction
from tests.checklist_io.test_plan_yaml import guarded_number
from tests.plan_data import UNIT, reviewed_year


def test_not_met_and_failed_critical_items_are_deviations(
        db: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    reviewed_year(db, library, tmp_path)
    found = {(d.control_id, d.period, d.item_id): d
             for d in DeviationService(db, library, "EC").deviations(UNIT, 2024)}
    # only the control's chosen items count: vardplan (critical, 28 of 29) is not among them
    assert set(found) == {("samtal_placerade", "T1", "enskilt_samtal"),
                          ("samtal_placerade", "T1", "genomforandeplan"),
                          ("samtal_placerade", "T2", "enskilt_samtal")}
    t1 = found[("samtal_placerade", "T1", "enskilt_samtal")]
    assert (t1.figure.x, t1.figure.n) == (22, 28)
    assert t1.kinds == (DeviationKind.NOT_MET, DeviationKind.CRITICAL)
    assert found[("samtal_placerade", "T1", "genomforandeplan")].kinds == (
        DeviationKind.CRITICAL,)
    assert len(found[("samtal_placerade", "T2", "enskilt_samtal")].failed_cases) == 1


def test_analysis_and_actions_with_next_period_figure(
        db: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    reviewed_year(db, library, tmp_path)
    service = DeviationService(db, library, "EC")
    service.analyse("samtal_placerade", "T1", "enskilt_samtal",
                    "Samtalen planerades inte.\nNya handläggare saknade rutin.")
    action_id = service.add_action("samtal_placerade", "T1", "enskilt_samtal",
                                   "Rutin för enskilda samtal på APT", "Gruppledare",
                                   date(2024, 5, 31))
    dev = next(d for d in service.deviations(UNIT, 2024)
               if (d.period, d.item_id) == ("T1", "enskilt_samtal"))
    assert dev.analysis.splitlines()[1] == "Nya handläggare saknade rutin."
    [action] = dev.actions
    assert action.id == action_id and action.status is ActionStatus.PLANNED
    assert action.next_period == "T2" and action.next_figure is not None
    assert (action.next_figure.x, action.next_figure.n) == (28, 29)
    assert service.actions(overdue=True, today=date(2024, 6, 1))[0].id == action_id
    assert service.actions(overdue=True, today=date(2024, 5, 1)) == []
    done = service.set_status(action_id, "klar")
    assert done.status is ActionStatus.DONE
    assert service.actions(overdue=True, today=date(2024, 6, 1)) == []
    with db.session() as s:
        log = [(r.entity, r.action, r.field) for r in s.scalars(
            select(ChangeLog).where(ChangeLog.entity.in_(("deviation", "action")))
            .order_by(ChangeLog.id))]
    assert log == [("deviation", "create", "analysis"), ("action", "create", None),
                   ("action", "update", "status")]


def test_cancelling_needs_a_reason(db: Database, library: ChecklistLibrary,
                                   tmp_path: Path) -> None:
    reviewed_year(db, library, tmp_path)
    service = DeviationService(db, library, "EC")
    action_id = service.add_action("samtal_placerade", "T1", "genomforandeplan",
                                   "Mall för genomförandeplan", "Metodstödjare",
                                   date(2024, 9, 1))
    with pytest.raises(UserError, match="varför åtgärden avbryts"):
        service.set_status(action_id, "avbruten")
    cancelled = service.set_status(action_id, "cancelled", "Ersatt av ny riktlinje")
    assert cancelled.status is ActionStatus.CANCELLED
    assert cancelled.reason == "Ersatt av ny riktlinje"
    with pytest.raises(UserError, match="planerad, pågår, klar eller avbruten"):
        service.set_status(action_id, "kanske")


def test_personnummer_in_any_text_is_refused(db: Database, library: ChecklistLibrary,
                                             tmp_path: Path) -> None:
    reviewed_year(db, library, tmp_path)
    service = DeviationService(db, library, "EC")
    number = guarded_number()
    with pytest.raises(PersonnummerError):
        service.analyse("samtal_placerade", "T1", "enskilt_samtal", f"Barnet {number}")
    with pytest.raises(PersonnummerError):
        service.add_action("samtal_placerade", "T1", "enskilt_samtal", f"Ring {number}",
                           "Gruppledare", date(2024, 5, 1))
    with pytest.raises(PersonnummerError):
        service.add_action("samtal_placerade", "T1", "enskilt_samtal", "Ring",
                           f"Gruppledare {number}", date(2024, 5, 1))
    with db.session() as s:
        assert s.scalar(select(func.count(DeviationNote.id))) == 0
        assert s.scalar(select(func.count(PlanAction.id))) == 0


def test_only_real_deviations_take_actions(db: Database, library: ChecklistLibrary,
                                           tmp_path: Path) -> None:
    reviewed_year(db, library, tmp_path)
    service = DeviationService(db, library, "EC")
    with pytest.raises(NotFoundError, match="ingen avvikelse för 'genomforandeplan'"):
        service.add_action("samtal_placerade", "T2", "genomforandeplan", "X", "GL",
                           date(2024, 9, 1))
    with pytest.raises(NotFoundError, match="finns inte i någon plan"):
        service.analyse("okant_moment", "T1", "enskilt_samtal", "X")
    with pytest.raises(UserError, match="T1, T2 eller T3"):
        service.analyse("samtal_placerade", "T4", "enskilt_samtal", "X")


def test_locked_round_analysis_changes_need_a_reason(db: Database, library: ChecklistLibrary,
                                                     tmp_path: Path) -> None:
    rounds = reviewed_year(db, library, tmp_path)
    service = DeviationService(db, library, "EC")
    service.analyse("samtal_placerade", "T1", "enskilt_samtal", "Första analysen")
    RoundService(db, library, "EC").lock(rounds["T1"])
    with pytest.raises(UserError, match="låst"):
        service.analyse("samtal_placerade", "T1", "enskilt_samtal", "Ändrad")
    service.analyse("samtal_placerade", "T1", "enskilt_samtal", "Ändrad",
                    reason="Kompletterad efter APT")
    with db.session() as s:
        last = s.scalars(select(ChangeLog).where(ChangeLog.entity == "deviation")
                         .order_by(ChangeLog.id.desc())).first()
    assert last is not None
    assert (last.old, last.new, last.reason) == ("Första analysen", "Ändrad",
                                                 "Kompletterad efter APT")
