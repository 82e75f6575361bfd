"""A year's report on two rounds whose checklist versions differ in a target says so."""

from __future__ import annotations

import json
from pathlib import Path

from pypdf import PdfReader

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.checklist_versions import ChecklistVersionService
from audit_app.services.definitions import parse_definition
from audit_app.services.figures import FigureService
from audit_app.services.report_export import ExportRequest, ReportExportService
from audit_app.storage.db import Database
from tests.figure_data import seed_utredning

CHECKLISTS = Path(__file__).resolve().parents[2] / "checklists"


def two_versions(db: Database, tmp_path: Path) -> tuple[int, int]:
    """T1 on the shipped version 1.0 (target 70), T2 on version 1.1 (target 80)."""
    library = ChecklistLibrary([CHECKLISTS, tmp_path / "egna"])
    first, _ = seed_utredning(db, library, n=12, period="T1", name="Utredning T1 2026")
    source = (CHECKLISTS / "utredning-barn.yaml").read_text("utf-8")
    source = source.replace("target: 70", "target: 80").replace('version: "1.0"',
                                                                 'version: "1.1"')
    service = ChecklistVersionService(db, library, "Enhetschef")
    plan = service.plan_import(parse_definition(source), source)
    service.store_import(plan, "Högre mål i verksamhetsplanen")
    second, _ = seed_utredning(db, library, n=12, period="T2", name="Utredning T2 2026")
    return first, second


def test_report_across_versions_names_both_targets(db: Database, tmp_path: Path) -> None:
    first, second = two_versions(db, tmp_path)
    report = FigureService(db).compute([first, second])
    assert report.checklist_versions == ("1.0", "1.1")
    item = report.item("signs_of_safety")
    assert item.version_targets == (("1.0", 70), ("1.1", 80)) and item.target == 80
    assert report.item("tidsgrans").version_targets == ()
    assert any(n.startswith("Omgångarna använder olika versioner") for n in report.notes)
    assert ("Årsmålet för signs_of_safety skiljer sig mellan versionerna: 70 % (v1.0), "
            "80 % (v1.1); resultatet bedöms mot målet i den senaste versionen."
            in report.notes)

    pdf, js = tmp_path / "r.pdf", tmp_path / "r.json"
    ReportExportService(db, "Enhetschef").write(
        ExportRequest((first, second), pdf=pdf, json=js))
    data = json.loads(js.read_text("utf-8"))
    assert data["checklist"]["versions"] == ["1.0", "1.1"]
    assert [r["checklist_version"] for r in data["rounds"]] == ["1.0", "1.1"]
    [sos] = [i for i in data["items"] if i["id"] == "signs_of_safety"]
    assert sos["version_targets"] == [{"version": "1.0", "target": 70},
                                      {"version": "1.1", "target": 80}]
    assert any("70 % (v1.0), 80 % (v1.1)" in n for n in data["notes"])
    text = " ".join(" ".join((p.extract_text() or "").split())
                    for p in PdfReader(str(pdf)).pages)
    assert "målet skiljer sig mellan versionerna: v1.0 70 %, v1.1 80 %" in text
    assert "version 1.0, 1.1" in text


def test_report_on_one_version_has_no_target_note(db: Database, tmp_path: Path) -> None:
    first, _ = two_versions(db, tmp_path)
    report = FigureService(db).compute([first])
    assert report.item("signs_of_safety").version_targets == ()
    assert not any("Årsmålet" in n for n in report.notes)
