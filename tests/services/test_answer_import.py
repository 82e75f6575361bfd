"""Review workbook round trip and answer import: every error path, conflicts, idempotence."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.errors import UserError
from audit_app.domain.reviews import ReviewStatus
from audit_app.services.answer_import import (
    OURS,
    THEIRS,
    AnswerImportService,
    ConflictsPendingError,
    ImportProblemsError,
)
from audit_app.services.reviews import ReviewService
from audit_app.services.workbooks import WorkbookService
from audit_app.storage.db import Database
from audit_app.storage.models import Answer, AuditRound, ChangeLog, Review
from tests.factories import round_with_sample

ITEMS = ("enskilt_samtal", "samtal_var_tredje_manad", "viewpoint", "genomforandeplan",
         "genomforandeplan_anvands", "vardplan")


def _pn() -> str:
    """A valid personnummer built at run time (for the guard test only)."""
    base = "850709123"
    total = 0
    for i, ch in enumerate(base):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return f"{base[:6]}-{base[6:]}{(10 - total % 10) % 10}"


def fill(path: Path, answers: dict[tuple[int, str], str | None],
         comments: dict[tuple[int, str], str] | None = None) -> None:
    """Fill the workbook as an Excel user would: by row and item id."""
    wb = load_workbook(path)
    ws = wb["Granskning"]
    cols = {ws.cell(1, c).value: c for c in range(1, ws.max_column + 1)}
    for (row, item), value in answers.items():
        ws.cell(row, cols[item], value)
    for (row, item), text in (comments or {}).items():
        ws.cell(row, cols[f"{item}#kommentar"], text)
    wb.save(path)


def answers_in_db(db: Database) -> dict[tuple[str, str], str | None]:
    from audit_app.storage.models import Case

    with db.session() as s:
        rows = s.execute(select(Case.case_ref, Answer.item_id, Answer.value)
                         .join(Review, Review.case_id == Case.id)
                         .join(Answer, Answer.review_id == Review.id)).all()
        return {(r[0], r[1]): r[2] for r in rows}


def log_count(db: Database) -> int:
    with db.session() as s:
        return s.scalar(select(func.count(ChangeLog.id))) or 0


def test_template_round_trip(db: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    rnd, cases = round_with_sample(db, library, 4)
    path = tmp_path / "granskning.xlsx"
    assert WorkbookService(db, "GL").write_template(rnd.id, path) == 4
    wb = load_workbook(path)
    ws = wb["Granskning"]
    assert ws.row_dimensions[1].hidden
    assert ws.protection.sheet
    assert [ws.cell(r, 1).value for r in range(3, 7)] == ["2026-0001", "2026-0002",
                                                          "2026-0003", "2026-0004"]
    assert ws.cell(3, 1).protection.locked and not ws.cell(3, 3).protection.locked
    assert ws.cell(1, 3).value == "enskilt_samtal"
    assert len(ws.data_validations.dataValidation) >= 6
    assert "Instruktioner" in wb.sheetnames
    fill(path, {
        (3, "enskilt_samtal"): "Ja", (3, "samtal_var_tredje_manad"): "nej ",
        (3, "viewpoint"): "JA", (3, "genomforandeplan"): "ja",
        (3, "genomforandeplan_anvands"): "Nej", (3, "vardplan"): " Ja",
        (4, "enskilt_samtal"): "Ej aktuellt", (4, "genomforandeplan"): "Nej",
        (4, "vardplan"): "ja", (4, "samtal_var_tredje_manad"): "ja",
        (5, "vardplan"): "nej",
    }, {(3, "enskilt_samtal"): "Samtal i skolan. "})
    plan = AnswerImportService(db, "GL").import_file(rnd.id, path)
    assert plan.completed == ["2026-0001", "2026-0002"]
    got = answers_in_db(db)
    assert got[("2026-0001", "samtal_var_tredje_manad")] == "nej"
    assert got[("2026-0001", "viewpoint")] == "ja"
    assert got[("2026-0002", "enskilt_samtal")] == "ej_aktuellt"
    assert got[("2026-0003", "vardplan")] == "nej"
    assert len(got) == 11
    with db.session() as s:
        vard = s.scalars(select(Answer).where(Answer.item_id == "vardplan")).all()
        assert sorted(a.compliant for a in vard) == [False, True, True]
        plan_rows = s.scalars(select(Answer).where(Answer.item_id == "genomforandeplan")).all()
        assert sorted(bool(a.compliant) for a in plan_rows) == [False, True]
        comment = s.scalar(select(Answer.comment).where(Answer.item_id == "enskilt_samtal",
                                                        Answer.value == "ja"))
        assert comment == "Samtal i skolan."
    rows = ReviewService(db, "GL").case_rows(rnd.id)
    assert [r.status for r in rows] == [ReviewStatus.COMPLETE, ReviewStatus.COMPLETE,
                                        ReviewStatus.DRAFT, ReviewStatus.NOT_STARTED]
    before = log_count(db)
    again = AnswerImportService(db, "GL").import_file(rnd.id, path)
    assert again.changes == [] and log_count(db) == before
    # a fresh template has the answers pre-filled, and importing it changes nothing
    second = tmp_path / "igen.xlsx"
    WorkbookService(db, "GL").write_template(rnd.id, second)
    assert load_workbook(second)["Granskning"].cell(3, 3).value == "Ja"
    assert AnswerImportService(db, "GL").import_file(rnd.id, second).changes == []
    assert log_count(db) == before
    assert cases
