"""The review form with every answer type, a 40-item checklist and the next-case timing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.reviews import ReviewStatus
from audit_app.services.reviews import ReviewService
from audit_app.settings import Settings, SettingsStore
from audit_app.storage.db import Database
from audit_app.ui.i18n import install_translations
from audit_app.ui.main_window import MainWindow
from audit_app.ui.review_form import FORM_STYLE, ChecklistPage
from tests.conftest import CHECKLISTS
from tests.factories import round_with_sample
from tests.ui.helpers import show_active, window_for

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

KINDS = (
    "ja_nej",
    "ja_nej_ej_aktuellt",
    "graderad",
    "{type: skala, options: [{value: '1', label: Inte alls}, {value: '2', label: Lite},"
    " {value: '3', label: Mycket}], compliant: ['3']}",
    "tal",
    "datum",
    "fritext",
)


def big_checklist(folder: Path, n: int = 40) -> ChecklistLibrary:
    lines = ["id: stor", "version: '1'", "title: Stor checklista", "sections:"]
    for s in range(4):
        lines += [f"  - id: avsnitt{s}", f"    title: Avsnitt {s + 1}", "    items:"]
        for k in range(n // 4):
            number = s * (n // 4) + k
            lines += [f"      - id: fraga{number}",
                      f"        question: Fråga nummer {number + 1}?",
                      f"        help: Hjälptext {number + 1}.",
                      f"        answer: {KINDS[number % len(KINDS)]}"]
    folder.mkdir()
    (folder / "stor.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ChecklistLibrary([folder])


@pytest.fixture
def window(qtbot: QtBot, db: Database, tmp_path: Path) -> MainWindow:
    library = big_checklist(tmp_path / "lists")
    store = SettingsStore(tmp_path / "settings.json")
    store.save(Settings(reviewer_name="Granskare GL", reviewer_initials="GL"))
    w = window_for(db, library, store)
    qtbot.addWidget(w)
    show_active(qtbot, w)
    return w


def test_every_answer_type_is_answered_from_the_keyboard(
        qtbot: QtBot, window: MainWindow, db: Database) -> None:
    summary, case_ids = round_with_sample(db, window.services.library, n=2, checklist="stor")
    window.refresh()
    window.open_round(summary.id)
    window.open_case(case_ids[0])
    form = window.review_form
    assert form.page is not None and len(form.page.order) == 40
    assert form.page.items["fraga3"].buttons[2].text() == "Mycket  (3)"
    typed = {"tal": "12", "datum": "2026-03-15", "fritext": "Planen saknar datum"}
    for _ in range(7):
        widget = QApplication.focusWidget()
        item = form.current_item()
        assert item is not None and widget is not None
        kind = item.item.answer.type.value
        if item.buttons:
            qtbot.keyClick(widget, item.keys[0])
        elif kind == "datum":
            assert item.date is not None
            item.date.setDate(item.date.date().fromString(typed[kind], "yyyy-MM-dd"))
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        else:  # a number ends with Enter; a written answer with Tab (Enter is a new line)
            qtbot.keyClicks(widget, typed[kind])
            qtbot.keyClick(widget, Qt.Key.Key_Return if kind == "tal" else Qt.Key.Key_Tab)
    values = ReviewService(db, "x").review(summary.id, case_ids[0]).values()
    assert values == {"fraga0": "ja", "fraga1": "ja", "fraga2": "helt", "fraga3": "1",
                      "fraga4": "12", "fraga5": "2026-03-15", "fraga6": "Planen saknar datum"}
    assert form.progress.text() == "7 av 40"


def test_next_case_is_fast_with_forty_items(qtbot: QtBot, window: MainWindow,
                                            db: Database) -> None:
    summary, case_ids = round_with_sample(db, window.services.library, n=6, checklist="stor")
    service = ReviewService(db, "GL")
    for case_id in case_ids:
        for k in range(0, 40, 3):
            value = {"ja_nej": "ja", "tal": "3", "datum": "2026-01-02"}.get(
                KINDS[k % len(KINDS)].split(",")[0], None)
            if value:
                service.set_answer(summary.id, case_id, f"fraga{k}", value)
    window.refresh()
    window.open_round(summary.id)
    window.open_case(case_ids[0])
    for _ in range(5):
        window.step_case(1)
        QApplication.processEvents()
    assert window.review_form.case_id == case_ids[5]
    assert window.review_form.page is not None
    assert window.review_form.page.items["fraga0"].value == "ja"


def test_a_personnummer_in_a_free_text_answer_is_refused_and_kept_for_correction(
        qtbot: QtBot, window: MainWindow, db: Database) -> None:
    summary, case_ids = round_with_sample(db, window.services.library, n=1, checklist="stor")
    window.refresh()
    window.open_round(summary.id)
    window.open_case(case_ids[0])
    assert window.review_form.page is not None
    item = window.review_form.page.items["fraga6"]
    assert item.line is not None
    item.line.setFocus()
    qtbot.keyClicks(item.line, "Samtal med 121212-1212")  # invented test number
    qtbot.keyClick(item.line, Qt.Key.Key_Tab)
    assert item.error.isVisibleTo(window) and item.line.text() == "Samtal med 121212-1212"
    assert "b00020" in item.line.styleSheet()
    assert ReviewService(db, "x").review(summary.id, case_ids[0]).values().get("fraga6") is None
    item.line.setFocus()
    item.line.selectAll()
    qtbot.keyClicks(item.line, "Samtal med barnet")
    qtbot.keyClick(item.line, Qt.Key.Key_Tab)
    assert ReviewService(db, "x").review(summary.id, case_ids[0]).values()["fraga6"] == \
        "Samtal med barnet"
    assert not item.error.isVisibleTo(window)


def test_a_written_answer_keeps_its_paragraphs_and_leaves_the_next_item_alone(
        qtbot: QtBot, window: MainWindow, db: Database) -> None:
    summary, case_ids = round_with_sample(db, window.services.library, n=2, checklist="stor")
    window.refresh()
    window.open_round(summary.id)
    window.open_case(case_ids[0])
    show_active(qtbot, window)  # the window lets go of activation while the case opens
    form = window.review_form
    assert form.page is not None
    item, after = form.page.items["fraga6"], form.page.items["fraga7"]
    assert item.line is not None
    item.line.setFocus()
    qtbot.keyClicks(item.line, "Barnet har inte setts enskilt.")
    qtbot.keyClick(item.line, Qt.Key.Key_Return)  # a new line, not the next question
    qtbot.keyClicks(item.line, "Planen saknar datum, se mål 2.")
    assert QApplication.focusWidget() is item.line
    expected = "Barnet har inte setts enskilt.\nPlanen saknar datum, se mål 2."
    assert item.line.text() == expected
    qtbot.waitUntil(lambda: ReviewService(db, "x").review(
        summary.id, case_ids[0]).values().get("fraga6") == expected)  # saved after a pause
    qtbot.keyClick(item.line, Qt.Key.Key_Tab)  # Tab leaves the field
    assert QApplication.focusWidget() is not item.line and form.current_item() is after
    values = ReviewService(db, "x").review(summary.id, case_ids[0]).values()
    assert values["fraga6"] == expected and values.get("fraga7") is None
    assert after.value is None
    # Ctrl+Enter from the written answer still completes and goes on to the next case
    item.line.setFocus()
    qtbot.keyClicks(item.line, " Mer.")
    qtbot.keyClick(item.line, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert form.case_id == case_ids[1] and item.line.text() == ""
    record = ReviewService(db, "x").review(summary.id, case_ids[0])
    assert record.status is ReviewStatus.COMPLETE
    assert record.values()["fraga6"] == expected + " Mer."


# The chosen answer's style in review_form: bold, "padding: 4px 10px" and a 1 px border
CHOSEN_SIDES = 2 * 10 + 2 * 1


@pytest.mark.parametrize("language", ["sv", "en"])
def test_answer_buttons_fit_their_label_chosen_or_not(
        qtbot: QtBot, qapp: QApplication, library: ChecklistLibrary, language: str) -> None:
    checked = 0
    try:
        install_translations(language, qapp)
        host = QWidget()
        qtbot.addWidget(host)
        host.setStyleSheet(FORM_STYLE)
        layout = QVBoxLayout(host)
        for found in library.scan()[0].values():
            layout.addWidget(ChecklistPage(found.checklist))
        host.resize(1366, 700)
        host.show()
        QApplication.processEvents()
        buttons = host.findChildren(QPushButton)
        assert any(b.text() == ("Not applicable  (A)" if language == "en"
                                else "Ej aktuellt  (E)") for b in buttons)
        for state in (True, False):
            for button in buttons:
                button.setChecked(state)
            QApplication.processEvents()
            for button in buttons:
                bold = QFont(button.font())
                bold.setBold(True)
                need = QFontMetrics(bold).horizontalAdvance(button.text()) + CHOSEN_SIDES
                assert button.width() >= need, f"{button.text()!r} clipped ({state})"
                assert button.minimumSizeHint().width() >= need
                checked += 1
    finally:
        install_translations("sv", qapp)
    assert checked > 100


def long_question_library(folder: Path) -> ChecklistLibrary:
    """The bundled checklists and one whose question is far wider than the screen."""
    question = "Framgår det av akten " + "och av de underlag som nämnden har fått " * 8 + "?"
    folder.mkdir()
    (folder / "lang.yaml").write_text(
        "id: lang\nversion: '1'\ntitle: Lång fråga\nsections:\n  - id: a\n    title: A\n"
        f"    items:\n      - id: lang_fraga\n        question: {question}\n"
        "        answer: ja_nej_ej_aktuellt\n", encoding="utf-8")
    return ChecklistLibrary([CHECKLISTS, folder])


def test_the_form_fits_a_1366_by_768_screen_without_scrolling_sideways(
        qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    library = long_question_library(tmp_path / "lists")
    store = SettingsStore(tmp_path / "settings.json")
    store.save(Settings(reviewer_name="Granskare GL", reviewer_initials="GL"))
    window = window_for(db, library, store)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    show_active(qtbot, window)
    checklists = sorted(library.scan()[0].values(), key=lambda f: -len(f.checklist.items))
    assert checklists[0].checklist.id == "aktgranskning-familj"  # the longest bundled one
    for n, found in enumerate(c.checklist.id for c in checklists):
        summary, case_ids = round_with_sample(db, library, n=1, checklist=found,
                                              name=f"Omgång {n}")
        window.refresh()
        window.open_round(summary.id)
        window.open_case(case_ids[0])
        QApplication.processEvents()
        form = window.review_form
        assert form.page is not None
        for width in (1024, 1366):  # long answer rows wrap on a narrower window
            window.resize(width, 768)
            QApplication.processEvents()
            assert window.width() == width
            assert form.scroll_area.horizontalScrollBar().maximum() == 0, (found, width)
            viewport = form.scroll_area.viewport().width()
            for item in form.page.order:
                assert item.geometry().right() < viewport, (found, item.item.id)
                boxes = [b.geometry() for b in item.buttons]
                assert all(b.parent() is item for b in item.buttons)
                assert all(item.rect().contains(b) for b in boxes), (found, item.item.id)
                assert not any(a.intersects(b) for n, a in enumerate(boxes)
                               for b in boxes[n + 1:]), (found, item.item.id, width)
        if found == "lang":
            question = form.page.items["lang_fraga"].question
            metrics = question.fontMetrics()
            assert metrics.horizontalAdvance(question.text()) > 1.5 * question.width()
            assert question.height() >= 2 * metrics.height()  # wrapped, not cut off
