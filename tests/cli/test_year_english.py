"""The internkontroll year in English: the VB chapter's files and the year's CLI listings."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader
from sqlalchemy import update

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.plan import Method, MethodKind, PeriodState, PeriodStatus
from audit_app.domain.rounds import Period
from audit_app.domain.vb import DrawnSample
from audit_app.reports.vb_lang import drawn_text, method_text, period_state_text
from audit_app.services.deviations import DeviationService
from audit_app.storage.db import Database
from audit_app.storage.models import Sample
from tests.cli.test_cli import run
from tests.plan_data import UNIT, reviewed_year

# Swedish words the program itself writes (domain values, states, methods, fixed texts);
# none of them is in the invented plan's, checklist's or user's own texts, so they must not
# appear at all in the English files and listings. Matched as whole words, case-sensitive.
SWEDISH = ("Stickprov", "stickprov", "slumpmässigt", "stratifierat", "proportionell",
           "konfidens", "tolerabel", "fast urval", "totalgranskning", "Åtgärd", "åtgärd",
           "Avvikelse", "Avvikelser", "avvikelser", "planerad", "Planerad", "pågår", "Pågår",
           "klar", "Klar", "avbruten", "uppfyllt", "Uppfyllt", "uppfylld", "målet", "kritisk",
           "av", "Flickor", "flickor", "Pojkar", "pojkar", "Ansvarig", "ansvarig", "FÖRSENAD",
           "försenad", "Mål", "Omgång", "omgångar", "Internkontroll", "Internkontrollplan",
           "Granskade", "granskade", "Resultat", "Analys", "Metod", "Sida", "Nästa", "Inga",
           "ingen", "kontrollmoment", "kontrollpunkt", "bedömning", "avgöras", "ärenden")


def swedish_in(text: str) -> list[str]:
    return [w for w in SWEDISH if re.search(rf"(?<![\wåäöÅÄÖ]){re.escape(w)}(?![\wåäöÅÄÖ])",
                                            text)]


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return " ".join("\n".join(parts).split())


@pytest.fixture
def year(db: Database, library: ChecklistLibrary, tmp_path: Path) -> Path:
    """A plan with T1 and T2 reviewed, T1 drawn by Granska's stratified draw, an analysis
    and an action past its due date."""
    rounds = reviewed_year(db, library, tmp_path)
    with db.session() as s:
        s.execute(update(Sample).where(Sample.round_id == rounds["T1"])
                  .values(method="hmac-sha256-rank; proportional"))
    service = DeviationService(db, library, "EC")
    service.analyse("samtal_placerade", "T1", "enskilt_samtal", "Rutinen var okänd.")
    service.add_action("samtal_placerade", "T1", "enskilt_samtal", "Genomgång på APT",
                       "Gruppledare", date(2024, 5, 31))
    return tmp_path


def _cli(capsys: pytest.CaptureFixture[str], db_path: Path, lang: str, *argv: str) -> str:
    code, out, err = run(capsys, "--lang", lang, "--db", str(db_path), *argv)
    assert code == 0, err
    return out


def _chapter(capsys: pytest.CaptureFixture[str], db_path: Path, out: Path,
             lang: str) -> tuple[str, str]:
    """The chapter's PDF and Word text, with --lang given before the sub-command."""
    printed = _cli(capsys, db_path, lang, "vb", "--unit", UNIT, "--year", "2024",
                   "--pdf", str(out / f"vb-{lang}.pdf"), "--docx", str(out / f"vb-{lang}.docx"))
    assert str(out / f"vb-{lang}.pdf") in printed
    return pdf_text(out / f"vb-{lang}.pdf"), docx_text(out / f"vb-{lang}.docx")


ENGLISH_CHAPTER = (
    "Internal control 2024", "sample (95 % confidence, tolerable deviation 5 %)",
    "fixed sample of 20 cases", "random sample (traceable seed), stratified by unit, "
    "proportional allocation", "no round", "22 of 28 (78.6 %)", "Girls", "Boys",
    "target not met", "critical item not met", "planned", "Next period",
    "Analysis: Rutinen var okänd.", "Genomgång på APT", "Gruppledare")


def test_english_chapter_has_no_swedish_words(year: Path, db_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    pdf, word = _chapter(capsys, db_path, year, "en")
    for text in (pdf, word):
        assert swedish_in(text) == []
        missing = [e for e in ENGLISH_CHAPTER if e not in text]
        assert missing == []
    assert "Chapter for the annual report." in word
    section = docx.Document(str(year / "vb-en.docx")).sections[0]
    assert round(section.page_width.cm, 1) == 21.0  # A4, tables sized to its 17 cm


def test_swedish_chapter_keeps_its_words(year: Path, db_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    pdf, word = _chapter(capsys, db_path, year, "sv")
    for text in (pdf, word):
        assert {"stickprov", "konfidens", "slumpmässigt", "proportionell", "Åtgärd", "av",
                "Avvikelser", "Flickor", "Pojkar", "Ansvarig", "planerad",
                "målet"} <= set(swedish_in(text))
        assert "fast urval om 20 ärenden" in text and "ingen omgång" in text
        assert "22 av 28 (78,6 %)" in text and "Girls" not in text


def test_year_listings_in_english(year: Path, db_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    status = _cli(capsys, db_path, "en", "plan", "status", "--unit", UNIT, "--year", "2024")
    deviations = _cli(capsys, db_path, "en", "deviations", "list", "--unit", UNIT,
                      "--year", "2024")
    actions = _cli(capsys, db_path, "en", "actions", "list", "--unit", UNIT, "--year", "2024")
    changed = _cli(capsys, db_path, "en", "actions", "set-status", "1", "pågår")
    after = _cli(capsys, db_path, "en", "actions", "list", "--overdue")
    chapter = _cli(capsys, db_path, "en", "vb", "--unit", UNIT, "--year", "2024")
    for text in (status, deviations, actions, changed, after, chapter):
        assert swedish_in(text.replace(UNIT, "")) == []
    assert status.splitlines()[1] == "control\tperiod\tstatus\trounds\tassessment"
    assert "\tT1\tdone\tSamtal T1 2024\t" in status and "not met" in status
    assert "utredningstid\tT1\toverdue\t-\t-" in status
    assert "22 of 28 (78.6 %)\t90 %\ttarget not met; critical item not met" in deviations
    line = actions.splitlines()[1]
    assert "\t2024-05-31 OVERDUE\tplanned\tT2: " in line and " of " in line
    assert changed.strip() == "Action 1 has the status in progress."
    assert "\tin progress\t" in after
    assert "deviations: " in chapter and "Full year 22 of 28" not in chapter
    assert re.search(r"enskilt_samtal\tFull year \d+ of \d+ \(\d+\.\d %\)", chapter)


def test_year_listings_stay_swedish(year: Path, db_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    status = _cli(capsys, db_path, "sv", "plan", "status", "--unit", UNIT, "--year", "2024")
    deviations = _cli(capsys, db_path, "sv", "deviations", "list", "--unit", UNIT,
                      "--year", "2024")
    actions = _cli(capsys, db_path, "sv", "actions", "list")
    assert "\tT1\tklar\t" in status and "utredningstid\tT1\tförsenad" in status
    assert "22 av 28 (78,6 %)\t90 %\tmålet ej uppfyllt; kritisk punkt ej uppfylld" in deviations
    assert "2024-05-31 FÖRSENAD\tplanerad" in actions


def test_states_and_draws_the_listings_above_do_not_reach() -> None:
    running = PeriodStatus("c", "C", Period.T3, PeriodState.IN_PROGRESS, ("R",), 3, 10)
    late = PeriodStatus("c", "C", Period.T3, PeriodState.OVERDUE, ("R",), 3, 10)
    created = PeriodStatus("c", "C", Period.T3, PeriodState.CREATED, ("R",))
    assert [period_state_text(s, "en") for s in (running, late, created)] == [
        "in progress (3 of 10 reviewed)", "overdue (3 of 10 reviewed)", "round created"]
    assert period_state_text(running, "sv") == "pågår (3 av 10 granskade)"

    def drawn(*methods: str, rounds: tuple[str, ...] = ("R",)) -> DrawnSample:
        return DrawnSample("T1", rounds, 10, 5, 5, methods)

    assert drawn_text(drawn("hmac-sha256-rank; equal"), "en") == (
        "random sample (traceable seed), stratified by unit, the same number per unit")
    assert drawn_text(drawn("hmac-sha256-rank; none"), "sv") == (
        "slumpmässigt stickprov (spårbart frö)")
    assert drawn_text(drawn("hmac-sha256-rank; team"), "en").endswith("stratified by team")
    assert drawn_text(drawn(), "en") == "no sample drawn"
    assert drawn_text(drawn(), "sv") == "inget urval dragit"
    assert drawn_text(drawn("from the old system"), "en") == "from the old system"
    assert method_text(Method(MethodKind.FULL), "en") == "full review (all cases)"
