"""The themes completed reviews' texts are tagged with, read for the result figures."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from audit_app.domain.texts import Tag
from audit_app.services.figure_counts import case_filters
from audit_app.storage.models import Answer, AnswerTheme, AuditRound, Case, Review

COMPLETE = "complete"


def theme_tags(s: Session, round_ids: list[int], unit: str | None, gender: str | None,
               written: set[str]) -> dict[str, list[Tag]]:
    """Per item, its tags oldest first (each says whether the user chose it as a quote);
    the tagged text is the written answer for written (fritext) items, else the comment."""
    stmt = (select(Answer.item_id, AnswerTheme.theme_id, AnswerTheme.label, Case.case_ref,
                   AuditRound.name, Answer.value, Answer.comment, AnswerTheme.quote_at)
            .select_from(AnswerTheme).join(Answer, Answer.id == AnswerTheme.answer_id)
            .join(Review, Review.id == Answer.review_id)
            .join(Case, Case.id == Review.case_id)
            .join(AuditRound, AuditRound.id == Review.round_id)
            .where(Review.round_id.in_(round_ids), Review.status == COMPLETE))
    stmt = case_filters(stmt, unit, gender).order_by(AuditRound.year, AuditRound.period,
                                                      Case.case_ref, AnswerTheme.theme_id)
    out: dict[str, list[Tag]] = defaultdict(list)
    for item_id, theme_id, label, ref, name, value, comment, quote_at in s.execute(stmt):
        text = (value or "") if item_id in written else comment
        if text:
            out[item_id].append(Tag(theme_id, label, ref, name, text, quote_at is not None))
    return out
