"""One checklist's item widgets on a page, built once and filled anew for each case."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from audit_app.domain.checklist import Checklist
from audit_app.ui.item_widget import ItemWidget

if TYPE_CHECKING:
    from audit_app.domain.reviews import ReviewRecord

FORM_STYLE = """
QFrame#item { border: 1px solid palette(mid); border-radius: 4px; }
QFrame#item[current="true"] { border: 2px solid palette(highlight); }
QPushButton:checked { background-color: #1f5fa8; color: white; font-weight: bold;
                      border: 1px solid #174a83; border-radius: 3px; padding: 4px 10px; }
"""


def item_of(widget: QWidget | None) -> ItemWidget | None:
    """The item widget `widget` belongs to (itself or an ancestor), if any."""
    while widget is not None and not isinstance(widget, ItemWidget):
        widget = widget.parentWidget()
    return widget


class ChecklistPage(QWidget):
    """The item widgets of one checklist, built once and reused for every case."""

    def __init__(self, checklist: Checklist, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checklist = checklist
        self.items: dict[str, ItemWidget] = {}
        layout = QVBoxLayout(self)
        number = 0
        for section in checklist.sections:
            title = QLabel(f"<h3>{html.escape(section.title)}</h3>")
            title.setWordWrap(True)
            layout.addWidget(title)
            for item in section.items:
                number += 1
                themes = checklist.themes_for(item) if checklist.taggable(item) else ()
                widget = ItemWidget(item, number, self, themes)
                self.items[item.id] = widget
                layout.addWidget(widget)
        layout.addStretch(1)
        self.order = list(self.items.values())

    def fill(self, record: ReviewRecord) -> None:
        """Show a case's stored answers, comments and themes (forced: nothing is kept)."""
        for w in self.order:
            answer = record.answers.get(w.item.id)
            w.set_value(answer.value if answer else None, force=True)
            w.set_comment(answer.comment if answer else "")
            if w.themes is not None:
                w.themes.set_chosen(answer.themes if answer else ())

    def show_values(self, values: dict[str, str | None]) -> tuple[int, int]:
        """Show the values and which items apply; (answered, applicable) items."""
        applies = self.checklist.applicable(values)
        for w in self.order:
            w.set_value(values.get(w.item.id))
            w.set_applicable(applies[w.item.id])
        applicable = [i for i in self.checklist.items if applies[i.id]]
        return sum(1 for i in applicable if values.get(i.id)), len(applicable)

    def set_read_only(self, read_only: bool) -> None:
        for w in self.order:
            w.set_read_only(read_only)

    def next_open(self, after: str | None) -> ItemWidget | None:
        """The next applicable unanswered item after `after` (wrapping round)."""
        start = 0
        if after is not None:
            start = next(n for n, w in enumerate(self.order) if w.item.id == after) + 1
        for w in self.order[start:] + self.order[:start]:
            if w.applies and not w.answered_now:
                return w
        return None

    def mark_current(self, item: ItemWidget | None) -> None:
        """Frame `item` as the current one (the style sheet reads the property)."""
        for w in self.order:
            current = w is item
            if w.property("current") != current:
                w.setProperty("current", current)
                w.style().unpolish(w)
                w.style().polish(w)
