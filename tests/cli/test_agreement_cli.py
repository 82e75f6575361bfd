"""`audit-app calibration|agreement|reconcile` and `sample add-chosen` as a mentor runs them."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit_app.services.reviews import ReviewService
from audit_app.storage.db import open_database
from tests.cli.test_cli import run
from tests.storage.test_text_guard import PNR_TEXT

ITEMS = {"enskilt_samtal": "ja", "samtal_var_tredje_manad": "ja", "genomforandeplan": "nej"}


@pytest.fixture
def db_arg(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    db = str(tmp_path / "g.sqlite3")
    code, _, err = run(capsys, "--db", db, "round", "create", "T1 2026", "--checklist",
                       "placerade-barn", "--year", "2026", "--period", "T1")
    assert code == 0, err
    lines = ["Ärendenummer;Enhet;Avslutsdatum"]
    lines += [f"2026-{k:04d};Familjehem;2026-02-15" for k in range(1, 11)]
    path = tmp_path / "avslutade.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert run(capsys, "--db", db, "cases", "import", "T1 2026", str(path))[0] == 0
    code, _, err = run(capsys, "--db", db, "sample", "draw", "T1 2026", "--size", "4",
                       "--seed", "abc123")
    assert code == 0, err
    return db


def _first_reviews(db: str, vardplan: dict[str, str]) -> None:
    database = open_database(Path(db))
    try:
        service = ReviewService(database, "GrA")
        for row in service.case_rows(1):
            for item, value in {**ITEMS, "vardplan": vardplan.get(row.case_ref, "ja")}.items():
                service.set_answer(1, row.case_id, item, value)
            service.complete(1, row.case_id)
    finally:
        database.close()


def test_double_review_from_the_command_line(db_arg: str, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = run(capsys, "--db", db_arg, "calibration", "draw", "T1 2026",
                         "--share", "0.5")
    assert code == 0, err
    refs = out.split(": ")[1].strip().split(", ")
    assert out.startswith("2 ärenden till dubbelgranskning") and len(refs) == 2
    code, _, err = run(capsys, "--db", db_arg, "calibration", "draw", "T1 2026", "--size", "1")
    assert code == 1 and err.startswith("Fel: ") and "redan" in err
    _first_reviews(db_arg, {refs[0]: "nej"})
    monkeypatch.setenv("AUDIT_APP_USER", "GrB")
    for ref in refs:
        for item, value in {**ITEMS, "vardplan": "ja"}.items():
            code, _, err = run(capsys, "--db", db_arg, "calibration", "answer", "T1 2026", ref,
                               item, value)
            assert code == 0, err
        assert run(capsys, "--db", db_arg, "calibration", "complete", "T1 2026", ref)[0] == 0
    code, out, _ = run(capsys, "--db", db_arg, "calibration", "list", "T1 2026")
    assert "granskning 1 klar (GrA), granskning 2 klar (GrB)" in out
    monkeypatch.setenv("AUDIT_APP_USER", "Mentor")
    code, out, _ = run(capsys, "--db", db_arg, "agreement", "T1 2026", "--disagreements")
    assert code == 0
    assert "vardplan | 2 | 1 | 50,0 % | 0,00" in out  # A: nej ja, B: ja ja → κ = 0
    assert "enskilt_samtal | 2 | 2 | 100,0 % | ej definierad" in out
    assert f"{refs[0]} | vardplan | nej (GrA) | ja (GrB) | ej avstämt" in out
    code, out, _ = run(capsys, "--db", db_arg, "--lang", "en", "agreement", "T1 2026",
                       "--disagreements")
    assert code == 0
    assert "vardplan | 2 | 1 | 50.0 % | 0.00" in out and "| no" in out
    assert "enskilt_samtal | 2 | 2 | 100.0 % | undefined" in out
    assert f"{refs[0]} | vardplan | nej (GrA) | ja (GrB) | not reconciled" in out
    assert "ej avstämt" not in out and "ej definierad" not in out
    code, _, err = run(capsys, "--db", db_arg, "reconcile", "T1 2026", refs[0], "vardplan",
                       "--value", "ja", "--reason", PNR_TEXT)
    assert code == 1 and "personnummer" in err.lower() and "Traceback" not in err
    code, out, err = run(capsys, "--db", db_arg, "reconcile", "T1 2026", refs[0], "vardplan",
                         "--value", "ja", "--reason", "Vårdplanen finns i akten")
    assert code == 0, err
    code, out, _ = run(capsys, "--db", db_arg, "agreement", "T1 2026", "--disagreements")
    assert f"{refs[0]} | vardplan | nej (GrA) | ja (GrB) | ja (Vårdplanen finns i akten)" in out


def test_add_chosen_case(db_arg: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", db_arg, "sample", "add-chosen", "T1 2026", "X-12",
                         "--reason", "Ärende som IVO granskar")
    assert code == 0, err
    assert "X-12 lades till som utvalt ärende (fanns inte i ärendelistan)" in out
    code, _, err = run(capsys, "--db", db_arg, "sample", "add-chosen", "T1 2026", "X-12",
                       "--reason", "Igen")
    assert code == 1 and err.startswith("Fel: ") and "redan valt" in err
    code, out, _ = run(capsys, "--db", db_arg, "sample", "verify", "T1 2026")
    assert code == 0  # the chosen case outside the list leaves the frame as it was
