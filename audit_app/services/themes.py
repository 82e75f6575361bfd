"""Tagging stored texts with themes: while reviewing, and afterwards in the synthesis."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from audit_app.domain.checklist import AnswerType, Checklist
from audit_app.domain.errors import NotFoundError, UserError
from audit_app.services.definitions import parse_definition
from audit_app.services.review_versions import retried
from audit_app.storage.changelog import record_change
from audit_app.storage.db import Database
from audit_app.storage.models import (
    Answer,
    AnswerTheme,
    AuditRound,
    Case,
    ChecklistDefinition,
    Review,
)


def replace_tags(s: Session, answer: Answer, wanted: Sequence[str], labels: Mapping[str, str],
                 actor: str) -> tuple[list[str], list[str]] | None:
    """Make the answer's tags exactly `wanted`; (old, new) ids, or None when unchanged."""
    rows = {t.theme_id: t for t in s.scalars(
        select(AnswerTheme).where(AnswerTheme.answer_id == answer.id))}
    if set(rows) == set(wanted):
        return None
    now = datetime.now()
    # a text chosen as a quote stays one under a theme added to it later
    quoted = next((r for r in rows.values() if r.quote_at is not None), None)
    for tid, row in rows.items():
        if tid not in wanted:
            s.delete(row)
    for tid in wanted:
        if tid not in rows:
            s.add(AnswerTheme(answer_id=answer.id, theme_id=tid, label=labels[tid],
                              tagged_by=actor, tagged_at=now,
                              quote_by=quoted.quote_by if quoted else None,
                              quote_at=quoted.quote_at if quoted else None))
    s.flush()
    return sorted(rows), list(wanted)


class ThemeService:
    """The synthesis: a mentor reads all answers to one question and tags them afterwards."""

    def __init__(self, db: Database, actor: str) -> None:
        self.db = db
        self.actor = actor

    def tag_text(self, answer_id: int, theme_ids: Sequence[str],
                 new: Mapping[str, str] | None = None) -> tuple[str, ...]:
        """Tag one stored text (of a completed review too; not in a locked round).

        new: themes added now (id -> label); they live on with the round's tags, whatever
        the checklist later says. Returns the answer's theme ids.
        """
        wanted = list(dict.fromkeys(theme_ids))
        return retried(lambda: self._tag_text(answer_id, wanted, new))

    def _tag_text(self, answer_id: int, wanted: list[str],
                  new: Mapping[str, str] | None) -> tuple[str, ...]:
        with self.db.session() as s:
            answer, review, checklist = _open_answer(s, answer_id)
            item = checklist.item(answer.item_id)
            labels: dict[str, str] = {tid: label for tid, label in s.execute(
                select(AnswerTheme.theme_id, AnswerTheme.label)
                .join(Answer, Answer.id == AnswerTheme.answer_id)
                .join(Review, Review.id == Answer.review_id)
                .where(Review.round_id == review.round_id,
                       Answer.item_id == answer.item_id))}
            labels.update({t.id: t.label for t in checklist.themes_for(item)})
            labels.update(new or {})
            unknown = [t for t in wanted if t not in labels]
            if unknown:
                raise UserError(f"Temat {', '.join(unknown)} finns inte för '{item.id}'.")
            text = answer.value if item.answer.type is AnswerType.TEXT else answer.comment
            if wanted and not text:
                raise UserError("Svaret har ingen text att märka med teman.")
            changed = replace_tags(s, answer, wanted, labels, self.actor)
            if changed is not None:
                review.bump()  # a form that read the review before sees it changed
                case = s.get(Case, review.case_id)
                record_change(s, self.actor, "update", "themes", f"{review.uid}/{item.id}",
                              round_id=review.round_id,
                              case_ref=case.case_ref if case else None, field=item.id,
                              old="|".join(changed[0]) or None,
                              new="|".join(changed[1]) or None)
            return tuple(sorted(wanted))

    def set_quote(self, answer_id: int, chosen: bool) -> tuple[str, ...]:
        """Choose a tagged text as a quote of each of its themes (they quote chosen texts
        first, then the newest, up to three), or take the choice back; logged. Returns the
        ids of the themes it is now a chosen quote of."""
        return retried(lambda: self._set_quote(answer_id, chosen))

    def _set_quote(self, answer_id: int, chosen: bool) -> tuple[str, ...]:
        with self.db.session() as s:
            answer, review, checklist = _open_answer(s, answer_id)
            rows = list(s.scalars(select(AnswerTheme).where(AnswerTheme.answer_id == answer.id)
                                  .order_by(AnswerTheme.theme_id)))
            if not rows:
                raise UserError("Märk texten med ett tema innan den väljs som citat.")
            before = [r.theme_id for r in rows if r.quote_at is not None]
            now = datetime.now()
            for row in rows:
                if chosen and row.quote_at is None:
                    row.quote_by, row.quote_at = self.actor, now
                elif not chosen:
                    row.quote_by, row.quote_at = None, None
            after = [r.theme_id for r in rows] if chosen else []
            if before != after:
                review.bump()
                item = checklist.item(answer.item_id)
                case = s.get(Case, review.case_id)
                record_change(s, self.actor, "update", "quote", f"{review.uid}/{item.id}",
                              round_id=review.round_id,
                              case_ref=case.case_ref if case else None, field=item.id,
                              old="|".join(before) or None, new="|".join(after) or None)
            return tuple(after)


def _open_answer(s: Session, answer_id: int) -> tuple[Answer, Review, Checklist]:
    """The stored answer, its review and checklist; refused in a locked round."""
    answer = s.get(Answer, answer_id)
    review = s.get(Review, answer.review_id) if answer is not None else None
    if answer is None or review is None:
        raise NotFoundError(f"Svaret {answer_id} finns inte.")
    round_row = s.get(AuditRound, review.round_id)
    definition = s.get(ChecklistDefinition, review.definition_id)
    assert round_row is not None and definition is not None
    if round_row.locked_at is not None:
        raise UserError(f"Omgången '{round_row.name}' är låst och kan inte ändras.")
    return answer, review, parse_definition(definition.source)
