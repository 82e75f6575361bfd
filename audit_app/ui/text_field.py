"""A multi-line text field for written answers and comments, with a line edit's signals."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QApplication, QFrame, QPlainTextEdit, QScrollArea, QWidget

MIN_LINES = 2
MAX_LINES = 10


def is_complete_key(event: QKeyEvent) -> bool:
    """Ctrl+Enter: completes the review, never a new line."""
    return (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier))


class TextField(QPlainTextEdit):
    """Enter makes a new line, Tab leaves the field, Ctrl+Enter is left to the window.

    Offers text()/setText() and textEdited/editingFinished like QLineEdit, so the review form
    saves it the same way: after a pause in typing and on leaving the field.
    """

    textEdited = Signal(str)  # noqa: N815 - named as QLineEdit's signal
    editingFinished = Signal()  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setting = False
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.textChanged.connect(self._changed)
        self._fit_height()  # two lines from the start, before any layout asks for a size

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802
        if text == self.toPlainText():
            return
        self._setting = True
        try:
            self.setPlainText(text)
        finally:
            self._setting = False
        self._fit_height()

    def _changed(self) -> None:
        self._fit_height()
        if not self._setting and not self.isReadOnly():
            self.textEdited.emit(self.toPlainText())

    def _fit_height(self) -> None:
        """Grow with the text, from two lines up to ten (then scroll)."""
        line = self.fontMetrics().lineSpacing()
        lines = max(MIN_LINES, min(MAX_LINES, self._visual_lines()))
        margins = self.contentsMargins()
        frame = 2 * self.frameWidth() + margins.top() + margins.bottom()
        height = lines * line + frame + 2 * int(self.document().documentMargin())
        if height == self.height() and self.minimumHeight() == height:
            return
        self.setFixedHeight(height)
        # a scroll area sizes its resizable page anew only when asked: shrink it with the text
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            QApplication.postEvent(parent, QEvent(QEvent.Type.LayoutRequest))

    def _visual_lines(self) -> int:
        total = 0
        block = self.document().begin()
        while block.isValid():
            layout = block.layout()
            total += max(1, layout.lineCount() if layout is not None else 1)
            block = block.next()
        return total

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_height()

    def event(self, event: QEvent) -> bool:
        # let the window's Ctrl+Enter shortcut fire instead of the editor taking the key
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and is_complete_key(event):
            event.ignore()
            return False
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if is_complete_key(event):
            event.ignore()  # goes on to the item and the window
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        if not self.isReadOnly():
            self.editingFinished.emit()
