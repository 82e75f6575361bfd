"""The synthesis: every text of one question across the chosen rounds, read whole and tagged."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from audit_app.domain.checklist import Theme
from audit_app.domain.errors import UserError
from audit_app.domain.figures import Comment, ItemFigures, Report
from audit_app.domain.texts import theme_id_for
from audit_app.ui.ops import Op, show_failure
from audit_app.ui.text_answers_panel import FIT_ROWS, TextTableModel
from audit_app.ui.theme_buttons import CHOSEN_STYLE, ThemeButtons

if TYPE_CHECKING:
    from audit_app.services.app_services import AppServices

NEW_THEME_KEY = "Ctrl+T"
QUOTE_KEY = "Ctrl+K"


class SynthesisDialog(QDialog):
    """A mentor reads all answers to one question and tags them with themes (Ctrl+1-9),
    adds themes (stored with the round) and chooses the texts a theme quotes (Ctrl+K)."""

    def __init__(self, services: AppServices, round_ids: list[int], item_id: str, *,
                 unit: str | None = None, gender: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.round_ids = list(round_ids)
        self.item_id = item_id
        self.filters = (unit, gender)
        self.item: ItemFigures | None = None
        self.computing: Op[Report] | None = None
        self.reselect = 0  # the answer shown again once the figures are back
        self.changed = False  # tags or quotes changed: the results view computes again
        self.theme_buttons: ThemeButtons | None = None
        self._theme_keys: list[QShortcut] = []
        self.setWindowTitle(self.tr("Syntes"))
        self.resize(1000, 720)
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.question.setStyleSheet("font-weight: bold;")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #b3261e;")
        self.status.hide()
        self.model = TextTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Svar och kommentarer"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        for col, width in ((0, 130), (1, 120), (2, 100), (4, 170)):
            self.table.setColumnWidth(col, width)
        self.table.horizontalHeader().setSectionResizeMode(
            TextTableModel.TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.reader = QPlainTextEdit()  # the chosen text whole, line breaks kept
        self.reader.setReadOnly(True)
        self.reader.setAccessibleName(self.tr("Vald text"))
        self.theme_row = QWidget()
        self.theme_row.setStyleSheet(CHOSEN_STYLE)
        self.theme_layout = QHBoxLayout(self.theme_row)
        self.theme_layout.setContentsMargins(0, 0, 0, 0)
        self.new_theme = QPushButton(self.tr("Nytt tema… ({0})").format(NEW_THEME_KEY))
        self.new_theme.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.new_theme.clicked.connect(self._ask_new_theme)
        self.quote = QPushButton(self.tr("Valt citat ({0})").format(QUOTE_KEY))
        self.quote.setCheckable(True)
        self.quote.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.quote.setToolTip(self.tr("Temat citerar de valda texterna först, sedan de "
                                      "nyaste (högst tre)."))
        self.quote.clicked.connect(lambda _c=False: self.toggle_quote())
        self.quote.setStyleSheet(CHOSEN_STYLE.replace("QToolButton", "QPushButton"))
        for key, slot in ((NEW_THEME_KEY, self._ask_new_theme), (QUOTE_KEY, self.toggle_quote)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(slot)
        close = QPushButton(self.tr("Stäng"))
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        self._layout(close)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._row_changed())
        self.refresh()

    def _layout(self, close: QPushButton) -> None:
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.reader)
        split.setSizes([440, 160])
        actions = QHBoxLayout()
        actions.addWidget(self.theme_row, 1)
        actions.addWidget(self.quote)
        actions.addWidget(self.new_theme)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Pil upp/ned: nästa text · Ctrl+1–9: tema · "
                                        "{0}: citat · {1}: nytt tema").format(
                                            QUOTE_KEY, NEW_THEME_KEY)))
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.summary)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)
        layout.addLayout(actions)
        layout.addLayout(bottom)

    # -- the texts ------------------------------------------------------------------------

    def refresh(self) -> None:
        """The item's texts and themes, computed on a worker thread."""
        ids, (unit, gender) = self.round_ids, self.filters
        figures = self.services.figures
        op: Op[Report] = Op(self, lambda _task: figures.compute(ids, unit=unit, gender=gender),
                            label=self.tr("Hämtar texterna …"), cancellable=False,
                            on_success=lambda report: self._computed(op, report),
                            on_failure=lambda exc: show_failure(self, exc))
        self.computing = op
        op.start()

    def _computed(self, op: Op[Report], report: Report) -> None:
        if op is not self.computing:
            return
        self.item = next((i for i in report.items if i.item_id == self.item_id), None)
        item = self.item
        self.question.setText(item.question if item is not None else self.item_id)
        self._theme_buttons(item)
        self.model.set_rows(item)
        fit = self.model.rowCount() <= FIT_ROWS
        self.table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents if fit else QHeaderView.ResizeMode.Interactive)
        self._summary(item)
        row = self.model.row_of(self.reselect) if self.reselect else None
        if self.model.rowCount():
            self.table.selectRow(row if row is not None else 0)
        self._row_changed()

    def _summary(self, item: ItemFigures | None) -> None:
        if item is None or not item.comments:
            self.summary.setText(self.tr("Inga skrivna svar eller kommentarer."))
            return
        counted = [self.tr("{0} {1} av {2}").format(t.label, t.count, t.n)
                   for t in item.themes if t.count]
        quoted = sum(1 for c in item.comments if c.quote)
        text = self.tr("{0} texter, {1} valda som citat.").format(len(item.comments), quoted)
        if counted:
            text += " " + self.tr("Teman: {0}.").format(", ".join(counted))
        self.summary.setText(text)

    def _theme_buttons(self, item: ItemFigures | None) -> None:
        """Buttons (and Ctrl+digit) for the item's themes: the checklist's and those added
        with the round; made again only when the themes differ."""
        themes = tuple(Theme(t.id, t.label) for t in (item.themes if item is not None else ()))
        if self.theme_buttons is not None and self.theme_buttons.ids == [t.id for t in themes]:
            return
        if self.theme_buttons is not None:
            self.theme_layout.removeWidget(self.theme_buttons)
            self.theme_buttons.deleteLater()
        for shortcut in self._theme_keys:  # the old buttons' keys, made on this dialog
            shortcut.setEnabled(False)
            shortcut.deleteLater()
        before = set(self.findChildren(QShortcut))
        question = item.question if item is not None else ""
        self.theme_buttons = ThemeButtons(themes, question, self)
        self._theme_keys = [k for k in self.findChildren(QShortcut) if k not in before]
        self.theme_buttons.toggled_themes.connect(self._tag)
        self.theme_layout.insertWidget(0, self.theme_buttons, 1)

    def current_text(self) -> Comment | None:
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def _row_changed(self) -> None:
        text = self.current_text()
        if self.theme_buttons is not None:
            self.theme_buttons.set_chosen(text.theme_ids if text is not None else ())
            self.theme_buttons.set_read_only(text is None)
        self.quote.setEnabled(text is not None and bool(text.theme_ids))
        self.quote.setChecked(text is not None and text.quote)
        self.new_theme.setEnabled(text is not None)
        self.reader.setPlainText(self._reading(text) if text is not None else "")

    def _reading(self, c: Comment) -> str:
        kind = self.tr("Svar") if c.written else self.tr("Kommentar")
        head = self.tr("Ärende {0} · {1} · {2} · {3}").format(c.case_ref, c.round_name,
                                                               c.reviewer or "–", kind)
        themes = self.tr("Teman: {0}").format(", ".join(c.themes) or "–")
        if c.quote:
            themes += " · ★ " + self.tr("valt citat")
        return f"{head}\n{themes}\n\n{c.text}"

    # -- tagging and quotes ---------------------------------------------------------------

    def _tag(self, theme_ids: list[str], new: dict[str, str] | None = None) -> None:
        text = self.current_text()
        if text is None:
            return
        self._act(text, lambda: self.services.themes.tag_text(text.answer_id, theme_ids, new))

    def add_theme(self, label: str) -> None:
        """Tag the chosen text with a theme new for this item (kept with the round)."""
        label = " ".join(label.split())
        text = self.current_text()
        if label and text is not None:
            theme_id = theme_id_for(label)
            self._tag([*text.theme_ids, theme_id], {theme_id: label})

    def _ask_new_theme(self) -> None:
        if self.current_text() is None:
            return
        label, ok = QInputDialog.getText(self, self.tr("Nytt tema"),
                                         self.tr("Temats namn (sparas med omgången):"))
        if ok:
            self.add_theme(label)

    def toggle_quote(self) -> None:
        """Choose the text as a quote of its themes, or take the choice back."""
        text = self.current_text()
        if text is not None:
            self._act(text, lambda: self.services.themes.set_quote(text.answer_id,
                                                                   not text.quote))

    def _act(self, text: Comment, change: Callable[[], object]) -> None:
        try:
            change()
        except UserError as exc:
            self.status.setText(str(exc))
            self.status.show()
            self._row_changed()  # the buttons as stored
            return
        self.status.hide()
        self.changed = True
        self.reselect = text.answer_id
        self.refresh()
