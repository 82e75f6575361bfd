"""Every write to a review counts its version: a stale save after someone else completed or
reopened it is refused with both values named, on SQLite and on PostgreSQL."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import select

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.error_texts import translate_text
from audit_app.domain.errors import ConflictError
from audit_app.domain.reviews import ReviewConflictError, ReviewStatus
from audit_app.services.calibration import CalibrationService
from audit_app.services.exchange import ExchangeService
from audit_app.services.reviews import ReviewService
from audit_app.services.rounds import RoundService
from audit_app.storage.db import Database, open_database
from audit_app.storage.models import ChangeLog, Review
from tests.factories import round_with_sample
from tests.figure_data import placerade

PHRASE = "lösenfras för test"
Setup = tuple[int, int, ReviewService, ReviewService]


@pytest.fixture
def two_reviewers(any_db: Database, library: ChecklistLibrary) -> Setup:
    """A started review of one case, with every required answer given by Granskare GA."""
    summary, case_ids = round_with_sample(any_db, library, 1)
    ga, gb = ReviewService(any_db, "Granskare GA"), ReviewService(any_db, "Granskare GB")
    for item_id, value in placerade(0).items():
        ga.set_answer(summary.id, case_ids[0], item_id, value)
    return summary.id, case_ids[0], ga, gb


def version(db: Database, round_id: int, case_id: int) -> int:
    with db.session() as s:
        return s.scalars(select(Review.version).where(Review.round_id == round_id,
                                                      Review.case_id == case_id)).one()


def test_every_status_change_counts_a_version(any_db: Database, two_reviewers: Setup) -> None:
    rid, cid, ga, _ = two_reviewers
    before = ga.review(rid, cid)
    assert before.version == version(any_db, rid, cid) > 1  # each answer counted
    done = ga.complete(rid, cid, expected_version=before.version)
    assert done.version == before.version + 1 == version(any_db, rid, cid)
    reopened = ga.reopen(rid, cid, "Fel ärende", expected_version=done.version)
    assert reopened.version == done.version + 1
    commented = ga.set_comment(rid, cid, "vardplan", "Saknar datum")
    assert commented.version == reopened.version + 1


def test_stale_answer_after_completion_names_both(any_db: Database,
                                                  two_reviewers: Setup) -> None:
    rid, cid, ga, gb = two_reviewers
    seen_by_gb = gb.review(rid, cid)  # both have the open review in front of them
    ga.complete(rid, cid)
    with pytest.raises(ReviewConflictError) as caught:
        gb.set_answer(rid, cid, "vardplan", "nej",
                      expected_version=seen_by_gb.answers["vardplan"].version)
    message = str(caught.value)
    assert "Granskare GA" in message
    assert "Sparad status: 'klar'" in message and "svaret 'nej' på 'vardplan'" in message
    assert isinstance(caught.value, ConflictError)
    stored = gb.review(rid, cid)
    assert stored.status is ReviewStatus.COMPLETE and stored.answers["vardplan"].value == "ja"


def test_stale_complete_after_reopen_names_both(any_db: Database, two_reviewers: Setup) -> None:
    rid, cid, ga, gb = two_reviewers
    done = ga.complete(rid, cid)
    seen_by_gb = gb.review(rid, cid)  # GB reads the completed review
    assert seen_by_gb.version == done.version
    ga.reopen(rid, cid, "Vårdplanen kom in efteråt")
    ga.set_answer(rid, cid, "viewpoint", "nej")
    with pytest.raises(ReviewConflictError) as caught:  # GB's reopen would hide GA's work
        gb.reopen(rid, cid, "Ska rättas", expected_version=seen_by_gb.version)
    assert "ändrades av Granskare GA" in str(caught.value)
    assert "Sparad status: 'pågår'; din ändring: status 'pågår'" in str(caught.value)
    with pytest.raises(ReviewConflictError) as caught:  # nor may GB complete it unseen
        gb.complete(rid, cid, expected_version=seen_by_gb.version)
    assert "Sparad status: 'pågår'; din ändring: status 'klar'" in str(caught.value)
    assert gb.review(rid, cid).status is ReviewStatus.DRAFT
    # having read it again, GB completes it
    fresh = gb.review(rid, cid)
    assert gb.complete(rid, cid, expected_version=fresh.version).status is \
        ReviewStatus.COMPLETE


def test_stale_reopen_after_reopen_and_complete(any_db: Database, two_reviewers: Setup) -> None:
    rid, cid, ga, gb = two_reviewers
    seen = ga.complete(rid, cid)
    ga.reopen(rid, cid, "Komplettering")
    ga.complete(rid, cid)  # completed again: the same status, but not the review GB saw
    with pytest.raises(ReviewConflictError, match="Sparad status: 'klar'; din ändring: "
                                                  "status 'pågår'"):
        gb.reopen(rid, cid, "Gammal orsak", expected_version=seen.version)
    assert gb.review(rid, cid).status is ReviewStatus.COMPLETE


def test_conflict_in_english(any_db: Database, two_reviewers: Setup) -> None:
    rid, cid, ga, gb = two_reviewers
    seen = gb.review(rid, cid)
    ga.complete(rid, cid)
    with pytest.raises(ReviewConflictError) as caught:
        gb.complete(rid, cid, expected_version=seen.version)
    english = translate_text(str(caught.value), "en")
    assert english.startswith("The review of ") and "changed by Granskare GA" in english
    assert "Stored status: 'complete'; your change: status 'complete'." in english


def test_reconciled_answer_counts_review_and_answer_versions(
        any_db: Database, two_reviewers: Setup) -> None:
    rid, cid, ga, _ = two_reviewers
    ga.complete(rid, cid)
    calibration = CalibrationService(any_db, "Granskare GB")
    [case_ref] = calibration.draw(rid, size=1)
    for item_id, value in placerade(0).items():
        calibration.set_answer(rid, case_ref, item_id, value)
    calibration.complete(rid, case_ref)
    before = ga.review(rid, cid)
    CalibrationService(any_db, "Chef GC").reconcile(rid, case_ref, "vardplan", "nej",
                                                    "Enligt journalen")
    after = ga.review(rid, cid)
    assert after.answers["vardplan"].value == "nej"
    assert after.version == before.version + 1
    assert after.answers["vardplan"].version == before.answers["vardplan"].version + 1
    with pytest.raises(ReviewConflictError):
        ga.reopen(rid, cid, "Ändra", expected_version=before.version)


def test_merged_exchange_file_counts_the_version(any_db: Database, library: ChecklistLibrary,
                                                 tmp_path: Path) -> None:
    """A review completed elsewhere and merged in: a form that read it open is refused."""
    summary, case_ids = round_with_sample(any_db, library, 1)
    ga = ReviewService(any_db, "Granskare GA")
    ga.set_answer(summary.id, case_ids[0], "vardplan", "ja")
    file = tmp_path / "runda.granska"
    ExchangeService(any_db, "GL").export_round(summary.id, file, passphrase=PHRASE)
    laptop = open_database(tmp_path / "laptop.sqlite3")
    try:
        ExchangeService(laptop, "GL").import_round(file, passphrase=PHRASE)
        there = RoundService(laptop, library, "GL").get(summary.name).id
        on_laptop = ReviewService(laptop, "Granskare GA")
        [row] = on_laptop.case_rows(there)
        for item_id, value in placerade(0).items():
            on_laptop.set_answer(there, row.case_id, item_id, value)
        on_laptop.complete(there, row.case_id)
        ExchangeService(laptop, "GL").export_round(there, file, passphrase=PHRASE)
    finally:
        laptop.close()
    seen = ga.review(summary.id, case_ids[0])
    ExchangeService(any_db, "GL").import_round(file, passphrase=PHRASE)
    with pytest.raises(ReviewConflictError, match="Sparad status: 'klar'"):
        ga.complete(summary.id, case_ids[0], expected_version=seen.version)


@pytest.mark.parametrize("attempt", range(3))
def test_complete_and_answer_at_the_same_moment_on_the_server(
        pg_db: Database, library: ChecklistLibrary, attempt: int) -> None:
    """Two connections, one completes while the other saves: the row versions order them,
    so either the answer went in before the completion or it was refused; never both lost."""
    summary, case_ids = round_with_sample(pg_db, library, 1)
    rid, cid = summary.id, case_ids[0]
    ga, gb = ReviewService(pg_db, "Granskare GA"), ReviewService(pg_db, "Granskare GB")
    for item_id, value in placerade(0).items():
        ga.set_answer(rid, cid, item_id, value)
    seen = gb.review(rid, cid).answers["viewpoint"].version
    start = threading.Barrier(2)
    outcome: dict[str, object] = {}

    def complete() -> None:
        start.wait()
        outcome["complete"] = ga.complete(rid, cid).status

    def answer() -> None:
        start.wait()
        try:
            outcome["answer"] = gb.set_answer(rid, cid, "viewpoint", "nej",
                                              expected_version=seen).answers["viewpoint"].value
        except ReviewConflictError as exc:
            outcome["answer"] = exc

    threads = [threading.Thread(target=complete), threading.Thread(target=answer)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert outcome["complete"] is ReviewStatus.COMPLETE
    stored = ga.review(rid, cid)
    with pg_db.session() as s:
        actions = [a for a in s.scalars(select(ChangeLog.action).where(
            ChangeLog.entity.in_(("answer", "review")), ChangeLog.actor != "GL")
            .order_by(ChangeLog.id))]
    if isinstance(outcome["answer"], ReviewConflictError):
        assert stored.answers["viewpoint"].value == "ja"
        assert "Sparad status: 'klar'" in str(outcome["answer"])
    else:  # the answer was saved first; the completion came after it, on top of it
        assert outcome["answer"] == "nej" == stored.answers["viewpoint"].value
        assert actions[-2:] == ["update", "complete"]
    assert stored.version == version(pg_db, rid, cid)
