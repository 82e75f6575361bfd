"""Reading answer files: Excel cell values, CSV dialects, the workbook's own layout."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from audit_app.importers.answer_files import cell_text, read_answer_file, sheet_ref


def test_cell_text_as_excel_users_mean_it() -> None:
    assert cell_text("  nej \u00a0") == "nej"
    assert cell_text("   ") is None and cell_text(None) is None
    assert cell_text(3.0) == "3" and cell_text(2.5) == "2.5"
    assert cell_text(datetime(2026, 3, 1)) == "2026-03-01"
    assert cell_text(date(2026, 3, 1)) == "2026-03-01"
    assert cell_text(True) == "ja"


@given(st.text())
def test_cell_text_never_keeps_outer_space(text: str) -> None:
    got = cell_text(text)
    assert got is None or (got == got.strip() and got != "")


def test_sheet_reference_quoting() -> None:
    assert sheet_ref("Granskning") == "Granskning"
    assert sheet_ref("Blad 1") == "'Blad 1'"


def test_tab_separated_with_bom_and_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "svar.tsv"
    path.write_bytes("\ufeffcase\titem\tanswer\n\n2026-0001\tvardplan\tJa \n".encode())
    got = read_answer_file(path)
    assert got.kind == "long" and not got.problems
    assert [(c.case_ref, c.item_id, c.answer, c.answer_at) for c in got.cells] == [
        ("2026-0001", "vardplan", "Ja", "rad 3")]


def test_missing_case_or_item_reported(tmp_path: Path) -> None:
    path = tmp_path / "svar.csv"
    path.write_text("case,item,answer\n,vardplan,ja\n2026-0001,,ja\n", encoding="utf-8")
    got = read_answer_file(path)
    assert got.problems == ["rad 2: ärende och kontrollpunkt måste anges",
                            "rad 3: ärende och kontrollpunkt måste anges"]
