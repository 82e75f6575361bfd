"""The feedback sheet of one completed review (återkoppling to the case's social worker)."""

from __future__ import annotations

from sqlalchemy import select

from audit_app.domain.checklist import AnswerType
from audit_app.domain.errors import NotFoundError, UserError
from audit_app.domain.feedback import FeedbackRow, FeedbackSheet
from audit_app.services.definitions import parse_definition
from audit_app.storage.db import Database
from audit_app.storage.models import Answer, AuditRound, Case, ChecklistDefinition, Review


class FeedbackService:
    """Reads a completed review as questions, answers and comments, without who reviewed."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def sheet(self, round_key: int | str, case_ref: str) -> FeedbackSheet:
        with self.db.session() as s:
            rnd = s.get(AuditRound, round_key) if isinstance(round_key, int) else s.scalar(
                select(AuditRound).where(AuditRound.name == round_key))
            if rnd is None and isinstance(round_key, str) and round_key.isdigit():
                rnd = s.get(AuditRound, int(round_key))
            if rnd is None:
                raise NotFoundError(f"Omgången '{round_key}' finns inte.")
            review = s.scalar(select(Review).join(Case, Case.id == Review.case_id)
                              .where(Review.round_id == rnd.id, Case.case_ref == case_ref))
            if review is None:
                raise NotFoundError(f"Ärendet '{case_ref}' har ingen granskning i "
                                    f"'{rnd.name}'.")
            if review.status != "complete":
                raise UserError(f"Granskningen av {case_ref} är inte klar; återkopplingen "
                                "skrivs när den är markerad som klar.")
            definition = s.get(ChecklistDefinition, review.definition_id)
            assert definition is not None
            checklist = parse_definition(definition.source)
            answers = {a.item_id: a for a in s.scalars(
                select(Answer).where(Answer.review_id == review.id))}
            rows = []
            for section in checklist.sections:
                for item in section.items:
                    answer = answers.get(item.id)
                    if answer is not None and not answer.applicable:
                        continue  # the item did not apply to this case
                    value = answer.value if answer is not None else None
                    option = item.answer.option(value) if value is not None else None
                    text = option.label if option is not None else (value or "–")
                    if item.answer.type is AnswerType.DATE and value:
                        text = value
                    rows.append(FeedbackRow(section.title, item.question, text,
                                            answer.comment if answer is not None else ""))
            return FeedbackSheet(case_ref, rnd.name, checklist.title, checklist.version,
                                 f"{rnd.period} {rnd.year}",
                                 review.completed_at.date() if review.completed_at else None,
                                 tuple(rows))
