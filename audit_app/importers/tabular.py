"""Streaming rows out of .xlsx and .csv files, refusing files too large to be case lists."""

from __future__ import annotations

import csv
import io
import warnings
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass
from itertools import repeat, zip_longest
from pathlib import Path
from typing import Any

from audit_app.domain.errors import UserError
from audit_app.importers.caselist_guard import column_letter, may_hold_personnummer
from audit_app.importers.limits import CASE_LIST, check_xlsx
from audit_app.importers.nul import NUL, csv_nul_cell, has_nul, nul_error

MAX_FILE_BYTES = CASE_LIST.max_file_bytes
MAX_FIELD_CHARS = 1_048_576
MAX_COLUMNS = CASE_LIST.max_columns
HEADER_PEEK_ROWS = 30

OtherSheets = Callable[[], Generator[tuple[str, int, list[Any]], None, None]]


def _nothing() -> Generator[tuple[str, int, list[Any]], None, None]:
    yield from ()


@dataclass(frozen=True)
class Chunk:
    """Consecutive rows held column by column: row numbers and one sequence per column.

    Columns are as long as `numbers`; a row shorter than the widest is padded with None.
    """

    numbers: Sequence[int]
    columns: list[Sequence[Any]]
    texts_only: bool = False  # True when every cell is known to be a str (CSV)
    longest: int | None = None  # no cell is longer than this, when known

    def __len__(self) -> int:
        return len(self.numbers)

    def column(self, index: int) -> Sequence[Any]:
        if index < len(self.columns):
            return self.columns[index]
        return [None] * len(self.numbers)

    def row(self, position: int) -> list[Any]:
        return [column[position] for column in self.columns]


def transpose(numbers: Sequence[int], rows: Sequence[Sequence[Any]]) -> Chunk:
    return Chunk(numbers, [list(c) for c in zip_longest(*rows)])


class RowSource:
    """Rows of one sheet or CSV file: (row number as the user sees it, cell values).

    `head` peeks at the first rows; `chunks` then hands out the rows column by column.
    `guard_clean` is True when the whole file was found free of anything like a personnummer.
    """

    def __init__(self, total: int | None, description: str, guard_clean: bool = False,
                 other_sheets: OtherSheets = _nothing,
                 close: Callable[[], None] = lambda: None) -> None:
        self.total = total
        self.description = description
        self.guard_clean = guard_clean
        self.other_sheets = other_sheets
        self.close = close

    def head(self, count: int) -> list[tuple[int, list[Any]]]:
        """The first `count` rows (fewer if the file is shorter); they stay to be chunked."""
        raise NotImplementedError

    def chunks(self, skip: int, size: int) -> Iterator[Chunk]:
        """The rows after the first `skip`, cut so that a chunk ends at every multiple of
        `size` rows counted from the first row of the file."""
        raise NotImplementedError


class StreamSource(RowSource):
    """Rows read one at a time (a sheet, or CSV text that needs the full CSV parser)."""

    def __init__(self, rows: Iterator[tuple[int, list[Any]]], total: int | None,
                 description: str, guard_clean: bool = False,
                 other_sheets: OtherSheets = _nothing,
                 close: Callable[[], None] = lambda: None) -> None:
        super().__init__(total, description, guard_clean, other_sheets, close)
        self._rows = rows
        self._head: list[tuple[int, list[Any]]] = []

    def head(self, count: int) -> list[tuple[int, list[Any]]]:
        while len(self._head) < count:
            item = next(self._rows, None)
            if item is None:
                break
            self._head.append(item)
        return self._head[:count]

    def chunks(self, skip: int, size: int) -> Iterator[Chunk]:
        numbers: list[int] = []
        rows: list[list[Any]] = []
        limit = size - skip % size
        items = iter(self._head[skip:])
        try:
            for source in (items, self._rows):
                for number, cells in source:
                    numbers.append(number)
                    rows.append(cells)
                    if len(rows) == limit:
                        yield transpose(numbers, rows)
                        numbers, rows, limit = [], [], size
        except UserError:
            if rows:  # what was read before the damage is still checked (personnummer first)
                yield transpose(numbers, rows)
            raise
        if rows:
            yield transpose(numbers, rows)


class PlainCsvSource(RowSource):
    """CSV lines without quotes, numbered 1, 2, 3...: split on the delimiter a chunk at a time.

    Without quotes csv.reader's record is the line split on the delimiter (an empty line is
    [] to it and [""] here, which read the same: one empty cell).
    """

    def __init__(self, lines: list[str], delimiter: str, total: int | None, description: str,
                 guard_clean: bool = False) -> None:
        super().__init__(total, description, guard_clean)
        self._lines = lines
        self._delimiter = delimiter
        self._longest = max(map(len, lines))
        # Delimiters per line, counted once: the widest line, and per chunk whether all agree.
        self._widths = list(map(str.count, lines, repeat(delimiter)))
        if max(self._widths) >= MAX_COLUMNS:
            for number, line in enumerate(lines, start=1):
                check_width(number, line.split(delimiter))

    def head(self, count: int) -> list[tuple[int, list[Any]]]:
        return [(k + 1, line.split(self._delimiter)[:MAX_COLUMNS])
                for k, line in enumerate(self._lines[:count])]

    def chunks(self, skip: int, size: int) -> Iterator[Chunk]:
        start, end, delimiter = skip, len(self._lines), self._delimiter
        while start < end:
            stop = min(end, (start // size + 1) * size)
            lines = self._lines[start:stop]
            widths = set(self._widths[start:stop])
            if len(widths) == 1:  # the usual case: split all lines in one go
                width = widths.pop() + 1
                cells = delimiter.join(lines).split(delimiter)
                columns: list[Sequence[Any]] = [cells[k::width]
                                                for k in range(min(width, MAX_COLUMNS))]
                yield Chunk(range(start + 1, stop + 1), columns, True, self._longest)
            else:
                rows = [r[:MAX_COLUMNS] for r in map(str.split, lines, repeat(delimiter))]
                yield transpose(range(start + 1, stop + 1), rows)
            start = stop


def check_width(number: int, cells: Sequence[Any]) -> None:
    """UserError when a row has a filled cell beyond the last column read: such a file is
    refused whole, so that nothing in a dropped column (a personnummer) goes unseen."""
    if len(cells) > MAX_COLUMNS and any(v is not None and v != "" for v in cells[MAX_COLUMNS:]):
        raise UserError(f"Rad {number} har ifyllda celler efter kolumn "
                        f"{column_letter(MAX_COLUMNS - 1)}; en ärendelista får ha högst "
                        f"{MAX_COLUMNS} kolumner. Ingenting har importerats.")


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


def _xlsx_rows(path: Path, wants: Callable[[list[Any]], bool] | None) -> RowSource:
    check_xlsx(path, CASE_LIST)
    from openpyxl import load_workbook  # imported here: startup time of the CLI

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        raise UserError(f"{path.name} kan inte läsas som Excel-fil: {exc}") from exc
    try:
        sheets = list(workbook.worksheets)
        declared = {ws.title: ws.max_row for ws in sheets}  # for progress only
        for ws in sheets:  # read every row and cell, not only those the sheet declares
            ws.reset_dimensions()
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
    total = declared.get(sheet.title)
    total = total if isinstance(total, int) else None

    def others() -> Generator[tuple[str, int, list[Any]], None, None]:
        for ws in sheets:
            if ws is not sheet:
                for number, cells in enumerate(_values(ws, path), start=1):
                    yield ws.title, number, cells

    main = _values(sheet, path)

    def close() -> None:  # a half-read sheet holds the file open until its reader is closed
        main.close()
        workbook.close()

    return StreamSource(enumerate(main, start=1), total, f"blad '{sheet.title}'",
                        other_sheets=others, close=close)


def _values(sheet: Any, path: Path,
            limit: int | None = None) -> Generator[list[Any], None, None]:
    """Cell values row by row, gaps filled; UserError for damage or absurd cells."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for number, values in enumerate(sheet.iter_rows(max_row=limit, values_only=True),
                                            start=1):
                check_width(number, values)
                cells = list(values[:MAX_COLUMNS])
                for k, value in enumerate(cells):
                    if isinstance(value, str):
                        if len(value) > MAX_FIELD_CHARS:
                            raise UserError(f"Rad {number} har en cell över 1 MB; filen ser "
                                            "inte ut som en ärendelista.")
                        if has_nul(value):
                            raise nul_error(f"Cellen '{sheet.title}'!{column_letter(k)}"
                                            f"{number}")
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
    if NUL in text:
        if sum(ch < " " and ch not in "\t\r\n" for ch in text[:4096]) > 2:  # binary
            raise UserError(f"{path.name} är ingen textfil (CSV).")
        where = csv_nul_cell(text, sniff_delimiter(text.replace(NUL, "")))
        raise nul_error(f"{path.name}: {where}")
    delimiter = sniff_delimiter(text)
    name = {";": "semikolon", ",": "komma", "\t": "tabb"}[delimiter]
    description = f"{encoding}, {name}"
    total = text.count("\n") + 1
    lines = plain_csv_lines(text)
    if lines is not None:
        # Guarded chunk by chunk, each column's few values once (caselist_guard): cheaper
        # than one look at the whole text, whose every character the pattern scans.
        return PlainCsvSource(lines, delimiter, total, description)
    # The raw text holds every cell's text, so one look at it can clear the whole file.
    clean = not may_hold_personnummer(text)
    return StreamSource(_csv_records(path, text, delimiter), total, description, clean)


def plain_csv_lines(text: str) -> list[str] | None:
    """The lines of CSV text that csv.reader would read as plain lines split on the delimiter
    (no quotes, one kind of line end, no field over the limit); None for any other text."""
    if not text or '"' in text or "\x00" in text:
        return None
    newline = "\r\n" if "\r" in text else "\n"
    ends = text.endswith(newline)
    lines = (text[:-len(newline)] if ends else text).split(newline)
    line_ends = len(lines) - 1 + ends
    if newline == "\r\n" and not text.count("\r") == text.count("\n") == line_ends:
        return None  # a lone CR or LF besides the CRLF line ends
    if max(map(len, lines)) > MAX_FIELD_CHARS:
        return None
    return lines


def _csv_records(path: Path, text: str, delimiter: str) -> Iterator[tuple[int, list[Any]]]:
    csv.field_size_limit(MAX_FIELD_CHARS)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 1
    try:
        for record in reader:
            # The row number is the file line where the record starts, as an editor shows.
            check_width(line, record)
            yield line, list(record[:MAX_COLUMNS])
            line = reader.line_num + 1
    except csv.Error as exc:
        raise UserError(f"{path.name}, rad {reader.line_num}: kan inte tolkas som CSV "
                        f"(t.ex. ett fält över 1 MB eller ett citattecken som inte "
                        f"avslutas): {exc}") from exc
