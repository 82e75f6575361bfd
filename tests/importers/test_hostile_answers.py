"""Hostile answer files are refused quickly with a message: zip bomb, 10 MB CSV field, junk."""

from __future__ import annotations

import time
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
    started = time.monotonic()
    with pytest.raises(UserError, match="orimligt stort"):
        read_answer_file(bomb)
    assert time.monotonic() - started < 1


def test_csv_with_10_mb_field_refused(tmp_path: Path) -> None:
    path = tmp_path / "svar.csv"
    path.write_text("case;item;value;comment\n2026-0001;vardplan;ja;" + "x" * 10_000_000
                    + "\n", encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(UserError):
        read_answer_file(path)
    assert time.monotonic() - started < 2


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
