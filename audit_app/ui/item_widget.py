"""One checklist item in the review form: question, markers, help, answer control, comment."""

from __future__ import annotations

import html

from PySide6.QtCore import QDate, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from audit_app.domain.answer_keys import option_keys as answer_keys
from audit_app.domain.checklist import AnswerType, ChecklistItem, Theme
from audit_app.ui.flow_layout import FlowLayout
from audit_app.ui.i18n import current_language, term
from audit_app.ui.text_field import TextField
from audit_app.ui.theme_buttons import ThemeButtons

NO_DATE = QDate(1900, 1, 1)
ERROR_STYLE = ("QLineEdit, QPlainTextEdit { border: 2px solid #b00020; "
               "background: #fdecee; }")
# Set on controls left out of the Tab chain on purpose: the key that does their job instead.
KEYBOARD_ALTERNATIVE = "keyboard_alternative"
# The chosen answer's look (review_form's style sheet): bold text, 10 px side padding, 1 px border
CHECKED_PADDING = 2 * 10 + 2 * 1


def checked_font(button: QPushButton) -> QFont:
    """The font a chosen answer button is drawn with (the style sheet makes it bold)."""
    font = QFont(button.font())
    font.setBold(True)
    return font


class AnswerButton(QPushButton):
    """One answer option; wide enough for its label in the bold style of the chosen answer."""

    def _fit(self, hint: QSize) -> QSize:
        need = QFontMetrics(checked_font(self)).horizontalAdvance(self.text()) + CHECKED_PADDING
        return QSize(max(hint.width(), need + 4), hint.height())

    def sizeHint(self) -> QSize:  # noqa: N802
        return self._fit(super().sizeHint())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self._fit(super().minimumSizeHint())


def option_keys(item: ChecklistItem) -> list[str]:
    """The key of each option in the language shown now (J/N/E in Swedish, Y/N/A in
    English; a checklist's own letter, else its number 1-9)."""
    return answer_keys(item.answer.options, current_language())


class ItemWidget(QFrame):
    """Shows one item; emits answered(item id, value or None) and comment signals."""

    answered = Signal(str, object)
    comment_edited = Signal(str)
    comment_done = Signal(str)
    input_done = Signal(str, bool)  # typed answer finished; True when Enter was pressed
    input_edited = Signal(str)  # a written answer is being typed (saved after a pause)
    themes_changed = Signal(str, list)  # item id, the theme ids now chosen

    def __init__(self, item: ChecklistItem, number: int, parent: QWidget | None = None,
                 themes: tuple[Theme, ...] = ()) -> None:
        super().__init__(parent)
        self.item = item
        self.value: str | None = None
        self.stored_comment = ""
        self.applies = True
        self.read_only = False
        self.setObjectName("item")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(f"{number}. {item.question}")
        self.setAccessibleDescription(item.help)

        markers = ("*" if item.required else "") + ("!" if item.critical else "")
        self.marker = QLabel(f"<b style='color:#b00020'>{markers}</b>" if markers else "")
        tips = []
        if item.required:
            tips.append(self.tr("* obligatorisk"))
        if item.critical:
            tips.append(self.tr("! kritisk kontrollpunkt"))
        self.marker.setToolTip(", ".join(tips))
        self.marker.setFixedWidth(self.marker.fontMetrics().horizontalAdvance("*!") + 6)
        self.question = QLabel(f"{number}. {item.question}")
        self.question.setWordWrap(True)
        self.question.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.details = QLabel(self._details_html())
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.hide()
        self.help_button = QToolButton()
        self.help_button.setText("?")
        self.help_button.setCheckable(True)
        self.help_button.setAccessibleName(self.tr("Visa hjälp och referens"))
        self.help_button.setToolTip(self.tr("Hjälp och referens (F1)"))
        self.help_button.toggled.connect(self.details.setVisible)
        self.help_button.setVisible(bool(item.help or item.reference))
        # Tab goes answer -> comment -> next item; F1 on the item does what this button does
        self.help_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.help_button.setProperty(KEYBOARD_ALTERNATIVE, "F1")
        self.na_label = QLabel(self.tr("Ej tillämplig"))
        self.na_label.setStyleSheet("font-style: italic;")
        self.na_label.hide()

        header = QHBoxLayout()
        header.addWidget(self.marker, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.question, 1)
        header.addWidget(self.na_label, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.help_button, 0, Qt.AlignmentFlag.AlignTop)

        self.buttons: list[QPushButton] = []
        self.keys = option_keys(item)
        self.line: QLineEdit | TextField | None = None
        self.date: QDateEdit | None = None
        answer_row = QHBoxLayout()
        answer_row.setContentsMargins(self.marker.width(), 0, 0, 0)
        kind = item.answer.type
        if kind.has_options:
            options = FlowLayout()  # long option labels wrap onto a second row on narrow windows
            answer_row.addLayout(options, 1)
            for option in item.answer.options:
                button = AnswerButton()
                button.setCheckable(True)
                button.clicked.connect(lambda _c=False, v=option.value: self._clicked(v))
                self.buttons.append(button)
                options.addWidget(button)
            self._label_buttons()
        elif kind is AnswerType.DATE:
            self.date = QDateEdit()
            self.date.setDisplayFormat("yyyy-MM-dd")
            self.date.setCalendarPopup(True)
            self.date.setMinimumDate(NO_DATE)
            self.date.setSpecialValueText(self.tr("inget datum"))
            self.date.setDate(NO_DATE)
            self.date.setAccessibleName(item.question)
            self.date.editingFinished.connect(lambda: self.input_done.emit(item.id, False))
            answer_row.addWidget(self.date)
            answer_row.addStretch(1)
        elif kind is AnswerType.NUMBER:
            figure = QLineEdit()
            figure.setPlaceholderText(self.tr("Skriv ett tal"))
            figure.returnPressed.connect(lambda: self.input_done.emit(item.id, True))
            self.line = figure
        else:  # a written answer: Enter makes a new line, Tab leaves the field
            self.line = TextField()
            self.line.setPlaceholderText(self.tr("Svar (inga namn eller personnummer)"))
            self.line.textEdited.connect(lambda _t: self.input_edited.emit(item.id))
        if self.line is not None:
            self.line.setAccessibleName(item.question)
            self.line.editingFinished.connect(lambda: self.input_done.emit(item.id, False))
            answer_row.addWidget(self.line, 1)
        field: QWidget | None = self.line or self.date
        if field is not None:
            self.setFocusProxy(field)  # Tab lands in the field, not first on the item round it

        self.comment: TextField | None = None
        if item.comment and kind is not AnswerType.TEXT:
            self.comment = TextField()
            self.comment.setPlaceholderText(self._comment_hint())
            self.comment.setAccessibleName(self.tr("Kommentar till: {0}").format(item.question))
            self.comment.textEdited.connect(lambda _t: self.comment_edited.emit(item.id))
            self.comment.editingFinished.connect(lambda: self.comment_done.emit(item.id))
        self.themes: ThemeButtons | None = None
        if themes:  # Ctrl+1-9 tags the written answer or comment while the item has focus
            self.themes = ThemeButtons(themes, item.question, self)
            self.themes.toggled_themes.connect(lambda ids: self.themes_changed.emit(item.id, ids))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(header)
        self.details.setContentsMargins(self.marker.width() + 4, 0, 0, 0)
        self.error.setContentsMargins(self.marker.width() + 4, 0, 0, 0)  # under the field
        layout.addWidget(self.details)
        layout.addLayout(answer_row)
        if self.comment is not None:
            row = QHBoxLayout()
            row.setContentsMargins(self.marker.width(), 0, 0, 0)
            row.addWidget(self.comment)
            layout.addLayout(row)
        if self.themes is not None:
            row = QHBoxLayout()
            row.setContentsMargins(self.marker.width(), 0, 0, 0)
            row.addWidget(self.themes)
            layout.addLayout(row)
        layout.addWidget(self.error)

    def _comment_hint(self) -> str:
        return self.tr("Kommentar – skriv aldrig namn eller personnummer")

    def _details_html(self) -> str:
        parts = []
        if self.item.help:
            parts.append(html.escape(self.item.help))
        if self.item.reference:
            reference = html.escape(self.item.reference)
            parts.append("<i>" + self.tr("Referens: {0}").format(reference) + "</i>")
        return "<br>".join(parts)

    # -- state -------------------------------------------------------------------------

    def set_value(self, value: str | None, *, force: bool = False) -> None:
        self.value = value
        chosen = ""
        for button, option in zip(self.buttons, self.item.answer.options, strict=True):
            button.setChecked(option.value == value)
            chosen = term(option.label) if option.value == value else chosen
        if self.buttons:  # the buttons are not in the Tab chain: the item says what is chosen
            said = self.tr("Svar: {0}").format(chosen) if chosen else self.tr("Inget svar")
            self.setAccessibleDescription(". ".join(t for t in (said, self.item.help) if t))
        if self.line is not None and (force or not self.line.hasFocus()):
            self.line.setText(value or "")
        if self.date is not None and (force or not self.date.hasFocus()):
            self.date.setDate(QDate.fromString(value, "yyyy-MM-dd") if value else NO_DATE)

    def input_value(self) -> str | None:
        if self.line is not None:
            return self.line.text().strip() or None
        if self.date is not None:
            d = self.date.date()
            return None if d == NO_DATE else d.toString("yyyy-MM-dd")
        return self.value

    def set_comment(self, text: str) -> None:
        self.stored_comment = text
        if self.comment is not None:
            self.comment.setText(text)
        self.show_error(None)

    def set_read_only(self, read_only: bool) -> None:
        """Completed or locked: answers and comments stay readable in normal text colour."""
        if read_only == self.read_only:
            return
        self.read_only = read_only
        for button in self.buttons:
            button.setEnabled(not read_only)
        for field in (self.line, self.comment):
            if field is not None:
                field.setReadOnly(read_only)
        if self.date is not None:
            self.date.setReadOnly(read_only)
        if self.themes is not None:
            self.themes.set_read_only(read_only)
        if self.comment is not None:
            # an empty read-only comment shows nothing rather than the typing advice
            self.comment.setPlaceholderText("" if read_only else self._comment_hint())

    def comment_text(self) -> str:
        return self.comment.text().strip() if self.comment is not None else ""

    def set_applicable(self, applies: bool) -> None:
        if applies == self.applies:
            return
        self.applies = applies
        self.setEnabled(applies)
        self.na_label.setVisible(not applies)
        self.setToolTip("" if applies else self.tr("Ej tillämplig: villkoret för frågan "
                                                   "är inte uppfyllt."))

    def show_error(self, text: str | None,
                   field: QLineEdit | TextField | None = None) -> None:
        """Mark the item (and the offending field) with a message, or clear the marks."""
        self.error.setText(text or "")
        self.error.setVisible(bool(text))
        for line in (self.comment, self.line):
            if line is not None:
                line.setStyleSheet(ERROR_STYLE if text and line is field else "")

    def focus_input(self) -> None:
        """Focus where the answer is given: the typed field, or the item itself."""
        target: QWidget = self.line or self.date or self
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def answered_now(self) -> bool:
        return self.value not in (None, "")

    # -- keyboard ----------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        text = event.text().strip().upper()
        if self.read_only and event.key() != Qt.Key.Key_F1:
            super().keyPressEvent(event)
            return
        if self.buttons and text and text in self.keys:
            self._clicked(self.item.answer.options[self.keys.index(text)].value, toggle=False)
            return
        if self.buttons and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.answered.emit(self.item.id, None)
            return
        if self.date is not None and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.input_done.emit(self.item.id, True)  # the date edit passes Enter on
            return
        if event.key() == Qt.Key.Key_F1 and self.help_button.isVisible():
            self.help_button.toggle()
            return
        super().keyPressEvent(event)

    def _label_buttons(self) -> None:
        """The answer buttons' texts and keys in the language shown now."""
        self.keys = option_keys(self.item)
        for option, key, button in zip(self.item.answer.options, self.keys, self.buttons,
                                       strict=True):
            button.setText(term(option.label) + (f"  ({key})" if key else ""))
            # answered with the key while the item has focus, not by Tab
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus if key else Qt.FocusPolicy.StrongFocus)
            button.setProperty(KEYBOARD_ALTERNATIVE, key or None)
            button.setAccessibleName(f"{term(option.label)} – {self.item.question}")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """A language chosen in the menu: the answers, their keys and the labels follow."""
        if event.type() == QEvent.Type.LanguageChange:
            if self.buttons:
                self._label_buttons()
            self.na_label.setText(self.tr("Ej tillämplig"))
            self.help_button.setAccessibleName(self.tr("Visa hjälp och referens"))
            self.help_button.setToolTip(self.tr("Hjälp och referens (F1)"))
        super().changeEvent(event)

    def _clicked(self, value: str, toggle: bool = True) -> None:
        if self.read_only:
            return
        # a click on the chosen answer clears it; a key press always sets it
        self.answered.emit(self.item.id, None if toggle and value == self.value else value)
