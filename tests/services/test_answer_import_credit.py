"""Answer import: cases outside the sample skipped on request; reviews credited and dated."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from audit_app.__main__ import main
from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.answer_import import AnswerImportService, ImportProblemsError
from audit_app.services.reviews import ReviewService
from audit_app.services.workbooks import WorkbookService
from audit_app.settings import fallback_actor
from audit_app.storage.db import Database
from audit_app.storage.models import Answer, Case, ChangeLog, Review
from tests.factories import round_with_sample
from tests.services.test_answer_import import _pn, answers_in_db

DAY = date(2026, 3, 12)
# every required item of the placerade-barn checklist answered: the review completes
COMPLETE = {"enskilt_samtal": "ja", "samtal_var_tredje_manad": "ja", "viewpoint": "ja",
            "genomforandeplan": "nej", "vardplan": "ja"}


def long_csv(path: Path, rows: list[tuple[str, ...]],
             header: str = "ärende;kontrollpunkt;svar;granskare;datum") -> Path:
    path.write_text("\n".join([header, *(";".join(r) for r in rows)]) + "\n",
                    encoding="utf-8")
    return path


def reviews_in_db(db: Database) -> dict[str, tuple[str, str, datetime, datetime,
                                                   datetime | None]]:
    with db.session() as s:
        rows = s.execute(select(Case.case_ref, Review).join(Review, Review.case_id == Case.id))
        return {ref: (r.reviewer, r.status, r.created_at, r.updated_at, r.completed_at)
                for ref, r in rows}


def answered_by(db: Database) -> dict[tuple[str, str], tuple[str, datetime]]:
    with db.session() as s:
        rows = s.execute(select(Case.case_ref, Answer).join(Review, Review.case_id == Case.id)
                         .join(Answer, Answer.review_id == Review.id))
        return {(ref, a.item_id): (a.answered_by, a.updated_at) for ref, a in rows}


def log_rows(db: Database) -> list[tuple[str, str, str, str | None, str | None, str | None]]:
    with db.session() as s:
        return [(r.actor, r.action, r.entity, r.field, r.new, r.reason)
                for r in s.scalars(select(ChangeLog).order_by(ChangeLog.id))]


def test_unsampled_cases_block_unless_skipped(db: Database, library: ChecklistLibrary,
                                              tmp_path: Path) -> None:
    rnd, _ = round_with_sample(db, library, 2, reserve=1)  # 2026-0003 is a reserve case
    path = long_csv(tmp_path / "svar.csv", [
        ("2026-0001", "vardplan", "ja", "", ""),
        ("2026-0003", "vardplan", "nej", "", ""),
        ("2026-0099", "vardplan", "ja", "", ""),
        ("2026-0099", "viewpoint", "ja", "", ""),
        ("2026-0002", "vardplan", "nej", "", ""),
    ])
    service = AnswerImportService(db, "GL")
    with pytest.raises(ImportProblemsError) as info:
        service.import_file(rnd.id, path)
    assert info.value.unsampled == ["2026-0003", "2026-0099"]
    assert info.value.problems == ["rad 3: ärendet '2026-0003' ingår inte i omgångens stickprov",
                                   "rad 4: ärendet '2026-0099' ingår inte i omgångens stickprov",
                                   "rad 5: ärendet '2026-0099' ingår inte i omgångens stickprov"]
    assert answers_in_db(db) == {}
    dry = service.check(rnd.id, path, skip_unsampled=True)
    assert dry.problems == [] and dry.unsampled == ["2026-0003", "2026-0099"]
    assert answers_in_db(db) == {}
    plan = service.import_file(rnd.id, path, skip_unsampled=True)
    assert plan.unsampled == ["2026-0003", "2026-0099"] and len(plan.changes) == 2
    assert answers_in_db(db) == {("2026-0001", "vardplan"): "ja",
                                 ("2026-0002", "vardplan"): "nej"}
    # another problem in the file still stops everything, skipping or not
    long_csv(path, [("2026-0099", "vardplan", "ja", "", ""),
                    ("2026-0001", "viewpoint", "kanske", "", "")])
    with pytest.raises(ImportProblemsError) as info:
        service.import_file(rnd.id, path, skip_unsampled=True)
    assert len(info.value.problems) == 1
    assert info.value.problems[0].startswith("rad 3: 'kanske' är inget giltigt svar")
    assert info.value.unsampled == []


def test_long_file_credits_the_reviewer_on_the_file_date(db: Database,
                                                         library: ChecklistLibrary,
                                                         tmp_path: Path) -> None:
    rnd, _ = round_with_sample(db, library, 2)
    rows = [("2026-0001", item, value, "Granskare AL", DAY.isoformat())
            for item, value in COMPLETE.items()]
    rows.append(("2026-0002", "vardplan", "nej", "", ""))  # no reviewer, no date
    path = long_csv(tmp_path / "svar.csv", rows)
    before = datetime.now()
    plan = AnswerImportService(db, "GL").import_file(rnd.id, path)
    assert plan.completed == ["2026-0001"] and plan.reviewers == {"2026-0001": "Granskare AL"}
    reviews = reviews_in_db(db)
    midnight = datetime(2026, 3, 12)
    assert reviews["2026-0001"] == ("Granskare AL", "complete", midnight, midnight, midnight)
    reviewer, _, created, updated, completed = reviews["2026-0002"]
    assert reviewer == "GL" and created >= before and updated >= before and completed is None
    by = answered_by(db)
    assert {by[("2026-0001", item)] for item in COMPLETE} == {("Granskare AL", midnight)}
    assert by[("2026-0002", "vardplan")][0] == "GL"
    log = log_rows(db)
    assert {row[0] for row in log} == {"GL"}  # the importer is the one logged
    credit = [row for row in log if row[3] == "reviewer"]
    assert credit == [("GL", "update", "review", "reviewer", "Granskare AL",
                       "import från svar.csv, granskare Granskare AL")]
    answer_rows = [row for row in log if row[2] == "answer"]
    assert len(answer_rows) == 6
    assert {row[5] for row in answer_rows} == {"import från svar.csv, granskare Granskare AL",
                                               "import från svar.csv"}


def test_workbook_reviewer_and_date_columns(db: Database, library: ChecklistLibrary,
                                            tmp_path: Path) -> None:
    rnd, cases = round_with_sample(db, library, 3)
    ReviewService(db, "GL").set_answer(rnd.id, cases[1], "vardplan", "ja")  # GL began it
    path = tmp_path / "g.xlsx"
    WorkbookService(db, "GL").write_template(rnd.id, path)
    wb = load_workbook(path)
    ws = wb["Granskning"]
    assert (ws.cell(2, 3).value, ws.cell(2, 4).value.split("\n")[0]) == ("Granskare",
                                                                       "Granskningsdatum")
    cols = {ws.cell(1, c).value: c for c in range(1, ws.max_column + 1)}
    for item, value in COMPLETE.items():
        ws.cell(3, cols[item], value)
    ws.cell(3, cols["_granskare"], "Granskare BE")
    ws.cell(3, cols["_datum"], datetime(2026, 2, 27))  # an Excel date cell
    ws.cell(4, cols["viewpoint"], "nej")
    ws.cell(4, cols["_granskare"], "Granskare CR")
    ws.cell(4, cols["_datum"], "2026-03-01")  # typed as text
    wb.save(path)
    AnswerImportService(db, "GL").import_file(rnd.id, path)
    reviews = reviews_in_db(db)
    assert reviews["2026-0001"][:2] == ("Granskare BE", "complete")
    assert reviews["2026-0001"][2:] == (datetime(2026, 2, 27),) * 3
    reviewer, status, created, updated, _ = reviews["2026-0002"]
    assert (reviewer, status) == ("Granskare CR", "draft")
    assert created.date() == date(2026, 3, 1)  # GL's draft began today, the file says earlier
    assert updated.date() == date.today()  # GL's own answer today is the later change
    by = answered_by(db)
    assert by[("2026-0002", "viewpoint")] == ("Granskare CR", datetime(2026, 3, 1))
    assert by[("2026-0002", "vardplan")][0] == "GL"
    credit = [row for row in log_rows(db) if row[3] == "reviewer"]
    assert [(row[0], row[4]) for row in credit] == [("GL", "Granskare BE"), ("GL", "Granskare CR")]


@pytest.mark.parametrize(("value", "message"), [
    ("2026-02-30", "'2026-02-30' är inget giltigt datum (skriv ÅÅÅÅ-MM-DD)"),
    ("igår", "'igår' är inget giltigt datum (skriv ÅÅÅÅ-MM-DD)"),
    ((date.today() + timedelta(days=1)).isoformat(), "ligger i framtiden"),
    ("1899-12-31", "är orimligt tidigt"),
])
def test_a_bad_date_names_its_cell(db: Database, library: ChecklistLibrary, tmp_path: Path,
                                   value: str, message: str) -> None:
    rnd, _ = round_with_sample(db, library, 2)
    path = long_csv(tmp_path / "svar.csv", [("2026-0001", "vardplan", "ja", "Granskare A", ""),
                                            ("2026-0002", "vardplan", "ja", "Granskare A", value)])
    with pytest.raises(ImportProblemsError) as info:
        AnswerImportService(db, "GL").import_file(rnd.id, path)
    assert len(info.value.problems) == 1
    assert info.value.problems[0].startswith("rad 3: ") and message in info.value.problems[0]
    book = tmp_path / "g.xlsx"
    WorkbookService(db, "GL").write_template(rnd.id, book)
    wb = load_workbook(book)
    wb["Granskning"].cell(4, 5, "Ja")
    wb["Granskning"].cell(4, 4, value)
    wb.save(book)
    with pytest.raises(ImportProblemsError) as info:
        AnswerImportService(db, "GL").import_file(rnd.id, book)
    assert info.value.problems[0].startswith("Granskning!D4: ")
    assert message in info.value.problems[0]
    assert answers_in_db(db) == {}


def test_reviewer_text_is_guarded_and_one_per_case(db: Database, library: ChecklistLibrary,
                                                   tmp_path: Path) -> None:
    rnd, _ = round_with_sample(db, library, 2)
    pn = _pn()
    path = long_csv(tmp_path / "svar.csv", [
        ("2026-0001", "vardplan", "ja", f"Granskare A {pn}", ""),
        ("2026-0002", "vardplan", "ja", "Granskare A", "2026-03-01"),
        ("2026-0002", "viewpoint", "ja", "Granskare B", "2026-03-02"),
        ("2026-0001", "viewpoint", "ja", "x" * 201, ""),
    ])
    with pytest.raises(ImportProblemsError) as info:
        AnswerImportService(db, "GL").import_file(rnd.id, path)
    assert info.value.problems == [
        "rad 2: texten ser ut att innehålla ett personnummer och importeras inte",
        "rad 4: 2026-0002 har redan granskaren 'Granskare A' i filen",
        "rad 4: 2026-0002 har redan datumet 2026-03-01 i filen",
        "rad 5: granskarens namn är för långt (högst 200 tecken)",
    ]
    assert pn[:6] not in str(info.value) and answers_in_db(db) == {}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_skip_unsampled_and_reviewer(db: Database, db_path: Path, library: ChecklistLibrary,
                                         tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    rnd, _ = round_with_sample(db, library, 2)
    path = long_csv(tmp_path / "svar.csv", [
        ("2026-0001", "vardplan", "ja", "Granskare AL", "2026-03-12"),
        ("2026-0042", "vardplan", "ja", "Granskare AL", "2026-03-12"),
        ("2026-0043", "vardplan", "nej", "Granskare AL", "2026-03-12"),
    ])
    argv = ("--db", str(db_path), "reviews", "import", str(rnd.id), str(path))
    code, out, err = run(capsys, *argv)
    assert code == 1 and "Fel: Ingenting importerades" in err
    assert "rad 3: ärendet '2026-0042' ingår inte" in err and "--skip-unsampled" in err
    assert answers_in_db(db) == {} and "Traceback" not in err
    code, out, err = run(capsys, *argv, "--skip-unsampled", "--dry-run")
    assert code == 0 and "Hoppade över 2 ärende(n) som inte ingår i stickprovet: " \
                         "2026-0042, 2026-0043" in out
    assert "Provkörning: 1 ändringar" in out and answers_in_db(db) == {}
    code, out, err = run(capsys, *argv, "--skip-unsampled")
    assert code == 0 and err == ""
    assert "2026-0042, 2026-0043" in out and "1 svar och kommentarer importerades" in out
    assert answers_in_db(db) == {("2026-0001", "vardplan"): "ja"}
    assert answered_by(db)[("2026-0001", "vardplan")] == ("Granskare AL", datetime(2026, 3, 12))
    assert reviews_in_db(db)["2026-0001"][0] == "Granskare AL"
    importer = fallback_actor()
    assert importer != "Granskare AL"
    assert {row[0] for row in log_rows(db)} == {"GL", importer}
    assert [row[0] for row in log_rows(db) if row[2] == "answer"] == [importer]
