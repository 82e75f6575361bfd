"""The review workspace driven with the keyboard: answers, autosave, guard, complete, reopen."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.personnummer import GUARD_MESSAGE, contains_personnummer
from audit_app.domain.reviews import ReviewStatus
from audit_app.services.reviews import ReviewService
from audit_app.services.sampling import SamplingService
from audit_app.settings import Settings, SettingsStore
from audit_app.storage.db import Database
from audit_app.storage.models import AuditRound, ChangeLog, SampleEntry
from audit_app.ui.exclude_case import ExcludeCaseDialog
from audit_app.ui.item_widget import ItemWidget
from audit_app.ui.main_window import MainWindow
from audit_app.ui.sampling_dialog import SamplingDialog
from tests.factories import round_with_sample
from tests.services.test_sampling import make_round
from tests.ui.conftest import answer_key, ui_text
from tests.ui.helpers import answer_reason, show_active, window_for

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def personnummer_like(stem: str) -> str:
    """Invented YYMMDDNNN digits and their Luhn check digit: what the guard must refuse."""
    total = 0
    for n, ch in enumerate(stem):
        value = int(ch) * (2 if n % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return f"{stem[:6]}-{stem[6:]}{(10 - total % 10) % 10}"


# An invented number with a valid check digit, built here for the guard tests only.
PNR = personnummer_like("640823323")
ANSWERS = {"enskilt_samtal": "J", "samtal_var_tredje_manad": "E", "viewpoint": "N",
           "genomforandeplan": "N", "vardplan": "J"}


@pytest.fixture
def window(qtbot: QtBot, db: Database, library: ChecklistLibrary, tmp_path: Path) -> MainWindow:
    return language_window(qtbot, db, library, tmp_path)


def language_window(qtbot: QtBot, db: Database, library: ChecklistLibrary,
                    tmp_path: Path) -> MainWindow:
    """The main window, built after the test's language is installed."""
    store = SettingsStore(tmp_path / "settings.json")
    store.save(Settings(reviewer_name="Granskare GL", reviewer_initials="GL"))
    w = window_for(db, library, store)
    qtbot.addWidget(w)
    show_active(qtbot, w)
    return w


def focused_item() -> ItemWidget | None:
    widget = QApplication.focusWidget()
    while widget is not None and not isinstance(widget, ItemWidget):
        widget = widget.parentWidget()
    return widget


def test_keyboard_review_skips_non_applicable_and_completes(
        qtbot: QtBot, db: Database, library: ChecklistLibrary, tmp_path: Path,
        ui_lang: str) -> None:
    """In Swedish and in English: the language's keys answer (J/Y yes, N no, E/A n/a)."""
    window = language_window(qtbot, db, library, tmp_path)
    summary, case_ids = round_with_sample(db, library, n=3)
    window.refresh()
    window.open_round(summary.id)
    window.open_case(case_ids[0])
    form = window.review_form
    progress = ui_text("ReviewForm", "{0} av {1}")
    assert form.progress.text() == progress.format(0, 5)
    answers = {"enskilt_samtal": "J", "samtal_var_tredje_manad": "E", "viewpoint": "N",
               "genomforandeplan": "N", "vardplan": "J"}
    for item_id, key in answers.items():
        item = focused_item()
        assert item is not None and item.item.id == item_id
        assert f"({answer_key(key, ui_lang)})" in " ".join(b.text() for b in item.buttons)
        qtbot.keyClick(QApplication.focusWidget(), answer_key(key, ui_lang))
    # "genomforandeplan_anvands" applies only when a plan exists: skipped and greyed
    skipped = form.page.items["genomforandeplan_anvands"] if form.page else None
    assert skipped is not None and not skipped.isEnabled() and skipped.na_label.isVisibleTo(form)
    assert form.progress.text() == progress.format(5, 5)
    assert form.saved_label.text().startswith(ui_text("ReviewForm", "Sparat {0}")[:5])
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ControlModifier)
    assert form.case_id == case_ids[1]
    record = ReviewService(db, "x").review(summary.id, case_ids[0])
    assert record.status is ReviewStatus.COMPLETE
    assert record.values() == {"enskilt_samtal": "ja", "samtal_var_tredje_manad": "ej_aktuellt",
                               "viewpoint": "nej", "genomforandeplan": "nej", "vardplan": "ja"}
    assert record.reviewer == "Granskare GL (GL)"
    # the round's table shows the completed case without reloading the round
    row = window.round_view.model.row(window.round_view.model.row_of(case_ids[0]) or 0)
    assert row.case_id == case_ids[0] and row.status is ReviewStatus.COMPLETE
    assert row.answered == 5 and row.reviewer == "Granskare GL (GL)"
    reviewed = "reviewed 1 of" if ui_lang == "en" else "granskade 1 av"
    assert f"{reviewed} {len(case_ids)}" in window.round_view.summary.text()


def test_missing_required_answers_block_completion(
        qtbot: QtBot, window: MainWindow, db: Database, library: ChecklistLibrary) -> None:
    summary, case_ids = round_with_sample(db, library, n=2)
    window.refresh()
    window.open_round(summary.id)
    window.open_case(case_ids[0])
    qtbot.keyClick(QApplication.focusWidget(), "J")
    window.complete_and_next()
    form = window.review_form
    assert form.case_id == case_ids[0]
    assert "Obligatoriska" in form.message.text() and form.message.isVisible()
    item = focused_item()
    assert item is not None and item.item.id == "samtal_var_tredje_manad"


def test_personnummer_in_a_comment_is_not_stored(
        qtbot: QtBot, window: MainWindow, db: Database, library: ChecklistLibrary) -> None:
    summary, case_ids = round_with_sample(db, library, n=1)
    window.refresh()
    window.open_round(summary.id)
    window.open_case(case_ids[0])
    item = window.review_form.page.items["viewpoint"] if window.review_form.page else None
    assert item is not None and item.comment is not None
    item.comment.setFocus()
    qtbot.keyClicks(item.comment, f"Barnet {PNR} tillfrågat")
    qtbot.keyClick(item.comment, Qt.Key.Key_Tab)
    assert item.error.isVisibleTo(window) and "personnummer" in item.error.text()
    assert "b00020" in item.comment.styleSheet()
    record = ReviewService(db, "x").review(summary.id, case_ids[0])
    assert "viewpoint" not in record.answers or record.answers["viewpoint"].comment == ""
    # fixed text is stored after the debounce, without leaving the field
    item.comment.setFocus()
    item.comment.selectAll()
    qtbot.keyClicks(item.comment, "Viewpoint saknas i akten")
    qtbot.waitUntil(lambda: ReviewService(db, "x").review(summary.id, case_ids[0])
                    .answers.get("viewpoint") is not None, timeout=3000)
    stored = ReviewService(db, "x").review(summary.id, case_ids[0]).answers["viewpoint"]
    assert stored.comment == "Viewpoint saknas i akten"
    assert not item.error.isVisibleTo(window) and item.comment.styleSheet() == ""


def test_reopen_asks_for_a_reason_which_is_logged(
        qtbot: QtBot, window: MainWindow, db: Database, library: ChecklistLibrary,
        monkeypatch: pytest.MonkeyPatch) -> None:
    summary, case_ids = round_with_sample(db, library, n=2)
    service = ReviewService(db, "Granskare GL (GL)")
    for item_id, value in (("enskilt_samtal", "ja"), ("samtal_var_tredje_manad", "ja"),
                           ("genomforandeplan", "nej"), ("vardplan", "ja")):
        service.set_answer(summary.id, case_ids[0], item_id, value)
    service.complete(summary.id, case_ids[0])
    window.refresh()
    window.open_round(summary.id)
    window.open_case(case_ids[0])
    form = window.review_form
    assert form.done_banner.isVisibleTo(window) and form.read_only
    seen: list[str] = []
    answer_reason(qtbot, "Fel svar på vårdplan", seen)  # OK with no reason first: refused
    window.reopen_action.trigger()
    assert seen and seen[0].startswith("Skriv ett skäl")
    assert not form.read_only and not form.done_banner.isVisibleTo(window)
    with db.session() as s:
        row = s.scalars(select(ChangeLog).where(ChangeLog.action == "reopen")).one()
        assert row.reason == "Fel svar på vårdplan" and row.actor == "Granskare GL (GL)"


def test_page_keys_move_between_cases_and_widgets_are_reused(
        qtbot: QtBot, window: MainWindow, db: Database, library: ChecklistLibrary) -> None:
    summary, case_ids = round_with_sample(db, library, n=3)
    window.refresh()
    window.open_round(summary.id)
    window.open_case(case_ids[0])
    page = window.review_form.page
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown)
    assert window.review_form.case_id == case_ids[1]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageUp)
    assert window.review_form.case_id == case_ids[0]
    assert window.review_form.page is page
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.stack.currentWidget() is window.round_view
    assert window.round_view.current_case_id() == case_ids[0]


def test_a_locked_round_is_shown_read_only(
        qtbot: QtBot, window: MainWindow, db: Database, library: ChecklistLibrary) -> None:
    summary, case_ids = round_with_sample(db, library, n=1)
    with db.session() as s:
        row = s.get(AuditRound, summary.id)
        assert row is not None
        row.locked_at = datetime.now()
    window.refresh()
    window.open_round(summary.id)
    window.open_case(case_ids[0])
    form = window.review_form
    assert form.page is not None and form.read_only
    assert all(w.read_only for w in form.page.order)
    assert "låst" in form.banner_text.text() and not form.reopen_button.isVisibleTo(window)


def open_first_case(window: MainWindow, db: Database, library: ChecklistLibrary,
                    n: int = 2) -> tuple[int, list[int]]:
    summary, case_ids = round_with_sample(db, library, n=n)
    window.refresh()
    window.open_round(summary.id)
    window.open_case(case_ids[0])
    return summary.id, case_ids


def test_tab_goes_from_answer_to_comment_to_next_answer_and_f1_shows_help(
        qtbot: QtBot, window: MainWindow, db: Database, library: ChecklistLibrary) -> None:
    open_first_case(window, db, library)
    page = window.review_form.page
    assert page is not None
    expected: list[QWidget] = []
    for w in page.order:
        if w.applies:
            expected.append(w.line or w.date or w)
            expected += [w.comment] if w.comment is not None else []
    seen = [QApplication.focusWidget()]
    for _ in expected[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == expected
    # the answer buttons are left out of the chain; the item tells a screen reader the answer
    first = page.items["enskilt_samtal"]
    assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in first.buttons)
    assert first.accessibleDescription().startswith("Inget svar")
    qtbot.mouseClick(first.buttons[0], Qt.MouseButton.LeftButton)
    assert first.accessibleDescription().startswith("Svar: Ja")
    assert first.item.help in first.accessibleDescription()
    assert all(w.help_button.focusPolicy() == Qt.FocusPolicy.NoFocus for w in page.order)
    assert any(w.help_button.isVisibleTo(window) for w in page.order)
    # F1 opens the help of the item that has focus (here from its comment), and closes it
    helped = next(w for w in page.order if w.help_button.isVisibleTo(window) and w.comment)
    assert helped.comment is not None
    qtbot.mouseClick(helped.comment, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is helped.comment
    qtbot.keyClick(helped.comment, Qt.Key.Key_F1)
    assert helped.details.isVisibleTo(window) and helped.item.help in helped.details.text()
    assert [w for w in page.order if w.details.isVisibleTo(window)] == [helped]
    qtbot.keyClick(helped.comment, Qt.Key.Key_F1)
    assert not helped.details.isVisibleTo(window)


def test_a_refused_comment_blocks_complete_and_next_and_keeps_its_text(
        qtbot: QtBot, window: MainWindow, db: Database, library: ChecklistLibrary) -> None:
    assert contains_personnummer(PNR)  # the helper builds what the guard looks for
    round_id, case_ids = open_first_case(window, db, library)
    form = window.review_form
    for key in ANSWERS.values():
        qtbot.keyClick(QApplication.focusWidget(), key)
    item = form.page.items["viewpoint"] if form.page else None
    assert item is not None and item.comment is not None
    typed = f"Barnet {PNR} tillfrågat"
    qtbot.mouseClick(item.comment, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(item.comment, typed)
    qtbot.keyClick(item.comment, Qt.Key.Key_Tab)  # refused on leaving the field
    assert item.error.isVisibleTo(window) and item.error.text() == GUARD_MESSAGE
    for _ in range(2):  # Ctrl+Enter from elsewhere, then again from the comment itself
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return,
                       Qt.KeyboardModifier.ControlModifier)
        assert form.case_id == case_ids[0] and window.stack.currentWidget() is form
        assert form.message.isVisibleTo(window) and "fråga 3" in form.message.text()
        assert item.comment.text() == typed and QApplication.focusWidget() is item.comment
        assert item.error.isVisibleTo(window) and "b00020" in item.comment.styleSheet()
        record = ReviewService(db, "x").review(round_id, case_ids[0])
        assert record.status is not ReviewStatus.COMPLETE
        assert record.answers["viewpoint"].comment == ""
    item.comment.selectAll()
    qtbot.keyClicks(item.comment, "Barnet tillfrågat")
    qtbot.keyClick(item.comment, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert form.case_id == case_ids[1] and not form.message.isVisibleTo(window)
    record = ReviewService(db, "x").review(round_id, case_ids[0])
    assert record.status is ReviewStatus.COMPLETE
    assert record.answers["viewpoint"].comment == "Barnet tillfrågat"


def darkest(widget: QWidget) -> int:
    """The lightness (0-255) of the darkest pixel the widget paints: its text."""
    image = widget.grab().toImage()
    return min(image.pixelColor(x, y).lightness()
               for x in range(image.width()) for y in range(image.height()))


def test_a_completed_review_shows_its_comments_readable_and_read_only(
        qtbot: QtBot, window: MainWindow, db: Database, library: ChecklistLibrary) -> None:
    summary, case_ids = round_with_sample(db, library, n=1)
    service = ReviewService(db, "Granskare GL (GL)")
    for item_id, value in (("enskilt_samtal", "ja"), ("samtal_var_tredje_manad", "ja"),
                           ("genomforandeplan", "nej"), ("vardplan", "ja")):
        service.set_answer(summary.id, case_ids[0], item_id, value)
    service.set_comment(summary.id, case_ids[0], "vardplan", "Vårdplanen är från 2025")
    service.complete(summary.id, case_ids[0])
    window.refresh()
    window.open_round(summary.id)
    window.open_case(case_ids[0])
    form = window.review_form
    assert form.page is not None and form.read_only
    item = form.page.items["vardplan"]
    assert item.comment is not None and item.comment.text() == "Vårdplanen är från 2025"
    assert item.comment.isEnabled() and item.comment.isReadOnly()
    assert item.question.isEnabled() and item.buttons[0].isChecked()
    normal = item.comment.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
    assert darkest(item.comment) <= normal.lightness() + 60  # not the pale disabled grey
    # neither keys nor typing change a completed review
    qtbot.mouseClick(item.comment, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(item.comment, "mer")
    qtbot.keyClick(item.comment, Qt.Key.Key_Tab)
    item.setFocus()
    qtbot.keyClick(item, "N")
    assert item.comment.text() == "Vårdplanen är från 2025" and item.value == "ja"
    stored = ReviewService(db, "x").review(summary.id, case_ids[0]).answers["vardplan"]
    assert (stored.value, stored.comment) == ("ja", "Vårdplanen är från 2025")


def test_after_drawing_the_case_list_is_closed_and_enter_opens_the_first_case(
        qtbot: QtBot, window: MainWindow, db: Database, library: ChecklistLibrary) -> None:
    rid = make_round(db, library, cases=20)
    window.refresh()
    window.open_round(rid)
    view = window.round_view
    assert view.import_button.isEnabled() and not view.import_note.isVisibleTo(window)
    window.sample_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, SamplingDialog)
    dialog.by_fixed.setChecked(True)
    dialog.fixed.setValue(5)
    qtbot.mouseClick(dialog.draw_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.op.running)
    assert dialog.result_panel.isVisible()
    dialog.reject()
    reason = "Stickprovet är draget; ärendelistan kan inte ändras."
    assert not view.import_button.isEnabled() and view.import_button.toolTip() == reason
    assert view.import_note.isVisibleTo(window) and view.import_note.text() == reason
    assert not window.import_action.isEnabled()
    first = SamplingService(db, "x").sampled_cases(rid)[0].case_ref
    # the table has the window's focus; the offscreen platform does not give the window its
    # activation back after the (really shown) dialog closes, so the test does
    assert window.focusWidget() is view.table
    assert view.model.row(view.table.currentIndex().row()).case_ref == first
    show_active(qtbot, window)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.review_form
    assert window.review_form.record is not None
    assert window.review_form.record.case_ref == first


def _excluded(db: Database) -> list[SampleEntry]:
    with db.session() as s:
        return list(s.scalars(select(SampleEntry)
                              .where(SampleEntry.excluded_reason.is_not(None))).all())


# the context menu pops up: the offscreen platform cannot raise it or grab the keyboard
@pytest.mark.qt_log_ignore("propagateSizeHints", "support raise", "grabbing the keyboard")
def test_excluding_a_case_asks_why_confirms_and_brings_in_the_reserve(
        qtbot: QtBot, window: MainWindow, db: Database, library: ChecklistLibrary) -> None:
    rid = make_round(db, library, cases=20)
    SamplingService(db, "GL").draw(rid, size=5, seed="utesluta")
    proto = SamplingService(db, "GL").protocol(rid)
    window.refresh()
    window.open_round(rid)
    view = window.round_view
    target = proto.sampled_refs[1]
    view.select_case(next(r.case_id for r in view.model.rows() if r.case_ref == target))
    # the context menu of a sampled case offers it, with the shortcut shown
    rect = view.table.visualRect(view.table.currentIndex())
    view.table.customContextMenuRequested.emit(rect.center())
    assert view.context_menu is not None and view.exclude_action in view.context_menu.actions()
    view.context_menu.close()
    assert view.exclude_action in window.review_menu.actions()
    assert view.exclude_action.shortcut().toString() == "Ctrl+Shift+X"
    qtbot.keyClick(view.table, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.dialog
    assert isinstance(dialog, ExcludeCaseDialog) and dialog.case_ref == target
    assert not dialog.ok_button.isEnabled()
    dialog.other.setChecked(True)
    assert not dialog.ok_button.isEnabled()  # "Annat" needs a text
    qtbot.keyClicks(dialog.other_text, f"Avser {PNR}")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible() and "personnummer" in dialog.error.text()
    assert not dialog.confirming and _excluded(db) == []
    dialog.options[1].setChecked(True)  # Fel enhet
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    reserve = proto.reserve_refs[proto.reserve_strata.index(proto.sampled_strata[1])]
    assert dialog.confirm_text.isVisible() and reserve in dialog.confirm_text.text()
    assert "kan inte ångras" in dialog.confirm_text.text() and _excluded(db) == []
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert window.dialog is None
    [entry] = _excluded(db)
    assert entry.excluded_reason == "Fel enhet"
    after = SamplingService(db, "x").protocol(rid)
    assert after.exclusions[0].case_ref == target and after.exclusions[0].replacement == reserve
    shown = [r.case_ref for r in view.model.rows()]
    assert target not in shown and reserve in shown and len(shown) == 5
    assert view.model.row(view.table.currentIndex().row()).case_ref == reserve
    assert reserve in window.statusBar().currentMessage()
    with db.session() as s:
        log = s.scalars(select(ChangeLog).where(ChangeLog.action == "exclude")).one()
        assert log.case_ref == target and log.reason == "Fel enhet"


def test_excluding_is_refused_for_a_completed_review_and_in_a_locked_round(
        qtbot: QtBot, window: MainWindow, db: Database, library: ChecklistLibrary) -> None:
    summary, case_ids = round_with_sample(db, library, n=2, reserve=2)
    service = ReviewService(db, "GL")
    for item_id, value in (("enskilt_samtal", "ja"), ("samtal_var_tredje_manad", "ja"),
                           ("genomforandeplan", "nej"), ("vardplan", "ja")):
        service.set_answer(summary.id, case_ids[0], item_id, value)
    service.complete(summary.id, case_ids[0])
    window.refresh()
    window.open_round(summary.id)
    view = window.round_view
    view.select_case(case_ids[0])
    view.exclude_action.trigger()
    assert window.dialog is None and view.notice.isVisibleTo(window)
    assert "klar granskning" in view.notice.text()
    with db.session() as s:
        row = s.get(AuditRound, summary.id)
        assert row is not None
        row.locked_at = datetime.now()
    window.refresh()
    view.select_case(case_ids[1])
    view.exclude_action.trigger()
    assert window.dialog is None and "låst" in view.notice.text()
    assert _excluded(db) == []
    assert "låst" in view.import_button.toolTip() and not view.import_button.isEnabled()


def test_odd_separators_in_a_comment_are_refused_too(
        qtbot: QtBot, window: MainWindow, db: Database, library: ChecklistLibrary) -> None:
    summary, case_ids = round_with_sample(db, library, n=1)
    window.refresh()
    window.open_round(summary.id)
    window.open_case(case_ids[0])
    item = window.review_form.page.items["viewpoint"] if window.review_form.page else None
    assert item is not None and item.comment is not None
    item.comment.setFocus()
    odd = PNR[:2] + "\u00a0" + PNR[2:6] + "\u200b\u2013" + PNR[7:]
    qtbot.keyClicks(item.comment, "Barnet ")
    QApplication.clipboard().setText(odd)  # pasted, as from the documentation system
    qtbot.keyClick(item.comment, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    # a plain-text field keeps a non-breaking space as an ordinary one (Qt); still refused
    assert odd.replace("\u00a0", " ") in item.comment.text()
    qtbot.keyClick(item.comment, Qt.Key.Key_Tab)
    assert item.error.isVisibleTo(window) and "personnummer" in item.error.text()
    assert odd not in item.error.text()
    record = ReviewService(db, "x").review(summary.id, case_ids[0])
    assert "viewpoint" not in record.answers or record.answers["viewpoint"].comment == ""


def test_a_refusal_at_flush_time_is_shown_not_raised(
        qtbot: QtBot, db: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    # The reviewer's name is no free text the form checks: only the storage guard sees it.
    store = SettingsStore(tmp_path / "settings.json")
    store.save(Settings(reviewer_name=f"Granskare {PNR.replace('-', '.')}", reviewer_initials="GL"))
    window = window_for(db, library, store)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    summary, case_ids = round_with_sample(db, library, n=1)
    window.refresh()
    window.open_round(summary.id)
    window.open_case(case_ids[0])
    item = focused_item()
    assert item is not None
    qtbot.keyClick(QApplication.focusWidget(), "J")
    assert item.error.isVisibleTo(window) and "personnummer" in item.error.text()
    assert window.review_form.saved_label.text() == "Svaret sparades inte"
    assert ReviewService(db, "x").review(summary.id, case_ids[0]).answers == {}
