"""Importing case lists into a round: all or nothing, no duplicates, refusals, the log."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.errors import UserError
from audit_app.importers.caselist import ImportCancelledError, PersonnummerInFileError
from audit_app.services.caselists import CaseListProblemsError, CaseListService
from audit_app.services.rounds import RoundService
from audit_app.storage.db import Database
from audit_app.storage.models import AuditRound, Case, CaseImport, ChangeLog
from tests.factories import round_with_sample
from tests.importers.caselist_files import PNR, report_xlsx, semicolon_cp1252


@pytest.fixture
def round_id(db: Database, library: ChecklistLibrary) -> int:
    return RoundService(db, library, "GL").create("Placerade T1 2026", "placerade-barn", 2026,
                                                  "T1", "Familjehem").id


def count(db: Database, model: type, **where: object) -> int:
    with db.session() as s:
        query = select(func.count()).select_from(model)
        for key, value in where.items():
            query = query.where(getattr(model, key) == value)
        return int(s.scalar(query) or 0)


def test_import_stores_cases_import_record_and_log(db: Database, round_id: int,
                                                   tmp_path: Path) -> None:
    path = report_xlsx(tmp_path / "lista.xlsx")
    result = CaseListService(db, "GL").import_file(round_id, path)
    assert (result.added, result.updated, result.unchanged) == (6, 0, 0)
    assert result.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    cases = CaseListService(db, "GL").list_cases(round_id)
    assert [c.case_ref for c in cases] == [f"ÄR-{k:04d}" for k in range(1, 7)]
    assert (cases[1].unit, cases[1].gender, cases[1].closing_date) == (
        "Familjehem", "flicka", date(2026, 3, 2))
    with db.session() as s:
        record = s.scalars(select(CaseImport)).one()
        assert (record.file_name, record.sha256, record.rows, record.imported_by) == (
            "lista.xlsx", result.sha256, 6, "GL")
        log = s.scalars(select(ChangeLog).where(ChangeLog.entity == "case_import")).one()
        assert log.actor == "GL" and "6 nya" in (log.new or "")
        assert s.scalar(select(func.count()).select_from(Case)
                        .where(Case.import_id == record.id)) == 6


def test_reimport_does_not_duplicate_and_reports_updates(db: Database, round_id: int,
                                                         tmp_path: Path) -> None:
    service = CaseListService(db, "GL")
    first = semicolon_cp1252(tmp_path / "a.csv", [
        "Ärendenummer;Enhet;Kön", "2026-0001;Familjehem;F", "2026-0002;Familjehem;P"])
    service.import_file(round_id, first)
    again = service.import_file(round_id, first)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    overlap = semicolon_cp1252(tmp_path / "b.csv", [
        "Ärendenummer;Enhet;Kön", "2026-0002;Utredning;P", "2026-0003;Familjehem;F"])
    result = service.import_file(round_id, overlap)
    assert (result.added, result.updated, result.unchanged) == (1, 1, 0)
    assert count(db, Case, round_id=round_id) == 3
    assert {c.case_ref: c.unit for c in service.list_cases(round_id)}["2026-0002"] == "Utredning"
    with db.session() as s:
        change = s.scalars(select(ChangeLog).where(ChangeLog.entity == "case")).one()
        assert (change.case_ref, change.field, change.old, change.new) == (
            "2026-0002", "unit", "Familjehem", "Utredning")
    assert count(db, CaseImport) == 3


def problem_file(tmp_path: Path) -> Path:
    return semicolon_cp1252(tmp_path / "fel.csv", [
        "Ärendenummer;Kön;Avslutsdatum", "2026-0001;F;2026-03-01", ";P;2026-03-02",
        "2026-0003;Drake;2026-03-03", "2026-0004;P;2026-02-30", "2026-0005;P;"])


def test_all_or_nothing(db: Database, round_id: int, tmp_path: Path) -> None:
    with pytest.raises(CaseListProblemsError) as info:
        CaseListService(db, "GL").import_file(round_id, problem_file(tmp_path))
    assert [p.row for p in info.value.problems] == [3, 4, 5]
    assert count(db, Case) == 0 and count(db, CaseImport) == 0 and count(db, ChangeLog,
                                                                         entity="case_import") == 0


def test_accept_valid_rows(db: Database, round_id: int, tmp_path: Path) -> None:
    result = CaseListService(db, "GL").import_file(round_id, problem_file(tmp_path),
                                                   accept_valid_rows=True)
    assert (result.added, result.skipped) == (2, 3)
    assert [c.case_ref for c in CaseListService(db, "GL").list_cases(round_id)] == [
        "2026-0001", "2026-0005"]
    with db.session() as s:
        assert "3 rader med fel" in (s.scalars(select(ChangeLog.new).where(
            ChangeLog.entity == "case_import")).one() or "")


def test_personnummer_refuses_with_nothing_stored(db: Database, round_id: int,
                                                  tmp_path: Path) -> None:
    path = report_xlsx(tmp_path / "pnr.xlsx", n=40,
                       extra=[["ÄR-0999", "Familjehem", "", "", "F", 2012, "", PNR]])
    with pytest.raises(PersonnummerInFileError) as info:
        CaseListService(db, "GL").import_file(round_id, path, accept_valid_rows=True)
    assert "kolumn H" in str(info.value) and PNR not in str(info.value)
    assert count(db, Case) == 0 and count(db, CaseImport) == 0
    with db.session() as s:
        texts = [str(v) for row in s.execute(select(ChangeLog.new, ChangeLog.reason)).all()
                 for v in row]
    assert not any(PNR[:6] in t for t in texts)


def test_dry_run_stores_nothing(db: Database, round_id: int, tmp_path: Path) -> None:
    result = CaseListService(db, "GL").import_file(
        round_id, report_xlsx(tmp_path / "l.xlsx"), dry_run=True)
    assert result.added == 6 and result.import_id is None
    assert count(db, Case) == 0 and count(db, CaseImport) == 0


def test_locked_round_and_drawn_sample_are_refused(db: Database, library: ChecklistLibrary,
                                                    round_id: int, tmp_path: Path) -> None:
    path = report_xlsx(tmp_path / "l.xlsx")
    with db.session() as s:
        s.execute(update(AuditRound).where(AuditRound.id == round_id).values(
            locked_at=datetime.now(), locked_by="EC"))
    with pytest.raises(UserError, match="låst"):
        CaseListService(db, "GL").import_file(round_id, path)
    drawn, _ = round_with_sample(db, library, 3, name="Dragen")
    with pytest.raises(UserError, match="redan draget"):
        CaseListService(db, "GL").import_file(drawn.id, path)
    assert count(db, CaseImport) == 0
    with pytest.raises(UserError, match="finns inte"):
        CaseListService(db, "GL").import_file(9999, path)


def test_no_case_ref_column_is_refused(db: Database, round_id: int, tmp_path: Path) -> None:
    path = semicolon_cp1252(tmp_path / "n.csv", ["Löpnr;Kön", "1;F"])
    with pytest.raises(UserError, match="ärendenummer"):
        CaseListService(db, "GL").import_file(round_id, path)
    result = CaseListService(db, "GL").import_file(round_id, path, {"Löpnr": "case_ref"})
    assert result.added == 1


def test_fifty_thousand_rows(db: Database, round_id: int, tmp_path: Path) -> None:
    lines = ["Ärendenummer;Enhet;Kön;Födelseår;Avslutsdatum"] + [
        f"2026-{k:05d};Enhet {k % 7};{'FP'[k % 2]};{2008 + k % 10};2026-0{1 + k % 4}-1{k % 9}"
        for k in range(50_000)]
    path = semicolon_cp1252(tmp_path / "stor.csv", lines)
    result = CaseListService(db, "GL").import_file(round_id, path)
    assert result.added == 50_000 and count(db, Case) == 50_000


def test_cancel_stores_nothing_and_progress_reaches_the_end(db: Database, round_id: int,
                                                            tmp_path: Path) -> None:
    path = report_xlsx(tmp_path / "stor.xlsx", n=1500)
    with pytest.raises(ImportCancelledError):
        CaseListService(db, "GL").import_file(round_id, path, cancelled=lambda: True)
    assert count(db, Case) == 0 and count(db, CaseImport) == 0
    seen: list[tuple[int, int | None]] = []
    CaseListService(db, "GL").import_file(round_id, path,
                                          progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (1505, 1505) and count(db, Case) == 1500


def test_plain_row_insert_stores_what_the_orm_stores(db: Database, round_id: int,
                                                     tmp_path: Path) -> None:
    path = semicolon_cp1252(tmp_path / "r.csv", [
        "Ärendenummer;Kön;Födelseår;Avslutsdatum", "2026-0001;F;2012;2026-03-05",
        "2026-0002;P;;"])
    result = CaseListService(db, "GL").import_file(round_id, path)
    with db.session() as s:
        s.add(Case(round_id=round_id, case_ref="ORM-1", gender="flicka", birth_year=2012,
                   closing_date=date(2026, 3, 5), import_id=result.import_id))
    with db.session() as s:
        raw = s.connection().exec_driver_sql(
            'SELECT case_ref, unit, team, case_type, gender, birth_year, age_band, '
            'closing_date, import_id FROM "case" ORDER BY case_ref').all()
    assert [tuple(r) for r in raw] == [
        ("2026-0001", "", "", "", "flicka", 2012, "", "2026-03-05", result.import_id),
        ("2026-0002", "", "", "", "pojke", None, "", None, result.import_id),
        ("ORM-1", "", "", "", "flicka", 2012, "", "2026-03-05", result.import_id)]


def _stored(db: Database, round_id: int) -> list[tuple[object, ...]]:
    with db.session() as s:
        return [tuple(r) for r in s.connection().exec_driver_sql(
            'SELECT case_ref, unit, team, case_type, gender, birth_year, age_band, '
            'closing_date FROM "case" WHERE round_id = ? ORDER BY case_ref', (round_id,))]


def test_many_rows_per_insert_store_every_row_and_column(db: Database, round_id: int,
                                                         tmp_path: Path) -> None:
    # 250 rows: two full statements of 100 and a last one of 50; every field read, with
    # empty cells among them, and columns empty in every row beside columns that are not.
    header = "Ärendenummer;Enhet;Arbetsgrupp;Ärendetyp;Kön;Födelseår;Åldersgrupp;Avslutsdatum"
    lines = [header] + [
        f"ÄR-{k:04d};Enhet {k % 3};{'' if k % 4 else 'Grupp A'};;{'FP'[k % 2]};"
        f"{'' if k % 5 == 0 else 2008 + k % 10};;{'' if k % 7 == 0 else f'2026-02-{1 + k % 28}'}"
        for k in range(250)]
    path = semicolon_cp1252(tmp_path / "alla.csv", lines)
    read = CaseListService(db, "GL").preview(path)
    assert read.has_case_ref and not read.problems
    expected = sorted(
        (r.case_ref, r.unit, r.team, r.case_type, r.gender, r.birth_year, r.age_band,
         r.closing_date.isoformat() if r.closing_date else None) for r in read.rows)
    result = CaseListService(db, "GL").import_file(round_id, path)
    assert result.added == 250 and _stored(db, round_id) == expected
    assert {r[2] for r in expected} == {"", "Grupp A"} and {r[3] for r in expected} == {""}
    # Again with 130 more rows: only the new rows are inserted, those already there stay.
    more = semicolon_cp1252(tmp_path / "fler.csv", lines + [
        f"ÄR-{k:04d};Enhet 9;;;F;2010;;2026-03-01" for k in range(250, 380)])
    again = CaseListService(db, "GL").import_file(round_id, more)
    assert (again.added, again.updated, again.unchanged) == (130, 0, 250)
    assert _stored(db, round_id) == sorted(expected + [
        (f"ÄR-{k:04d}", "Enhet 9", "", "", "flicka", 2010, "", "2026-03-01")
        for k in range(250, 380)])
