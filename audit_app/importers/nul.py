"""NUL characters in imported cells: refused with the cell named, since a NUL is never data."""

from __future__ import annotations

import csv
import io
from typing import Any

from audit_app.domain.errors import UserError
from audit_app.importers.caselist_guard import column_letter

NUL = "\x00"
NUL_IN_XML = "_x0000_"  # how a workbook's XML writes a NUL inside a cell's text
_MARK = "\ufdd0"  # a Unicode noncharacter: stands in for NUL while the CSV is parsed


def has_nul(value: Any) -> bool:
    """Whether a cell value holds a NUL (as itself, or as Excel's escape in a workbook)."""
    return isinstance(value, str) and (NUL in value or NUL_IN_XML in value)


def nul_error(where: str) -> UserError:
    return UserError(f"{where} innehåller ett NUL-tecken (\\x00), som aldrig hör hemma i en "
                     "cell; filen kan vara skadad. Ingenting har importerats.")


def csv_nul_cell(text: str, delimiter: str) -> str:
    """Where the first NUL of CSV text is, as 'rad N, kolumn X' (the row where its record
    starts, as an editor shows it); 'rad N' alone if the text cannot be split into cells."""
    marked = text.replace(NUL, _MARK)
    reader = csv.reader(io.StringIO(marked, newline=""), delimiter=delimiter)
    line = 1
    try:
        for record in reader:
            for k, cell in enumerate(record):
                if _MARK in cell:
                    return f"rad {line}, kolumn {column_letter(k)}"
            line = reader.line_num + 1
    except csv.Error:
        pass
    return f"rad {text.count(chr(10), 0, text.index(NUL)) + 1}"
