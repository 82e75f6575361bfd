"""`audit-app reviews template|import` and `round export|import` as a user runs them."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from audit_app.__main__ import main
from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.reviews import ReviewService
from audit_app.storage.db import Database, open_database
from tests.factories import round_with_sample


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_template_fill_import(db: Database, db_path: Path, library: ChecklistLibrary,
                              tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rnd, cases = round_with_sample(db, library, 2)
    ReviewService(db, "GL").set_answer(rnd.id, cases[1], "vardplan", "ja")
    out_file = tmp_path / "arbetsbok.xlsx"
    code, out, _ = run(capsys, "--db", str(db_path), "reviews", "template", rnd.name,
                       "--out", str(out_file))
    assert code == 0 and "2 ärenden" in out
    wb = load_workbook(out_file)
    ws = wb["Granskning"]
    cols = {ws.cell(1, c).value: c for c in range(1, ws.max_column + 1)}
    ws.cell(3, cols["vardplan"], "Nej ")
    ws.cell(4, cols["vardplan"], "nej")  # conflicts with the recorded "ja"
    wb.save(out_file)
    code, _, err = run(capsys, "--db", str(db_path), "reviews", "import", str(rnd.id),
                       str(out_file))
    assert code == 1 and "2026-0002 / vardplan (svar): 'ja' → 'nej'" in err
    assert "--accept-theirs" in err
    code, out, _ = run(capsys, "--db", str(db_path), "reviews", "import", str(rnd.id),
                       str(out_file), "--dry-run", "--accept-theirs")
    assert code == 0 and "Provkörning: 2 ändringar" in out
    code, out, _ = run(capsys, "--db", str(db_path), "reviews", "import", str(rnd.id),
                       str(out_file), "--keep-ours")
    assert code == 0 and "1 svar och kommentarer importerades" in out
    assert ReviewService(db, "GL").review(rnd.id, cases[1]).answers["vardplan"].value == "ja"
    bad = tmp_path / "fel.csv"
    bad.write_text("case;item;answer\n2026-0001;vardplan;kanske\n", encoding="utf-8")
    code, _, err = run(capsys, "--db", str(db_path), "reviews", "import", str(rnd.id),
                       str(bad))
    assert code == 1 and "rad 2: 'kanske' är inget giltigt svar" in err
    assert "Traceback" not in err


def test_round_export_import(db: Database, db_path: Path, library: ChecklistLibrary,
                             tmp_path: Path, capsys: pytest.CaptureFixture[str],
                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRANSKA_EXCHANGE_PASSPHRASE", "utbytesfras-42")
    rnd, cases = round_with_sample(db, library, 2)
    ReviewService(db, "GL").set_answer(rnd.id, cases[0], "vardplan", "ja")
    exported = tmp_path / "t1.granska"
    code, out, _ = run(capsys, "--db", str(db_path), "round", "export", rnd.name,
                       "--out", str(exported))
    assert code == 0 and "1 svar" in out
    other = tmp_path / "b.sqlite3"
    code, out, _ = run(capsys, "--db", str(other), "round", "import", str(exported))
    assert code == 0 and "Ny omgång" in out and "1 svar" in out
    code, out, _ = run(capsys, "--db", str(other), "round", "import", str(exported))
    assert code == 0 and "inget nytt" in out
    b = open_database(other)
    try:
        rows = ReviewService(b, "x").case_rows(1)
        assert [r.answered for r in rows] == [1, 0]
    finally:
        b.close()
    exported.write_bytes(exported.read_bytes()[:100])
    code, _, err = run(capsys, "--db", str(other), "round", "import", str(exported))
    assert code == 1 and "skadad" in err


def test_round_exchange_passphrase(db: Database, db_path: Path, library: ChecklistLibrary,
                                   tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    rnd, _ = round_with_sample(db, library, 2)
    exported = tmp_path / "t1.granska"
    monkeypatch.delenv("GRANSKA_EXCHANGE_PASSPHRASE", raising=False)
    code, _, err = run(capsys, "--db", str(db_path), "round", "export", rnd.name,
                       "--out", str(exported))  # stdin is no terminal under pytest
    assert code == 1 and "Fel:" in err and "GRANSKA_EXCHANGE_PASSPHRASE" in err
    assert not exported.exists()
    monkeypatch.setenv("GRANSKA_EXCHANGE_PASSPHRASE", "kort")
    code, _, err = run(capsys, "--db", str(db_path), "round", "export", rnd.name,
                       "--out", str(exported))
    assert code == 1 and "minst 8 tecken" in err and not exported.exists()
    monkeypatch.setenv("GRANSKA_EXCHANGE_PASSPHRASE", "utbytesfras-42")
    code, _, _ = run(capsys, "--db", str(db_path), "round", "export", rnd.name,
                     "--out", str(exported))
    assert code == 0 and exported.stat().st_mode & 0o777 == 0o600
    other = tmp_path / "b.sqlite3"
    monkeypatch.setenv("GRANSKA_EXCHANGE_PASSPHRASE", "fel fras 1234")
    code, _, err = run(capsys, "--db", str(other), "round", "import", str(exported))
    assert code == 1 and "Fel lösenfras för t1.granska" in err and "Traceback" not in err
    answers = iter(["utbytesfras-42"])
    monkeypatch.delenv("GRANSKA_EXCHANGE_PASSPHRASE")
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    code, out, _ = run(capsys, "--db", str(other), "round", "import", str(exported))
    assert code == 0 and "Ny omgång" in out
