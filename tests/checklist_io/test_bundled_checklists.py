"""The checklists shipped in checklists/ are valid and keep their fixed item ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit_app.checklist_io.loader import load_checklist_file

CHECKLISTS = Path(__file__).resolve().parents[2] / "checklists"

FIXED_IDS = {
    "placerade-barn": {"enskilt_samtal", "genomforandeplan", "genomforandeplan_anvands",
                       "vardplan", "viewpoint"},
}


@pytest.mark.parametrize("path", sorted(CHECKLISTS.glob("*.yaml")), ids=lambda p: p.stem)
def test_bundled_checklist_is_valid(path: Path) -> None:
    checklist = load_checklist_file(path)
    assert checklist.id == path.stem
    assert checklist.items


@pytest.mark.parametrize("checklist_id", sorted(FIXED_IDS))
def test_fixed_item_ids_present(checklist_id: str) -> None:
    checklist = load_checklist_file(CHECKLISTS / f"{checklist_id}.yaml")
    assert FIXED_IDS[checklist_id] <= {i.id for i in checklist.items}


def test_plan_used_only_when_plan_exists() -> None:
    checklist = load_checklist_file(CHECKLISTS / "placerade-barn.yaml")
    cond = checklist.item("genomforandeplan_anvands").applies_when
    assert [(c.item_id, set(c.values)) for c in cond] == [("genomforandeplan", {"ja"})]
