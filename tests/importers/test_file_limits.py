"""Case-list and answer workbooks over a documented limit are refused before they load."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import Workbook

from audit_app.domain.errors import UserError
from audit_app.importers import answer_files, limits, tabular
from audit_app.importers.answer_files import read_answer_file
from audit_app.importers.caselist import read_case_list
from audit_app.importers.limits import ANSWER_FILE, CASE_LIST, check_xlsx


def _workbook(path: Path, rows: int = 3, sheets: int = 1) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Ärende", "Enhet"])
    for k in range(rows):
        ws.append([f"2026-{k + 1:04d}", "Familjehem"])
    for k in range(1, sheets):
        wb.create_sheet(f"Blad{k}")["A1"] = "x"
    wb.save(path)
    return path


def _rewrite(src: Path, dst: Path, change: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename in change:
                data = change.pop(info.filename)
            zout.writestr(info.filename, data)
        for name, data in change.items():
            zout.writestr(name, data)
    return dst


def test_a_file_within_the_limits_is_read(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "ok.xlsx", rows=50)
    check_xlsx(path, CASE_LIST)
    assert read_case_list(path).row_count == 50


def test_too_many_sheets_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _workbook(tmp_path / "blad.xlsx", sheets=4)
    monkeypatch.setattr(tabular, "CASE_LIST", replace(CASE_LIST, max_sheets=3))
    with pytest.raises(UserError, match=r"4 blad \(högst 3\)"):
        read_case_list(path)


def test_zip_bomb_member_refused(tmp_path: Path) -> None:
    sheet = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(_workbook(tmp_path / "a.xlsx")) as zf:
        xml = zf.read(sheet)
    padded = xml.replace(b"<sheetData>", b" " * 5_000_000 + b"<sheetData>")
    bomb = _rewrite(tmp_path / "a.xlsx", tmp_path / "bomb.xlsx", {sheet: padded})
    with pytest.raises(UserError, match="zip-bomb"):
        read_case_list(bomb)
    with pytest.raises(UserError, match="zip-bomb"):
        read_answer_file(bomb)


def test_shared_strings_over_the_limit_refused(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    texts = b"<sst>" + b"".join(b"<si><t>%d</t></si>" % k for k in range(60_000)) + b"</sst>"
    path = _rewrite(_workbook(tmp_path / "a.xlsx"), tmp_path / "sst.xlsx",
                    {"xl/sharedStrings.xml": texts})
    monkeypatch.setattr(answer_files, "ANSWER_FILE",
                        replace(ANSWER_FILE, max_shared_strings=1_000_000))
    with pytest.raises(UserError, match=r"sharedStrings.xml\) är 1 MB \(högst 1 MB\)"):
        read_answer_file(path)


def test_declared_dimension_over_the_limit_refused(tmp_path: Path) -> None:
    sheet = "xl/worksheets/sheet1.xml"
    src = _workbook(tmp_path / "a.xlsx")
    with zipfile.ZipFile(src) as zf:
        xml = zf.read(sheet)
    wide = _rewrite(src, tmp_path / "wide.xlsx",
                    {sheet: xml.replace(b'<dimension ref="A1:B4"', b'<dimension ref="A1:XFD4"')})
    with pytest.raises(UserError, match="16384 kolumner brett"):
        read_case_list(wide)
    tall = _rewrite(src, tmp_path / "tall.xlsx", {sheet: xml.replace(
        b'<dimension ref="A1:B4"', b'<dimension ref="A1:T1048576"')})
    with pytest.raises(UserError, match="1048576 rader × 20 kolumner"):
        read_case_list(tall)


def test_counted_cells_over_the_limit_refused(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    sheet = "xl/worksheets/sheet1.xml"
    src = _workbook(tmp_path / "a.xlsx", rows=3_000)
    with zipfile.ZipFile(src) as zf:  # a dimension that hides the size
        xml = zf.read(sheet).replace(b'<dimension ref="A1:B3001"', b'<dimension ref="A1"')
    path = _rewrite(src, tmp_path / "many.xlsx", {sheet: xml})
    monkeypatch.setattr(limits, "_READ", 1000)  # cells across read blocks are counted once
    with zipfile.ZipFile(path) as zf:
        assert limits._sheet_cells(zf, zf.getinfo(sheet), "x", CASE_LIST) == 6002
    monkeypatch.setattr(answer_files, "ANSWER_FILE", replace(ANSWER_FILE, max_cells=6_000))
    with pytest.raises(UserError, match="fler celler än gränsen 6 000"):
        read_answer_file(path)


def test_the_documented_limits_are_the_ones_checked() -> None:
    docs = Path(__file__).resolve().parents[2] / "docs"
    for doc, lim in (("case-import.md", CASE_LIST), ("exchange.md", ANSWER_FILE)):
        text = (docs / doc).read_text(encoding="utf-8")
        for figure in (f"| {lim.max_file_bytes // 1_000_000} MB |",
                       f"| {lim.max_uncompressed // 1_000_000:,} MB |".replace(",", " "),
                       f"| {lim.max_shared_strings // 1_000_000} MB |",
                       f"| {lim.max_cells:,} |".replace(",", " "), f"| {lim.max_sheets} |",
                       f"| {lim.max_columns:,} |".replace(",", " "), f"| {lim.max_ratio}"):
            assert figure in text, (doc, figure)


def test_cells_with_a_namespace_prefix_are_counted(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    row = '<x:row r="{r}"><x:c r="A{r}" t="inlineStr"><x:is><x:t>a:c b</x:t></x:is></x:c>' \
          '<x:c r="B{r}"/></x:row>'
    xml = ('<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           '<x:sheetData>' + "".join(row.format(r=r) for r in range(1, 501))
           + "</x:sheetData></x:worksheet>")
    path = tmp_path / "prefix.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/worksheets/sheet1.xml", xml)
    monkeypatch.setattr(limits, "_READ", 700)
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("xl/worksheets/sheet1.xml")
        assert limits._sheet_cells(zf, info, "x", CASE_LIST) == 1000
