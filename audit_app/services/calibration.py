"""Double review: the calibration subset, the blind second review, agreement, reconciling."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from audit_app.domain.agreement import Agreement, item_agreement
from audit_app.domain.checklist import Checklist
from audit_app.domain.errors import ConflictError, NotFoundError, UserError
from audit_app.domain.reviews import check_free_text, normalise_answer
from audit_app.domain.sampling import rank_key
from audit_app.services.definitions import parse_definition
from audit_app.storage.agreement_models import CalibrationAnswer, CalibrationReview
from audit_app.storage.changelog import record_change
from audit_app.storage.db import Database
from audit_app.storage.models import (
    Answer,
    AuditRound,
    Case,
    ChecklistDefinition,
    Review,
    Sample,
    SampleEntry,
)
from audit_app.storage.queries import active_entry_filter

COMPLETE = "complete"
SALT = "/kalibrering"  # the subset's key: HMAC-SHA256(sample seed + SALT, case reference)


@dataclass(frozen=True)
class CalibrationCase:
    case_ref: str
    position: int
    first_reviewer: str
    first_status: str  # not_started / draft / complete
    second_reviewer: str
    second_status: str  # open / draft / complete


@dataclass(frozen=True)
class Disagreement:
    """One item of one case where the two independent reviews differ."""

    case_ref: str
    item_id: str
    question: str
    first: str | None
    second: str | None
    first_reviewer: str
    second_reviewer: str
    reconciled: str | None = None
    reason: str | None = None


def subset_size(sampled: int, size: int | None, share: float | None) -> int:
    """Cases in the subset: a number, or ⌈share · sampled⌉ (at least 1)."""
    if (size is None) == (share is None):
        raise UserError("Ange antingen antal ärenden (--size) eller andel (--share).")
    if share is not None:
        if not 0 < share <= 1:
            raise UserError("Andelen måste ligga mellan 0 och 1 (t.ex. 0,2).")
        size = max(1, math.ceil(share * sampled - 1e-9))
    assert size is not None
    if not 1 <= size <= sampled:
        raise UserError(f"Antalet måste vara mellan 1 och {sampled} (stickprovets storlek).")
    return size


class CalibrationService:
    """Two reviewers answer the subset independently; neither sees the other's answers
    until both reviews of a case are complete."""

    def __init__(self, db: Database, actor: str) -> None:
        self.db = db
        self.actor = actor

    # -- the subset ------------------------------------------------------------------

    def draw(self, round_key: int | str, size: int | None = None,
             share: float | None = None) -> list[str]:
        """Mark the calibration subset: the sampled cases ranked by HMAC-SHA256 keyed with
        the sample's seed + "/kalibrering", the first ones taken."""
        with self.db.session() as s:
            rnd = self._round(s, round_key)
            self._unlocked(rnd)
            sample = s.scalar(select(Sample).where(Sample.round_id == rnd.id))
            if sample is None:
                raise UserError(f"Omgången '{rnd.name}' har inget stickprov ännu.")
            if s.scalar(select(CalibrationReview.id).where(CalibrationReview.round_id == rnd.id)):
                raise ConflictError(f"Omgången '{rnd.name}' har redan ett urval för "
                                    "dubbelgranskning.")
            cases = s.execute(select(Case.id, Case.case_ref)
                              .join(SampleEntry, SampleEntry.case_id == Case.id)
                              .where(SampleEntry.sample_id == sample.id,
                                     active_entry_filter())).all()
            n = subset_size(len(cases), size, share)
            ranked = sorted(((rank_key(sample.seed + SALT, ref), ref, cid)
                             for cid, ref in cases))[:n]
            now = datetime.now()
            for pos, (key, _ref, cid) in enumerate(ranked, start=1):
                s.add(CalibrationReview(round_id=rnd.id, case_id=cid, position=pos,
                                        rank_key=key, drawn_by=self.actor, drawn_at=now,
                                        status="open"))
            record_change(s, self.actor, "draw", "calibration", rnd.id, round_id=rnd.id,
                          new=f"{n} av {len(cases)} ärenden till dubbelgranskning")
            return [ref for _k, ref, _c in ranked]

    def cases(self, round_key: int | str) -> list[CalibrationCase]:
        with self.db.session() as s:
            rnd = self._round(s, round_key)
            rows = s.execute(
                select(Case.case_ref, CalibrationReview.position, Review.reviewer,
                       Review.status, CalibrationReview.reviewer, CalibrationReview.status)
                .join(Case, Case.id == CalibrationReview.case_id)
                .outerjoin(Review, (Review.case_id == Case.id) & (Review.round_id == rnd.id))
                .where(CalibrationReview.round_id == rnd.id)
                .order_by(CalibrationReview.position)).all()
            return [CalibrationCase(r[0], r[1], r[2] or "", r[3] or "not_started", r[4] or "",
                                    r[5]) for r in rows]

    # -- the second review -----------------------------------------------------------

    def set_answer(self, round_key: int | str, case_ref: str, item_id: str,
                   value: str | None, comment: str | None = None) -> None:
        """Store the second reviewer's answer (and comment) to one item."""
        with self.db.session() as s:
            rnd = self._round(s, round_key)
            self._unlocked(rnd)
            cal, checklist = self._second(s, rnd, case_ref)
            if not checklist.has_item(item_id):
                raise NotFoundError(f"Kontrollpunkten '{item_id}' finns inte i checklistan.")
            stored = normalise_answer(checklist.item(item_id), value)
            now = datetime.now()
            row = self._answer(s, cal.id, item_id)
            if row is None:
                row = CalibrationAnswer(calibration_id=cal.id, item_id=item_id, comment="",
                                        updated_at=now)
                s.add(row)
            old = row.value
            row.value = stored
            if comment is not None:
                row.comment = check_free_text(comment, "kommentar")
            row.updated_at = now
            cal.reviewer, cal.status, cal.updated_at = self.actor, "draft", now
            s.flush()
            answers = list(s.scalars(select(CalibrationAnswer)
                                     .where(CalibrationAnswer.calibration_id == cal.id)))
            applies = checklist.applicable({a.item_id: a.value for a in answers})
            for a in answers:
                a.applicable = applies.get(a.item_id, False)
            record_change(s, self.actor, "update", "calibration_answer", f"{cal.id}/{item_id}",
                          round_id=rnd.id, case_ref=case_ref, field=item_id, old=old,
                          new=stored)

    def complete(self, round_key: int | str, case_ref: str) -> None:
        with self.db.session() as s:
            rnd = self._round(s, round_key)
            self._unlocked(rnd)
            cal, checklist = self._second(s, rnd, case_ref)
            values = {a.item_id: a.value for a in s.scalars(
                select(CalibrationAnswer).where(CalibrationAnswer.calibration_id == cal.id))}
            applies = checklist.applicable(values)
            missing = [i.question for i in checklist.items
                       if i.required and applies[i.id] and not values.get(i.id)]
            if missing:
                raise UserError("Obligatoriska frågor saknar svar:\n"
                                + "\n".join(f"– {q}" for q in missing))
            cal.status, cal.completed_at = COMPLETE, datetime.now()
            record_change(s, self.actor, "complete", "calibration_review", cal.id,
                          round_id=rnd.id, case_ref=case_ref, field="status", new=COMPLETE)

    def second_answers(self, round_key: int | str, case_ref: str) -> dict[str, str | None]:
        """The second reviewer's answers; refused until both reviews are complete."""
        with self.db.session() as s:
            rnd = self._round(s, round_key)
            cal, review = self._both_complete(s, rnd, case_ref)
            return {a.item_id: a.value for a in s.scalars(
                select(CalibrationAnswer).where(CalibrationAnswer.calibration_id == cal.id,
                                                CalibrationAnswer.applicable.is_(True)))}

    # -- agreement -------------------------------------------------------------------

    def agreement(self, round_key: int | str) -> dict[str, Agreement]:
        """Per item with fixed options: agreement over the cases both reviewers completed."""
        with self.db.session() as s:
            rnd = self._round(s, round_key)
            return agreement_by_item(s, [rnd.id], self._checklist(s, rnd))

    def disagreements(self, round_key: int | str) -> list[Disagreement]:
        """Every item where the two completed reviews of a case differ, side by side."""
        with self.db.session() as s:
            rnd = self._round(s, round_key)
            checklist = self._checklist(s, rnd)
            out = []
            for ref, first_by, second_by, first, second, recon in _compared(s, [rnd.id]):
                for item in checklist.items:
                    a, b = first.get(item.id), second.get(item.id)
                    if a != b:
                        done = recon.get(item.id)
                        out.append(Disagreement(ref, item.id, item.question, a, b, first_by,
                                                second_by, done[0] if done else None,
                                                done[1] if done else None))
            return out

    def reconcile(self, round_key: int | str, case_ref: str, item_id: str, value: str | None,
                  reason: str) -> None:
        """Write the agreed answer into the round's review; the reason is logged and the
        first reviewer's original answer kept for the agreement figures."""
        reason = check_free_text(reason, "motivering")
        if not reason:
            raise UserError("Ange en motivering för det avstämda svaret.")
        with self.db.session() as s:
            rnd = self._round(s, round_key)
            self._unlocked(rnd)
            cal, review = self._both_complete(s, rnd, case_ref)
            checklist = parse_definition(s.get(ChecklistDefinition,  # type: ignore[union-attr]
                                               review.definition_id).source)
            if not checklist.has_item(item_id):
                raise NotFoundError(f"Kontrollpunkten '{item_id}' finns inte i checklistan.")
            stored = normalise_answer(checklist.item(item_id), value)
            now = datetime.now()
            answer = s.scalar(select(Answer).where(Answer.review_id == review.id,
                                                   Answer.item_id == item_id))
            if answer is None:
                answer = Answer(review_id=review.id, item_id=item_id, value=None, comment="",
                                answered_by=self.actor, updated_at=now)
                s.add(answer)
            old = answer.value
            kept = self._answer(s, cal.id, item_id)
            if kept is None:
                kept = CalibrationAnswer(calibration_id=cal.id, item_id=item_id, value=None,
                                         comment="", applicable=False, updated_at=now)
                s.add(kept)
            if not kept.reconciled:
                kept.first_value = old if answer.applicable else None
            kept.reconciled, kept.reconciled_value = True, stored
            kept.reconciled_reason, kept.reconciled_by, kept.reconciled_at = (reason,
                                                                                self.actor, now)
            if answer.version is not None:  # None: added above, not yet flushed
                answer.version += 1  # a form showing the old answer must not overwrite it
            answer.value, answer.answered_by, answer.updated_at = stored, self.actor, now
            review.updated_at = now
            review.bump()
            s.flush()
            answers = list(s.scalars(select(Answer).where(Answer.review_id == review.id)))
            result = checklist.evaluate({a.item_id: a.value for a in answers})
            for a in answers:
                a.applicable, a.compliant = result.get(a.item_id, (False, None))
            record_change(s, self.actor, "reconcile", "answer", f"{review.uid}/{item_id}",
                          round_id=rnd.id, case_ref=case_ref, field=item_id, old=old,
                          new=stored, reason=reason)

    # -- helpers ---------------------------------------------------------------------

    def _round(self, s: Session, key: int | str) -> AuditRound:
        row = s.get(AuditRound, key) if isinstance(key, int) else s.scalar(
            select(AuditRound).where(AuditRound.name == key))
        if row is None and isinstance(key, str) and key.isdigit():
            row = s.get(AuditRound, int(key))
        if row is None:
            raise NotFoundError(f"Omgången '{key}' finns inte.")
        return row

    @staticmethod
    def _unlocked(rnd: AuditRound) -> None:
        if rnd.locked_at is not None:
            raise ConflictError(f"Omgången '{rnd.name}' är låst och kan inte ändras.")

    @staticmethod
    def _checklist(s: Session, rnd: AuditRound) -> Checklist:
        definition = s.get(ChecklistDefinition, rnd.definition_id)
        assert definition is not None
        return parse_definition(definition.source)

    def _calibration(self, s: Session, rnd: AuditRound, case_ref: str) -> CalibrationReview:
        cal = s.scalar(select(CalibrationReview).join(Case, Case.id == CalibrationReview.case_id)
                       .where(CalibrationReview.round_id == rnd.id, Case.case_ref == case_ref))
        if cal is None:
            raise NotFoundError(f"Ärendet '{case_ref}' ingår inte i dubbelgranskningen.")
        return cal

    def _second(self, s: Session, rnd: AuditRound,
                case_ref: str) -> tuple[CalibrationReview, Checklist]:
        cal = self._calibration(s, rnd, case_ref)
        first = s.scalar(select(Review.reviewer).where(Review.round_id == rnd.id,
                                                       Review.case_id == cal.case_id))
        if first == self.actor:
            raise UserError(f"Du har gjort den ordinarie granskningen av {case_ref}; "
                            "dubbelgranskningen ska göras av någon annan.")
        if cal.reviewer and cal.reviewer != self.actor:
            raise UserError(f"Dubbelgranskningen av {case_ref} görs av {cal.reviewer}.")
        if cal.status == COMPLETE:
            raise UserError(f"Dubbelgranskningen av {case_ref} är redan klar.")
        return cal, self._checklist(s, rnd)

    def _both_complete(self, s: Session, rnd: AuditRound,
                       case_ref: str) -> tuple[CalibrationReview, Review]:
        cal = self._calibration(s, rnd, case_ref)
        review = s.scalar(select(Review).where(Review.round_id == rnd.id,
                                               Review.case_id == cal.case_id))
        if review is None or review.status != COMPLETE or cal.status != COMPLETE:
            raise UserError(f"Svaren på {case_ref} visas först när båda granskningarna är "
                            "klara (granskarna ska inte se varandras svar).")
        return cal, review

    @staticmethod
    def _answer(s: Session, cal_id: int, item_id: str) -> CalibrationAnswer | None:
        return s.scalar(select(CalibrationAnswer).where(
            CalibrationAnswer.calibration_id == cal_id, CalibrationAnswer.item_id == item_id))


Compared = tuple[str, str, str, dict[str, str | None], dict[str, str | None],
                 dict[str, tuple[str | None, str | None]]]


def _compared(s: Session, round_ids: list[int]) -> list[Compared]:
    """Per case where both reviews are complete: the two independent readings (the first
    reviewer's original answer where it was reconciled since) and the reconciliations."""
    cals = s.execute(select(CalibrationReview.id, Review.id, Case.case_ref, Review.reviewer,
                            CalibrationReview.reviewer)
                     .join(Case, Case.id == CalibrationReview.case_id)
                     .join(Review, (Review.case_id == CalibrationReview.case_id)
                           & (Review.round_id == CalibrationReview.round_id))
                     .where(CalibrationReview.round_id.in_(round_ids),
                            CalibrationReview.status == COMPLETE, Review.status == COMPLETE)
                     .order_by(CalibrationReview.round_id, CalibrationReview.position)).all()
    out: list[Compared] = []
    for cal_id, review_id, ref, first_by, second_by in cals:
        first = {a.item_id: a.value for a in s.scalars(
            select(Answer).where(Answer.review_id == review_id, Answer.applicable.is_(True)))}
        second: dict[str, str | None] = {}
        recon: dict[str, tuple[str | None, str | None]] = {}
        for a in s.scalars(select(CalibrationAnswer)
                           .where(CalibrationAnswer.calibration_id == cal_id)):
            if a.applicable and a.value is not None:
                second[a.item_id] = a.value
            if a.reconciled:
                first[a.item_id] = a.first_value
                recon[a.item_id] = (a.reconciled_value, a.reconciled_reason)
        first = {k: v for k, v in first.items() if v is not None}
        out.append((ref, first_by, second_by or "", first, second, recon))
    return out


def agreement_by_item(s: Session, round_ids: list[int],
                      checklist: Checklist) -> dict[str, Agreement]:
    """Agreement per item over the rounds' double-reviewed cases (items without pairs or
    without fixed options are left out)."""
    compared = _compared(s, round_ids)
    out = {}
    for item in checklist.items:
        pairs = [(a, b) for _r, _a, _b, first, second, _c in compared
                 if (a := first.get(item.id)) is not None
                 and (b := second.get(item.id)) is not None]
        found = item_agreement(item, pairs) if pairs else None
        if found is not None:
            out[item.id] = found
    return out
