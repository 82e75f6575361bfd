"""The editor's draft: shipped checklists survive a round trip, problems land on their field."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit_app.checklist_io.draft import DraftCondition, DraftItem, check, draft_from_source
from audit_app.checklist_io.draft_ops import bump_version, move_by, move_to, start_draft
from audit_app.checklist_io.loader import parse_checklist

CHECKLISTS = Path(__file__).resolve().parents[2] / "checklists"
SHIPPED = sorted(CHECKLISTS.glob("*.yaml"))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_a_shipped_checklist_written_back_means_the_same(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    checklist, text, problems = check(draft_from_source(source))
    assert problems == []
    assert checklist == parse_checklist(source)
    assert parse_checklist(text) == checklist


def test_problems_name_the_item_and_field() -> None:
    draft = draft_from_source((CHECKLISTS / "utredning.yaml").read_text(encoding="utf-8"))
    items = draft.items
    items[1].answer.type = "jaa"
    items[2].applies_when.append(DraftCondition("finns_inte", ["ja"]))
    items[3].target = 120
    items[0].question = ""
    draft.sections[1].title = ""
    checklist, _text, problems = check(draft)
    assert checklist is None
    found = {p.where: p.message for p in problems}
    assert "okänd svarstyp 'jaa'" in found[("item", 1, 0, "answer")]
    assert "finns_inte" in found[("item", 1, 1, "applies_when")]
    assert "0-100" in found[("item", 1, 2, "target")]
    assert found[("item", 0, 0, "question")] == "'question' saknas"
    assert found[("section", 1, -1, "title")] == "'title' saknas"


def test_a_choice_item_without_options_is_an_error_on_its_options() -> None:
    draft = start_draft({}, "new")
    draft.id, draft.title = "egen", "Egen"
    assert check(draft)[2] == []  # a section without items yet is no error
    draft.sections[0].items.append(DraftItem("fraga", "Fråga?"))
    assert check(draft)[2] == []
    draft.items[0].answer.type = "val"
    problems = check(draft)[2]
    assert [p.where[:3] for p in problems] == [("item", 0, 0)]
    assert "kräver 'options'" in problems[0].message


def test_moving_items_across_sections_and_by_drop() -> None:
    draft = draft_from_source((CHECKLISTS / "utredning.yaml").read_text(encoding="utf-8"))
    first = draft.sections[1].items[0]
    assert move_by(draft, ("item", 1, 0), -1) == ("item", 0, 1)
    assert draft.sections[0].items[1] is first
    assert move_by(draft, ("item", 0, 1), 1) == ("item", 1, 0)
    assert move_by(draft, ("section", 0), -1) == ("section", 0)  # already first
    last = draft.sections[2].items[-1]
    assert move_to(draft, ("item", 2, 2), ("item", 0, 0), after=False) == ("item", 0, 0)
    assert draft.items[0] is last
    assert move_to(draft, ("item", 0, 0), ("section", 2), after=True) == ("item", 2, 2)
    section = draft.sections[2]
    assert move_to(draft, ("section", 2), ("section", 0), after=False) == ("section", 0)
    assert draft.sections[0] is section


def test_copy_gets_a_free_id_and_editing_bumps_the_version() -> None:
    source = (CHECKLISTS / "mottagning.yaml").read_text(encoding="utf-8")
    sources = {"mottagning": source, "mottagning-kopia": source}
    copy = start_draft(sources, "copy", "mottagning")
    assert copy.id == "mottagning-kopia-2" and copy.version == "1.0"
    assert not any(i.stored for i in copy.items)
    edit = start_draft(sources, "edit", "mottagning")
    assert edit.version == bump_version(parse_checklist(source).version)
    assert all(i.stored for i in edit.items)
    assert bump_version("2") == "3" and bump_version("1.9") == "1.10"
