"""Writing the append-only change log inside the caller's transaction."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from audit_app.storage.models import ChangeLog


def record_change(
    session: Session,
    actor: str,
    action: str,
    entity: str,
    entity_id: object,
    *,
    round_id: int | None = None,
    case_ref: str | None = None,
    field: str | None = None,
    old: object = None,
    new: object = None,
    reason: str | None = None,
) -> None:
    """Add one change-log row to the session; it commits or rolls back with the change."""
    session.add(ChangeLog(
        at=datetime.now(), actor=actor, action=action, entity=entity,
        entity_id=str(entity_id), round_id=round_id, case_ref=case_ref, field=field,
        old=None if old is None else str(old), new=None if new is None else str(new),
        reason=reason,
    ))
