"""Recording case reviews: answers and comments saved one at a time, completion, reopening."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ScalarSelect, and_, func, select
from sqlalchemy.orm import Session

from audit_app.domain.checklist import AnswerType, Checklist
from audit_app.domain.errors import NotFoundError, UserError
from audit_app.domain.reviews import (
    AnswerConflictError,
    AnswerRecord,
    CaseReviewRow,
    MissingAnswersError,
    ReviewRecord,
    ReviewStatus,
    answer_change,
    check_free_text,
    normalise_answer,
    status_change,
)
from audit_app.services.definitions import parse_definition
from audit_app.services.review_versions import check_version, conflict, retried
from audit_app.services.themes import replace_tags
from audit_app.storage.agreement_models import CalibrationReview, ChosenCase
from audit_app.storage.changelog import record_change
from audit_app.storage.db import Database
from audit_app.storage.models import (
    Answer,
    AnswerTheme,
    AuditRound,
    Case,
    ChecklistDefinition,
    Review,
    Sample,
    SampleEntry,
)
from audit_app.storage.queries import active_entry_filter, find_round


class ReviewService:
    """Every answer is stored when given; each change is logged in the same transaction."""

    def __init__(self, db: Database, actor: str) -> None:
        self.db = db
        self.actor = actor

    # -- reading -----------------------------------------------------------------------

    def checklist_for_round(self, round_id: int) -> Checklist:
        with self.db.session() as s:
            return self._checklist(s, find_round(s, round_id).definition_id)

    def case_rows(self, round_id: int) -> list[CaseReviewRow]:
        """The round's sampled cases in draw order, then its chosen cases, with their
        review status."""
        with self.db.session() as s:
            find_round(s, round_id)
            # counted per review through the (review_id, item_id) index: only this round's
            answered = (select(func.count(Answer.id))
                        .where(Answer.review_id == Review.id, Answer.value.is_not(None),
                               Answer.applicable.is_(True))
                        .correlate(Review).scalar_subquery())
            # plain columns, run as Core: no ORM result machinery for 5,000 rows
            rows = s.connection().execute(
                select(Case.id, Case.case_ref, Case.unit, Case.team, Case.gender,
                       SampleEntry.stratum, SampleEntry.position, Review.status,
                       Review.reviewer, answered)
                .join(SampleEntry, SampleEntry.case_id == Case.id)
                .join(Sample, Sample.id == SampleEntry.sample_id)
                .outerjoin(Review, and_(Review.case_id == Case.id, Review.round_id == round_id))
                .where(Sample.round_id == round_id, active_entry_filter())
                .order_by(SampleEntry.stratum, SampleEntry.position)).all()
            sampled = [CaseReviewRow(
                case_id=r[0], case_ref=r[1], unit=r[2], team=r[3], gender=r[4],
                position=n, status=ReviewStatus.of(r[7]),
                reviewer=r[8] or "", answered=r[9] or 0) for n, r in enumerate(rows, start=1)]
            return sampled + self._chosen_rows(s, round_id, answered, len(rows))

    def _chosen_rows(self, s: Session, round_id: int, answered: ScalarSelect[int],
                     after: int) -> list[CaseReviewRow]:
        """Cases chosen on purpose, listed after the sample and marked as chosen."""
        rows = s.connection().execute(
            select(Case.id, Case.case_ref, Case.unit, Case.team, Case.gender, Review.status,
                   Review.reviewer, answered)
            .join(ChosenCase, ChosenCase.case_id == Case.id)
            .outerjoin(Review, and_(Review.case_id == Case.id, Review.round_id == round_id))
            .where(ChosenCase.round_id == round_id).order_by(ChosenCase.added_at)).all()
        return [CaseReviewRow(
            case_id=r[0], case_ref=r[1], unit=r[2], team=r[3], gender=r[4], position=n,
            status=ReviewStatus.of(r[5]),
            reviewer=r[6] or "", answered=r[7] or 0, chosen=True)
            for n, r in enumerate(rows, start=after + 1)]

    def review(self, round_id: int, case_id: int) -> ReviewRecord:
        """The case's review; refused to its second (calibration) reviewer until they have
        completed their own, so the double review stays independent."""
        with self.db.session() as s:
            blind = s.scalar(select(CalibrationReview.id).where(
                CalibrationReview.round_id == round_id, CalibrationReview.case_id == case_id,
                CalibrationReview.reviewer == self.actor, CalibrationReview.status != "complete"))
            if blind is not None:
                raise UserError("Du dubbelgranskar ärendet: den ordinarie granskningens svar "
                                "visas när båda granskningarna är klara.")
            return self._record(s, round_id, case_id)

    # -- writing -----------------------------------------------------------------------

    def set_answer(self, round_id: int, case_id: int, item_id: str,
                   value: str | None, expected_version: int | None = None) -> ReviewRecord:
        """Store one answer (None clears it) and re-evaluate which items apply.

        `expected_version` is the answer's version the user saw (AnswerRecord.version):
        when someone else has saved another value since, AnswerConflictError names both
        values and nothing is written. Two saves at the same moment are told apart by the
        rows' versions (StaleDataError): the later one is re-run against what is stored.
        """
        seen: list[int | None] = [expected_version]
        return retried(lambda: self._set_answer(round_id, case_id, item_id, value, seen))

    def _set_answer(self, round_id: int, case_id: int, item_id: str, value: str | None,
                    seen: list[int | None]) -> ReviewRecord:
        with self.db.session() as s:
            # a form that saw a version and finds the review completed meanwhile is told so
            yours = answer_change(item_id, value) if seen[0] is not None else None
            review, checklist, case = self._editable(s, round_id, case_id, yours)
            if not checklist.has_item(item_id):
                raise NotFoundError(f"Kontrollpunkten '{item_id}' finns inte i checklistan.")
            stored = normalise_answer(checklist.item(item_id), value)
            answer = self._answer_row(s, review, item_id)
            old = answer.value if answer is not None else None
            if old == stored:
                return self._record(s, round_id, case_id)
            if answer is not None:
                if seen[0] is not None and answer.version != seen[0]:
                    raise AnswerConflictError(item_id, old, answer.answered_by, stored)
                seen[0] = answer.version  # a retry after a concurrent save compares to this
            else:
                seen[0] = 0  # no answer yet: one saved meanwhile is a conflict on a retry
            if answer is None:
                answer = Answer(review_id=review.id, item_id=item_id, comment="",
                                answered_by=self.actor, updated_at=datetime.now())
                s.add(answer)
            else:
                answer.version += 1
            answer.value = stored
            answer.answered_by = self.actor
            answer.updated_at = datetime.now()
            review.updated_at = answer.updated_at
            review.bump()
            s.flush()
            self._reevaluate(s, review, checklist)
            record_change(s, self.actor, "update" if old is not None else "create", "answer",
                          f"{review.uid}/{item_id}", round_id=round_id, case_ref=case.case_ref,
                          field=item_id, old=old, new=stored)
            return self._record(s, round_id, case_id)

    def set_comment(self, round_id: int, case_id: int, item_id: str,
                    comment: str) -> ReviewRecord:
        """Store an item's comment; text with a personnummer is refused, never stored."""
        text = check_free_text(comment)
        return retried(lambda: self._set_comment(round_id, case_id, item_id, text))

    def _set_comment(self, round_id: int, case_id: int, item_id: str,
                     text: str) -> ReviewRecord:
        with self.db.session() as s:
            review, checklist, case = self._editable(s, round_id, case_id)
            if not checklist.has_item(item_id):
                raise NotFoundError(f"Kontrollpunkten '{item_id}' finns inte i checklistan.")
            answer = self._answer_row(s, review, item_id)
            old = answer.comment if answer is not None else ""
            if old == text:
                return self._record(s, round_id, case_id)
            if answer is None:
                answer = Answer(review_id=review.id, item_id=item_id, value=None,
                                answered_by=self.actor, updated_at=datetime.now())
                s.add(answer)
            elif answer.comment != text:
                answer.version += 1
            answer.comment = text
            answer.updated_at = datetime.now()
            review.updated_at = answer.updated_at
            review.bump()
            s.flush()
            self._reevaluate(s, review, checklist)
            record_change(s, self.actor, "update", "comment", f"{review.uid}/{item_id}",
                          round_id=round_id, case_ref=case.case_ref, field=item_id,
                          old=old or None, new=text or None)
            return self._record(s, round_id, case_id)

    def set_themes(self, round_id: int, case_id: int, item_id: str,
                   theme_ids: Sequence[str]) -> ReviewRecord:
        """Tag the item's written answer or comment with these themes (replacing the earlier
        tags); each tag keeps the theme's label, so it stays readable with the round."""
        wanted = list(dict.fromkeys(theme_ids))
        return retried(lambda: self._set_themes(round_id, case_id, item_id, wanted))

    def _set_themes(self, round_id: int, case_id: int, item_id: str,
                    wanted: list[str]) -> ReviewRecord:
        with self.db.session() as s:
            review, checklist, case = self._editable(s, round_id, case_id)
            if not checklist.has_item(item_id):
                raise NotFoundError(f"Kontrollpunkten '{item_id}' finns inte i checklistan.")
            item = checklist.item(item_id)
            known = {t.id: t for t in checklist.themes_for(item)}
            unknown = [t for t in wanted if t not in known]
            if unknown:
                raise UserError(f"Temat {', '.join(unknown)} finns inte för '{item_id}' "
                                f"(finns: {', '.join(known) or 'inga teman'}).")
            answer = self._answer_row(s, review, item_id)
            written = answer is not None and (
                bool(answer.comment) or (item.answer.type is AnswerType.TEXT
                                         and bool(answer.value)))
            if not written and wanted:
                raise UserError("Skriv ett svar eller en kommentar innan texten märks med "
                                "teman.")
            if answer is None:
                return self._record(s, round_id, case_id)
            changed = replace_tags(s, answer, wanted,
                                   {t: known[t].label for t in wanted}, self.actor)
            if changed is None:
                return self._record(s, round_id, case_id)
            review.updated_at = datetime.now()
            review.bump()
            record_change(s, self.actor, "update", "themes", f"{review.uid}/{item_id}",
                          round_id=round_id, case_ref=case.case_ref, field=item_id,
                          old="|".join(changed[0]) or None, new="|".join(changed[1]) or None)
            return self._record(s, round_id, case_id)

    def complete(self, round_id: int, case_id: int,
                 expected_version: int | None = None) -> ReviewRecord:
        """Mark a review complete once every required item that applies is answered.

        `expected_version` is the review's version the user saw (ReviewRecord.version):
        when someone else has changed the review since, ReviewConflictError names the
        stored status and this change, and nothing is written.
        """
        return retried(lambda: self._complete(round_id, case_id, expected_version))

    def _complete(self, round_id: int, case_id: int,
                  expected: int | None) -> ReviewRecord:
        with self.db.session() as s:
            check_version(s, self._review_row(s, round_id, case_id), expected,
                          status_change(ReviewStatus.COMPLETE))
            review, checklist, case = self._editable(s, round_id, case_id)
            values = {a.item_id: a.value for a in self._answers(s, review)}
            applies = checklist.applicable(values)
            missing = [i for i in checklist.items
                       if i.required and applies[i.id] and not values.get(i.id)]
            if missing:
                raise MissingAnswersError([i.id for i in missing], [i.question for i in missing])
            review.status = ReviewStatus.COMPLETE
            review.completed_at = datetime.now()
            review.bump()
            record_change(s, self.actor, "complete", "review", review.uid, round_id=round_id,
                          case_ref=case.case_ref, field="status", old="draft", new="complete")
            return self._record(s, round_id, case_id)

    def reopen(self, round_id: int, case_id: int, reason: str,
               expected_version: int | None = None) -> ReviewRecord:
        """Reopen a completed review; the reason is required and logged.
        `expected_version` as for complete()."""
        reason = check_free_text(reason)
        if not reason:
            raise UserError("Ange varför granskningen öppnas igen.")
        return retried(lambda: self._reopen(round_id, case_id, reason, expected_version))

    def _reopen(self, round_id: int, case_id: int, reason: str,
                expected: int | None) -> ReviewRecord:
        with self.db.session() as s:
            round_row = find_round(s, round_id)
            self._check_unlocked(round_row)
            check_version(s, self._review_row(s, round_id, case_id), expected,
                          status_change(ReviewStatus.DRAFT))
            review = self._review_row(s, round_id, case_id)
            if review is None or review.status != ReviewStatus.COMPLETE.value:
                raise UserError("Granskningen är inte markerad som klar.")
            case = s.get(Case, case_id)
            assert case is not None
            review.status = ReviewStatus.DRAFT
            review.completed_at = None
            review.updated_at = datetime.now()
            review.bump()
            record_change(s, self.actor, "reopen", "review", review.uid, round_id=round_id,
                          case_ref=case.case_ref, field="status", old="complete", new="draft",
                          reason=reason)
            return self._record(s, round_id, case_id)

    # -- helpers -----------------------------------------------------------------------

    @staticmethod
    def _check_unlocked(row: AuditRound) -> None:
        if row.locked_at is not None:
            raise UserError(f"Omgången '{row.name}' är låst och kan inte ändras.")

    def _checklist(self, s: Session, definition_id: int) -> Checklist:
        definition = s.get(ChecklistDefinition, definition_id)
        if definition is None:
            raise NotFoundError(f"Checklistdefinition {definition_id} finns inte.")
        return parse_definition(definition.source)

    def _case(self, s: Session, round_id: int, case_id: int) -> Case:
        case = s.get(Case, case_id)
        if case is None or case.round_id != round_id:
            raise NotFoundError(f"Ärendet {case_id} finns inte i omgången.")
        in_sample = s.scalar(select(SampleEntry.id).join(Sample).where(
            Sample.round_id == round_id, SampleEntry.case_id == case_id, active_entry_filter()))
        if in_sample is None and s.scalar(select(ChosenCase.id).where(
                ChosenCase.round_id == round_id, ChosenCase.case_id == case_id)) is None:
            raise UserError(f"Ärendet {case.case_ref} ingår inte i stickprovet.")
        return case

    def _review_row(self, s: Session, round_id: int, case_id: int) -> Review | None:
        return s.scalar(select(Review).where(Review.round_id == round_id,
                                             Review.case_id == case_id))

    def _editable(self, s: Session, round_id: int, case_id: int,
                  yours: str | None = None) -> tuple[Review, Checklist, Case]:
        """The review to change (made when there is none); a completed one is refused,
        as a conflict naming `yours` when the user's form still showed it open."""
        round_row = find_round(s, round_id)
        self._check_unlocked(round_row)
        case = self._case(s, round_id, case_id)
        second = s.scalar(select(CalibrationReview.reviewer).where(
            CalibrationReview.round_id == round_id, CalibrationReview.case_id == case_id))
        if second is not None and second == self.actor:
            raise UserError(f"Du dubbelgranskar {case.case_ref}; den ordinarie granskningen "
                            "ska göras av någon annan.")
        review = self._review_row(s, round_id, case_id)
        if review is None:
            now = datetime.now()
            review = Review(uid=str(uuid.uuid4()), round_id=round_id, case_id=case_id,
                            definition_id=round_row.definition_id, reviewer=self.actor,
                            status=ReviewStatus.DRAFT.value, created_at=now, updated_at=now)
            s.add(review)
            s.flush()
            record_change(s, self.actor, "create", "review", review.uid, round_id=round_id,
                          case_ref=case.case_ref)
        elif review.status == ReviewStatus.COMPLETE.value:
            if yours is not None:
                raise conflict(s, review, yours)
            raise UserError(f"Granskningen av {case.case_ref} är markerad som klar. "
                            "Öppna den igen (med en orsak) för att ändra.")
        return review, self._checklist(s, review.definition_id), case

    def _answers(self, s: Session, review: Review) -> list[Answer]:
        return list(s.scalars(select(Answer).where(Answer.review_id == review.id)))

    def _answer_row(self, s: Session, review: Review, item_id: str) -> Answer | None:
        return s.scalar(select(Answer).where(Answer.review_id == review.id,
                                             Answer.item_id == item_id))

    def _reevaluate(self, s: Session, review: Review, checklist: Checklist) -> None:
        answers = self._answers(s, review)
        result = checklist.evaluate({a.item_id: a.value for a in answers})
        for a in answers:
            applies, compliant = result.get(a.item_id, (False, None))
            a.applicable = applies
            a.compliant = compliant

    def _record(self, s: Session, round_id: int, case_id: int) -> ReviewRecord:
        round_row = find_round(s, round_id)
        case = s.get(Case, case_id)
        if case is None:
            raise NotFoundError(f"Ärendet {case_id} finns inte.")
        review = self._review_row(s, round_id, case_id)
        if review is None:
            return ReviewRecord(round_id, case_id, case.case_ref, round_row.definition_id,
                                ReviewStatus.NOT_STARTED)
        tags: dict[int, list[str]] = {}
        for answer_id, theme_id in s.execute(
                select(AnswerTheme.answer_id, AnswerTheme.theme_id)
                .join(Answer, Answer.id == AnswerTheme.answer_id)
                .where(Answer.review_id == review.id).order_by(AnswerTheme.theme_id)):
            tags.setdefault(answer_id, []).append(theme_id)
        answers = {a.item_id: AnswerRecord(a.item_id, a.value, a.comment, a.applicable,
                                           a.compliant, a.answered_by, a.updated_at,
                                           tuple(tags.get(a.id, ())), a.version)
                   for a in self._answers(s, review)}
        return ReviewRecord(
            round_id, case_id, case.case_ref, review.definition_id, ReviewStatus(review.status),
            id=review.id, reviewer=review.reviewer, created_at=review.created_at,
            updated_at=review.updated_at, completed_at=review.completed_at, answers=answers,
            version=review.version)
