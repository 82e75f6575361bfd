"""Reading a case list (.xlsx/.csv) into case rows, with the mapping used and every problem."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from audit_app.domain.errors import UserError
from audit_app.importers.caselist_columns import (
    FIELD_LABELS,
    FIELDS,
    IGNORE,
    cell_text,
    field_for_header,
    normalise,
)
from audit_app.importers.caselist_guard import (
    PersonnummerInFileError,
    column_letter,
    guard_chunk,
    guard_row,
    guard_sheets,
)
from audit_app.importers.caselist_table import (
    CaseRow,
    CaseRows,
    CaseTable,
    ChunkChecker,
    Problem,
    mapped_fields,
)
from audit_app.importers.tabular import RowSource, open_rows

__all__ = ["CaseListResult", "CaseRow", "CaseRows", "CaseTable", "ImportCancelledError",
           "MappedColumn", "PersonnummerInFileError", "Problem", "column_letter",
           "read_case_list"]

HEADER_SEARCH_ROWS = 30
PREVIEW_ROWS = 20
# Rows checked at a time; progress and cancel are looked at after every such many rows.
PROGRESS_EVERY = 500

Progress = Callable[[int, int | None], None]
Cancelled = Callable[[], bool]


class ImportCancelledError(UserError):
    """The user cancelled reading the file."""


@dataclass(frozen=True)
class MappedColumn:
    """A column of the file and the case field it is read into ('ignore' if none)."""

    index: int
    letter: str
    header: str
    field: str
    detected: bool  # True when found by name, False when set by the user


@dataclass
class CaseListResult:
    """What a case-list file holds: the mapping used, the valid rows and the problem rows."""

    file_name: str
    description: str
    header_row: int
    columns: list[MappedColumn]
    problems: list[Problem] = field(default_factory=list)
    footer_rows: list[int] = field(default_factory=list)
    table: CaseTable = field(default_factory=CaseTable, repr=False)

    @property
    def rows(self) -> CaseRows:
        """The valid cases as records, each made when looked at (`table` holds them)."""
        return CaseRows(self.table)

    @property
    def row_count(self) -> int:
        return len(self.table)

    @property
    def preview(self) -> list[CaseRow]:
        return self.table.rows(0, PREVIEW_ROWS)

    @property
    def has_case_ref(self) -> bool:
        return any(c.field == "case_ref" for c in self.columns)

    def mapping(self) -> dict[str, str]:
        """Header (or column letter when the header is blank) to field."""
        return {(c.header or c.letter): c.field for c in self.columns}


def _resolve(headers: list[str], overrides: dict[str, str]) -> list[MappedColumn]:
    fields: list[tuple[str, bool]] = []
    taken: set[str] = set()
    for header in headers:
        found = field_for_header(header)
        if found and found not in taken:
            taken.add(found)
            fields.append((found, True))
        else:
            fields.append((IGNORE, True))
    for key, wanted in overrides.items():
        if wanted not in FIELDS and wanted != IGNORE:
            raise UserError(f"Okänt fält '{wanted}'; välj bland {', '.join(FIELDS)} eller "
                            f"{IGNORE}.")
        k = _column_index(key, headers)
        if wanted != IGNORE:  # the user's choice wins over a detected column
            fields = [(IGNORE, False) if f == wanted else (f, d) for f, d in fields]
        fields[k] = (wanted, False)
    return [MappedColumn(k, column_letter(k), headers[k], f, d)
            for k, (f, d) in enumerate(fields)]


def _column_index(key: str, headers: list[str]) -> int:
    wanted = normalise(key)
    for k, header in enumerate(headers):
        if header and (header == key.strip() or normalise(header) == wanted):
            return k
    for k in range(len(headers)):
        if column_letter(k) == key.strip().upper():
            return k
    raise UserError(f"Kolumnen '{key}' finns inte i filens rubrikrad "
                    f"({', '.join(h for h in headers if h)}).")


def _find_header(buffered: list[tuple[int, list[Any]]],
                 overrides: dict[str, str]) -> tuple[int, list[str]]:
    user_keys = {normalise(k) for k in overrides}
    best: tuple[int, int] | None = None  # (score, position)
    for pos, (_number, cells) in enumerate(buffered):
        texts = [cell_text(v) for v in cells]
        names = {field_for_header(t) for t in texts if t} - {None}
        score = len(names) + sum(1 for t in texts if t and normalise(t) in user_keys)
        if score and (best is None or score > best[0]):
            best = (score, pos)
    if best is None:
        raise UserError("Hittar ingen rubrikrad med kända kolumnnamn (t.ex. Ärendenummer, Enhet, "
                        "Kön, Avslutsdatum) bland de första raderna. Lägg till rubriker eller "
                        "byt namn på kolumnerna.")
    number, cells = buffered[best[1]]
    headers = [cell_text(v) for v in cells]
    while headers and not headers[-1]:
        headers.pop()
    return best[1], headers


def read_case_list(
    path: Path,
    overrides: dict[str, str] | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> CaseListResult:
    """Read every row of the file; UserError if the file is refused as a whole."""
    overrides = dict(overrides or {})
    user_keys = {normalise(k) for k in overrides}

    def wants(cells: list[Any]) -> bool:
        texts = [cell_text(v) for v in cells]
        return any(field_for_header(t) or normalise(t) in user_keys for t in texts if t)

    with gc_paused():
        source = open_rows(path, wants)
        try:
            result = _read(path, source, overrides, progress, cancelled)
            with closing(source.other_sheets()) as others:
                guard_sheets(others, PROGRESS_EVERY)
            return result
        finally:
            source.close()


@contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cycle collector paused while a file is read.

    Reading a workbook makes millions of short-lived objects while the rows read so far are
    kept; the collector then scans the kept ones over and over. In a process that also holds
    the database layer, that was ~2 s of a 50,000-row xlsx import (openpyxl itself ~2.8 s).
    Reference counting still frees the short-lived objects; the collector runs again after.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _read(path: Path, source: RowSource, overrides: dict[str, str], progress: Progress | None,
          cancelled: Cancelled | None) -> CaseListResult:
    buffered = source.head(HEADER_SEARCH_ROWS)
    if not buffered:
        raise UserError(f"{path.name} är tom.")
    try:
        position, headers = _find_header(buffered, overrides)
    except UserError:
        for number, cells in buffered:  # a personnummer is the more important message
            guard_row(number, cells, [])
        raise
    for number, cells in buffered[:position + 1]:
        guard_row(number, cells, headers)
    columns = _resolve(headers, overrides)
    checker = ChunkChecker(mapped_fields(columns))
    done = position + 1
    for chunk in source.chunks(done, PROGRESS_EVERY):
        if not source.guard_clean:
            guard_chunk(chunk.numbers, chunk.columns, headers)
        checker.add(chunk)
        done += len(chunk)
        if done % PROGRESS_EVERY == 0:
            if cancelled is not None and cancelled():
                raise ImportCancelledError("Inläsningen avbröts; ingenting sparades.")
            if progress is not None:
                progress(done, source.total)
    if progress is not None:
        progress(done, done)
    result = CaseListResult(path.name, source.description, buffered[position][0], columns,
                            checker.problems, checker.footer_rows, checker.table)
    if not result.has_case_ref:
        result.problems.insert(0, Problem(result.header_row, "ingen kolumn är vald som "
                                          f"{FIELD_LABELS['case_ref'].lower()}"))
    return result
