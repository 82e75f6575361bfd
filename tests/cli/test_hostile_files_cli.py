"""Hostile files met on the command line: a clear message and exit 1, never a traceback."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from audit_app.__main__ import main
from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.storage.db import Database
from tests.factories import round_with_sample


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_workbook_with_a_damaged_sheet(db: Database, db_path: Path,
                                         library: ChecklistLibrary, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    rnd, _ = round_with_sample(db, library, 1)
    good, bad = tmp_path / "bra.xlsx", tmp_path / "svar.xlsx"
    wb = Workbook()
    wb.active.append(["case", "item", "answer"])
    wb.save(good)
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bad, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            zout.writestr(info, data)
    code, _, err = _run(capsys, "--db", str(db_path), "reviews", "import", str(rnd.id),
                        str(bad))
    assert code == 1
    assert err.startswith("Fel: svar.xlsx kan inte läsas som en Excel-fil (.xlsx); filen är "
                          "skadad")
    assert "oväntat" not in err and "Traceback" not in err


def test_the_same_answer_twice_on_the_command_line(db: Database, db_path: Path,
                                                    library: ChecklistLibrary,
                                                    tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    rnd, _ = round_with_sample(db, library, 1)
    path = tmp_path / "svar.csv"
    path.write_text("case;item;answer\n2026-0001;vardplan;ja\n2026-0001;Finns en vårdplan?;ja\n",
                    encoding="utf-8")
    code, _, err = _run(capsys, "--db", str(db_path), "reviews", "import", str(rnd.id),
                        str(path))
    assert code == 1 and "Ingenting importerades" in err
    assert "rad 3: 2026-0001 / vardplan förekommer redan (rad 2)" in err


@pytest.mark.parametrize("content", ["[" * 100_000 + "]" * 100_000, "[1, 2]", "{trasig",
                                     '{"reviewer_name": {"a": 1}, "language": 7}'])
def test_a_hostile_settings_file_falls_back_to_defaults(
        content: str, capsys: pytest.CaptureFixture[str]) -> None:
    settings = Path(os.environ["XDG_CONFIG_HOME"]) / "Granska" / "settings.json"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(content, encoding="utf-8")
    code, out, err = _run(capsys, "checklist", "list")
    assert code == 0 and "placerade-barn" in out and err == ""
    log = Path(os.environ["XDG_DATA_HOME"]) / "Granska" / "logs" / "granska.log"
    assert "settings.json" in log.read_text(encoding="utf-8")
