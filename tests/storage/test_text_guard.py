"""Every stored text column refuses a personnummer at flush time, whatever route it came by."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import func, inspect, select, update

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.personnummer import GUARD_MESSAGE, PersonnummerError, luhn_ok
from audit_app.services.reviews import ReviewService
from audit_app.services.rounds import RoundService
from audit_app.services.sampling import SamplingService
from audit_app.storage import text_guard
from audit_app.storage.agreement_models import CalibrationAnswer, CalibrationReview, ChosenCase
from audit_app.storage.db import Database
from audit_app.storage.models import (
    Answer,
    AnswerTheme,
    Base,
    Case,
    CaseImport,
    ChangeLog,
    Setting,
)
from audit_app.storage.plan_models import DeviationNote, PlanAction, PlanControl, PlanRound
from tests.factories import round_with_sample


def invented_pnr(separator: str = "\u2011") -> str:
    """A number with a valid date and check digit, built here for the guard tests only."""
    stem = "850314" + "271"
    check = next(c for c in "0123456789" if luhn_ok(stem + c))
    return f"{stem[:2]}\u00a0{stem[2:4]}{separator}{stem[4:6]}\u200b/{stem[6:]}{check}"


PNR_TEXT = f"Anteckning {invented_pnr()} klar"
MODELS = {m.local_table.name: m.class_ for m in Base.registry.mappers}  # type: ignore[attr-defined]
GUARDED = [c for c in text_guard.text_columns() if c not in text_guard.EXEMPT]


@pytest.fixture
def filled(db: Database, library: ChecklistLibrary) -> Database:
    """A database with at least one row in every table."""
    rnd, cases = round_with_sample(db, library, 2, reserve=1)
    service = ReviewService(db, "Granskare AG")
    service.set_answer(rnd.id, cases[0], "enskilt_samtal", "ja")
    service.set_comment(rnd.id, cases[0], "enskilt_samtal", "Samtal i mars")
    with db.session() as s:
        s.add(CaseImport(round_id=rnd.id, file_name="lista.csv", sha256="0" * 64, rows=2,
                         imported_by="Granskare AG", imported_at=datetime.now()))
        s.add(Setting(key="test.key", value="ett värde"))
        answer_id = s.scalars(select(Answer.id).limit(1)).one()
        s.add(AnswerTheme(answer_id=answer_id, theme_id="samtal", label="Samtal",
                          tagged_by="Mentor", tagged_at=datetime.now(),
                          quote_by="Mentor", quote_at=datetime.now()))
        control = PlanControl(unit="Familjehem", year=2026, control_key="samtal",
                              title="Enskilda samtal", checklist_key="placerade-barn",
                              sannolikhet=2, konsekvens=3, method="full", periods="T1",
                              responsible="Gruppledare", note="En anteckning")
        s.add(control)
        s.flush()
        s.add(PlanRound(round_id=rnd.id, control_id=control.id))
        s.add(DeviationNote(control_id=control.id, period="T1", item_id="enskilt_samtal",
                            analysis="En analys", updated_by="EC", updated_at=datetime.now()))
        s.add(PlanAction(control_id=control.id, period="T1", item_id="enskilt_samtal",
                         what="Påminna om samtal", responsible="Gruppledare",
                         due=date(2026, 6, 1), created_by="EC", created_at=datetime.now()))
        cal = CalibrationReview(round_id=rnd.id, case_id=cases[0], position=1,
                                rank_key="a" * 64, drawn_by="Mentor", drawn_at=datetime.now(),
                                reviewer="Granskare B GL", status="draft")
        s.add(cal)
        s.flush()
        s.add(CalibrationAnswer(calibration_id=cal.id, item_id="enskilt_samtal", value="ja",
                                comment="Läst i journalen", updated_at=datetime.now(),
                                first_value="nej", reconciled_value="ja",
                                reconciled_reason="Samtalet finns", reconciled_by="Mentor"))
        s.add(ChosenCase(round_id=rnd.id, case_id=cases[1], reason="Ett svårt ärende",
                         added_by="Mentor", added_at=datetime.now()))
    with db.session() as s:
        for name, model in MODELS.items():
            assert s.scalar(select(func.count()).select_from(model)), name
    return db


def test_the_exemptions_are_real_columns_and_few() -> None:
    columns = text_guard.text_columns()
    assert set(text_guard.EXEMPT) <= set(columns)
    assert len(text_guard.EXEMPT) <= 8 and all(text_guard.EXEMPT.values())
    assert {"answer.comment", "answer.value", "change_log.reason", "sample_entry.excluded_reason",
            "checklist_definition.source", "checklist_definition.title", "case_import.file_name",
            "sample.source_files", "case.case_ref", "audit_round.name"} <= set(GUARDED)


def _first(s: Any, model: type[Any]) -> Any:
    return s.scalars(select(model).limit(1)).one()


def _refused_changed(db: Database, table: str, name: str) -> bool:
    """Whether setting the column of an existing row is refused and leaves it as it was."""
    model = MODELS[table]
    with db.session() as s:
        row = _first(s, model)
        key = inspect(row).identity
        before = getattr(row, name)
    try:
        with db.session() as s:
            setattr(s.get(model, key), name, PNR_TEXT)
            s.flush()
    except PersonnummerError as exc:
        assert GUARD_MESSAGE in str(exc) and invented_pnr() not in str(exc)
    else:
        return False
    with db.session() as s:
        return bool(getattr(s.get(model, key), name) == before)


def _refused_new(db: Database, table: str, name: str) -> bool:
    """Whether a new row (a copy of a stored one) with the text in the column is refused."""
    model = MODELS[table]
    with db.session() as s:
        count = s.scalar(select(func.count()).select_from(model))
        template = _first(s, model)
        values = {p.key: getattr(template, p.key) for p in inspect(model).column_attrs
                  if not (p.columns[0].primary_key and p.columns[0].type.python_type is int)}
    values[name] = PNR_TEXT
    try:
        with db.session() as s:
            s.add(model(**values))
            s.flush()
    except PersonnummerError:
        pass
    except Exception:  # e.g. a unique constraint: the text reached the database
        return False
    else:
        return False
    with db.session() as s:
        return bool(s.scalar(select(func.count()).select_from(model)) == count)


def test_every_text_column_refuses_a_personnummer(filled: Database) -> None:
    assert len(GUARDED) > 25
    unguarded = [c for c in GUARDED if not _refused_changed(filled, *c.split("."))]
    assert unguarded == []
    unguarded = [c for c in GUARDED if not _refused_new(filled, *c.split("."))]
    assert unguarded == []


def test_the_walk_would_see_an_unguarded_column(filled: Database,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(text_guard.EXEMPT, "answer.comment", "only for this test")
    assert not _refused_changed(filled, "answer", "comment")
    assert not _refused_new(filled, "answer", "comment")


def test_the_refusal_names_the_field_never_the_value(filled: Database,
                                                     library: ChecklistLibrary) -> None:
    with pytest.raises(PersonnummerError, match=r"Fält: namn\.") as info:
        RoundService(filled, library, "GL").create(f"Omgång {invented_pnr('.')}",
                                                  "placerade-barn", 2026, "T2", "Familjehem")
    assert invented_pnr(".") not in str(info.value)
    with filled.session() as s:
        assert s.scalar(select(func.count()).select_from(ChangeLog)
                        .where(ChangeLog.action == "create", ChangeLog.entity == "round")) == 1


SEPARATORS = ["-", "\u2013", "\u2014", "\u2212", "\u2012", "\u2011", "\uff0d", "\ufe63", ".",
              "/", "_", "+", " ", "\u202f", "\u00ad", "\u2060", "\ufeff", "", " - "]


def test_odd_separators_in_a_reason_are_refused(filled: Database,
                                                library: ChecklistLibrary) -> None:
    rnd = RoundService(filled, library, "GL").list()[0]
    ref = "2026-0002"  # drawn and not reviewed (tests.factories numbers the frame)
    service = SamplingService(filled, "GL")
    for separator in SEPARATORS:
        with pytest.raises(PersonnummerError, match="Fält: motivering"):
            service.exclude(rnd.id, ref, f"flyttat, {invented_pnr(separator)}")
    assert service.exclude(rnd.id, ref, "flyttat") == "2026-0003"


def test_bulk_updates_are_checked_too(filled: Database) -> None:
    with filled.session() as s:
        case_id, unit = s.execute(select(Case.id, Case.unit).limit(1)).one()
    with pytest.raises(PersonnummerError, match="Fält: enhet"), filled.session() as s:
        s.execute(update(Case), [{"id": case_id, "unit": PNR_TEXT}])
    with filled.session() as s:
        assert s.get(Case, case_id).unit == unit  # type: ignore[union-attr]


def test_machine_made_digests_in_text_are_not_refused(filled: Database) -> None:
    # A sha256 whose digits happen to read as a personnummer, as a log reason holds one.
    digest = ("ab" + invented_pnr("").replace("\u00a0", "").replace("\u200b/", "") + "c"
              ).ljust(64, "e")
    with filled.session() as s:
        s.add(ChangeLog(at=datetime.now(), actor="GL", action="import", entity="case_import",
                        entity_id="1", reason=f"sha256 {digest}"))
    with pytest.raises(PersonnummerError), filled.session() as s:
        s.add(ChangeLog(at=datetime.now(), actor="GL", action="import", entity="case_import",
                        entity_id="1", reason=f"sha256 {digest[:-1]}"))
