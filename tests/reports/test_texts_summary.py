"""Written answers and comments in the summary: counted, quoted a few at a time, all in Excel."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.distribution import distribution, step_colour
from audit_app.domain.figures import Comment
from audit_app.domain.texts import summarise_texts
from audit_app.services.figures import FigureService
from audit_app.services.report_export import ExportRequest, ReportExportService
from audit_app.storage.db import Database
from tests.factories import round_with_sample
from tests.figure_data import fill

PARAGRAPH = "Barnets röst hörs tydligt i utredningen.\nPlanen följs upp var tredje månad."
SAME = "Dokumentationen saknas i akten"
GRADES = ("helt", "helt", "helt", "delvis", "delvis", "nej") * 2 + ("helt", "helt", "nej")


def answers(k: int) -> dict[str, str]:
    return {
        "typ_av_underlag": "barnavardsutredning", "traffat_barnet": "ja",
        "informerat_om_bedomning": "ja", "barnet_uttryckt_asikter": GRADES[k],
        "gemensamma_samrad": "ja", "gemensamma_moten": "nej", "behov_beskrivna": "helt",
        "helhetsintryck_samverkan": ("alla_steg", "vissa_moten", "inga_moten")[k % 3],
        **({"styrkor": PARAGRAPH if k == 8 else f"Styrka nummer {k}."} if k < 9 else {}),
    }


@pytest.fixture
def seeded(db: Database, library: ChecklistLibrary) -> int:
    return seed_mentor(db, library)


def seed_mentor(db: Database, library: ChecklistLibrary) -> int:
    """A mentor's round of 15 cases with written answers, comments and graded items."""
    summary, case_ids = round_with_sample(db, library, len(GRADES), name="Mentor T1 2026",
                                          checklist="aktgranskning-familj")
    # 7 identical comments (one with other spacing and case) and 8 different ones
    comments = {k: ("gemensamma_moten", SAME if k % 2 else f"Möte nummer {k} saknas")
                for k in range(15)}
    comments[3] = ("gemensamma_moten", "  dokumentationen saknas\ni akten ")
    fill(db, summary.id, case_ids, answers, comments, actor="Mentor M (MM)")
    return summary.id


def test_identical_texts_are_counted_and_the_newest_quoted_first() -> None:
    texts = [Comment(f"2026-{k:04d}", "R", None, t) for k, t in
             enumerate(["a", "B", "b ", "c", "b", "d", "e", "f", "a"])]
    summary = summarise_texts(texts, limit=3)
    assert [(q.text, q.count) for q in summary.quotes] == [("b", 3), ("a", 2), ("f", 1)]
    assert summary.quotes[0].cases == ("2026-0004", "2026-0002", "2026-0001")
    assert (summary.total, summary.more) == (9, 3)  # c, d and e are left for the Excel file
    assert summarise_texts(texts, limit=0).more == 9


def test_pdf_quotes_texts_whole_counts_repeats_and_points_to_excel(
        db: Database, seeded: int, tmp_path: Path) -> None:
    pdf, xlsx, js = tmp_path / "r.pdf", tmp_path / "r.xlsx", tmp_path / "r.json"
    ReportExportService(db, "Mentor M").write(ExportRequest((seeded,), pdf=pdf, xlsx=xlsx, json=js))
    text = "\n".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    # the paragraph is quoted with its line break, not squeezed into a "Fördelning" column
    assert "Barnets röst hörs tydligt i utredningen.\nPlanen följs upp var tredje månad." \
        in text
    assert "Fördelning: " + PARAGRAPH.split("\n")[0] not in text
    assert "9 skrivna svar" in text
    assert "Svar (9)" in text  # the newest five quoted: the paragraph first
    assert text.count("och 4 till: se Excel-filen") == 2
    # the comments: 7 times the same text (once with other spacing) counted, not repeated
    assert "7 ×" in text and text.count(SAME) == 1
    assert "Kommentarer (15, 9 olika)" in text  # 7 + the 4 newest quoted, 4 more
    # graded and scale items show their distribution
    assert "Svarens fördelning" in text
    assert "Helt 8" in text and "Delvis 4" in text and "Nej 3" in text

    wb = openpyxl.load_workbook(xlsx)
    ws = wb["Texter"]
    rows = [tuple(c.value for c in row) for row in ws.iter_rows(min_row=2)]
    assert ws.cell(1, 9).value == "Text" and len(rows) == 9 + 15
    whole = next(r for r in rows if r[3] == "styrkor" and r[1] == "2026-0009")
    assert whole[5:] == ("Svar", None, "Mentor M (MM)", PARAGRAPH, None)
    same = [r for r in rows if r[3] == "gemensamma_moten" and "akten" in r[8]]
    assert len(same) == 7 and all(r[6] == "Nej" for r in same)  # each in full, with its case
    assert "dokumentationen saknas\ni akten" in [r[8] for r in same]  # as it was written
    summary = {r[1].value: r[12].value for r in wb["Sammanfattning"].iter_rows(min_row=2)}
    assert summary["Vad är väl beskrivet i akten?"] == "9 skrivna svar (se bladet Texter)"
    # rows are tall enough for their wrapped texts (no program grows them on opening):
    # the two-line paragraph gets two lines, a one-line text keeps the default height
    heights = {r[1]: ws.row_dimensions[k].height for k, r in enumerate(rows, start=2)
               if r[3] == "styrkor"}
    assert heights["2026-0009"] == 30 and heights["2026-0001"] is None
    summary_ws = wb["Sammanfattning"]
    long_row = next(k for k in range(2, summary_ws.max_row + 1)
                    if len(str(summary_ws.cell(k, 2).value)) > 80)
    assert (summary_ws.row_dimensions[long_row].height or 0) >= 30

    item = next(i for i in json.loads(js.read_text(encoding="utf-8"))["items"]
                if i["id"] == "gemensamma_moten")
    assert len(item["comments"]) == 15


def test_distribution_steps_and_colours(db: Database, seeded: int) -> None:
    report = FigureService(db).compute([seeded])
    graded = report.item("barnet_uttryckt_asikter")
    steps = distribution(graded, graded.total)
    assert [(s.value, s.count) for s in steps] == [("helt", 8), ("delvis", 4), ("nej", 3)]
    assert sum(s.share for s in steps) == pytest.approx(1.0)
    assert [step_colour(s) for s in steps] == ["#2e7d32", "#f9a825", "#c62828"]
    scale = report.item("helhetsintryck_samverkan")
    steps = distribution(scale, scale.total)
    assert [(s.value, s.count, s.compliant) for s in steps] == [
        ("alla_steg", 5, True), ("flertal_moten", 0, True), ("vissa_moten", 5, False),
        ("inga_moten", 5, False)]
    assert steps[2].severity < steps[3].severity
    assert report.item("styrkor").graded is False
    assert distribution(report.item("gemensamma_moten"), report.item("styrkor").total) == []
