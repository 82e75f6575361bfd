"""Reading a case list (.xlsx/.csv) into case rows, with the mapping used and every problem."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from audit_app.domain.errors import UserError
from audit_app.domain.personnummer import find_personnummer
from audit_app.importers.caselist_columns import (
    FIELD_LABELS,
    FIELDS,
    IGNORE,
    cell_text,
    field_for_header,
    is_footer,
    normalise,
    parse_age_band,
    parse_birth_year,
    parse_date,
    parse_gender,
    parse_text,
)
from audit_app.importers.tabular import RowSource, open_rows

HEADER_SEARCH_ROWS = 30
PREVIEW_ROWS = 20
PROGRESS_EVERY = 500

Progress = Callable[[int, int | None], None]
Cancelled = Callable[[], bool]


class PersonnummerInFileError(UserError):
    """The file holds something that looks like a personnummer: nothing of it is used."""


class ImportCancelledError(UserError):
    """The user cancelled reading the file."""


@dataclass(frozen=True)
class CaseRow:
    """One case of the list, with the row number the user sees in Excel or the CSV file."""

    row: int
    case_ref: str
    unit: str = ""
    team: str = ""
    case_type: str = ""
    gender: str = "okant"
    birth_year: int | None = None
    age_band: str = ""
    closing_date: date | None = None


@dataclass(frozen=True)
class Problem:
    """A row that is not a valid case, and why."""

    row: int
    reason: str
    column: str = ""

    def __str__(self) -> str:
        where = f"rad {self.row}" + (f", kolumn {self.column}" if self.column else "")
        return f"{where}: {self.reason}"


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
    rows: list[CaseRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    footer_rows: list[int] = field(default_factory=list)

    @property
    def preview(self) -> list[CaseRow]:
        return self.rows[:PREVIEW_ROWS]

    @property
    def has_case_ref(self) -> bool:
        return any(c.field == "case_ref" for c in self.columns)

    def mapping(self) -> dict[str, str]:
        """Header (or column letter when the header is blank) to field."""
        return {(c.header or c.letter): c.field for c in self.columns}


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _guard(number: int, cells: list[Any], headers: list[str], sheet: str = "") -> None:
    texts = [cell_text(v) if not hasattr(v, "year") else "" for v in cells]
    if not find_personnummer("\x1f".join(texts)):
        return
    for k, text in enumerate(texts):
        if find_personnummer(text):
            name = headers[k] if k < len(headers) and headers[k] else ""
            where = f"kolumn {column_letter(k)}" + (f" ({name})" if name else "")
            if sheet:
                where += f" på bladet '{sheet}'"
            raise PersonnummerInFileError(
                f"Rad {number}, {where} innehåller något som ser ut som ett personnummer eller "
                "samordningsnummer. Ingenting från filen har sparats. Exportera listan med "
                "ärendenummer (t.ex. ärende-id eller aktnummer) i stället för personnummer.")


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


_PARSERS: dict[str, Callable[[Any], Any]] = {
    "unit": parse_text, "team": parse_text, "case_type": parse_text, "gender": parse_gender,
    "birth_year": parse_birth_year, "age_band": parse_age_band, "closing_date": parse_date,
}


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

    source = open_rows(path, wants)
    try:
        result = _read(path, source, overrides, progress, cancelled)
        with closing(source.other_sheets()) as others:
            for sheet, number, cells in others:
                _guard(number, cells, [], sheet)
        return result
    finally:
        source.close()


def _read(path: Path, source: RowSource, overrides: dict[str, str], progress: Progress | None,
          cancelled: Cancelled | None) -> CaseListResult:
    rows = source.rows
    buffered: list[tuple[int, list[Any]]] = []
    for item in rows:
        buffered.append(item)
        if len(buffered) >= HEADER_SEARCH_ROWS:
            break
    if not buffered:
        raise UserError(f"{path.name} är tom.")
    try:
        position, headers = _find_header(buffered, overrides)
    except UserError:
        for number, cells in buffered:  # a personnummer is the more important message
            _guard(number, cells, [])
        raise
    for number, cells in buffered[:position + 1]:
        _guard(number, cells, headers)
    columns = _resolve(headers, overrides)
    result = CaseListResult(path.name, source.description, buffered[position][0], columns)

    def remaining() -> Iterator[tuple[int, list[Any]]]:
        yield from buffered[position + 1:]
        yield from rows

    seen: dict[str, int] = {}
    done = position + 1
    for number, cells in remaining():
        _guard(number, cells, headers)
        done += 1
        if done % PROGRESS_EVERY == 0:
            if cancelled is not None and cancelled():
                raise ImportCancelledError("Inläsningen avbröts; ingenting sparades.")
            if progress is not None:
                progress(done, source.total)
        _read_row(result, number, cells, seen)
    if progress is not None:
        progress(done, done)
    if not result.has_case_ref:
        result.problems.insert(0, Problem(result.header_row, "ingen kolumn är vald som "
                                          f"{FIELD_LABELS['case_ref'].lower()}"))
    return result


def _read_row(result: CaseListResult, number: int, cells: list[Any],
              seen: dict[str, int]) -> None:
    texts = [cell_text(v) for v in cells]
    if not any(texts) or is_footer(texts):
        if any(texts):
            result.footer_rows.append(number)
        return
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for column in result.columns:
        if column.field == IGNORE:
            continue
        raw = cells[column.index] if column.index < len(cells) else None
        label = column.header or column.letter
        if column.field == "case_ref":
            ref = texts[column.index] if column.index < len(texts) else ""
            if not ref:
                problems.append(Problem(number, "ärendenummer saknas", label))
            elif len(ref) > 100:
                problems.append(Problem(number, "ärendenumret är längre än 100 tecken", label))
            elif ref in seen:
                problems.append(Problem(number, f"ärendenumret {ref} finns redan på rad "
                                                f"{seen[ref]}", label))
            else:
                values["case_ref"] = ref
            continue
        try:
            values[column.field] = _PARSERS[column.field](raw)
        except ValueError as exc:
            problems.append(Problem(number, str(exc), label))
    if not result.has_case_ref:
        return
    if problems:
        result.problems.extend(problems)
        return
    seen[values["case_ref"]] = number
    result.rows.append(CaseRow(row=number, **values))
