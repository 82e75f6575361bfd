"""Agreement between reviewers and the chosen cases, shown in the results view and the PDF."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.reports.pdf import write_pdf
from audit_app.reports.xlsx import write_xlsx
from audit_app.services.calibration import CalibrationService
from audit_app.services.chosen import ChosenCaseService
from audit_app.services.figures import FigureService
from audit_app.services.rounds import RoundService
from audit_app.storage.db import Database
from audit_app.ui.results_view import ResultsView
from tests.factories import round_with_sample
from tests.services.test_calibration import _first, _second
from tests.ui.helpers import services_for
from tests.ui.test_results_view import computed

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
# A: ja nej ja, B: ja nej nej: p_o = 2/3, κ = 0.4 (see test_calibration)
AGREEMENT = "Överensstämmelse: 3 ärenden, 66,7 %, kappa 0,40 ("
CHOSEN = "Valda ärenden (utanför stickprovet): 0 av 1 (0,0 %)"


def _double_reviewed(db: Database, library: ChecklistLibrary) -> int:
    rnd, cases = round_with_sample(db, library, 3)
    CalibrationService(db, "Mentor").draw(rnd.id, size=3)
    for k, (a, b) in enumerate([("ja", "ja"), ("nej", "nej"), ("ja", "nej")]):
        _first(db, rnd.id, cases[k], a)
        _second(db, rnd.id, f"2026-{k + 1:04d}", b)
    row = ChosenCaseService(db, "Mentor").add(rnd.id, "X-1", "Svårt ärende")
    _first(db, rnd.id, row.case_id, "nej")
    return rnd.id


def test_results_view_shows_agreement_and_chosen_cases(qtbot: QtBot, db: Database,
                                                       library: ChecklistLibrary) -> None:
    rid = _double_reviewed(db, library)
    view = ResultsView(services_for(db, library, "EC"), RoundService(db, library, "EC").list(),
                       selected=rid)
    qtbot.addWidget(view)
    view.resize(1000, 760)
    view.show()
    computed(qtbot, view)
    assert view.report is not None
    row = [i.item_id for i in view.report.items].index("vardplan")
    view.items_table.selectRow(row)
    lines = view.double_review.text().splitlines()
    assert lines[0].startswith(AGREEMENT) and lines[0].endswith(")")
    assert lines[1] == CHOSEN
    assert view.double_review.isVisible()
    all_ja = [i.item_id for i in view.report.items].index("enskilt_samtal")
    view.items_table.selectRow(all_ja)  # everyone said ja: kappa undefined, said so
    assert "kappa ej definierad" in view.double_review.text()


def test_pdf_item_section_has_agreement_and_chosen_lines(db: Database,
                                                         library: ChecklistLibrary,
                                                         tmp_path: Path) -> None:
    rid = _double_reviewed(db, library)
    path = tmp_path / "resultat.pdf"
    write_pdf(FigureService(db).compute([rid]), path)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(str(path)).pages).split())
    assert AGREEMENT in text and CHOSEN in text
    path_pub = tmp_path / "publicering.pdf"
    write_pdf(FigureService(db).compute([rid]), path_pub, publication=True)
    pub = " ".join(" ".join(p.extract_text() for p in PdfReader(str(path_pub)).pages).split())
    assert "Valda ärenden (utanför stickprovet): <5" in pub


ENGLISH = {"sv": (AGREEMENT + "-0,37–1,00)", "kappa ej definierad – kappa kan inte beräknas"),
           "en": ("Agreement: 3 cases, 66.7 %, kappa 0.40 (-0.37–1.00)",
                  "kappa undefined – kappa cannot be computed: both reviewers")}


def test_the_agreement_line_is_wholly_in_the_language_chosen(
        qtbot: QtBot, db: Database, library: ChecklistLibrary, tmp_path: Path,
        ui_lang: str) -> None:
    rid = _double_reviewed(db, library)
    line, undefined = ENGLISH[ui_lang]
    view = ResultsView(services_for(db, library, "EC"), RoundService(db, library, "EC").list(),
                       selected=rid)
    qtbot.addWidget(view)
    view.show()
    computed(qtbot, view)
    assert view.report is not None
    ids = [i.item_id for i in view.report.items]
    view.items_table.selectRow(ids.index("vardplan"))
    shown = view.double_review.text().splitlines()
    assert shown[0] == line
    assert shown[1].endswith("0 av 1 (0,0 %)" if ui_lang == "sv" else "0 of 1 (0.0 %)")
    view.items_table.selectRow(ids.index("enskilt_samtal"))
    assert undefined in view.double_review.text()
    path = tmp_path / "resultat.pdf"
    write_pdf(FigureService(db).compute([rid]), path, lang=ui_lang)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(str(path)).pages).split())
    assert line in text and undefined in text
    if ui_lang == "en":
        assert "Överensstämmelse" not in text and "ej definierad" not in text
    xlsx = tmp_path / "resultat.xlsx"
    write_xlsx(FigureService(db).compute([rid]), [], xlsx, lang=ui_lang)
    sheet = openpyxl.load_workbook(xlsx)["Agreement" if ui_lang == "en" else "Överensstämmelse"]
    notes = [r[-1] for r in sheet.iter_rows(min_row=2, values_only=True) if r[-1]]
    assert notes and all(n.startswith(undefined.split(" – ")[1]) for n in notes)
