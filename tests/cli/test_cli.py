"""The scripting CLI as a user runs it: exit codes, messages, no tracebacks."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from audit_app.__main__ import db_argument_error, main

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_all_bundled(capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(str(p) for p in (ROOT / "checklists").glob("*.yaml"))
    code, out, _ = run(capsys, "checklist", "validate", *files)
    assert code == 0
    assert out.count(": ok") == len(files)


def test_validate_wrong_answer_type_line_12(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    lines = ["id: prov", "version: 1", "title: Prov", "sections:", "  - id: a",
             "    title: A", "    items:", "      - id: x", "        question: X?",
             "        help: Hjälp", "        reference: SoL", "        answer: jaa_nej"]
    path = tmp_path / "fel.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run(capsys, "checklist", "validate", str(path))
    assert code == 1
    assert f"{path}:12:" in err
    assert "Traceback" not in err


def test_validate_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "checklist", "validate", str(tmp_path / "saknas.yaml"))
    assert code == 1 and "kan inte läsa filen" in err


def test_round_create_twice_and_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "g.sqlite3")
    args = ("--db", db, "round", "create", "T1 2026", "--checklist", "placerade-barn",
            "--year", "2026", "--period", "T1", "--unit", "Familjehem")
    assert run(capsys, *args)[0] == 0
    code, _, err = run(capsys, *args)
    assert code == 1 and "finns redan" in err
    code, out, _ = run(capsys, "--db", db, "round", "list")
    assert code == 0 and "T1 2026" in out and "Familjehem" in out


def test_checklist_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "checklist", "list")
    assert code == 0 and "placerade-barn" in out


def test_usage_error_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "round", "create", "x")[0] == 2
    assert run(capsys, "nonsense")[0] == 2


def test_python_dash_m_entry_point(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "audit_app", "--db", str(tmp_path / "x.sqlite3"), "round",
         "list"], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Inga omgångar" in proc.stdout


def test_entry_points_console_for_the_cli_gui_for_the_window() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    console, gui = project["scripts"], project["gui-scripts"]
    # a console script: on Windows a gui-script has no stdout/stderr, every message is lost
    assert console["audit-app"] == "audit_app.__main__:main"
    assert console["granska-cli"] == "audit_app.__main__:main"
    assert gui == {"granska": "audit_app.__main__:main"}
    assert "audit-app" not in gui
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert 'executable("granska", console=' in spec
    assert 'executable("granska-cli", console=True)' in spec


@pytest.mark.parametrize("address", [
    "postgresql://granska@server:5432/granska",
    "sqlite:///x.sqlite3", "https://x", "file:///tmp/granska.sqlite3"])
def test_db_address_refused_without_making_folders(
        address: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    for argv in (("--db", address, "round", "list"), (f"--db={address}", "checklist", "list"),
                 ("--db", address)):  # the last one would start the window
        code, out, err = run(capsys, *argv)
        assert code == 1
        assert err.startswith("Fel: ") and "Traceback" not in err
        assert "stöds inte i den här versionen" in err and address in err
        assert out == ""
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("path", ["C:\\x\\granska.sqlite3", "c:/data/g.sqlite3",
                                  "granska.sqlite3", "mapp/g.sqlite3"])
def test_db_paths_are_not_addresses(path: str) -> None:
    assert db_argument_error(path) is None


def test_windows_drive_path_used_as_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)  # on Linux "C:\x\g.sqlite3" is one odd file name, not a URL
    code, out, err = run(capsys, "--db", "C:\\x\\g.sqlite3", "round", "list")
    assert code == 0, err
    assert "Inga omgångar" in out
