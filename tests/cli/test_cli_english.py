"""The command line in English: `--lang en` or GRANSKA_LANG=en for its messages and reports."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.cli.texts_en import CLI_EN
from audit_app.domain.error_texts import has_english
from audit_app.storage.db import open_database
from tests.cli.test_cli import run
from tests.figure_data import seed_utredning

CLI_DIR = Path(__file__).resolve().parents[2] / "audit_app" / "cli"


@pytest.fixture
def seeded(db_path: Path, library: ChecklistLibrary) -> Path:
    db = open_database(db_path)
    seed_utredning(db, library)
    db.close()
    return db_path


def test_report_in_english(seeded: Path, tmp_path: Path,
                           capsys: pytest.CaptureFixture[str]) -> None:
    pdf = tmp_path / "r.pdf"
    code, out, err = run(capsys, "--lang", "en", "--db", str(seeded), "report",
                         "Utredning T1 2026", "--pdf", str(pdf))
    assert code == 0, err
    assert "46 cases reviewed." in out
    assert "signs_of_safety: 26 of 46 (56.5 %); target 70 %; not met" in out
    assert f"Wrote {pdf}" in out
    first = PdfReader(str(pdf)).pages[0].extract_text()
    assert "Internal control results" in first and "Page 1 of" in first


def test_errors_in_english_from_the_environment(seeded: Path,
                                                capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRANSKA_LANG", "en")
    code, _, err = run(capsys, "--db", str(seeded), "report", "Finns inte")
    assert code == 1
    assert err.strip() == "Error: The round 'Finns inte' does not exist."
    code, _, err = run(capsys, "--db", str(seeded), "round", "lock", "Utredning T1 2026")
    code, _, err = run(capsys, "--db", str(seeded), "round", "lock", "Utredning T1 2026")
    assert err.strip() == "Error: The round 'Utredning T1 2026' is already locked."


def test_swedish_stays_the_default(seeded: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", str(seeded), "report", "Finns inte")
    assert code == 1 and err.strip() == "Fel: Omgången 'Finns inte' finns inte."
    code, _, err = run(capsys, "--lang", "sv", "--db", str(seeded), "report", "Finns inte")
    assert err.strip() == "Fel: Omgången 'Finns inte' finns inte."


def test_command_output_in_english(seeded: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--lang", "en", "--db", str(seeded), "round", "list")
    assert code == 0, err
    assert out.splitlines()[0] == "id\tname\tchecklist\tyear\tperiod\tunit\treviewed/sample\tstatus"
    assert "Utredning T1 2026" in out  # data as stored
    code, out, err = run(capsys, "--lang", "en", "--db", str(seeded), "round", "lock",
                         "Utredning T1 2026")
    assert code == 0 and out.strip() == "The round 'Utredning T1 2026' is locked."
    code, out, err = run(capsys, "--lang", "en", "--db", str(seeded), "round", "list")
    assert out.splitlines()[1].endswith("\tLocked")


def _cli_literals() -> list[tuple[str, str]]:
    from tests.domain.test_error_texts import render

    out = []
    for path in sorted(CLI_DIR.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in (
                    "print", "UserError") and node.args:
                out += [(f"{path.name}:{node.lineno}", t) for t in render(node.args[0]) or []]
    return out


def test_every_cli_message_has_english() -> None:
    found = _cli_literals()
    assert len(found) > 60
    # lines made of values only pass through as they are
    missing = [f"{where}: {text!r}" for where, text in found
               if re.search(r"[A-Za-zÅÄÖåäö]", text.replace("{}", ""))
               and text not in CLI_EN and not has_english(text)]
    assert missing == []
