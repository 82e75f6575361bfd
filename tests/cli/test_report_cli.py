"""`audit-app report`: files written, summary printed, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.storage.db import open_database
from tests.cli.test_cli import run
from tests.factories import round_with_sample
from tests.figure_data import seed_utredning


@pytest.fixture
def seeded(db_path: Path, library: ChecklistLibrary) -> Path:
    db = open_database(db_path)
    seed_utredning(db, library)
    seed_utredning(db, library, n=10, period="T2", name="Utredning T2 2026")
    round_with_sample(db, library, 3, name="Placerade T1 2026")
    db.close()
    return db_path


def test_report_writes_files(seeded: Path, tmp_path: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    pdf, xlsx, js = tmp_path / "r.pdf", tmp_path / "r.xlsx", tmp_path / "r.json"
    code, out, err = run(capsys, "--db", str(seeded), "report", "Utredning T1 2026",
                         "Utredning T2 2026", "--pdf", str(pdf), "--xlsx", str(xlsx),
                         "--json", str(js))
    assert code == 0, err
    assert "signs_of_safety: 36 av 56 (64,3 %)" in out  # 26 of 46 plus all 10 of T2
    assert pdf.exists() and xlsx.exists() and js.exists()
    assert "Sida 1 av" in PdfReader(str(pdf)).pages[0].extract_text()


def test_report_summary_only_and_unit_filter(seeded: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", str(seeded), "report", "Utredning T1 2026",
                       "--unit", "Utredning Norr")
    assert code == 0
    assert "signs_of_safety: 13 av 23 (56,5 %)" in out


def test_report_exit_codes(seeded: Path, tmp_path: Path,
                           capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", str(seeded), "report", "Finns inte")
    assert code == 1 and "finns inte" in err
    code, _, err = run(capsys, "--db", str(seeded), "report", "Utredning T1 2026",
                       "Placerade T1 2026", "--json", str(tmp_path / "x.json"))
    assert code == 1 and "olika checklistor" in err
    code, _, err = run(capsys, "--db", str(seeded), "report", "Utredning T1 2026", "--json",
                       str(tmp_path / "saknas" / "x.json"))
    assert code == 1 and "Kunde inte skriva" in err
    code, _, _ = run(capsys, "--db", str(seeded), "report")
    assert code == 2
