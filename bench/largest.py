"""The largest case list and answer workbook the import limits allow, and the measures reading them.

Written as sheet XML by hand (streamed, so generating them costs little memory). The measures
report the reading process's peak memory, which must stay under 500 MB for any allowed file.
"""

from __future__ import annotations

import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from xml.sax.saxutils import escape

from audit_app.importers.limits import ANSWER_FILE, CASE_LIST

CASE_COLUMNS = ("Ärendenummer", "Enhet", "Team", "Ärendetyp", "Kön", "Födelseår",
                "Åldersgrupp", "Avslutsdatum", "Handläggare", "Anteckning")
ANSWER_COLUMNS = ("case", "item", "answer", "comment")
_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
# a cell: shared-string index (int), inline text (str) or number (float)
Cell = int | str | float


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _write(path: Path, title: str, width: int, rows: int,
           make_rows: Callable[[list[str]], Iterator[list[Cell]]]) -> Path:
    """An .xlsx with one sheet of `rows` rows of `width` columns; make_rows(shared) yields
    the rows and fills `shared` (the shared strings) as it goes."""
    shared: list[str] = []
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            fh.write(f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_NS}">'
                     f'<dimension ref="A1:{_letter(width - 1)}{rows}"/><sheetData>'.encode())
            buffer: list[str] = []
            for r, row in enumerate(make_rows(shared), start=1):
                buffer.append(f'<row r="{r}">')
                for c, value in enumerate(row):
                    ref = f"{_letter(c)}{r}"
                    if isinstance(value, int):
                        buffer.append(f'<c r="{ref}" t="s"><v>{value}</v></c>')
                    elif isinstance(value, float):
                        buffer.append(f'<c r="{ref}"><v>{value:g}</v></c>')
                    else:
                        buffer.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}'
                                      "</t></is></c>")
                buffer.append("</row>")
                if r % 5_000 == 0:
                    fh.write("".join(buffer).encode())
                    buffer.clear()
            fh.write(("".join(buffer) + "</sheetData></worksheet>").encode())
        with zf.open("xl/sharedStrings.xml", "w", force_zip64=True) as fh:
            fh.write(f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{_NS}" '
                     f'count="{len(shared)}" uniqueCount="{len(shared)}">'.encode())
            for start in range(0, len(shared), 5_000):
                fh.write("".join(f"<si><t>{escape(s)}</t></si>"
                                 for s in shared[start:start + 5_000]).encode())
            fh.write(b"</sst>")
        zf.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
            '.org/package/2006/content-types"><Default Extension="rels" ContentType="'
            'application/vnd.openxmlformats-package.relationships+xml"/><Default Extension='
            f'"xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
            f'ContentType="{_CT}.sheet.main+xml"/><Override PartName="/xl/worksheets/'
            f'sheet1.xml" ContentType="{_CT}.worksheet+xml"/><Override PartName="/xl/'
            f'sharedStrings.xml" ContentType="{_CT}.sharedStrings+xml"/></Types>'))
        zf.writestr("_rels/.rels", (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG}">'
            f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"))
        zf.writestr("xl/workbook.xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_NS}" xmlns:r="{_REL}">'
            f'<sheets><sheet name="{title}" sheetId="1" r:id="rId1"/></sheets></workbook>'))
        zf.writestr("xl/_rels/workbook.xml.rels", (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG}">'
            f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>"))
    return path


def write_largest_case_list(path: Path, cells: int = CASE_LIST.max_cells) -> Path:
    """A case list of `cells` cells (10 columns): unique case numbers and notes as shared
    strings, as many as the sharedStrings limit leaves room for, the rest inline."""
    width = len(CASE_COLUMNS)
    rows = cells // width
    room = CASE_LIST.max_shared_strings - 1_000_000

    def make(shared: list[str]) -> Iterator[list[Cell]]:
        size = 0

        def share(text: str) -> Cell:
            nonlocal size
            cost = len(text.encode()) + 20  # <si><t></t></si>
            if size + cost > room:
                return text
            size += cost
            shared.append(text)
            return len(shared) - 1

        units = [share(f"Enhet {k}") for k in range(20)]
        yield list(CASE_COLUMNS)
        for k in range(1, rows):
            yield [share(f"ÄR-2026-{k:06d}"), units[k % 20], f"Team {k % 7}", "Placering",
                   "F" if k % 2 else "P", float(2008 + k % 10), "13-17 år",
                   f"2026-{1 + k % 12:02d}-{1 + k % 28:02d}", f"Handläggare {k % 40}",
                   share(f"Anteckning om uppföljningen i ärende nummer {k} av listan")]

    return _write(path, "Ärenden", width, rows, make)


def write_largest_answer_file(path: Path, cells: int = ANSWER_FILE.max_cells) -> Path:
    """A long answer table of `cells` cells: case, item, answer, comment on every row."""
    width = len(ANSWER_COLUMNS)
    rows = cells // width

    def make(shared: list[str]) -> Iterator[list[Cell]]:
        shared.extend(f"punkt_{k + 1:02d}" for k in range(30))
        shared.extend(("ja", "nej", "ej_aktuellt"))
        yield list(ANSWER_COLUMNS)
        for k in range(1, rows):
            yield [f"ÄR-2026-{k // 30:06d}", k % 30, 30 + k % 3,
                   f"Kommentar till svaret, rad {k}, utan personuppgifter"]

    return _write(path, "Svar", width, rows, make)


def _peak_read(read: Callable[[], int]) -> float:
    start = time.perf_counter()
    if read() < 1:
        raise RuntimeError("filen gav inga rader")
    return time.perf_counter() - start


def largest_case_list(args: dict[str, str]) -> float:
    from audit_app.importers.caselist import read_case_list

    return _peak_read(lambda: read_case_list(Path(args["largest_case_list"])).row_count)


def largest_answer_file(args: dict[str, str]) -> float:
    from audit_app.importers.answer_files import read_answer_file

    return _peak_read(lambda: len(read_answer_file(Path(args["largest_answer_file"])).cells))


LARGEST: dict[str, Callable[[dict[str, str]], float]] = {
    "largest_case_list": largest_case_list, "largest_answer_file": largest_answer_file}


def write_largest(folder: Path, full: bool) -> dict[str, str]:
    """Both files, at the limits (full) or a few thousand cells (tiny); their paths as args."""
    case_list = folder / "storsta-arendelista.xlsx"
    answers = folder / "storsta-svarsfil.xlsx"
    write_largest_case_list(case_list, CASE_LIST.max_cells if full else 2_000)
    write_largest_answer_file(answers, ANSWER_FILE.max_cells if full else 2_000)
    return {"largest_case_list": str(case_list), "largest_answer_file": str(answers)}
