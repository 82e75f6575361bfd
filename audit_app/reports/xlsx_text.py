"""User text in openpyxl cells kept as text: never a formula (=, +, -, @) nor an error value."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

LINE_POINTS = 15.0  # one line of the default 11-point font
MAX_POINTS = 409.0  # Excel's highest row


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


def _lines(text: str, width: float) -> int:
    """Lines a wrapped text takes in a column `width` characters wide (a little generous:
    most letters are narrower than the '0' a column's width is measured in)."""
    per_line = max(1, int(width * 1.25))
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def header_written(ws: WriteOnlyWorksheet, rows: int = 1) -> None:
    """Note that the sheet's first `rows` rows are written (append_fitted counts on)."""
    ws.granska_rows = rows


def append_fitted(ws: WriteOnlyWorksheet, values: Iterable[Any]) -> None:
    """Append a row as text_row does, tall enough for its wrapped cells. Neither Excel nor
    LibreOffice grows a row for wrapped text on opening a file, so without a height a long
    question or a comment with line breaks is drawn over the rows below it. A write-only
    sheet does not count its rows: every row after header_written goes through here."""
    row = text_row(ws, values)
    lines = 1
    for column, cell in enumerate(row, start=1):
        alignment = getattr(cell, "alignment", None)
        if isinstance(getattr(cell, "value", None), str) and alignment is not None \
                and alignment.wrap_text:
            width = ws.column_dimensions[get_column_letter(column)].width or 8.43
            lines = max(lines, _lines(cell.value, width))
    number = ws.granska_rows + 1
    if lines > 1:  # openpyxl reads the row's height when the row is appended
        ws.row_dimensions[number].height = min(MAX_POINTS, LINE_POINTS * lines)
    ws.append(row)
    ws.granska_rows = number
