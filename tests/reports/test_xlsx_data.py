"""The streamed data sheet read back by openpyxl: odd texts, dates, filters, failed writes."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.figures import Report
from audit_app.reports.xlsx import write_xlsx
from audit_app.reports.xlsx_data import DataTuple, text_cell
from audit_app.services.figures import FigureService
from audit_app.storage.db import Database
from tests.figure_data import seed_utredning


@pytest.fixture
def report(db: Database, library: ChecklistLibrary) -> Report:
    round_id, _ = seed_utredning(db, library, n=12)
    return FigureService(db).compute([round_id])


def test_text_cell_escapes_and_keeps_end_spaces() -> None:
    assert text_cell("a < b & c") == ' t="inlineStr"><is><t>a &lt; b &amp; c</t></is></c>'
    assert 'xml:space="preserve"' in text_cell(" indraget")
    assert "\x07" not in text_cell("klocka\x07") and "klocka" in text_cell("klocka\x07")


def test_rows_read_back_with_types_labels_and_filter(report: Report, tmp_path: Path) -> None:
    rows: list[DataTuple] = [
        ("T1", "2026-0001", "Norr", "flicka", "signs_of_safety", "ja", True, True,
         "Sa <\"nej\"> & gick\x01 vidare ", "GL", date(2026, 3, 2)),
        ("T1", "2026-0001", None, None, "okänd_punkt", "x", False, None, None, None, None),
        ("T1", "2026-0002", "Syd", "pojke", "signs_of_safety", "nej", True, False, "", "GL",
         date(2026, 3, 3)),
    ]
    path = tmp_path / "out" / "d.xlsx"
    path.parent.mkdir()
    seen: list[int] = []
    assert write_xlsx(report, iter(rows), path, progress=seen.append) == 3
    ws = openpyxl.load_workbook(path)["Data"]
    got = [list(r) for r in ws.iter_rows(min_row=2, values_only=True)]
    question = report.item("signs_of_safety").question
    assert got[0] == ["T1", "2026-0001", "Norr", "Flicka", "signs_of_safety", question, "Ja",
                      "Ja", 1, "Sa <\"nej\"> & gick vidare ", "GL", datetime(2026, 3, 2)]
    assert got[1] == ["T1", "2026-0001", None, None, "okänd_punkt", "okänd_punkt", "x", "Nej",
                      None, None, None, None]
    assert got[2][6:10] == ["Nej", "Ja", 0, None]
    assert ws["L2"].is_date and ws["L2"].number_format == "yyyy-mm-dd"
    assert ws.auto_filter.ref == "A1:L4" and ws.freeze_panes == "A2"
    with zipfile.ZipFile(path) as z:  # Excel's own name for the filtered range follows
        names = z.read("xl/workbook.xml").decode()
    assert "'Data'!$A$1:$L$4<" in names and "1048576" not in names
    assert [c.value for c in ws[1]][0] == "Omgång" and ws["A1"].font.b
    assert seen == []  # progress comes every 10,000 rows
    assert list(path.parent.iterdir()) == [path]


def test_failed_write_leaves_no_file(report: Report, tmp_path: Path) -> None:
    def broken() -> Iterator[DataTuple]:
        yield ("T1", "2026-0001", "Norr", "flicka", "signs_of_safety", "ja", True, True, "",
               "GL", None)
        raise RuntimeError("databasen försvann")

    path = tmp_path / "out" / "d.xlsx"
    path.parent.mkdir()
    path.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        write_xlsx(report, broken(), path)
    assert path.read_bytes() == b"old"  # the earlier file is untouched, no half file
    assert [p.name for p in path.parent.iterdir()] == ["d.xlsx"]


def test_many_rows_report_progress(report: Report, tmp_path: Path) -> None:
    rows = (("T1", f"2026-{k // 30:04d}", "Norr", "pojke", "signs_of_safety", "ja", True, True,
             "", "GL", date(2026, 1, 1)) for k in range(25_000))
    seen: list[int] = []
    path = tmp_path / "many.xlsx"
    assert write_xlsx(report, rows, path, publication=False, progress=seen.append) == 25_000
    assert seen == [10_000, 20_000]
    wb = openpyxl.load_workbook(path, read_only=True)
    last = list(wb["Data"].iter_rows(min_row=25_001, max_row=25_001, values_only=True))[0]
    assert last[1] == "2026-0833" and last[8] == 1
    wb.close()
