"""The year at a glance: each control × period planned, under way, done or overdue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.figures import ItemFigures, Report, column_key
from audit_app.domain.plan import Control, PeriodState, PeriodStatus, Plan, period_ended
from audit_app.domain.rounds import Period, RoundSummary
from audit_app.services.figures import FigureService
from audit_app.services.plan import PlanService, control_of, control_rows, rounds_by_control
from audit_app.services.rounds import RoundService
from audit_app.storage.db import Database


@dataclass(frozen=True)
class ControlPeriod:
    """The rounds of one control in one period."""

    control: Control
    period: Period
    rounds: tuple[RoundSummary, ...]

    @property
    def reviewed(self) -> int:
        return sum(r.reviewed for r in self.rounds)

    @property
    def sampled(self) -> int:
        return sum(r.sampled for r in self.rounds)

    @property
    def done(self) -> bool:
        return bool(self.rounds) and all(
            r.locked or (r.sampled > 0 and r.reviewed >= r.sampled) for r in self.rounds)

    @property
    def locked(self) -> bool:
        return any(r.locked for r in self.rounds)


def control_items(control: Control, report: Report) -> list[ItemFigures]:
    """The report's items the control covers (all when it names none)."""
    if not control.items:
        return list(report.items)
    return [i for i in report.items if i.item_id in control.items]


class YearService:
    """Reads a unit's plan with its rounds and figures."""

    def __init__(self, db: Database, library: ChecklistLibrary, actor: str) -> None:
        self.db = db
        self.library = library
        self.actor = actor

    def control_periods(self, unit: str, year: int) -> tuple[Plan, list[ControlPeriod]]:
        """Every planned control × period with its rounds, in plan order."""
        rounds = RoundService(self.db, self.library, self.actor)
        with self.db.session() as s:
            rows = control_rows(s, unit.strip(), year)
            linked = {k: [r.id for r in v] for k, v in rounds_by_control(s, rows).items()}
            controls = [(row.id, control_of(row)) for row in rows]
        if not controls:
            PlanService(self.db, self.library, self.actor).get(unit, year)  # raises NotFound
        plan = Plan(unit=unit.strip(), year=year, controls=tuple(c for _, c in controls))
        out = []
        for row_id, control in controls:
            for period in control.periods:
                ids = linked.get((row_id, period.value), [])
                out.append(ControlPeriod(control, period,
                                         tuple(rounds.get(i) for i in ids)))
        return plan, out

    def report(self, cp: ControlPeriod) -> Report | None:
        """Figures of a control's period (None without rounds)."""
        if not cp.rounds:
            return None
        return FigureService(self.db).compute([r.id for r in cp.rounds])

    def status(self, unit: str, year: int, today: date | None = None) -> list[PeriodStatus]:
        """The overview: one line per control and period."""
        today = today or date.today()
        _plan, periods = self.control_periods(unit, year)
        out = []
        for cp in periods:
            ended = period_ended(year, cp.period, today)
            verdicts: tuple[tuple[str, str], ...] = ()
            if cp.done:
                state = PeriodState.DONE
                report = self.report(cp)
                if report is not None:
                    key = column_key(cp.period.value, year)
                    verdicts = tuple((i.item_id, i.periods[key].verdict.value)
                                     for i in control_items(cp.control, report)
                                     if key in i.periods)
            elif ended:
                state = PeriodState.OVERDUE
            elif not cp.rounds:
                state = PeriodState.PLANNED
            elif cp.sampled == 0 and cp.reviewed == 0:
                state = PeriodState.CREATED
            else:
                state = PeriodState.IN_PROGRESS
            out.append(PeriodStatus(
                control_id=cp.control.control_id, title=cp.control.title, period=cp.period,
                state=state, rounds=tuple(r.name for r in cp.rounds), reviewed=cp.reviewed,
                sampled=cp.sampled, verdicts=verdicts))
        return out
