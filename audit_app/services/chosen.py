"""Purposive cases: chosen by a mentor, reviewed like any other, kept out of the estimate."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from audit_app.domain.errors import ConflictError, NotFoundError, UserError
from audit_app.domain.reviews import check_free_text
from audit_app.storage.agreement_models import ChosenCase
from audit_app.storage.changelog import record_change
from audit_app.storage.db import Database
from audit_app.storage.models import AuditRound, Case, Sample, SampleEntry
from audit_app.storage.queries import active_entry_filter


@dataclass(frozen=True)
class ChosenRow:
    case_id: int
    case_ref: str
    reason: str
    in_frame: bool
    added_by: str
    added_at: datetime


class ChosenCaseService:
    """Adding a chosen (purposive) case to a round, with the reason why."""

    def __init__(self, db: Database, actor: str) -> None:
        self.db = db
        self.actor = actor

    def add(self, round_key: int | str, case_ref: str, reason: str) -> ChosenRow:
        """Add a case on purpose; it need not be in the case list, but not in the sample."""
        reason = check_free_text(reason, "motivering")
        case_ref = check_free_text(case_ref, "ärendenummer")
        if not reason:
            raise UserError("Ange varför ärendet väljs ut.")
        if not case_ref:
            raise UserError("Ange ärendenumret.")
        with self.db.session() as s:
            rnd = _round(s, round_key)
            if rnd.locked_at is not None:
                raise ConflictError(f"Omgången '{rnd.name}' är låst.")
            sample_id = s.scalar(select(Sample.id).where(Sample.round_id == rnd.id))
            if sample_id is None:  # a later draw must not be able to pick a chosen case
                raise UserError("Dra stickprovet först; valda ärenden läggs till efter "
                                "dragningen.")
            case = s.scalar(select(Case).where(Case.round_id == rnd.id,
                                               Case.case_ref == case_ref))
            in_frame = case is not None
            if case is not None:
                if s.scalar(select(SampleEntry.id).where(SampleEntry.sample_id == sample_id,
                                                         SampleEntry.case_id == case.id,
                                                         active_entry_filter())):
                    raise UserError(f"Ärendet '{case_ref}' ingår redan i stickprovet.")
                if s.scalar(select(ChosenCase.id).where(ChosenCase.round_id == rnd.id,
                                                        ChosenCase.case_id == case.id)):
                    raise ConflictError(f"Ärendet '{case_ref}' är redan valt.")
            else:  # outside the case list: known by its reference only, never in the frame
                case = Case(round_id=rnd.id, case_ref=case_ref, unit=rnd.unit, team="",
                            case_type="", gender="okant", age_band="")
                s.add(case)
                s.flush()
            now = datetime.now()
            s.add(ChosenCase(round_id=rnd.id, case_id=case.id, reason=reason,
                             in_frame=in_frame, added_by=self.actor, added_at=now))
            record_change(s, self.actor, "choose", "chosen_case", case.id, round_id=rnd.id,
                          case_ref=case_ref, new="valt ärende", reason=reason)
            return ChosenRow(case.id, case_ref, reason, in_frame, self.actor, now)

    def list(self, round_key: int | str) -> list[ChosenRow]:
        with self.db.session() as s:
            rnd = _round(s, round_key)
            rows = s.execute(select(Case.id, Case.case_ref, ChosenCase.reason,
                                    ChosenCase.in_frame, ChosenCase.added_by,
                                    ChosenCase.added_at)
                             .join(Case, Case.id == ChosenCase.case_id)
                             .where(ChosenCase.round_id == rnd.id)
                             .order_by(ChosenCase.added_at, Case.case_ref)).all()
            return [ChosenRow(*r) for r in rows]


def _round(s: Session, key: int | str) -> AuditRound:
    row = s.get(AuditRound, key) if isinstance(key, int) else s.scalar(
        select(AuditRound).where(AuditRound.name == key))
    if row is None and isinstance(key, str) and key.isdigit():
        row = s.get(AuditRound, int(key))
    if row is None:
        raise NotFoundError(f"Omgången '{key}' finns inte.")
    return row
