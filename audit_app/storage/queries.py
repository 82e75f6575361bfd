"""Query pieces several services share."""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, or_

from audit_app.storage.models import SampleEntry


def active_entry_filter() -> ColumnElement[bool]:
    """Sample entries in the sample now: drawn, or replacing an excluded case; not excluded."""
    return and_(SampleEntry.excluded_reason.is_(None),
                or_(SampleEntry.role == "sample", SampleEntry.replaces_id.is_not(None)))
