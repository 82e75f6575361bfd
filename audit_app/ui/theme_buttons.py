"""The themes a written answer or comment can be tagged with, as toggle buttons and Ctrl+1-9."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from audit_app.domain.checklist import Theme

KEYBOARD_ALTERNATIVE = "keyboard_alternative"  # as item_widget: the key that does the job
CHOSEN_STYLE = ("QToolButton:checked { background-color: #1f5fa8; color: white; "
                "border: 1px solid #174a83; border-radius: 3px; }")


class ThemeButtons(QWidget):
    """One checkable button per theme; Ctrl+digit toggles it from anywhere in the item."""

    toggled_themes = Signal(list)  # the theme ids now chosen

    def __init__(self, themes: tuple[Theme, ...], question: str, item: QWidget) -> None:
        super().__init__(item)
        self.ids = [t.id for t in themes]
        self.read_only = False
        self.setStyleSheet(CHOSEN_STYLE)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("Teman:"))
        label.setStyleSheet("color: palette(mid);")
        layout.addWidget(label)
        self.buttons: list[QToolButton] = []
        for n, theme in enumerate(themes, start=1):
            button = QToolButton()
            key = f"Ctrl+{n}" if n <= 9 else ""
            button.setText(theme.label + (f"  ({key})" if key else ""))
            button.setCheckable(True)
            button.setToolTip(theme.description or theme.label)
            button.setAccessibleName(self.tr("Tema {0} – {1}").format(theme.label, question))
            # left out of the Tab chain: the item's Ctrl+digit does what the button does
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            if key:
                button.setProperty(KEYBOARD_ALTERNATIVE, key)
                shortcut = QShortcut(QKeySequence(key), item)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(button.click)
            button.clicked.connect(lambda _c=False: self._clicked())
            self.buttons.append(button)
            layout.addWidget(button)
        layout.addStretch(1)

    def chosen(self) -> list[str]:
        return [i for i, b in zip(self.ids, self.buttons, strict=True) if b.isChecked()]

    def set_chosen(self, ids: tuple[str, ...] | list[str]) -> None:
        for theme_id, button in zip(self.ids, self.buttons, strict=True):
            button.setChecked(theme_id in ids)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for button in self.buttons:
            button.setEnabled(not read_only)

    def _clicked(self) -> None:
        if self.read_only:
            return
        self.toggled_themes.emit(self.chosen())
