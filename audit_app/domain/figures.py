"""Result figures per checklist item: x of n, Wilson interval, verdict against the target."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from audit_app.domain.agreement import Agreement
from audit_app.domain.rounds import Period

Z95 = 1.959964  # two-sided 95 % normal quantile
SMALL_N = 5  # figures on fewer cases are masked in publications

PERIOD_ORDER = ("T1", "T2", "T3")


def wilson(x: int, n: int, z: float = Z95) -> tuple[float, float] | None:
    """Wilson score interval for x successes of n, as fractions; None when n is 0."""
    if n <= 0:
        return None
    p = x / n
    z2 = z * z
    denom = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom
    low = max(0.0, centre - half)
    high = min(1.0, centre + half)
    if x == 0:
        low = 0.0
    if x == n:
        high = 1.0
    return low, high


class Verdict(StrEnum):
    """The figure judged against the yearly target."""

    MET = "uppfyllt"
    NOT_MET = "ej uppfyllt"
    UNCLEAR = "kan ej avgöras ännu"
    NO_TARGET = "inget mål"
    NO_DATA = "inga data"


def judge(x: int, n: int, target: float | None) -> Verdict:
    """Met when the whole interval lies at or above the target, not met when below it.

    A target of 100 % (or 0 %) is a rule rather than a level: met only when every case
    (or no case) complies, since the interval can never lie wholly above it.
    """
    if target is None:
        return Verdict.NO_TARGET
    bounds = wilson(x, n)
    if bounds is None:
        return Verdict.NO_DATA
    t = target / 100
    if t >= 1:
        return Verdict.MET if x == n else Verdict.NOT_MET
    if t <= 0:
        return Verdict.MET
    low, high = bounds
    if low >= t:
        return Verdict.MET
    if high < t:
        return Verdict.NOT_MET
    return Verdict.UNCLEAR


@dataclass(frozen=True)
class Figure:
    """One figure: x compliant of n counted cases, and the answers given."""

    n: int = 0
    x: int = 0
    counts: dict[str, int] = field(default_factory=dict)  # answer value -> cases
    target: float | None = None

    @property
    def rate(self) -> float | None:
        """Compliance as a fraction, None without counted cases."""
        return self.x / self.n if self.n else None

    @property
    def interval(self) -> tuple[float, float] | None:
        return wilson(self.x, self.n)

    @property
    def low(self) -> float | None:
        bounds = self.interval
        return bounds[0] if bounds else None

    @property
    def high(self) -> float | None:
        bounds = self.interval
        return bounds[1] if bounds else None

    @property
    def verdict(self) -> Verdict:
        return judge(self.x, self.n, self.target)

    @property
    def small(self) -> bool:
        """Fewer than five cases behind it: masked as "<5" in publications."""
        return 0 < self.n < SMALL_N or 0 < sum(self.counts.values()) < SMALL_N

    @property
    def answered(self) -> int:
        return sum(self.counts.values())


class GroupKind(StrEnum):
    """What a group of cases behind a figure is."""

    TOTAL = "total"
    PERIOD = "period"  # one tertial of one year
    VB = "vb"  # the year so far: the tertials of the chosen rounds accumulated
    LAST_YEAR = "last_year"  # the same tertials one year earlier
    UNIT = "unit"
    GENDER = "gender"


@dataclass(frozen=True)
class GroupKey:
    """The cases a figure counts, as data; labels are made from it where they are shown.

    For last year, `period` alone is one tertial; with `until` it is the span from `period`
    to `until` accumulated (T1–T2 2025). `value` is the unit ("" for none) or the gender.
    """

    kind: GroupKind
    year: int | None = None
    period: Period | None = None
    value: str | None = None
    until: Period | None = None

    def periods(self) -> tuple[Period, ...]:
        """The tertials the group covers; empty when it is not limited to some."""
        if self.period is None:
            return ()
        last = self.until or self.period
        return tuple(p for p in Period if self.period <= p <= last)


TOTAL = GroupKey(GroupKind.TOTAL)


def column_key(column: str, year: int) -> GroupKey:
    """The key of a report column: "T1"/"T2"/"T3" of the year, or "VB" (the year so far)."""
    if column == "VB":
        return GroupKey(GroupKind.VB, year)
    return GroupKey(GroupKind.PERIOD, year, Period(column))


@dataclass(frozen=True)
class Comment:
    """A reviewer's comment on one item of one case, or a written (fritext) answer."""

    case_ref: str
    round_name: str
    value: str | None
    text: str
    reviewer: str = ""
    written: bool = False  # the text is the answer itself, not a comment on it
    themes: tuple[str, ...] = ()  # labels of the themes the answer is tagged with
    answer_id: int = 0  # the stored answer, for tagging it afterwards
    quote: bool = False  # chosen by the user as a quote of its themes
    theme_ids: tuple[str, ...] = ()  # the same themes' ids, in the same order


@dataclass(frozen=True)
class ThemeCount:
    """How many of an item's texts carry one theme, with a few of them quoted."""

    id: str
    label: str
    count: int
    n: int  # the item's texts (written answers or comments)
    quotes: tuple[tuple[str, str], ...] = ()  # (case reference, text): chosen, then newest

    @property
    def share(self) -> float | None:
        return self.count / self.n if self.n else None


@dataclass(frozen=True)
class ItemFigures:
    """All figures of one checklist item, with breakdowns, comments and failed cases."""

    item_id: str
    question: str
    section: str
    answer_type: str
    options: tuple[tuple[str, str], ...]  # (value, label)
    target: float | None
    critical: bool
    scored: bool
    condition: str  # "" or the text of applies_when ("of these" denominator)
    total: Figure
    periods: dict[GroupKey, Figure] = field(default_factory=dict)  # PERIOD, then VB keys
    last_year: dict[GroupKey, Figure] = field(default_factory=dict)
    units: dict[GroupKey, Figure] = field(default_factory=dict)
    genders: dict[GroupKey, Figure] = field(default_factory=dict)  # in GENDER_ORDER
    comments: tuple[Comment, ...] = ()
    failed_cases: tuple[str, ...] = ()  # case refs; filled for critical items
    compliant: tuple[str, ...] = ()  # the answer values that count as compliant
    themes: tuple[ThemeCount, ...] = ()  # the item's themes, in the checklist's order
    agreement: Agreement | None = None  # double-reviewed cases: percent and kappa
    chosen: Figure | None = None  # the cases chosen on purpose, apart from the sample
    # (version, target) of each version in the report, when the target differs between them
    version_targets: tuple[tuple[str, float | None], ...] = ()

    @property
    def graded(self) -> bool:
        """Graded and scale items: their answers are shown as a distribution."""
        return self.answer_type in ("graderad", "skala")

    @property
    def written(self) -> tuple[Comment, ...]:
        """The written (fritext) answers."""
        return tuple(c for c in self.comments if c.written)

    @property
    def remarks(self) -> tuple[Comment, ...]:
        """The comments on answers."""
        return tuple(c for c in self.comments if not c.written)

    def groups(self) -> dict[GroupKey, Figure]:
        """Every figure of the item by its key: total, periods, last year, genders, units."""
        return {TOTAL: self.total, **self.periods, **self.last_year, **self.genders,
                **self.units}

    def label(self, value: str) -> str:
        for v, text in self.options:
            if v == value:
                return text
        return value


@dataclass(frozen=True)
class RoundInfo:
    """A round a report is built from."""

    id: int
    name: str
    year: int
    period: str
    unit: str
    checklist_version: str
    definition_id: int


@dataclass(frozen=True)
class Report:
    """Figures for one or more rounds of the same checklist."""

    checklist_id: str
    checklist_title: str
    checklist_versions: tuple[str, ...]
    rounds: tuple[RoundInfo, ...]
    units: tuple[str, ...]
    reviewers: tuple[str, ...]
    reviews: int  # completed reviews counted
    items: tuple[ItemFigures, ...]
    created: date
    unit_filter: str | None = None
    gender_filter: str | None = None
    notes: tuple[str, ...] = ()
    chosen_cases: tuple[tuple[str, str, str], ...] = ()  # (round, case, reason)

    @property
    def period_text(self) -> str:
        """E.g. "T1–T2 2026" or "T3 2025, T1 2026"."""
        by_year: dict[int, list[str]] = {}
        for r in sorted(self.rounds, key=lambda r: (r.year, r.period)):
            periods = by_year.setdefault(r.year, [])
            if r.period not in periods:
                periods.append(r.period)
        parts = []
        for year, periods in by_year.items():
            if len(periods) > 1:
                parts.append(f"{periods[0]}–{periods[-1]} {year}")
            else:
                parts.append(f"{periods[0]} {year}")
        return ", ".join(parts)

    @property
    def unit_text(self) -> str:
        """The rounds' own unit names; the cases' units when the rounds name none."""
        if self.unit_filter:
            return self.unit_filter
        named = list(dict.fromkeys(r.unit for r in self.rounds if r.unit))
        units = named or list(self.units)
        return ", ".join(units) if units else "Alla enheter"

    def item(self, item_id: str) -> ItemFigures:
        for item in self.items:
            if item.item_id == item_id:
                return item
        raise KeyError(item_id)


def percent(value: float | None, decimals: int = 1, lang: str = "sv") -> str:
    """Percent text: 56,5 % in Swedish, 56.5 % in English."""
    if value is None:
        return "–"
    text = f"{value * 100:.{decimals}f} %"
    return text if lang == "en" else text.replace(".", ",")


def figure_text(fig: Figure, *, publication: bool = False, lang: str = "sv") -> str:
    """ "26 av 46 (56,5 %)" ("26 of 46 (56.5 %)"), or "<5" when masked for publication."""
    if fig.n == 0:
        return "–"
    if publication and fig.small:
        return "<5"
    of = "of" if lang == "en" else "av"
    return f"{fig.x} {of} {fig.n} ({percent(fig.rate, lang=lang)})"


def interval_text(fig: Figure, *, publication: bool = False, lang: str = "sv") -> str:
    if fig.n == 0 or (publication and fig.small):
        return "–"
    return f"{percent(fig.low, lang=lang)[:-2]}–{percent(fig.high, lang=lang)}"
