"""The summary PDF's qualitative parts: quoted texts, the answers' bar, double review."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from audit_app.domain.agreement_text import agreement_line
from audit_app.domain.distribution import distribution, step_colour
from audit_app.domain.figures import (
    SMALL_N,
    Comment,
    Figure,
    ItemFigures,
    figure_text,
)
from audit_app.domain.i18n import answer_label, msg
from audit_app.domain.texts import DEFAULT_QUOTES, Quote, summarise_texts
from audit_app.reports.pdf_parts import FONT, GRID, INK, MUTED

CASES_SHOWN = 6  # case references after a quote; the rest are in the Excel file
QUOTE_WIDTHS = (16 * mm, 154 * mm)


def _quote_html(quote: Quote, lang: str) -> str:
    text = "<br/>".join(escape(line) for line in quote.text.strip().splitlines())
    cases = ", ".join(quote.cases[:CASES_SHOWN])
    if len(quote.cases) > CASES_SHOWN:
        cases += msg(" m.fl. ({n} ärenden)", lang, n=len(quote.cases))
    return f"{text}<br/><font size='7' color='#57606a'>{escape(cases)}</font>"


def quotes_block(title: str, texts: tuple[Comment, ...], st: dict[str, Any],
                 limit: int = DEFAULT_QUOTES, lang: str = "sv") -> list[Any]:
    """A heading, the quotes (identical texts once, with "3 ×") and what was left out."""
    if not texts:
        return []
    summary = summarise_texts(texts, limit)
    rows = [[Paragraph(f"{q.count} ×" if q.count > 1 else "", st["cellb"]),
             Paragraph(_quote_html(q, lang), st["cell"])] for q in summary.quotes]
    table = Table(rows, colWidths=list(QUOTE_WIDTHS))
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
    ]))
    distinct = len({" ".join(c.text.split()).casefold() for c in texts})
    head = f"{title} ({summary.total}" + (msg(", {n} olika", lang, n=distinct)
                                           if distinct < summary.total else "") + ")"
    out: list[Any] = [Spacer(1, 3 * mm), Paragraph(escape(head), st["cellb"]), table]
    if summary.more:
        out.append(Paragraph(escape(msg("och {n} till: se Excel-filen", lang, n=summary.more)),
                             st["small"]))
    return out


def distribution_bar(item: ItemFigures, fig: Figure, width: float = 440,
                     masked: bool = False, lang: str = "sv") -> Drawing | None:
    """The answers of a graded or scale item as one stacked bar with a legend under it."""
    steps = distribution(item, fig)
    if not steps:
        return None
    bar_h, legend_h = 14.0, 12.0
    d = Drawing(width, bar_h + legend_h + 6)
    base = legend_h + 4
    if masked:
        d.add(String(0, base + 3, msg("Fördelning: <5", lang), fontName=FONT, fontSize=7.5,
                     fillColor=MUTED))
        return d
    x = 0.0
    for step in steps:
        w = width * step.share
        colour = colors.HexColor(step_colour(step))
        if w > 0:
            d.add(Rect(x, base, w, bar_h, fillColor=colour, strokeColor=colors.white,
                       strokeWidth=0.5))
            text = f"{step.share * 100:.0f} %"
            if w > 26:
                ink = colors.white if not step.neutral or step.severity > 0.5 else INK
                d.add(String(x + w / 2, base + 4, text, fontName=FONT, fontSize=7,
                             fillColor=ink, textAnchor="middle"))
        x += w
    lx = 0.0
    for step in steps:  # legend: swatch, label and count
        d.add(Rect(lx, 2, 7, 7, fillColor=colors.HexColor(step_colour(step)),
                   strokeColor=None))
        label = f"{answer_label(step.label, lang)} {step.count}"
        d.add(String(lx + 10, 2.5, label, fontName=FONT, fontSize=7, fillColor=INK))
        lx += 10 + stringWidth(label, FONT, 7) + 12
    return d


THEME_WIDTHS = (40 * mm, 26 * mm, 104 * mm)


def themes_block(item: ItemFigures, st: dict[str, Any], publication: bool,
                 lang: str = "sv") -> list[Any]:
    """Each theme: its count of the item's texts (x of n, share) and its quotes (those
    the user chose, then the newest)."""
    if not item.themes or not any(t.n for t in item.themes):
        return []
    rows: list[list[Any]] = [[Paragraph(msg(h, lang), st["cellb"])
                              for h in ("Tema", "Texter", "Citat")]]
    for theme in item.themes:
        share = f" ({theme.share * 100:.0f} %)" if theme.share is not None else ""
        counted = msg("{count} av {n}", lang, count=theme.count, n=theme.n) + share
        if publication and 0 < theme.n < SMALL_N:
            counted = "<5"
        quotes = "" if publication else "<br/>".join(
            f"<font color='#57606a'>{escape(case)}:</font> "
            + "<br/>".join(escape(line) for line in text.strip().splitlines())
            for case, text in theme.quotes)
        rows.append([Paragraph(escape(theme.label), st["cell"]),
                     Paragraph(counted, st["cell"]),
                     Paragraph(quotes, st["cell"])])
    table = Table(rows, colWidths=list(THEME_WIDTHS), repeatRows=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
    ]))
    return [Spacer(1, 3 * mm), Paragraph(msg("Teman", lang), st["cellb"]), table]


def double_review_block(item: ItemFigures, st: dict[str, Any], publication: bool,
                        lang: str = "sv") -> list[Any]:
    """Small lines under the item: the reviewers' agreement and the chosen cases' figure."""
    lines = []
    a = item.agreement
    if a is not None:
        lines.append(agreement_line(a, lang))
    if item.chosen is not None and item.chosen.n:
        lines.append(msg("Valda ärenden (utanför stickprovet): ", lang)
                     + figure_text(item.chosen, publication=publication, lang=lang))
    if not lines:
        return []
    return [Spacer(1, 1.5 * mm), *(Paragraph(escape(line), st["small"]) for line in lines)]
