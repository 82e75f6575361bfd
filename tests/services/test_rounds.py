"""Rounds: creation pins the checklist definition; names are unique."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.errors import ConflictError, NotFoundError, UserError
from audit_app.services.definitions import DefinitionService
from audit_app.services.rounds import RoundService
from audit_app.storage.db import Database
from audit_app.storage.models import ChangeLog, ChecklistDefinition


def test_create_and_list(db: Database, library: ChecklistLibrary) -> None:
    service = RoundService(db, library, "GL")
    created = service.create("Placerade T1", "placerade-barn", 2026, "t1", "Familjehem")
    assert created.period == "T1" and created.unit == "Familjehem"
    assert created.checklist_id == "placerade-barn"
    assert [r.name for r in service.list()] == ["Placerade T1"]
    assert service.get("Placerade T1").id == created.id
    with db.session() as s:
        log = s.scalars(select(ChangeLog)).all()
        assert [(r.action, r.entity, r.actor) for r in log] == [("create", "round", "GL")]


def test_same_name_twice_is_a_clear_error(db: Database, library: ChecklistLibrary) -> None:
    service = RoundService(db, library, "GL")
    service.create("R", "placerade-barn", 2026, "T1")
    with pytest.raises(ConflictError, match="finns redan"):
        service.create("R", "placerade-barn", 2026, "T2")


@pytest.mark.parametrize(("year", "period", "message"), [
    (1900, "T1", "orimligt"), (2026, "T4", "T1, T2 eller T3")])
def test_bad_round_values(db: Database, library: ChecklistLibrary, year: int, period: str,
                          message: str) -> None:
    with pytest.raises(UserError, match=message):
        RoundService(db, library, "GL").create("R", "placerade-barn", year, period)


def test_unknown_checklist(db: Database, library: ChecklistLibrary) -> None:
    with pytest.raises(NotFoundError, match="placerade-barn"):
        RoundService(db, library, "GL").create("R", "finns-inte", 2026, "T1")


def test_editing_the_checklist_file_later_keeps_the_pinned_definition(
        db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "lists"
    folder.mkdir()
    source = (Path(__file__).resolve().parents[2] / "checklists" / "placerade-barn.yaml")
    text = source.read_text(encoding="utf-8")
    (folder / "placerade-barn.yaml").write_text(text, encoding="utf-8")
    service = RoundService(db, ChecklistLibrary([folder]), "GL")
    first = service.create("Före", "placerade-barn", 2026, "T1")
    (folder / "placerade-barn.yaml").write_text(
        text.replace("Finns en vårdplan?", "Finns en aktuell vårdplan?"), encoding="utf-8")
    second = service.create("Efter", "placerade-barn", 2026, "T2")
    third = service.create("Igen", "placerade-barn", 2026, "T3")
    assert first.definition_id != second.definition_id == third.definition_id
    defs = DefinitionService(db)
    assert defs.checklist(first.definition_id).item("vardplan").question == "Finns en vårdplan?"
    assert defs.checklist(second.definition_id).item("vardplan").question == \
        "Finns en aktuell vårdplan?"
    with db.session() as s:
        assert s.scalar(select(func.count(ChecklistDefinition.id))) == 2
