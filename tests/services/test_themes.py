"""Themes: declared in the checklist, tagged on texts, counted per item in figures and reports."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.checklist_io.loader import parse_checklist
from audit_app.domain.errors import UserError
from audit_app.services.figures import FigureService
from audit_app.services.report_export import ExportRequest, ReportExportService
from audit_app.services.reviews import ReviewService
from audit_app.storage.db import Database
from tests.conftest import CHECKLISTS
from tests.factories import round_with_sample
from tests.reports.test_texts_summary import answers

THEMES = """themes:
  - {id: barnets_rost, label: Barnets röst, description: Barnets egna ord återges}
  - {id: samverkan, label: Samverkan}
sections:"""
ITEM_THEMES = """        answer: fritext
        comment: false
        themes:
          - {id: tidslinje, label: Tydlig tidslinje}
          - {id: samverkan, label: Samverkan med skolan}
"""


def themed_source() -> str:
    source = (CHECKLISTS / "aktgranskning-familj.yaml").read_text(encoding="utf-8")
    source = source.replace("sections:", THEMES, 1)
    marker = "      - id: styrkor\n        question: Vad är väl beskrivet i akten?\n"
    head, tail = source.split(marker)
    return head + marker + tail.replace("        answer: fritext\n        comment: false\n",
                                        ITEM_THEMES, 1)


@pytest.fixture
def themed(tmp_path: Path) -> ChecklistLibrary:
    folder = tmp_path / "lists"
    folder.mkdir()
    (folder / "tema.yaml").write_text(themed_source(), encoding="utf-8")
    return ChecklistLibrary([folder])


def test_checklist_and_item_themes_are_loaded_and_combined() -> None:
    checklist = parse_checklist(themed_source())
    assert [t.id for t in checklist.themes] == ["barnets_rost", "samverkan"]
    assert checklist.themes[0].description == "Barnets egna ord återges"
    styrkor = checklist.item("styrkor")
    assert [(t.id, t.label) for t in checklist.themes_for(styrkor)] == [
        ("barnets_rost", "Barnets röst"), ("tidslinje", "Tydlig tidslinje"),
        ("samverkan", "Samverkan med skolan")]  # the item's own label wins
    assert checklist.taggable(styrkor) and checklist.taggable(checklist.item("gemensamma_moten"))
    assert not checklist.taggable(checklist.item("typ_av_underlag"))  # comment: false


@pytest.mark.parametrize("bad, message", [
    ("themes:\n  - {id: Barnets, label: X}\nsections:", "temats id 'Barnets'"),
    ("themes:\n  - {id: a, label: X}\n  - {id: a, label: Y}\nsections:", "förekommer två gånger"),
    ("themes:\n  - {id: a}\nsections:", "'label' saknas"),
    ("themes:\n  - {id: a, label: X, colour: red}\nsections:", "okänd nyckel 'colour'"),
])
def test_bad_themes_are_refused_with_a_line(bad: str, message: str) -> None:
    source = (CHECKLISTS / "aktgranskning-familj.yaml").read_text(encoding="utf-8")
    with pytest.raises(UserError, match=message):
        parse_checklist(source.replace("sections:", bad, 1))


def test_tags_are_stored_counted_and_reported(db: Database, themed: ChecklistLibrary,
                                             tmp_path: Path) -> None:
    summary, case_ids = round_with_sample(db, themed, 6, name="Mentor T1 2026",
                                          checklist="aktgranskning-familj")
    service = ReviewService(db, "Mentor M (MM)")
    rid = summary.id
    for k, case_id in enumerate(case_ids):
        for item_id, value in answers(k).items():
            service.set_answer(rid, case_id, item_id, value)
    with pytest.raises(UserError, match="Skriv ett svar eller en kommentar"):
        service.set_themes(rid, case_ids[0], "gemensamma_moten", ["samverkan"])
    with pytest.raises(UserError, match="Temat okänt finns inte"):
        service.set_themes(rid, case_ids[0], "styrkor", ["okänt"])
    tagged = {0: ["barnets_rost", "tidslinje"], 1: ["barnets_rost"], 2: ["barnets_rost"],
              4: ["samverkan"]}
    for k, themes in tagged.items():
        record = service.set_themes(rid, case_ids[k], "styrkor", themes)
        assert record.answers["styrkor"].themes == tuple(sorted(themes))
    # re-tagging replaces the tags; the change is logged
    service.set_themes(rid, case_ids[2], "styrkor", ["barnets_rost", "samverkan"])
    service.set_themes(rid, case_ids[2], "styrkor", ["barnets_rost"])
    for case_id in case_ids:
        service.complete(rid, case_id)

    report = FigureService(db).compute([rid])
    counts = {t.id: (t.count, t.n) for t in report.item("styrkor").themes}
    assert counts == {"barnets_rost": (3, 6), "tidslinje": (1, 6), "samverkan": (1, 6)}
    voice = report.item("styrkor").themes[0]
    assert voice.label == "Barnets röst" and voice.share == pytest.approx(0.5)
    assert [case for case, _ in voice.quotes] == ["2026-0003", "2026-0002", "2026-0001"]
    assert dict(voice.quotes)["2026-0001"] == "Styrka nummer 0."

    pdf, xlsx, js = tmp_path / "r.pdf", tmp_path / "r.xlsx", tmp_path / "r.json"
    ReportExportService(db, "Mentor M").write(ExportRequest((rid,), pdf=pdf, xlsx=xlsx, json=js))
    item = next(i for i in json.loads(js.read_text(encoding="utf-8"))["items"]
                if i["id"] == "styrkor")
    assert item["themes"][0] == {
        "id": "barnets_rost", "label": "Barnets röst", "count": 3, "n": 6,
        "quotes": [{"case": "2026-0003", "text": "Styrka nummer 2."},
                   {"case": "2026-0002", "text": "Styrka nummer 1."},
                   {"case": "2026-0001", "text": "Styrka nummer 0."}]}
    text = "\n".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    assert "Teman" in text and "3 av 6 (50 %)" in text and "Tydlig tidslinje" in text
    rows = list(openpyxl.load_workbook(xlsx)["Texter"].iter_rows(min_row=2, values_only=True))
    first = next(r for r in rows if r[1] == "2026-0001" and r[3] == "styrkor")
    assert first[9] == "Barnets röst; Tydlig tidslinje"


def test_a_publication_masks_small_theme_counts_and_leaves_out_quotes() -> None:
    from audit_app.domain.figures import ThemeCount
    from audit_app.reports.json_report import theme_json

    small = ThemeCount("a", "A", 1, 3, (("2026-0001", "text"),))
    large = ThemeCount("b", "B", 2, 6, (("2026-0002", "text"),))
    assert theme_json(small, publication=True) == {
        "id": "a", "label": "A", "count": "<5", "n": "<5", "quotes": []}
    assert theme_json(large, publication=True)["count"] == 2
    assert theme_json(large)["quotes"] == [{"case": "2026-0002", "text": "text"}]
