"""The review workbook as written: marks on conditional items, dropdown lists, protection."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.checklist_io.loader import parse_checklist
from audit_app.reports.review_workbook import WorkbookCase, write_review_workbook


def test_workbook_layout(library: ChecklistLibrary, tmp_path: Path) -> None:
    checklist = parse_checklist(library.get("placerade-barn").source)
    path = tmp_path / "w.xlsx"
    write_review_workbook(path, checklist, "Placerade T1 2026", "uid-1", "0" * 64, [
        WorkbookCase("2026-0001", "Familjehem", {"vardplan": "ej_aktuellt", "viewpoint": "ja"},
                     {"viewpoint": "Enkät i akten"}),
        WorkbookCase("2026-0002", "Familjehem")])
    wb = load_workbook(path)
    assert wb.sheetnames[0] == "Granskning" and "Instruktioner" in wb.sheetnames
    assert wb["Svarsalternativ"].sheet_state == "hidden"
    assert wb["_granska"]["B2"].value == "uid-1"
    ws = wb["Granskning"]
    cols = {ws.cell(1, c).value: c for c in range(1, ws.max_column + 1)}
    conditional = ws.cell(2, cols["genomforandeplan_anvands"])
    assert conditional.fill.fgColor.rgb.endswith("FFF2CC")
    assert "Besvaras bara om ”Finns en aktuell genomförandeplan?” är Ja" in conditional.value
    assert conditional.comment is not None
    assert ws.cell(2, cols["vardplan"]).fill.fgColor.rgb.endswith("DDE4EE")
    assert ws.cell(2, cols["vardplan"]).value.endswith(" *")  # required
    assert ws.cell(3, cols["viewpoint"]).value == "Ja"
    assert ws.cell(3, cols["viewpoint#kommentar"]).value == "Enkät i akten"
    lists = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    letter = ws.cell(3, cols["enskilt_samtal"]).column_letter
    formula = lists[f"{letter}3:{letter}4"]
    options = wb["Svarsalternativ"]
    column = formula.split("!")[1].split(":")[0].replace("$", "")[0]
    assert [options[f"{column}{r}"].value for r in (2, 3, 4)] == ["Ja", "Nej", "Ej aktuellt"]
    assert ws.protection.sheet and ws.row_dimensions[1].hidden
    assert ws.cell(2, 3).protection.locked and ws.cell(4, 1).protection.locked
    assert not ws.cell(4, cols["vardplan"]).protection.locked
    text = "\n".join(str(c.value) for c in wb["Instruktioner"]["A"] if c.value)
    assert "personnummer" in text and "tom cell tar aldrig bort" in text
