"""Reviews: each answer stored at once, applicability re-evaluated, completion and reopening."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.errors import UserError
from audit_app.domain.reviews import MissingAnswersError, PersonnummerError, ReviewStatus
from audit_app.services.reviews import ReviewService
from audit_app.storage.db import Database
from audit_app.storage.models import Answer, AuditRound, ChangeLog
from tests.factories import round_with_sample

ALL_YES = {"enskilt_samtal": "ja", "samtal_var_tredje_manad": "ja", "viewpoint": "nej",
           "genomforandeplan": "ja", "genomforandeplan_anvands": "ja", "vardplan": "ja"}


def test_answer_is_stored_immediately(db: Database, library: ChecklistLibrary) -> None:
    rnd, cases = round_with_sample(db, library, 3)
    service = ReviewService(db, "GL")
    assert [r.status for r in service.case_rows(rnd.id)] == [ReviewStatus.NOT_STARTED] * 3
    record = service.set_answer(rnd.id, cases[0], "enskilt_samtal", "J".lower())
    assert record.status is ReviewStatus.DRAFT
    with db.session() as s:
        row = s.scalar(select(Answer).where(Answer.item_id == "enskilt_samtal"))
        assert row is not None and row.value == "ja" and row.compliant is True
    assert service.case_rows(rnd.id)[0].answered == 1


def test_labels_accepted_and_bad_values_refused(db: Database, library: ChecklistLibrary) -> None:
    rnd, cases = round_with_sample(db, library, 1)
    service = ReviewService(db, "GL")
    assert service.set_answer(rnd.id, cases[0], "enskilt_samtal", "Ej aktuellt") \
        .answers["enskilt_samtal"].value == "ej_aktuellt"
    with pytest.raises(UserError, match="inget giltigt svar"):
        service.set_answer(rnd.id, cases[0], "vardplan", "kanske")


def test_of_these_item_stops_applying(db: Database, library: ChecklistLibrary) -> None:
    rnd, cases = round_with_sample(db, library, 1)
    service = ReviewService(db, "GL")
    service.set_answer(rnd.id, cases[0], "genomforandeplan", "ja")
    record = service.set_answer(rnd.id, cases[0], "genomforandeplan_anvands", "nej")
    assert record.answers["genomforandeplan_anvands"].applicable
    assert record.answers["genomforandeplan_anvands"].compliant is False
    record = service.set_answer(rnd.id, cases[0], "genomforandeplan", "nej")
    used = record.answers["genomforandeplan_anvands"]
    assert not used.applicable and used.compliant is None


def test_complete_requires_required_items(db: Database, library: ChecklistLibrary) -> None:
    rnd, cases = round_with_sample(db, library, 1)
    service = ReviewService(db, "GL")
    service.set_answer(rnd.id, cases[0], "genomforandeplan", "nej")
    with pytest.raises(MissingAnswersError) as info:
        service.complete(rnd.id, cases[0])
    assert "genomforandeplan_anvands" not in info.value.item_ids  # does not apply
    assert {"enskilt_samtal", "vardplan"} <= set(info.value.item_ids)
    for item, value in ALL_YES.items():
        if item != "genomforandeplan_anvands":
            service.set_answer(rnd.id, cases[0], item, value if item != "genomforandeplan"
                               else "nej")
    assert service.complete(rnd.id, cases[0]).status is ReviewStatus.COMPLETE


def test_completed_review_is_read_only_until_reopened(db: Database,
                                                      library: ChecklistLibrary) -> None:
    rnd, cases = round_with_sample(db, library, 1)
    service = ReviewService(db, "GL")
    for item, value in ALL_YES.items():
        service.set_answer(rnd.id, cases[0], item, value)
    service.complete(rnd.id, cases[0])
    with pytest.raises(UserError, match="Öppna den igen"):
        service.set_answer(rnd.id, cases[0], "vardplan", "nej")
    with pytest.raises(UserError, match="varför"):
        service.reopen(rnd.id, cases[0], "  ")
    service.reopen(rnd.id, cases[0], "Fel svar om vårdplan")
    assert service.set_answer(rnd.id, cases[0], "vardplan", "nej").answers["vardplan"].value \
        == "nej"
    with db.session() as s:
        reopen = s.scalar(select(ChangeLog).where(ChangeLog.action == "reopen"))
        assert reopen is not None and reopen.reason == "Fel svar om vårdplan"
        change = s.scalar(select(ChangeLog).where(ChangeLog.field == "vardplan",
                                                  ChangeLog.action == "update"))
        assert change is not None and (change.old, change.new) == ("ja", "nej")


def test_comment_with_personnummer_is_not_stored(db: Database, library: ChecklistLibrary) -> None:
    from tests.domain.test_personnummer import VALID

    rnd, cases = round_with_sample(db, library, 1)
    service = ReviewService(db, "GL")
    service.set_comment(rnd.id, cases[0], "vardplan", "Plan finns i akten")
    with pytest.raises(PersonnummerError):
        service.set_comment(rnd.id, cases[0], "vardplan", f"Barnet {VALID[:6]}-{VALID[6:]}")
    assert service.review(rnd.id, cases[0]).answers["vardplan"].comment == "Plan finns i akten"


def test_locked_round_refuses_answers(db: Database, library: ChecklistLibrary) -> None:
    from datetime import datetime

    rnd, cases = round_with_sample(db, library, 1)
    with db.session() as s:
        row = s.get(AuditRound, rnd.id)
        assert row is not None
        row.locked_at = datetime.now()
    with pytest.raises(UserError, match="låst"):
        ReviewService(db, "GL").set_answer(rnd.id, cases[0], "vardplan", "ja")


def test_case_outside_sample_refused(db: Database, library: ChecklistLibrary) -> None:
    rnd, cases = round_with_sample(db, library, 1, reserve=1)
    with pytest.raises(UserError, match="ingår inte"):
        ReviewService(db, "GL").set_answer(rnd.id, cases[0] + 1, "vardplan", "ja")
