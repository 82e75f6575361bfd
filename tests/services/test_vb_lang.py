"""The VB chapter in English: no Swedish fixed texts in the Word and PDF files."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.deviations import DeviationService
from audit_app.services.vb import VbFiles, VbService
from audit_app.storage.db import Database
from tests.cli.test_cli import run
from tests.plan_data import UNIT, reviewed_year

# The Swedish fixed words of the chapter (headings, table heads, states), none of which is
# in the invented plan's own texts.
SWEDISH = ("Internkontroll ", "Internkontrollplan", "Riskmatris", "Sannolikhet", "Metod",
           "Omgång", "Granskade", "Hur urvalet drogs", "Resultat", "Kontrollpunkt", "Mål",
           "Avvikelser", "Analys", "Åtgärd", "Ansvarig", "Klart senast", "Nästa period",
           "Perioder", "Inga ", "planerad", "stickprov", " av ", "ej uppfyllt", "Flickor",
           "Underlag skapat", "slumpmässigt", "föregående år", "fast urval")


def swedish_words(text: str) -> list[str]:
    return [word for word in SWEDISH if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)]


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


@pytest.fixture
def year(db: Database, library: ChecklistLibrary, tmp_path: Path) -> Path:
    reviewed_year(db, library, tmp_path)
    service = DeviationService(db, library, "EC")
    service.analyse("samtal_placerade", "T1", "enskilt_samtal", "Rutinen var okänd.")
    service.add_action("samtal_placerade", "T1", "enskilt_samtal", "Genomgång på APT",
                       "Gruppledare", date(2024, 5, 31))
    out = tmp_path / "vb"
    out.mkdir()
    return out


def _without_plan_texts(text: str) -> str:
    """The chapter's text less the invented plan's own (Swedish) titles and questions."""
    for own in ("Enskilda samtal med placerade barn", "Utredningar inom fyra månader",
                "Rutinen var okänd.", "Genomgång på APT", "Gruppledare", UNIT):
        text = text.replace(own, "")
    return text


def test_english_word_and_pdf_have_no_swedish_fixed_texts(
        db: Database, library: ChecklistLibrary, year: Path) -> None:
    VbService(db, library, "EC").export(UNIT, 2024, VbFiles(
        pdf=year / "en.pdf", docx=year / "en.docx", lang="en"), today=date(2024, 9, 1))
    text = _docx_text(year / "en.docx")
    assert f"Internal control 2024 – {UNIT}" in text
    assert "Analysis: Rutinen var okänd." in text
    assert "Risk matrix (likelihood × consequence)" in text
    assert "22 of 28 (78.6 %)" in text and "planned" in text
    document = docx.Document(str(year / "en.docx"))
    results = next(t for t in document.tables if t.rows[0].cells[0].text == "Item")
    assert [c.text for c in results.rows[0].cells] == ["Item", "Target", "T1", "T2", "Year"]
    assert document.core_properties.language == "en-GB"
    questions = [row.cells[0].text for row in results.rows[1:]]
    rest = _without_plan_texts(text)
    for question in questions:
        rest = rest.replace(question, "")
    assert swedish_words(rest) == []
    pdf = " ".join(" ".join(p.extract_text() for p in PdfReader(year / "en.pdf").pages).split())
    assert "Internal control plan" in pdf and "Deviations, analysis and actions" in pdf
    assert "Internkontrollplan" not in pdf and "Avvikelser" not in pdf
    assert "Page 1 of" in pdf and "Target 90 %" in pdf
    assert "Sida " not in pdf and "Mål " not in pdf


def test_swedish_stays_the_default(db: Database, library: ChecklistLibrary,
                                   year: Path) -> None:
    VbService(db, library, "EC").export(UNIT, 2024, VbFiles(docx=year / "sv.docx"),
                                        today=date(2024, 9, 1))
    text = _docx_text(year / "sv.docx")
    assert "Internkontrollplan" in text and "Internal control" not in text
    assert len(swedish_words(_without_plan_texts(text))) > 15  # the check can fail


def test_cli_lang_option_and_environment(
        year: Path, db_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, _ = run(capsys, "--db", str(db_path), "vb", "--unit", UNIT, "--year", "2024",
                     "--docx", str(year / "a.docx"), "--lang", "en")
    assert code == 0 and "Internal control plan" in _docx_text(year / "a.docx")
    monkeypatch.setenv("GRANSKA_LANG", "en")
    code, _, _ = run(capsys, "--db", str(db_path), "vb", "--unit", UNIT, "--year", "2024",
                     "--docx", str(year / "b.docx"))
    assert code == 0 and "Deviations, analysis and actions" in _docx_text(year / "b.docx")
    code, _, _ = run(capsys, "--db", str(db_path), "vb", "--unit", UNIT, "--year", "2024",
                     "--docx", str(year / "c.docx"), "--lang", "sv")
    assert code == 0 and "Internkontrollplan" in _docx_text(year / "c.docx")
