"""Reading case lists: header below titles, footers, encodings, problems, refusals."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from audit_app.domain.errors import UserError
from audit_app.importers import tabular
from audit_app.importers.caselist import (
    ImportCancelledError,
    PersonnummerInFileError,
    read_case_list,
)
from tests.importers.caselist_files import (
    PNR,
    comma_utf8_bom,
    report_xlsx,
    semicolon_cp1252,
)


def fields(result: object) -> dict[str, str]:
    return {c.header: c.field for c in result.columns}  # type: ignore[attr-defined]


def test_xlsx_report_with_title_rows_and_footer(tmp_path: Path) -> None:
    result = read_case_list(report_xlsx(tmp_path / "lista.xlsx"))
    assert result.header_row == 4
    assert fields(result) == {
        "Ärende-ID": "case_ref", "Enhet": "unit", "Arbetsgrupp": "team",
        "Insats": "case_type", "Kön": "gender", "Födelseår": "birth_year",
        "Avslutsdatum": "closing_date", "Handläggare": "ignore"}
    assert [r.case_ref for r in result.rows] == [f"ÄR-{k:04d}" for k in range(1, 7)]
    first = result.rows[0]
    assert (first.row, first.unit, first.team, first.gender, first.birth_year,
            first.closing_date) == (5, "Utredning", "Grupp A", "pojke", 2010, date(2026, 3, 1))
    assert result.problems == []
    assert result.footer_rows == [11]


def test_semicolon_cp1252_with_day_first_dates_and_ages(tmp_path: Path) -> None:
    result = read_case_list(semicolon_cp1252(tmp_path / "export.csv"))
    assert "Windows-1252" in result.description and "semikolon" in result.description
    assert fields(result) == {"Ärendenummer": "case_ref", "Enhet": "unit", "Kön": "gender",
                              "Ålder": "age_band", "Avslutad": "closing_date"}
    assert [(r.gender, r.age_band, r.closing_date) for r in result.rows] == [
        ("flicka", "13-17", date(2026, 3, 5)), ("pojke", "7-12", date(2026, 3, 5)),
        ("flicka", "13-17", date(2026, 3, 5))]
    assert result.footer_rows == [5] and result.problems == []


def test_comma_utf8_bom_english_headers(tmp_path: Path) -> None:
    result = read_case_list(comma_utf8_bom(tmp_path / "cases.csv"))
    assert "UTF-8 med BOM" in result.description and "komma" in result.description
    assert fields(result)["Case ID"] == "case_ref" and fields(result)["Team"] == "team"
    assert [r.unit for r in result.rows] == ["Placement", "Placement", "Placement, north"]
    assert [r.team for r in result.rows] == ["Team Ö"] * 3
    assert [r.gender for r in result.rows] == ["flicka", "pojke", "annat"]
    assert {r.closing_date for r in result.rows[:1]} == {date(2026, 2, 1)}
    assert result.rows[2].closing_date == date(2026, 2, 3)


def test_every_problem_row_has_its_number_and_reason(tmp_path: Path) -> None:
    path = semicolon_cp1252(tmp_path / "fel.csv", [
        "Ärendenummer;Kön;Födelseår;Avslutsdatum",
        "2026-0001;Flicka;2012;2026-03-05",
        ";Pojke;2013;2026-03-05",
        "2026-0001;Pojke;2013;2026-03-06",
        "2026-0004;Drake;2013;2026-03-06",
        "2026-0005;Pojke;tolv;2026-03-06",
        "2026-0006;Pojke;2013;31.02.2026",
        "2026-0007;Okänd;;",
    ])
    result = read_case_list(path)
    reasons = {p.row: p.reason for p in result.problems}
    assert set(reasons) == {3, 4, 5, 6, 7}
    assert "saknas" in reasons[3]
    assert "rad 2" in reasons[4]
    assert "kön" in reasons[5] and "Drake" in reasons[5]
    assert "födelseår" in reasons[6]
    assert "datum" in reasons[7]
    assert [(r.case_ref, r.gender, r.closing_date) for r in result.rows] == [
        ("2026-0001", "flicka", date(2026, 3, 5)), ("2026-0007", "okant", None)]
    assert str(result.problems[0]).startswith("rad 3, kolumn Ärendenummer:")


def test_excel_serials_and_text_dates_in_xlsx(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Aktnummer", "Avslutningsdatum"])
    ws.append([42, 46086])  # number reference, Excel serial of 2026-03-05
    ws.append(["A-2", "2026-03-05 00:00:00"])
    ws.append(["A-3", 20260305])
    ws.append(["A-4", datetime(2026, 3, 5, 14, 30)])
    wb.save(tmp_path / "d.xlsx")
    result = read_case_list(tmp_path / "d.xlsx")
    assert [r.case_ref for r in result.rows] == ["42", "A-2", "A-3", "A-4"]
    assert {r.closing_date for r in result.rows} == {date(2026, 3, 5)}


def test_overrides_by_header_and_by_letter(tmp_path: Path) -> None:
    path = semicolon_cp1252(tmp_path / "o.csv", [
        "Löpnr;Ansvarig enhet;Kön", "X-1;Familjehem;F", "X-2;Familjehem;P"])
    plain = read_case_list(path)  # only "Kön" is recognised: no case reference column
    assert not plain.has_case_ref and plain.rows == []
    assert "ärendenummer" in plain.problems[0].reason
    result = read_case_list(path, {"Löpnr": "case_ref", "B": "unit"})
    assert fields(result) == {"Löpnr": "case_ref", "Ansvarig enhet": "unit", "Kön": "gender"}
    assert [r.unit for r in result.rows] == ["Familjehem", "Familjehem"]
    moved = read_case_list(path, {"kon": "ignore", "Löpnr": "case_ref"})
    assert fields(moved)["Kön"] == "ignore" and moved.rows[0].gender == "okant"
    with pytest.raises(UserError, match="finns inte"):
        read_case_list(path, {"Saknas": "unit"})
    with pytest.raises(UserError, match="Okänt fält"):
        read_case_list(path, {"Löpnr": "namn"})


def test_user_choice_replaces_detected_column(tmp_path: Path) -> None:
    path = semicolon_cp1252(tmp_path / "two.csv", [
        "Ärende;Aktnummer;Kön", "1;AKT-1;F", "2;AKT-2;P"])
    assert [r.case_ref for r in read_case_list(path).rows] == ["1", "2"]
    chosen = read_case_list(path, {"Aktnummer": "case_ref"})
    assert fields(chosen) == {"Ärende": "ignore", "Aktnummer": "case_ref", "Kön": "gender"}
    assert [r.case_ref for r in chosen.rows] == ["AKT-1", "AKT-2"]


@pytest.mark.parametrize("where", ["title", "unmapped", "mapped"])
def test_personnummer_anywhere_refuses_the_file(tmp_path: Path, where: str) -> None:
    if where == "title":
        path = report_xlsx(tmp_path / "p.xlsx")
        wb = load_workbook(path)
        wb.active["A2"] = f"Utdrag för {PNR}"  # type: ignore[index]
        wb.save(path)
        expected = "Rad 2, kolumn A"
    elif where == "unmapped":
        path = report_xlsx(tmp_path / "p.xlsx", extra=[["ÄR-0100", "", "", "", "", "", "", PNR]])
        expected = "Rad 11, kolumn H (Handläggare)"
    else:
        path = semicolon_cp1252(tmp_path / "p.csv", [
            "Ärendenummer;Kön", "2026-0001;F", f"{PNR.replace('-', '')};P"])
        expected = "Rad 3, kolumn A (Ärendenummer)"
    with pytest.raises(PersonnummerInFileError) as info:
        read_case_list(path)
    message = str(info.value)
    assert expected in message and "ärendenummer" in message
    assert PNR not in message and PNR.replace("-", "") not in message


def test_cancel_and_progress(tmp_path: Path) -> None:
    path = report_xlsx(tmp_path / "stor.xlsx", n=1200)
    seen: list[tuple[int, int | None]] = []
    read_case_list(path, progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (500, 1205) and seen[-1] == (1205, 1205)
    with pytest.raises(ImportCancelledError):
        read_case_list(path, cancelled=lambda: True)


def test_refusals(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * 3_000_000)
    monkeypatch.setattr(tabular, "CASE_LIST", replace(tabular.CASE_LIST,
                                                      max_uncompressed=2_000_000))
    with pytest.raises(UserError, match="orimligt stort"):
        read_case_list(bomb)
    big_field = tmp_path / "fält.csv"
    big_field.write_text("Ärende;Kommentar\n1;" + "x" * 1_100_000 + "\n", encoding="utf-8")
    with pytest.raises(UserError, match="1 MB"):
        read_case_list(big_field)
    monkeypatch.setattr(tabular, "MAX_FILE_BYTES", 100)
    with pytest.raises(UserError, match="högst"):
        read_case_list(big_field)
    (tmp_path / "a.xls").write_bytes(b"x")
    with pytest.raises(UserError, match="xlsx"):
        read_case_list(tmp_path / "a.xls")
    (tmp_path / "fake.xlsx").write_text("inte en zip")
    with pytest.raises(UserError, match="ingen giltig Excel"):
        read_case_list(tmp_path / "fake.xlsx")
    (tmp_path / "bin.csv").write_bytes(b"PK\x03\x04\x00\x00binary")
    with pytest.raises(UserError, match="ingen textfil"):
        read_case_list(tmp_path / "bin.csv")
    (tmp_path / "tom.csv").write_bytes(b"")
    with pytest.raises(UserError, match="tom"):
        read_case_list(tmp_path / "tom.csv")
    (tmp_path / "ingen.csv").write_text("a;b\n1;2\n")
    with pytest.raises(UserError, match="rubrikrad"):
        read_case_list(tmp_path / "ingen.csv")
    with pytest.raises(UserError, match="Kan inte läsa"):
        read_case_list(tmp_path / "saknas.csv")


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300) | st.text(
    alphabet=st.sampled_from(list('Ärende;Kön,"\n\r 0123456789-FPx.åé\x00')), max_size=300))
def test_any_csv_text_gives_a_result_or_a_user_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "h.csv"
    path.write_bytes(("Ärendenummer;Kön;Avslutsdatum\n" + text).encode("utf-8", "replace"))
    try:
        result = read_case_list(path)
    except UserError:
        return
    assert all(r.case_ref for r in result.rows)


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400))
def test_any_bytes_give_a_result_or_a_user_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "b.csv"
    path.write_bytes(data)
    try:
        read_case_list(path)
    except UserError:
        pass


def test_excel_unicode_text_is_utf16_with_tabs(tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt"
    path.write_bytes("Ärendenummer\tKön\tAvslutad\r\n2026-0001\tFlicka\t2026-03-05\r\n"
                     .encode("utf-16"))
    result = read_case_list(path)
    assert "UTF-16" in result.description and "tabb" in result.description
    assert [(r.case_ref, r.gender, r.closing_date) for r in result.rows] == [
        ("2026-0001", "flicka", date(2026, 3, 5))]


def test_sep_hint_line_and_multiline_field_keep_row_numbers(tmp_path: Path) -> None:
    path = tmp_path / "sep.csv"
    path.write_text('sep=;\nÄrendenummer;Typ\n2026-0001;"två\nrader"\n2026-0002;Drake;\n;x\n',
                    encoding="utf-8")
    result = read_case_list(path)
    assert result.header_row == 2
    assert [(r.row, r.case_ref, r.case_type) for r in result.rows] == [
        (3, "2026-0001", "två\nrader"), (5, "2026-0002", "Drake")]
    assert [p.row for p in result.problems] == [6]


def test_workbook_sheets_chosen_by_header_and_all_guarded(tmp_path: Path) -> None:
    wb = Workbook()
    cover = wb.active
    assert cover is not None
    cover.title = "Om rapporten"
    cover.append(["Rapport ur verksamhetssystemet"])
    data = wb.create_sheet("Data")
    data.append(["Ärendenummer", "Kön"])
    data.append(["2026-0001", "P"])
    wb.save(tmp_path / "flera.xlsx")
    result = read_case_list(tmp_path / "flera.xlsx")
    assert result.description == "blad 'Data'" and [r.case_ref for r in result.rows] == [
        "2026-0001"]
    notes = wb.create_sheet("Anteckningar")
    notes.append(["x", f"Barnet {PNR}"])
    wb.save(tmp_path / "flera.xlsx")
    with pytest.raises(PersonnummerInFileError, match="kolumn B på bladet 'Anteckningar'"):
        read_case_list(tmp_path / "flera.xlsx")
