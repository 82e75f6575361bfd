"""`audit-app checklist export|import|versions|diff` as a user runs them."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from audit_app import paths
from audit_app.services.changelog import ChangeLogService
from audit_app.storage.db import open_database
from tests.cli.test_cli import run


def test_export_import_dry_run_and_store(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "g.sqlite3")
    book = tmp_path / "mottagning.xlsx"
    code, out, _ = run(capsys, "--db", db, "checklist", "export", "mottagning", "--out",
                       str(book))
    assert code == 0 and book.exists()
    code, out, _ = run(capsys, "--db", db, "checklist", "import", str(book), "--dry-run")
    assert code == 0 and "oförändrad" in out
    wb = load_workbook(book)
    wb["Punkter"]["H3"] = 90
    wb["Inställningar"]["B3"] = "1.1"
    wb["Alternativ"]["D4"] = "Överlämnad"
    wb.save(book)
    code, out, _ = run(capsys, "--db", db, "checklist", "import", str(book), "--dry-run")
    assert code == 0 and "blir en ny version" in out and "Provkörning: inget sparades" in out
    assert "Ändrad punkt dagar_till_beslut, årsmål: '85' → '90'" in out
    assert "Ändrad punkt beslut, svarsalternativ" in out
    user_file = paths.data_dir() / "checklists" / "mottagning.yaml"
    assert not user_file.exists()
    assert "Årsmål ändras: ange skälet med --reason" in out
    code, out, err = run(capsys, "--db", db, "checklist", "import", str(book))
    assert code == 1 and err.startswith("Fel: Årsmålet ändras för dagar_till_beslut.")
    assert not user_file.exists()  # nothing stored without a reason
    code, out, _ = run(capsys, "--db", db, "checklist", "import", str(book), "--reason",
                       "Nytt mål i verksamhetsplanen")
    assert code == 0 and user_file.exists()
    database = open_database(Path(db))
    try:
        [logged] = [e for e in ChangeLogService(database).entries()
                    if e.entity == "checklist_item"]
    finally:
        database.close()
    assert (logged.entity_id, logged.old, logged.new, logged.reason, logged.field) == (
        "mottagning/dagar_till_beslut", "85", "90", "Nytt mål i verksamhetsplanen", "årsmål")
    code, out, _ = run(capsys, "--db", db, "checklist", "list")
    assert "mottagning\tv1.1" in out
    code, out, _ = run(capsys, "--db", db, "round", "create", "Mottagning T1", "--checklist",
                       "mottagning", "--year", "2026", "--period", "T1")
    assert code == 0 and "v1.1" in out
    code, out, _ = run(capsys, "--db", db, "checklist", "versions", "mottagning")
    assert code == 0 and "v1.1" in out and "Mottagning T1" in out
    assert "används för nya omgångar" in out
    assert "Ändrade årsmål:" in out
    assert "dagar_till_beslut 85 → 90 (skäl: Nytt mål i verksamhetsplanen)" in out
    code, out, _ = run(capsys, "--db", db, "checklist", "diff", "mottagning", "1.1", "aktuell")
    assert code == 0 and out.strip() == "Inga skillnader."


def test_import_error_names_cell_and_stores_nothing(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "g.sqlite3")
    book = tmp_path / "u.xlsx"
    assert run(capsys, "--db", db, "checklist", "export", "utredning", "--out", str(book))[0] == 0
    wb = load_workbook(book)
    wb["Punkter"]["E7"] = "jaa"
    wb.save(book)
    code, out, err = run(capsys, "--db", db, "checklist", "import", str(book))
    assert code == 1 and err.startswith("Fel: ")
    assert "Punkter!E7: okänd svarstyp 'jaa'" in err and "Traceback" not in err
    assert not (paths.data_dir() / "checklists").exists()


def test_versions_of_unknown_checklist(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path / "g.sqlite3"), "checklist", "versions",
                       "finns_inte")
    assert code == 1 and "finns varken" in err


def test_export_stored_version_and_diff_by_id(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "g.sqlite3")
    assert run(capsys, "--db", db, "round", "create", "U T1", "--checklist", "utredning",
               "--year", "2026", "--period", "T1")[0] == 0
    book = tmp_path / "lagrad"
    code, out, _ = run(capsys, "--db", db, "checklist", "export", "utredning", "--version",
                       "#1", "--out", str(book))
    assert code == 0 and (tmp_path / "lagrad.xlsx").exists()
    code, out, _ = run(capsys, "--db", db, "checklist", "diff", "utredning", "#1", "aktuell")
    assert code == 0 and out.strip() == "Inga skillnader."
    code, _, err = run(capsys, "--db", db, "checklist", "diff", "utredning", "#1", "#9")
    assert code == 1 and "Ingen lagrad version '#9'" in err
