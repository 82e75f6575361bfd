"""Reading a checklist workbook's cells safely: size limits, no formulas, no personnummer."""

from __future__ import annotations

import warnings
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from audit_app.domain.errors import UserError
from audit_app.domain.personnummer import contains_personnummer

MAX_FILE_BYTES = 5_000_000  # a checklist workbook is tens of kB
MAX_UNCOMPRESSED = 50_000_000  # a zip bomb is refused before openpyxl inflates it
MAX_ROWS = 5_000
MAX_COLUMNS = 50
MAX_CELL_CHARS = 10_000


class WorkbookError(UserError):
    """A checklist workbook has problems; each names its sheet and cell."""

    def __init__(self, name: str, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(f"{name} kan inte importeras; inget har sparats:\n" +
                         "\n".join(problems))


def column_letter(index: int) -> str:
    """Letters of a 1-based column index (A, B, ..., Z, AA)."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class Sheet:
    """One sheet's rows as plain values: row number -> values, columns from 1."""

    title: str
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() \
            else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value


def read_sheets(path: Path, problems: list[str]) -> dict[str, Sheet]:
    """All sheets of the workbook; problems with single cells are added to `problems`."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UserError(f"Kan inte läsa filen {path.name}: {exc.strerror or exc}") from exc
    if size > MAX_FILE_BYTES:
        raise UserError(f"{path.name} är {size // 1000} kB; en checklista i Excel får vara "
                        f"högst {MAX_FILE_BYTES // 1_000_000} MB.")
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise UserError(f"{path.name} är ingen Excel-arbetsbok (.xlsx).")
    try:
        with zipfile.ZipFile(path) as zf:
            inflated = sum(info.file_size for info in zf.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise UserError(f"{path.name} är ingen giltig Excel-fil (.xlsx).") from exc
    if inflated > MAX_UNCOMPRESSED:
        raise UserError(f"{path.name} packas upp till {inflated // 1_000_000} MB och läses "
                        "inte; det är orimligt stort för en checklista.")
    from openpyxl import load_workbook  # imported on use: CLI start-up time

    sheets: dict[str, Sheet] = {}
    try:
        with warnings.catch_warnings(), open(path, "rb") as handle:
            warnings.simplefilter("ignore")
            wb = load_workbook(handle, read_only=True, data_only=False)
            try:
                for ws in wb.worksheets:
                    sheets[ws.title] = _read(ws, problems)
            finally:
                wb.close()
    except UserError:
        raise
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        raise UserError(f"{path.name} kan inte läsas som Excel-fil: {exc}") from exc
    return sheets


def _read(ws: Any, problems: list[str]) -> Sheet:
    sheet = Sheet(ws.title)
    for number, cells in enumerate(ws.iter_rows(), start=1):
        values: list[Any] = []
        for col, cell in enumerate(cells[:MAX_COLUMNS], start=1):
            value = getattr(cell, "value", None)
            ref = f"{ws.title}!{column_letter(col)}{number}"
            if getattr(cell, "data_type", "") == "f" or (
                    isinstance(value, str) and value.startswith("=")
                    and getattr(cell, "data_type", "") != "s"):
                problems.append(f"{ref}: formler används inte i checklistor; skriv texten "
                                "eller talet direkt i cellen")
                value = None
            elif isinstance(value, str):
                if len(value) > MAX_CELL_CHARS:
                    problems.append(f"{ref}: texten är för lång (högst {MAX_CELL_CHARS} "
                                    "tecken)")
                    value = None
                elif contains_personnummer(value):
                    problems.append(f"{ref}: texten ser ut att innehålla ett personnummer; "
                                    "en checklista får inte innehålla personuppgifter")
                    value = None
            values.append(_plain(value))
        while values and values[-1] in (None, ""):
            values.pop()
        if not values:
            continue
        if number > MAX_ROWS:
            problems.append(f"{ws.title}: fler än {MAX_ROWS} rader; det är orimligt många "
                            "för en checklista")
            break
        if len(cells) > MAX_COLUMNS and any(getattr(c, "value", None) not in (None, "")
                                            for c in cells[MAX_COLUMNS:]):
            problems.append(f"{ws.title}!{number}: fler än {MAX_COLUMNS} kolumner")
        sheet.rows.append((number, values))
    return sheet
