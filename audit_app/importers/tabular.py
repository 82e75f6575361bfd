"""Streaming rows out of .xlsx and .csv files, refusing files too large to be case lists."""

from __future__ import annotations

import csv
import io
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from audit_app.domain.errors import UserError

MAX_FILE_BYTES = 200_000_000
MAX_XLSX_UNCOMPRESSED = 1_500_000_000
MAX_FIELD_CHARS = 1_048_576
MAX_COLUMNS = 500


@dataclass
class RowSource:
    """Rows of one sheet or CSV file: (row number as the user sees it, cell values)."""

    rows: Iterator[tuple[int, list[Any]]]
    total: int | None
    sheet: str | None = None
    description: str = ""


def open_rows(path: Path) -> RowSource:
    """The rows of a case-list file; UserError when it cannot or should not be read."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UserError(f"Kan inte läsa filen {path.name}: {exc.strerror or exc}") from exc
    if size > MAX_FILE_BYTES:
        raise UserError(f"Filen {path.name} är {size // 1_000_000} MB; en ärendelista får vara "
                        f"högst {MAX_FILE_BYTES // 1_000_000} MB.")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx_rows(path)
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


def _xlsx_rows(path: Path) -> RowSource:
    _check_zip(path)
    from openpyxl import load_workbook  # imported here: startup time of the CLI

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        raise UserError(f"{path.name} kan inte läsas som Excel-fil: {exc}") from exc
    sheet = workbook.active
    if sheet is None:
        workbook.close()
        raise UserError(f"{path.name} har inget kalkylblad.")
    total = sheet.max_row if isinstance(sheet.max_row, int) else None

    def rows() -> Iterator[tuple[int, list[Any]]]:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                    cells = list(values[:MAX_COLUMNS])
                    for value in cells:
                        if isinstance(value, str) and len(value) > MAX_FIELD_CHARS:
                            raise UserError(f"Rad {number} har en cell över 1 MB; filen "
                                            "ser inte ut som en ärendelista.")
                    yield number, cells
        except UserError:
            raise
        except Exception as exc:
            raise UserError(f"{path.name} kan inte läsas som Excel-fil: {exc}") from exc
        finally:
            workbook.close()

    return RowSource(rows(), total, sheet.title, f"blad '{sheet.title}'")


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
