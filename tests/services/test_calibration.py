"""Double review: the re-performable subset, blindness, agreement, reconciling, chosen cases."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.errors import ConflictError, UserError
from audit_app.domain.reviews import PersonnummerError
from audit_app.domain.sampling import rank_key
from audit_app.reports.json_report import report_json
from audit_app.reports.xlsx import write_xlsx
from audit_app.services.calibration import CalibrationService
from audit_app.services.chosen import ChosenCaseService
from audit_app.services.figures import FigureService
from audit_app.services.reviews import ReviewService
from audit_app.services.sampling import SamplingService
from audit_app.storage.db import Database
from audit_app.storage.models import Answer, ChangeLog
from tests.factories import round_with_sample
from tests.storage.test_text_guard import PNR_TEXT

BASE = {"enskilt_samtal": "ja", "samtal_var_tredje_manad": "ja", "genomforandeplan": "nej"}


def _first(db: Database, round_id: int, case_id: int, vardplan: str,
           actor: str = "GrA") -> None:
    service = ReviewService(db, actor)
    for item, value in {**BASE, "vardplan": vardplan}.items():
        service.set_answer(round_id, case_id, item, value)
    service.complete(round_id, case_id)


def _second(db: Database, round_id: int, ref: str, vardplan: str, actor: str = "GrB") -> None:
    service = CalibrationService(db, actor)
    for item, value in {**BASE, "vardplan": vardplan}.items():
        service.set_answer(round_id, ref, item, value)
    service.complete(round_id, ref)


def test_subset_is_drawn_re_performably(db: Database, library: ChecklistLibrary) -> None:
    rnd, _ = round_with_sample(db, library, 5, reserve=2)
    refs = CalibrationService(db, "Mentor").draw(rnd.id, share=0.4)
    sampled = [f"2026-{k:04d}" for k in range(1, 6)]
    expected = sorted(sampled, key=lambda r: (rank_key("test/kalibrering", r), r))[:2]
    assert refs == expected  # ⌈0.4 · 5⌉ = 2, in the keyed-hash order of the sample's seed
    assert [c.case_ref for c in CalibrationService(db, "Mentor").cases(rnd.id)] == expected
    with pytest.raises(ConflictError):
        CalibrationService(db, "Mentor").draw(rnd.id, size=1)


def test_subset_size_is_checked(db: Database, library: ChecklistLibrary) -> None:
    rnd, _ = round_with_sample(db, library, 3)
    with pytest.raises(UserError, match="mellan 1 och 3"):
        CalibrationService(db, "Mentor").draw(rnd.id, size=4)
    with pytest.raises(UserError, match="antingen"):
        CalibrationService(db, "Mentor").draw(rnd.id)


def test_second_answers_stay_hidden_until_both_are_complete(db: Database,
                                                            library: ChecklistLibrary) -> None:
    rnd, cases = round_with_sample(db, library, 2)
    CalibrationService(db, "Mentor").draw(rnd.id, size=2)
    ref = "2026-0001"
    _second(db, rnd.id, ref, "ja")
    with pytest.raises(UserError, match="båda granskningarna"):
        CalibrationService(db, "GrA").second_answers(rnd.id, ref)
    with pytest.raises(UserError, match="någon annan"):  # GrB may not do the first review too
        ReviewService(db, "GrB").set_answer(rnd.id, cases[0], "vardplan", "ja")
    CalibrationService(db, "GrB").set_answer(rnd.id, "2026-0002", "vardplan", "ja")
    with pytest.raises(UserError, match="båda granskningarna"):  # GrB has not completed 0002
        ReviewService(db, "GrB").review(rnd.id, cases[1])
    assert ReviewService(db, "GrB").review(rnd.id, cases[0]).case_ref == ref  # 0001 is done
    _first(db, rnd.id, cases[0], "nej")
    assert CalibrationService(db, "GrA").second_answers(rnd.id, ref)["vardplan"] == "ja"
    _first(db, rnd.id, cases[1], "ja")
    with pytest.raises(UserError, match="någon annan"):  # GrA may not be her own second
        CalibrationService(db, "GrA").set_answer(rnd.id, "2026-0002", "vardplan", "ja")


def test_kappa_disagreements_and_reconciling(db: Database, library: ChecklistLibrary) -> None:
    """vardplan over five cases, A: ja ja nej nej ja, B: ja nej nej nej ja.
    p_o = 4/5; A says ja 3/5, B 2/5; p_e = 0.6·0.4 + 0.4·0.6 = 0.48;
    κ = (0.8 − 0.48)/0.52 = 8/13 = 0.6154."""
    rnd, cases = round_with_sample(db, library, 5)
    CalibrationService(db, "Mentor").draw(rnd.id, size=5)
    first, second = "ja ja nej nej ja".split(), "ja nej nej nej ja".split()
    for k, case_id in enumerate(cases):
        _first(db, rnd.id, case_id, first[k])
        _second(db, rnd.id, f"2026-{k + 1:04d}", second[k])
    service = CalibrationService(db, "Mentor")
    found = service.agreement(rnd.id)
    assert found["vardplan"].kappa == pytest.approx(8 / 13)
    assert found["vardplan"].percent == pytest.approx(0.8) and not found["vardplan"].weighted
    assert found["enskilt_samtal"].kappa is None  # all "ja": undefined, not a crash
    assert found["enskilt_samtal"].percent == 1.0
    [diff] = service.disagreements(rnd.id)
    assert (diff.case_ref, diff.item_id, diff.first, diff.second) == (
        "2026-0002", "vardplan", "ja", "nej")
    assert (diff.first_reviewer, diff.second_reviewer, diff.reconciled) == ("GrA", "GrB", None)
    with pytest.raises(PersonnummerError):
        service.reconcile(rnd.id, "2026-0002", "vardplan", "nej", PNR_TEXT)
    with pytest.raises(UserError, match="motivering"):
        service.reconcile(rnd.id, "2026-0002", "vardplan", "nej", " ")
    service.reconcile(rnd.id, "2026-0002", "vardplan", "nej", "Vårdplanen saknar underskrift")
    with db.session() as s:
        stored = s.scalar(select(Answer).where(Answer.review_id.is_not(None),
                                               Answer.item_id == "vardplan",
                                               Answer.answered_by == "Mentor"))
        assert stored is not None and stored.value == "nej" and stored.compliant is False
        log = s.scalar(select(ChangeLog).where(ChangeLog.action == "reconcile"))
        assert log is not None and (log.old, log.new, log.case_ref) == ("ja", "nej",
                                                                        "2026-0002")
        assert log.reason == "Vårdplanen saknar underskrift" and log.actor == "Mentor"
    # the two independent readings still give the same agreement
    assert service.agreement(rnd.id)["vardplan"].kappa == pytest.approx(8 / 13)
    [diff] = service.disagreements(rnd.id)
    assert diff.first == "ja" and diff.reconciled == "nej" and "underskrift" in (diff.reason
                                                                                 or "")
    report = FigureService(db).compute([rnd.id])
    assert report.item("vardplan").total.x == 2  # the reconciled answer counts
    item = next(i for i in report_json(report)["items"] if i["id"] == "vardplan")
    assert item["agreement"] == {"cases": 5, "percent": 0.8, "kappa": round(8 / 13, 6),
                                 "low": pytest.approx(item["agreement"]["low"]),
                                 "high": 1.0, "weighted": False, "note": None}
    assert -1 <= item["agreement"]["low"] < 8 / 13


def test_chosen_cases_stay_out_of_the_sample_figures(db: Database,
                                                     library: ChecklistLibrary) -> None:
    rnd, cases = round_with_sample(db, library, 4, reserve=1)
    for k, case_id in enumerate(cases):
        _first(db, rnd.id, case_id, "ja" if k % 2 else "nej")
    before = FigureService(db).compute([rnd.id])
    frame = SamplingService(db, "Mentor").frame_size(rnd.id)
    chosen = ChosenCaseService(db, "Mentor")
    in_list = chosen.add(rnd.id, "2026-0005", "Placering som bröt samman")
    outside = chosen.add(rnd.id, "X-77", "Anmält till IVO")
    assert in_list.in_frame and not outside.in_frame
    with pytest.raises(UserError, match="redan i stickprovet"):
        chosen.add(rnd.id, "2026-0001", "Redan draget")
    with pytest.raises(ConflictError):
        chosen.add(rnd.id, "X-77", "Igen")
    with pytest.raises(PersonnummerError):
        chosen.add(rnd.id, "X-78", PNR_TEXT)
    assert SamplingService(db, "Mentor").frame_size(rnd.id) == frame
    rows = ReviewService(db, "GrA").case_rows(rnd.id)
    assert [r.case_ref for r in rows if r.chosen] == ["2026-0005", "X-77"]
    for row in rows[-2:]:
        _first(db, rnd.id, row.case_id, "nej")
    after = FigureService(db).compute([rnd.id])
    for old, new in zip(before.items, after.items, strict=True):
        assert (old.total, old.units, old.genders, old.periods) == (
            new.total, new.units, new.genders, new.periods), old.item_id
    assert after.reviews == before.reviews == 4
    assert before.item("vardplan").chosen is None
    chosen_fig = after.item("vardplan").chosen
    assert chosen_fig is not None and (chosen_fig.n, chosen_fig.x) == (2, 0)
    data = report_json(after)
    assert data["chosen_cases"] == [
        {"round": rnd.name, "case": "2026-0005", "reason": "Placering som bröt samman"},
        {"round": rnd.name, "case": "X-77", "reason": "Anmält till IVO"}]
    assert report_json(after, publication=True)["chosen_cases"] == []
    behind = FigureService(db).cases_behind([rnd.id], "vardplan")
    assert "X-77" not in {c.case_ref for c in behind} and len(behind) == 4


def test_workbook_has_agreement_and_chosen_sheets(db: Database, library: ChecklistLibrary,
                                                  tmp_path: Path) -> None:
    rnd, cases = round_with_sample(db, library, 3)
    CalibrationService(db, "Mentor").draw(rnd.id, size=3)
    for k, (a, b) in enumerate([("ja", "ja"), ("nej", "nej"), ("ja", "nej")]):
        _first(db, rnd.id, cases[k], a)
        _second(db, rnd.id, f"2026-{k + 1:04d}", b)
    row = ChosenCaseService(db, "Mentor").add(rnd.id, "X-1", "Svårt ärende")
    _first(db, rnd.id, row.case_id, "nej")
    report = FigureService(db).compute([rnd.id])
    path = tmp_path / "resultat.xlsx"
    write_xlsx(report, FigureService(db).data_rows([rnd.id]), path)
    wb = load_workbook(path, read_only=True)
    rows = list(wb["Överensstämmelse"].iter_rows(values_only=True))
    vardplan = next(r for r in rows if r[1] == "Finns en vårdplan?")
    # A: ja nej ja, B: ja nej nej: p_o = 2/3, p_e = 2/3·1/3 + 1/3·2/3 = 4/9, κ = 0.4
    assert vardplan[2:5] == (3, 2, pytest.approx(2 / 3))
    assert vardplan[5] == pytest.approx(0.4) and vardplan[8] == "Nej"
    chosen = next(r for r in wb["Valda ärenden"].iter_rows(values_only=True)
                  if r[1] == "Finns en vårdplan?")
    assert chosen[2:4] == (1, 0)
    wb.close()


def test_a_chosen_reserve_case_is_passed_over_as_replacement(db: Database,
                                                             library: ChecklistLibrary) -> None:
    rnd, _ = round_with_sample(db, library, 2, reserve=2)
    ChosenCaseService(db, "Mentor").add(rnd.id, "2026-0003", "Känt ärende")
    assert SamplingService(db, "Mentor").exclude(rnd.id, "2026-0001", "Fel typ") == "2026-0004"
