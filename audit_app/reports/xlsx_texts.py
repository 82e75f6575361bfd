"""The results workbook's sheet of every written answer and comment, in full."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from audit_app.domain.figures import ItemFigures, Report
from audit_app.reports.xlsx_text import as_text, text_row

TEXTS_SHEET = "Texter"
TEXT_COLUMNS = (("Omgång", 22), ("Ärende", 14), ("Nr", 5), ("Kontrollpunkt-id", 24),
                ("Kontrollpunkt", 40), ("Slag", 11), ("Svar", 12), ("Granskare", 18),
                ("Text", 80), ("Teman", 30))


def texts_summary(item: ItemFigures) -> str:
    """What the summary sheet says for a written item instead of every text."""
    return f"{len(item.written)} skrivna svar (se bladet {TEXTS_SHEET})"


def texts_sheet(wb: Workbook, report: Report) -> int:
    """One row per text (case, item, reviewer, text with its line breaks); returns rows."""
    ws = wb.create_sheet(TEXTS_SHEET)
    head = []
    for k, (name, width) in enumerate(TEXT_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(k)].width = width
        cell = as_text(WriteOnlyCell(ws, name))
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE4EE")
        head.append(cell)
    ws.freeze_panes = "A2"
    ws.append(head)
    wrap = Alignment(wrap_text=True, vertical="top")
    rows = 0
    for number, item in enumerate(report.items, start=1):
        for c in item.comments:
            text = as_text(WriteOnlyCell(ws, c.text))
            text.alignment = wrap
            answer = "" if c.written else item.label(c.value or "")
            ws.append(text_row(ws, [c.round_name, c.case_ref, number, item.item_id,
                                    item.question, "Svar" if c.written else "Kommentar",
                                    answer, c.reviewer, text, "; ".join(c.themes)]))
            rows += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(TEXT_COLUMNS))}{max(rows, 1) + 1}"
    return rows
