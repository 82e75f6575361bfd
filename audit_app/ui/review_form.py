"""The review form: a checklist generated into item widgets, autosaved answer by answer."""

from __future__ import annotations

import html
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from audit_app.domain.errors import UserError
from audit_app.domain.reviews import (
    AnswerConflictError,
    MissingAnswersError,
    ReviewRecord,
    ReviewStatus,
)
from audit_app.ui.checklist_page import FORM_STYLE, ChecklistPage, item_of
from audit_app.ui.i18n import term
from audit_app.ui.item_widget import ItemWidget
from audit_app.ui.reason_dialog import ask_reason

if TYPE_CHECKING:
    from audit_app.services.reviews import ReviewService
    from audit_app.ui.changes import Changes

COMMENT_DELAY_MS = 800
class ReviewForm(QWidget):
    """Shows one case's review; every answer and comment is stored as it is given."""

    service: ReviewService
    changes: Changes | None = None  # told of every stored answer, comment and status

    def __init__(self, service: ReviewService | None, parent: QWidget | None = None) -> None:
        """service may come later (the main window sets it when the database is open)."""
        super().__init__(parent)
        if service is not None:
            self.service = service
        self.round_id = 0
        self.case_id = 0
        self.record: ReviewRecord | None = None
        self.counts = (0, 0)  # answered and applicable items of the case shown
        self.locked = False
        self.read_only = False
        self.page: ChecklistPage | None = None
        self._pages: dict[int, ChecklistPage] = {}
        self._pending_comment: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COMMENT_DELAY_MS)
        self._timer.timeout.connect(self.flush_comment)
        self._pending_answer: str | None = None  # a written answer saved after a pause too
        self._answer_timer = QTimer(self)
        self._answer_timer.setSingleShot(True)
        self._answer_timer.setInterval(COMMENT_DELAY_MS)
        self._answer_timer.timeout.connect(self.flush_answer)
        self.setStyleSheet(FORM_STYLE)

        self.title = QLabel()
        self.context = QLabel()
        self.status = QLabel()
        self.progress = QLabel()
        self.progress.setAccessibleName(self.tr("Förlopp"))
        self.saved_label = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        self.done_banner = QFrame()
        self.done_banner.setStyleSheet("QFrame { background: palette(alternate-base); }")
        self.reopen_button = QPushButton(self.tr("Öppna igen…"))
        self.reopen_button.clicked.connect(self.reopen)
        banner = QHBoxLayout(self.done_banner)
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        banner.addWidget(self.banner_text, 1)
        banner.addWidget(self.reopen_button)
        self.done_banner.hide()
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setAccessibleName(self.tr("Kontrollpunkter"))
        # Tab goes straight to the items; the area scrolls to whichever has focus
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.key_hint = hint = QLabel(self._hint_text())
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.status)
        top.addSpacing(12)
        top.addWidget(self.progress)
        top.addSpacing(12)
        top.addWidget(self.saved_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.context)
        layout.addWidget(self.done_banner)
        layout.addWidget(self.message)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(hint)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    # -- loading -----------------------------------------------------------------------

    def load(self, round_id: int, case_id: int, locked: bool = False) -> None:
        """Show a case; the checklist's widgets are reused, only their values change."""
        self.flush_answer()
        self.flush_comment()
        self.locked = locked
        record = self.service.review(round_id, case_id)
        page = self._pages.get(record.definition_id)
        if page is None:
            page = ChecklistPage(self.service.checklist_for_round(round_id))
            page.setAccessibleName(self.tr("Checklista"))
            self._pages[record.definition_id] = page
            for w in page.order:
                w.answered.connect(self._answer)
                w.comment_edited.connect(self._comment_edited)
                w.comment_done.connect(self._comment_done)
                w.input_done.connect(self._input_done)
                w.input_edited.connect(self._input_edited)
                w.themes_changed.connect(self._themes_changed)
        if self.page is not page:
            if self.scroll_area.widget() is not None:
                self.scroll_area.takeWidget()
            self.scroll_area.setWidget(page)
            self.page = page
        self.round_id, self.case_id = round_id, case_id
        page.fill(record)
        self.message.hide()
        self.saved_label.setText("")
        self._show(record)
        self.scroll_area.verticalScrollBar().setValue(0)
        self.focus_next(None)

    def _hint_text(self) -> str:
        return self.tr("Tangenter: bokstaven eller siffran i knappen svarar · Tab nästa "
                       "· F1 hjälp · Ctrl+Enter klar och nästa · PgUp/PgDn byt ärende · "
                       "* obligatorisk · ! kritisk")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """A language chosen in the menu: the form's own texts follow at once (the items
        relabel their answers and keys themselves)."""
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "key_hint"):
            self.key_hint.setText(self._hint_text())
            self.reopen_button.setText(self.tr("Öppna igen…"))
            if self.record is not None:
                self.status.setText(term(self.record.status.label))
                self.progress.setText(self.tr("{0} av {1}").format(*self.counts))
        super().changeEvent(event)

    def _show(self, record: ReviewRecord) -> None:
        assert self.page is not None
        self.record = record
        self.counts = self.page.show_values(record.values())
        self.progress.setText(self.tr("{0} av {1}").format(*self.counts))
        self.title.setText(f"<h2>{html.escape(record.case_ref)}</h2>")
        self.status.setText(term(record.status.label))
        complete = record.status is ReviewStatus.COMPLETE
        if self.locked:
            self.banner_text.setText(self.tr("Omgången är låst; granskningarna kan inte ändras."))
        elif complete:
            self.banner_text.setText(self.tr("Granskningen är markerad som klar. Öppna den igen "
                                             "(med en orsak) för att ändra."))
        self.reopen_button.setVisible(complete and not self.locked)
        self.done_banner.setVisible(complete or self.locked)
        # read-only, not disabled: saved answers and comments keep their normal colours
        self.read_only = complete or self.locked
        self.page.set_read_only(self.read_only)

    # -- focus -------------------------------------------------------------------------

    def focus_next(self, after: str | None) -> ItemWidget | None:
        """Focus the next applicable unanswered item after `after` (wrapping round)."""
        if self.page is None:
            return None
        if self.read_only:
            if self.reopen_button.isVisible():
                self.reopen_button.setFocus()
            return None
        w = self.page.next_open(after)
        if w is not None:
            w.focus_input()
            self.scroll_area.ensureWidgetVisible(w, 0, 40)
        return w

    def current_item(self) -> ItemWidget | None:
        return item_of(QApplication.focusWidget())

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self.page is None:
            return
        item = item_of(new)
        self.page.mark_current(item)
        if item is not None and item.parentWidget() is self.page:
            self.scroll_area.ensureWidgetVisible(item, 0, 20)

    # -- saving ------------------------------------------------------------------------

    def _stored(self, record: ReviewRecord) -> None:
        self._show(record)
        self.message.hide()
        self.saved_label.setText(self.tr("Sparat {0}").format(datetime.now().strftime("%H:%M")))
        if self.changes is not None:
            self.changes.notify("review", self.round_id, self.case_id)

    def _answer(self, item_id: str, value: str | None, advance: bool = True) -> None:
        assert self.page is not None
        widget = self.page.items[item_id]
        shown = self.record.answers.get(item_id) if self.record is not None else None
        try:  # the version shown: someone else's answer saved since is never overwritten
            record = self.service.set_answer(self.round_id, self.case_id, item_id, value,
                                             expected_version=shown.version if shown else 0)
        except UserError as exc:
            if isinstance(exc, AnswerConflictError):  # both values named; saving again wins
                self.record = self.service.review(self.round_id, self.case_id)
            if widget.buttons:
                widget.set_value(widget.value)
            widget.show_error(str(exc), widget.line)  # typed text stays, to be corrected
            self.saved_label.setText(self.tr("Svaret sparades inte"))
            return
        widget.show_error(None)
        self._stored(record)
        if advance and value is not None:
            self.focus_next(item_id)

    def _input_done(self, item_id: str, enter: bool) -> None:
        assert self.page is not None
        widget = self.page.items[item_id]
        if not widget.isEnabled():
            return
        value = widget.input_value()
        if value == widget.value:
            if enter:
                self.focus_next(item_id)
            return
        self._answer(item_id, value, advance=enter)

    def _input_edited(self, item_id: str) -> None:
        if self._pending_answer not in (None, item_id):
            self.flush_answer()
        self._pending_answer = item_id
        self._answer_timer.start()

    def flush_answer(self) -> None:
        """Store the written answer being typed (after a pause in typing, or on a switch)."""
        self._answer_timer.stop()
        item_id, self._pending_answer = self._pending_answer, None
        if item_id is not None and self.page is not None and not self.read_only:
            self._input_done(item_id, False)

    def _themes_changed(self, item_id: str, theme_ids: list[str]) -> None:
        """Store the tags; the text being typed is stored first, so it can be tagged."""
        assert self.page is not None
        widget = self.page.items[item_id]
        self.flush_answer()
        if widget.comment is not None and not self._save_comment(widget):
            return
        if widget.line is not None and widget.input_value() != widget.value:
            self._input_done(item_id, False)
        try:
            record = self.service.set_themes(self.round_id, self.case_id, item_id, theme_ids)
        except UserError as exc:
            widget.show_error(str(exc))
            stored = self.record.answers.get(item_id) if self.record else None
            if widget.themes is not None:
                widget.themes.set_chosen(stored.themes if stored else ())
            self.saved_label.setText(self.tr("Temana sparades inte"))
            return
        widget.show_error(None)
        self._stored(record)

    def _comment_edited(self, item_id: str) -> None:
        if self._pending_comment not in (None, item_id):
            self.flush_comment()
        self._pending_comment = item_id
        self._timer.start()

    def _comment_done(self, item_id: str) -> None:
        self._pending_comment = item_id
        self.flush_comment()

    def flush_comment(self) -> bool:
        """Store the comment being typed (after the pause, on leaving the field, on switch).

        False when the service refused it; the text then stays in the field, marked.
        """
        self._timer.stop()
        item_id, self._pending_comment = self._pending_comment, None
        if item_id is None or self.page is None:
            return True
        return self._save_comment(self.page.items[item_id])

    def _save_comment(self, widget: ItemWidget) -> bool:
        text = widget.comment_text()
        if text == widget.stored_comment:
            widget.show_error(None)
            return True
        try:
            record = self.service.set_comment(self.round_id, self.case_id, widget.item.id, text)
        except UserError as exc:
            widget.show_error(str(exc), widget.comment)
            self.saved_label.setText(self.tr("Kommentaren sparades inte"))
            return False
        widget.stored_comment = text
        widget.show_error(None)
        self._stored(record)
        return True

    def save_comments(self) -> bool:
        """Store every comment that differs from the stored one; False (and the first refused
        comment focused, its text kept) when one cannot be stored."""
        self.flush_comment()
        if self.page is None or self.read_only:
            return True
        for widget in self.page.order:
            if widget.comment is None or self._save_comment(widget):
                continue
            self.show_message(self.tr("Kommentaren till fråga {0} sparades inte. Rätta texten "
                                      "innan granskningen markeras som klar.")
                              .format(self.page.order.index(widget) + 1))
            widget.comment.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll_area.ensureWidgetVisible(widget, 0, 40)
            return False
        return True

    # -- completing --------------------------------------------------------------------

    def complete(self) -> bool:
        """Mark the review complete; False (with the missing items shown) when it cannot be."""
        if not self.save_comments():
            return False
        self.flush_answer()
        focused = QApplication.focusWidget()
        if focused is not None and self.page is not None:
            item = self.current_item()
            if item is not None and focused is item.line:
                self._input_done(item.item.id, False)
        if self.record is not None and self.record.status is ReviewStatus.COMPLETE:
            return True
        try:
            record = self.service.complete(self.round_id, self.case_id, self._version())
        except MissingAnswersError as exc:
            self.show_message(str(exc))
            if self.page is not None and exc.item_ids:
                first = self.page.items[exc.item_ids[0]]
                first.focus_input()
                self.scroll_area.ensureWidgetVisible(first)
            return False
        except UserError as exc:
            self.show_message(str(exc))
            return False
        self._stored(record)
        return True

    def _version(self) -> int | None:
        """The review's version this form shows: a change by someone else since is refused
        with both sides named instead of being overwritten."""
        return self.record.version if self.record is not None else None

    def reopen(self) -> bool:
        """Ask for a reason and reopen a completed review."""
        reason = ask_reason(self, self.tr("Öppna granskningen igen"),
                            self.tr("Varför öppnas granskningen igen? Orsaken loggas."))
        if reason is None:
            return False
        try:
            record = self.service.reopen(self.round_id, self.case_id, reason, self._version())
        except UserError as exc:
            self.show_message(str(exc))
            return False
        self._stored(record)
        self.focus_next(None)
        return True

    def set_context(self, text: str) -> None:
        """A line under the case number: the round and the case's place in the sample."""
        self.context.setText(text)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def toggle_help(self) -> None:
        item = self.current_item()
        if item is not None and item.help_button.isVisible():
            item.help_button.toggle()
