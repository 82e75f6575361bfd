"""Optimistic versioning of reviews: saves retried on a concurrent commit, conflicts named."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from audit_app.domain.errors import ConflictError
from audit_app.domain.reviews import ReviewConflictError, ReviewStatus
from audit_app.storage.models import Case, ChangeLog, Review

T = TypeVar("T")

# PostgreSQL's deadlock and serialization failures: the server rolled the save back whole,
# so it can run again (answer_count's triggers lock shared counts; migration 0009).
_RETRY_STATES = {"40P01", "40001"}


def retried(save: Callable[[], T]) -> T:
    """Run a save again when another one committed to the same rows in between
    (StaleDataError from the versions, IntegrityError from a row added twice), or when the
    server broke a deadlock by rolling it back; the next attempt checks again against what
    is stored then."""
    for _attempt in range(5):
        try:
            return save()
        except (StaleDataError, IntegrityError):
            continue
        except OperationalError as exc:
            if getattr(exc.orig, "sqlstate", None) not in _RETRY_STATES:
                raise
    raise ConflictError("Svaret kunde inte sparas: andra sparar i samma granskning just nu. "
                        "Försök igen.")


def check_version(s: Session, review: Review | None, expected: int | None,
                  yours: str) -> None:
    """Refused, naming both values, when the review is not the version the user read
    (0 for a review not yet started); no check when `expected` is None."""
    if expected is not None and (review.version if review is not None else 0) != expected:
        raise conflict(s, review, yours)


def conflict(s: Session, review: Review | None, yours: str) -> ReviewConflictError:
    """The conflict with the stored review, naming who changed it last (the change log)."""
    if review is None:  # read as started, since removed
        return ReviewConflictError("ärendet", ReviewStatus.NOT_STARTED, "", yours)
    case = s.get(Case, review.case_id)
    case_ref = case.case_ref if case is not None else "ärendet"
    last = s.scalar(select(ChangeLog.actor).where(  # through the (round_id, case_ref) index
        ChangeLog.round_id == review.round_id, ChangeLog.case_ref == case_ref,
        (ChangeLog.entity_id == review.uid) | ChangeLog.entity_id.startswith(f"{review.uid}/"))
        .order_by(ChangeLog.id.desc()).limit(1))
    return ReviewConflictError(case_ref, ReviewStatus(review.status), last or "", yours)
