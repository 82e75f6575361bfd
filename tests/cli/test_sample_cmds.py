"""`audit-app sample size|draw|show|exclude|verify` as a user runs it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_cli import run


@pytest.fixture
def db_arg(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    db = str(tmp_path / "g.sqlite3")
    code, _, err = run(capsys, "--db", db, "round", "create", "T1 2026", "--checklist",
                       "placerade-barn", "--year", "2026", "--period", "T1")
    assert code == 0, err
    lines = ["Ärendenummer;Enhet;Avslutsdatum"]
    lines += [f"2026-{k:04d};{'Familjehem' if k % 3 else 'Mottagning'};2026-0{1 + k % 4}-15"
              for k in range(1, 41)]
    path = tmp_path / "avslutade.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run(capsys, "--db", db, "cases", "import", "T1 2026", str(path))
    assert code == 0, err
    return db


@pytest.mark.parametrize(("args", "n"), [
    (["--confidence", "0.95", "--tolerable", "0.05"], 59),
    (["--confidence", "0.90", "--tolerable", "0.05"], 45),
    (["--confidence", "0.95", "--tolerable", "0.05", "--expected", "0.01"], 93),
])
def test_size(capsys: pytest.CaptureFixture[str], args: list[str], n: int) -> None:
    code, out, _ = run(capsys, "sample", "size", *args)
    assert code == 0 and f"Stickprovsstorlek: {n}\n" in out and "binomial" in out


def test_size_with_population_and_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "sample", "size", "--confidence", "0.95", "--tolerable", "0.05",
                       "--population", "40")
    assert code == 0 and "hypergeometriska" in out
    assert int(out.split("Stickprovsstorlek: ")[1].split()[0]) < 59
    code, _, err = run(capsys, "sample", "size", "--confidence", "95", "--tolerable", "0.05")
    assert code == 1 and "Konfidensgraden" in err


def test_draw_show_exclude_verify(db_arg: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", db_arg, "sample", "draw", "T1 2026", "--size", "8",
                         "--seed", "abc123", "--stratify", "unit")
    assert code == 0, err
    assert "avslutade.csv" in out and "abc123" in out and "N = 40" in out
    line = out.split("Ärenden i stickprovet (8):\n")[1].split("\n")[0]
    first = line.split(". ")[1].split(" (")[0]
    code, out, err = run(capsys, "--db", db_arg, "sample", "exclude", "T1 2026", first,
                         "--reason", "Fel ärendetyp")
    assert code == 0, err
    assert f"Ärendet {first} uteslöts" in out
    code, out, _ = run(capsys, "--db", db_arg, "sample", "show", "T1 2026")
    assert code == 0 and "Fel ärendetyp" in out and f"{first} ersatt av" in out
    code, out, _ = run(capsys, "--db", db_arg, "sample", "verify", "T1 2026")
    assert code == 0 and "återskapades" in out
    code, _, err = run(capsys, "--db", db_arg, "sample", "draw", "T1 2026", "--size", "8")
    assert code == 1 and "redan ett stickprov" in err


def test_draw_computed_size_with_dates(db_arg: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", db_arg, "sample", "draw", "T1 2026", "--confidence",
                         "0.9", "--tolerable", "0.1", "--from", "2026-01-01", "--to",
                         "2026-02-28")
    assert code == 0, err
    assert "N = 20 " in out and "hypergeometriska" in out and "2026-02-28" in out


def test_draw_usage_errors(db_arg: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", db_arg, "sample", "draw", "T1 2026")
    assert code == 1 and "--size" in err
    code, _, err = run(capsys, "--db", db_arg, "sample", "show", "T1 2026")
    assert code == 1 and "inget stickprov" in err
