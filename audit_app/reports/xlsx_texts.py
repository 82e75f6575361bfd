"""The results workbook's sheet of every written answer and comment, in full."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from audit_app.domain.figures import ItemFigures, Report
from audit_app.domain.i18n import answer_label, msg
from audit_app.reports.xlsx_text import append_fitted, as_text, header_written

TEXTS_SHEET = "Texter"
THEMES_SHEET = "Teman"
TEXT_COLUMNS = (("Omgång", 22), ("Ärende", 14), ("Nr", 5), ("Kontrollpunkt-id", 24),
                ("Kontrollpunkt", 40), ("Slag", 11), ("Svar", 12), ("Granskare", 18),
                ("Text", 80), ("Teman", 30))
THEME_COLUMNS = (("Nr", 5), ("Kontrollpunkt", 40), ("Tema", 24), ("Antal", 8),
                 ("Texter", 8), ("Andel", 8), ("Citat", 80))


def texts_summary(item: ItemFigures, lang: str = "sv") -> str:
    """What the summary sheet says for a written item instead of every text."""
    return msg("{n} skrivna svar (se bladet {sheet})", lang, n=len(item.written),
               sheet=msg(TEXTS_SHEET, lang))


def _sheet(wb: Workbook, name: str, columns: tuple[tuple[str, int], ...],
           lang: str) -> WriteOnlyWorksheet:
    ws = wb.create_sheet(msg(name, lang))
    head = []
    for k, (title, width) in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(k)].width = width
        cell = as_text(WriteOnlyCell(ws, msg(title, lang)))
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE4EE")
        head.append(cell)
    ws.freeze_panes = "A2"
    ws.append(head)
    header_written(ws)
    return ws


def themes_sheet(wb: Workbook, report: Report, lang: str = "sv") -> int:
    """One row per item and theme: x of n texts, the share and its quotes (those the user
    chose first, then the newest), as the PDF and the JSON; returns rows."""
    ws = _sheet(wb, THEMES_SHEET, THEME_COLUMNS, lang)
    wrap = Alignment(wrap_text=True, vertical="top")
    rows = 0
    for number, item in enumerate(report.items, start=1):
        if not any(t.n for t in item.themes):  # an item without texts, as in the PDF
            continue
        for theme in item.themes:
            quotes = as_text(WriteOnlyCell(ws, "\n".join(
                f"{case}: {text}" for case, text in theme.quotes)))
            quotes.alignment = wrap
            share = WriteOnlyCell(ws, theme.share)
            share.number_format = "0%"
            append_fitted(ws, [number, item.question, theme.label, theme.count,
                              theme.n, share, quotes])
            rows += 1
    return rows


def texts_sheet(wb: Workbook, report: Report, lang: str = "sv") -> int:
    """One row per text (case, item, reviewer, text with its line breaks); returns rows."""
    ws = _sheet(wb, TEXTS_SHEET, TEXT_COLUMNS, lang)
    wrap = Alignment(wrap_text=True, vertical="top")
    rows = 0
    for number, item in enumerate(report.items, start=1):
        for c in item.comments:
            text = as_text(WriteOnlyCell(ws, c.text))
            text.alignment = wrap
            answer = "" if c.written else answer_label(item.label(c.value or ""), lang)
            append_fitted(ws, [c.round_name, c.case_ref, number, item.item_id,
                              item.question,
                              msg("Svar" if c.written else "Kommentar", lang),
                              answer, c.reviewer, text, "; ".join(c.themes)])
            rows += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(TEXT_COLUMNS))}{max(rows, 1) + 1}"
    return rows
