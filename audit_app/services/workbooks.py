"""Writing a round's review workbook for colleagues without Granska."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from sqlalchemy import select

from audit_app.domain.errors import NotFoundError
from audit_app.services.definitions import parse_definition
from audit_app.services.reviews import ReviewService
from audit_app.storage.db import Database
from audit_app.storage.models import (
    Answer,
    AnswerTheme,
    AuditRound,
    ChecklistDefinition,
    Review,
)


class WorkbookService:
    """The review workbook: the sampled cases, recorded answers pre-filled."""

    def __init__(self, db: Database, actor: str) -> None:
        self.db = db
        self.actor = actor

    def write_template(self, round_id: int, path: Path) -> int:
        """Write the workbook for the round's sample; returns the number of cases."""
        # openpyxl is imported when a workbook is written, not at program start
        from audit_app.reports.review_workbook import WorkbookCase, write_review_workbook

        rows = ReviewService(self.db, self.actor).case_rows(round_id)
        with self.db.session() as s:
            round_row = s.get(AuditRound, round_id)
            if round_row is None:
                raise NotFoundError(f"Omgång {round_id} finns inte.")
            definition = s.get(ChecklistDefinition, round_row.definition_id)
            assert definition is not None
            checklist = parse_definition(definition.source)
            recorded: dict[int, tuple[dict[str, str | None], dict[str, str]]] = {}
            for review_case, answer in s.execute(
                    select(Review.case_id, Answer).join(Answer, Answer.review_id == Review.id)
                    .where(Review.round_id == round_id)).all():
                values, comments = recorded.setdefault(review_case, ({}, {}))
                values[answer.item_id] = answer.value
                if answer.comment:
                    comments[answer.item_id] = answer.comment
            themes: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
            for review_case, item_id, label in s.execute(
                    select(Review.case_id, Answer.item_id, AnswerTheme.label)
                    .join(Answer, Answer.review_id == Review.id)
                    .join(AnswerTheme, AnswerTheme.answer_id == Answer.id)
                    .where(Review.round_id == round_id).order_by(AnswerTheme.label)):
                themes[review_case][item_id].append(label)
            name, uid, digest = round_row.name, round_row.uid, definition.content_hash
        cases = [WorkbookCase(r.case_ref, r.unit, *recorded.get(r.case_id, ({}, {})),
                              themes={item: " | ".join(labels) for item, labels
                                      in themes.get(r.case_id, {}).items()})
                 for r in rows]
        write_review_workbook(path, checklist, name, uid, digest, cases)
        return len(cases)
