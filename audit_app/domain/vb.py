"""The VB chapter of a unit's year: the plan, each control's method, results and deviations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from audit_app.domain.figures import Figure, GroupKey, GroupKind, ItemFigures, column_key
from audit_app.domain.plan import Control, Deviation, Plan
from audit_app.domain.rounds import Period

PERIOD_COLUMNS = ("T1", "T2", "T3", "VB")


@dataclass(frozen=True)
class DrawnSample:
    """How one period's cases were chosen: population N, sample n, the method."""

    period: str
    rounds: tuple[str, ...]
    population: int  # N: cases in the frame
    size: int  # n: cases drawn
    reviewed: int
    methods: tuple[str, ...]  # the samples' stored methods, e.g. "hmac-sha256-rank; none"


@dataclass(frozen=True)
class VbControl:
    """One control of the chapter: its samples, its items' figures and its deviations."""

    control: Control
    samples: tuple[DrawnSample, ...]
    items: tuple[ItemFigures, ...]
    deviations: tuple[Deviation, ...]

    def figure(self, item: ItemFigures, column: str, year: int) -> Figure | None:
        """The item's figure in T1/T2/T3/VB of the year (None when not reviewed)."""
        return item.periods.get(column_key(column, year))

    def last_year(self, item: ItemFigures, column: str, year: int) -> Figure | None:
        """The same period one year earlier; VB is last year's accumulated periods."""
        if column != "VB":
            return item.last_year.get(GroupKey(GroupKind.LAST_YEAR, year - 1, Period(column)))
        spans = [f for key, f in item.last_year.items() if key.until is not None]
        if spans:
            return spans[0]
        singles = list(item.last_year.values())
        return singles[0] if len(singles) == 1 else None


@dataclass(frozen=True)
class VbChapter:
    """Everything the VB chapter shows for a unit's year."""

    plan: Plan
    controls: tuple[VbControl, ...]
    created: date

    @property
    def unit(self) -> str:
        return self.plan.unit

    @property
    def year(self) -> int:
        return self.plan.year
