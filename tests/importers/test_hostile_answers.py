"""Hostile answer files are refused quickly with a message: zip bomb, 10 MB CSV field, junk."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from audit_app.domain.errors import UserError
from audit_app.importers import answer_files
from audit_app.importers.answer_files import read_answer_file


def _inflating_workbook(path: Path, padding_mb: int) -> None:
    """A valid workbook whose sheet XML inflates by `padding_mb` MB of whitespace."""
    base = path.with_name("base.xlsx")
    wb = Workbook()
    wb.active.append(["case", "item", "value"])
    wb.save(base)
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                head, tail = data.split(b"<sheetData>")
                with zf.open(info.filename, "w", force_zip64=True) as fh:
                    fh.write(head)
                    for _ in range(padding_mb):
                        fh.write(b" " * (1 << 20))
                    fh.write(b"<sheetData>" + tail)
            else:
                zf.writestr(info, data)


def test_xlsx_zip_bomb_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = tmp_path / "bomb.xlsx"
    _inflating_workbook(bomb, 40)
    assert bomb.stat().st_size < 1_000_000
    monkeypatch.setattr(answer_files, "ANSWER_FILE", replace(answer_files.ANSWER_FILE,
                                                             max_uncompressed=20_000_000))
    with pytest.raises(UserError, match="orimligt stort"):
        read_answer_file(bomb)


def test_csv_with_10_mb_field_refused(tmp_path: Path) -> None:
    path = tmp_path / "svar.csv"
    path.write_text("case;item;value;comment\n2026-0001;vardplan;ja;" + "x" * 10_000_000
                    + "\n", encoding="utf-8")
    with pytest.raises(UserError):
        read_answer_file(path)


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".csv", ".xlsx", ".txt"]))
def test_any_bytes_give_a_result_or_a_user_error(tmp_path: Path, data: bytes,
                                                 suffix: str) -> None:
    path = tmp_path / f"svar{suffix}"
    path.write_bytes(data)
    try:
        result = read_answer_file(path)
    except UserError as exc:
        assert str(exc)
    else:
        assert result is not None


def _long_workbook(path: Path, rows: list[list[str]]) -> Path:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def _rewrite_member(src: Path, dst: Path, member: str, change: bytes | None) -> Path:
    """A copy of src with one member replaced by `change` (None: cut to half its length)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == member:
                data = data[: len(data) // 2] if change is None else change
            zout.writestr(info, data)
    return dst


def _damaged(tmp_path: Path, kind: str) -> Path:
    good = _long_workbook(tmp_path / "bra.xlsx", [["case", "item", "answer"],
                                                  ["2026-0001", "vardplan", "ja"]])
    path = tmp_path / f"{kind}.xlsx"
    if kind == "text":
        path.write_text("inte en arbetsbok", encoding="utf-8")
    elif kind == "zip":
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("anteckning.txt", "hej")
    elif kind == "cut-sheet":
        _rewrite_member(good, path, "xl/worksheets/sheet1.xml", None)
    elif kind == "junk-workbook":
        _rewrite_member(good, path, "xl/workbook.xml", b"<<< inte xml")
    elif kind == "truncated":
        path.write_bytes(good.read_bytes()[:-200])
    return path


@pytest.mark.parametrize("kind", ["text", "zip", "cut-sheet", "junk-workbook", "truncated"])
def test_a_damaged_workbook_gives_a_clear_message(tmp_path: Path, kind: str) -> None:
    path = _damaged(tmp_path, kind)
    with pytest.raises(UserError) as caught:
        read_answer_file(path)
    assert str(caught.value).startswith(f"{path.name} kan inte läsas som en Excel-fil (.xlsx)")


def test_a_sheet_without_a_header_is_named(tmp_path: Path) -> None:
    path = _long_workbook(tmp_path / "svar.xlsx", [["2026-0001", "vardplan", "ja"]])
    got = read_answer_file(path)
    assert got.cells == []
    assert got.problems == ["Sheet!A1: rubrikraden saknar kolumnen/kolumnerna case, item, "
                            "answer (väntade: case, item, answer, comment)"]


def test_an_empty_workbook_is_named(tmp_path: Path) -> None:
    assert read_answer_file(_long_workbook(tmp_path / "tom.xlsx", [])).problems == [
        "Filen är tom."]


def test_the_same_item_twice_in_a_review_workbook_names_both_columns(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Granskning"
    ws.append(["case", "_kon", "vardplan", "vardplan#kommentar", "vardplan"])
    ws.append(["2026-0001", "flicka", "ja", "bra", "nej"])
    wb.save(tmp_path / "arbetsbok.xlsx")
    got = read_answer_file(tmp_path / "arbetsbok.xlsx")
    assert got.problems == ["Granskning!E1: kolumnen 'vardplan' finns redan i Granskning!C1"]
