"""User text in openpyxl cells kept as text: never a formula (=, +, -, @) nor an error value."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.workbook import Workbook
from openpyxl.worksheet._write_only import WriteOnlyWorksheet


def as_text(cell: Any) -> Any:
    """The cell, with a str value marked as a string: openpyxl would otherwise store text
    starting with '=' as a live formula and '#N/A' and the like as error values."""
    if isinstance(cell.value, str):
        cell.data_type = "s"
    return cell


def text_row(ws: WriteOnlyWorksheet, values: Iterable[Any]) -> list[Any]:
    """A row for a write-only sheet's append, every str value in a string cell."""
    return [as_text(WriteOnlyCell(ws, v)) if isinstance(v, str) else
            as_text(v) if isinstance(v, Cell) else v for v in values]


def texts_only(wb: Workbook) -> None:
    """Mark every str cell of a (normal, not write-only) workbook as a string."""
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                as_text(cell)
