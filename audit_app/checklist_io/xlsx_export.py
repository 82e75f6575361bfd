"""Writing a checklist to an Excel workbook that people can edit and import again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from audit_app.checklist_io import xlsx_layout as L
from audit_app.checklist_io.builtin import BUILTIN_SETS

SHEET_ROWS = 2000  # dropdowns reach this far, so rows added in Excel get them too


def _set(ws: Any, row: int, col: int, value: Any) -> None:
    if value is None or value == "":
        return
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # text, never a formula


def _header(ws: Any, columns: tuple[tuple[str, str], ...], widths: dict[str, int]) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    for n, (header, key) in enumerate(columns, start=1):
        ws.cell(row=1, column=n, value=header).font = Font(bold=True)
        ws.column_dimensions[get_column_letter(n)].width = widths.get(key, 14)
    ws.freeze_panes = "A2"


def _dropdown(ws: Any, columns: tuple[tuple[str, str], ...], key: str, choices: list[str],
              prompt: str) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    col = get_column_letter([k for _, k in columns].index(key) + 1)
    dv = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True,
                        showErrorMessage=True, errorTitle="Ogiltigt värde",
                        error=f"Välj ett av: {', '.join(choices)}", promptTitle=prompt)
    ws.add_data_validation(dv)
    dv.add(f"{col}2:{col}{SHEET_ROWS}")


def _answer_cells(answer: Any) -> dict[str, Any]:
    if not isinstance(answer, dict):
        return {"answer": answer}
    return {"answer": answer.get("type"), "compliant": L.values_text(answer.get("compliant")),
            "min": answer.get("min"), "max": answer.get("max")}


def _option_rows(ws: Any, row: int, owner: tuple[str, str], options: Any) -> int:
    if not isinstance(options, list):
        return row
    for option in options:
        if not isinstance(option, dict):
            continue
        values = {owner[0]: owner[1], "value": option.get("value"),
                  "label": option.get("label"), "key": option.get("key"),
                  "counted": L.flag_text(option.get("counted"))}
        for n, (_, key) in enumerate(L.OPTION_COLUMNS, start=1):
            _set(ws, row, n, values.get(key))
        row += 1
    return row


def write_checklist_workbook(source: str, path: Path) -> None:
    """Write the checklist YAML text as a workbook: Punkter, Alternativ, ... Inställningar."""
    from openpyxl import Workbook

    data = yaml.safe_load(source)
    wb = Workbook()
    items = wb.active
    items.title = L.ITEMS
    options = wb.create_sheet(L.OPTIONS)
    sets = wb.create_sheet(L.SETS)
    settings = wb.create_sheet(L.SETTINGS)
    _header(items, L.ITEM_COLUMNS, {"question": 60, "help": 50, "reference": 24,
                                    "section_title": 28, "applies_when": 28, "id": 24,
                                    "answer": 20, "compliant": 18})
    _header(options, L.OPTION_COLUMNS, {"item": 24, "set": 20, "value": 22, "label": 40})
    _header(sets, L.SET_COLUMNS, {"name": 20, "compliant": 30})
    _header(settings, (("nyckel", "k"), ("värde", "v"), ("förklaring", "e")),
            {"v": 60, "e": 60})
    answer_sets = data.get("answer_sets") or {}
    opt_row = 2
    set_row = 2
    for name, spec in answer_sets.items():
        set_cells = {"name": name, **{("type" if k == "answer" else k): v
                                      for k, v in _answer_cells(spec).items()}}
        for n, (_, key) in enumerate(L.SET_COLUMNS, start=1):
            _set(sets, set_row, n, set_cells.get(key))
        set_row += 1
        if isinstance(spec, dict):
            opt_row = _option_rows(options, opt_row, ("set", str(name)), spec.get("options"))
    row = 2
    for section in data.get("sections") or []:
        for item in section.get("items") or []:
            cells: dict[str, Any] = {
                "section_id": section.get("id"), "section_title": section.get("title"),
                **{k: item.get(k) for k in ("id", "question", "help", "reference", "target")},
                **{k: L.flag_text(item.get(k)) for k in L.FLAG_KEYS},
                "applies_when": L.condition_text(item.get("applies_when")),
                **_answer_cells(item.get("answer"))}
            for n, (_, key) in enumerate(L.ITEM_COLUMNS, start=1):
                _set(items, row, n, cells.get(key))
            row += 1
            answer = item.get("answer")
            if isinstance(answer, dict):
                opt_row = _option_rows(options, opt_row, ("item", str(item.get("id"))),
                                       answer.get("options"))
    for n, (key, explanation) in enumerate(L.SETTING_KEYS, start=2):
        settings.cell(row=n, column=1, value=key)
        value = data.get(key)
        _set(settings, n, 2, None if value is None else str(value))
        settings.cell(row=n, column=2).number_format = "@"  # "1.10" typed stays text
        settings.cell(row=n, column=3, value=explanation)
    types = sorted(BUILTIN_SETS) + ["skala", "val"]
    _dropdown(items, L.ITEM_COLUMNS, "answer", types + sorted(map(str, answer_sets)),
              "Svarstyp")
    for key in L.FLAG_KEYS:
        _dropdown(items, L.ITEM_COLUMNS, key, [L.YES, L.NO], "Ja eller nej")
    _dropdown(options, L.OPTION_COLUMNS, "counted", [L.YES, L.NO], "Ja eller nej")
    _dropdown(sets, L.SET_COLUMNS, "type", types, "Svarstyp")
    wb.save(path)
