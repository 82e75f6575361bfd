"""Streaming rows out of .xlsx and .csv files, refusing files too large to be case lists."""

from __future__ import annotations

import csv
import io
import warnings
import zipfile
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from audit_app.domain.errors import UserError

MAX_FILE_BYTES = 200_000_000
MAX_XLSX_UNCOMPRESSED = 1_500_000_000
MAX_FIELD_CHARS = 1_048_576
MAX_COLUMNS = 500
HEADER_PEEK_ROWS = 30


def _nothing() -> Generator[tuple[str, int, list[Any]], None, None]:
    yield from ()


@dataclass
class RowSource:
    """Rows of one sheet or CSV file: (row number as the user sees it, cell values)."""

    rows: Iterator[tuple[int, list[Any]]]
    total: int | None
    sheet: str | None = None
    description: str = ""
    # The other sheets of a workbook as (sheet, row number, cells), only for the guard.
    other_sheets: Callable[[], Generator[tuple[str, int, list[Any]], None, None]] = _nothing
    close: Callable[[], None] = lambda: None


def open_rows(path: Path, wants: Callable[[list[Any]], bool] | None = None) -> RowSource:
    """The rows of a case-list file; UserError when it cannot or should not be read.

    In a workbook the first sheet (the active one first) with a row that `wants` as a header
    among its first rows is read; without one, the active sheet. Call `close` when done.
    """
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UserError(f"Kan inte läsa filen {path.name}: {exc.strerror or exc}") from exc
    if size > MAX_FILE_BYTES:
        raise UserError(f"Filen {path.name} är {size // 1_000_000} MB; en ärendelista får vara "
                        f"högst {MAX_FILE_BYTES // 1_000_000} MB.")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx_rows(path, wants)
    if suffix in (".csv", ".txt"):
        return _csv_rows(path)
    if suffix == ".xls":
        raise UserError("Gamla .xls-filer kan inte läsas. Spara filen som .xlsx (Excel-arbetsbok) "
                        "eller .csv och försök igen.")
    raise UserError(f"Filen {path.name} är varken .xlsx eller .csv.")


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            total = sum(info.file_size for info in zf.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise UserError(f"{path.name} är ingen giltig Excel-fil (.xlsx).") from exc
    if total > MAX_XLSX_UNCOMPRESSED:
        raise UserError(f"{path.name} packas upp till {total // 1_000_000} MB och läses inte; "
                        "det är orimligt stort för en ärendelista.")


def _xlsx_rows(path: Path, wants: Callable[[list[Any]], bool] | None) -> RowSource:
    _check_zip(path)
    from openpyxl import load_workbook  # imported here: startup time of the CLI

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        raise UserError(f"{path.name} kan inte läsas som Excel-fil: {exc}") from exc
    try:
        sheets = list(workbook.worksheets)
        active = workbook.active
        if active in sheets:  # the sheet Excel opens on is tried first
            sheets.remove(active)
            sheets.insert(0, active)
        sheet = sheets[0] if sheets else None
        if wants is not None:
            sheet = next((ws for ws in sheets if any(
                wants(r) for r in list(_values(ws, path, HEADER_PEEK_ROWS)))), sheet)
    except Exception as exc:
        workbook.close()
        if isinstance(exc, UserError):
            raise
        raise UserError(f"{path.name} kan inte läsas som Excel-fil: {exc}") from exc
    if sheet is None:
        workbook.close()
        raise UserError(f"{path.name} har inget kalkylblad.")
    total = sheet.max_row if isinstance(sheet.max_row, int) else None

    def others() -> Generator[tuple[str, int, list[Any]], None, None]:
        for ws in sheets:
            if ws is not sheet:
                for number, cells in enumerate(_values(ws, path), start=1):
                    yield ws.title, number, cells

    main = _values(sheet, path)

    def close() -> None:  # a half-read sheet holds the file open until its reader is closed
        main.close()
        workbook.close()

    return RowSource(enumerate(main, start=1), total, sheet.title, f"blad '{sheet.title}'",
                     others, close)


def _values(sheet: Any, path: Path,
            limit: int | None = None) -> Generator[list[Any], None, None]:
    """Cell values row by row, gaps filled; UserError for damage or absurd cells."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for number, values in enumerate(sheet.iter_rows(max_row=limit, values_only=True),
                                            start=1):
                cells = list(values[:MAX_COLUMNS])
                for value in cells:
                    if isinstance(value, str) and len(value) > MAX_FIELD_CHARS:
                        raise UserError(f"Rad {number} har en cell över 1 MB; filen ser inte "
                                        "ut som en ärendelista.")
                yield cells
    except UserError:
        raise
    except Exception as exc:
        raise UserError(f"{path.name} kan inte läsas som Excel-fil: {exc}") from exc


def decode(data: bytes) -> tuple[str, str]:
    """Text and encoding name: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text"
        return data.decode("utf-16", errors="replace"), "UTF-16"
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "UTF-8 med BOM"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "Windows-1252"


def sniff_delimiter(text: str) -> str:
    """';', ',' or tab: the one that splits the widest row of the first lines."""
    sample = text[:64_000].splitlines()[:50]
    best, best_width = ";", 1
    for delimiter in (";", ",", "\t"):
        try:
            widths = [len(r) for r in csv.reader(sample, delimiter=delimiter)]
        except csv.Error:
            continue
        width = max(widths, default=1)
        if width > best_width:
            best, best_width = delimiter, width
    return best


def _csv_rows(path: Path) -> RowSource:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(f"Kan inte läsa filen {path.name}: {exc.strerror or exc}") from exc
    text, encoding = decode(data)
    del data
    if "\x00" in text[:4096]:
        raise UserError(f"{path.name} är ingen textfil (CSV).")
    delimiter = sniff_delimiter(text)
    total = text.count("\n") + 1
    csv.field_size_limit(MAX_FIELD_CHARS)

    def rows() -> Iterator[tuple[int, list[Any]]]:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        line = 1
        try:
            for record in reader:
                # The row number is the file line where the record starts, as an editor shows.
                yield line, list(record[:MAX_COLUMNS])
                line = reader.line_num + 1
        except csv.Error as exc:
            raise UserError(f"{path.name}, rad {reader.line_num}: kan inte tolkas som CSV "
                            f"(t.ex. ett fält över 1 MB eller ett citattecken som inte "
                            f"avslutas): {exc}") from exc

    name = {";": "semikolon", ",": "komma", "\t": "tabb"}[delimiter]
    return RowSource(rows(), total, None, f"{encoding}, {name}")
