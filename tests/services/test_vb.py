"""The VB chapter: JSON with the report's figure keys, Word and PDF showing the same figures."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.figures import column_key, figure_text
from audit_app.reports.json_report import figure_json
from audit_app.services.deviations import DeviationService
from audit_app.services.figures import FigureService
from audit_app.services.vb import VbFiles, VbService
from audit_app.storage.db import Database
from tests.cli.test_cli import run
from tests.plan_data import UNIT, reviewed_year

ANALYSIS = "Samtalen planerades inte.\nNya handläggare saknade rutin."


@pytest.fixture
def chapter_files(db: Database, library: ChecklistLibrary,
                  tmp_path: Path) -> tuple[dict[str, int], Path]:
    rounds = reviewed_year(db, library, tmp_path)
    service = DeviationService(db, library, "EC")
    service.analyse("samtal_placerade", "T1", "enskilt_samtal", ANALYSIS)
    service.add_action("samtal_placerade", "T1", "enskilt_samtal",
                       "Rutin för enskilda samtal på APT", "Gruppledare", date(2024, 5, 31))
    out = tmp_path / "vb"
    out.mkdir()
    VbService(db, library, "EC").export(UNIT, 2024, VbFiles(
        out / "vb.pdf", out / "vb.docx", out / "vb.json"), today=date(2024, 9, 1))
    return rounds, out


def test_json_has_the_report_figure_keys(db: Database, chapter_files: tuple[dict[str, int],
                                                                           Path]) -> None:
    rounds, out = chapter_files
    data = json.loads((out / "vb.json").read_text(encoding="utf-8"))
    assert data["format"] == "granska-vb" and data["unit"] == UNIT and data["year"] == 2024
    control = data["controls"][0]
    assert control["id"] == "samtal_placerade" and control["risk"]["value"] == 12
    report = FigureService(db).compute([rounds["T1"]])
    expected = figure_json(report.item("enskilt_samtal").periods[column_key("T1", 2024)])
    assert control["periods"]["T1"]["items"]["enskilt_samtal"] == expected
    assert set(control["periods"]) == {"T1", "T2", "VB"}
    assert control["periods"]["T1"]["population"] == 29
    assert control["periods"]["T1"]["sample"] == 29
    assert set(control["periods"]["VB"]["items"]["enskilt_samtal"]) == set(expected)
    item = control["items"][0]
    assert item["id"] == "enskilt_samtal" and {"periods", "last_year", "genders"} <= set(item)
    [dev] = [d for d in control["periods"]["T1"]["deviations"]
             if d["item"] == "enskilt_samtal"]
    assert dev["analysis"] == ANALYSIS
    assert dev["kinds"] == ["not_met", "critical"]
    [action] = dev["actions"]
    assert action["status"] == "planned" and action["next_period"] == "T2"
    assert action["next_figure"]["compliant"] == 28 and action["next_figure"]["n"] == 29
    second = data["controls"][1]
    assert second["method"] == {"kind": "fixed", "text": "fast urval om 20 ärenden",
                                "size": 20}
    assert second["items"] == [] and second["deviations"] == []


def test_word_file_holds_the_json_figures(chapter_files: tuple[dict[str, int], Path]) -> None:
    _rounds, out = chapter_files
    data = json.loads((out / "vb.json").read_text(encoding="utf-8"))
    document = docx.Document(str(out / "vb.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert f"Internkontroll 2024 – {UNIT}" in text
    assert "Analys: " + ANALYSIS in text
    tables = document.tables
    plan = tables[0]
    assert plan.rows[1].cells[2].text == "3 × 4 = 12"
    matrix = tables[1]
    # row 1 is sannolikhet 4; sannolikhet 3 × konsekvens 4 holds the first control
    assert matrix.cell(2, 4).text == "samtal_placerade"
    results = next(t for t in tables if t.rows[0].cells[0].text == "Kontrollpunkt")
    head = [c.text for c in results.rows[0].cells]
    assert head == ["Kontrollpunkt", "Mål", "T1", "T2", "VB"]
    control = data["controls"][0]
    for row, item in zip(results.rows[1:], control["items"], strict=True):
        for col in ("T1", "T2", "VB"):
            fig = control["periods"][col]["items"][item["id"]]
            cell = row.cells[head.index(col)].text
            assert cell.startswith(f"{fig['compliant']} av {fig['n']} (")
    actions = next(t for t in tables if t.rows[0].cells[0].text == "Åtgärd")
    assert [c.text for c in actions.rows[1].cells] == [
        "Rutin för enskilda samtal på APT", "Gruppledare", "2024-05-31", "planerad",
        "T2: 28 av 29 (96,6 %)"]


def test_pdf_holds_the_same_figures(db: Database,
                                    chapter_files: tuple[dict[str, int], Path]) -> None:
    rounds, out = chapter_files
    text = "\n".join(page.extract_text() for page in PdfReader(out / "vb.pdf").pages)
    flat = " ".join(text.split())
    report = FigureService(db).compute([rounds["T1"], rounds["T2"]])
    for item_id in ("enskilt_samtal", "genomforandeplan"):
        for column in ("T1", "T2", "VB"):
            assert figure_text(report.item(item_id).periods[column_key(column, 2024)]) in flat
    assert "Riskmatris" in flat and "samtal_placerade" in flat
    assert "Nya handläggare saknade rutin." in flat
    assert "Rutin för enskilda samtal på APT" in flat


def test_vb_cli_writes_files_and_refuses_unknown_plan(
        chapter_files: tuple[dict[str, int], Path], db_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    _rounds, out = chapter_files
    target = out / "cli.docx"
    code, stdout, _ = run(capsys, "--db", str(db_path), "vb", "--unit", UNIT, "--year", "2024",
                          "--docx", str(target))
    assert code == 0 and str(target) in stdout
    assert docx.Document(str(target)).tables
    code, _, err = run(capsys, "--db", str(db_path), "vb", "--unit", "Okänd enhet",
                       "--year", "2024", "--pdf", str(out / "x.pdf"))
    assert code == 1 and "ingen plan" in err and not (out / "x.pdf").exists()
