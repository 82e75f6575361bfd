"""The 4×4 risk matrix (sannolikhet × konsekvens), painted, with one cell highlighted."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from audit_app.domain.plan import RISK_LEVELS

LEVELS = list(RISK_LEVELS)
GREEN, YELLOW, ORANGE, RED = (QColor("#A5D6A7"), QColor("#FFF59D"), QColor("#FFCC80"),
                              QColor("#EF9A9A"))


def risk_colour(risk: int) -> QColor:
    """The usual bands of a 4×4 matrix: 1–3 green, 4–6 yellow, 8–9 orange, 12–16 red."""
    if risk <= 3:
        return GREEN
    if risk <= 6:
        return YELLOW
    if risk <= 9:
        return ORANGE
    return RED


class RiskMatrix(QWidget):
    """Sannolikhet upwards, konsekvens to the right; each cell shows its risk value and, for a
    whole plan, the ids of the controls in it. Clicking a cell emits `chosen(s, k)`."""

    chosen = Signal(int, int)

    def __init__(self, parent: QWidget | None = None, cell: int = 44) -> None:
        super().__init__(parent)
        self.cell = cell
        self.margin = 30
        self.current: tuple[int, int] | None = None
        self.labels: dict[tuple[int, int], list[str]] = {}
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Riskmatris"))
        self.setToolTip(self.tr("Sannolikhet (uppåt) × konsekvens (åt höger); klicka i en "
                                "ruta för att välja"))

    def sizeHint(self) -> QSize:  # noqa: N802
        side = self.margin + 4 * self.cell + 2
        return QSize(side, side)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def set_current(self, sannolikhet: int | None, konsekvens: int | None = None) -> None:
        """Highlight one cell (None: none)."""
        self.current = None if sannolikhet is None or konsekvens is None else (
            sannolikhet, konsekvens)
        self.setAccessibleDescription(
            "" if self.current is None else self.tr("Sannolikhet {0}, konsekvens {1}, risk "
                                                    "{2}").format(
                sannolikhet, konsekvens, (sannolikhet or 0) * (konsekvens or 0)))
        self.update()

    def set_labels(self, labels: dict[tuple[int, int], list[str]]) -> None:
        """The control ids to write in each cell (a plan's overview)."""
        self.labels = labels
        self.update()

    def cell_rect(self, sannolikhet: int, konsekvens: int) -> QRectF:
        x = self.margin + (konsekvens - 1) * self.cell
        y = (4 - sannolikhet) * self.cell
        return QRectF(x, y, self.cell, self.cell)

    def cell_at(self, point: QPointF) -> tuple[int, int] | None:
        for s in LEVELS:
            for k in LEVELS:
                if self.cell_rect(s, k).contains(point):
                    return s, k
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        found = self.cell_at(event.position())
        if found is not None and self.isEnabled():
            self.chosen.emit(*found)
        super().mousePressEvent(event)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.8))
        text_colour = QColor("#212121")
        for s in LEVELS:
            for k in LEVELS:
                rect = self.cell_rect(s, k)
                p.fillRect(rect, risk_colour(s * k))
                p.setPen(QPen(QColor("#757575"), 1))
                p.drawRect(rect)
                p.setPen(text_colour)
                names = self.labels.get((s, k), [])
                if names:
                    p.setFont(small)
                    shown = names[:2] + (["…"] if len(names) > 2 else [])
                    p.drawText(rect.adjusted(2, 2, -2, -2), Qt.AlignmentFlag.AlignCenter
                               | Qt.TextFlag.TextWordWrap, "\n".join(n[:8] for n in shown))
                else:
                    p.setFont(self.font())
                    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(s * k))
        if self.current is not None:
            p.setPen(QPen(QColor("#0D47A1"), 4))
            p.drawRect(self.cell_rect(*self.current).adjusted(2, 2, -2, -2))
        p.setPen(text_colour)
        p.setFont(small)
        for n in LEVELS:  # the scales: sannolikhet at the left, konsekvens below
            row = self.cell_rect(n, 1)
            p.drawText(QRectF(0, row.y(), self.margin - 4, self.cell),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(n))
            col = self.cell_rect(1, n)
            p.drawText(QRectF(col.x(), 4 * self.cell, self.cell, self.margin),
                       Qt.AlignmentFlag.AlignCenter, str(n))
        p.drawText(QRectF(0, 4 * self.cell, self.margin, self.margin),
                   Qt.AlignmentFlag.AlignCenter, "S\\K")  # i18n: ok - axis initials
        p.end()
