"""An error the program did not expect: a short message naming the log, the traceback logged."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import pytest
from sqlalchemy import text

from audit_app.__main__ import main
from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.cli import checklist_cmds
from audit_app.cli.context import CliContext
from audit_app.services.reviews import ReviewService
from audit_app.storage.db import Database
from tests.factories import round_with_sample

SECRET = "Hemlig kommentar om mamman 0815"


def _log() -> Path:
    return Path(os.environ["XDG_DATA_HOME"]) / "Granska" / "logs" / "granska.log"


def test_an_unexpected_error_names_the_log_and_hides_the_traceback(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def broken(self: ChecklistLibrary) -> None:
        raise RuntimeError("secret text")

    monkeypatch.setattr(ChecklistLibrary, "scan", broken)
    code = main(["checklist", "list"])
    _, err = capsys.readouterr()
    assert code == 1
    assert err.startswith("Fel: ett oväntat fel inträffade (RuntimeError). "
                          f"Detaljer finns i loggfilen {_log()}.")
    assert "Traceback" not in err and "secret text" not in err
    logged = _log().read_text(encoding="utf-8")
    assert "Oväntat fel i kommandot 'checklist list'" in logged
    assert "Traceback" in logged and "in broken" in logged


def test_a_failing_statement_leaves_its_values_out_of_screen_and_log(
        db: Database, db_path: Path, library: ChecklistLibrary,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    rnd, cases = round_with_sample(db, library, 1)

    def duplicate_answer(args: argparse.Namespace, ctx: CliContext) -> int:
        insert = text("INSERT INTO answer (review_id, item_id, value, comment, applicable, "
                      "answered_by, updated_at) VALUES (:r, 'vardplan', 'ja', :c, 1, 'GL', "
                      "'2026-01-01')")
        with ctx.db().session() as s:
            review = s.execute(text("SELECT id FROM review")).scalar_one()
            s.execute(insert, {"r": review, "c": SECRET})
            s.execute(insert, {"r": review, "c": SECRET})
        return 0

    ReviewService(db, "GL").set_answer(rnd.id, cases[0], "vardplan", "ja")  # makes the review
    monkeypatch.setattr(checklist_cmds, "cmd_list", duplicate_answer)
    code = main(["--db", str(db_path), "checklist", "list"])
    _, err = capsys.readouterr()
    assert code == 1 and "(IntegrityError)" in err
    logged = _log().read_text(encoding="utf-8")
    assert "UNIQUE constraint failed" in logged
    assert SECRET not in err and SECRET not in logged


def test_a_user_error_is_still_shown_as_it_is(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--db", str(tmp_path / "x.sqlite3"), "round", "lock", "Finns inte"])
    _, err = capsys.readouterr()
    assert code == 1 and err.startswith("Fel: ") and "oväntat" not in err
