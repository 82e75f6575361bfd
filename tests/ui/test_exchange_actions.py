"""GUI actions for workbooks and exchange: conflict dialog, messages, the database after."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.answer_import import OURS, THEIRS, Conflict
from audit_app.services.reviews import ReviewService
from audit_app.storage.db import Database, open_database
from audit_app.storage.models import Answer, ChangeLog, Review
from audit_app.ui import exchange_actions
from audit_app.ui.exchange_actions import ConflictDialog
from audit_app.ui.exchange_passphrase import ExchangePassphraseDialog
from audit_app.ui.unsampled_dialog import UnsampledDialog
from tests.factories import round_with_sample
from tests.ui.helpers import services_for, window_for

PHRASE = "utbytesfras-42"


def phrase(parent: object, file_name: str, new: bool) -> str:
    return PHRASE


def run(qtbot: QtBot, action: Callable[..., object], *args: object, **kwargs: object) -> Any:
    """Start an action (its work runs on a worker thread) and wait for its outcome."""
    got: list[object] = []
    action(*args, done=got.append, **kwargs)
    qtbot.waitUntil(lambda: bool(got), timeout=20_000)
    return got[0]

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

CONFLICTS = [Conflict("2026-0001", "vardplan", "answer", "ja", "nej"),
             Conflict("2026-0002", "enskilt_samtal", "comment", "Samtal i skolan",
                      "Samtal hemma hos familjehemmet")]


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str, str]]:
    seen: list[tuple[str, str, str, str]] = []
    monkeypatch.setattr(exchange_actions, "message",
                        lambda parent, kind, title, text, details="":
                        seen.append((kind, title, text, details)))
    return seen


def test_conflict_dialog_choices(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ConflictDialog(CONFLICTS)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(1, 4).text() == "Samtal hemma hos familjehemmet"
    assert set(dialog.resolution().values()) == {OURS}
    dialog.take_all.click()
    assert set(dialog.resolution().values()) == {THEIRS}
    dialog.choices[0].setCurrentIndex(dialog.choices[0].findData(OURS))
    assert dialog.resolution() == {("2026-0001", "vardplan", "answer"): OURS,
                                   ("2026-0002", "enskilt_samtal", "comment"): THEIRS}
    shot = Path(os.environ.get("GRANSKA_SHOTS", str(tmp_path))) / "conflicts.png"
    dialog.grab().save(str(shot))
    assert shot.stat().st_size > 1000


def test_template_and_import_actions(qtbot: QtBot, db: Database, library: ChecklistLibrary,
                                     tmp_path: Path,
                                     told: list[tuple[str, str, str, str]]) -> None:
    rnd, cases = round_with_sample(db, library, 2)
    ReviewService(db, "GL").set_answer(rnd.id, cases[0], "vardplan", "ja")
    gl = services_for(db, library, "GL")
    path = run(qtbot, exchange_actions.export_template, None, gl, rnd.id, tmp_path / "g.xlsx")
    assert path is not None and told[-1][0] == "info" and "2 ärenden" in told[-1][2]
    csv = tmp_path / "svar.csv"
    csv.write_text("case;item;answer\n2026-0001;vardplan;Nej\n2026-0002;vardplan;ja\n",
                   encoding="utf-8")
    asked: list[list[Conflict]] = []

    def cancel(parent: object, conflicts: list[Conflict]) -> None:
        asked.append(conflicts)
        return None

    assert not run(qtbot, exchange_actions.import_answers, None, gl, rnd.id, csv, cancel)
    assert [str(c) for c in asked[0]] == ["2026-0001 / vardplan (svar): 'ja' → 'nej'"]
    assert ReviewService(db, "GL").review(rnd.id, cases[1]).answers == {}
    assert run(qtbot, exchange_actions.import_answers, None, gl, rnd.id, csv,
               lambda p, cs: {c.key: THEIRS for c in cs})
    assert ReviewService(db, "GL").review(rnd.id, cases[0]).answers["vardplan"].value == "nej"
    assert "2 svar" in told[-1][2]
    csv.write_text("case;item;answer\n2026-0009;vardplan;ja\n2026-0001;vardplan;kanske\n",
                   encoding="utf-8")
    assert not run(qtbot, exchange_actions.import_answers, None, gl, rnd.id, csv)
    assert told[-1][0] == "error" and "rad 3: 'kanske' är inget giltigt svar" in told[-1][3]
    assert "utanför stickprovet (kan hoppas över): 2026-0009" in told[-1][3]


def test_round_export_and_import_actions(qtbot: QtBot, db: Database, library: ChecklistLibrary,
                                         tmp_path: Path,
                                         told: list[tuple[str, str, str, str]]) -> None:
    rnd, cases = round_with_sample(db, library, 2)
    ReviewService(db, "GL").set_answer(rnd.id, cases[0], "vardplan", "ja")
    gl = services_for(db, library, "GL")
    assert run(qtbot, exchange_actions.export_round, None, gl, rnd.id, tmp_path / "r.granska",
                                         lambda p, n, new: None) is None
    assert not (tmp_path / "r.granska").exists() and told == []  # cancelled: nothing said
    path = run(qtbot, exchange_actions.export_round, None, gl, rnd.id, tmp_path / "r.granska",
                                         phrase)
    assert path is not None
    other = open_database(tmp_path / "b.sqlite3")
    bo = services_for(other, library, "Granskare B")
    try:
        assert run(qtbot, exchange_actions.import_round, None, bo, path,
                                             ask=lambda p, n, new: "fel lösenfras") is None
        assert told[-1][0] == "error" and "Fel lösenfras för r.granska" in told[-1][2]
        assert run(qtbot, exchange_actions.import_round, None, bo, path,
                                             ask=lambda p, n, new: None) is None
        round_id = run(qtbot, exchange_actions.import_round, None, bo, path, ask=phrase)
        assert round_id is not None and "lades till" in told[-1][2]
        b_case = ReviewService(other, "Granskare B").case_rows(round_id)[0].case_id
        ReviewService(other, "Granskare B").set_answer(round_id, b_case, "vardplan", "nej")
        assert run(qtbot, exchange_actions.import_round, None, bo, path,
                   lambda p, cs: {c.key: THEIRS for c in cs}, phrase) == round_id
        assert ReviewService(other, "Granskare B").review(round_id, b_case) \
            .answers["vardplan"].value == "ja"
        path.write_bytes(b"broken")
        assert run(qtbot, exchange_actions.import_round, None, bo, path, ask=phrase) is None
        assert told[-1][0] == "error" and "skadad" in told[-1][2]
    finally:
        other.close()


def test_menu_actions_on_the_main_window(qtbot: QtBot, db: Database, library: ChecklistLibrary,
                                         tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         told: list[tuple[str, str, str, str]]) -> None:
    from audit_app.settings import SettingsStore

    rnd, _ = round_with_sample(db, library, 2)
    window = window_for(db, library, SettingsStore(tmp_path / "s.json"))
    qtbot.addWidget(window)
    actions = window.exchange_actions
    texts = [a.text().replace("&", "") for a in window.file_menu.actions()]
    assert texts.count("Importera omgång…") == 1
    assert texts.index("Importera omgång…") < len(texts) - 1  # before Avsluta
    assert texts[-1].startswith("Avsluta")
    target = tmp_path / "via-meny.xlsx"
    monkeypatch.setattr(exchange_actions.QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(window, "current_round_id", lambda: None)
    actions[0].trigger()
    assert told[-1][1] == "Ingen omgång vald" and not target.exists()
    monkeypatch.setattr(window, "current_round_id", lambda: rnd.id)
    actions[0].trigger()
    qtbot.waitUntil(lambda: len(told) == 2, timeout=20_000)
    assert target.exists() and told[-1][0] == "info"
    shot = Path(os.environ.get("GRANSKA_SHOTS", str(tmp_path))) / "file_menu.png"
    window.file_menu.adjustSize()
    window.file_menu.grab().save(str(shot))
    assert shot.stat().st_size > 500


def test_exports_to_an_unwritable_place_say_so_and_return_nothing(
        qtbot: QtBot, db: Database, library: ChecklistLibrary, tmp_path: Path,
        told: list[tuple[str, str, str, str]]) -> None:
    rnd, _cases = round_with_sample(db, library, 2)
    blocked = tmp_path / "en fil"
    blocked.write_text("ingen mapp", encoding="utf-8")
    gl = services_for(db, library, "GL")
    assert run(qtbot, exchange_actions.export_template, None, gl, rnd.id,
               blocked / "g.xlsx") is None
    assert told[-1][0] == "error" and told[-1][1] == "Arbetsboken kunde inte sparas"
    assert run(qtbot, exchange_actions.export_round, None, gl, rnd.id,
               blocked / "r.granska", phrase) is None
    assert told[-1][0] == "error" and told[-1][1] == "Omgången kunde inte exporteras"
    assert len(told) == 2  # no "saved" message after a failure


def test_passphrase_dialog_hides_the_text_and_checks_a_new_phrase(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLineEdit

    dialog = ExchangePassphraseDialog("r.granska", new=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.phrase.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.repeat.echoMode() == QLineEdit.EchoMode.Password and dialog.repeat.isVisible()
    dialog.phrase.setText("kort")
    dialog.repeat.setText("kort")
    dialog._accept()
    assert dialog.result() == 0 and "minst 8 tecken" in dialog.error.text()
    dialog.phrase.setText("lång nog fras")
    dialog.repeat.setText("annan fras!!")
    dialog._accept()
    assert dialog.result() == 0 and "olika" in dialog.error.text()
    dialog.repeat.setText("lång nog fras")
    dialog._accept()
    assert dialog.result() == 1 and dialog.passphrase() == "lång nog fras"
    opening = ExchangePassphraseDialog("r.granska", new=False)
    qtbot.addWidget(opening)
    opening.show()
    assert not opening.repeat.isVisible()
    opening.phrase.setText("x")  # any length: a wrong one is refused by the file itself
    opening._accept()
    assert opening.result() == 1


def _file_with_unsampled(path: Path) -> Path:
    path.write_text("ärende;kontrollpunkt;svar;granskare;datum\n"
                    "2026-0001;vardplan;ja;Granskare AL;2026-03-12\n"
                    "2026-0077;vardplan;ja;Granskare AL;2026-03-12\n"
                    "2026-0078;vardplan;nej;Granskare AL;2026-03-12\n", encoding="utf-8")
    return path


def test_unsampled_dialog_needs_the_tick(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = UnsampledDialog(["2026-0077", "2026-0078"])
    qtbot.addWidget(dialog)
    dialog.show()
    assert [dialog.cases.item(k).text() for k in range(dialog.cases.count())] == [
        "2026-0077", "2026-0078"]
    assert not dialog.ok_button.isEnabled()
    dialog.accept()  # Enter without the tick does nothing
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    qtbot.mouseClick(dialog.skip_box, Qt.MouseButton.LeftButton)
    assert dialog.skip_box.isChecked() and dialog.ok_button.isEnabled()
    shot = Path(os.environ.get("GRANSKA_SHOTS", str(tmp_path))) / "unsampled.png"
    dialog.grab().save(str(shot))
    assert shot.stat().st_size > 1000
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted


def _answer_the_dialog(qtbot: QtBot, tick: bool, seen: list[list[str]]) -> None:
    """Once the import's modal dialog is up: read its list, tick (or not), press a button."""
    tries = [0]

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, UnsampledDialog):  # still reading the file in the background
            tries[0] += 1
            if tries[0] < 1000:
                QTimer.singleShot(20, act)
            return
        try:
            seen.append([dialog.cases.item(k).text() for k in range(dialog.cases.count())])
            if tick:
                qtbot.mouseClick(dialog.skip_box, Qt.MouseButton.LeftButton)
                qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        finally:
            if dialog.isVisible():  # never leaves the test waiting on a modal dialog
                dialog.reject()
    QTimer.singleShot(0, act)


def test_import_skips_unsampled_cases_when_ticked(
        qtbot: QtBot, db: Database, library: ChecklistLibrary, tmp_path: Path,
        told: list[tuple[str, str, str, str]]) -> None:
    rnd, cases = round_with_sample(db, library, 2)
    path = _file_with_unsampled(tmp_path / "svar.csv")
    seen: list[list[str]] = []
    _answer_the_dialog(qtbot, False, seen)  # cancelled: nothing imported, nothing said
    gl = services_for(db, library, "GL")
    assert not run(qtbot, exchange_actions.import_answers, None, gl, rnd.id, path)
    assert seen == [["2026-0077", "2026-0078"]] and told == []
    assert ReviewService(db, "GL").review(rnd.id, cases[0]).answers == {}
    _answer_the_dialog(qtbot, True, seen)
    assert run(qtbot, exchange_actions.import_answers, None, gl, rnd.id, path)
    assert len(seen) == 2
    assert told[-1][0] == "info"
    assert "Hoppade över ärenden utanför stickprovet: 2026-0077, 2026-0078." in told[-1][2]
    review = ReviewService(db, "GL").review(rnd.id, cases[0])
    assert review.answers["vardplan"].value == "ja"
    with db.session() as s:
        row = s.scalars(select(Review).where(Review.case_id == cases[0])).one()
        assert row.reviewer == "Granskare AL" and row.created_at == datetime(2026, 3, 12)
        answer = s.scalars(select(Answer).where(Answer.review_id == row.id)).one()
        assert answer.answered_by == "Granskare AL"
        actors = set(s.scalars(select(ChangeLog.actor).where(ChangeLog.case_ref == "2026-0001")))
        assert actors == {"GL"}
