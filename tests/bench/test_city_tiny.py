"""The city-scale benchmark runs end to end at a tiny scale on the local PostgreSQL (it proves
the runner and the lost-update check; the times are not asserted)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from bench.city import main
from bench.city_saves import find_lost


@pytest.mark.slow
def test_city_runner_writes_every_measure_and_loses_no_save(
        pg_admin: Engine, tmp_path: Path) -> None:
    out = tmp_path / "city.json"
    main(["--scale", "tiny", "--repeat", "1", "--seconds", "2", "--think", "0.02",
          "--out", str(out)])
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["answers"] == 3 * 60 * 6
    for name in ("figures_city", "plain_city", "figures_department", "plain_department"):
        assert data["figures"][name]["seconds"] > 0, name
    assert {r["name"] for r in data["rows"]} == {"figures_city", "figures_department", "saves"}
    saves = data["saves"]
    assert saves["errors"] == []
    assert saves["zero_lost_updates"] is True and saves["lost_updates"] == 0
    assert saves["acknowledged_writes"] == saves["change_log_rows"] > 0
    assert saves["shared_cell_writes"] > 0  # two reviewers of a district saved the same cells
    for key in ("p50_ms", "p95_ms", "p99_ms"):
        assert saves[key] > 0
    # the benchmark cleans up after itself: no database or login role is left behind
    with pg_admin.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM pg_database WHERE datname = :d"),
                            {"d": data["database"]}).scalar_one() == 0
        assert conn.execute(text("SELECT count(*) FROM pg_roles WHERE starts_with(rolname, :d)"),
                            {"d": data["database"]}).scalar_one() == 0


def test_a_lost_update_is_found() -> None:
    """Two saves acknowledged with the same version of a cell: one was overwritten unseen."""
    cell = (7, "punkt_01")
    both = {cell: [(1, "ja"), (2, "nej"), (2, "ej_aktuellt")]}
    assert find_lost(both, {cell: (2, "ej_aktuellt")}, 3) == [
        "(7, 'punkt_01'): versions [1, 2, 2] against stored 2"]
    fine = {cell: [(1, "ja"), (2, "nej")]}
    assert find_lost(fine, {cell: (2, "nej")}, 2) == []
    assert find_lost(fine, {cell: (2, "ja")}, 2) == [
        "(7, 'punkt_01'): stored 'ja', last acknowledged 'nej'"]
    assert find_lost(fine, {cell: (2, "nej"), (8, "punkt_02"): (1, "ja")}, 3) == [
        "(8, 'punkt_02'): stored but never acknowledged",
        "change log 3 rows, acknowledged saves 2"]
    assert find_lost(fine, {}, 2) == ["(7, 'punkt_01'): acknowledged but not stored"]
