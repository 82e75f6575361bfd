"""Query pieces several services share."""

from __future__ import annotations

from sqlalchemy import ColumnElement, Select, and_, or_, select

from audit_app.storage.agreement_models import ChosenCase
from audit_app.storage.models import SampleEntry


def active_entry_filter() -> ColumnElement[bool]:
    """Sample entries in the sample now: drawn, or replacing an excluded case; not excluded."""
    return and_(SampleEntry.excluded_reason.is_(None),
                or_(SampleEntry.role == "sample", SampleEntry.replaces_id.is_not(None)))


def chosen_case_ids() -> Select[int]:
    """Cases added on purpose (kept out of the random-sample figures)."""
    return select(ChosenCase.case_id)


def outside_frame_case_ids() -> Select[int]:
    """Chosen cases that were not in the case list: never part of the sampling frame."""
    return select(ChosenCase.case_id).where(ChosenCase.in_frame.is_(False))
