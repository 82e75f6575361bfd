"""The pages of the checklist editor (checklist, section, item, answer set) and its tree."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from audit_app.checklist_io.draft import (
    DraftChecklist,
    DraftItem,
    DraftSection,
)
from audit_app.checklist_io.draft_ops import Ref
from audit_app.domain.checklist import Checklist
from audit_app.ui.checklist_editor_fields import (
    AnswerFields,
    Choice,
    ConditionRows,
    FieldPage,
    number_text,
    parse_number,
)
from audit_app.ui.review_form import ChecklistPage

REF_ROLE = Qt.ItemDataRole.UserRole
FIXED_VALUES = {"ja_nej": ["ja", "nej"], "ja_nej_ej_aktuellt": ["ja", "nej", "ej_aktuellt"],
                "graderad": ["helt", "delvis", "nej"]}


def earlier_items(draft: DraftChecklist, item: DraftItem) -> list[Choice]:
    """The items before this one, which its conditions may name, with their answers."""
    sets = dict(draft.answer_sets)
    out: list[Choice] = []
    for other in draft.items:
        if other is item:
            break
        answer = other.answer
        if answer.type in sets and not answer.options:
            answer = sets[answer.type]
        values = [o.value for o in answer.options] or FIXED_VALUES.get(answer.type, [])
        out.append((other.id, other.question, values))
    return out


def tree_node(parent: Any, text: str, ref: Ref) -> QTreeWidgetItem:
    """A tree node for a place in the draft; only sections and items can be dragged."""
    node = QTreeWidgetItem(parent, [text])
    node.setData(0, REF_ROLE, ref)
    if ref[0] not in ("item", "section"):
        node.setFlags(node.flags() & ~Qt.ItemFlag.ItemIsDragEnabled
                      & ~Qt.ItemFlag.ItemIsDropEnabled)
    return node


def preview_page(checklist: Checklist) -> ChecklistPage:
    """The review form's items for a checklist, read-only, as a new case shows them."""
    page = ChecklistPage(checklist)
    applies = checklist.applicable({})
    for item_id, widget in page.items.items():
        widget.set_read_only(True)
        widget.set_applicable(applies.get(item_id, True))
    return page


class ChecklistTree(QTreeWidget):
    """Sections and their items; dragging one calls `dropped(ref, target, after)`,
    Ctrl+Up and Ctrl+Down call `moved(-1 or 1)`."""

    def __init__(self, dropped: Any, moved: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dropped = dropped
        self.moved = moved
        self.setHeaderHidden(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        steps = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}
        if event.modifiers() == Qt.KeyboardModifier.ControlModifier and event.key() in steps:
            self.moved(steps[Qt.Key(event.key())])
            event.accept()
            return
        super().keyPressEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        source, target = self.currentItem(), self.itemAt(event.position().toPoint())
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()  # the editor moves it in the draft and rebuilds the tree
        if source is None or target is None:
            return
        where = self.dropIndicatorPosition()
        after = where != QAbstractItemView.DropIndicatorPosition.AboveItem
        self.dropped(source.data(0, REF_ROLE), target.data(0, REF_ROLE), after)


class MetaPage(FieldPage):
    """The checklist's own keys: id, version, title, description, organisation, unit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target: object = None
        self.fields = {
            "id": self.line(self.tr("&Id:"), "id"),
            "version": self.line(self.tr("&Version:"), "version"),
            "title": self.line(self.tr("&Titel:"), "title"),
            "description": self.line(self.tr("&Beskrivning:"), "description"),
            "organisation": self.line(self.tr("&Organisation:"), "organisation"),
            "unit": self.line(self.tr("&Enhet:"), "unit"),
        }
        self.fields["id"].setPlaceholderText(self.tr("a-z, 0-9, - och _, t.ex. mottagning"))
        self.versions = QLabel()
        self.versions.setWordWrap(True)
        self.form.addRow(self.versions)

    def load(self, draft: object, id_fixed: bool) -> None:
        self.loading = True
        self.target = draft
        for key, edit in self.fields.items():
            edit.setText(str(getattr(draft, key)))
        self.fields["id"].setReadOnly(id_fixed)
        self.loading = False

    def store(self) -> None:
        for key, edit in self.fields.items():
            setattr(self.target, key, edit.text().strip())


class SectionPage(FieldPage):
    """A section's id and title."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section: DraftSection | None = None
        self.id_edit = self.line(self.tr("&Id:"), "id")
        self.title_edit = self.line(self.tr("&Rubrik:"), "title")

    def load(self, section: DraftSection) -> None:
        self.loading = True
        self.section = section
        self.id_edit.setText(section.id)
        self.title_edit.setText(section.title)
        self.loading = False

    def store(self) -> None:
        if self.section is not None:
            self.section.id = self.id_edit.text().strip()
            self.section.title = self.title_edit.text().strip()


class ItemPage(FieldPage):
    """One item: every key the format has."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item: DraftItem | None = None
        self.on_question: Callable[[DraftItem, str], None] = lambda _i, _t: None
        self.id_edit = self.line(self.tr("&Id:"), "id")
        self.question = self.line(self.tr("&Fråga:"), "question")
        self.help = QPlainTextEdit()
        self.help.setTabChangesFocus(True)
        self.help.setFixedHeight(54)
        self.help.textChanged.connect(self._edited)
        self.add(self.tr("&Hjälptext:"), self.help, "help")
        self.reference = self.line(self.tr("&Lagrum:"), "reference")
        self.answer = AnswerFields(self, self.tr("&Svarstyp:"))
        self.conditions = ConditionRows()
        self.conditions.changed.connect(self._edited)
        self.add(self.tr("Gäller &om:"), self.conditions, "applies_when")
        flags = QWidget()
        row = QHBoxLayout(flags)
        row.setContentsMargins(0, 0, 0, 0)
        self.required = QCheckBox(self.tr("O&bligatorisk"))
        self.critical = QCheckBox(self.tr("&Kritisk"))
        self.comment = QCheckBox(self.tr("Ko&mmentar tillåten"))
        for box in (self.required, self.critical, self.comment):
            box.toggled.connect(self._edited)
            row.addWidget(box)
        row.addStretch(1)
        self.add(self.tr("Flaggor:"), flags, "flags")
        self.target = self.line(self.tr("&Årsmål (%):"), "target")
        self.bad_target = False

    def load(self, item: DraftItem, set_names: list[str], choices: list[Choice]) -> None:
        self.loading = True
        self.item = item
        self.id_edit.setText(item.id)
        self.id_edit.setReadOnly(item.stored)
        self.id_edit.setToolTip(self.tr("Id:t är fast när punkten väl är sparad.")
                                if item.stored else "")
        self.question.setText(item.question)
        self.help.setPlainText(item.help)
        self.reference.setText(item.reference)
        self.answer.set_types(set_names)
        self.answer.load(item.answer)
        self.conditions.load(item.applies_when, choices)
        self.required.setChecked(item.required)
        self.critical.setChecked(item.critical)
        self.comment.setChecked(item.comment)
        self.target.setText(number_text(item.target))
        self.loading = False

    def store(self) -> None:
        item = self.item
        if item is None:
            return
        question = self.question.text().strip()
        typed_id = self.id_edit.text().strip()
        if not item.stored and typed_id != item.id:
            item.auto_id = False
        item.question = question
        if not item.stored:
            self.on_question(item, typed_id)  # a new id from the question, or the one typed
            if self.id_edit.text() != item.id:
                self.id_edit.setText(item.id)
        item.help = self.help.toPlainText().strip()
        item.reference = self.reference.text().strip()
        self.answer.store()
        item.required = self.required.isChecked()
        item.critical = self.critical.isChecked()
        item.comment = self.comment.isChecked()
        item.target, ok = parse_number(self.target.text())
        self.bad_target = not ok


class SetPage(FieldPage):
    """A reusable answer set: its name and answer definition."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft: DraftChecklist | None = None
        self.index = -1
        self.used_as = ""
        self.name = self.line(self.tr("&Namn:"), "name")
        self.answer = AnswerFields(self, self.tr("&Svarstyp:"))

    def load(self, draft: DraftChecklist, index: int) -> None:
        self.loading = True
        self.draft, self.index = draft, index
        sets = draft.answer_sets
        name, answer = sets[index]
        self.used_as = name  # the name items use it by
        self.name.setText(name)
        self.answer.set_types([n for n, _a in sets[:index]], exclude=name)
        self.answer.load(answer)
        self.loading = False

    def store(self) -> None:
        if self.draft is not None and 0 <= self.index < len(self.draft.answer_sets):
            self.answer.store()
            name = self.name.text().strip()
            if name != self.draft.answer_sets[self.index][0]:
                self.draft.rename_set(self.index, name, self.used_as)
                self.used_as = name or self.used_as
