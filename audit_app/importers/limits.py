"""Documented limits on imported files, checked on the zip's directory before a workbook loads."""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from audit_app.domain.errors import UserError


@dataclass(frozen=True)
class FileLimits:
    """What one kind of imported file may be; docs/case-import.md and docs/exchange.md list
    the same figures. Any file within them is read in well under 500 MB of memory
    (bench: `python -m bench.run --only largest_case_list,largest_answer_file`)."""

    what: str  # as the messages name the kind of file
    max_file_bytes: int
    max_uncompressed: int  # every member of the .xlsx inflated, together
    max_ratio: int  # inflated / packed size of one member over 1 MB (zip bomb)
    max_shared_strings: int  # bytes of xl/sharedStrings.xml, which is held in memory whole
    max_cells: int  # cells of all sheets together, counted and as <dimension> declares
    max_sheets: int
    max_columns: int


CASE_LIST = FileLimits("en ärendelista", max_file_bytes=200_000_000,
                       max_uncompressed=1_000_000_000, max_ratio=250,
                       max_shared_strings=50_000_000, max_cells=5_000_000, max_sheets=50,
                       max_columns=500)
ANSWER_FILE = FileLimits("en svarsfil", max_file_bytes=50_000_000,
                         max_uncompressed=150_000_000, max_ratio=250,
                         max_shared_strings=30_000_000, max_cells=1_000_000, max_sheets=20,
                         max_columns=1_000)

_SHEET = re.compile(r"^xl/worksheets/[^/]+\.xml$")
_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")
_DIMENSION = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?dimension\s+ref="\$?([A-Z]{1,3})\$?(\d+)'
                        rb'(?::\$?([A-Z]{1,3})\$?(\d+))?"')
_PREFIXED = re.compile(rb"<[A-Za-z_][\w.-]*:worksheet[\s>]")
_READ = 1 << 20


def _column_number(letters: bytes) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ch - 64
    return number


def _n(number: int) -> str:
    return f"{number:,}".replace(",", " ")


def _refuse(name: str, limits: FileLimits, text: str) -> UserError:
    return UserError(f"{name} läses inte: {text}; det är orimligt stort för {limits.what}. "
                     "Ingenting har importerats.")


def check_xlsx(path: Path, limits: FileLimits) -> None:
    """UserError naming the limit when the .xlsx at path exceeds one; nothing is inflated
    beyond the sheets' XML, which is streamed once to count its cells."""
    name = path.name
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            total = sum(info.file_size for info in infos)
            if total > limits.max_uncompressed:
                raise _refuse(name, limits, f"den packas upp till {total // 1_000_000} MB "
                              f"(högst {limits.max_uncompressed // 1_000_000} MB)")
            for info in infos:
                if info.file_size > 1_000_000 and \
                        info.file_size > limits.max_ratio * max(info.compress_size, 1):
                    raise _refuse(name, limits, f"delen {info.filename} packas upp "
                                  f"{info.file_size // max(info.compress_size, 1)} gånger "
                                  f"(högst {limits.max_ratio} gånger, en zip-bomb)")
                if info.filename.lower() == "xl/sharedstrings.xml" and \
                        info.file_size > limits.max_shared_strings:
                    raise _refuse(name, limits, f"texterna (sharedStrings.xml) är "
                                  f"{info.file_size // 1_000_000} MB (högst "
                                  f"{limits.max_shared_strings // 1_000_000} MB)")
            sheets = [info for info in infos if _SHEET.match(info.filename)]
            if len(sheets) > limits.max_sheets:
                raise _refuse(name, limits, f"den har {len(sheets)} blad (högst "
                              f"{limits.max_sheets})")
            cells = 0
            for info in sheets:
                cells += _sheet_cells(zf, info, name, limits)
                if cells > limits.max_cells:
                    raise _refuse(name, limits, f"den har fler celler än gränsen "
                                  f"{_n(limits.max_cells)}")
    except UserError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError) as exc:
        raise UserError(f"{name} kan inte läsas som en Excel-fil (.xlsx); den är skadad "
                        "eller ingen giltig Excel-fil.") from exc


def _sheet_cells(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str,
                 limits: FileLimits) -> int:
    """The cells of one sheet's XML, streamed; its <dimension> is held to the limits too."""
    count = 0
    carry = b""
    cells = _plain_cells
    first = True
    with zf.open(info) as fh:
        while True:
            block = fh.read(_READ)
            if not block:
                break
            data = carry + block
            if first:
                first = False
                _check_dimension(data[:4096], info.filename, name, limits)
                if _PREFIXED.search(data, 0, 4096):  # <x:c …>: the slower, general count
                    cells = _any_cells
            cut = data.rfind(b"<", max(0, len(data) - 64))  # a tag cut in two is kept
            if cut == -1:
                cut = len(data)
            count += cells(data[:cut])
            carry = data[cut:]
            if count > limits.max_cells:
                break
    return count + cells(carry)


def _plain_cells(data: bytes) -> int:
    return data.count(b"<c ") + data.count(b"<c>") + data.count(b"<c/")


def _any_cells(data: bytes) -> int:
    return len(_CELL.findall(data))


def _check_dimension(head: bytes, sheet: str, name: str, limits: FileLimits) -> None:
    found = _DIMENSION.search(head)
    if found is None:
        return
    first_col, first_row = _column_number(found[1]), int(found[2])
    last_col = _column_number(found[3]) if found[3] else first_col
    last_row = int(found[4]) if found[4] else first_row
    columns = last_col - min(first_col, last_col) + 1
    rows = last_row - min(first_row, last_row) + 1
    where = sheet.rsplit("/", 1)[-1]
    if last_col > limits.max_columns:
        raise _refuse(name, limits, f"bladet {where} är {last_col} kolumner brett (högst "
                      f"{limits.max_columns} kolumner)")
    if rows * columns > limits.max_cells:
        raise _refuse(name, limits, f"bladet {where} anger {rows} rader × {columns} kolumner "
                      f"(högst {_n(limits.max_cells)} celler)")
