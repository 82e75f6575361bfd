"""The results view exports the report it shows: the same figures, computed once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.figures import Report
from audit_app.services.figures import FigureService
from audit_app.services.rounds import RoundService
from audit_app.storage.db import Database
from audit_app.ui.results_view import ResultsView
from tests.figure_data import seed_utredning
from tests.ui.helpers import services_for

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


class CountingFigureService(FigureService):
    """The real service, counting how often the figures are computed."""

    computed = 0

    def compute(self, round_ids: list[int], **filters: Any) -> Report:
        type(self).computed += 1
        return super().compute(round_ids, **filters)


def test_export_writes_the_figures_shown_without_computing_them_again(
        qtbot: QtBot, db: Database, library: ChecklistLibrary, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    t1, _ = seed_utredning(db, library)
    monkeypatch.setattr(CountingFigureService, "computed", 0)
    services = services_for(db, library, "EC")
    services.figures = services.report_export.figures = CountingFigureService(db)
    view = ResultsView(services, RoundService(db, library, "EC").list(), selected=t1)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.computing is not None and not view.computing.running)
    view.gender.setCurrentIndex(view.gender.findData("flicka"))
    qtbot.waitUntil(lambda: view.report is not None and view.report.gender_filter == "flicka")
    shown = view.report
    assert shown is not None and shown.gender_filter == "flicka"
    computed = CountingFigureService.computed
    assert computed >= 1
    shown_text = str(view.items_model.index(0, 1).data())
    first = shown.items[0].total
    assert shown_text == f"{first.x} av {first.n}" and first.n < 46  # girls only

    xlsx, pdf = tmp_path / "resultat.xlsx", tmp_path / "resultat.pdf"
    view.export_to("xlsx", xlsx)
    qtbot.waitUntil(lambda: str(xlsx) in view.status.text(), timeout=20_000)
    view.export_to("pdf", pdf)
    qtbot.waitUntil(lambda: str(pdf) in view.status.text(), timeout=20_000)
    assert CountingFigureService.computed == computed  # nothing computed for the export

    sheet = openpyxl.load_workbook(xlsx)["Sammanfattning"]
    header = [c.value for c in sheet[1]]
    n_col, x_col = header.index("Tillämpliga (n)"), header.index("Uppfyller (x)")
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    written = [(r[n_col], r[x_col]) for r, i in zip(rows, shown.items, strict=False)
               if i.scored]
    assert written == [(i.total.n, i.total.x) for i in shown.items if i.scored]
    assert len(written) >= 3
    summary_page = PdfReader(str(pdf)).pages[1].extract_text()
    assert f"{first.x} av {first.n}" in summary_page
