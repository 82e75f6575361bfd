"""The PDF, workbook and JSON opened as a reader would, numbers checked against hand counts."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.figures import GroupKey, GroupKind
from audit_app.services.figures import FigureService
from audit_app.services.report_export import ExportRequest, ReportExportService
from audit_app.storage.db import Database
from tests.factories import round_with_sample
from tests.figure_data import familjehem, fill, placerade, seed_utredning


@pytest.fixture
def files(db: Database, library: ChecklistLibrary, tmp_path: Path) -> dict[str, Path]:
    round_id, _ = seed_utredning(db, library)
    out = {"pdf": tmp_path / "r.pdf", "xlsx": tmp_path / "r.xlsx", "json": tmp_path / "r.json"}
    ReportExportService(db, "Enhetschef").write(
        ExportRequest((round_id,), pdf=out["pdf"], xlsx=out["xlsx"], json=out["json"]))
    return out


def pdf_text(path: Path) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(str(path))
    return reader, [page.extract_text() for page in reader.pages]


def test_pdf_figures_metadata_pages_font(files: dict[str, Path]) -> None:
    reader, pages = pdf_text(files["pdf"])
    text = "\n".join(pages)
    assert "26 av 46 (56,5 %)" in text  # the seed's signs-of-safety figure
    assert "42,2–69,8 %" in text  # its Wilson interval by hand: 0.4225-0.6979
    assert "Målet ej uppfyllt" in text
    assert "8 av 10 (80,0 %)" in text  # SIP made, of the 10 that needed one
    assert "Mappning med nätverket" in text and "2026-0031" in text
    meta = reader.metadata
    assert meta is not None and meta.title.startswith("Resultat av internkontroll")
    assert meta.author == "Enhetschef" and "Utredning Norr" in (meta.subject or "")
    total = len(pages)
    for k, page in enumerate(pages, start=1):
        assert f"Sida {k} av {total}" in page
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            obj = font.get_object()
            if "DejaVuSans" in str(obj["/BaseFont"]):
                fonts.add(str(obj["/BaseFont"]))
                assert "/FontFile2" in obj["/FontDescriptor"].get_object()  # embedded
    assert any("DejaVuSans" in f for f in fonts)
    assert "Bilaga: Urvalsprotokoll" in text and "Frö: test" in text


def test_pdf_publication_masks_small_groups(db: Database, library: ChecklistLibrary,
                                            tmp_path: Path) -> None:
    round_id, _ = seed_utredning(db, library, n=12)
    path = tmp_path / "pub.pdf"
    ReportExportService(db, "EC").write(ExportRequest((round_id,), pdf=path, publication=True))
    text = "\n".join(pdf_text(path)[1])
    assert "12 av 12 (100,0 %)" in text  # signs of safety, all 12 used it
    assert "<5" in text  # "okant" has 2 cases, SIP-needed subgroups are small
    assert "2026-0001" not in text and "Mappning med nätverket" not in text
    report = FigureService(db).compute([round_id])
    okant = report.item("signs_of_safety").genders[GroupKey(GroupKind.GENDER, value="okant")]
    assert okant.n == 2 and f"{okant.x} av {okant.n}" not in text


def test_workbook_numbers_formats_filters(files: dict[str, Path]) -> None:
    wb = openpyxl.load_workbook(files["xlsx"])
    assert wb.sheetnames == ["Sammanfattning", "Om rapporten", "Uppdelning", "Data",
                             "Texter", "Checklista"]
    summary = wb["Sammanfattning"]
    head = [c.value for c in summary[1]]
    row = {h: c for h, c in zip(head, summary[2], strict=True)}
    assert row["Kontrollpunkt"].value.startswith("Har Signs of Safety")
    assert (row["Tillämpliga (n)"].value, row["Uppfyller (x)"].value) == (46, 26)
    assert row["Andel"].value == pytest.approx(26 / 46) and row["Andel"].number_format == "0.0%"
    assert row["KI 95 % låg"].value == pytest.approx(0.42247, abs=1e-5)
    assert row["Mål"].value == 0.7 and row["Bedömning"].value == "ej uppfyllt"
    for ws in (summary, wb["Uppdelning"], wb["Data"], wb["Checklista"]):
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
        assert ws.column_dimensions["B"].width >= 10
    data = wb["Data"]
    dhead = [c.value for c in data[1]]
    rows = [dict(zip(dhead, r, strict=True)) for r in data.iter_rows(min_row=2, values_only=True)]
    sos = [r for r in rows if r["Kontrollpunkt-id"] == "signs_of_safety"]
    assert len(sos) == 46 and sum(r["Uppfyller (1/0)"] for r in sos) == 26
    assert data.auto_filter.ref == f"A1:L{len(rows) + 1}"
    assert data["L2"].is_date and data["L2"].number_format == "yyyy-mm-dd"
    breakdown = [r for r in wb["Uppdelning"].iter_rows(min_row=2, values_only=True)
                 if r[1].startswith("Har Signs") and r[3] == "Flickor"]
    assert breakdown[0][4:6] == (19, 11)


def test_json_report(files: dict[str, Path]) -> None:
    doc = json.loads(files["json"].read_text(encoding="utf-8"))
    assert doc["format"] == "granska-report" and doc["format_version"] == 1
    sos = next(i for i in doc["items"] if i["id"] == "signs_of_safety")
    assert (sos["n"], sos["compliant"], sos["counts"]) == (46, 26, {"ja": 26, "nej": 20})
    assert sos["rate"] == pytest.approx(0.565217, abs=1e-6)
    assert sos["verdict"] == "not_met" and sos["target"] == 70
    assert sos["genders"]["flicka"]["n"] == 19
    assert sos["periods"]["T1 2026"]["n"] == 46


def test_of_these_in_workbook(db: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    summary, cases = round_with_sample(db, library, 29)
    fill(db, summary.id, cases, placerade)
    path = tmp_path / "p.xlsx"
    ReportExportService(db, "EC").write(ExportRequest((summary.id,), xlsx=path))
    ws = openpyxl.load_workbook(path)["Sammanfattning"]
    used = next(r for r in ws.iter_rows(min_row=2, values_only=True)
                if r[1].startswith("Används genomförandeplanen"))
    assert used[4] == "genomforandeplan = ja" and used[5:7] == (24, 18)


def test_seed_001_family_home_figures_in_pdf(db: Database, library: ChecklistLibrary,
                                             tmp_path: Path) -> None:
    summary, cases = round_with_sample(db, library, 58)
    fill(db, summary.id, cases, familjehem)
    path = tmp_path / "fh.pdf"
    ReportExportService(db, "EC").write(ExportRequest((summary.id,), pdf=path))
    summary_page = pdf_text(path)[1][1]
    for figure in ("45 av 58 (77,6 %)", "20 av 58 (34,5 %)", "48 av 58 (82,8 %)",
                   "36 av 48 (75,0 %)", "56 av 58 (96,6 %)"):
        assert figure in summary_page
    assert "(av dessa)" in summary_page


def test_publication_workbook_and_json(db: Database, library: ChecklistLibrary,
                                       tmp_path: Path) -> None:
    round_id, _ = seed_utredning(db, library, n=12)
    xlsx, js = tmp_path / "pub.xlsx", tmp_path / "pub.json"
    ReportExportService(db, "EC").write(ExportRequest((round_id,), xlsx=xlsx, json=js,
                                                      publication=True))
    wb = openpyxl.load_workbook(xlsx)
    assert "Data" not in wb.sheetnames  # no case-level rows in a public workbook
    rows = list(wb["Uppdelning"].iter_rows(min_row=2, values_only=True))
    okant = next(r for r in rows if r[1].startswith("Har Signs") and r[3] == "Okänt")
    assert okant[4:7] == ("<5", "<5", None)  # 2 cases
    total = next(r for r in rows if r[1].startswith("Har Signs") and r[3] == "Totalt")
    assert total[4:6] == (12, 12)
    doc = json.loads(js.read_text(encoding="utf-8"))
    sos = next(i for i in doc["items"] if i["id"] == "signs_of_safety")
    assert sos["genders"]["okant"] == {"masked": True, "n": "<5", "counts": None,
                                       "compliant": None, "rate": None, "low": None,
                                       "high": None, "target": 70, "verdict": None}
    assert sos["comments"] == [] and sos["n"] == 12
