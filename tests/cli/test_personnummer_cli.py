"""The command line refuses a personnummer anywhere it would be stored: 'Fel: …', exit 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit_app.domain.personnummer import luhn_ok
from tests.cli.test_cli import run


def invented_pnr(separator: str) -> str:
    """Built here for the guard test only: an invented date and serial, computed check digit."""
    stem = "091109456"
    check = next(c for c in "0123456789" if luhn_ok(stem + c))
    return f"20{stem[:6]}{separator}{stem[6:]}{check}"


@pytest.fixture
def db_arg(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    db = str(tmp_path / "g.sqlite3")
    code, _, err = run(capsys, "--db", db, "round", "create", "T1 2026", "--checklist",
                       "placerade-barn", "--year", "2026", "--period", "T1")
    assert code == 0, err
    lines = ["Ärendenummer;Enhet"] + [f"2026-{k:04d};Familjehem" for k in range(1, 21)]
    path = tmp_path / "avslutade.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run(capsys, "--db", db, "cases", "import", "T1 2026", str(path))
    assert code == 0, err
    return db


def test_round_name_seed_and_reason_are_refused(db_arg: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    number = invented_pnr("\u2013")
    code, _, err = run(capsys, "--db", db_arg, "round", "create", f"T2 {number}", "--checklist",
                       "placerade-barn", "--year", "2026", "--period", "T2")
    assert code == 1 and err.startswith("Fel:") and "personnummer" in err and number not in err
    code, _, err = run(capsys, "--db", db_arg, "sample", "draw", "T1 2026", "--size", "4",
                       "--seed", invented_pnr("."))
    assert code == 1 and "Fält: frö" in err and "Traceback" not in err
    code, out, err = run(capsys, "--db", db_arg, "sample", "draw", "T1 2026", "--size", "4",
                         "--seed", "abc123")
    assert code == 0, err
    first = out.split("Ärenden i stickprovet (4):\n")[1].split("\n")[0].split(". ")[1][:9]
    code, _, err = run(capsys, "--db", db_arg, "sample", "exclude", "T1 2026", first,
                       "--reason", f"flyttad, {invented_pnr(' ')}")
    assert code == 1 and "Fält: motivering" in err
