"""The English PDF and workbook hold no Swedish of the program's own, only the data's."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.figures import Report
from audit_app.domain.i18n import EN
from audit_app.services.figures import FigureService
from audit_app.services.report_export import ExportRequest, ReportExportService
from audit_app.services.reviews import ReviewService
from audit_app.storage.db import Database
from tests.factories import round_with_sample
from tests.figure_data import fill, seed_utredning, utredning
from tests.reports.test_texts_summary import answers as mentor_answers
from tests.services.test_themes import themed  # noqa: F401 (a fixture)

REPORTS = Path(__file__).resolve().parents[2] / "audit_app" / "reports"
# the program's own Swedish words that must not be left in an English report
SWEDISH = ("Totalt", "av", "Fördelning", "Kontrollpunkt", "Omgång", "Omgångar", "föregående",
           "Flickor", "Pojkar", "Flicka", "Pojke", "ärenden", "Stickprov", "stickprov",
           "Granskare", "Kommentar", "Kommentarer", "Årsmål", "Uppfyller", "Tillämpliga",
           "Sammanfattning", "Uppdelning", "Om rapporten", "Checklista", "Texter", "Teman",
           "Bedömning", "Mål", "mål", "Sida", "Enhet", "Grupp", "Resultat", "Urvalsprotokoll",
           "uppfyllt", "Ja", "Nej", "Ej aktuellt", "Helt", "Delvis", "VB", "KI", "Bilaga",
           "Datum", "Kön", "Avsnitt", "Andel", "inga data", "skrivna svar")


def _flat(text: str) -> str:
    return " ".join(text.split())


def data_values(report: Report, db: Database) -> list[re.Pattern[str]]:
    """What the report shows as data (checklist content, names, cases, texts), longest
    first so that a question is taken out before a word inside it."""
    checklist = FigureService(db).checklist([r.id for r in report.rounds])
    values = {i.reference for s in checklist.sections for i in s.items}
    values |= {report.checklist_title, report.checklist_id, *report.units, *report.reviewers,
              *(r.name for r in report.rounds), *(r.unit or "" for r in report.rounds)}
    for item in report.items:
        values |= {item.question, item.section, item.condition, item.item_id,
                   item.answer_type, *(v for v, _ in item.options)}
        values |= {label for _, label in item.options
                   if label not in ("Ja", "Nej", "Ej aktuellt", "Helt", "Delvis")}
        values |= {c.text for c in item.comments} | {c.case_ref for c in item.comments}
        values |= {line for c in item.comments for line in c.text.splitlines()}
        for theme in item.themes:
            values |= {theme.label, *(text for _, text in theme.quotes)}
    values.add("test")  # the sampling method stored by the test factory
    ordered = sorted((_flat(v) for v in values if v and v.strip()), key=len, reverse=True)
    # a narrow PDF cell may break a long word: a space may come between any two characters
    return [re.compile(r"\s?".join(re.escape(ch) for ch in value)) for value in ordered]


def leftovers(texts: list[str], data: list[re.Pattern[str]]) -> list[str]:
    """Swedish words of the program's own in the texts, once the data values are out."""
    found = []
    for text in texts:
        rest = _flat(text)
        for value in data:
            rest = value.sub(" ¤ ", rest)
        for word in SWEDISH:
            if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", rest):
                found.append(f"{word!r} in {rest[:200]!r}")
        if re.search(r"[åäöÅÄÖ]", rest):
            found.append(f"å/ä/ö in {rest[:200]!r}")
    return found


def workbook_strings(path: Path) -> list[str]:
    wb = openpyxl.load_workbook(path, read_only=True)
    out = list(wb.sheetnames)
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            out += [v for v in row if isinstance(v, str)]
    return out


def write_english(db: Database, round_ids: tuple[int, ...], tmp_path: Path,
                  name: str) -> tuple[Report, Path, Path]:
    pdf, xlsx = tmp_path / f"{name}.pdf", tmp_path / f"{name}.xlsx"
    report = ReportExportService(db, "Enhetschef").write(
        ExportRequest(round_ids, pdf=pdf, xlsx=xlsx, lang="en"))
    return report, pdf, xlsx


@pytest.fixture
def figures_report(db: Database, library: ChecklistLibrary, tmp_path: Path
                   ) -> tuple[Report, Path, Path]:
    """Two periods, last year, girls and boys, two units, comments, a critical item."""
    t1, _ = seed_utredning(db, library)
    t2, _ = seed_utredning(db, library, n=20, period="T2", name="Utredning T2 2026")
    seed_utredning(db, library, n=20, year=2025, name="Utredning T1 2025")
    return write_english(db, (t1, t2), tmp_path, "figures")


def test_english_pdf_and_workbook_of_figures(figures_report: tuple[Report, Path, Path],
                                             db: Database) -> None:
    report, pdf, xlsx = figures_report
    assert report.items[0].last_year and report.items[0].genders and len(report.units) > 1
    pages = [page.extract_text() for page in PdfReader(str(pdf)).pages]
    text = "\n".join(pages)
    for english in ("Internal control results", "Summary", "Total", "Full year 2026",
                    "(previous year)", "Girls", "Boys", "Page 1 of", "Appendix: Sampling "
                    "protocol", "Sampling protocol – Utredning T1 2026", "26 of 46"):
        assert english in _flat(text), english
    assert leftovers(pages, data_values(report, db)) == []
    cells = workbook_strings(xlsx)
    assert {"Summary", "About the report", "Breakdown", "Data", "Texts",
            "Checklist"} <= set(cells)
    assert "Full year 2026" in cells and "Girl" in cells and "Cases reviewed" in cells
    assert leftovers(cells, data_values(report, db)) == []


def test_english_pdf_and_workbook_of_texts_and_themes(
        db: Database, themed: ChecklistLibrary, tmp_path: Path) -> None:  # noqa: F811
    summary, case_ids = round_with_sample(db, themed, 15, name="Mentor T1 2026",
                                          checklist="aktgranskning-familj")
    fill(db, summary.id, case_ids, mentor_answers,
         {k: ("gemensamma_moten", f"Möte nummer {k} saknas") for k in range(4)})
    reviews = ReviewService(db, "Mentor M (MM)")
    for k in range(3):
        reviews.reopen(summary.id, case_ids[k], "teman")
        reviews.set_themes(summary.id, case_ids[k], "styrkor", ["barnets_rost"])
        reviews.complete(summary.id, case_ids[k])
    report, pdf, xlsx = write_english(db, (summary.id,), tmp_path, "texts")
    assert report.item("styrkor").themes[0].count == 3
    pages = [page.extract_text() for page in PdfReader(str(pdf)).pages]
    assert "Themes" in pages[3] or any("Themes" in p for p in pages)
    assert any("Distribution of answers" in p for p in pages)
    assert leftovers(pages, data_values(report, db)) == []
    assert leftovers(workbook_strings(xlsx), data_values(report, db)) == []


def test_the_check_finds_swedish_left_in_a_swedish_report(
        db: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    round_id, _ = seed_utredning(db, library, n=12, answers=utredning)
    pdf = tmp_path / "sv.pdf"
    report = ReportExportService(db, "Enhetschef").write(ExportRequest((round_id,), pdf=pdf))
    pages = [page.extract_text() for page in PdfReader(str(pdf)).pages]
    found = "\n".join(leftovers(pages, data_values(report, db)))
    assert "'Totalt'" in found and "'Sammanfattning'" in found


def _msg_literals(path: Path) -> list[str]:
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "msg" and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                out.append(first.value)
    return out


def test_every_report_text_has_english() -> None:
    literals = [text for path in sorted(REPORTS.glob("*.py")) for text in _msg_literals(path)]
    assert len(literals) > 30
    assert [text for text in literals if text not in EN] == []


def test_every_report_heading_has_english() -> None:
    from audit_app.reports import xlsx, xlsx_texts
    headings = [name for columns in (xlsx.SUMMARY_COLUMNS, xlsx.BREAKDOWN_COLUMNS,
                                     xlsx.DATA_COLUMNS, xlsx.CHECKLIST_COLUMNS,
                                     xlsx_texts.TEXT_COLUMNS) for name, _ in columns]
    assert [h for h in headings if h not in EN] == []


def test_figures_in_english_read_as_english(db: Database, library: ChecklistLibrary) -> None:
    round_id, _ = seed_utredning(db, library)
    from audit_app.domain.figures import figure_text, interval_text
    fig = FigureService(db).compute([round_id]).item("signs_of_safety").total
    assert figure_text(fig, lang="en") == "26 of 46 (56.5 %)"
    assert figure_text(fig) == "26 av 46 (56,5 %)"
    assert "," not in interval_text(fig, lang="en")
