"""`audit-app themes ROUND`: theme counts per item as a text table."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.reviews import ReviewService
from audit_app.storage.db import Database
from tests.cli.test_cli import run
from tests.factories import round_with_sample
from tests.reports.test_texts_summary import answers
from tests.services.test_themes import themed_source


def test_theme_counts_are_listed_per_item(db: Database, db_path: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "lists"
    folder.mkdir()
    (folder / "tema.yaml").write_text(themed_source(), encoding="utf-8")
    summary, case_ids = round_with_sample(db, ChecklistLibrary([folder]), 4,
                                          name="Tema T1 2026", checklist="aktgranskning-familj")
    service = ReviewService(db, "Mia Mentor (MM)")
    for k, case_id in enumerate(case_ids):
        for item_id, value in answers(k).items():
            service.set_answer(summary.id, case_id, item_id, value)
    service.set_themes(summary.id, case_ids[0], "styrkor", ["barnets_rost", "tidslinje"])
    service.set_themes(summary.id, case_ids[1], "styrkor", ["barnets_rost"])
    for case_id in case_ids:
        service.complete(summary.id, case_id)
    db.close()

    code, out, err = run(capsys, "--db", str(db_path), "themes", "Tema T1 2026")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Fråga | tema | texter | andel"
    assert "styrkor | Barnets röst (barnets_rost) | 2 av 4 | 50,0 %" in lines
    assert "styrkor | Tydlig tidslinje (tidslinje) | 1 av 4 | 25,0 %" in lines
    assert "styrkor | Samverkan med skolan (samverkan) | 0 av 4 | 0,0 %" in lines

    code, _, err = run(capsys, "--db", str(db_path), "themes", "Ingen sådan")
    assert code == 1 and err.startswith("Fel: ")


def test_a_round_without_themes_says_so(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "g.sqlite3")
    assert run(capsys, "--db", db, "round", "create", "T1 2026", "--checklist",
               "placerade-barn", "--year", "2026", "--period", "T1")[0] == 0
    code, out, _ = run(capsys, "--db", db, "themes", "T1 2026")
    assert code == 0 and out.strip() == "Inga teman i checklistan för 'T1 2026'."
