"""The synthesis dialog: one question's texts across rounds, tagged and quoted by key."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.figures import FigureService
from audit_app.services.reviews import ReviewService
from audit_app.services.rounds import RoundService
from audit_app.storage.db import Database
from audit_app.storage.models import ChangeLog
from audit_app.ui.results_view import ResultsView
from audit_app.ui.synthesis_view import SynthesisDialog
from tests.factories import round_with_sample
from tests.reports.test_texts_summary import PARAGRAPH, answers
from tests.services.test_themes import themed_source
from tests.ui.helpers import services_for, show_active
from tests.ui.test_results_view import computed

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def themed(tmp_path: Path) -> ChecklistLibrary:
    folder = tmp_path / "lists"
    folder.mkdir()
    (folder / "tema.yaml").write_text(themed_source(), encoding="utf-8")
    return ChecklistLibrary([folder])


def two_rounds(db: Database, library: ChecklistLibrary) -> list[int]:
    """T1 with three reviewed cases (one paragraph with a line break), T2 with two."""
    ids = []
    for period, n, who in (("T1", 3, "Granskare GL"), ("T2", 2, "Granskare AG")):
        summary, case_ids = round_with_sample(db, library, n, name=f"Mentor {period} 2026",
                                              period=period, checklist="aktgranskning-familj")
        service = ReviewService(db, who)
        for k, case_id in enumerate(case_ids):
            for item_id, value in answers(k).items():
                service.set_answer(summary.id, case_id, item_id, value)
            if period == "T1" and k == 1:
                service.set_answer(summary.id, case_id, "styrkor", PARAGRAPH)
            service.complete(summary.id, case_id)
        ids.append(summary.id)
    return ids


def done(qtbot: QtBot, dialog: SynthesisDialog) -> None:
    qtbot.waitUntil(lambda: dialog.computing is not None and not dialog.computing.running)


def styrkor(db: Database, ids: list[int]) -> object:
    return FigureService(db).compute(ids).item("styrkor")


def test_the_mentor_reads_tags_and_quotes_from_the_keyboard(
        qtbot: QtBot, db: Database, themed: ChecklistLibrary) -> None:
    ids = two_rounds(db, themed)
    dialog = SynthesisDialog(services_for(db, themed, "Mentor M"), ids, "styrkor")
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    done(qtbot, dialog)
    assert dialog.question.text() == "Vad är väl beskrivet i akten?"
    rows = [dialog.model.row(r) for r in range(dialog.model.rowCount())]
    assert {(c.round_name, c.case_ref) for c in rows} == {
        ("Mentor T1 2026", "2026-0001"), ("Mentor T1 2026", "2026-0002"),
        ("Mentor T1 2026", "2026-0003"), ("Mentor T2 2026", "2026-0001"),
        ("Mentor T2 2026", "2026-0002")}
    shown = {str(dialog.model.index(r, 0).data()) for r in range(len(rows))}
    assert "2026-0001\nMentor T2 2026" in shown  # two rounds: the round beside the case
    assert dialog.theme_buttons is not None
    assert [b.text() for b in dialog.theme_buttons.buttons] == [
        "Barnets röst  (Ctrl+1)", "Tydlig tidslinje  (Ctrl+2)", "Samverkan med skolan  (Ctrl+3)"]
    paragraph = next(r for r, c in enumerate(rows) if c.text == PARAGRAPH)
    dialog.table.setFocus()
    dialog.table.selectRow(paragraph)
    reading = dialog.reader.toPlainText()
    assert reading.startswith("Ärende 2026-0002 · Mentor T1 2026 · Granskare GL · Svar")
    assert reading.endswith("\n\n" + PARAGRAPH)  # the whole text, its line break kept
    chosen = rows[paragraph].answer_id

    qtbot.keyClick(dialog.table, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    done(qtbot, dialog)
    assert dialog.current_text() is not None and dialog.current_text().answer_id == chosen
    assert dialog.theme_buttons.buttons[0].isChecked()
    assert "Barnets röst 1 av 5" in dialog.summary.text()
    qtbot.keyClick(dialog.table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    done(qtbot, dialog)
    assert dialog.quote.isChecked() and "valt citat" in dialog.reader.toPlainText()
    item = styrkor(db, ids)
    voice = next(t for t in item.themes if t.id == "barnets_rost")  # type: ignore[attr-defined]
    assert voice.quotes == (("2026-0002", PARAGRAPH),)
    assert "valt citat" in str(dialog.model.index(paragraph, 4).data())

    # the next text has no theme: it cannot be a quote, and says so
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    assert dialog.current_text() is not None and dialog.current_text().answer_id != chosen
    assert not dialog.quote.isEnabled()
    qtbot.keyClick(dialog.table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert "Märk texten med ett tema" in dialog.status.text() and dialog.status.isVisible()

    # a theme added here is stored with the round and gets the next key
    second = dialog.current_text()
    assert second is not None
    dialog.add_theme("Skolans  roll")
    done(qtbot, dialog)
    assert [b.text() for b in dialog.theme_buttons.buttons][-1] == "Skolans roll  (Ctrl+4)"
    assert dialog.current_text() is not None
    assert dialog.current_text().theme_ids == ("skolans_roll",)
    qtbot.keyClick(dialog.table, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    done(qtbot, dialog)
    assert dialog.current_text() is not None and dialog.current_text().theme_ids == ()
    assert dialog.changed
    with db.session() as s:
        logged = [(c.entity, c.case_ref, c.new) for c in s.scalars(
            select(ChangeLog).where(ChangeLog.entity.in_(("themes", "quote")))
            .order_by(ChangeLog.id))]
    assert logged[:2] == [("themes", "2026-0002", "barnets_rost"),
                          ("quote", "2026-0002", "barnets_rost")]
    assert logged[2][0] == "themes" and logged[2][2] == "skolans_roll"
    dialog.resize(1000, 700)
    dialog.grab().save("/tmp/synthesis.png")


def test_results_view_opens_the_synthesis_and_counts_again(
        qtbot: QtBot, db: Database, themed: ChecklistLibrary) -> None:
    ids = two_rounds(db, themed)
    services = services_for(db, themed, "Mentor M")
    view = ResultsView(services, RoundService(db, themed, "Mentor M").list(), selected=ids[0])
    qtbot.addWidget(view)
    view.resize(1100, 760)
    view.show()
    computed(qtbot, view)
    assert view.report is not None
    items = [i.item_id for i in view.report.items]
    view.items_table.selectRow(items.index("typ_av_underlag"))
    assert not view.synthesis_button.isEnabled()  # no texts to read
    row = items.index("styrkor")
    view.items_table.selectRow(row)
    assert view.synthesis_button.isEnabled()
    qtbot.mouseClick(view.synthesis_button, Qt.MouseButton.LeftButton)
    dialog = view.synthesis
    assert isinstance(dialog, SynthesisDialog) and dialog.round_ids == [ids[0]]
    done(qtbot, dialog)
    assert dialog.model.rowCount() == 3  # the chosen round only
    dialog.table.selectRow(0)
    dialog.theme_buttons.buttons[1].click()  # type: ignore[union-attr]
    done(qtbot, dialog)
    view.grab().save("/tmp/results_with_synthesis.png")
    dialog.accept()
    assert view.synthesis is None
    computed(qtbot, view)
    timeline = next(t for t in view.report.item("styrkor").themes if t.id == "tidslinje")
    assert (timeline.count, timeline.n) == (1, 3)
    assert view.items_table.currentIndex().row() == row
