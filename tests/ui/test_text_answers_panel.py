"""The results view shows written answers in full, per item, and graded answers as a bar."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.rounds import RoundService
from audit_app.storage.db import Database
from audit_app.ui.results_view import ResultsView
from audit_app.ui.text_answers_panel import TextTableModel
from tests.reports.test_texts_summary import PARAGRAPH, SAME, seed_mentor
from tests.ui.helpers import services_for

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def view(qtbot: QtBot, db: Database, library: ChecklistLibrary) -> ResultsView:
    rid = seed_mentor(db, library)
    w = ResultsView(services_for(db, library, "Mentor M"),
                    RoundService(db, library, "Mentor M").list(), selected=rid)
    qtbot.addWidget(w)
    w.show()
    computed(qtbot, w)
    return w


def computed(qtbot: QtBot, view: ResultsView) -> None:
    qtbot.waitUntil(lambda: view.computing is not None and not view.computing.running)


def row_of(view: ResultsView, item_id: str) -> int:
    assert view.report is not None
    return [i.item_id for i in view.report.items].index(item_id)


def texts(model: TextTableModel) -> list[tuple[str, ...]]:
    return [tuple(str(model.index(r, c).data()) for c in range(model.columnCount()))
            for r in range(model.rowCount())]


def test_written_answers_are_listed_in_full_with_case_and_reviewer(
        qtbot: QtBot, view: ResultsView) -> None:
    row = row_of(view, "styrkor")
    assert view.items_model.index(row, 1).data() == "9 skrivna svar"  # not the texts cut
    view.items_table.selectRow(row)
    panel = view.comments
    rows = texts(panel.model)
    assert len(rows) == 9 and rows[0] == ("2026-0009", "Mentor M (MM)", "Svar", PARAGRAPH, "")
    assert panel.table.isVisibleTo(view) and not panel.bar.isVisibleTo(view)
    assert panel.summary.text() == "9 skrivna svar och 0 kommentarer."
    # the whole paragraph's row is tall enough for both its lines
    line = panel.table.fontMetrics().lineSpacing()
    assert panel.table.rowHeight(0) >= 2 * line
    # comments: each shown with its answer; a repeated text says how often it occurs
    view.items_table.selectRow(row_of(view, "gemensamma_moten"))
    rows = texts(panel.model)
    assert len(rows) == 15
    same = [r for r in rows if r[3].startswith(SAME)]
    assert same and all(r[2] == "Kommentar (Nej)" for r in same)
    assert all(r[3].endswith("(samma text i 7 ärenden)") for r in same)


def test_drill_down_works_for_a_written_item(qtbot: QtBot, view: ResultsView) -> None:
    view.items_table.doubleClicked.emit(view.items_model.index(row_of(view, "styrkor"), 1))
    qtbot.waitUntil(lambda: view.cases_dialog is not None)
    dialog = view.cases_dialog
    assert dialog is not None and dialog.proxy.rowCount() == 9
    answers = {str(dialog.proxy.index(r, 3).data()) for r in range(9)}
    assert PARAGRAPH in answers
    dialog.reject()


def test_graded_item_shows_its_distribution_as_a_stacked_bar(
        qtbot: QtBot, view: ResultsView) -> None:
    view.resize(1100, 760)
    view.items_table.selectRow(row_of(view, "barnet_uttryckt_asikter"))
    bar = view.comments.bar
    assert bar.isVisibleTo(view)
    assert bar.text() == "Helt 8 (53,3 %), Delvis 4 (26,7 %), Nej 3 (20,0 %)"  # as the tables
    assert bar.accessibleDescription() == bar.text()
    image = bar.grab().toImage()
    y = image.height() // 2
    left, right = image.pixelColor(2, y), image.pixelColor(image.width() - 3, y)
    assert left == QColor("#2e7d32") and right == QColor("#c62828")
    middle = image.pixelColor(round(image.width() * (8 + 2) / 15), y)
    assert middle == QColor("#f9a825")  # "delvis" between them
    # a yes/no item has no distribution bar
    view.items_table.selectRow(row_of(view, "gemensamma_samrad"))
    assert not bar.isVisibleTo(view)
    assert view.comments.summary.text() == "Inga skrivna svar eller kommentarer."


def test_the_synthesis_tags_completed_texts_with_new_and_existing_themes(
        qtbot: QtBot, view: ResultsView, db: Database) -> None:
    view.items_table.selectRow(row_of(view, "styrkor"))
    panel = view.comments
    assert panel.tag_row.isVisibleTo(view) and panel.tag_buttons == []  # no themes declared
    panel.table.selectRow(0)  # 2026-0009, the paragraph
    panel.add_theme("Barnets röst")
    computed(qtbot, view)  # the new counts come from a worker thread
    assert view.report is not None
    voice = view.report.item("styrkor").themes
    assert [(t.id, t.label, t.count, t.n) for t in voice] == [
        ("barnets_rost", "Barnets röst", 1, 9)]
    assert view.items_table.currentIndex().row() == row_of(view, "styrkor")
    assert panel.current_text() is not None and panel.current_text().case_ref == "2026-0009"
    assert [b.isChecked() for b in panel.tag_buttons] == [True]
    assert texts(panel.model)[0][4] == "Barnets röst"
    # the next text gets the theme by its button; clicking it again takes it off
    panel.table.selectRow(1)
    assert [b.isChecked() for b in panel.tag_buttons] == [False]
    qtbot.mouseClick(panel.tag_buttons[0], Qt.MouseButton.LeftButton)
    computed(qtbot, view)
    assert view.report.item("styrkor").themes[0].count == 2
    assert view.report.item("styrkor").themes[0].quotes[0] == ("2026-0009", PARAGRAPH)
    qtbot.mouseClick(panel.tag_buttons[0], Qt.MouseButton.LeftButton)
    computed(qtbot, view)
    assert view.report.item("styrkor").themes[0].count == 1


def test_a_locked_round_cannot_be_tagged(db: Database, library: ChecklistLibrary) -> None:
    from datetime import datetime

    from audit_app.domain.errors import UserError
    from audit_app.services.figures import FigureService
    from audit_app.services.themes import ThemeService
    from audit_app.storage.models import AuditRound

    rid = seed_mentor(db, library)
    text = FigureService(db).compute([rid]).item("styrkor").written[0]
    assert ThemeService(db, "MM").tag_text(text.answer_id, ["ny"], {"ny": "Ny"}) == ("ny",)
    with pytest.raises(UserError, match="finns inte"):
        ThemeService(db, "MM").tag_text(text.answer_id, ["okand"])
    with db.session() as s:
        row = s.get(AuditRound, rid)
        assert row is not None
        row.locked_at = datetime.now()
    with pytest.raises(UserError, match="låst"):
        ThemeService(db, "MM").tag_text(text.answer_id, [])
