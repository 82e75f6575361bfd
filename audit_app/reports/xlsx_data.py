"""The workbook's long data sheet streamed as sheet XML (600,000 rows, no cell objects)."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import IO, Any

# round, case, unit, gender, item id, answer, applicable, compliant, comment, reviewer, done
DataTuple = tuple[str, str, str | None, str | None, str, str | None, bool, bool | None,
                  str | None, str | None, date | None]
Describe = Callable[[str, str | None], tuple[str, str | None]]
Progress = Callable[[int], None]

# the autofilter's last row before the count is known: Excel's last row, replaced after
PLACEHOLDER_ROW = 1_048_576
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not allowed in XML 1.0
_EPOCH = date(1899, 12, 30)  # Excel's day 0 (1900 date system, after February 1900)
_FLUSH = 2_000  # rows joined per write
_CACHE = 50_000  # distinct texts kept as ready cell XML


def text_cell(value: str) -> str:
    """An inline-string cell's XML after its reference, as openpyxl writes it: at most
    32,767 characters, characters XML cannot hold left out, spaces kept at the ends."""
    value = _ILLEGAL.sub("", value[:32767])
    escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    space = ' xml:space="preserve"' if value != value.strip() else ""
    return f' t="inlineStr"><is><t{space}>{escaped}</t></is></c>'


def _pieces(cells: list[tuple[str, str]]) -> tuple[str, ...]:
    """Cells as the pieces between which the row number goes: r.join(pieces) is the XML."""
    out = [""]
    for column, xml in cells:
        out[-1] += f'<c r="{column}'
        out.append(f'"{xml}')
    return tuple(out)


def write_rows(out: IO[bytes], rows: Iterable[DataTuple], describe: Describe,
               genders: dict[str, str], date_style: int,
               progress: Progress | None = None,
               yes_no: tuple[str, str] = ("Ja", "Nej")) -> int:
    """Write rows 2, 3, … of the data sheet (the cells of <sheetData>); returns the count.

    describe(item id, answer) gives the question and the answer's label; genders turns the
    stored gender into its column text. Empty values get no cell, as with openpyxl. The
    cells repeat a lot (30 items, a few units, rounds, dates), so each group of columns is
    made once as pieces and only joined with the row number per row.
    """
    texts: dict[str, str] = {}

    def text(value: str) -> str:
        cell = texts.get(value)
        if cell is None:
            if len(texts) >= _CACHE:
                texts.clear()
            cell = texts[value] = text_cell(value)
        return cell

    def starts(round_name: str) -> tuple[str, ...]:
        cells = _pieces([("A", text(round_name)), ("B", "")])
        return ('<row r="', '">' + cells[0], *cells[1:])

    def case(unit: str | None, gender: str | None) -> tuple[str, ...]:
        return _pieces(([("C", text(unit))] if unit else [])
                       + ([("D", text(genders.get(gender, gender)))] if gender else []))

    def answer(item_id: str, value: str | None, applicable: bool,
               compliant: bool | None) -> tuple[str, ...]:
        question, label = describe(item_id, value)
        cells = [("E", text(item_id)), ("F", text(question))]
        if label:
            cells.append(("G", text(label)))
        cells.append(("H", text(yes_no[0] if applicable else yes_no[1])))
        if applicable and compliant is not None:
            cells.append(("I", f"><v>{int(compliant)}</v></c>"))
        return _pieces(cells)

    def ends(reviewer: str | None, completed: date | None) -> tuple[str, ...]:
        cells = [("K", text(reviewer))] if reviewer else []
        if completed is not None:
            cells.append(("L", f' s="{date_style}"><v>{(completed - _EPOCH).days}</v></c>'))
        return _pieces(cells)

    groups: dict[Any, tuple[str, ...]] = {}
    buffer: list[str] = []
    count = 0
    last_case, case_cell = "", ""
    for (round_name, case_ref, unit, gender, item_id, value, applicable, compliant,
         comment, reviewer, completed) in rows:
        count += 1
        r = str(count + 1)
        key: Any = (0, round_name)
        first = groups.get(key) or groups.setdefault(key, starts(round_name))
        key = (1, unit, gender)
        middle = groups.get(key) or groups.setdefault(key, case(unit, gender))
        key = (item_id, value, applicable, compliant)
        item = groups.get(key) or groups.setdefault(key, answer(*key))
        key = (2, reviewer, completed)
        last = groups.get(key) or groups.setdefault(key, ends(reviewer, completed))
        if case_ref != last_case:  # rows come case by case
            last_case, case_cell = case_ref, text_cell(case_ref)
        buffer += (r.join(first), case_cell, r.join(middle), r.join(item))
        if comment:
            buffer += ('<c r="J', r, '"', text_cell(comment))
        buffer += (r.join(last), "</row>")
        if count % _FLUSH == 0:
            out.write("".join(buffer).encode())
            buffer.clear()
            if progress and count % 10_000 == 0:
                progress(count)
        if len(groups) >= _CACHE:
            groups.clear()
    out.write("".join(buffer).encode())
    return count


def splice(workbook: IO[bytes], sheet: str, target: Path,
           write: Callable[[IO[bytes]], int], last_column: str) -> int:
    """Copy the workbook openpyxl saved (the data sheet with its header row only and the
    placeholder autofilter) to target, writing the data sheet's rows with write(out) and
    setting the filter ranges to the rows written; returns write's count."""
    placeholder = f"A1:{last_column}{PLACEHOLDER_ROW}"
    defined = f"$A$1:${last_column}${PLACEHOLDER_ROW}"
    with zipfile.ZipFile(workbook) as source, \
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=3) as out:
        head, tail = source.read(sheet).split(b"</sheetData>", 1)
        with out.open(sheet, "w") as fh:
            fh.write(head)
            count = write(fh)
            last = max(count, 1) + 1
            fh.write(b"</sheetData>" + tail.replace(placeholder.encode(),
                                                    f"A1:{last_column}{last}".encode()))
        for info in source.infolist():
            if info.filename == sheet:
                continue
            data = source.read(info.filename)
            if info.filename == "xl/workbook.xml":
                data = data.replace(defined.encode(),
                                    f"$A$1:${last_column}${last}".encode())
            out.writestr(info.filename, data)
    return count
