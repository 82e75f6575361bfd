"""The results view's texts of one item in full (case, reviewer, text), and its answer bar."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from audit_app.domain.distribution import Step, distribution, step_colour
from audit_app.domain.figures import Comment, ItemFigures, percent
from audit_app.domain.texts import same_text_key, theme_id_for
from audit_app.ui.i18n import term
from audit_app.ui.models import TitledTableModel
from audit_app.ui.theme_buttons import CHOSEN_STYLE

Index = QModelIndex | QPersistentModelIndex
FIT_ROWS = 500


class TextTableModel(TitledTableModel):
    """One row per text: case, reviewer, kind (answer or comment), the whole text."""

    TEXT_COLUMN = 3

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Comment] = []
        self._same: dict[str, int] = {}
        self._labels: dict[str, str] = {}
        self._rounds = False
        self.headers = (self.tr("Ärende"), self.tr("Granskare"), self.tr("Slag"),
                        self.tr("Text"), self.tr("Teman"))

    def set_rows(self, item: ItemFigures | None) -> None:
        self.beginResetModel()
        self._rows = list(reversed(item.comments)) if item is not None else []  # newest first
        self._labels = dict(item.options) if item is not None else {}
        self._rounds = len({c.round_name for c in self._rows}) > 1  # case refs may repeat
        self._same = {}
        for c in self._rows:
            key = same_text_key(c.text)
            self._same[key] = self._same.get(key, 0) + 1
        self.endResetModel()

    def row(self, index: int) -> Comment:
        return self._rows[index]

    def row_of(self, answer_id: int) -> int | None:
        return next((k for k, c in enumerate(self._rows) if c.answer_id == answer_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        c = self._rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.TEXT_COLUMN:
            return c.text
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if c.written:
            kind = self.tr("Svar")
        else:
            answer = term(self._labels.get(c.value or "", c.value or ""))
            kind = self.tr("Kommentar") + (f" ({answer})" if answer else "")
        same = self._same.get(same_text_key(c.text), 1)
        text = c.text + (f"\n({self.tr('samma text i {0} ärenden').format(same)})"
                         if same > 1 else "")
        quote = self.tr("valt citat")
        themes = ", ".join(c.themes) + (f"\n★ {quote}" if c.quote else "")
        case = f"{c.case_ref}\n{c.round_name}" if self._rounds else c.case_ref
        return (case, c.reviewer, kind, text, themes)[index.column()]


class DistributionBar(QWidget):
    """The answers of a graded or scale item as one stacked bar with a legend."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.steps: list[Step] = []
        self.setMinimumHeight(24)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_steps(self, steps: list[Step]) -> None:
        self.steps = steps
        self.setAccessibleDescription(self.text())
        self.setToolTip(self.text())
        self.update()

    def text(self) -> str:
        return ", ".join(f"{term(s.label)} {s.count} ({percent(s.share)})"
                         for s in self.steps)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        rect = self.rect().adjusted(0, 2, -1, -2)
        x = float(rect.left())
        for step in self.steps:
            width = rect.width() * step.share
            part = QRect(round(x), rect.top(), round(x + width) - round(x), rect.height())
            painter.fillRect(part, QColor(step_colour(step)))
            label = f"{term(step.label)} {percent(step.share)}"  # as the tables
            if painter.fontMetrics().horizontalAdvance(label) + 6 < part.width():
                painter.setPen(QColor("white"))
                painter.drawText(part, Qt.AlignmentFlag.AlignCenter, label)
            x += width
        painter.end()


class TextAnswersPanel(QWidget):
    """Below the figures: the chosen item's answer distribution and all its texts; the
    synthesis: the chosen text is tagged with the item's themes, or with a new one."""

    tag_requested = Signal(int, list, dict)  # answer id, theme ids, new themes id -> label

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item: ItemFigures | None = None
        self.tag_buttons: list[QToolButton] = []
        self.tag_row = QWidget()
        self.tag_row.setStyleSheet(CHOSEN_STYLE)  # a chosen theme as in the review form
        self.tag_layout = QHBoxLayout(self.tag_row)
        self.tag_layout.setContentsMargins(0, 0, 0, 0)
        self.tag_layout.addWidget(QLabel(self.tr("Märk vald text med tema:")))
        self.new_theme = QPushButton(self.tr("Nytt tema…"))
        self.new_theme.clicked.connect(self._ask_new_theme)
        self.tag_layout.addWidget(self.new_theme)
        self.tag_layout.addStretch(1)
        self.bar_label = QLabel(self.tr("Svarens fördelning:"))
        self.bar = DistributionBar()
        self.bar.setAccessibleName(self.tr("Svarens fördelning"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = TextTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Svar och kommentarer"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for col, width in ((0, 110), (1, 130), (2, 130), (4, 170)):
            self.table.setColumnWidth(col, width)
        header.setSectionResizeMode(TextTableModel.TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar_label)
        layout.addWidget(self.bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.tag_row)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._row_changed())

    def show_item(self, item: ItemFigures | None) -> None:
        self.item = item
        self._theme_buttons(item)
        steps = distribution(item, item.total) if item is not None and item.graded else []
        self.bar.set_steps(steps)
        self.bar.setVisible(bool(steps))
        self.bar_label.setVisible(bool(steps))
        self.model.set_rows(item)
        # whole texts in rows as tall as they need; a very long list keeps one line a row
        fit = self.model.rowCount() <= FIT_ROWS
        self.table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents if fit else QHeaderView.ResizeMode.Interactive)
        if item is None or not item.comments:
            self.summary.setText(self.tr("Inga skrivna svar eller kommentarer."))
        else:
            text = self.tr("{0} skrivna svar och {1} kommentarer.").format(
                len(item.written), len(item.remarks))
            counted = [self.tr("{0} {1} av {2} ({3} %)").format(
                t.label, t.count, t.n, round(100 * (t.share or 0))) for t in item.themes]
            if counted:
                text += " " + self.tr("Teman: {0}.").format(", ".join(counted))
            self.summary.setText(text)
        self.table.setVisible(item is not None and bool(item.comments))
        self.tag_row.setVisible(item is not None and bool(item.comments))
        self._row_changed()

    # -- synthesis: tagging the chosen text -----------------------------------------------

    def _theme_buttons(self, item: ItemFigures | None) -> None:
        for button in self.tag_buttons:
            self.tag_layout.removeWidget(button)
            button.deleteLater()
        self.tag_buttons = []
        for n, theme in enumerate(item.themes if item is not None else ()):
            button = QToolButton()
            button.setText(theme.label)
            button.setCheckable(True)
            button.setAccessibleName(self.tr("Tema {0}").format(theme.label))
            button.setProperty("theme_id", theme.id)
            button.clicked.connect(lambda _c=False: self._tag())
            self.tag_layout.insertWidget(1 + n, button)
            self.tag_buttons.append(button)

    def current_text(self) -> Comment | None:
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def select_answer(self, answer_id: int) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row(row).answer_id == answer_id:
                self.table.selectRow(row)
                return

    def _row_changed(self) -> None:
        text = self.current_text()
        for button in self.tag_buttons:
            button.setEnabled(text is not None)
            button.setChecked(text is not None and button.text() in text.themes)
        self.new_theme.setEnabled(text is not None)

    def _chosen(self) -> list[str]:
        return [str(b.property("theme_id")) for b in self.tag_buttons if b.isChecked()]

    def _tag(self, new: dict[str, str] | None = None) -> None:
        text = self.current_text()
        if text is None:
            return
        ids = self._chosen() + list(new or {})
        self.tag_requested.emit(text.answer_id, ids, dict(new or {}))

    def add_theme(self, label: str) -> None:
        """Tag the chosen text with a theme that is new for this item."""
        label = " ".join(label.split())
        if label:
            self._tag({theme_id_for(label): label})

    def _ask_new_theme(self) -> None:
        label, ok = QInputDialog.getText(self, self.tr("Nytt tema"),
                                         self.tr("Temats namn (sparas med omgången):"))
        if ok:
            self.add_theme(label)
