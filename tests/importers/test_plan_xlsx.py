"""The plan read back from its Excel sheet: round trip, a sheet edited by hand, bad cells."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.error_texts import translate_text
from audit_app.domain.errors import UserError
from audit_app.domain.plan import MethodKind
from audit_app.importers.nul import NUL_IN_XML
from audit_app.importers.plan_xlsx import PlanSheetError, parse_method, read_plan_xlsx
from audit_app.services.plan import PlanService
from audit_app.storage.db import Database, open_database
from audit_app.storage.models import ChangeLog
from audit_app.storage.plan_models import PlanControl
from tests.plan_data import MINIMAL, SECOND, UNIT, write_plan

THIRD = """\
  - id: mottagning-full
    title: Skyddsbedömning samma dag
    checklist: mottagning
    items: [anmalan_datum, dagar_till_beslut]
    rule: "-14 dagar enligt riktlinjen"
    reference: "=inte en formel"
    risk: {sannolikhet: 4, konsekvens: 4}
    method: {full: true}
    periods: [T3]
    responsible: Enhetschef
    note: "Två rader:\\nandra raden"
  - id: sista
    title: Stickprov med halva procent
    checklist: utredning-barn
    risk: {sannolikhet: 1, konsekvens: 1}
    method: {stickprov: {confidence: 0.975, tolerable: 0.025}}
    periods: [T1, T3]
"""


def _exported(db: Database, library: ChecklistLibrary, tmp_path: Path) -> Path:
    service = PlanService(db, library, "EC")
    service.import_file(write_plan(tmp_path, MINIMAL + SECOND + THIRD))
    return service.export_file(UNIT, 2024, tmp_path / "plan.xlsx")


def _edit(path: Path, out: Path, cells: dict[str, object], append: list[object] | None = None,
          ) -> Path:
    wb = openpyxl.load_workbook(path)
    ws = wb["Plan"]
    for ref, value in cells.items():
        ws[ref] = value
    if append is not None:
        ws.append(append)
    wb.save(out)
    return out


def _problems(path: Path, library: ChecklistLibrary, db: Database) -> str:
    with pytest.raises(UserError) as info:
        read_plan_xlsx(path, PlanService(db, library, "EC").checklist_items())
    return str(info.value)


def test_exported_sheet_imports_to_the_same_plan(db: Database, library: ChecklistLibrary,
                                                 tmp_path: Path) -> None:
    out = _exported(db, library, tmp_path)
    original = PlanService(db, library, "EC").get(UNIT, 2024)
    assert {c.method.kind for c in original.controls} == set(MethodKind)
    fresh = open_database(tmp_path / "ny.sqlite3")
    try:
        service = PlanService(fresh, library, "GL")
        plan, changes = service.import_file(out)
        assert changes == 4
        assert plan == original and service.get(UNIT, 2024) == original
        assert original.control("mottagning-full").reference == "=inte en formel"
        assert original.control("mottagning-full").note == "Två rader:\nandra raden"
    finally:
        fresh.close()


def test_a_sheet_edited_by_hand_imports_with_its_changes_logged(
        db: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    out = _exported(db, library, tmp_path)
    edited = _edit(out, tmp_path / "ändrad.xlsx", {"G3": 2, "K4": "T1;T3", "J4": "fast 25"},
                   append=["ny-kontroll", "Beslut inom tid", "utredning-barn", "", "SoL", "",
                           "3", 2.0, None, "stickprov 90 % 10 %", "T2", "Gruppledare", ""])
    service = PlanService(db, library, "EC")
    plan, changes = service.import_file(edited)
    new = plan.control("ny-kontroll")
    assert (new.sannolikhet, new.konsekvens, new.method.confidence,
            new.method.tolerable) == (3, 2, 0.9, 0.1)
    assert plan.control("samtal_placerade").sannolikhet == 2
    assert [p.value for p in plan.control("utredningstid").periods] == ["T1", "T3"]
    assert changes == 4
    with db.session() as s:
        log = {(r.action, r.entity_id, r.field, r.old, r.new) for r in s.scalars(
            select(ChangeLog).where(ChangeLog.entity == "plan_control",
                                    ChangeLog.actor == "EC", ChangeLog.action != "create"))}
        created = s.scalars(select(ChangeLog.entity_id).where(
            ChangeLog.action == "create")).all()
        stored = s.scalars(select(PlanControl.control_key).order_by(PlanControl.position))
        assert list(stored) == ["samtal_placerade", "utredningstid", "mottagning-full",
                                "sista", "ny-kontroll"]
    assert log == {
        ("update", f"{UNIT}/2024/samtal_placerade", "sannolikhet", "3", "2"),
        ("update", f"{UNIT}/2024/utredningstid", "periods", "T1,T2,T3", "T1,T3"),
        ("update", f"{UNIT}/2024/utredningstid", "size", "20", "25")}
    assert f"{UNIT}/2024/ny-kontroll" in created


@pytest.mark.parametrize(("cells", "expected"), [
    ({"G3": 5}, "Blad 'Plan', cell G3: sannolikheten ska vara ett heltal 1–4, inte '5'"),
    ({"H4": "hög"}, "Blad 'Plan', cell H4: konsekvensen ska vara ett heltal 1–4, inte 'hög'"),
    ({"G3": "\u00b2"},
     "Blad 'Plan', cell G3: sannolikheten ska vara ett heltal 1–4, inte '\u00b2'"),
    ({"K3": "T1, T4"}, "Blad 'Plan', cell K3: period ska vara T1, T2 eller T3, inte 'T4'"),
    ({"B4": None}, "Blad 'Plan', cell B4: kontrollmomentet saknar rubrik"),
    ({"C5": "okand"}, "Blad 'Plan', cell C5: checklistan 'okand' finns inte; tillgängliga: "),
    ({"J3": "ungefär tio"}, "Blad 'Plan', cell J3: metoden 'ungefär tio' förstås inte"),
    ({"J4": "fast urval om 0 ärenden"}, "Blad 'Plan', cell J4: ett fast urval ska vara 1–"),
    ({"D3": "enskilt_samtal, finns_ej"},
     "Blad 'Plan', cell D3: kontrollpunkten 'finns_ej' finns inte i checklistan"),
    ({"A6": "samtal_placerade"},
     "Blad 'Plan', cell A6: kontrollmomentet 'samtal_placerade' finns redan på rad 3"),
    ({"A1": "Plan utan enhet"}, "Blad 'Plan', cell A1: enhet och år saknas"),
    ({"A1": f"Internkontrollplan {UNIT} 1999"},
     "Blad 'Plan', cell A1: året ska vara ett årtal 2000–2100"),
    ({"I2": "Risk", "J2": "Sätt"}, "Blad 'Plan', rad 2: kolumnen 'Metod' saknas"),
])
def test_bad_cells_are_named_and_nothing_is_stored(
        db: Database, library: ChecklistLibrary, tmp_path: Path, cells: dict[str, object],
        expected: str) -> None:
    out = _exported(db, library, tmp_path)
    bad = _edit(out, tmp_path / "fel.xlsx", cells)
    assert expected in _problems(bad, library, db)
    fresh = open_database(tmp_path / "tom.sqlite3")
    try:
        with pytest.raises(UserError):
            PlanService(fresh, library, "EC").import_file(bad)
        assert PlanService(fresh, library, "EC").plans() == []
    finally:
        fresh.close()


def test_every_bad_cell_is_listed(db: Database, library: ChecklistLibrary,
                                  tmp_path: Path) -> None:
    bad = _edit(_exported(db, library, tmp_path), tmp_path / "fel.xlsx",
                {"G3": 0, "K5": "", "C6": None})
    with pytest.raises(PlanSheetError) as info:
        read_plan_xlsx(bad, PlanService(db, library, "EC").checklist_items())
    assert [p.split(":")[0] for p in info.value.problems] == [
        "Blad 'Plan', cell G3", "Blad 'Plan', cell K5", "Blad 'Plan', cell C6"]


def test_personnummer_and_nul_in_cells_are_refused(db: Database, library: ChecklistLibrary,
                                                   tmp_path: Path) -> None:
    out = _exported(db, library, tmp_path)
    digits = "850709980"  # invented; the check digit is computed
    total = sum(sum(divmod(int(d) * (2 - k % 2), 10)) for k, d in enumerate(digits))
    number = f"{digits[:6]}-{digits[6:]}{(10 - total % 10) % 10}"
    guarded = _edit(out, tmp_path / "pnr.xlsx", {"L4": f"Ansvarig för {number}"})
    assert "Blad 'Plan', cell L4: texten innehåller något som liknar ett personnummer" in \
        _problems(guarded, library, db)
    nul = _edit(out, tmp_path / "nul.xlsx", {"M3": f"a{NUL_IN_XML}b"})
    assert "Cellen 'Plan'!M3 innehåller ett NUL-tecken" in _problems(nul, library, db)


def test_a_sheet_over_the_limits_is_refused_before_openpyxl_reads_it(
        db: Database, library: ChecklistLibrary, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    out = _exported(db, library, tmp_path)
    sheet = "xl/worksheets/sheet1.xml"
    big = tmp_path / "stor.xlsx"
    with zipfile.ZipFile(out) as zin, zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == sheet:
                start = data.index(b'<dimension ref="') + len(b'<dimension ref="')
                end = data.index(b'"', start)
                data = data[:start] + b"A1:M900000" + data[end:]
            zout.writestr(info.filename, data)

    def never(*_args: object, **_kw: object) -> None:
        raise AssertionError("openpyxl opened a file over the limits")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    message = _problems(big, library, db)
    assert message.startswith("stor.xlsx läses inte: bladet sheet1.xml anger 900000 rader")
    assert "internkontrollplan" in message


def test_other_suffixes_and_damaged_files_are_refused(db: Database, library: ChecklistLibrary,
                                                      tmp_path: Path) -> None:
    service = PlanService(db, library, "EC")
    text = tmp_path / "plan.csv"
    text.write_text("id;title\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"plan.csv: en plan läses från en fil som slutar på"):
        service.import_file(text)
    broken = tmp_path / "trasig.xlsx"
    broken.write_bytes(b"PK\x03\x04 inte en arbetsbok")
    with pytest.raises(UserError, match="kan inte läsas som en Excel-fil"):
        service.import_file(broken)


def test_method_texts_as_written_and_short() -> None:
    assert parse_method("Stickprov (95 % konfidens, tolerabel avvikelse 5 %)") == \
        parse_method("stickprov 0,95 0,05")
    assert parse_method("fast urval om 20 ärenden") == parse_method("fixed 20")
    assert parse_method("totalgranskning (alla ärenden)") == parse_method("full")
    assert parse_method("fast 2,5") is None and parse_method("stickprov 95 %") is None


def test_cell_messages_have_english(db: Database, library: ChecklistLibrary,
                                    tmp_path: Path) -> None:
    bad = _edit(_exported(db, library, tmp_path), tmp_path / "fel.xlsx",
                {"G3": 5, "K4": "T9"})
    assert translate_text(_problems(bad, library, db), "en") == (
        "Sheet 'Plan', cell G3: the likelihood must be a whole number 1–4, not '5'\n"
        "Sheet 'Plan', cell K4: the period must be T1, T2 or T3, not 'T9'")


def test_a_sheet_made_by_hand_with_english_headings_in_another_order(
        library: ChecklistLibrary, db: Database, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Kontroller"
    ws.append(["Enhet:", "Mottagningsenheten"])
    ws.append(["År", 2025])
    ws.append([])
    ws.append(["Periods", " METHOD ", "Id", "Control", "Checklist", "Likelihood",
               "Consequence"])
    ws.append(["T2\nT1", "full", "snabb", "Snabba beslut", "mottagning", 2, 3])
    ws.append([])
    ws.append(["T3", "fixed 5", "lagom", "Lagom beslut", "mottagning", "1", 1])
    path = tmp_path / "egen.xlsx"
    wb.save(path)
    plan = read_plan_xlsx(path, PlanService(db, library, "EC").checklist_items())
    assert (plan.unit, plan.year) == ("Mottagningsenheten", 2025)
    assert [(c.control_id, [p.value for p in c.periods], c.method.kind, c.risk)
            for c in plan.controls] == [("snabb", ["T1", "T2"], MethodKind.FULL, 6),
                                        ("lagom", ["T3"], MethodKind.FIXED, 1)]
