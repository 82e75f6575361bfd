"""Result figures per checklist item from completed reviews (counts: figure_counts.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from audit_app.domain.checklist import AnswerType, Checklist, ChecklistItem
from audit_app.domain.checklist_diff import differing_targets, target_text
from audit_app.domain.errors import NotFoundError, UserError
from audit_app.domain.figures import (
    TOTAL,
    Comment,
    Figure,
    GroupKey,
    GroupKind,
    ItemFigures,
    Report,
    RoundInfo,
)
from audit_app.domain.gender import GENDER_ORDER, Gender
from audit_app.domain.reviews import ReviewStatus
from audit_app.domain.rounds import Period
from audit_app.domain.texts import Tag, count_themes
from audit_app.reports.xlsx_data import DataTuple
from audit_app.services.definitions import parse_definition
from audit_app.services.figure_cache import cache_for
from audit_app.services.figure_counts import case_filters, count_answers
from audit_app.services.report_extras import add_extras, chosen_cases
from audit_app.services.theme_counts import theme_tags
from audit_app.storage.db import Database
from audit_app.storage.models import Answer, AuditRound, Case, ChecklistDefinition, Review
from audit_app.storage.queries import chosen_case_ids

COMPLETE = ReviewStatus.COMPLETE


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
    round_id: int = 0  # where the case opens in the review form
    case_id: int = 0


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
        """The report's figures; kept between calls until the database changes (the
        results window opened again on the same rounds shows them at once)."""
        key = ("report", tuple(round_ids), unit or None, gender or None, date.today())
        report = cache_for(self.db).get(
            key, lambda: self.compute_fresh(round_ids, unit=unit, gender=gender))
        assert isinstance(report, Report)
        return report

    def compute_fresh(self, round_ids: list[int], *, unit: str | None = None,
                      gender: str | None = None) -> Report:
        """The report's figures computed from the database now (no cache)."""
        with self.db.session() as s:
            rounds, checklist, versions, notes, common, targets = self._rounds(s, round_ids)
            items = [i for i in checklist.items if i.id in common]
            sections = {i.id: sec.title for sec in checklist.sections for i in sec.items}
            round_keys = {r.id: (GroupKey(GroupKind.PERIOD, r.year, Period(r.period)),
                                 GroupKey(GroupKind.VB, r.year)) for r in rounds}
            acc: dict[tuple[str, GroupKey], _Acc] = defaultdict(_Acc)
            unit_keys: dict[str, GroupKey] = {}
            gender_keys: dict[str, GroupKey] = {}
            counted = count_answers(s, round_ids, unit, gender)
            for round_id, item_id, c_unit, c_gender, value, compliant, count in counted:
                u = unit_keys.get(c_unit)
                if u is None:
                    u = unit_keys[c_unit] = GroupKey(GroupKind.UNIT, value=c_unit or "")
                g = gender_keys.get(c_gender)
                if g is None:
                    g = gender_keys[c_gender] = GroupKey(GroupKind.GENDER,
                                                         value=c_gender or Gender.UNKNOWN)
                for key in (TOTAL, *round_keys[round_id], u, g):
                    acc[(item_id, key)].add(value, compliant, count)
            last = self._last_year(s, rounds, checklist.id, unit, gender)
            written = [i.id for i in items if i.answer.type is AnswerType.TEXT]
            comments = self._comments(s, round_ids, unit, gender, written)
            tags = theme_tags(s, round_ids, unit, gender, set(written))
            failed = self._failed(s, round_ids, [i.id for i in items if i.critical], unit, gender)
            reviewers, reviews = self._reviewers(s, round_ids, unit, gender)
            units = sorted(self._case_units(s, round_ids))
            out = []
            for item in items:
                texts = _with_themes(comments.get(item.id, []), tags.get(item.id, []))
                figures = self._item(item, sections[item.id], acc, last, texts,
                                     failed.get(item.id, ()), rounds)
                themes = count_themes(checklist.themes_for(item), tags.get(item.id, []), texts)
                out.append(replace(figures, themes=themes,
                                   version_targets=targets.get(item.id, ())))
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
                     gender: str | None = None, group: GroupKey | None = None,
                     answered: bool = False) -> list[CaseBehind]:
        """The completed reviews behind a figure: all counted, one answer, or (non)compliant;
        with a group, only its cases (last year's group: the cases of last year's rounds);
        answered: every case with an answer (items not scored, e.g. written answers)."""
        with self.db.session() as s:
            if group is not None and group.kind is GroupKind.LAST_YEAR:
                # the rounds the figure counted: these rounds' periods a year earlier
                chosen = s.execute(select(ChecklistDefinition.checklist_key, AuditRound.year,
                                          AuditRound.period)
                                   .join(AuditRound,
                                         AuditRound.definition_id == ChecklistDefinition.id)
                                   .where(AuditRound.id.in_(round_ids))).all()
                wanted = {(y - 1, Period(p)) for _, y, p in chosen} & {
                    (group.year or 0, p) for p in group.periods()}
                key = chosen[0][0] if chosen else ""
                round_ids = list(self._rounds_of(s, wanted, key))
            stmt = (select(AuditRound.name, Case.case_ref, Case.unit, Case.gender, Answer.value,
                           Answer.compliant, Answer.comment, Review.round_id, Review.case_id)
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
            elif answered:
                stmt = stmt.where(Answer.value.is_not(None), Answer.value != "")
            else:
                stmt = stmt.where(Answer.compliant.is_not(None))
            if group is not None and group.kind in (GroupKind.PERIOD, GroupKind.VB):
                stmt = stmt.where(AuditRound.year == group.year)
                if group.period is not None:
                    stmt = stmt.where(AuditRound.period == group.period)
            elif group is not None and group.kind is GroupKind.UNIT:
                stmt = stmt.where(Case.unit == (group.value or ""))
            elif group is not None and group.kind is GroupKind.GENDER:
                stmt = stmt.where(Case.gender == group.value)
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
                ) -> tuple[list[RoundInfo], Checklist, tuple[str, ...], list[str], set[str],
                           dict[str, tuple[tuple[str, float | None], ...]]]:
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
        targets = differing_targets([(d.version, checklists[d.id]) for _, d in rows], common)
        notes += [f"Årsmålet för {i} skiljer sig mellan versionerna: {target_text(p)}; "
                  "resultatet bedöms mot målet i den senaste versionen."
                  for i, p in targets.items()]
        return infos, checklists[newest], versions, notes, common, targets

    @staticmethod
    def _rounds_of(s: Session, wanted: set[tuple[int, Period]],
                   checklist_key: str) -> dict[int, tuple[int, Period]]:
        """The rounds of this checklist in the wanted (year, period)s: id -> (year, period)."""
        years = {y for y, _ in wanted}
        return {rid: (y, Period(p)) for rid, y, p in s.execute(
            select(AuditRound.id, AuditRound.year, AuditRound.period)
            .join(ChecklistDefinition, ChecklistDefinition.id == AuditRound.definition_id)
            .where(ChecklistDefinition.checklist_key == checklist_key,
                   AuditRound.year.in_(years))) if (y, p) in wanted}

    def _last_year(self, s: Session, rounds: list[RoundInfo], checklist_key: str,
                   unit: str | None, gender: str | None) -> dict[tuple[str, GroupKey], _Acc]:
        """Figures of the same periods one year earlier, from any round of this checklist."""
        found = self._rounds_of(s, {(r.year - 1, Period(r.period)) for r in rounds},
                                checklist_key)
        out: dict[tuple[str, GroupKey], _Acc] = defaultdict(_Acc)
        if not found:
            return out
        by_year: dict[int, list[Period]] = defaultdict(list)
        for y, p in sorted(set(found.values())):
            by_year[y].append(p)
        # the same periods accumulated, so the comparison is like for like
        spans = {y: GroupKey(GroupKind.LAST_YEAR, y, ps[0], until=ps[-1])
                 for y, ps in by_year.items() if len(ps) > 1}
        keys = {rid: [GroupKey(GroupKind.LAST_YEAR, y, p)] + ([spans[y]] if y in spans else [])
                for rid, (y, p) in found.items()}
        for round_id, item_id, _u, _g, value, compliant, count in count_answers(
                s, list(found), unit, gender):
            for key in keys[round_id]:
                out[(item_id, key)].add(value, compliant, count)
        return out

    def _comments(self, s: Session, round_ids: list[int], unit: str | None,
                  gender: str | None, written: list[str]) -> dict[str, list[Comment]]:
        """Comments, and the answers of written (fritext) items, oldest round first."""
        wanted = Answer.comment != ""
        if written:
            wanted = wanted | (Answer.item_id.in_(written) & Answer.value.is_not(None)
                               & Answer.applicable.is_(True))
        stmt = (select(Answer.item_id, Case.case_ref, AuditRound.name, Answer.value,
                       Answer.comment, Review.reviewer, Answer.id)
                .select_from(Answer).join(Review, Review.id == Answer.review_id)
                .join(Case, Case.id == Review.case_id)
                .join(AuditRound, AuditRound.id == Review.round_id)
                .where(Review.round_id.in_(round_ids), Review.status == COMPLETE, wanted))
        stmt = case_filters(stmt, unit, gender).order_by(AuditRound.year, AuditRound.period,
                                                          Case.case_ref)
        out: dict[str, list[Comment]] = defaultdict(list)
        texts = set(written)
        for item_id, ref, name, value, text, reviewer, answer_id in s.execute(stmt):
            if item_id in texts and value:
                out[item_id].append(Comment(ref, name, None, value, reviewer, written=True,
                                            answer_id=answer_id))
            if text:
                out[item_id].append(Comment(ref, name, value, text, reviewer,
                                            answer_id=answer_id))
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
    def _item(item: ChecklistItem, section: str, acc: dict[tuple[str, GroupKey], _Acc],
              last: dict[tuple[str, GroupKey], _Acc], comments: Any, failed: Any,
              rounds: list[RoundInfo]) -> ItemFigures:
        t = item.target

        def fig(key: GroupKey) -> Figure:
            return acc.get((item.id, key), _Acc()).figure(t)

        keys = [GroupKey(GroupKind.PERIOD, y, Period(p))
                for y, p in dict.fromkeys((r.year, r.period) for r in rounds)]
        keys += [GroupKey(GroupKind.VB, y) for y in dict.fromkeys(r.year for r in rounds)]
        last_keys = sorted((k for i, k in last if i == item.id),
                           key=lambda k: (k.year or 0, k.period or "", k.until or ""))
        unit_keys = sorted((k for i, k in acc if i == item.id and k.kind is GroupKind.UNIT),
                           key=lambda k: k.value or "")
        gender_keys = [GroupKey(GroupKind.GENDER, value=g) for g in GENDER_ORDER]
        condition = "; ".join(
            f"{c.item_id} = {' / '.join(sorted(c.values))}" for c in item.applies_when)
        return ItemFigures(
            item_id=item.id, question=item.question, section=section,
            answer_type=item.answer.type.value,
            options=tuple((o.value, o.label) for o in item.answer.options),
            target=t, critical=item.critical, scored=item.answer.scored, condition=condition,
            total=fig(TOTAL), periods={k: fig(k) for k in keys},
            last_year={k: last[(item.id, k)].figure(t) for k in last_keys},
            units={k: fig(k) for k in unit_keys},
            genders={k: fig(k) for k in gender_keys if (item.id, k) in acc},
            comments=tuple(comments), failed_cases=tuple(failed),
            compliant=tuple(o.value for o in item.answer.options
                            if o.value in item.answer.compliant))


def _with_themes(texts: list[Comment], tags: list[Tag]) -> list[Comment]:
    """Each text with the labels of the themes its answer is tagged with."""
    if not tags:
        return texts
    found: dict[tuple[str, str], list[Tag]] = defaultdict(list)
    for tag in tags:
        found[(tag.round_name, tag.case_ref)].append(tag)
    out = []
    for c in texts:
        mine = found.get((c.round_name, c.case_ref), [])
        out.append(replace(c, themes=tuple(t.label for t in mine),
                           theme_ids=tuple(t.theme_id for t in mine),
                           quote=any(t.quote for t in mine)))
    return out
