"""The whole workspace end to end: new round, case list import, sample, keyboard review."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.reviews import ReviewStatus
from audit_app.services.reviews import ReviewService
from audit_app.services.rounds import RoundService
from audit_app.settings import Settings, SettingsStore
from audit_app.storage.db import Database
from audit_app.storage.models import Answer, ChangeLog, Review
from audit_app.ui.main_window import MainWindow
from audit_app.ui.new_round_dialog import NewRoundDialog
from tests.ui.conftest import answer_key, ui_text
from tests.ui.helpers import answer_reason, show_active, window_for

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
ACTOR = "Granskare GL (GL)"


def case_file(folder: Path, n: int = 12) -> Path:
    lines = ["ärendenummer;enhet;kön;avslutsdatum"]
    for k in range(1, n + 1):
        gender = "flicka" if k % 2 else "pojke"
        lines.append(f"2026-{k:04d};Familjehem;{gender};2026-0{1 + k % 4}-1{k % 9}")
    path = folder / "arendelista.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def key(qtbot: QtBot, text: str | Qt.Key,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    qtbot.keyClick(widget, text, modifier)


def test_round_to_completed_reviews_with_the_keyboard(
        qtbot: QtBot, db: Database, library: ChecklistLibrary, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, ui_lang: str) -> None:
    """Run in Swedish and in English: the answer keys are the language's (J/Y, N, E/A)."""
    store = SettingsStore(tmp_path / "settings.json")
    store.save(Settings(reviewer_name="Granskare GL", reviewer_initials="GL"))
    window = window_for(db, library, store)
    qtbot.addWidget(window)
    show_active(qtbot, window)

    # 1. a new round through the dialog, keyboard only
    window.rounds_view.table.setFocus()
    key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.dialog
    assert isinstance(dialog, NewRoundDialog)
    dialog.checklist.setCurrentIndex(dialog.checklist.findData("placerade-barn"))
    dialog.period.setCurrentIndex(0)
    dialog.year.setValue(2026)
    qtbot.keyClicks(dialog.name, "Placerade T1 2026")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    round_id = RoundService(db, library, ACTOR).get("Placerade T1 2026").id
    assert window.stack.currentWidget() is window.round_view

    # 2. the case list through the import dialog
    window.round_view.import_button.click()
    importer = window.dialog
    assert importer is not None and type(importer).__name__ == "CaseListImportDialog"
    importer.load_file(case_file(tmp_path))  # type: ignore[attr-defined]
    qtbot.waitUntil(importer.import_button.isEnabled, timeout=10_000)  # type: ignore[attr-defined]
    importer.import_button.click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: importer.import_result is not None,  # type: ignore[attr-defined]
                    timeout=10_000)
    importer.close_button.click()  # type: ignore[attr-defined]
    assert window.dialog is None
    assert RoundService(db, library, ACTOR).get(round_id).frame_size == 12
    assert window.round_view.sample_button.isEnabled()

    # 3. the sample through the sampling dialog
    draw_sample(qtbot, window, db, round_id)
    cases = ReviewService(db, ACTOR).case_rows(round_id)
    assert len(cases) == 6
    assert window.round_view.model.rowCount() == len(cases)

    # 4. the first case answered with the keyboard only; the non-applicable item is skipped
    show_active(qtbot, window)  # active again once the dialogs are closed
    window.round_view.table.setFocus()
    window.round_view.select_case(cases[0].case_id)
    key(qtbot, Qt.Key.Key_Return)
    form = window.review_form
    assert window.stack.currentWidget() is form and form.case_id == cases[0].case_id
    for letter in "JJNNJ":  # enskilt_samtal, var tredje månad, viewpoint, plan, vårdplan
        key(qtbot, answer_key(letter, ui_lang))
    assert form.progress.text() == ui_text("ReviewForm", "{0} av {1}").format(5, 5)
    comment = form.page.items["vardplan"].comment if form.page else None
    assert comment is not None
    comment.setFocus()
    qtbot.keyClicks(comment, "Planen saknar underskrift")
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # complete, next case
    assert form.case_id == cases[1].case_id

    # 5. the second case: a plan exists, so its follow-up item applies and is asked
    for letter in "JEJJNJ":
        key(qtbot, answer_key(letter, ui_lang))
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert form.case_id == cases[2].case_id

    # 6. back to the first case with PgUp, reopen with a reason, change an answer
    key(qtbot, Qt.Key.Key_PageUp)
    key(qtbot, Qt.Key.Key_PageUp)
    assert form.case_id == cases[0].case_id and form.done_banner.isVisibleTo(window)
    answer_reason(qtbot, "Viewpoint fanns i akten")
    window.reopen_action.trigger()
    show_active(qtbot, window)  # offscreen, the window is not re-activated when the dialog goes
    assert form.page is not None and form.page.isEnabled()
    form.page.items["viewpoint"].setFocus()
    key(qtbot, answer_key("J", ui_lang))
    key(qtbot, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.stack.currentWidget() is window.round_view

    # 7. what the database holds
    service = ReviewService(db, ACTOR)
    first = service.review(round_id, cases[0].case_id)
    second = service.review(round_id, cases[1].case_id)
    assert first.status is ReviewStatus.DRAFT and second.status is ReviewStatus.COMPLETE
    assert first.values() == {"enskilt_samtal": "ja", "samtal_var_tredje_manad": "ja",
                              "viewpoint": "ja", "genomforandeplan": "nej", "vardplan": "ja"}
    assert first.answers["vardplan"].comment == "Planen saknar underskrift"
    assert second.values() == {"enskilt_samtal": "ja", "samtal_var_tredje_manad": "ej_aktuellt",
                               "viewpoint": "ja", "genomforandeplan": "ja",
                               "genomforandeplan_anvands": "nej", "vardplan": "ja"}
    assert service.review(round_id, cases[2].case_id).status is ReviewStatus.NOT_STARTED
    with db.session() as s:
        assert {r.reviewer for r in s.scalars(select(Review))} == {ACTOR}
        assert {a.answered_by for a in s.scalars(select(Answer))} == {ACTOR}
        log = s.scalars(select(ChangeLog).where(ChangeLog.round_id == round_id)
                        .order_by(ChangeLog.id)).all()
        actions = [(r.action, r.entity) for r in log]
        assert actions.count(("complete", "review")) == 2
        reopen = [r for r in log if r.action == "reopen"]
        assert len(reopen) == 1 and reopen[0].reason == "Viewpoint fanns i akten"
        assert reopen[0].case_ref == cases[0].case_ref
        changed = [r for r in log if r.action == "update" and r.field == "viewpoint"]
        assert changed[-1].old == "nej" and changed[-1].new == "ja"
        assert {r.actor for r in log} == {ACTOR}


def draw_sample(qtbot: QtBot, window: MainWindow, db: Database, round_id: int) -> None:
    """Six cases drawn through the sampling dialog with a fixed size and a known seed."""
    show_active(qtbot, window)
    window.round_view.sample_button.click()
    dialog = window.dialog
    assert dialog is not None and type(dialog).__name__ == "SamplingDialog"
    dialog.by_fixed.setChecked(True)  # type: ignore[attr-defined]
    dialog.fixed.setValue(6)  # type: ignore[attr-defined]
    dialog.seed.setText("granska-e2e")  # type: ignore[attr-defined]
    dialog.draw_button.click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not dialog.op.running)  # type: ignore[attr-defined]
    assert dialog.protocol_result is not None  # type: ignore[attr-defined]
    dialog.reject()
    assert window.dialog is None
