"""The internkontroll plan: controls with risk, method and periods; deviations and actions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from audit_app.domain.figures import Figure
from audit_app.domain.rounds import Period

RISK_LEVELS = range(1, 5)  # sannolikhet and konsekvens are each 1-4


class MethodKind(StrEnum):
    """How the cases of a control are chosen."""

    SAMPLE = "stickprov"
    FIXED = "fixed"
    FULL = "full"


@dataclass(frozen=True)
class Method:
    """A stickprov with confidence and tolerable rate, a fixed number of cases, or all."""

    kind: MethodKind
    confidence: float | None = None
    tolerable: float | None = None
    size: int | None = None

    def text(self) -> str:
        """Swedish description, e.g. "stickprov (95 % konfidens, tolerabel 5 %)"."""
        if self.kind is MethodKind.SAMPLE:
            return (f"stickprov ({_pct(self.confidence)} konfidens, "
                    f"tolerabel avvikelse {_pct(self.tolerable)})")
        if self.kind is MethodKind.FIXED:
            return f"fast urval om {self.size} ärenden"
        return "totalgranskning (alla ärenden)"


def _pct(value: float | None) -> str:
    if value is None:
        return "–"
    text = f"{value * 100:.1f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{text} %"


@dataclass(frozen=True)
class Control:
    """One kontrollmoment of a unit's yearly plan."""

    control_id: str
    title: str
    checklist: str
    method: Method
    periods: tuple[Period, ...]
    sannolikhet: int
    konsekvens: int
    items: tuple[str, ...] = ()  # empty: every item of the checklist
    rule: str = ""
    reference: str = ""
    responsible: str = ""
    note: str = ""

    @property
    def risk(self) -> int:
        """Risk value of the 4×4 matrix (1-16)."""
        return self.sannolikhet * self.konsekvens


@dataclass(frozen=True)
class Plan:
    """A unit's internkontrollplan for one year."""

    unit: str
    year: int
    controls: tuple[Control, ...]

    def control(self, control_id: str) -> Control:
        for c in self.controls:
            if c.control_id == control_id:
                return c
        raise KeyError(control_id)


def risk_matrix(controls: tuple[Control, ...]) -> dict[tuple[int, int], list[str]]:
    """Control ids per (sannolikhet, konsekvens) cell of the 4×4 matrix."""
    cells: dict[tuple[int, int], list[str]] = {(s, k): [] for s in RISK_LEVELS
                                                for k in RISK_LEVELS}
    for c in controls:
        cells[(c.sannolikhet, c.konsekvens)].append(c.control_id)
    return cells


class PeriodState(StrEnum):
    """Where a control's period stands in the year."""

    PLANNED = "planerad"
    CREATED = "omgång skapad"
    IN_PROGRESS = "pågår"
    DONE = "klar"
    OVERDUE = "försenad"


@dataclass(frozen=True)
class PeriodStatus:
    """One control × period of the year overview."""

    control_id: str
    title: str
    period: Period
    state: PeriodState
    rounds: tuple[str, ...] = ()
    reviewed: int = 0
    sampled: int = 0
    verdicts: tuple[tuple[str, str], ...] = ()  # (item id, verdict text) when done

    def text(self) -> str:
        """Swedish one-line state, e.g. "pågår (3 av 10 granskade)"."""
        if self.state is PeriodState.IN_PROGRESS:
            return f"pågår ({self.reviewed} av {self.sampled} granskade)"
        if self.state is PeriodState.OVERDUE and self.rounds:
            return f"försenad ({self.reviewed} av {self.sampled} granskade)"
        return self.state.value


def period_ended(year: int, period: Period, today: date) -> bool:
    return period.bounds(year)[1] < today


class ActionStatus(StrEnum):
    """The state of an åtgärd."""

    PLANNED = "planerad"
    IN_PROGRESS = "pågår"
    DONE = "klar"
    CANCELLED = "avbruten"

    @classmethod
    def parse(cls, text: str) -> ActionStatus:
        aliases = {"planned": cls.PLANNED, "in_progress": cls.IN_PROGRESS,
                   "in-progress": cls.IN_PROGRESS, "done": cls.DONE,
                   "cancelled": cls.CANCELLED}
        key = text.strip().lower()
        if key in aliases:
            return aliases[key]
        try:
            return cls(key)
        except ValueError:
            raise ValueError(f"status ska vara planerad, pågår, klar eller avbruten, inte "
                             f"'{text}'") from None


@dataclass(frozen=True)
class Action:
    """An åtgärd on a deviation; `next_figure` is the same item in the next period."""

    id: int
    unit: str
    year: int
    control_id: str
    period: str
    item_id: str
    what: str
    responsible: str
    due: date
    status: ActionStatus
    reason: str = ""
    next_period: str = ""
    next_figure: Figure | None = None

    def overdue(self, today: date) -> bool:
        return self.due < today and self.status in (ActionStatus.PLANNED,
                                                    ActionStatus.IN_PROGRESS)


class DeviationKind(StrEnum):
    """Why an item is a deviation."""

    NOT_MET = "målet ej uppfyllt"
    CRITICAL = "kritisk punkt ej uppfylld"


@dataclass(frozen=True)
class Deviation:
    """An item of a control and period that did not meet its target, or a failed critical."""

    unit: str
    year: int
    control_id: str
    period: str
    item_id: str
    question: str
    kinds: tuple[DeviationKind, ...]
    figure: Figure
    failed_cases: tuple[str, ...] = ()
    analysis: str = ""
    actions: tuple[Action, ...] = field(default_factory=tuple)
