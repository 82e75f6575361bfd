"""Chunked, column-wise checking of case lists gives what row-by-row checking gives."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from audit_app.domain.personnummer import find_personnummer
from audit_app.importers import caselist, tabular
from audit_app.importers.caselist import (
    CaseListResult,
    ImportCancelledError,
    PersonnummerInFileError,
    Problem,
    read_case_list,
)
from audit_app.importers.caselist_columns import (
    IGNORE,
    cell_text,
    is_footer,
    parse_age_band,
    parse_birth_year,
    parse_date,
    parse_gender,
    parse_text,
)
from audit_app.importers.caselist_guard import may_hold_personnummer
from tests.importers.caselist_files import PNR, semicolon_cp1252

PARSERS: dict[str, Callable[[Any], Any]] = {
    "unit": parse_text, "team": parse_text, "case_type": parse_text, "gender": parse_gender,
    "birth_year": parse_birth_year, "age_band": parse_age_band, "closing_date": parse_date}


@pytest.fixture
def chunk_rows(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(caselist, "PROGRESS_EVERY", 3)
    return 3


def row_by_row(rows: list[tuple[int, list[Any]]]) -> tuple[list[tuple[Any, ...]],
                                                             list[Problem], list[int]]:
    """The rules one row at a time, as the reader applied them before it worked in chunks."""
    position, headers = caselist._find_header(rows[:caselist.HEADER_SEARCH_ROWS], {})
    columns = caselist._resolve(headers, {})
    has_ref = any(c.field == "case_ref" for c in columns)
    cases: list[tuple[Any, ...]] = []
    problems: list[Problem] = []
    footers: list[int] = []
    seen: dict[str, int] = {}
    for number, cells in rows[position + 1:]:
        texts = [cell_text(v) for v in cells]
        if not any(texts) or is_footer(texts):
            if any(texts):
                footers.append(number)
            continue
        values: dict[str, Any] = {}
        found: list[Problem] = []
        for column in columns:
            if column.field == IGNORE:
                continue
            label = column.header or column.letter
            raw = cells[column.index] if column.index < len(cells) else None
            if column.field == "case_ref":
                ref = cell_text(raw)
                if not ref:
                    found.append(Problem(number, "ärendenummer saknas", label))
                elif len(ref) > 100:
                    found.append(Problem(number, "ärendenumret är längre än 100 tecken", label))
                elif ref in seen:
                    found.append(Problem(number, f"ärendenumret {ref} finns redan på rad "
                                                 f"{seen[ref]}", label))
                else:
                    values["case_ref"] = ref
                continue
            try:
                values[column.field] = PARSERS[column.field](raw)
            except ValueError as exc:
                found.append(Problem(number, str(exc), label))
        if not has_ref:
            continue
        if found:
            problems.extend(found)
            continue
        seen[values["case_ref"]] = number
        cases.append((number, values["case_ref"], values.get("unit", ""),
                      values.get("gender", "okant"), values.get("birth_year"),
                      values.get("closing_date")))
    if not has_ref:
        problems.insert(0, Problem(rows[position][0], "ingen kolumn är vald som ärendenummer"))
    return cases, problems, footers


def outcome(result: CaseListResult) -> tuple[list[tuple[Any, ...]], list[Problem], list[int]]:
    return ([(r.row, r.case_ref, r.unit, r.gender, r.birth_year, r.closing_date)
             for r in result.rows], result.problems, result.footer_rows)


def csv_rows(path: Path) -> list[tuple[int, list[Any]]]:
    text, _encoding = tabular.decode(path.read_bytes())
    return list(tabular._csv_records(path, text, tabular.sniff_delimiter(text)))


CELLS = {
    "ref": ["2026-0001", "2026-0002", "2026-0003", "ÄR-7", "", " ", "Summa", "Antal 3",
            "TOTALT", "källa: system", "x" * 101, " 2026-0002 ", "Sum"],
    "unit": ["Familjehem", "", "Utredning", "Antal", "u" * 201],
    "gender": ["F", "P", "Drake", "", "Okänd", "flicka"],
    "year": ["2012", "tolv", "", "1800", "2014-03-01"],
    "date": ["2026-03-05", "31.02.2026", "", "5/3/2026", "46086"],
}
HEADER = ["Ärendenummer", "Enhet", "Kön", "Födelseår", "Avslutsdatum"]
row_strategy = st.tuples(*(st.sampled_from(CELLS[k]) for k in CELLS)).map(list)


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(row_strategy, st.integers(0, 5)), max_size=25),
       title=st.booleans(), quote=st.booleans(), crlf=st.booleans(),
       chunk=st.integers(1, 7))
def test_chunks_agree_with_row_by_row(tmp_path: Path, rows: list[tuple[list[str], int]],
                                      title: bool, quote: bool, crlf: bool,
                                      chunk: int) -> None:
    lines = (["Avslutade ärenden"] if title else []) + [";".join(HEADER)]
    for cells, width in rows:  # width < 5 cuts the row short: ragged lines
        lines.append(";".join(cells if width == 0 else cells[:width]))
    if quote and len(lines) > 2:
        lines[-1] = '"' + lines[-1].replace(";", '";"') + '"'
    path = tmp_path / "l.csv"
    path.write_bytes(("\r\n" if crlf else "\n").join(lines).encode("utf-8"))
    expected = row_by_row(csv_rows(path))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(caselist, "PROGRESS_EVERY", chunk)
        assert outcome(read_case_list(path)) == expected


def test_plain_csv_is_read_without_csv_reader_and_the_same(tmp_path: Path) -> None:
    text = "Ärendenummer;Kön\r\n2026-0001;F\r\n\r\n2026-0002;P;x\r\nSumma\r\n"
    assert tabular.plain_csv_lines(text) == [
        "Ärendenummer;Kön", "2026-0001;F", "", "2026-0002;P;x", "Summa"]
    for odd in ('a;"b"\n', "a\r\nb\nc\r\n", "a\rb\r", ""):
        assert tabular.plain_csv_lines(odd) is None
    path = semicolon_cp1252(tmp_path / "p.csv", text.rstrip().split("\r\n"))
    assert outcome(read_case_list(path)) == row_by_row(csv_rows(path))


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list(";,\t\r\n a1é-\x00")), max_size=80))
def test_plain_lines_split_as_csv_reader_reads(text: str) -> None:
    lines = tabular.plain_csv_lines(text)
    if lines is None:
        return
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    # An empty line is [] to csv.reader and [""] split: both are one row of no text.
    assert [line.split(";") for line in lines] == [r or [""] for r in records]


def test_duplicate_across_chunks_names_the_first_row(tmp_path: Path, chunk_rows: int) -> None:
    path = semicolon_cp1252(tmp_path / "d.csv", [
        "Ärendenummer;Kön", "2026-0001;F", "2026-0002;Drake", "2026-0003;P", "2026-0004;P",
        "2026-0002;F", "2026-0001;P", "2026-0002;P"])
    result = read_case_list(path)
    # Row 3 is refused, so row 6 is the first valid 2026-0002 and row 8 repeats it.
    assert [(p.row, p.reason) for p in result.problems] == [
        (3, "okänt värde för kön: 'Drake'"),
        (7, "ärendenumret 2026-0001 finns redan på rad 2"),
        (8, "ärendenumret 2026-0002 finns redan på rad 6")]
    assert [r.row for r in result.rows] == [2, 4, 5, 6]


def test_footer_after_a_chunk_boundary(tmp_path: Path, chunk_rows: int) -> None:
    path = semicolon_cp1252(tmp_path / "f.csv", [
        "Ärendenummer;Enhet", *[f"2026-000{k};Familjehem" for k in range(1, 7)], ";",
        "Antal ärenden: 6;", "Utskriven 2026-03-05;"])
    result = read_case_list(path)
    assert result.footer_rows == [9, 10] and result.problems == []
    assert [r.case_ref for r in result.rows][-1] == "2026-0006"


def test_personnummer_in_a_later_chunk_of_csv(tmp_path: Path, chunk_rows: int) -> None:
    lines = ["Ärendenummer;Kön;Anteckning"] + [f"2026-{k:04d};F;" for k in range(1, 12)]
    lines[9] = f"2026-0009;F;ring {PNR}"
    with pytest.raises(PersonnummerInFileError, match=r"Rad 10, kolumn C \(Anteckning\)"):
        read_case_list(semicolon_cp1252(tmp_path / "p.csv", lines))


def test_personnummer_as_a_number_in_a_later_chunk_of_xlsx(tmp_path: Path,
                                                           chunk_rows: int) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Ärendenummer", "Kön", "Avslutsdatum", "Löpnr"])
    for k in range(1, 12):
        ws.append([f"2026-{k:04d}", "P", datetime(2026, 3, 5), k])
    ws.cell(row=11, column=4, value=float(PNR.replace("-", "")))  # a number cell
    wb.save(tmp_path / "p.xlsx")
    with pytest.raises(PersonnummerInFileError, match=r"Rad 11, kolumn D \(Löpnr\)"):
        read_case_list(tmp_path / "p.xlsx")


def test_xlsx_values_of_mixed_types_in_chunks(tmp_path: Path, chunk_rows: int) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Ärendenummer", "Enhet", "Födelseår", "Avslutsdatum"])
    rows: list[list[Any]] = [[1, True, 2012, 46086], [2.0, 1, 2012.0, "2026-03-05"],
                             ["A-3", 1.0, datetime(2012, 5, 1), datetime(2026, 3, 5, 14)],
                             [4, False, "2013", 0], [5, 0, None, None], ["Summa", 5]]
    for row in rows:
        ws.append(row)
    wb.save(tmp_path / "m.xlsx")
    result = read_case_list(tmp_path / "m.xlsx")
    grid: list[tuple[int, list[Any]]] = [(k, list(r)) for k, r in enumerate(
        ws.iter_rows(values_only=True), start=1)]
    assert outcome(result) == row_by_row(grid)
    assert [r.unit for r in result.rows] == ["True", "1", "1", "0"]
    assert [p.row for p in result.problems] == [5] and result.footer_rows == [7]


def test_cancel_and_progress_between_chunks(tmp_path: Path, chunk_rows: int) -> None:
    path = semicolon_cp1252(tmp_path / "c.csv", ["Ärendenummer"] + [
        f"2026-{k:04d}" for k in range(1, 11)])
    seen: list[tuple[int, int | None]] = []
    read_case_list(path, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(3, 12), (6, 12), (9, 12), (11, 11)]
    asked: list[int] = []

    def cancel_second() -> bool:
        asked.append(1)
        return len(asked) == 2

    with pytest.raises(ImportCancelledError):
        read_case_list(path, cancelled=cancel_second)
    assert len(asked) == 2


def test_personnummer_before_a_damaged_row_is_the_message(tmp_path: Path,
                                                          chunk_rows: int) -> None:
    path = tmp_path / "s.csv"
    path.write_text(f'Ärendenummer;Kön\n2026-0001;F\n{PNR};P\n2026-0003;"F\n',
                    encoding="utf-8")
    assert tabular.plain_csv_lines(path.read_text(encoding="utf-8")) is None
    with pytest.raises(PersonnummerInFileError, match="Rad 3, kolumn A"):
        read_case_list(path)


def digits_texts() -> Iterator[str]:
    yield PNR
    yield PNR.replace("-", "")
    yield "19" + PNR
    yield PNR.replace("-", "+")
    yield "Ärende " + PNR.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    yield PNR[:2] + "\u2011" + PNR[2:4] + "\u00a0" + PNR[4:6] + "\u200b\u2212" + PNR[7:]
    yield PNR[:6] + " / " + PNR[7:]
    yield "19" + PNR[:6] + "\u00ad." + PNR[7:]


@pytest.mark.parametrize("text", list(digits_texts()))
def test_prefilter_lets_every_personnummer_through(text: str) -> None:
    assert find_personnummer(text) and may_hold_personnummer(text)
    # A letter after the fourth digit leaves no ten digits in a row, separators aside.
    fourth = [m.end() for m in re.finditer(r"\d", text)][3]
    assert not may_hold_personnummer(text[:fourth] + "x" + text[fourth:])


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list(
    "0123456789012345678 -+;x\x1f\x1e٣€./_\u2013\u2212\u00a0\u200b\u00ad\uff0d５")),
                    max_size=40))
def test_prefilter_never_hides_a_match(text: str) -> None:
    if find_personnummer(text):
        assert may_hold_personnummer(text)


def test_rows_are_made_when_looked_at(tmp_path: Path) -> None:
    path = semicolon_cp1252(tmp_path / "r.csv", ["Ärendenummer;Kön"] + [
        f"2026-{k:04d};{'FP'[k % 2]}" for k in range(1, 2502)])
    result = read_case_list(path)
    rows = result.rows
    assert len(rows) == result.row_count == 2501 and bool(rows)
    assert (rows[0].row, rows[0].case_ref, rows[0].gender) == (2, "2026-0001", "pojke")
    assert rows[-1].case_ref == "2026-2501" and rows[-1] == rows[2500]
    assert [r.row for r in rows[1000:1003]] == [1002, 1003, 1004]
    assert [r.row for r in rows[4:0:-2]] == [6, 4] and rows[3000:] == []
    everything = list(rows)
    assert len(everything) == 2501 and everything == rows and rows == everything
    assert rows != everything[:-1] and result.preview == everything[:20]
    with pytest.raises(IndexError):
        rows[2501]


def test_cycle_collector_is_paused_while_reading_and_back_after(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from audit_app.importers import caselist as module

    seen: list[bool] = []
    original = module._read

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        return original(*args, **kwargs)

    path = tmp_path / "lista.csv"
    path.write_text("Ärendenummer;Enhet\n2026-0001;Mottagning\n", encoding="utf-8")
    assert gc.isenabled()
    monkeypatch.setattr(module, "_read", spy)
    assert len(module.read_case_list(path).rows) == 1
    assert seen == [False] and gc.isenabled()
    bad = tmp_path / "trasig.xlsx"
    bad.write_bytes(b"inte en arbetsbok")
    with pytest.raises(module.UserError):
        module.read_case_list(bad)
    assert gc.isenabled()  # also after a refused file


SEPARATOR_CHARS = list("-./_+ \t\n") + ["\u2013", "\u2212", "\u2011", "\u00a0", "\u202f",
                                        "\uff0d", "\u200b", "\u00ad", "\ufeff", "\u00b7"]
gaps = st.lists(st.sampled_from(SEPARATOR_CHARS), max_size=3).map("".join)


@settings(max_examples=500, deadline=None)
@given(day=st.dates(), serial=st.integers(0, 999), check=st.integers(0, 9),
       century=st.booleans(), wide=st.booleans(), cut=st.lists(gaps, min_size=3, max_size=3),
       before=st.sampled_from(["", "x ", "Ärende ", "1-", "\x1f"]),
       after=st.sampled_from(["", " klar", "\x1e2026", "-05-01", "x"]))
def test_prefilter_passes_every_number_the_matcher_finds(
        day: Any, serial: int, check: int, century: bool, wide: bool, cut: list[str],
        before: str, after: str) -> None:
    year = day.strftime("%Y") if century else day.strftime("%y")
    body = f"{year}{cut[0]}{day:%m}{cut[1]}{day:%d}{cut[2]}{serial:03d}{check}"
    if wide:
        body = body.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    text = before + body + after
    if find_personnummer(text):
        assert may_hold_personnummer(text)


@pytest.mark.parametrize("row", [2, 300, 501, 650])
def test_personnummer_among_a_column_of_few_values(tmp_path: Path, row: int) -> None:
    # Chunks of 500 rows: the unit column's few values are looked at once each.
    lines = ["Ärendenummer;Enhet;Kön"] + [
        f"2026-{k:05d};Enhet {k % 3};{'FP'[k % 2]}" for k in range(1, 700)]
    lines[row - 1] = f"2026-{row:05d};Enhet {PNR};F"
    with pytest.raises(PersonnummerInFileError, match=rf"Rad {row}, kolumn B \(Enhet\)"):
        read_case_list(semicolon_cp1252(tmp_path / "p.csv", lines))


@pytest.mark.parametrize(("column", "letter"), [(0, "A"), (2, "C")])
def test_personnummer_beside_a_column_cleared_alone(tmp_path: Path, column: int,
                                                    letter: str) -> None:
    # The closing dates (never ten digits in a row) are cleared column by column and not
    # searched; a personnummer in the reference or the note column is still found.
    lines = ["Ärendenummer;Avslutsdatum;Anteckning"] + [
        f"2026-{k:06d};2026-{1 + k % 12:02d}-{1 + k % 28:02d};" for k in range(1, 700)]
    cells = lines[600].split(";")
    cells[column] = PNR if column == 0 else f"ring {PNR}"
    lines[600] = ";".join(cells)
    with pytest.raises(PersonnummerInFileError, match=rf"Rad 601, kolumn {letter} "):
        read_case_list(semicolon_cp1252(tmp_path / "p.csv", lines))
