"""`audit-app plan`, `deviations` and `actions` as a user runs them."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.storage.db import open_database
from tests.cli.test_cli import run
from tests.plan_data import MINIMAL, UNIT, reviewed_year, write_plan


def test_plan_import_export_copy_status(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "g.sqlite3")
    plan = write_plan(tmp_path, MINIMAL)
    code, out, _ = run(capsys, "--db", db, "plan", "import", str(plan))
    assert code == 0 and "1 kontrollmoment" in out
    yaml_out = tmp_path / "ut.yaml"
    assert run(capsys, "--db", db, "plan", "export", "--unit", UNIT, "--year", "2024",
               "--out", str(yaml_out))[0] == 0
    assert "samtal_placerade" in yaml_out.read_text(encoding="utf-8")
    xlsx_out = tmp_path / "ut.xlsx"
    assert run(capsys, "--db", db, "plan", "export", "--unit", UNIT, "--year", "2024",
               "--out", str(xlsx_out))[0] == 0
    assert openpyxl.load_workbook(xlsx_out)["Plan"]["A3"].value == "samtal_placerade"
    code, _, err = run(capsys, "--db", db, "plan", "export", "--unit", UNIT, "--year", "2024",
                       "--out", str(tmp_path / "ut.txt"))
    assert code == 1 and ".yaml eller .xlsx" in err
    assert run(capsys, "--db", db, "plan", "copy", "--unit", UNIT, "--from", "2024",
               "--to", "2025")[0] == 0
    code, out, _ = run(capsys, "--db", db, "round", "create", "Samtal T1 2025", "--control",
                       "samtal_placerade", "--year", "2025", "--period", "T1")
    assert code == 0 and "placerade-barn" in out
    code, out, _ = run(capsys, "--db", db, "plan", "status", "--unit", UNIT, "--year", "2025")
    assert code == 0
    t1 = next(line for line in out.splitlines() if line.startswith("samtal_placerade\tT1"))
    assert "Samtal T1 2025" in t1
    code, _, err = run(capsys, "--db", db, "plan", "status", "--unit", UNIT, "--year", "2030")
    assert code == 1 and "ingen plan" in err


def test_bad_plan_file_exit_1_with_line(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "g.sqlite3")
    plan = write_plan(tmp_path, MINIMAL.replace("sannolikhet: 3", "sannolikhet: 5"))
    code, _, err = run(capsys, "--db", db, "plan", "import", str(plan))
    assert code == 1 and f"Fel: {plan}:9: sannolikhet ska vara ett heltal 1–4" in err
    assert "Traceback" not in err


def test_round_create_needs_checklist_or_control(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path / "g.sqlite3"), "round", "create", "X",
                       "--year", "2024", "--period", "T1")
    assert code == 2 and "--checklist" in err


def test_deviations_and_actions(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                library: ChecklistLibrary) -> None:
    path = tmp_path / "g.sqlite3"
    database = open_database(path)
    reviewed_year(database, library, tmp_path)
    database.close()
    db = str(path)
    code, out, _ = run(capsys, "--db", db, "deviations", "list", "--unit", UNIT,
                       "--year", "2024")
    assert code == 0
    rows = [line.split("\t") for line in out.splitlines()[1:]]
    assert [(r[0], r[1], r[2]) for r in rows] == [
        ("samtal_placerade", "T1", "enskilt_samtal"),
        ("samtal_placerade", "T1", "genomforandeplan"),
        ("samtal_placerade", "T2", "enskilt_samtal")]
    assert rows[0][3] == "22 av 28 (78,6 %)"
    assert run(capsys, "--db", db, "deviations", "analyse", "samtal_placerade", "T1",
               "enskilt_samtal", "--text", "Rutinen följdes inte")[0] == 0
    code, out, _ = run(capsys, "--db", db, "actions", "add", "samtal_placerade", "T1",
                       "enskilt_samtal", "--what", "Genomgång på APT", "--responsible",
                       "Gruppledare", "--due", "2024-05-15")
    assert code == 0 and "Åtgärd 1" in out
    code, _, err = run(capsys, "--db", db, "actions", "add", "samtal_placerade", "T1",
                       "enskilt_samtal", "--what", "X", "--responsible", "GL",
                       "--due", "15/5")
    assert code == 1 and "ÅÅÅÅ-MM-DD" in err
    code, out, _ = run(capsys, "--db", db, "actions", "list", "--unit", UNIT, "--overdue")
    [line] = out.splitlines()[1:]
    assert "FÖRSENAD" in line and line.endswith("T2: 28 av 29 (96,6 %)")
    assert run(capsys, "--db", db, "actions", "set-status", "1", "klar")[0] == 0
    code, out, _ = run(capsys, "--db", db, "actions", "list", "--overdue")
    assert out.strip() == "Inga åtgärder."
    code, out, _ = run(capsys, "--db", db, "deviations", "list", "--unit", UNIT,
                       "--year", "2024")
    assert "Rutinen följdes inte" in out.splitlines()[1]


def test_plan_import_from_excel(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "g.sqlite3")
    assert run(capsys, "--db", db, "plan", "import", str(write_plan(tmp_path, MINIMAL)))[0] == 0
    sheet = tmp_path / "plan.xlsx"
    assert run(capsys, "--db", db, "plan", "export", "--unit", UNIT, "--year", "2024",
               "--out", str(sheet))[0] == 0
    wb = openpyxl.load_workbook(sheet)
    wb["Plan"]["H3"] = 2  # konsekvens 4 -> 2
    wb.save(sheet)
    other = str(tmp_path / "annan.sqlite3")
    code, out, _ = run(capsys, "--db", other, "plan", "import", str(sheet))
    assert code == 0 and f"Planen för {UNIT} 2024 lästes in: 1 kontrollmoment, 1 " in out
    code, out, _ = run(capsys, "--db", db, "plan", "import", str(sheet))
    assert code == 0 and "1 kontrollmoment, 1 ändringar loggade" in out
    wb["Plan"]["G3"] = 7
    wb.save(sheet)
    code, _, err = run(capsys, "--db", db, "plan", "import", str(sheet))
    assert code == 1 and err.startswith(
        "Fel: Blad 'Plan', cell G3: sannolikheten ska vara ett heltal 1–4, inte '7'")
    code, _, err = run(capsys, "--db", db, "--lang", "en", "plan", "import", str(sheet))
    assert code == 1 and "Sheet 'Plan', cell G3: the likelihood must be" in err
    assert "Traceback" not in err
