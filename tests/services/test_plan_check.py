"""A plan saved from the program keeps the file's rules; a control with rounds stays."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.errors import UserError
from audit_app.domain.plan import Method, MethodKind, Plan
from audit_app.domain.rounds import Period
from audit_app.services.plan import PlanService
from audit_app.storage.db import Database
from tests.plan_data import UNIT, reviewed_year, write_plan


@pytest.fixture
def service(db: Database, library: ChecklistLibrary, tmp_path: Path) -> PlanService:
    service = PlanService(db, library, "EC")
    service.import_file(write_plan(tmp_path))
    return service


@pytest.mark.parametrize(("change", "message"), [
    ({"control_id": ""}, "saknar id"),
    ({"control_id": "Stor bokstav"}, "får bara innehålla"),
    ({"control_id": "utredningstid"}, "finns två gånger"),
    ({"title": " "}, "saknar rubrik"),
    ({"checklist": "finns-inte"}, "checklistan 'finns-inte' finns inte"),
    ({"items": ("okand_punkt",)}, "kontrollpunkten 'okand_punkt' finns inte"),
    ({"sannolikhet": 5}, "sannolikhet och konsekvens ska vara 1–4"),
    ({"periods": ()}, "minst en period"),
    ({"method": Method(MethodKind.SAMPLE, confidence=1.0, tolerable=0.05)}, "mellan 0 och 1"),
    ({"method": Method(MethodKind.FIXED, size=0)}, "fast urval"),
    ({"note": "x" * 4001}, "för lång"),
])
def test_a_plan_breaking_a_rule_is_not_saved(service: PlanService, change: dict[str, object],
                                              message: str) -> None:
    plan = service.get(UNIT, 2024)
    bad = replace(plan, controls=(replace(plan.controls[0], **change), plan.controls[1]))
    with pytest.raises(UserError, match=message):
        service.save(bad)
    assert service.get(UNIT, 2024) == plan


def test_a_good_change_is_saved(service: PlanService) -> None:
    plan = service.get(UNIT, 2024)
    changed = replace(plan.controls[1], periods=(Period.T3,), sannolikhet=4)
    assert service.save(Plan(UNIT, 2024, (plan.controls[0], changed))) == 2
    assert service.get(UNIT, 2024).controls[1].periods == (Period.T3,)


def test_a_control_with_matching_rounds_is_not_removed(
        db: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    reviewed_year(db, library, tmp_path)  # rounds match samtal_placerade, none is linked
    service = PlanService(db, library, "EC")
    plan = service.get(UNIT, 2024)
    with pytest.raises(UserError, match="har omgångar"):
        service.save(Plan(UNIT, 2024, plan.controls[1:]))
    assert service.save(Plan(UNIT, 2024, plan.controls[:1])) == 1  # no rounds: removed
    assert [c.control_id for c in service.get(UNIT, 2024).controls] == ["samtal_placerade"]
