"""Building blocks of the summary PDF: fonts, styles, page numbers, traffic lights, bar charts."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.flowables import Flowable

from audit_app.domain.figures import Figure, Verdict
from audit_app.paths import resources_dir

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"

VERDICT_COLOURS = {
    Verdict.MET: colors.HexColor("#2e7d32"),
    Verdict.NOT_MET: colors.HexColor("#c62828"),
    Verdict.UNCLEAR: colors.HexColor("#f9a825"),
    Verdict.NO_TARGET: colors.HexColor("#9e9e9e"),
    Verdict.NO_DATA: colors.HexColor("#e0e0e0"),
}
BAR = colors.HexColor("#1f5f8b")
BAR_LIGHT = colors.HexColor("#9fbfd6")
GRID = colors.HexColor("#d0d7de")
INK = colors.HexColor("#1b1f24")
MUTED = colors.HexColor("#57606a")


def register_fonts() -> None:
    """Embed DejaVu Sans (bundled in resources/fonts) so å, ä, ö and – print everywhere."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    folder = resources_dir() / "fonts"
    pdfmetrics.registerFont(TTFont(FONT, str(folder / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(folder / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT,
                                  boldItalic=FONT_BOLD)


def styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13, textColor=INK)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10.5,
                                textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11),
        "cellb": ParagraphStyle("cellb", parent=base, fontName=FONT_BOLD, fontSize=8.5,
                                leading=11),
        "title": ParagraphStyle("title", parent=base, fontName=FONT_BOLD, fontSize=24,
                                leading=30, spaceAfter=10),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=14, leading=19,
                                   textColor=MUTED, spaceAfter=24),
        "h1": ParagraphStyle("h1", parent=base, fontName=FONT_BOLD, fontSize=15, leading=20,
                             spaceBefore=4, spaceAfter=8),
        "h2": ParagraphStyle("h2", parent=base, fontName=FONT_BOLD, fontSize=11.5,
                             leading=15, spaceBefore=10, spaceAfter=4),
        "mono": ParagraphStyle("mono", parent=base, fontSize=8, leading=10.5),
    }


@lru_cache(maxsize=4096)
def wrap_text(text: str, font: str, size: float, width: float) -> tuple[str, ...]:
    """Greedy word wrap as a Paragraph does it (runs of white space are one space, a word
    wider than the line is broken), without a Paragraph's markup parsing; cached because
    report cells repeat the same texts."""
    space = pdfmetrics.stringWidth(" ", font, size)
    lines: list[str] = []
    words: list[str] = []
    used = -space
    for word in text.split():
        w = pdfmetrics.stringWidth(word, font, size)
        if words and used + space + w > width:
            lines.append(" ".join(words))
            words, used = [], -space
        while w > width and len(word) > 1:  # a long word alone: cut where it fills the line
            cut = len(word) - 1
            while cut > 1 and pdfmetrics.stringWidth(word[:cut], font, size) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
            w = pdfmetrics.stringWidth(word, font, size)
        words.append(word)
        used += space + w
    if words:
        lines.append(" ".join(words))
    return tuple(lines) or ("",)


class TextLines(Flowable):
    """Many plain lines in one font (the sampling protocol: one line per drawn case), laid
    out and split across pages as one flowable instead of one Paragraph per line. Spaces at
    the start of a line are kept; a line wider than the frame is wrapped."""

    def __init__(self, lines: list[str], font: str, size: float, leading: float,
                 colour: Any = INK, *, wrapped_at: float | None = None) -> None:
        super().__init__()
        self.lines = lines
        self.font, self.size, self.leading, self.colour = font, size, leading, colour
        self._wrapped_at = wrapped_at

    def _layout(self, width: float) -> list[str]:
        if self._wrapped_at != width:
            out: list[str] = []
            for line in self.lines:
                if pdfmetrics.stringWidth(line, self.font, self.size) <= width:
                    out.append(line)
                else:
                    out += wrap_text(line, self.font, self.size, width)
            self.lines, self._wrapped_at = out, width
        return self.lines

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = len(self._layout(avail_width)) * self.leading
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        lines = self._layout(avail_width)
        fits = int(avail_height // self.leading)
        if fits <= 0:
            return []
        if fits >= len(lines):
            return [self]
        return [TextLines(lines[:fits], self.font, self.size, self.leading, self.colour,
                          wrapped_at=avail_width),
                TextLines(lines[fits:], self.font, self.size, self.leading, self.colour,
                          wrapped_at=avail_width)]

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFillColor(self.colour)
        text = canvas.beginText(0, self.height - self.size)  # where a Paragraph puts it
        text.setFont(self.font, self.size, self.leading)
        for line in self.lines:
            text.textLine(line)
        canvas.drawText(text)


Cell = tuple[str, ...]  # a table cell's wrapped lines


class TextRows(Flowable):
    """Rows of plain text cells (lines already wrapped) with a rule under each row, drawn
    as one text object and split between rows across pages: a comment table of thousands
    of rows without a Table's per-cell work. Looks like a Table with VALIGN TOP and its
    default padding; a row too tall for a page is continued on the next."""

    PAD_X, PAD_TOP, PAD_BOTTOM = 6.0, 3.0, 3.0
    TALL = 200.0  # rows taller than this may break between their lines

    def __init__(self, rows: Sequence[tuple[Cell, ...]], widths: tuple[float, ...], style: Any,
                 rule: Any, rule_width: float = 0.3, *, continued: bool = False) -> None:
        super().__init__()
        self.hAlign = "CENTER"  # as a Table: wider than the frame's inner width by its padding
        self.rows: list[tuple[Cell, ...]] = list(rows)
        self.widths, self.style = widths, style
        self.rule, self.rule_width = rule, rule_width
        self.continued = continued  # the rest of a split table: a rule on top, as a Table
        pad = self.PAD_TOP + self.PAD_BOTTOM
        self.heights = [max(len(cell) for cell in row) * style.leading + pad for row in rows]

    def _part(self, rows: list[tuple[Cell, ...]], continued: bool) -> TextRows:
        return TextRows(rows, self.widths, self.style, self.rule, self.rule_width,
                        continued=continued)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = sum(self.widths), sum(self.heights)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        used, fits = 0.0, 0
        for height in self.heights:
            if used + height > avail_height:
                break
            used, fits = used + height, fits + 1
        if fits == len(self.rows):
            return [self]
        if fits == 0:
            lines = int((avail_height - self.PAD_TOP - self.PAD_BOTTOM) // self.style.leading)
            if self.heights[0] <= self.TALL or lines < 1:
                return []
            first = self.rows[0]
            return [self._part([tuple(cell[:lines] for cell in first)], self.continued),
                    self._part([tuple(cell[lines:] for cell in first)] + self.rows[1:], True)]
        return [self._part(self.rows[:fits], self.continued),
                self._part(self.rows[fits:], True)]

    def draw(self) -> None:
        canvas, st = self.canv, self.style
        text = canvas.beginText()
        text.setFont(st.fontName, st.fontSize, st.leading)
        text.setFillColor(st.textColor)
        top = self.height
        rules = [(0, top, self.width, top)] if self.continued else []
        for row, height in zip(self.rows, self.heights, strict=True):
            x = self.PAD_X
            for cell, width in zip(row, self.widths, strict=True):
                text.setTextOrigin(x, top - self.PAD_TOP - st.fontSize)
                for line in cell:
                    text.textLine(line)
                x += width
            top -= height
            rules.append((0, top, self.width, top))
        canvas.drawText(text)
        canvas.setStrokeColor(self.rule)
        canvas.setLineWidth(self.rule_width)
        canvas.lines(rules)


class NumberedCanvas(Canvas):
    """Holds every page until the end so each can say "Sida x av y"."""

    footer_left = ""
    page_text = "Sida {0} av {1}"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._footer(number, total)
            super().showPage()
        super().save()

    def _footer(self, number: int, total: int) -> None:
        width, _ = self._pagesize
        self.setFont(FONT, 8)
        self.setFillColor(MUTED)
        left = self.footer_left
        room = width - 2 * 20 * 2.835 - 70  # leave the page number its place
        while left and self.stringWidth(left, FONT, 8) > room:
            left = left[:-2] + "…" if not left.endswith("…") else left[:-2] + "…"
        self.drawString(20 * 2.835, 12 * 2.835, left)
        self.drawRightString(width - 20 * 2.835, 12 * 2.835, self.page_text.format(number, total))


def traffic_light(verdict: Verdict, size: float = 11) -> Drawing:
    drawing = Drawing(size, size)
    drawing.add(Circle(size / 2, size / 2, size / 2 - 0.5, fillColor=VERDICT_COLOURS[verdict],
                       strokeColor=colors.white, strokeWidth=0.5))
    return drawing


def bar_chart(rows: list[tuple[str, Figure, bool]], target: float | None,
              width: float = 440, target_label: str = "Mål") -> Drawing:
    """Horizontal bars of compliance per group, the 95 % interval as a whisker, the target
    as a dashed line. rows: (label, figure, masked)."""
    label_w, right_w, row_h, top = 120.0, 70.0, 17.0, 16.0
    plot_w = width - label_w - right_w
    height = top + row_h * len(rows) + 16
    d = Drawing(width, height)
    base_y = 14.0
    for pct in (0, 25, 50, 75, 100):
        x = label_w + plot_w * pct / 100
        d.add(Line(x, base_y, x, height - top + 4, strokeColor=GRID, strokeWidth=0.5))
        d.add(String(x, 3, f"{pct} %", fontName=FONT, fontSize=6.5, fillColor=MUTED,
                     textAnchor="middle"))
    for k, (label, fig, masked) in enumerate(rows):
        y = height - top - row_h * (k + 1) + 4
        d.add(String(label_w - 6, y + 3, label, fontName=FONT, fontSize=7.5, fillColor=INK,
                     textAnchor="end"))
        if masked or fig.rate is None:
            text = "<5" if masked else "inga data"
            d.add(String(label_w + 4, y + 3, text, fontName=FONT, fontSize=7.5,
                         fillColor=MUTED))
            continue
        colour = BAR if k == 0 else BAR_LIGHT
        d.add(Rect(label_w, y, plot_w * fig.rate, row_h - 6, fillColor=colour,
                   strokeColor=None))
        if fig.low is not None and fig.high is not None:
            mid = y + (row_h - 6) / 2
            x0, x1 = label_w + plot_w * fig.low, label_w + plot_w * fig.high
            d.add(Line(x0, mid, x1, mid, strokeColor=INK, strokeWidth=0.7))
            for x in (x0, x1):
                d.add(Line(x, mid - 2.5, x, mid + 2.5, strokeColor=INK, strokeWidth=0.7))
        d.add(String(width - right_w + 6, y + 3, f"{fig.x}/{fig.n}  "
                     + f"{fig.rate * 100:.0f} %", fontName=FONT, fontSize=7.5, fillColor=INK))
    if target is not None:
        x = label_w + plot_w * target / 100
        d.add(Line(x, base_y, x, height - top + 4, strokeColor=colors.HexColor("#c62828"),
                   strokeWidth=1.2, strokeDashArray=[3, 2]))
        d.add(String(x, height - top + 6, f"{target_label} {target:g} %", fontName=FONT_BOLD,
                     fontSize=7, fillColor=colors.HexColor("#c62828"), textAnchor="middle"))
    return d
