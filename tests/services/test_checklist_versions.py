"""Checklist versions: import from Excel, rounds keep their version, diffs between versions."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.checklist_io.loader import content_hash
from audit_app.checklist_io.xlsx_export import write_checklist_workbook
from audit_app.checklist_io.xlsx_import import read_checklist_workbook
from audit_app.domain.errors import NotFoundError, UserError
from audit_app.services.changelog import ChangeLogService
from audit_app.services.checklist_versions import ChecklistVersionService
from audit_app.services.definitions import DefinitionService
from audit_app.services.rounds import RoundService
from audit_app.storage.db import Database
from audit_app.storage.models import ChecklistDefinition

CHECKLISTS = Path(__file__).resolve().parents[2] / "checklists"


@pytest.fixture
def user_library(tmp_path: Path) -> ChecklistLibrary:
    return ChecklistLibrary([CHECKLISTS, tmp_path / "egna"])


def edited_workbook(tmp_path: Path, version: str = "1.1") -> Path:
    out = tmp_path / "utredning.xlsx"
    write_checklist_workbook((CHECKLISTS / "utredning.yaml").read_text("utf-8"), out)
    wb = load_workbook(out)
    wb["Punkter"]["D2"] = "Avslutades utredningen inom 4 månader?"
    wb["Punkter"]["H2"] = 90
    wb["Inställningar"]["B3"] = version
    wb.save(out)
    return out


def test_unchanged_import_stores_nothing(db: Database, user_library: ChecklistLibrary,
                                        tmp_path: Path) -> None:
    out = tmp_path / "u.xlsx"
    write_checklist_workbook((CHECKLISTS / "utredning.yaml").read_text("utf-8"), out)
    imported = read_checklist_workbook(out)
    service = ChecklistVersionService(db, user_library, "GL")
    plan = service.plan_import(imported.checklist, imported.source)
    assert plan.unchanged and plan.same_as == "checklistan som används för nya omgångar"
    assert service.store_import(plan) is None
    assert not (tmp_path / "egna").exists()
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(ChecklistDefinition)) == 0


def test_import_new_version_used_by_new_rounds_only(db: Database, user_library: ChecklistLibrary,
                                                    tmp_path: Path) -> None:
    rounds = RoundService(db, user_library, "GL")
    first = rounds.create("Utredning T1", "utredning", 2026, "T1")
    imported = read_checklist_workbook(edited_workbook(tmp_path))
    service = ChecklistVersionService(db, user_library, "Mentor")
    plan = service.plan_import(imported.checklist, imported.source)
    assert not plan.unchanged and plan.diff is not None
    assert "Ändrad punkt inom_fyra_manader, årsmål: '85' → '90'" in plan.diff.lines()
    assert [(c.item_id, c.old, c.new) for c in plan.target_changes] == [
        ("inom_fyra_manader", "85", "90")]
    with pytest.raises(UserError, match="Årsmålet ändras för inom_fyra_manader"):
        service.store_import(plan, "  ")
    assert not (tmp_path / "egna" / "utredning.yaml").exists()
    path = service.store_import(plan, "Målet höjs enligt verksamhetsplanen")
    [logged] = [e for e in ChangeLogService(db).entries() if e.entity == "checklist_item"]
    assert (logged.entity_id, logged.old, logged.new, logged.reason, logged.actor) == (
        "utredning/inom_fyra_manader", "85", "90", "Målet höjs enligt verksamhetsplanen",
        "Mentor")
    assert [(t.item_id, t.old, t.new, t.reason) for t in
            service.target_history("utredning")] == [
        ("inom_fyra_manader", "85", "90", "Målet höjs enligt verksamhetsplanen")]
    assert service.target_history("utred") == []  # another checklist's id is no prefix match
    assert path == tmp_path / "egna" / "utredning.yaml"
    assert content_hash(path.read_text("utf-8")) == content_hash(imported.source)
    second = rounds.create("Utredning T2", "utredning", 2026, "T2")
    definitions = DefinitionService(db)
    assert definitions.checklist(first.definition_id).item("inom_fyra_manader").target == 85
    assert definitions.checklist(second.definition_id).item("inom_fyra_manader").target == 90
    versions = service.versions("utredning")
    assert [(v.version, v.rounds, v.current) for v in versions] == [
        ("1.0", ("Utredning T1",), False), ("1.1", ("Utredning T2",), True)]
    assert versions[1].saved_by == "Mentor" and versions[0].saved_by == "GL"
    diff = service.diff("utredning", "1.0", "1.1")
    assert {(c.item_id, c.what) for c in diff.changed} == {
        ("inom_fyra_manader", "fråga"), ("inom_fyra_manader", "årsmål")}
    assert service.diff("utredning", "1.1", "aktuell").empty
    again = service.plan_import(imported.checklist, imported.source)
    assert again.unchanged and again.same_as == "lagrade version 1.1"


def test_same_version_number_warned(db: Database, user_library: ChecklistLibrary,
                                    tmp_path: Path) -> None:
    RoundService(db, user_library, "GL").create("Utredning T1", "utredning", 2026, "T1")
    imported = read_checklist_workbook(edited_workbook(tmp_path, version="1.0"))
    plan = ChecklistVersionService(db, user_library, "GL").plan_import(
        imported.checklist, imported.source)
    assert any("höj versionen" in w for w in plan.warnings)


def test_unknown_versions(db: Database, user_library: ChecklistLibrary) -> None:
    service = ChecklistVersionService(db, user_library, "GL")
    with pytest.raises(NotFoundError):
        service.versions("finns_inte")
    assert service.versions("utredning") == []
    with pytest.raises(NotFoundError, match="Ingen lagrad version '9.9'"):
        service.diff("utredning", "9.9", "aktuell")
    with pytest.raises(UserError):
        service.checklist("utredning", "#77")


def test_same_meaning_written_differently_is_unchanged(db: Database, tmp_path: Path) -> None:
    """A hand-written form the workbook cannot keep (a scalar compliant) is still unchanged."""
    own = tmp_path / "egna"
    own.mkdir()
    source = (CHECKLISTS / "utredning.yaml").read_text("utf-8").replace(
        "answer: ja_nej\n        required: true\n        critical: true\n        target: 85",
        "answer: {type: ja_nej, compliant: ja}\n        required: true\n        critical: true"
        "\n        target: 85", 1)
    assert source != (CHECKLISTS / "utredning.yaml").read_text("utf-8")
    (own / "utredning.yaml").write_text(source, encoding="utf-8")
    library = ChecklistLibrary([CHECKLISTS, own])
    out = tmp_path / "u.xlsx"
    write_checklist_workbook(source, out)
    imported = read_checklist_workbook(out)
    assert content_hash(imported.source) != content_hash(source)
    plan = ChecklistVersionService(db, library, "GL").plan_import(imported.checklist,
                                                                  imported.source)
    assert plan.unchanged


def test_new_checklist_from_a_copy_is_usable_for_a_round(
        db: Database, user_library: ChecklistLibrary, tmp_path: Path) -> None:
    out = edited_workbook(tmp_path)
    wb = load_workbook(out)
    wb["Inställningar"]["B2"] = "egen-utredning"
    wb["Inställningar"]["B4"] = "Egen utredningskontroll"
    wb.save(out)
    imported = read_checklist_workbook(out)
    service = ChecklistVersionService(db, user_library, "GL")
    plan = service.plan_import(imported.checklist, imported.source)
    assert not plan.unchanged and plan.diff is None
    assert service.store_import(plan) == tmp_path / "egna" / "egen-utredning.yaml"
    created = RoundService(db, user_library, "GL").create("Egen T1", "egen-utredning", 2026,
                                                          "T1")
    assert created.checklist_id == "egen-utredning"
    assert [v.rounds for v in service.versions("egen-utredning")] == [("Egen T1",)]
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(ChecklistDefinition)) == 1
