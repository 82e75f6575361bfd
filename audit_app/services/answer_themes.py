"""Themes given in a long answer file: checked against the item's themes, then tagged."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from audit_app.domain.checklist import AnswerType, Checklist, ChecklistItem
from audit_app.importers.answer_files import AnswerCell
from audit_app.services.themes import replace_tags
from audit_app.storage.changelog import record_change
from audit_app.storage.models import Answer, Case, Review

ThemePlan = dict[tuple[str, str], dict[str, str]]  # (case ref, item id) -> theme id -> label


def plan_themes(checklist: Checklist, item: ChecklistItem, cell: AnswerCell,
                texts: tuple[str | None, str | None], themes: ThemePlan) -> str | None:
    """Add the cell's themes to `themes`, or return the problem (naming the cell) instead.

    texts: the answer and comment the text will have after the import (file or recorded).
    """
    if cell.themes is None:
        return None
    known = {t.id: t.label for t in checklist.themes_for(item)}
    unknown = [t for t in cell.themes if t not in known]
    if unknown:
        return (f"{cell.themes_at}: okänt tema {', '.join(repr(t) for t in unknown)} för "
                f"'{item.id}' (finns: {', '.join(known) or 'inga teman'})")
    value, comment = texts
    written = bool(comment) or (item.answer.type is AnswerType.TEXT and bool(value))
    if cell.themes and not written:
        return (f"{cell.themes_at}: {cell.case_ref} / {item.id} har ingen text att märka med "
                "teman")
    themes[(cell.case_ref, item.id)] = {t: known[t] for t in cell.themes}
    return None


def apply_themes(s: Session, round_id: int, themes: Mapping[tuple[str, str], dict[str, str]],
                 actor: str, reason: str) -> int:
    """Tag the texts as planned (replacing earlier tags); the number of texts changed."""
    changed_count = 0
    for (case_ref, item_id), labels in themes.items():
        row = s.execute(
            select(Review, Answer).join(Case, Case.id == Review.case_id)
            .join(Answer, Answer.review_id == Review.id)
            .where(Review.round_id == round_id, Case.case_ref == case_ref,
                   Answer.item_id == item_id)).first()
        if row is None:  # an empty themes cell for a text never written: nothing to clear
            continue
        review, answer = row
        changed = replace_tags(s, answer, list(labels), labels, actor)
        if changed is None:
            continue
        changed_count += 1
        review.bump()  # the tags are part of the review: a stale form must not save over
        record_change(s, actor, "update", "themes", f"{review.uid}/{item_id}",
                      round_id=round_id, case_ref=case_ref, field=item_id,
                      old="|".join(changed[0]) or None, new="|".join(changed[1]) or None,
                      reason=reason)
    return changed_count
