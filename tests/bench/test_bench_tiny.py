"""The benchmark runs end to end at a tiny scale (not a timed test: it proves the runner works)."""

from __future__ import annotations

import importlib.util
import json
import sqlite3
from pathlib import Path

from bench.generate import PASSPHRASE, TINY, encrypted_copy, generate_database, write_case_lists
from bench.run import main


def test_generated_data_is_consistent(tmp_path: Path) -> None:
    ids = generate_database(tmp_path / "b.sqlite3", TINY)
    con = sqlite3.connect(tmp_path / "b.sqlite3")
    reviews = con.execute("SELECT COUNT(*) FROM review WHERE status='complete'").fetchone()[0]
    answers = con.execute("SELECT COUNT(*) FROM answer").fetchone()[0]
    sampled = con.execute("SELECT COUNT(*) FROM sample_entry se JOIN sample s ON s.id ="
                          " se.sample_id WHERE s.round_id = ?", (ids["large"],)).fetchone()[0]
    bad = con.execute("SELECT COUNT(*) FROM answer WHERE value='ej_aktuellt' AND compliant"
                      " IS NOT NULL").fetchone()[0]
    assert reviews == TINY.reviews
    assert answers == TINY.reviews * TINY.items
    assert sampled == TINY.round_cases
    assert bad == 0
    xlsx, csv_path = write_case_lists(tmp_path, 30)
    assert len(csv_path.read_text(encoding="cp1252").splitlines()) == 31
    assert xlsx.stat().st_size > 0


def test_encrypted_copy_holds_the_same_rows_under_the_passphrase(tmp_path: Path) -> None:
    from audit_app.storage.crypto import connect, is_encrypted
    from audit_app.storage.db import WrongPassphraseError, open_database

    generate_database(tmp_path / "b.sqlite3", TINY)
    copy = encrypted_copy(tmp_path / "b.sqlite3", tmp_path / "k.sqlite3")
    assert is_encrypted(copy)
    open_database(copy, passphrase=PASSPHRASE, daily_backup=False).close()
    try:
        open_database(copy, passphrase="inte-den-rätta", daily_backup=False)
    except WrongPassphraseError:
        pass
    else:
        raise AssertionError("the copy opened with the wrong passphrase")
    con = connect(copy, PASSPHRASE)
    plain = sqlite3.connect(tmp_path / "b.sqlite3")
    for table in ("answer", "review", '"case"', "sample_entry", "audit_round"):
        query = f"SELECT COUNT(*), SUM(id) FROM {table}"
        assert con.execute(query).fetchone() == plain.execute(query).fetchone()
    con.close()
    plain.close()


def test_runner_writes_results(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    assert main(["--scale", "tiny", "--repeat", "1", "--out", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    names = {row["target"]["name"] for row in data["rows"]}
    assert {"startup_granska", "figures_granska", "import_csv_granska"} <= names
    assert data["encrypted"] is True
    # measured as installed: the program's modules compiled to bytecode first
    window = Path(__file__).resolve().parents[2] / "audit_app" / "ui" / "main_window.py"
    assert Path(importlib.util.cache_from_source(str(window))).is_file()
    startup = next(r for r in data["rows"] if r["target"]["name"] == "startup_granska")
    assert startup["result"]["seconds"] > 0 and startup["baseline"]["seconds"] > 0
    figures = next(r for r in data["rows"] if r["target"]["name"] == "figures_granska")
    assert figures["plain"]["seconds"] > 0  # the plain file, reported beside it
    ready = next(r for r in data["rows"] if r["target"]["name"] == "startup_ready")
    assert ready["result"]["unavailable"] is None and ready["plain"]["seconds"] > 0
    pdf = next(r for r in data["rows"] if r["target"]["name"] == "report_pdf")
    assert pdf["target"]["max_pages"] == 40  # the page count is reported beside the time
    assert 0 < pdf["result"]["extra"]["pages"] <= 40
    assert all(isinstance(r["near"], list) for r in data["rows"])
    for name in ("largest_case_list", "largest_answer_file"):  # peak memory is reported
        row = next(r for r in data["rows"] if r["target"]["name"] == name)
        assert row["result"]["unavailable"] is None and row["result"]["peak_mb"] > 0


def test_largest_files_are_within_the_limits_and_read(tmp_path: Path) -> None:
    from audit_app.importers.answer_files import read_answer_file
    from audit_app.importers.caselist import read_case_list
    from audit_app.importers.limits import ANSWER_FILE, CASE_LIST, check_xlsx
    from bench.largest import write_largest

    files = write_largest(tmp_path, full=False)
    check_xlsx(Path(files["largest_case_list"]), CASE_LIST)
    check_xlsx(Path(files["largest_answer_file"]), ANSWER_FILE)
    result = read_case_list(Path(files["largest_case_list"]))
    assert result.row_count == 199 and not result.problems
    assert len(read_answer_file(Path(files["largest_answer_file"])).cells) == 499


def test_a_pdf_over_its_page_limit_misses() -> None:
    from bench.run import TARGETS, evaluate

    target = next(t for t in TARGETS if t.name == "report_pdf")
    result = {"name": "report_pdf", "seconds": 0.5, "peak_mb": 100.0, "extra": {"pages": 41}}
    assert evaluate(target, result, None)["verdict"] == "MISSAR / MISSES"
    assert evaluate(target, dict(result, extra={"pages": 40}), None)["verdict"] == "ok"
    assert evaluate(target, dict(result, extra={}), None)["verdict"] == "MISSAR / MISSES"


def test_figures_within_15_percent_of_their_limit_are_listed() -> None:
    from bench.run import Target, evaluate

    target = Target("x", "x", "base", max_ratio=2.0, max_seconds=1.0)
    near = evaluate(target, {"seconds": 0.9, "peak_mb": 100.0}, {"seconds": 0.8})
    assert near["verdict"] == "ok" and near["near"] == ["0.9 s av 1"]
    far = evaluate(target, {"seconds": 0.5, "peak_mb": 100.0}, {"seconds": 0.5})
    assert far["near"] == []
    over = evaluate(target, {"seconds": 1.2, "peak_mb": 100.0}, {"seconds": 1.0})
    assert over["verdict"] == "MISSAR / MISSES" and over["near"] == []  # over, not near
