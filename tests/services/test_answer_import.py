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
    assert [ws.cell(1, c).value for c in (3, 4, 5)] == ["_granskare", "_datum",
                                                         "enskilt_samtal"]
    assert not ws.cell(3, 4).protection.locked  # the reviewer fills in name and date
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
        assert sorted(bool(a.compliant) for a in vard) == [False, True, True]
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
    assert load_workbook(second)["Granskning"].cell(3, 5).value == "Ja"
    assert AnswerImportService(db, "GL").import_file(rnd.id, second).changes == []
    assert log_count(db) == before
    assert cases


def write_csv(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return path


def test_long_csv_import(db: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    rnd, _ = round_with_sample(db, library, 3)
    path = write_csv(tmp_path / "uppfoljning.csv", [
        "ärende;kontrollpunkt;svar;kommentar",
        "2026-0001;vardplan;JA;",
        "2026-0001;genomforandeplan;nej ;Saknas i akten",
        "2026-0002;enskilt_samtal;E;",
        "2026-0003;viewpoint;;bara en kommentar",
    ], encoding="cp1252")
    with db.session() as s:  # a reference with letters, typed in lower case in the file
        from audit_app.storage.models import Case

        case = s.scalars(select(Case).where(Case.case_ref == "2026-0003")).one()
        case.case_ref = "ÄR-0003"
    path.write_text(path.read_text(encoding="cp1252").replace("2026-0003", "är-0003"),
                    encoding="cp1252")
    plan = AnswerImportService(db, "GL").import_file(rnd.id, path)
    assert plan.file_kind == "long" and len(plan.changes) == 5
    got = answers_in_db(db)
    assert got[("2026-0001", "vardplan")] == "ja"
    assert got[("2026-0001", "genomforandeplan")] == "nej"
    assert got[("2026-0002", "enskilt_samtal")] == "ej_aktuellt"
    assert got[("ÄR-0003", "viewpoint")] is None
    with db.session() as s:
        logged = s.scalars(select(ChangeLog).where(ChangeLog.entity == "answer")).all()
        assert {r.reason for r in logged} == {"import från uppfoljning.csv"}


def test_long_xlsx_with_comma_csv_headers(db: Database, library: ChecklistLibrary,
                                           tmp_path: Path) -> None:
    from openpyxl import Workbook

    rnd, _ = round_with_sample(db, library, 2)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["case", "item", "answer", "comment"])
    ws.append(["2026-0002", "vardplan", "Nej", None])
    wb.save(tmp_path / "lang.xlsx")
    AnswerImportService(db, "GL").import_file(rnd.id, tmp_path / "lang.xlsx")
    assert answers_in_db(db) == {("2026-0002", "vardplan"): "nej"}


def test_every_problem_reported_and_nothing_imported(db: Database, library: ChecklistLibrary,
                                                     tmp_path: Path) -> None:
    rnd, _ = round_with_sample(db, library, 3, reserve=1)
    pn = _pn()
    path = write_csv(tmp_path / "fel.csv", [
        "case,item,answer,comment",
        "2026-0001,vardplan,ja,",
        "2026-0001,enskilt_samtal,kanske,",
        "2026-0004,vardplan,ja,",
        "2026-0002,finns_inte,ja,",
        f"2026-0002,vardplan,ja,Barnet {pn} träffat",
        "2026-0003,genomforandeplan,nej,",
        "2026-0003,genomforandeplan_anvands,ja,",
        f"2026-0003,vardplan,{pn},",
        "2026-0001,vardplan,nej,",
        f"{pn},vardplan,ja,",
    ])
    with pytest.raises(ImportProblemsError) as info:
        AnswerImportService(db, "GL").import_file(rnd.id, path)
    text = "\n".join(info.value.problems)
    assert "rad 3: 'kanske' är inget giltigt svar" in text
    assert "rad 4: ärendet '2026-0004' ingår inte" in text
    assert "rad 5: okänd kontrollpunkt 'finns_inte'" in text
    assert "rad 6: texten ser ut att innehålla ett personnummer" in text
    assert "rad 8: 'genomforandeplan_anvands' besvaras inte för 2026-0003" in text
    assert "rad 9: texten ser ut att innehålla ett personnummer" in text
    assert "rad 10: 2026-0001 / vardplan förekommer redan" in text
    assert "rad 11: texten ser ut att innehålla ett personnummer" in text
    assert pn not in str(info.value) and pn[:6] not in str(info.value)
    assert answers_in_db(db) == {}
    dry = AnswerImportService(db, "GL").check(rnd.id, path)
    assert len(dry.problems) == 8 and answers_in_db(db) == {}


def test_workbook_cell_addresses(db: Database, library: ChecklistLibrary,
                                 tmp_path: Path) -> None:
    rnd, _ = round_with_sample(db, library, 3)
    path = tmp_path / "g.xlsx"
    WorkbookService(db, "GL").write_template(rnd.id, path)
    fill(path, {(4, "vardplan"): "Kanske", (5, "genomforandeplan"): "nej",
                (5, "genomforandeplan_anvands"): "ja"})
    wb = load_workbook(path)
    wb["Granskning"].cell(1, 40, "hittepa")
    wb["Granskning"].cell(6, 5, "Ja")
    wb["Granskning"].cell(7, 1, _pn())
    wb["Granskning"].cell(7, 5, "Ja")
    wb.save(path)
    with pytest.raises(ImportProblemsError) as info:
        AnswerImportService(db, "GL").import_file(rnd.id, path)
    text = "\n".join(info.value.problems)
    assert "Granskning!O4: 'Kanske' är inget giltigt svar" in text
    assert "Granskning!M5: 'genomforandeplan_anvands' besvaras inte" in text
    assert "Granskning!AN1: okänd kontrollpunkt 'hittepa'" in text
    assert "Granskning!A6: ärendenummer saknas" in text
    assert "Granskning!A7: texten ser ut att innehålla ett personnummer" in text
    assert _pn()[:6] not in str(info.value)


def test_conflicts_listed_and_resolved(db: Database, library: ChecklistLibrary,
                                       tmp_path: Path) -> None:
    rnd, cases = round_with_sample(db, library, 2)
    reviews = ReviewService(db, "GL")
    reviews.set_answer(rnd.id, cases[0], "vardplan", "ja")
    reviews.set_comment(rnd.id, cases[0], "vardplan", "Vår kommentar")
    path = write_csv(tmp_path / "c.csv", [
        "case,item,answer,comment",
        "2026-0001,vardplan,nej,Deras kommentar",
        "2026-0002,vardplan,ja,",
    ])
    service = AnswerImportService(db, "Mentor")
    with pytest.raises(ConflictsPendingError) as info:
        service.import_file(rnd.id, path)
    assert [str(c) for c in info.value.conflicts] == [
        "2026-0001 / vardplan (svar): 'ja' → 'nej'",
        "2026-0001 / vardplan (kommentar): 'Vår kommentar' → 'Deras kommentar'"]
    assert answers_in_db(db) == {("2026-0001", "vardplan"): "ja"}
    service.import_file(rnd.id, path, OURS)
    assert answers_in_db(db) == {("2026-0001", "vardplan"): "ja", ("2026-0002", "vardplan"): "ja"}
    per_row = {("2026-0001", "vardplan", "answer"): THEIRS,
               ("2026-0001", "vardplan", "comment"): OURS}
    service.import_file(rnd.id, path, per_row)
    record = reviews.review(rnd.id, cases[0])
    assert record.answers["vardplan"].value == "nej"
    assert record.answers["vardplan"].comment == "Vår kommentar"
    with db.session() as s:
        row = s.scalars(select(ChangeLog).where(ChangeLog.actor == "Mentor",
                                                ChangeLog.old == "ja")).one()
        assert row.new == "nej" and row.reason == "import från c.csv"


def test_locked_round_and_completed_review_refuse(db: Database, library: ChecklistLibrary,
                                                  tmp_path: Path) -> None:
    from datetime import datetime

    rnd, cases = round_with_sample(db, library, 1)
    reviews = ReviewService(db, "GL")
    for item, value in (("enskilt_samtal", "ja"), ("samtal_var_tredje_manad", "ja"),
                        ("genomforandeplan", "nej"), ("vardplan", "ja")):
        reviews.set_answer(rnd.id, cases[0], item, value)
    reviews.complete(rnd.id, cases[0])
    path = write_csv(tmp_path / "x.csv", ["case,item,answer", "2026-0001,viewpoint,ja"])
    with pytest.raises(ImportProblemsError, match="markerad som klar"):
        AnswerImportService(db, "GL").import_file(rnd.id, path)
    with db.session() as s:
        row = s.get(AuditRound, rnd.id)
        assert row is not None
        row.locked_at = datetime.now()
    with pytest.raises(UserError, match="låst"):
        AnswerImportService(db, "GL").import_file(rnd.id, path)


def test_bad_files_refused(db: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    rnd, _ = round_with_sample(db, library, 1)
    service = AnswerImportService(db, "GL")
    broken = tmp_path / "trasig.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(UserError, match="kan inte läsas som en Excel-fil"):
        service.import_file(rnd.id, broken)
    headers = write_csv(tmp_path / "h.csv", ["a,b,c", "1,2,3"])
    with pytest.raises(ImportProblemsError, match="saknar kolumnen"):
        service.import_file(rnd.id, headers)
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    with pytest.raises(UserError, match="varken .xlsx eller .csv"):
        service.import_file(rnd.id, tmp_path / "x.pdf")
    other, _ = round_with_sample(db, library, 1, name="Annan omgång")
    path = tmp_path / "annan.xlsx"
    WorkbookService(db, "GL").write_template(other.id, path)
    with pytest.raises(ImportProblemsError, match="annan omgång"):
        service.import_file(rnd.id, path)


def test_follow_up_file_with_title_rows_and_questions(db: Database, library: ChecklistLibrary,
                                                      tmp_path: Path) -> None:
    from openpyxl import Workbook

    rnd, _ = round_with_sample(db, library, 2)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Uppföljning placerade barn T1"])
    ws.append([])
    ws.append(["Ärende", "Kontrollpunkt", "Svar", "Kommentar"])
    ws.append(["2026-0001", "Finns en vårdplan?", "JA", None])
    ws.append(["2026-0002", "vardplan", "Nej", "Saknas"])
    ws.append(["2026-0002", "Finns det en plan?", "Nej", None])
    wb.save(tmp_path / "uppfoljning.xlsx")
    with pytest.raises(ImportProblemsError) as info:
        AnswerImportService(db, "GL").import_file(rnd.id, tmp_path / "uppfoljning.xlsx")
    assert info.value.problems == ["Sheet!B6: okänd kontrollpunkt 'Finns det en plan?'"]
    ws.delete_rows(6)
    wb.save(tmp_path / "uppfoljning.xlsx")
    AnswerImportService(db, "GL").import_file(rnd.id, tmp_path / "uppfoljning.xlsx")
    assert answers_in_db(db) == {("2026-0001", "vardplan"): "ja",
                                 ("2026-0002", "vardplan"): "nej"}


def test_the_same_answer_twice_names_both_rows_and_imports_nothing(
        db: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    rnd, _ = round_with_sample(db, library, 2)
    path = tmp_path / "svar.csv"
    path.write_text("case;item;answer\n2026-0001;vardplan;ja\n2026-0002;vardplan;ja\n"
                    "2026-0001;Finns en vårdplan?;nej\n", encoding="utf-8")
    with pytest.raises(ImportProblemsError) as info:
        AnswerImportService(db, "GL").import_file(rnd.id, path)
    assert info.value.problems == ["rad 4: 2026-0001 / vardplan förekommer redan (rad 2)"]
    assert answers_in_db(db) == {}
