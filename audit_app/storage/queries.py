"""Query pieces several services share."""

from __future__ import annotations

from sqlalchemy import ColumnElement, Select, and_, or_, select
from sqlalchemy.orm import Session

from audit_app.domain.errors import NotFoundError
from audit_app.domain.sampling import SampleRole
from audit_app.storage.agreement_models import ChosenCase
from audit_app.storage.models import AuditRound, SampleEntry


def find_round(session: Session, key: int | str) -> AuditRound:
    """A round by id, or by its exact name (a name of digits that no round has: its id)."""
    row: AuditRound | None = None
    if isinstance(key, int):
        row = session.get(AuditRound, key)
    else:
        row = session.scalar(select(AuditRound).where(AuditRound.name == key))
        if row is None and key.isdigit():
            row = session.get(AuditRound, int(key))
    if row is None:
        raise NotFoundError(f"Omgången '{key}' finns inte.")
    return row


def active_entry_filter() -> ColumnElement[bool]:
    """Sample entries in the sample now: drawn, or replacing an excluded case; not excluded."""
    return and_(SampleEntry.excluded_reason.is_(None),
                or_(SampleEntry.role == SampleRole.SAMPLE, SampleEntry.replaces_id.is_not(None)))


def chosen_case_ids() -> Select[int]:
    """Cases added on purpose (kept out of the random-sample figures)."""
    return select(ChosenCase.case_id)


def outside_frame_case_ids() -> Select[int]:
    """Chosen cases that were not in the case list: never part of the sampling frame."""
    return select(ChosenCase.case_id).where(ChosenCase.in_frame.is_(False))
