"""Reading answer files: the review workbook, or a long table (CSV/XLSX: case, item, answer)."""

from __future__ import annotations

import csv
import io
import logging
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from audit_app.domain.errors import UserError
from audit_app.domain.personnummer import contains_personnummer
from audit_app.importers.limits import ANSWER_FILE, check_xlsx
from audit_app.importers.nul import NUL, csv_nul_cell, has_nul, nul_error

logger = logging.getLogger(__name__)

WORKBOOK_SHEET = "Granskning"
META_SHEET = "_granska"
COMMENT_SUFFIX = "#kommentar"
MAX_BYTES = ANSWER_FILE.max_file_bytes

PN_PROBLEM = "texten ser ut att innehålla ett personnummer och importeras inte"

HEADER_NAMES = {
    "case": {"case", "ärende", "arende", "ärendenummer", "case_ref"},
    "item": {"item", "kontrollpunkt", "fråga", "item_id"},
    "answer": {"answer", "svar", "value"},
    "comment": {"comment", "kommentar"},
    "reviewer": {"reviewer", "granskare"},
    "date": {"date", "datum", "granskningsdatum"},
    "themes": {"themes", "teman", "tema"},
}
# Machine ids (row 1) of the review workbook's reviewer and date columns; never item ids.
REVIEWER_IDS = {"_granskare", "_reviewer"}
DATE_IDS = {"_datum", "_date"}
EARLIEST_DATE = date(1990, 1, 1)


@dataclass(frozen=True)
class AnswerCell:
    """One case's answer (and comment) to one item as the file gives it; None means blank."""

    case_ref: str
    item_id: str
    answer: str | None
    comment: str | None
    case_at: str  # where the case reference is, e.g. "Granskning!A7" or "rad 7"
    answer_at: str
    comment_at: str
    item_at: str = ""
    reviewer: str | None = None  # who reviewed the case, when the file says
    reviewer_at: str = ""
    review_date: date | None = None  # when the case was reviewed, when the file says
    date_at: str = ""
    themes: tuple[str, ...] | None = None  # theme ids the text is tagged with; None: not given
    themes_at: str = ""


@dataclass
class AnswerFile:
    """What an answer file holds, and what could not be read in it."""

    kind: str  # "workbook" or "long"
    cells: list[AnswerCell] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    round_uid: str | None = None
    item_columns: list[tuple[str, str]] = field(default_factory=list)  # (item id, header)


def sheet_ref(title: str) -> str:
    """A sheet name as Excel writes it in a reference: quoted only when needed."""
    return title if title.replace("_", "").isalnum() else "'" + title.replace("'", "''") + "'"


def cell_text(value: Any) -> str | None:
    """A cell as Excel users mean it: stripped text, None when blank."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() \
            else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool):
        value = "ja" if value else "nej"
    text = str(value).replace("\u00a0", " ").replace("\r\n", "\n").strip()
    return text or None


def parse_review_date(text: str | None, today: date | None = None) -> date | None:
    """A review date as the file gives it (ÅÅÅÅ-MM-DD, or an Excel date), None when blank;
    UserError when it is no real date, lies in the future or before 1990."""
    if text is None:
        return None
    head = text[:10]
    try:
        if len(text) > 10 and text[10] not in " T":
            raise ValueError(text)
        day = date.fromisoformat(head)
    except ValueError:
        raise UserError(f"'{text}' är inget giltigt datum (skriv ÅÅÅÅ-MM-DD)") from None
    if day > (today or date.today()):
        raise UserError(f"datumet {day.isoformat()} ligger i framtiden")
    if day < EARLIEST_DATE:
        raise UserError(f"datumet {day.isoformat()} är orimligt tidigt")
    return day


def read_answer_file(path: Path) -> AnswerFile:
    """Read a review workbook, a long XLSX or a long CSV file."""
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise UserError(f"Filen {path.name} finns inte.") from exc
    except OSError as exc:
        raise UserError(f"Kan inte läsa filen {path.name}: {exc.strerror}") from exc
    if size > MAX_BYTES:
        raise UserError(f"Filen {path.name} är för stor för en svarsfil.")
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if path.suffix.lower() in (".csv", ".txt", ".tsv"):
        return _read_csv(path)
    raise UserError(f"Filen {path.name} är varken .xlsx eller .csv.")


def get_column_letter(index: int) -> str:
    """Column letters for a 1-based index (openpyxl is imported only when a file is read)."""
    from openpyxl.utils import get_column_letter as letter

    return str(letter(index))


def _read_xlsx(path: Path) -> AnswerFile:
    from openpyxl import load_workbook

    check_xlsx(path, ANSWER_FILE)  # a zip bomb is refused before openpyxl inflates it
    # Our own handle: openpyxl leaves the file open when it fails half way.
    with path.open("rb") as fh:
        try:
            # read-only: the rows are streamed, never a cell object per cell (memory)
            wb = load_workbook(fh, read_only=True, data_only=True)
            try:
                return _read_book(wb)
            finally:
                wb.close()
        except UserError:
            raise
        except Exception as exc:  # the parser fails in many ways on a damaged file
            # Only the kind of error: its message could quote the file's contents.
            logger.warning("Svarsfilen gick inte att läsa som xlsx (%s)", type(exc).__name__)
            raise UserError(f"{path.name} kan inte läsas som en Excel-fil (.xlsx); filen är "
                            "skadad eller inte en Excel-arbetsbok.") from exc


def _read_book(wb: Any) -> AnswerFile:
    """The answers of an opened workbook: the review workbook's sheet, else a long sheet."""
    for sheet in wb.worksheets:  # every row and cell, not only those the sheet declares
        sheet.reset_dimensions()
    if WORKBOOK_SHEET in wb.sheetnames and \
            cell_text(wb[WORKBOOK_SHEET].cell(1, 1).value) == "case":
        result = _read_wide(wb[WORKBOOK_SHEET])
        if META_SHEET in wb.sheetnames:
            meta_ws = wb[META_SHEET]
            pairs = list(meta_ws.iter_rows(max_col=2, values_only=True))
            _refuse_nul(enumerate(pairs, start=1), _sheet_at(meta_ws.title))
            meta = {cell_text(r[0]): cell_text(r[1]) for r in pairs if len(r) == 2}
            result.round_uid = meta.get("round_uid")
        return result
    ws = wb.worksheets[0]
    rows = [(n, list(r)) for n, r in enumerate(ws.iter_rows(values_only=True), start=1)]
    _refuse_nul(rows, _sheet_at(ws.title))
    return _read_long(rows, _sheet_at(ws.title))


def _sheet_at(title: str) -> Any:
    """Where a cell is, from its row and 1-based column: 'Blad!B7'."""
    return lambda r, c: f"{sheet_ref(title)}!{get_column_letter(c)}{r}"


def _refuse_nul(rows: Any, at: Any) -> None:
    """UserError naming the first cell with a NUL; nothing of the file is imported."""
    for number, cells in rows:
        for k, value in enumerate(cells):
            if has_nul(value):
                raise nul_error(f"Cellen {at(number, k + 1)}")


def _read_wide(ws: Any) -> AnswerFile:
    result = AnswerFile(kind="workbook")
    sheet = sheet_ref(ws.title)
    rows = list(ws.iter_rows(values_only=True))
    _refuse_nul(enumerate(rows, start=1), _sheet_at(ws.title))
    if not rows:
        return result
    ids = [cell_text(v) for v in rows[0]]
    columns: dict[str, tuple[int | None, int | None]] = {}
    reviewer_col = next((c for c, key in enumerate(ids) if key in REVIEWER_IDS), None)
    date_col = next((c for c, key in enumerate(ids) if key in DATE_IDS), None)
    for c, key in enumerate(ids):
        if c < 2 or key is None or key.startswith("_"):
            continue
        if contains_personnummer(key):
            result.problems.append(f"{sheet}!{get_column_letter(c + 1)}1: {PN_PROBLEM}")
            continue
        base = key[: -len(COMMENT_SUFFIX)] if key.endswith(COMMENT_SUFFIX) else key
        ans, com = columns.get(base, (None, None))
        earlier = com if key.endswith(COMMENT_SUFFIX) else ans
        if earlier is not None:  # two columns would answer the same item for every case
            result.problems.append(
                f"{sheet}!{get_column_letter(c + 1)}1: kolumnen '{key}' finns redan i "
                f"{sheet}!{get_column_letter(earlier + 1)}1")
            continue
        columns[base] = (ans, c) if key.endswith(COMMENT_SUFFIX) else (c, com)
    for base, (ans, com) in columns.items():
        first = ans if ans is not None else com
        assert first is not None
        result.item_columns.append((base, f"{sheet}!{get_column_letter(first + 1)}1"))

    def at(r: int, c: int | None) -> str:
        return f"{sheet}!{get_column_letter(c + 1)}{r}" if c is not None else ""

    first_data = 3 if len(rows) > 1 and rows[1] and cell_text(rows[1][0]) == "Ärende" else 2
    seen: dict[str, int] = {}
    for r, row in enumerate(rows[first_data - 1:], start=first_data):
        values = list(row) + [None] * max(len(ids) - len(row), 1)
        case_ref = cell_text(values[0])
        filled = any(cell_text(v) for v in values[2:])
        if case_ref is None:
            if filled:
                result.problems.append(f"{sheet}!A{r}: ärendenummer saknas på en rad med svar")
            continue
        if contains_personnummer(case_ref):
            result.problems.append(f"{sheet}!A{r}: {PN_PROBLEM}")
            continue
        if case_ref in seen:
            result.problems.append(f"{sheet}!A{r}: ärendet {case_ref} finns redan på rad "
                                   f"{seen[case_ref]}")
            continue
        seen[case_ref] = r
        reviewer = cell_text(values[reviewer_col]) if reviewer_col is not None else None
        review_date = _date_cell(result, values, date_col, at(r, date_col))
        for base, (ans, com) in columns.items():
            answer = cell_text(values[ans]) if ans is not None else None
            comment = cell_text(values[com]) if com is not None else None
            if answer is None and comment is None:
                continue
            result.cells.append(AnswerCell(case_ref, base, answer, comment, f"{sheet}!A{r}",
                                           at(r, ans), at(r, com), "", reviewer,
                                           at(r, reviewer_col), review_date, at(r, date_col)))
    return result


def _date_cell(result: AnswerFile, values: list[Any], col: int | None,
               where: str) -> date | None:
    """The review date in a row; a bad one becomes a problem naming its cell."""
    if col is None or col >= len(values):
        return None
    try:
        return parse_review_date(cell_text(values[col]))
    except UserError as exc:
        result.problems.append(f"{where}: {exc}")
        return None


def _decode(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UserError("Filen är inte text i UTF-8 eller Windows-1252.")


def _read_csv(path: Path) -> AnswerFile:
    text = _decode(path.read_bytes())
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = max((";", ",", "\t"), key=first.count)
    if NUL in text:
        raise nul_error(f"{path.name}: {csv_nul_cell(text, delimiter)}")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = [(reader.line_num, list(r)) for r in reader]
    except csv.Error as exc:
        raise UserError(f"{path.name}: trasig CSV-fil ({exc}).") from exc
    return _read_long(rows, lambda r, c: f"rad {r}")


def _header_columns(header: list[Any]) -> dict[str, int]:
    cols: dict[str, int] = {}
    for c, name in enumerate(header):
        text = (cell_text(name) or "").lower()
        for key, names in HEADER_NAMES.items():
            if text in names and key not in cols:
                cols[key] = c
    return cols


def _read_long(rows: list[tuple[int, list[Any]]], at: Any) -> AnswerFile:
    result = AnswerFile(kind="long")
    rows = [(n, r) for n, r in rows if any(cell_text(v) for v in r)]
    if not rows:
        result.problems.append("Filen är tom.")
        return result
    # Follow-up files often have a title or two above the table: look for the header row.
    start, cols = 0, _header_columns(rows[0][1])
    for k, (_, candidate) in enumerate(rows[:10]):
        found = _header_columns(candidate)
        if all(key in found for key in ("case", "item", "answer")):
            start, cols = k, found
            break
    header_line = rows[start][0]
    rows = rows[start:]
    missing = [k for k in ("case", "item", "answer") if k not in cols]
    if missing:
        result.problems.append(
            f"{at(header_line, 1)}: rubrikraden saknar kolumnen/kolumnerna "
            f"{', '.join(missing)} (väntade: case, item, answer, comment)")
        return result
    seen: dict[tuple[str, str], str] = {}
    for line, row in rows[1:]:
        def get(key: str, row: list[Any] = row) -> str | None:
            c = cols.get(key)
            return cell_text(row[c]) if c is not None and c < len(row) else None

        def where(key: str, line: int = line) -> str:
            c = cols.get(key)
            return at(line, c + 1) if c is not None else ""

        case_ref, item_id = get("case"), get("item")
        if case_ref is None or item_id is None:
            result.problems.append(f"{where('case')}: ärende och kontrollpunkt måste anges")
            continue
        if contains_personnummer(case_ref) or contains_personnummer(item_id):
            result.problems.append(f"{where('case')}: {PN_PROBLEM}")
            continue
        pair = (case_ref, item_id)
        if pair in seen:
            result.problems.append(f"{where('item')}: {case_ref} / {item_id} förekommer redan "
                                   f"({seen[pair]})")
            continue
        seen[pair] = where("item")
        date_col = cols.get("date")
        result.cells.append(AnswerCell(case_ref, item_id, get("answer"), get("comment"),
                                       where("case"), where("answer"), where("comment"),
                                       where("item"), get("reviewer"), where("reviewer"),
                                       _date_cell(result, row, date_col, where("date")),
                                       where("date"), theme_ids(get("themes")),
                                       where("themes")))
    return result


def theme_ids(text: str | None) -> tuple[str, ...] | None:
    """The ids of a themes cell, separated by '|'; None when the cell is blank."""
    if text is None:
        return None
    return tuple(dict.fromkeys(t.strip() for t in text.split("|") if t.strip()))
