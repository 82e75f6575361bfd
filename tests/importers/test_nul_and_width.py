"""NUL characters refuse a file naming the cell; no column is ever dropped unseen."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from audit_app.domain.errors import UserError
from audit_app.importers.answer_files import read_answer_file
from audit_app.importers.caselist import PersonnummerInFileError, read_case_list
from audit_app.importers.tabular import MAX_COLUMNS
from tests.importers.caselist_files import PNR


def _with_nul(path: Path, rows: list[list[object]], sheet: str = "Blad1") -> Path:
    """A workbook whose cell 'NUL-HERE' holds a NUL as Excel writes it (_x0000_)."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet
    for row in rows:
        ws.append(row)
    plain = path.with_name("plain.xlsx")
    wb.save(plain)
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w") as out:
        for info in src.infolist():
            out.writestr(info, src.read(info.filename).replace(b"NUL-HERE", b"a_x0000_b"))
    return path


def test_case_list_csv_with_a_nul_names_the_cell(tmp_path: Path) -> None:
    path = tmp_path / "lista.csv"
    body = "".join(f"2026-{k:04d};Norr;F\n" for k in range(1, 400))
    path.write_bytes(("Ärende;Enhet;Kön\n" + body + '"2026-9;x";No\x00rr;F\n').encode())
    with pytest.raises(UserError, match=r"lista.csv: rad 401, kolumn B innehåller ett NUL"):
        read_case_list(path)
    early = tmp_path / "tidig.csv"
    early.write_bytes(b"\xc4rende;Enhet\n2026-1;\x00\n")
    with pytest.raises(UserError, match="rad 2, kolumn B innehåller ett NUL"):
        read_case_list(early)


def test_case_list_xlsx_with_a_nul_names_the_cell_in_any_column(tmp_path: Path) -> None:
    path = _with_nul(tmp_path / "lista.xlsx", [["Ärende", "Enhet", "Annat"],
                                               ["2026-1", "Norr", "ok"],
                                               ["2026-2", "Norr", "NUL-HERE"]])
    with pytest.raises(UserError, match=r"'Blad1'!C3 innehåller ett NUL"):
        read_case_list(path)


def test_answer_workbook_with_a_nul_names_the_cell(tmp_path: Path) -> None:
    wide = _with_nul(tmp_path / "svar.xlsx", [["case", "_enhet", "vardplan", "vardplan#kommentar"],
                                              ["Ärende", "Enhet", "Fråga", "Kommentar"],
                                              ["2026-1", "", "Ja", "NUL-HERE"]],
                     sheet="Granskning")
    with pytest.raises(UserError, match=r"Granskning!D3 innehåller ett NUL"):
        read_answer_file(wide)
    long = _with_nul(tmp_path / "lång.xlsx", [["case", "item", "answer"],
                                              ["2026-1", "NUL-HERE", "ja"]])
    with pytest.raises(UserError, match=r"Blad1!B2 innehåller ett NUL"):
        read_answer_file(long)


def test_answer_csv_with_a_nul_names_the_cell(tmp_path: Path) -> None:
    path = tmp_path / "svar.csv"
    path.write_bytes(b"case;item;answer;comment\n2026-1;vardplan;ja;bra\n"
                     b"2026-2;vardplan;ja;s\x00ant\n")
    with pytest.raises(UserError, match="svar.csv: rad 3, kolumn D innehåller ett NUL"):
        read_answer_file(path)


def test_personnummer_beyond_the_last_column_read_refuses_the_csv(tmp_path: Path) -> None:
    cells = ["2026-1", "Norr"] + [""] * (MAX_COLUMNS + 10)
    cells[MAX_COLUMNS + 5] = PNR
    path = tmp_path / "bred.csv"
    path.write_text("Ärende;Enhet\n" + ";".join(cells) + "\n2026-2;Norr\n", encoding="utf-8")
    with pytest.raises(UserError, match=f"högst {MAX_COLUMNS} kolumner"):
        read_case_list(path)
    quoted = tmp_path / "citat.csv"  # the full CSV parser's path
    quoted.write_text('"Ärende";Enhet\n' + ";".join(cells) + "\n", encoding="utf-8")
    with pytest.raises(UserError, match=f"högst {MAX_COLUMNS} kolumner"):
        read_case_list(quoted)


def test_personnummer_beyond_the_last_column_read_refuses_the_xlsx(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Ärende", "Enhet"])
    ws.append(["2026-1", "Norr"])
    ws.cell(2, MAX_COLUMNS + 20, PNR)
    path = tmp_path / "bred.xlsx"
    wb.save(path)
    with pytest.raises(UserError, match=f"högst {MAX_COLUMNS} kolumner"):
        read_case_list(path)
    with zipfile.ZipFile(path) as zf:  # a dimension that hides the width: the row is read
        xml = zf.read("xl/worksheets/sheet1.xml")
        items = [(i, zf.read(i.filename)) for i in zf.infolist()]
    hidden = tmp_path / "dold.xlsx"
    with zipfile.ZipFile(hidden, "w") as out:
        for info, data in items:
            if info.filename == "xl/worksheets/sheet1.xml":
                data = xml.replace(b'<dimension ref="A1:SZ2"', b'<dimension ref="A1:B2"')
            out.writestr(info, data)
    with pytest.raises(UserError, match="Rad 2 har ifyllda celler efter kolumn SF"):
        read_case_list(hidden)


def test_rows_beyond_the_declared_dimension_are_read(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for row in (["Ärende", "Enhet"], ["2026-1", "Norr"], ["2026-2", PNR]):
        ws.append(row)
    path = tmp_path / "kort.xlsx"
    wb.save(path)
    with zipfile.ZipFile(path) as zf:
        items = [(i, zf.read(i.filename)) for i in zf.infolist()]
    short = tmp_path / "dold.xlsx"
    with zipfile.ZipFile(short, "w") as out:
        for info, data in items:
            out.writestr(info, data.replace(b'<dimension ref="A1:B3"', b'<dimension ref="A1:B2"'))
    with pytest.raises(PersonnummerInFileError, match="Rad 3, kolumn B"):
        read_case_list(short)
