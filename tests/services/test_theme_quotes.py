"""Quotes chosen by the user: they lead a theme's quotes in figures, PDF, Excel and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from sqlalchemy import select

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.errors import UserError
from audit_app.domain.figures import Report
from audit_app.services.figures import FigureService
from audit_app.services.report_export import ExportRequest, ReportExportService
from audit_app.services.reviews import ReviewService
from audit_app.services.themes import ThemeService
from audit_app.storage.db import Database
from audit_app.storage.models import ChangeLog
from tests.factories import round_with_sample
from tests.reports.test_texts_summary import answers
from tests.services.test_themes import themed_source


@pytest.fixture
def themed(tmp_path: Path) -> ChecklistLibrary:
    folder = tmp_path / "lists"
    folder.mkdir()
    (folder / "tema.yaml").write_text(themed_source(), encoding="utf-8")
    return ChecklistLibrary([folder])


@pytest.fixture
def tagged(db: Database, themed: ChecklistLibrary) -> int:
    """Six completed reviews; the texts of cases 1-5 tagged 'Barnets röst'."""
    summary, case_ids = round_with_sample(db, themed, 6, name="Mentor T1 2026",
                                          checklist="aktgranskning-familj")
    service = ReviewService(db, "Mentor M (MM)")
    for k, case_id in enumerate(case_ids):
        for item_id, value in answers(k).items():
            service.set_answer(summary.id, case_id, item_id, value)
        if k < 5:
            service.set_themes(summary.id, case_id, "styrkor", ["barnets_rost"])
        service.complete(summary.id, case_id)
    return summary.id


def _answer_id(report: Report, case_ref: str) -> int:
    return next(c.answer_id for c in report.item("styrkor").written if c.case_ref == case_ref)


def _voice(db: Database, rid: int) -> list[str]:
    theme = FigureService(db).compute([rid]).item("styrkor").themes[0]
    assert theme.id == "barnets_rost"
    return [case for case, _ in theme.quotes]


def test_chosen_quotes_come_first_then_the_newest(db: Database, tagged: int) -> None:
    assert _voice(db, tagged) == ["2026-0005", "2026-0004", "2026-0003"]  # the default
    report = FigureService(db).compute([tagged])
    themes = ThemeService(db, "Mentor M")
    assert themes.set_quote(_answer_id(report, "2026-0001"), True) == ("barnets_rost",)
    assert _voice(db, tagged) == ["2026-0001", "2026-0005", "2026-0004"]
    themes.set_quote(_answer_id(report, "2026-0002"), True)
    assert _voice(db, tagged) == ["2026-0002", "2026-0001", "2026-0005"]
    marked = FigureService(db).compute([tagged]).item("styrkor").written
    assert {c.case_ref for c in marked if c.quote} == {"2026-0001", "2026-0002"}
    assert themes.set_quote(_answer_id(report, "2026-0002"), False) == ()
    assert _voice(db, tagged) == ["2026-0001", "2026-0005", "2026-0004"]
    with db.session() as s:
        logged = [(c.entity, c.case_ref, c.old, c.new, c.actor) for c in s.scalars(
            select(ChangeLog).where(ChangeLog.entity == "quote").order_by(ChangeLog.id))]
    assert logged == [("quote", "2026-0001", None, "barnets_rost", "Mentor M"),
                      ("quote", "2026-0002", None, "barnets_rost", "Mentor M"),
                      ("quote", "2026-0002", "barnets_rost", None, "Mentor M")]


def test_a_quote_needs_a_theme_and_stays_one_under_a_theme_added_later(
        db: Database, tagged: int) -> None:
    report = FigureService(db).compute([tagged])
    themes = ThemeService(db, "Mentor M")
    with pytest.raises(UserError, match="Märk texten med ett tema"):
        themes.set_quote(_answer_id(report, "2026-0006"), True)
    first = _answer_id(report, "2026-0001")
    themes.set_quote(first, True)
    themes.tag_text(first, ["barnets_rost", "tidslinje"])
    again = FigureService(db).compute([tagged]).item("styrkor")
    timeline = next(t for t in again.themes if t.id == "tidslinje")
    assert timeline.quotes == (("2026-0001", "Styrka nummer 0."),)
    assert themes.set_quote(first, False) == ()
    assert themes.set_quote(first, True) == ("barnets_rost", "tidslinje")


def test_chosen_quotes_reach_the_pdf_excel_and_json(db: Database, tagged: int,
                                                    tmp_path: Path) -> None:
    report = FigureService(db).compute([tagged])
    ThemeService(db, "Mentor M").set_quote(_answer_id(report, "2026-0001"), True)
    pdf, xlsx, js = tmp_path / "r.pdf", tmp_path / "r.xlsx", tmp_path / "r.json"
    ReportExportService(db, "Mentor M").write(ExportRequest((tagged,), pdf=pdf, xlsx=xlsx,
                                                            json=js))
    item = next(i for i in json.loads(js.read_text(encoding="utf-8"))["items"]
                if i["id"] == "styrkor")
    assert [q["case"] for q in item["themes"][0]["quotes"]] == [
        "2026-0001", "2026-0005", "2026-0004"]
    rows = list(openpyxl.load_workbook(xlsx)["Teman"].iter_rows(min_row=2, values_only=True))
    assert {r[1] for r in rows} == {"Vad är väl beskrivet i akten?"}
    voice = next(r for r in rows if r[2] == "Barnets röst")
    assert voice[3:6] == (5, 6, pytest.approx(5 / 6))
    assert str(voice[6]).splitlines() == ["2026-0001: Styrka nummer 0.",
                                          "2026-0005: Styrka nummer 4.",
                                          "2026-0004: Styrka nummer 3."]
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(str(pdf)).pages).split())
    start = text.index("Barnets röst 5 av 6")
    assert (text.index("Styrka nummer 0.", start) < text.index("Styrka nummer 4.", start)
            < text.index("Styrka nummer 3.", start))


def test_tagging_and_choosing_afterwards_count_the_reviews_version(
        db: Database, tagged: int) -> None:
    """A form that read the review before the mentor's synthesis cannot reopen it unawares."""
    report = FigureService(db).compute([tagged])
    answer_id = _answer_id(report, "2026-0006")  # untagged so far
    reviews = ReviewService(db, "Granskare GL")
    case_id = next(c.case_id for c in reviews.case_rows(tagged)
                   if c.case_ref == "2026-0006")
    seen = reviews.review(tagged, case_id).version
    ThemeService(db, "Mentor M (MM)").tag_text(answer_id, ["barnets_rost"])
    tagged_version = reviews.review(tagged, case_id).version
    assert tagged_version == seen + 1
    ThemeService(db, "Mentor M (MM)").set_quote(answer_id, True)
    assert reviews.review(tagged, case_id).version == tagged_version + 1
    ThemeService(db, "Mentor M (MM)").set_quote(answer_id, True)  # no change: no count
    assert reviews.review(tagged, case_id).version == tagged_version + 1
    with pytest.raises(UserError):
        reviews.reopen(tagged, case_id, "Fel ärende", expected_version=seen)
