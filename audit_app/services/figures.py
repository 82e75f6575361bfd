"""Result figures per checklist item from completed reviews (counts: figure_counts.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from audit_app.domain.checklist import Checklist, ChecklistItem
from audit_app.domain.errors import NotFoundError, UserError
from audit_app.domain.figures import (
    GENDER_ORDER,
    Comment,
    Figure,
    ItemFigures,
    Report,
    RoundInfo,
)
from audit_app.reports.xlsx_data import DataTuple
from audit_app.services.definitions import parse_definition
from audit_app.services.figure_counts import case_filters, count_answers
from audit_app.services.report_extras import add_extras, chosen_cases
from audit_app.storage.db import Database
from audit_app.storage.models import Answer, AuditRound, Case, ChecklistDefinition, Review
from audit_app.storage.queries import chosen_case_ids

COMPLETE = "complete"


@dataclass(frozen=True)
class CaseBehind:
    """A case behind a figure, for drill-down."""

    round_name: str
    case_ref: str
    unit: str
    gender: str
    value: str | None
    compliant: bool | None
    comment: str


class _Acc:
    """Adds grouped counts into a figure."""

    def __init__(self) -> None:
        self.n = 0
        self.x = 0
        self.counts: dict[str, int] = defaultdict(int)

    def add(self, value: str | None, compliant: bool | None, count: int) -> None:
        if value is not None and value != "":
            self.counts[value] += count
        if compliant is not None:
            self.n += count
            if compliant:
                self.x += count

    def figure(self, target: float | None) -> Figure:
        return Figure(self.n, self.x, dict(self.counts), target)


class FigureService:
    """Figures of one or more rounds of the same checklist; only completed reviews count."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def compute(self, round_ids: list[int], *, unit: str | None = None,
                gender: str | None = None) -> Report:
        with self.db.session() as s:
            rounds, checklist, versions, notes, common = self._rounds(s, round_ids)
            items = [i for i in checklist.items if i.id in common]
            sections = {i.id: sec.title for sec in checklist.sections for i in sec.items}
            period_of = {r.id: (r.year, r.period) for r in rounds}
            year = max(r.year for r in rounds)
            acc: dict[tuple[str, str, str], _Acc] = defaultdict(_Acc)
            counted = count_answers(s, round_ids, unit, gender)
            for round_id, item_id, c_unit, c_gender, value, compliant, count in counted:
                y, p = period_of[round_id]
                keys = [("total", ""), ("period", f"{p} {y}"), ("period", f"VB {y}"),
                        ("unit", c_unit or "Okänd enhet"), ("gender", c_gender or "okant")]
                for kind, key in keys:
                    acc[(item_id, kind, key)].add(value, compliant, count)
            last = self._last_year(s, rounds, checklist.id, unit, gender)
            comments = self._comments(s, round_ids, unit, gender)
            failed = self._failed(s, round_ids, [i.id for i in items if i.critical], unit, gender)
            reviewers, reviews = self._reviewers(s, round_ids, unit, gender)
            units = sorted(self._case_units(s, round_ids))
            out = []
            for item in items:
                out.append(self._item(item, sections[item.id], acc, last,
                                      comments.get(item.id, ()), failed.get(item.id, ()),
                                      year, rounds))
            out = add_extras(s, round_ids, checklist, out, unit, gender)
            chosen = chosen_cases(s, round_ids)
        return Report(checklist_id=checklist.id, checklist_title=checklist.title,
                      checklist_versions=versions, rounds=tuple(rounds), units=tuple(units),
                      reviewers=reviewers, reviews=reviews, items=tuple(out),
                      created=date.today(), unit_filter=unit or None,
                      gender_filter=gender or None, notes=tuple(notes), chosen_cases=chosen)

    def checklist(self, round_ids: list[int]) -> Checklist:
        """The checklist a report on these rounds is laid out by (the newest definition)."""
        with self.db.session() as s:
            return self._rounds(s, round_ids)[1]

    def cases_behind(self, round_ids: list[int], item_id: str, value: str | None = None,
                     compliant: bool | None = None, *, unit: str | None = None,
                     gender: str | None = None, period: str | None = None,
                     ) -> list[CaseBehind]:
        """The completed reviews behind a figure: all counted, one answer, or (non)compliant."""
        with self.db.session() as s:
            stmt = (select(AuditRound.name, Case.case_ref, Case.unit, Case.gender, Answer.value,
                           Answer.compliant, Answer.comment)
                    .select_from(Answer).join(Review, Review.id == Answer.review_id)
                    .join(Case, Case.id == Review.case_id)
                    .join(AuditRound, AuditRound.id == Review.round_id)
                    .where(Review.round_id.in_(round_ids), Review.status == COMPLETE,
                           Answer.item_id == item_id, Answer.applicable.is_(True),
                           Review.case_id.not_in(chosen_case_ids())))
            stmt = case_filters(stmt, unit, gender)
            if value is not None:
                stmt = stmt.where(Answer.value == value)
            elif compliant is not None:
                stmt = stmt.where(Answer.compliant.is_(compliant))
            else:
                stmt = stmt.where(Answer.compliant.is_not(None))
            if period is not None:
                stmt = stmt.where(AuditRound.period == period)
            stmt = stmt.order_by(AuditRound.name, Case.case_ref)
            return [CaseBehind(*row) for row in s.execute(stmt)]

    def data_rows(self, round_ids: list[int], *, unit: str | None = None,
                  gender: str | None = None) -> Iterator[DataTuple]:
        """Every answer of every completed review, streamed for the long data sheet: plain
        tuples (reports.xlsx_data.DataTuple) from Core rows (ORM-typed rows took ~6 s)."""
        with self.db.session() as s:
            stmt = (select(AuditRound.name, Case.case_ref, Case.unit, Case.gender,
                           Answer.item_id, Answer.value, Answer.applicable, Answer.compliant,
                           Answer.comment, Review.reviewer, func.date(Review.completed_at))
                    .select_from(Answer).join(Review, Review.id == Answer.review_id)
                    .join(Case, Case.id == Review.case_id)
                    .join(AuditRound, AuditRound.id == Review.round_id)
                    .where(Review.round_id.in_(round_ids), Review.status == COMPLETE))
            stmt = case_filters(stmt, unit, gender).order_by(
                AuditRound.year, AuditRound.period, AuditRound.name, Case.case_ref, Answer.id)
            days: dict[str, date] = {}
            for row in s.connection().execution_options(yield_per=5000).execute(stmt):
                done = row[10]
                if done is None:
                    yield (*row[:10], None)
                    continue
                day = days.get(done)
                if day is None:
                    day = days[done] = date.fromisoformat(done)
                yield (*row[:10], day)

    # -- queries -----------------------------------------------------------------------

    def _rounds(self, s: Session, round_ids: list[int],
                ) -> tuple[list[RoundInfo], Checklist, tuple[str, ...], list[str], set[str]]:
        if not round_ids:
            raise UserError("Välj minst en omgång.")
        rows = list(s.execute(
            select(AuditRound, ChecklistDefinition)
            .join(ChecklistDefinition, ChecklistDefinition.id == AuditRound.definition_id)
            .where(AuditRound.id.in_(round_ids))).all())
        if len(rows) != len(set(round_ids)):
            missing = set(round_ids) - {r.id for r, _ in rows}
            raise NotFoundError(f"Omgång {', '.join(map(str, sorted(missing)))} finns inte.")
        keys = {d.checklist_key for _, d in rows}
        if len(keys) > 1:
            raise UserError("Omgångarna använder olika checklistor ("
                            + ", ".join(sorted(keys)) + ") och kan inte redovisas tillsammans.")
        rows.sort(key=lambda rd: (rd[0].year, rd[0].period, rd[0].name))
        infos = [RoundInfo(r.id, r.name, r.year, r.period, r.unit, d.version, d.id)
                 for r, d in rows]
        definitions = {d.id: d for _, d in rows}
        checklists = {i: parse_definition(d.source) for i, d in definitions.items()}
        newest = rows[-1][1].id
        common = set.intersection(*({i.id for i in c.items} for c in checklists.values()))
        versions = tuple(dict.fromkeys(d.version for _, d in rows))
        notes: list[str] = []
        if len(checklists) > 1:
            dropped = sorted({i.id for c in checklists.values() for i in c.items} - common)
            notes.append("Omgångarna använder olika versioner av checklistan ("
                         + ", ".join(versions) + "); bara kontrollpunkter som finns i alla "
                         "versioner redovisas." + (f" Utelämnade: {', '.join(dropped)}."
                                                    if dropped else ""))
        return infos, checklists[newest], versions, notes, common

    def _last_year(self, s: Session, rounds: list[RoundInfo], checklist_key: str,
                   unit: str | None, gender: str | None) -> dict[tuple[str, str], _Acc]:
        """Figures of the same periods one year earlier, from any round of this checklist."""
        wanted = {(r.year - 1, r.period) for r in rounds}
        years = {y for y, _ in wanted}
        ids = [rid for rid, y, p in s.execute(
            select(AuditRound.id, AuditRound.year, AuditRound.period)
            .join(ChecklistDefinition, ChecklistDefinition.id == AuditRound.definition_id)
            .where(ChecklistDefinition.checklist_key == checklist_key,
                   AuditRound.year.in_(years))) if (y, p) in wanted]
        out: dict[tuple[str, str], _Acc] = defaultdict(_Acc)
        if not ids:
            return out
        period_of: dict[int, str] = {
            rid: p for rid, p in s.execute(select(AuditRound.id, AuditRound.period)
                                           .where(AuditRound.id.in_(ids)))}
        y = max(r.year for r in rounds) - 1
        periods = sorted(set(period_of.values()))
        # the same periods accumulated, so the comparison is like for like
        span = f"{periods[0]}–{periods[-1]} {y}" if len(periods) > 1 else None
        for round_id, item_id, _u, _g, value, compliant, count in count_answers(
                s, ids, unit, gender):
            labels = [f"{period_of[round_id]} {y}"] + ([span] if span else [])
            for label in labels:
                out[(item_id, label)].add(value, compliant, count)
        return out

    def _comments(self, s: Session, round_ids: list[int], unit: str | None,
                  gender: str | None) -> dict[str, list[Comment]]:
        stmt = (select(Answer.item_id, Case.case_ref, AuditRound.name, Answer.value,
                       Answer.comment)
                .select_from(Answer).join(Review, Review.id == Answer.review_id)
                .join(Case, Case.id == Review.case_id)
                .join(AuditRound, AuditRound.id == Review.round_id)
                .where(Review.round_id.in_(round_ids), Review.status == COMPLETE,
                       Answer.comment != ""))
        stmt = case_filters(stmt, unit, gender).order_by(AuditRound.year, AuditRound.period,
                                                          Case.case_ref)
        out: dict[str, list[Comment]] = defaultdict(list)
        for item_id, ref, name, value, text in s.execute(stmt):
            out[item_id].append(Comment(ref, name, value, text))
        return out

    def _failed(self, s: Session, round_ids: list[int], item_ids: list[str],
                unit: str | None, gender: str | None) -> dict[str, list[str]]:
        if not item_ids:
            return {}
        stmt = (select(Answer.item_id, Case.case_ref)
                .select_from(Answer).join(Review, Review.id == Answer.review_id)
                .join(Case, Case.id == Review.case_id)
                .where(Review.round_id.in_(round_ids), Review.status == COMPLETE,
                       Answer.item_id.in_(item_ids), Answer.applicable.is_(True),
                       Answer.compliant.is_(False)))
        stmt = case_filters(stmt, unit, gender).order_by(Case.case_ref)
        out: dict[str, list[str]] = defaultdict(list)
        for item_id, ref in s.execute(stmt):
            out[item_id].append(ref)
        return out

    def _reviewers(self, s: Session, round_ids: list[int], unit: str | None,
                   gender: str | None) -> tuple[tuple[str, ...], int]:
        stmt = (select(Review.reviewer, func.count()).select_from(Review)
                .join(Case, Case.id == Review.case_id)
                .where(Review.round_id.in_(round_ids), Review.status == COMPLETE,
                       Review.case_id.not_in(chosen_case_ids())))
        stmt = case_filters(stmt, unit, gender).group_by(Review.reviewer)
        rows = s.execute(stmt).all()
        return tuple(sorted(r for r, _ in rows)), sum(c for _, c in rows)

    @staticmethod
    def _case_units(s: Session, round_ids: list[int]) -> set[str]:
        return {u for u in s.scalars(select(Case.unit).distinct()
                                     .where(Case.round_id.in_(round_ids))) if u}

    @staticmethod
    def _item(item: ChecklistItem, section: str, acc: dict[tuple[str, str, str], _Acc],
              last: dict[tuple[str, str], _Acc], comments: Any, failed: Any, year: int,
              rounds: list[RoundInfo]) -> ItemFigures:
        t = item.target

        def fig(kind: str, key: str) -> Figure:
            return acc.get((item.id, kind, key), _Acc()).figure(t)

        labels = [f"{p} {y}" for y, p in dict.fromkeys((r.year, r.period) for r in rounds)]
        labels += [f"VB {y}" for y in dict.fromkeys(r.year for r in rounds)]
        periods = {lab: fig("period", lab) for lab in labels}
        last_year = {lab: a.figure(t) for (i, lab), a in sorted(last.items()) if i == item.id}
        unit_keys = sorted(k for (i, kind, k) in acc if i == item.id and kind == "unit")
        gender_keys = [g for g in GENDER_ORDER if (item.id, "gender", g) in acc]
        condition = "; ".join(
            f"{c.item_id} = {' / '.join(sorted(c.values))}" for c in item.applies_when)
        return ItemFigures(
            item_id=item.id, question=item.question, section=section,
            answer_type=item.answer.type.value,
            options=tuple((o.value, o.label) for o in item.answer.options),
            target=t, critical=item.critical, scored=item.answer.scored, condition=condition,
            total=fig("total", ""), periods=periods, last_year=last_year,
            units={u: fig("unit", u) for u in unit_keys},
            genders={g: fig("gender", g) for g in gender_keys},
            comments=tuple(comments), failed_cases=tuple(failed))
