"""Deviations found in a plan's rounds, their analyses, and the actions taken on them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.errors import NotFoundError, UserError
from audit_app.domain.figures import Figure, ItemFigures, Verdict, column_key
from audit_app.domain.plan import Action, ActionStatus, Deviation, DeviationKind
from audit_app.domain.reviews import check_free_text
from audit_app.domain.rounds import Period
from audit_app.services.plan import entity_id, find_control
from audit_app.services.plan_status import ControlPeriod, YearService, control_items
from audit_app.storage.changelog import record_change
from audit_app.storage.db import Database
from audit_app.storage.plan_models import DeviationNote, PlanAction, PlanControl

MAX_ROLE = 200


def deviation_kinds(item: ItemFigures, fig: Figure) -> tuple[DeviationKind, ...]:
    """Not met against the target, and/or a critical item some case failed."""
    kinds = []
    if fig.verdict is Verdict.NOT_MET:
        kinds.append(DeviationKind.NOT_MET)
    if item.critical and fig.n > fig.x:
        kinds.append(DeviationKind.CRITICAL)
    return tuple(kinds)


def _required_text(text: str, what: str) -> str:
    value = check_free_text(text)
    if not value:
        raise UserError(f"Ange {what}.")
    return value


class DeviationService:
    """Deviations are computed from the figures; analyses and actions are stored and logged."""

    def __init__(self, db: Database, library: ChecklistLibrary, actor: str) -> None:
        self.db = db
        self.library = library
        self.actor = actor
        self.year = YearService(db, library, actor)

    # -- reading ------------------------------------------------------------------------

    def deviations(self, unit: str, year: int, today: date | None = None) -> list[Deviation]:
        """Every deviation of a unit's year, in plan and period order, with its actions."""
        _plan, periods = self.year.control_periods(unit, year)
        actions = self._actions(unit, year, today)
        with self.db.session() as s:
            notes = {(r.control_key, n.period, n.item_id): n.analysis for n, r in s.execute(
                select(DeviationNote, PlanControl).join(
                    PlanControl, PlanControl.id == DeviationNote.control_id).where(
                    PlanControl.unit == unit.strip(), PlanControl.year == year))}
        out = []
        for cp in periods:
            out.extend(self._found(cp, unit.strip(), year, notes, actions))
        return out

    def _found(self, cp: ControlPeriod, unit: str, year: int,
               notes: dict[tuple[str, str, str], str], actions: list[Action],
               ) -> list[Deviation]:
        report = self.year.report(cp)
        if report is None:
            return []
        group = column_key(cp.period.value, year)
        out = []
        for item in control_items(cp.control, report):
            fig = item.periods.get(group)
            if fig is None:
                continue
            kinds = deviation_kinds(item, fig)
            if not kinds:
                continue
            key = (cp.control.control_id, cp.period.value, item.item_id)
            out.append(Deviation(
                unit=unit, year=year, control_id=key[0], period=key[1], item_id=key[2],
                question=item.question, kinds=kinds, figure=fig,
                failed_cases=item.failed_cases, analysis=notes.get(key, ""),
                actions=tuple(a for a in actions
                              if (a.control_id, a.period, a.item_id) == key)))
        return out

    def actions(self, unit: str | None = None, year: int | None = None,
                overdue: bool = False, today: date | None = None) -> list[Action]:
        """Actions, optionally of one unit / year or only those past their due date."""
        today = today or date.today()
        found = self._actions(unit, year, today)
        return [a for a in found if a.overdue(today)] if overdue else found

    def _actions(self, unit: str | None, year: int | None,
                 today: date | None) -> list[Action]:
        query = select(PlanAction, PlanControl).join(
            PlanControl, PlanControl.id == PlanAction.control_id)
        if unit:
            query = query.where(PlanControl.unit == unit.strip())
        if year is not None:
            query = query.where(PlanControl.year == year)
        with self.db.session() as s:
            rows = s.execute(query.order_by(PlanControl.unit, PlanControl.year,
                                            PlanAction.due, PlanAction.id)).all()
            found = [(a.id, r.unit, r.year, r.control_key, a.period, a.item_id, a.what,
                      a.responsible, a.due, a.status, a.reason) for a, r in rows]
        out = []
        nexts: dict[tuple[str, int, str, str, str], tuple[str, Figure | None]] = {}
        for (aid, a_unit, a_year, key, period, item_id, what, responsible, due, status,
             reason) in found:
            k = (a_unit, a_year, key, period, item_id)
            if k not in nexts:
                nexts[k] = self._next_figure(a_unit, a_year, key, period, item_id)
            next_period, figure = nexts[k]
            out.append(Action(
                id=aid, unit=a_unit, year=a_year, control_id=key, period=period,
                item_id=item_id, what=what, responsible=responsible, due=due,
                status=ActionStatus(status), reason=reason, next_period=next_period,
                next_figure=figure))
        return out

    def _next_figure(self, unit: str, year: int, control_key: str, period: str,
                     item_id: str) -> tuple[str, Figure | None]:
        """The same item in the control's next planned period (did the action help?)."""
        _plan, periods = self.year.control_periods(unit, year)
        mine = [cp for cp in periods if cp.control.control_id == control_key]
        later = [cp for cp in mine if cp.period.value > period]
        if not later:
            return "", None
        cp = later[0]
        report = self.year.report(cp)
        key = column_key(cp.period.value, year)
        if report is None:
            return cp.period.value, None
        for item in report.items:
            if item.item_id == item_id:
                return cp.period.value, item.periods.get(key)
        return cp.period.value, None

    # -- writing ------------------------------------------------------------------------

    def _deviation(self, control_key: str, period: str, item_id: str, unit: str | None,
                   year: int | None) -> tuple[Deviation, ControlPeriod]:
        try:
            tertial = Period.parse(period)
        except ValueError as exc:
            raise UserError(str(exc)) from exc
        with self.db.session() as s:
            row = find_control(s, control_key, unit, year)
            r_unit, r_year = row.unit, row.year
        _plan, periods = self.year.control_periods(r_unit, r_year)
        for cp in periods:
            if cp.control.control_id == row.control_key and cp.period is tertial:
                for dev in self._found(cp, r_unit, r_year, {}, []):
                    if dev.item_id == item_id:
                        return dev, cp
                raise NotFoundError(f"Det finns ingen avvikelse för '{item_id}' i "
                                    f"{row.control_key} {tertial.value} {r_year}.")
        raise NotFoundError(f"Kontrollmomentet '{row.control_key}' är inte planerat för "
                            f"{tertial.value}.")

    def analyse(self, control_key: str, period: str, item_id: str, text: str, *,
                unit: str | None = None, year: int | None = None,
                reason: str = "") -> Deviation:
        """Write the analysis of a deviation; on a locked round a changed one needs a reason."""
        analysis = check_free_text(text)
        reason = check_free_text(reason)
        dev, cp = self._deviation(control_key, period, item_id, unit, year)
        with self.db.session() as s:
            row = find_control(s, dev.control_id, dev.unit, dev.year)
            note = s.scalar(select(DeviationNote).where(
                DeviationNote.control_id == row.id, DeviationNote.period == dev.period,
                DeviationNote.item_id == item_id))
            old = note.analysis if note else ""
            if cp.locked and old and not reason:
                raise UserError("Omgången är låst: ange varför analysen ändras (--reason).")
            if note is None:
                note = DeviationNote(control_id=row.id, period=dev.period, item_id=item_id,
                                     analysis="", updated_by=self.actor,
                                     updated_at=datetime.now())
                s.add(note)
            note.analysis = analysis
            note.updated_by = self.actor
            note.updated_at = datetime.now()
            record_change(s, self.actor, "update" if old else "create", "deviation",
                          f"{entity_id(row)}/{dev.period}/{item_id}", field="analysis",
                          old=old or None, new=analysis, reason=reason or None)
        return replace(dev, analysis=analysis)

    def add_action(self, control_key: str, period: str, item_id: str, what: str,
                   responsible: str, due: date, *, unit: str | None = None,
                   year: int | None = None) -> int:
        """Add an åtgärd to a deviation; returns its id."""
        what = _required_text(what, "vad åtgärden är (--what)")
        responsible = _required_text(responsible, "ansvarig roll (--responsible)")
        if len(responsible) > MAX_ROLE:
            raise UserError(f"Ansvarig roll är för lång (högst {MAX_ROLE} tecken).")
        dev, _cp = self._deviation(control_key, period, item_id, unit, year)
        with self.db.session() as s:
            row = find_control(s, dev.control_id, dev.unit, dev.year)
            action = PlanAction(control_id=row.id, period=dev.period, item_id=item_id,
                                what=what, responsible=responsible, due=due,
                                status=ActionStatus.PLANNED.value, reason="",
                                created_by=self.actor, created_at=datetime.now())
            s.add(action)
            s.flush()
            record_change(s, self.actor, "create", "action", action.id,
                          new=f"{entity_id(row)}/{dev.period}/{item_id}: {what} "
                              f"({responsible}, {due.isoformat()})")
            return action.id

    def set_status(self, action_id: int, status: str, reason: str = "") -> Action:
        """Change an action's status; cancelling it needs a reason."""
        try:
            new = ActionStatus.parse(status)
        except ValueError as exc:
            raise UserError(str(exc)) from exc
        reason = check_free_text(reason)
        if new is ActionStatus.CANCELLED and not reason:
            raise UserError("Ange varför åtgärden avbryts (--reason).")
        with self.db.session() as s:
            action = self._action(s, action_id)
            old = action.status
            action.status = new.value
            if reason:
                action.reason = reason
            record_change(s, self.actor, "update", "action", action.id, field="status",
                          old=old, new=new.value, reason=reason or None)
        return next(a for a in self.actions() if a.id == action_id)

    @staticmethod
    def _action(s: Session, action_id: int) -> PlanAction:
        action = s.get(PlanAction, action_id)
        if action is None:
            raise NotFoundError(f"Åtgärd {action_id} finns inte.")
        return action
