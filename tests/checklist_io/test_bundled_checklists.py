"""The checklists shipped in checklists/ are valid and keep their fixed item ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit_app.checklist_io.loader import load_checklist_file
from audit_app.domain.checklist import AnswerType

CHECKLISTS = Path(__file__).resolve().parents[2] / "checklists"

FIXED_IDS = {
    "placerade-barn": {"enskilt_samtal", "genomforandeplan", "genomforandeplan_anvands",
                       "vardplan", "viewpoint"},
    "mottagning": {"signs_of_safety", "hanvisning"},
    "utredning": {"signs_of_safety", "barnet_delaktigt", "aterkoppling_barn", "sip_behov",
                  "sip_upprattad"},
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


def test_sip_made_only_asked_when_sip_needed() -> None:
    checklist = load_checklist_file(CHECKLISTS / "utredning.yaml")
    cond = checklist.item("sip_upprattad").applies_when
    assert [(c.item_id, set(c.values)) for c in cond] == [("sip_behov", {"ja"})]
    assert checklist.applicable({"sip_behov": "nej"})["sip_upprattad"] is False
    assert checklist.applicable({"sip_behov": "ja"})["sip_upprattad"] is True
    # "of these": a missing SIP where none was needed is not counted at all
    assert checklist.evaluate({"sip_behov": "nej", "sip_upprattad": "nej"})["sip_upprattad"] \
        == (False, None)


def test_every_answer_type_is_used_somewhere() -> None:
    used = {item.answer.type for path in CHECKLISTS.glob("*.yaml")
            for item in load_checklist_file(path).items}
    assert used == set(AnswerType)
