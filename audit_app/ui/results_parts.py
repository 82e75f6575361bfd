"""Pieces of the results view: the figure table model and the target bar."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from audit_app.domain.figures import TOTAL, Figure, GroupKey, Verdict, interval_text, percent
from audit_app.ui.i18n import term
from audit_app.ui.models import TitledTableModel

Index = QModelIndex | QPersistentModelIndex
FIGURE_ROLE = Qt.ItemDataRole.UserRole + 2
VERDICT_COLOURS = {Verdict.MET: "#2e7d32", Verdict.NOT_MET: "#c62828",
                   Verdict.UNCLEAR: "#f9a825", Verdict.NO_TARGET: "#9e9e9e",
                   Verdict.NO_DATA: "#bdbdbd"}


@dataclass(frozen=True)
class FigureRow:
    """One line of a figure table: an item's total, or one of its groups."""

    label: str
    figure: Figure
    item_id: str
    scored: bool = True
    key: GroupKey = TOTAL  # the cases behind the figure, for the drill-down
    counts_text: str = ""  # answers with their labels, for unscored items


class FigureTableModel(TitledTableModel):
    """Label, x av n, percent, interval, target, verdict, and a bar against the target."""

    BAR_COLUMN = 6

    def __init__(self, headers: tuple[str, ...]) -> None:
        super().__init__()
        self.headers = headers
        self._rows: list[FigureRow] = []

    def set_rows(self, rows: list[FigureRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> FigureRow:
        return self._rows[index]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        fig, col = row.figure, index.column()
        if role == FIGURE_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return row.label
        if role == Qt.ItemDataRole.ForegroundRole and col == 5 and row.scored:
            return QColor(VERDICT_COLOURS[fig.verdict])
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if not row.scored:
            return (row.label, row.counts_text or "–", "", "", "", "", "")[col]
        values = (row.label, self.tr("{0} av {1}").format(fig.x, fig.n) if fig.n else "–",
                  percent(fig.rate), interval_text(fig),
                  f"{fig.target:g} %" if fig.target is not None else "–",
                  term(fig.verdict.value) if fig.n else "–", "")
        return values[col]


class TargetBarDelegate(QStyledItemDelegate):
    """Paints the compliance bar, its 95 % interval and the target as a red line."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        row = index.data(FIGURE_ROLE)
        if not isinstance(row, FigureRow) or not row.scored:
            return
        paint_bar(painter, option.rect.adjusted(6, 5, -6, -5), row.figure)


def paint_bar(painter: QPainter, rect: QRect, fig: Figure) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(rect, QColor("#eceff1"))
    if fig.rate is not None:
        bar = QRect(rect.left(), rect.top(), round(rect.width() * fig.rate), rect.height())
        painter.fillRect(bar, QColor(VERDICT_COLOURS[fig.verdict]))
        if fig.low is not None and fig.high is not None:
            painter.setPen(QPen(QColor("#263238"), 1))
            mid = rect.center().y()
            x0 = rect.left() + round(rect.width() * fig.low)
            x1 = rect.left() + round(rect.width() * fig.high)
            painter.drawLine(x0, mid, x1, mid)
            painter.drawLine(x0, mid - 3, x0, mid + 3)
            painter.drawLine(x1, mid - 3, x1, mid + 3)
    if fig.target is not None:
        x = rect.left() + round(rect.width() * fig.target / 100)
        painter.setPen(QPen(QColor("#b71c1c"), 2, Qt.PenStyle.DashLine))
        painter.drawLine(x, rect.top() - 3, x, rect.bottom() + 3)
    painter.restore()

