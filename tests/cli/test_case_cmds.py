"""`audit-app cases import|list` as a user runs it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_cli import run
from tests.importers.caselist_files import PNR, report_xlsx, semicolon_cp1252


@pytest.fixture
def db_arg(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    db = str(tmp_path / "g.sqlite3")
    code, _, err = run(capsys, "--db", db, "round", "create", "T1 2026", "--checklist",
                       "placerade-barn", "--year", "2026", "--period", "T1")
    assert code == 0, err
    return db


def test_import_prints_mapping_and_counts_then_list(db_arg: str, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = str(report_xlsx(tmp_path / "lista.xlsx"))
    code, out, err = run(capsys, "--db", db_arg, "cases", "import", "T1 2026", path)
    assert code == 0, err
    assert "A Ärende-ID -> case_ref" in out and "H Handläggare -> ignore" in out
    assert "6 nya, 0 ändrade, 0 oförändrade" in out and "rad 11" in out
    code, out, _ = run(capsys, "--db", db_arg, "cases", "import", "1", path)
    assert code == 0 and "0 nya, 0 ändrade, 6 oförändrade" in out
    code, out, _ = run(capsys, "--db", db_arg, "cases", "list", "T1 2026")
    assert code == 0 and "ÄR-0001\tUtredning\tGrupp A\tFamiljehem\tpojke\t2010" in out
    assert "6 ärenden." in out


def test_problems_printed_and_accept_valid(db_arg: str, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    path = str(semicolon_cp1252(tmp_path / "fel.csv", [
        "Ärendenummer;Kön", "2026-0001;F", "2026-0001;P", "2026-0003;Drake"]))
    code, out, err = run(capsys, "--db", db_arg, "cases", "import", "T1 2026", path)
    assert code == 1
    assert "rad 3, kolumn Ärendenummer: ärendenumret 2026-0001 finns redan på rad 2" in err
    assert "rad 4, kolumn Kön: okänt värde för kön" in err and "Traceback" not in err
    assert "case_ref" in out
    assert "Urvalsramen är tom" in run(capsys, "--db", db_arg, "cases", "list", "T1 2026")[1]
    code, out, err = run(capsys, "--db", db_arg, "cases", "import", "T1 2026", path,
                         "--accept-valid")
    assert code == 0 and "1 nya" in out and "2 rad(er) med fel hoppades över" in err


def test_map_and_dry_run(db_arg: str, tmp_path: Path,
                         capsys: pytest.CaptureFixture[str]) -> None:
    path = str(semicolon_cp1252(tmp_path / "m.csv", ["Löpnr;Kön;Område", "X-1;F;Norr"]))
    code, out, err = run(capsys, "--db", db_arg, "cases", "import", "T1 2026", path,
                         "--map", "Löpnr=case_ref", "--map", "C=unit", "--dry-run")
    assert code == 0, err
    assert "A Löpnr -> case_ref [Ärendenummer] (vald)" in out and "C Område -> unit" in out
    assert "Skulle importeras" in out and "1 nya" in out
    assert "Urvalsramen är tom" in run(capsys, "--db", db_arg, "cases", "list", "T1 2026")[1]
    code, _, err = run(capsys, "--db", db_arg, "cases", "import", "T1 2026", path, "--map",
                       "Löpnr=namn")
    assert code == 1 and "Okänt fält" in err
    assert run(capsys, "--db", db_arg, "cases", "import", "T1 2026", path, "--map",
               "bara")[0] == 2


def test_personnummer_refused(db_arg: str, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    path = str(semicolon_cp1252(tmp_path / "p.csv", ["Ärendenummer;Anteckning",
                                                     f"2026-0001;{PNR}"]))
    code, out, err = run(capsys, "--db", db_arg, "cases", "import", "T1 2026", path)
    assert code == 1 and "Rad 2, kolumn B (Anteckning)" in err
    assert PNR not in err + out
    assert "Urvalsramen är tom" in run(capsys, "--db", db_arg, "cases", "list", "T1 2026")[1]


def test_unknown_round(db_arg: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", db_arg, "cases", "list", "Finns inte")
    assert code == 1 and "finns inte" in err
