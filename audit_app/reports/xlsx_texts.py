"""The results workbook's sheet of every written answer and comment, in full."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from audit_app.domain.figures import ItemFigures, Report
from audit_app.domain.i18n import answer_label, msg
from audit_app.reports.xlsx_text import append_fitted, as_text, header_written

TEXTS_SHEET = "Texter"
TEXT_COLUMNS = (("Omgång", 22), ("Ärende", 14), ("Nr", 5), ("Kontrollpunkt-id", 24),
                ("Kontrollpunkt", 40), ("Slag", 11), ("Svar", 12), ("Granskare", 18),
                ("Text", 80), ("Teman", 30))


def texts_summary(item: ItemFigures, lang: str = "sv") -> str:
    """What the summary sheet says for a written item instead of every text."""
    return msg("{n} skrivna svar (se bladet {sheet})", lang, n=len(item.written),
               sheet=msg(TEXTS_SHEET, lang))


def texts_sheet(wb: Workbook, report: Report, lang: str = "sv") -> int:
    """One row per text (case, item, reviewer, text with its line breaks); returns rows."""
    ws = wb.create_sheet(msg(TEXTS_SHEET, lang))
    head = []
    for k, (name, width) in enumerate(TEXT_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(k)].width = width
        cell = as_text(WriteOnlyCell(ws, msg(name, lang)))
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE4EE")
        head.append(cell)
    ws.freeze_panes = "A2"
    ws.append(head)
    header_written(ws)
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
