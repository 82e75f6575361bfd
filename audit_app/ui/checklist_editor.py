"""The checklist editor: sections and items in a tree, their fields, validation and a preview."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from audit_app.checklist_io.draft import (
    DraftAnswer,
    DraftChecklist,
    DraftItem,
    DraftSection,
    FieldProblem,
    check,
)
from audit_app.checklist_io.draft_ops import Ref, move_by, move_to
from audit_app.domain.checklist import Checklist
from audit_app.domain.errors import UserError
from audit_app.ui.checklist_editor_fields import FieldPage
from audit_app.ui.checklist_editor_parts import (
    REF_ROLE,
    ChecklistTree,
    ItemPage,
    MetaPage,
    SectionPage,
    SetPage,
    earlier_items,
    preview_page,
    tree_node,
)
from audit_app.ui.reason_dialog import ask_target_reason
from audit_app.ui.review_form import FORM_STYLE, ChecklistPage

if TYPE_CHECKING:
    from audit_app.services.checklist_versions import ChecklistVersionService

PREVIEW_DELAY_MS = 250
ERROR_BRUSH = QBrush(QColor("#b00020"))


class ChecklistEditor(QDialog):
    """Create or change a checklist; saving stores a new version through the service."""

    saved = Signal(str)  # the checklist id

    def __init__(self, service: ChecklistVersionService, draft: DraftChecklist, *,
                 new: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.draft = draft
        self.new = new  # a checklist never saved: its id may still change
        self.problems: list[FieldProblem] = []
        self.checklist: Checklist | None = None
        self.source = ""
        self.ref: Ref = ("meta",)
        self.setWindowTitle(self.tr("Checklisteditor"))
        self.resize(1366, 768)
        self.tree = ChecklistTree(self.drop, self.move_selected)
        self.tree.setAccessibleName(self.tr("Avsnitt och kontrollpunkter"))
        self.tree.currentItemChanged.connect(lambda cur, _p: self.select(cur))
        self.meta_page, self.section_page = MetaPage(), SectionPage()
        self.item_page, self.set_page = ItemPage(), SetPage()
        self.item_page.on_question = self._item_id
        self.pages = QStackedWidget()
        for page in (self.meta_page, self.section_page, self.item_page, self.set_page):
            page.changed.connect(self.edited)
            self.pages.addWidget(page)
        form_scroll = QScrollArea()
        form_scroll.setWidgetResizable(True)
        form_scroll.setWidget(self.pages)
        form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        form_scroll.setAccessibleName(self.tr("Uppgifter om det markerade"))
        self.preview = QScrollArea()
        self.preview.setWidgetResizable(True)
        self.preview.setAccessibleName(self.tr("Förhandsvisning av granskningsformuläret"))
        self.preview.setStyleSheet(FORM_STYLE)
        self.preview_note = QLabel()
        self.preview_note.setWordWrap(True)
        self.preview_note.setStyleSheet("color: #b00020;")
        self.preview_note.hide()
        self.preview_page: ChecklistPage | None = None
        self.preview_timer = QTimer(self)
        self.preview_timer.setSingleShot(True)
        self.preview_timer.setInterval(PREVIEW_DELAY_MS)
        self.preview_timer.timeout.connect(self.update_preview)

        self.add_section_button = QPushButton(self.tr("Nytt &avsnitt"))
        self.add_item_button = QPushButton(self.tr("Ny &punkt"))
        self.add_set_button = QPushButton(self.tr("Ny svars&uppsättning"))
        self.remove_button = QPushButton(self.tr("Ta &bort"))
        self.up_button = QPushButton(self.tr("Upp (Ctrl+Upp)"))
        self.down_button = QPushButton(self.tr("Ned (Ctrl+Ned)"))
        self.add_section_button.clicked.connect(self.add_section)
        self.add_item_button.clicked.connect(self.add_item)
        self.add_set_button.clicked.connect(self.add_set)
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        left = QWidget()
        tools = QVBoxLayout(left)
        tools.setContentsMargins(0, 0, 0, 0)
        tools.addWidget(self.tree, 1)
        grid = [(self.add_section_button, self.add_item_button),
                (self.add_set_button, self.remove_button), (self.up_button, self.down_button)]
        for a, b in grid:
            row = QHBoxLayout()
            row.addWidget(a)
            row.addWidget(b)
            tools.addLayout(row)
        right = QWidget()
        preview_column = QVBoxLayout(right)
        preview_column.setContentsMargins(0, 0, 0, 0)
        preview_column.addWidget(QLabel(self.tr("<b>Så ser granskaren formuläret</b>")))
        preview_column.addWidget(self.preview_note)
        preview_column.addWidget(self.preview, 1)
        splitter = QSplitter()
        for widget, stretch in ((left, 2), (form_scroll, 4), (right, 4)):
            splitter.addWidget(widget)
            splitter.setStretchFactor(splitter.count() - 1, stretch)
        splitter.setSizes([280, 580, 480])
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Spara som ny version"))
        self.save_button.clicked.connect(self.save)
        close = QPushButton(self.tr("Stäng"))
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.rebuild_tree(("meta",))
        self.show_versions()
        self.validate()
        self.update_preview()

    # -- the tree --------------------------------------------------------------------

    def rebuild_tree(self, select: Ref) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        self.nodes: dict[Ref, QTreeWidgetItem] = {}
        d = self.draft
        self.nodes[("meta",)] = tree_node(self.tree, self.tr("Checklistan: {0}").format(
            d.title or d.id or "…"), ("meta",))
        if d.answer_sets:
            sets = tree_node(self.tree, self.tr("Svarsuppsättningar"), ("sets",))
            for n, (name, _a) in enumerate(d.answer_sets):
                self.nodes[("set", n)] = tree_node(sets, name or "…", ("set", n))
        number = 0
        for s, section in enumerate(d.sections):
            top = tree_node(self.tree, section.title or section.id or "…", ("section", s))
            self.nodes[("section", s)] = top
            for i, item in enumerate(section.items):
                number += 1
                text = f"{number}. {item.question or item.id}"
                self.nodes[("item", s, i)] = tree_node(top, text, ("item", s, i))
        self.tree.expandAll()
        self.tree.blockSignals(False)
        node = self.nodes.get(select) or self.nodes[("meta",)]
        self.tree.setCurrentItem(node)
        self.select(node)
        self.mark_tree()

    def select(self, node: QTreeWidgetItem | None) -> None:
        if node is None:
            return
        ref: Ref = node.data(0, REF_ROLE)
        if ref == ("sets",):
            ref = ("meta",)
        self.ref = ref
        d = self.draft
        if ref[0] == "meta":
            self.meta_page.load(d, id_fixed=not self.new)
            self.pages.setCurrentWidget(self.meta_page)
        elif ref[0] == "section":
            self.section_page.load(d.sections[ref[1]])
            self.pages.setCurrentWidget(self.section_page)
        elif ref[0] == "set":
            self.set_page.load(d, ref[1])
            self.pages.setCurrentWidget(self.set_page)
        else:
            item = d.sections[ref[1]].items[ref[2]]
            self.item_page.load(item, [n for n, _a in d.answer_sets], earlier_items(d, item))
            self.pages.setCurrentWidget(self.item_page)
            shown = self.preview_page.items.get(item.id) if self.preview_page else None
            if shown is not None:
                self.preview.ensureWidgetVisible(shown)
        self.show_field_problems()

    def _item_id(self, item: DraftItem, typed: str) -> None:
        new_id = self.draft.new_item_id(item.question, exclude=item) if item.auto_id else typed
        if new_id != item.id:
            self.draft.rename_item(item, new_id)

    # -- changes -----------------------------------------------------------------------

    def edited(self) -> None:
        node = self.nodes.get(self.ref)
        if node is not None:
            if self.ref[0] == "item":
                item = self.draft.sections[self.ref[1]].items[self.ref[2]]
                number = self.draft.items.index(item) + 1
                node.setText(0, f"{number}. {item.question or item.id}")
            elif self.ref[0] == "section":
                section = self.draft.sections[self.ref[1]]
                node.setText(0, section.title or section.id or "…")
            elif self.ref[0] == "set":
                node.setText(0, self.draft.answer_sets[self.ref[1]][0] or "…")
            else:
                node.setText(0, self.tr("Checklistan: {0}").format(
                    self.draft.title or self.draft.id or "…"))
        self.validate()
        self.preview_timer.start()

    def add_section(self) -> None:
        taken = {s.id for s in self.draft.sections}
        n = len(self.draft.sections) + 1
        while f"avsnitt_{n}" in taken:
            n += 1
        self.draft.sections.append(DraftSection(f"avsnitt_{n}", "Nytt avsnitt"))
        self.changed_structure(("section", len(self.draft.sections) - 1))

    def add_item(self) -> None:
        if not self.draft.sections:
            self.add_section()
        s = self.ref[1] if self.ref[0] in ("section", "item") else len(self.draft.sections) - 1
        items = self.draft.sections[s].items
        at = self.ref[2] + 1 if self.ref[0] == "item" else len(items)
        items.insert(at, DraftItem(self.draft.new_item_id(""), ""))
        self.changed_structure(("item", s, at))
        self.item_page.question.setFocus()

    def add_set(self) -> None:
        taken = {n for n, _a in self.draft.answer_sets}
        n = len(taken) + 1
        while f"svar_{n}" in taken:
            n += 1
        self.draft.answer_sets.append((f"svar_{n}", DraftAnswer("skala")))
        self.changed_structure(("set", len(self.draft.answer_sets) - 1))

    def remove_current(self) -> None:
        ref = self.ref
        if ref[0] == "section":
            del self.draft.sections[ref[1]]
        elif ref[0] == "item":
            del self.draft.sections[ref[1]].items[ref[2]]
        elif ref[0] == "set":
            del self.draft.answer_sets[ref[1]]
        else:
            return
        self.changed_structure(("meta",))

    def move_selected(self, delta: int) -> None:
        self.changed_structure(move_by(self.draft, self.ref, delta))

    def drop(self, ref: Ref, target: Ref, after: bool) -> None:
        self.changed_structure(move_to(self.draft, ref, target, after))

    def changed_structure(self, select: Ref) -> None:
        self.rebuild_tree(select)
        self.validate()
        self.preview_timer.start()
        self.tree.setFocus()

    # -- validation, preview, versions ----------------------------------------------------

    def validate(self) -> None:
        self.checklist, self.source, problems = check(self.draft)
        for page in (self.item_page, self.set_page):
            for name in page.answer.bad_numbers:
                where = ("item", self.ref[1], self.ref[2], name) if page is self.item_page \
                    else ("set", self.ref[1], -1, name)
                problems.append(FieldProblem(where, self.tr("Skriv ett tal.")))
        if self.item_page.bad_target and self.ref[0] == "item":
            problems.append(FieldProblem(("item", self.ref[1], self.ref[2], "target"),
                                         self.tr("Skriv ett tal.")))
        self.problems = problems
        self.save_button.setEnabled(not problems)
        self.status.setText(self.tr("Fel att rätta innan du sparar: {0} (rött i trädet och "
                                    "under fältet).").format(len(problems)) if problems else "")
        self.status.setStyleSheet("color: #b00020;" if problems else "")
        self.mark_tree()
        self.show_field_problems()

    def _ref_of(self, problem: FieldProblem) -> Ref:
        kind, a, b, _f = problem.where
        return ("item", a, b) if kind == "item" else (kind, a) if kind in (
            "set", "section") else ("meta",)

    def mark_tree(self) -> None:
        bad: dict[Ref, list[str]] = {}
        for p in self.problems:
            bad.setdefault(self._ref_of(p), []).append(p.message)
        for ref, node in getattr(self, "nodes", {}).items():
            messages = bad.get(ref, [])
            node.setForeground(0, ERROR_BRUSH if messages else QBrush())
            node.setToolTip(0, "\n".join(messages))

    def show_field_problems(self) -> None:
        page = self.pages.currentWidget()
        if not isinstance(page, FieldPage):
            return
        fields: dict[str, list[str]] = {}
        for p in self.problems:
            if self._ref_of(p) == self.ref:
                name = p.where[3] if p.where[3] in page.errors else next(iter(page.errors))
                fields.setdefault(name, []).append(p.message)
        page.show_problems(fields)

    def update_preview(self) -> None:
        self.preview_timer.stop()
        if self.checklist is None:
            self.preview_note.setText(self.tr("Checklistan har fel; förhandsvisningen visar den "
                                              "senaste giltiga versionen."))
            self.preview_note.show()
            return
        self.preview_note.hide()
        page = preview_page(self.checklist)
        old = self.preview.takeWidget()
        if old is not None:
            old.deleteLater()
        self.preview.setWidget(page)
        self.preview_page = page

    def show_versions(self) -> None:
        try:
            versions = self.service.versions(self.draft.id) if self.draft.id else []
        except UserError:
            versions = []
        lines = [self.tr("Version {0}: {1}").format(
            v.version, ", ".join(v.rounds) or self.tr("inga omgångar")) for v in versions]
        text = (self.tr("Lagrade versioner och omgångarna som använder dem:") + "\n"
                + "\n".join(lines) + "\n" + self.tr(
                    "När du sparar blir det en ny version för nya omgångar; omgångar som redan "
                    "finns behåller sin version.")) if lines else self.tr(
                        "Inga lagrade versioner ännu. När du sparar blir det version {0}.").format(
                            self.draft.version)
        self.meta_page.versions.setText(text)

    def save(self) -> None:
        """Store the checklist as a new version, for new rounds."""
        self.validate()
        if self.problems or self.checklist is None:
            return
        from audit_app.services.checklist_versions import CURRENT

        try:
            current = self.service.checklist(self.draft.id, CURRENT) if not self.new else None
        except UserError:  # not in the library (only stored)
            current = None
        if current is not None and replace(self.checklist, version=current.version) == current:
            self.status.setText(self.tr("Inga ändringar att spara."))  # only the number raised
            return
        try:
            plan = self.service.plan_import(self.checklist, self.source)
            if plan.unchanged:
                self.status.setText(self.tr("Inga ändringar att spara."))
                return
            reason = ask_target_reason(self, plan)
            if reason is None:
                self.status.setText(self.tr("Inte sparad: ett ändrat årsmål kräver ett skäl."))
                return
            path = self.service.store_import(plan, reason)
        except (UserError, OSError) as exc:
            self.status.setText(str(exc))
            return
        self.new = False
        self.meta_page.fields["id"].setReadOnly(True)  # the checklist's id is fixed now too
        for item in self.draft.items:
            item.stored, item.auto_id = True, False
        self.select(self.tree.currentItem())
        self.show_versions()
        self.status.setText(self.tr("Sparad som version {0} i {1}. Nya omgångar använder den; "
                                    "omgångar som redan finns behåller sin version.").format(
                                        self.draft.version, path) + "\n".join(
                                            ["", *plan.warnings] if plan.warnings else []))
        self.saved.emit(self.draft.id)
