"""A unit's year on the command line: a hand-written plan, T1 and T2 reviewed from answer
workbooks, the deviations, an action, and the VB chapter's Word file against the report JSON."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import docx
import pytest
from openpyxl import Workbook, load_workbook

from tests.cli.test_cli import run
from tests.plan_data import MINIMAL, UNIT

ITEMS = ("enskilt_samtal", "samtal_var_tredje_manad", "viewpoint", "genomforandeplan",
         "vardplan")


def case_list(path: Path, period: int, n: int = 30) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Ärende-ID", "Enhet", "Kön", "Födelseår", "Avslutsdatum"])
    for k in range(n):
        ws.append([f"FH-{period}{k + 1:03d}", UNIT, "Flicka" if k % 2 else "Pojke",
                   2010 + k % 6, datetime(2024, 4 * period - 2, k % 28 + 1)])
    wb.save(path)
    return path


def answer(path: Path, good: int) -> int:
    """Fill the template: the first `good` cases meet every item, the rest miss two."""
    wb = load_workbook(path)
    ws = wb["Granskning"]
    cols = {ws.cell(1, c).value: c for c in range(1, ws.max_column + 1)}
    row = 3
    while ws.cell(row, 1).value:
        ok = row - 3 < good
        for item in ITEMS:
            value = "ja" if ok or item not in ("enskilt_samtal", "genomforandeplan") else "nej"
            ws.cell(row, cols[item], value)
        if ok:  # asked only where a plan exists
            ws.cell(row, cols["genomforandeplan_anvands"], "ja")
        row += 1
    wb.save(path)
    return row - 3


def test_the_year_from_plan_to_vb_chapter(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    db = ("--db", str(tmp_path / "g.sqlite3"))
    plan = tmp_path / "plan.yaml"
    plan.write_text(MINIMAL, encoding="utf-8")
    assert run(capsys, *db, "plan", "import", str(plan))[0] == 0
    rounds = {}
    for period, good in ((1, 10), (2, 19)):
        name = f"Samtal T{period} 2024"
        rounds[period] = name
        assert run(capsys, *db, "round", "create", name, "--control", "samtal_placerade",
                   "--period", f"T{period}")[0] == 0
        assert run(capsys, *db, "cases", "import", name,
                   str(case_list(tmp_path / f"lista{period}.xlsx", period)))[0] == 0
        code, out, err = run(capsys, *db, "sample", "draw", name, "--seed", f"frö-{period}")
        assert code == 0, err
        assert "Metod enligt internkontrollplanen (samtal_placerade)" in out
        book = tmp_path / f"svar{period}.xlsx"
        assert run(capsys, *db, "reviews", "template", name, "--out", str(book))[0] == 0
        reviewed = answer(book, good)
        code, _, err = run(capsys, *db, "reviews", "import", name, str(book))
        assert code == 0, err
    code, out, _ = run(capsys, *db, "plan", "status", "--unit", UNIT, "--year", "2024")
    assert code == 0 and out.count("\tklar\t") == 2
    code, out, _ = run(capsys, *db, "deviations", "list", "--unit", UNIT, "--year", "2024")
    found = [line.split("\t")[:3] for line in out.splitlines()[1:]]
    assert ["samtal_placerade", "T1", "enskilt_samtal"] in found
    assert run(capsys, *db, "deviations", "analyse", "samtal_placerade", "T1",
               "enskilt_samtal", "--text", "Samtalen bokades inte in.")[0] == 0
    assert run(capsys, *db, "actions", "add", "samtal_placerade", "T1", "enskilt_samtal",
               "--what", "Samtal bokas vid varje besök", "--responsible", "Gruppledare",
               "--due", "2024-06-30")[0] == 0
    chapter = tmp_path / "vb.docx"
    vb_json = tmp_path / "vb.json"
    assert run(capsys, *db, "vb", "--unit", UNIT, "--year", "2024", "--docx", str(chapter),
               "--json", str(vb_json))[0] == 0
    report_json = tmp_path / "report.json"
    assert run(capsys, *db, "report", rounds[1], rounds[2], "--json", str(report_json))[0] == 0
    report = json.loads(report_json.read_text(encoding="utf-8"))
    vb = json.loads(vb_json.read_text(encoding="utf-8"))
    control = vb["controls"][0]
    table = next(t for t in docx.Document(str(chapter)).tables
                 if t.rows[0].cells[0].text == "Kontrollpunkt")
    head = [c.text for c in table.rows[0].cells]
    items = {i["id"]: i for i in report["items"]}
    assert [i["id"] for i in control["items"]] == ["enskilt_samtal", "genomforandeplan"]
    for row, item_id in zip(table.rows[1:], ("enskilt_samtal", "genomforandeplan"),
                            strict=True):
        for label, column in (("T1 2024", "T1"), ("T2 2024", "T2"), ("VB 2024", "VB")):
            fig = items[item_id]["periods"][label]
            assert control["periods"][column]["items"][item_id] == fig
            assert row.cells[head.index(column)].text.startswith(
                f"{fig['compliant']} av {fig['n']} (")
    assert control["periods"]["T1"]["sample"] == reviewed
    assert control["periods"]["T1"]["population"] == 30
    [dev] = [d for d in control["deviations"]
             if (d["period"], d["item"]) == ("T1", "enskilt_samtal")]
    assert dev["analysis"] == "Samtalen bokades inte in."
    assert dev["actions"][0]["next_figure"] == control["periods"]["T2"]["items"][
        "enskilt_samtal"]
