"""The review workbook shows each text's themes beside it, as text, and never imports them."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.importers.answer_files import read_answer_file
from audit_app.services.figures import FigureService
from audit_app.services.reviews import ReviewService
from audit_app.services.themes import ThemeService
from audit_app.services.workbooks import WorkbookService
from audit_app.storage.db import Database
from tests.factories import round_with_sample
from tests.reports.test_texts_summary import answers
from tests.services.test_themes import themed_source


@pytest.fixture
def themed(tmp_path: Path) -> ChecklistLibrary:
    folder = tmp_path / "lists"
    folder.mkdir()
    (folder / "tema.yaml").write_text(themed_source(), encoding="utf-8")
    return ChecklistLibrary([folder])


def test_themes_column_beside_the_texts(db: Database, themed: ChecklistLibrary,
                                        tmp_path: Path) -> None:
    summary, case_ids = round_with_sample(db, themed, 3, name="Mentor T1 2026",
                                          checklist="aktgranskning-familj")
    service = ReviewService(db, "Mentor M (MM)")
    for k, case_id in enumerate(case_ids):
        for item_id, value in answers(k).items():
            service.set_answer(summary.id, case_id, item_id, value)
        service.complete(summary.id, case_id)
    written = FigureService(db).compute([summary.id]).item("styrkor").written
    first = next(c.answer_id for c in written if c.case_ref == "2026-0001")
    second = next(c.answer_id for c in written if c.case_ref == "2026-0002")
    themes = ThemeService(db, "Mentor M")
    themes.tag_text(first, ["barnets_rost", "tidslinje"])
    themes.tag_text(second, ["formel"], {"formel": "=SUMMA(A1:A9)"})  # a label like a formula
    path = tmp_path / "granskning.xlsx"
    assert WorkbookService(db, "Mentor M").write_template(summary.id, path) == 3
    ws = load_workbook(path)["Granskning"]
    ids = [ws.cell(1, c).value for c in range(1, ws.max_column + 1)]
    col = ids.index("_teman:styrkor") + 1
    assert ids[col - 2] == "styrkor"  # right after the written answer
    assert ws.cell(2, col).value == "Teman (visas bara)"
    by_case = {ws.cell(r, 1).value: ws.cell(r, col) for r in (3, 4, 5)}
    assert by_case["2026-0001"].value == "Barnets röst | Tydlig tidslinje"
    assert by_case["2026-0002"].value == "=SUMMA(A1:A9)"
    assert by_case["2026-0002"].data_type == "s"  # text, never a live formula
    assert by_case["2026-0003"].value is None
    assert by_case["2026-0001"].protection.locked  # read only
    assert "_teman:gemensamma_moten" in ids  # a commented item's themes after its comment
    assert ids[ids.index("_teman:gemensamma_moten") - 1] == "gemensamma_moten#kommentar"
    read = read_answer_file(path)  # the column is shown, never imported
    assert not read.problems
    assert all(not item.startswith("_") for item, _at in read.item_columns)
