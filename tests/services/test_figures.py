"""FigureService against figures computed by hand, including the seeds' own reported figures."""

from __future__ import annotations

import math

import pytest

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.errors import UserError
from audit_app.domain.figures import Figure, GroupKey, GroupKind, Verdict, judge, wilson
from audit_app.domain.rounds import Period
from audit_app.services.figures import FigureService
from audit_app.services.reviews import ReviewService
from audit_app.storage.db import Database
from tests.factories import round_with_sample
from tests.figure_data import fill, placerade, seed_utredning, utredning


def hand_wilson(x: int, n: int) -> tuple[float, float]:
    z = 1.959964
    p = x / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return centre - half, centre + half


def test_wilson_known_values() -> None:
    # textbook values: 8 of 10 gives 0.4902-0.9433; 0 of 10 gives 0-0.2775
    low, high = wilson(8, 10) or (0, 0)
    assert (round(low, 4), round(high, 4)) == (0.4902, 0.9433)
    assert wilson(0, 10) == (0.0, pytest.approx(0.27753, abs=1e-5))
    assert wilson(10, 10) == (pytest.approx(0.72247, abs=1e-5), 1.0)
    assert wilson(0, 0) is None
    assert wilson(26, 46) == pytest.approx(hand_wilson(26, 46))


def test_verdicts() -> None:
    assert judge(26, 46, 70) is Verdict.NOT_MET  # high 69.8 % < 70 %
    assert judge(45, 46, 70) is Verdict.MET
    assert judge(8, 10, 80) is Verdict.UNCLEAR
    assert judge(9, 10, 100) is Verdict.NOT_MET and judge(10, 10, 100) is Verdict.MET
    assert judge(3, 4, None) is Verdict.NO_TARGET and judge(0, 0, 50) is Verdict.NO_DATA
    assert Figure(4, 4).small and not Figure(5, 4).small


def test_signs_of_safety_26_of_46(db: Database, library: ChecklistLibrary) -> None:
    round_id, _ = seed_utredning(db, library)
    report = FigureService(db).compute([round_id])
    sos = report.item("signs_of_safety").total
    assert (sos.x, sos.n) == (26, 46)
    assert round(sos.rate * 100, 2) == 56.52  # type: ignore[operator]
    assert (sos.low, sos.high) == pytest.approx(hand_wilson(26, 46))
    assert sos.target == 70 and sos.verdict is Verdict.NOT_MET
    assert sos.counts == {"ja": 26, "nej": 20}
    assert report.reviews == 46 and report.reviewers == ("GL",)


def test_ej_aktuellt_left_out_of_n(db: Database, library: ChecklistLibrary) -> None:
    round_id, _ = seed_utredning(db, library)
    fig = FigureService(db).compute([round_id]).item("tidsgrans").total
    answers = [utredning(k)["tidsgrans"] for k in range(46)]
    assert fig.counts["ej_aktuellt"] == answers.count("ej_aktuellt") == 4
    assert fig.n == 42 and fig.x == answers.count("ja")


def test_of_these_denominator(db: Database, library: ChecklistLibrary) -> None:
    summary, cases = round_with_sample(db, library, 29)
    fill(db, summary.id, cases, placerade)
    report = FigureService(db).compute([summary.id])
    plan = report.item("genomforandeplan").total
    used = report.item("genomforandeplan_anvands")
    assert (plan.x, plan.n) == (24, 29) and round(plan.rate * 100, 1) == 82.8  # type: ignore
    assert (used.total.x, used.total.n) == (18, 24)  # only where a plan exists
    assert used.condition == "genomforandeplan = ja"
    assert report.item("vardplan").total.x == 28
    assert round(report.item("vardplan").total.rate * 100, 1) == 96.6  # type: ignore
    assert report.item("enskilt_samtal").total.n == 28  # one ej_aktuellt
    failed = report.item("genomforandeplan").failed_cases
    assert failed == tuple(f"2026-{k + 1:04d}" for k in range(24, 29))


def test_girls_boys_units_and_vb(db: Database, library: ChecklistLibrary) -> None:
    t1, _ = seed_utredning(db, library)
    t2, _ = seed_utredning(db, library, n=20, period="T2", name="Utredning T2 2026",
                           answers=lambda k: utredning(45 - k))
    report = FigureService(db).compute([t1, t2])
    item = report.item("signs_of_safety")
    # T2 cases k=0..19 answer as T1's case 45-k: all "nej" (45-k >= 26)
    t1_2026 = item.periods[GroupKey(GroupKind.PERIOD, 2026, Period.T1)]
    t2_2026 = item.periods[GroupKey(GroupKind.PERIOD, 2026, Period.T2)]
    vb_2026 = item.periods[GroupKey(GroupKind.VB, 2026)]
    assert (t1_2026.x, t1_2026.n) == (26, 46)
    assert (t2_2026.x, t2_2026.n) == (0, 20)
    assert (vb_2026.x, vb_2026.n) == (26, 66)
    genders = ("flicka", "pojke", "flicka", "pojke", "okant")
    for g in ("flicka", "pojke", "okant"):
        t1_n = sum(1 for k in range(46) if genders[k % 5] == g)
        t1_x = sum(1 for k in range(26) if genders[k % 5] == g)
        t2_n = sum(1 for k in range(20) if genders[k % 5] == g)
        fig = item.genders[GroupKey(GroupKind.GENDER, value=g)]
        assert (fig.x, fig.n) == (t1_x, t1_n + t2_n)
    girls = FigureService(db).compute([t1, t2], gender="flicka")
    assert girls.item("signs_of_safety").total == item.genders[
        GroupKey(GroupKind.GENDER, value="flicka")]
    assert {k.value for k in item.units} == {"Utredning Norr", "Utredning Syd"}
    assert sum(f.n for f in item.units.values()) == 66
    north = FigureService(db).compute([t1], unit="Utredning Norr").item("signs_of_safety")
    assert north.total.n == 23 and north.total.x == 13


def test_last_year_and_comments(db: Database, library: ChecklistLibrary) -> None:
    t1, _ = seed_utredning(db, library)
    seed_utredning(db, library, n=10, year=2025, name="Utredning T1 2025")
    item = FigureService(db).compute([t1]).item("signs_of_safety")
    last = item.last_year[GroupKey(GroupKind.LAST_YEAR, 2025, Period.T1)]
    assert (last.x, last.n) == (10, 10)
    assert [(c.case_ref, c.text) for c in item.comments] == [
        ("2026-0001", "Mappning med nätverket"), ("2026-0031", "Ingen kartläggning dokumenterad")]


def test_drafts_not_counted_and_cases_behind(db: Database, library: ChecklistLibrary) -> None:
    round_id, cases = seed_utredning(db, library, n=6)
    ReviewService(db, "GL").reopen(round_id, cases[0], "Rättelse")
    service = FigureService(db)
    assert service.compute([round_id]).item("signs_of_safety").total.n == 5
    behind = service.cases_behind([round_id], "signs_of_safety", compliant=True)
    assert [c.case_ref for c in behind] == [f"2026-{k:04d}" for k in range(2, 7)]
    # case 0 was the only "nej" on tidsgrans, and it is a draft again
    assert service.cases_behind([round_id], "tidsgrans", value="nej") == []
    assert len(service.cases_behind([round_id], "signs_of_safety")) == 5


def test_different_checklists_refused(db: Database, library: ChecklistLibrary) -> None:
    a, _ = seed_utredning(db, library, n=2)
    b, _ = round_with_sample(db, library, 2, name="P")
    with pytest.raises(UserError, match="olika checklistor"):
        FigureService(db).compute([a, b.id])


def test_last_year_span_and_its_cases_match(db: Database, library: ChecklistLibrary) -> None:
    t1, _ = seed_utredning(db, library, n=6)
    t3, _ = seed_utredning(db, library, n=7, period="T3", name="Utredning T3 2026")
    for n, period in ((3, "T1"), (4, "T2"), (5, "T3")):
        seed_utredning(db, library, n=n, period=period, year=2025,
                       name=f"Utredning {period} 2025")
    service = FigureService(db)
    item = service.compute([t1, t3]).item("signs_of_safety")
    span = GroupKey(GroupKind.LAST_YEAR, 2025, Period.T1, until=Period.T3)
    assert list(item.last_year) == [GroupKey(GroupKind.LAST_YEAR, 2025, Period.T1), span,
                                    GroupKey(GroupKind.LAST_YEAR, 2025, Period.T3)]
    assert item.last_year[span].n == 3 + 5  # T2 2025 has no round this year: not counted
    behind = service.cases_behind([t1, t3], "signs_of_safety", group=span)
    assert len(behind) == item.last_year[span].n
    assert {c.round_name for c in behind} == {"Utredning T1 2025", "Utredning T3 2025"}
    t3_2025 = service.cases_behind([t1, t3], "signs_of_safety",
                                   group=GroupKey(GroupKind.LAST_YEAR, 2025, Period.T3))
    assert len(t3_2025) == 5
