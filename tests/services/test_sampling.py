"""SamplingService on a real database: draw, protocol, exclusion with replacement, verify."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.errors import UserError
from audit_app.domain.sampling import draw, frame_sha256
from audit_app.services.rounds import RoundService
from audit_app.services.sampling import SamplingService
from audit_app.storage.db import Database
from audit_app.storage.models import AuditRound, Case, CaseImport, ChangeLog, Review, SampleEntry

UNITS = ("Familjehem", "Mottagning", "Utredning")


def make_round(db: Database, library: ChecklistLibrary, cases: int = 60,
               name: str = "Placerade T1 2026") -> int:
    """A round whose frame holds invented cases spread over three units and four months."""
    summary = RoundService(db, library, "GL").create(name, "placerade-barn", 2026, "T1")
    with db.session() as s:
        imp = CaseImport(round_id=summary.id, file_name="avslutade_T1.xlsx", sha256="0" * 64,
                         rows=cases, imported_by="GL", imported_at=datetime.now())
        s.add(imp)
        s.flush()
        for k in range(cases):
            s.add(Case(round_id=summary.id, case_ref=f"2026-{k + 1:04d}",
                       unit=UNITS[k % 3] if k % 7 else "Familjehem",
                       gender=("flicka", "pojke")[k % 2], closing_date=date(2026, 1 + k % 4, 10),
                       import_id=imp.id))
    return summary.id


def test_draw_stores_sample_reserve_and_protocol(db: Database,
                                                 library: ChecklistLibrary) -> None:
    rid = make_round(db, library)
    proto = SamplingService(db, "Granskare AG").draw(rid, size=12, seed="abc123")
    assert proto.population == 60 and proto.size == 12 and proto.seed == "abc123"
    assert proto.source_files == ["avslutade_T1.xlsx"]
    refs = [f"2026-{k + 1:04d}" for k in range(60)]
    assert proto.frame_sha256 == frame_sha256(refs)
    expected = draw([(r, "") for r in refs], 12, "abc123")
    assert sorted(proto.sampled_refs) == sorted(c.case_ref for c in expected.sample)
    assert proto.created_by == "Granskare AG"
    text = proto.text()
    assert "abc123" in text and "avslutade_T1.xlsx" in text and "N = 60" in text
    with db.session() as s:
        roles = s.scalars(select(SampleEntry.role)).all()
        assert roles.count("sample") == 12 and roles.count("reserve") == 48
        assert s.scalar(select(ChangeLog).where(ChangeLog.action == "draw")) is not None


def test_computed_size_uses_hypergeometric_with_frame(db: Database,
                                                      library: ChecklistLibrary) -> None:
    rid = make_round(db, library)
    proto = SamplingService(db, "GL").draw(rid, confidence=0.95, tolerable=0.05)
    assert proto.size < 59
    assert "hypergeometriska" in proto.size_basis and "N = 60" in proto.size_basis
    assert len(proto.seed) == 16


def test_refusals(db: Database, library: ChecklistLibrary) -> None:
    service = SamplingService(db, "GL")
    empty = RoundService(db, library, "GL").create("Tom", "placerade-barn", 2026, "T2")
    with pytest.raises(UserError, match="tom"):
        service.draw(empty.id, size=5)
    rid = make_round(db, library)
    with pytest.raises(UserError, match="tom"):
        service.draw(rid, size=5, date_from=date(2027, 1, 1))
    service.draw(rid, size=5)
    with pytest.raises(UserError, match="redan ett stickprov"):
        service.draw(rid, size=5)
    other = make_round(db, library, name="Låst")
    RoundService(db, library, "GL").lock(other)
    with pytest.raises(UserError, match="låst"):
        service.draw(other, size=5)


def test_stratified_and_date_filter(db: Database, library: ChecklistLibrary) -> None:
    rid = make_round(db, library)
    proto = SamplingService(db, "GL").draw(rid, size=10, seed="s", stratify="proportional",
                                           date_from=date(2026, 1, 1),
                                           date_to=date(2026, 2, 28))
    assert proto.population == 30
    assert sum(st.size for st in proto.strata) == 10
    assert {st.name for st in proto.strata} == set(UNITS)
    assert "avslutsdatum från 2026-01-01" in proto.filters
    cases = SamplingService(db, "GL").sampled_cases(rid)
    assert len(cases) == 10 and all(c.unit == c.stratum for c in cases)


def test_exclude_replaces_with_next_reserve_of_stratum(db: Database,
                                                       library: ChecklistLibrary) -> None:
    rid = make_round(db, library, cases=12)
    service = SamplingService(db, "GL")
    service.draw(rid, size=6, seed="x", stratify="equal")
    first = service.sampled_cases(rid)[0]
    with db.session() as s:
        expected = s.scalar(select(Case.case_ref).join(SampleEntry,
                                                       SampleEntry.case_id == Case.id)
                            .where(SampleEntry.role == "reserve",
                                   SampleEntry.stratum == first.stratum)
                            .order_by(SampleEntry.position))
    replacement = service.exclude(rid, first.case_ref, "Ärendet flyttat till annan kommun")
    assert replacement == expected
    refs = [c.case_ref for c in service.sampled_cases(rid)]
    assert first.case_ref not in refs and replacement in refs and len(refs) == 6
    proto = service.protocol(rid)
    assert proto.exclusions[0].case_ref == first.case_ref
    assert proto.exclusions[0].replacement == replacement
    assert "flyttat" in proto.text()
    assert service.verify(rid).matches


def test_exclude_refusals(db: Database, library: ChecklistLibrary) -> None:
    rid = make_round(db, library, cases=3)
    service = SamplingService(db, "GL")
    service.draw(rid, size=2, seed="x")
    a, b = (c.case_ref for c in service.sampled_cases(rid))
    service.exclude(rid, a, "fel ärendetyp")
    with pytest.raises(UserError, match="Reservlistan är slut"):
        service.exclude(rid, b, "fel ärendetyp")
    with pytest.raises(UserError, match="ingår inte"):
        service.exclude(rid, a, "igen")
    with db.session() as s:
        case_id = s.scalar(select(Case.id).where(Case.case_ref == b))
        definition_id = s.scalar(select(AuditRound.definition_id).where(AuditRound.id == rid))
        review = Review(uid="r-1", round_id=rid, case_id=case_id, definition_id=definition_id,
                        reviewer="GL", status="complete", created_at=datetime.now(),
                        updated_at=datetime.now(), completed_at=datetime.now())
        s.add(review)
    with pytest.raises(UserError, match="klar granskning"):
        service.exclude(rid, b, "fel")


def test_verify_detects_changed_frame(db: Database, library: ChecklistLibrary) -> None:
    rid = make_round(db, library, cases=20)
    service = SamplingService(db, "GL")
    service.draw(rid, size=5, seed="fixed")
    assert service.verify(rid).matches
    with db.session() as s:
        s.add(Case(round_id=rid, case_ref="2026-9999", unit="Familjehem"))
    result = service.verify(rid)
    assert not result.matches and "ändrats" in result.message


def test_protocol_of_sample_made_elsewhere(db: Database, library: ChecklistLibrary) -> None:
    from tests.factories import round_with_sample

    summary, _ = round_with_sample(db, library, n=3, reserve=2)
    service = SamplingService(db, "GL")
    proto = service.protocol(summary.id)
    assert proto.method == "test" and proto.size == 3
    assert [(st.population, st.size) for st in proto.strata] == [(5, 3)]
    assert "2026-0001" in proto.text()
    assert not service.verify(summary.id).matches


def _personnummer(birth: str = "010203", serial: str = "123") -> str:
    """An invented personnummer with a valid Luhn check digit (for the guard test only)."""
    digits = birth + serial
    total = 0
    for n, ch in enumerate(digits):
        value = int(ch) * (2 if n % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return f"{birth}-{serial}{(10 - total % 10) % 10}"


def test_exclusion_reason_with_a_personnummer_is_refused_and_nothing_changes(
        db: Database, library: ChecklistLibrary) -> None:
    rid = make_round(db, library, cases=10)
    service = SamplingService(db, "GL")
    proto = service.draw(rid, size=3, seed="pn")
    with pytest.raises(UserError, match="personnummer"):
        service.exclude(rid, proto.sampled_refs[0], f"Gäller {_personnummer()}")
    assert service.protocol(rid).exclusions == []
    with db.session() as s:
        assert s.scalar(select(ChangeLog.id).where(ChangeLog.action == "exclude")) is None


def test_reserve_list_and_next_reserve_follow_the_exclusions(
        db: Database, library: ChecklistLibrary) -> None:
    rid = make_round(db, library, cases=10)
    service = SamplingService(db, "GL")
    proto = service.draw(rid, size=3, seed="reserv")
    assert len(proto.reserve_refs) == 7 and not set(proto.reserve_refs) & set(proto.sampled_refs)
    assert service.next_reserve(rid, proto.sampled_refs[0]) == proto.reserve_refs[0]
    assert service.next_reserve(rid, "2099-0001") is None
    new = service.exclude(rid, proto.sampled_refs[0], "Fel enhet")
    after = service.protocol(rid)
    assert new == proto.reserve_refs[0] and after.reserve_refs == proto.reserve_refs[1:]
    assert "R1. " + proto.reserve_refs[1] in "\n".join(after.reserve_lines())
    assert service.period_bounds(rid) == (date(2026, 1, 1), date(2026, 4, 30))
