"""The internkontroll plan as an Excel sheet, one row per control."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from audit_app.domain.plan import Plan
from audit_app.reports.xlsx_text import texts_only

COLUMNS = (("Id", 22), ("Kontrollmoment", 40), ("Checklista", 20), ("Kontrollpunkter", 30),
           ("Regel / riktlinje", 30), ("Hänvisning", 24), ("Sannolikhet", 11),
           ("Konsekvens", 11), ("Risk", 7), ("Metod", 40), ("Perioder", 12),
           ("Ansvarig", 20), ("Anteckning", 40))


def write_plan_xlsx(plan: Plan, path: Path) -> None:
    """One sheet "Plan" with the plan's controls; the title row names unit and year."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Plan"
    ws.append([f"Internkontrollplan {plan.unit} {plan.year}"])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([name for name, _ in COLUMNS])
    for n, (_, width) in enumerate(COLUMNS):
        cell = ws.cell(row=2, column=n + 1)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE4EE")
        ws.column_dimensions[cell.column_letter].width = width
    for c in plan.controls:
        ws.append([c.control_id, c.title, c.checklist, ", ".join(c.items),
                   c.rule, c.reference, c.sannolikhet, c.konsekvens, c.risk,
                   c.method.text(), ", ".join(p.value for p in c.periods),
                   c.responsible, c.note])
    for row in ws.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A3"
    texts_only(wb)  # a title starting with '=' stays text, shown as typed
    wb.save(path)
