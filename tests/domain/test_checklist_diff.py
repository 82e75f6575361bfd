"""Differences between two checklist versions, by stable item id."""

from __future__ import annotations

from pathlib import Path

from audit_app.checklist_io.loader import parse_checklist
from audit_app.domain.checklist_diff import diff_checklists

SOURCE = (Path(__file__).resolve().parents[2] / "checklists" / "mottagning.yaml").read_text(
    "utf-8")


def test_same_checklist_has_no_changes() -> None:
    c = parse_checklist(SOURCE)
    assert diff_checklists(c, c).empty and diff_checklists(c, c).lines() == []


def test_question_target_options_added_removed() -> None:
    old = parse_checklist(SOURCE)
    first = old.items[0]
    text = SOURCE.replace(first.question, "Ny formulering?", 1).replace(
        "label: Överlämnad till annan kommun", "label: Överlämnad").replace(
        "target: 85", "target: 90")
    new = parse_checklist(text.replace("version: \"1.0\"", "version: \"1.1\""))
    diff = diff_checklists(old, new)
    whats = {(c.item_id, c.what) for c in diff.changed}
    assert (first.id, "fråga") in whats
    assert any(w == "svarsalternativ" for _, w in whats)
    assert ("dagar_till_beslut", "årsmål") in whats
    assert "Ändrad punkt dagar_till_beslut, årsmål: '85' → '90'" in diff.lines()
    assert [c.what for c in diff.settings] == ["version"]
    assert not diff.added and not diff.removed


def test_renamed_id_warned() -> None:
    old = parse_checklist(SOURCE)
    first = old.items[0]
    new = parse_checklist(SOURCE.replace(f"id: {first.id}\n", "id: nytt_id\n", 1))
    diff = diff_checklists(old, new)
    assert [i.id for i in diff.added] == ["nytt_id"]
    assert [i.id for i in diff.removed] == [first.id]
    assert any("Ett id ska inte bytas" in line for line in diff.lines())
