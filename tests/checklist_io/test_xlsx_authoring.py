"""Checklists written to Excel and read back: same content hash, errors by sheet and cell."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from audit_app.checklist_io.loader import content_hash, parse_checklist
from audit_app.checklist_io.xlsx_export import write_checklist_workbook
from audit_app.checklist_io.xlsx_import import read_checklist_workbook
from audit_app.checklist_io.xlsx_read import WorkbookError
from audit_app.domain.errors import UserError
from audit_app.domain.personnummer import luhn_ok
from tests.checklist_io.test_checklist_doc import full_example

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted((ROOT / "checklists").glob("*.yaml"))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_shipped_checklist_round_trips_with_same_hash(path: Path, tmp_path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    out = tmp_path / f"{path.stem}.xlsx"
    write_checklist_workbook(source, out)
    imported = read_checklist_workbook(out)
    assert content_hash(imported.source) == content_hash(source)
    assert imported.checklist == parse_checklist(source)


def test_doc_example_round_trips(tmp_path: Path) -> None:
    out = tmp_path / "exempel.xlsx"
    write_checklist_workbook(full_example(), out)
    assert content_hash(read_checklist_workbook(out).source) == content_hash(full_example())


EDGE_CASES = """\
id: kant
version: "2.0"
title: "Kantfall: = tecken och radbrytningar"
description: >
  Två rader
  som viks, med radslut.
answer_sets:
  niva:
    type: skala
    options:
      - {value: "1", label: Låg, key: L}
      - {value: "2", label: Hög, key: H}
      - {value: ej_aktuellt, label: Ej aktuellt, counted: false}
    compliant: ["2"]
sections:
  - title: Utan id
    items:
      - id: a
        question: Fråga A?
        help: |
          Rad ett
          Rad två
        answer: ja_nej_ej_aktuellt
        required: false
      - id: b
        question: Fråga B?
        answer: {type: graderad, compliant: []}
        applies_when: [{item: a, equals: ja}]
        comment: true
      - id: c
        question: Fråga C?
        answer: niva
        applies_when: {item: a, in: [nej]}
        target: 87.5
      - id: d
        question: Antal dagar?
        answer: {type: tal, max: 14.5}
  - id: andra
    title: Utan id
    items:
      - id: e
        question: "  Inledande blanksteg"
        answer: {type: niva, compliant: ["1", "2"]}
"""


def test_yaml_forms_round_trip(tmp_path: Path) -> None:
    """Explicit false, a condition list of one, empty compliant, keys, multi-line text."""
    out = tmp_path / "kant.xlsx"
    write_checklist_workbook(EDGE_CASES, out)
    imported = read_checklist_workbook(out)
    assert content_hash(imported.source) == content_hash(EDGE_CASES)
    assert imported.checklist.item("a").help == "Rad ett\nRad två"


def exported(tmp_path: Path, name: str = "utredning") -> Path:
    out = tmp_path / f"{name}.xlsx"
    write_checklist_workbook((ROOT / "checklists" / f"{name}.yaml").read_text("utf-8"), out)
    return out


def test_layout_sheets_headers_and_dropdowns(tmp_path: Path) -> None:
    wb = load_workbook(exported(tmp_path, "aktgranskning-familj"))
    assert wb.sheetnames == ["Punkter", "Alternativ", "Svarsuppsättningar", "Inställningar"]
    items = wb["Punkter"]
    assert [c.value for c in items[1]][:5] == ["avsnitt", "avsnittsrubrik", "id", "fråga",
                                               "svarstyp"]
    assert items["C2"].value == "typ_av_underlag" and items["E2"].value == "val"
    lists = {str(dv.sqref): dv.formula1 for dv in items.data_validations.dataValidation}
    assert "samverkan" in lists["E2:E2000"] and "ja_nej" in lists["E2:E2000"]
    assert lists["F2:F2000"] == '"ja,nej"'
    options = wb["Alternativ"]
    assert [options["B2"].value, options["C2"].value] == ["samverkan", "alla_steg"]
    assert [options["A6"].value, options["C6"].value] == ["typ_av_underlag",
                                                          "barnavardsutredning"]
    sets = wb["Svarsuppsättningar"]
    assert [sets["A2"].value, sets["B2"].value, sets["C2"].value] == [
        "samverkan", "skala", "alla_steg, flertal_moten"]
    settings = {r[0].value: r[1].value for r in wb["Inställningar"].iter_rows(min_row=2)}
    assert settings["id"] == "aktgranskning-familj" and settings["version"] == "1.0"


def edit(path: Path, changes: dict[str, dict[str, object]]) -> Path:
    wb = load_workbook(path)
    for sheet, cells in changes.items():
        for ref, value in cells.items():
            wb[sheet][ref] = value
    out = path.with_name("edited.xlsx")
    wb.save(out)
    return out


def problems(path: Path) -> list[str]:
    with pytest.raises(WorkbookError) as info:
        read_checklist_workbook(path)
    return info.value.problems


def test_unknown_answer_type_named_by_cell(tmp_path: Path) -> None:
    found = problems(edit(exported(tmp_path), {"Punkter": {"E7": "jaa"}}))
    assert any(p.startswith("Punkter!E7: okänd svarstyp 'jaa'") for p in found)


def test_cell_errors_listed_together(tmp_path: Path) -> None:
    found = problems(edit(exported(tmp_path), {"Punkter": {
        "F2": "kanske", "H3": "mycket", "I7": "sip_behov är ja", "D4": None}}))
    assert "Punkter!F2: 'kanske' ska vara ja eller nej" in found
    assert "Punkter!H3: årsmålet 'mycket' är inget tal" in found
    assert any(p.startswith("Punkter!I7: villkoret 'sip_behov är ja'") for p in found)
    assert "Punkter!D4: frågan saknas" in found


def test_loader_errors_mapped_to_cells(tmp_path: Path) -> None:
    found = problems(edit(exported(tmp_path), {"Punkter": {"H8": 150, "C3": "tid_x",
                                                           "C4": "tid_x"}}))
    assert any(p.startswith("Punkter!H8:") for p in found), found
    assert any(p.startswith("Punkter!C4:") and "tid_x" in p and "Punkter!C3" in p
               for p in found), found


def test_option_error_named_in_options_sheet(tmp_path: Path) -> None:
    found = problems(edit(exported(tmp_path, "mottagning"), {"Alternativ": {"C3": "Fel värde"}}))
    assert any(p.startswith("Alternativ!C3:") for p in found), found


def test_option_for_missing_item_and_unknown_column(tmp_path: Path) -> None:
    found = problems(edit(exported(tmp_path), {
        "Alternativ": {"A2": "finns_inte", "C2": "x", "D2": "X"},
        "Punkter": {"P1": "färg", "P2": "röd"}}))
    assert "Alternativ!A2: punkten 'finns_inte' finns inte" in found
    assert any(p.startswith("Punkter!P1: okänd kolumn 'färg'") for p in found)


def test_missing_settings(tmp_path: Path) -> None:
    found = problems(edit(exported(tmp_path), {"Inställningar": {"B3": None, "A9": "färg",
                                                                 "B9": "röd"}}))
    assert "Inställningar: 'version' saknas (kolumn B)" in found
    assert any(p.startswith("Inställningar!A9: okänd inställning 'färg'") for p in found)


def test_formula_refused_text_with_equals_kept(tmp_path: Path) -> None:
    found = problems(edit(exported(tmp_path), {"Punkter": {"J2": "=1+1"}}))
    assert any(p.startswith("Punkter!J2: formler används inte") for p in found)
    source = (ROOT / "checklists" / "utredning.yaml").read_text("utf-8").replace(
        "help: Nej även om", "help: =Nej även om")
    out = tmp_path / "likamed.xlsx"
    write_checklist_workbook(source, out)
    assert read_checklist_workbook(out).checklist.item("inom_fyra_manader").help.startswith("=")


def _personnummer() -> str:
    base = "790412345"  # invented digits; the check digit is computed
    return base + next(c for c in "0123456789" if luhn_ok(base + c))


def test_personnummer_refused(tmp_path: Path) -> None:
    number = _personnummer()
    found = problems(edit(exported(tmp_path), {"Punkter": {"J3": f"Se {number[:6]}-{number[6:]}"}}))
    assert any(p.startswith("Punkter!J3: texten ser ut att innehålla ett personnummer")
               for p in found)
    assert all(number[:6] not in p for p in found)


def test_blank_id_generated_from_question_and_new_section(tmp_path: Path) -> None:
    out = edit(exported(tmp_path), {"Punkter": {
        "A9": "extra", "B9": "Nytt avsnitt", "D9": "Har barnets åsikt återgetts?",
        "E9": "ja_nej", "F9": "ja"}})
    checklist = read_checklist_workbook(out).checklist
    item = checklist.items[-1]
    assert item.id == "har_barnets_asikt_atergetts" and item.required
    assert checklist.sections[-1].id == "extra"


def test_hostile_files(tmp_path: Path) -> None:
    not_zip = tmp_path / "trasig.xlsx"
    not_zip.write_bytes(b"ingen arbetsbok")
    with pytest.raises(UserError, match="ingen giltig Excel-fil"):
        read_checklist_workbook(not_zip)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/big.xml", b"0" * 60_000_000)
    with pytest.raises(UserError, match="orimligt stort"):
        read_checklist_workbook(bomb)
    csv = tmp_path / "lista.csv"
    csv.write_text("a;b\n", encoding="utf-8")
    with pytest.raises(UserError, match="ingen Excel-arbetsbok"):
        read_checklist_workbook(csv)


def test_too_many_rows(tmp_path: Path) -> None:
    wb = load_workbook(exported(tmp_path))
    ws = wb["Punkter"]
    for row in range(9, 5010):
        ws.cell(row=row, column=4, value=f"Fråga {row}")
    out = tmp_path / "lang.xlsx"
    wb.save(out)
    assert any("fler än 5000 rader" in p for p in problems(out))


def test_missing_sheets(tmp_path: Path) -> None:
    wb = load_workbook(exported(tmp_path))
    del wb["Punkter"]
    del wb["Inställningar"]
    out = tmp_path / "utan.xlsx"
    wb.save(out)
    found = problems(out)
    assert "Punkter: bladet saknas eller är tomt" in found
    assert "Inställningar: bladet saknas" in found
