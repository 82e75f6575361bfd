"""The one-page feedback sheet: questions, answers and comments, no reviewer, no score."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.errors import UserError
from audit_app.reports.feedback_pdf import write_feedback_pdf
from audit_app.services.feedback import FeedbackService
from audit_app.services.reviews import ReviewService
from audit_app.storage.db import Database
from tests.cli.test_cli import run
from tests.factories import round_with_sample

REVIEWER = "Granskare AG"
ANSWERS = {"enskilt_samtal": "ja", "samtal_var_tredje_manad": "nej",
           "genomforandeplan": "ja", "genomforandeplan_anvands": "nej", "vardplan": "ja"}


def _reviewed(db: Database, library: ChecklistLibrary, comment: str) -> tuple[int, int]:
    rnd, cases = round_with_sample(db, library, 2)
    service = ReviewService(db, REVIEWER)
    for item, value in ANSWERS.items():
        service.set_answer(rnd.id, cases[0], item, value)
    service.set_comment(rnd.id, cases[0], "samtal_var_tredje_manad", comment)
    service.set_comment(rnd.id, cases[0], "vardplan", "Vårdplanen är uppdaterad.")
    service.complete(rnd.id, cases[0])
    return rnd.id, cases[1]


def _text(path: Path) -> tuple[int, str, PdfReader]:
    reader = PdfReader(str(path))
    return len(reader.pages), "\n".join(p.extract_text() for p in reader.pages), reader


def test_sheet_holds_questions_answers_and_comments(db: Database, library: ChecklistLibrary,
                                                    tmp_path: Path) -> None:
    round_id, _ = _reviewed(db, library, "Samtal i januari.\nInget samtal i april.")
    sheet = FeedbackService(db).sheet(round_id, "2026-0001")
    assert [r.answer for r in sheet.rows[:2]] == ["Ja", "Nej"]
    path = tmp_path / "aterkoppling.pdf"
    write_feedback_pdf(sheet, path)
    pages, text, reader = _text(path)
    assert pages == 1
    assert "Återkoppling – ärende 2026-0001" in text
    assert "Samtal i januari." in text and "Inget samtal i april." in text
    assert "Vårdplanen är uppdaterad." in text and "Nej" in text
    assert "Sida 1 av 1" in text
    assert REVIEWER not in text and "Granskare A" not in text
    assert REVIEWER not in str(reader.metadata)
    for score in ("Uppfyller", "Andel", "uppfyllt"):
        assert score not in text


def test_a_long_review_still_fits_one_page(db: Database, library: ChecklistLibrary,
                                           tmp_path: Path) -> None:
    long = "\n".join(f"Rad {k}: " + "en lång anteckning om samtalen " * 6 for k in range(12))
    round_id, _ = _reviewed(db, library, long)
    path = tmp_path / "lang.pdf"
    write_feedback_pdf(FeedbackService(db).sheet(round_id, "2026-0001"), path)
    pages, text, _ = _text(path)
    assert pages == 1 and "Rad 11" in text


def test_only_completed_reviews(db: Database, library: ChecklistLibrary) -> None:
    round_id, other = _reviewed(db, library, "")
    ReviewService(db, REVIEWER).set_answer(round_id, other, "vardplan", "ja")
    with pytest.raises(UserError, match="inte klar"):
        FeedbackService(db).sheet(round_id, "2026-0002")


def test_feedback_command(db_path: Path, db: Database, library: ChecklistLibrary,
                          tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _reviewed(db, library, "Kort kommentar")
    db.close()
    out_pdf = tmp_path / "blad.pdf"
    code, out, err = run(capsys, "--db", str(db_path), "feedback", "Placerade T1 2026",
                         "2026-0001", "--pdf", str(out_pdf))
    assert code == 0, err
    assert "ärende 2026-0001" in out and _text(out_pdf)[0] == 1
    code, _, err = run(capsys, "--db", str(db_path), "feedback", "Placerade T1 2026",
                       "2026-0099", "--pdf", str(out_pdf))
    assert code == 1 and err.startswith("Fel: ")
