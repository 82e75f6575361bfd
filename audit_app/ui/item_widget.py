"""One checklist item in the review form: question, markers, help, answer control, comment."""

from __future__ import annotations

import html

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent
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

from audit_app.domain.checklist import AnswerType, ChecklistItem
from audit_app.ui.i18n import term

NO_DATE = QDate(1900, 1, 1)
ERROR_STYLE = "QLineEdit { border: 2px solid #b00020; background: #fdecee; }"


def option_keys(item: ChecklistItem) -> list[str]:
    """The key of each option: its own letter, else its number 1-9."""
    keys = []
    for n, option in enumerate(item.answer.options, start=1):
        keys.append((option.key or (str(n) if n <= 9 else "")).upper())
    return keys


class ItemWidget(QFrame):
    """Shows one item; emits answered(item id, value or None) and comment signals."""

    answered = Signal(str, object)
    comment_edited = Signal(str)
    comment_done = Signal(str)
    input_done = Signal(str, bool)  # typed answer finished; True when Enter was pressed

    def __init__(self, item: ChecklistItem, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.value: str | None = None
        self.stored_comment = ""
        self.applies = True
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
        self.line: QLineEdit | None = None
        self.date: QDateEdit | None = None
        answer_row = QHBoxLayout()
        answer_row.setContentsMargins(self.marker.width(), 0, 0, 0)
        kind = item.answer.type
        if kind.has_options:
            for option, key in zip(item.answer.options, self.keys, strict=True):
                text = term(option.label) + (f"  ({key})" if key else "")
                button = QPushButton(text)
                button.setCheckable(True)
                button.setAccessibleName(f"{term(option.label)} – {item.question}")
                button.clicked.connect(lambda _c=False, v=option.value: self._clicked(v))
                self.buttons.append(button)
                answer_row.addWidget(button)
            answer_row.addStretch(1)
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
        else:
            self.line = QLineEdit()
            self.line.setAccessibleName(item.question)
            self.line.setPlaceholderText(self.tr("Skriv ett tal") if kind is AnswerType.NUMBER
                                         else self.tr("Svar (inga namn eller personnummer)"))
            self.line.returnPressed.connect(lambda: self.input_done.emit(item.id, True))
            self.line.editingFinished.connect(lambda: self.input_done.emit(item.id, False))
            answer_row.addWidget(self.line, 1)

        self.comment: QLineEdit | None = None
        if item.comment and kind is not AnswerType.TEXT:
            self.comment = QLineEdit()
            self.comment.setPlaceholderText(
                self.tr("Kommentar – skriv aldrig namn eller personnummer"))
            self.comment.setAccessibleName(self.tr("Kommentar till: {0}").format(item.question))
            self.comment.textEdited.connect(lambda _t: self.comment_edited.emit(item.id))
            self.comment.editingFinished.connect(lambda: self.comment_done.emit(item.id))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(header)
        self.details.setContentsMargins(self.marker.width() + 4, 0, 0, 0)
        layout.addWidget(self.details)
        layout.addLayout(answer_row)
        if self.comment is not None:
            row = QHBoxLayout()
            row.setContentsMargins(self.marker.width(), 0, 0, 0)
            row.addWidget(self.comment)
            layout.addLayout(row)
        layout.addWidget(self.error)

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
        for button, option in zip(self.buttons, self.item.answer.options, strict=True):
            button.setChecked(option.value == value)
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

    def show_error(self, text: str | None, field: QLineEdit | None = None) -> None:
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

    def _clicked(self, value: str, toggle: bool = True) -> None:
        # a click on the chosen answer clears it; a key press always sets it
        self.answered.emit(self.item.id, None if toggle and value == self.value else value)
