"""Audit rounds: periods of the year (tertials) and the plain records services return."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum


class Period(StrEnum):
    """A tertial of the year; VB (the whole year) is their accumulation, not a round."""

    T1 = "T1"
    T2 = "T2"
    T3 = "T3"

    @property
    def months(self) -> tuple[int, int]:
        return {"T1": (1, 4), "T2": (5, 8), "T3": (9, 12)}[self.value]

    def bounds(self, year: int) -> tuple[date, date]:
        first, last = self.months
        end = date(year, last + 1, 1) if last < 12 else date(year + 1, 1, 1)
        return date(year, first, 1), date.fromordinal(end.toordinal() - 1)

    @classmethod
    def parse(cls, text: str) -> Period:
        try:
            return cls(text.strip().upper())
        except ValueError:
            raise ValueError(f"period ska vara T1, T2 eller T3, inte '{text}'") from None


# A round is usually made once its tertial has ended, or near its end: a new round covers the
# tertial holding the day two weeks ago (on 10 May that is T1, from 15 May on T2).
PROPOSAL_LAG = timedelta(days=14)
_PERIOD_IN_NAME = re.compile(r"(?<![A-Za-z0-9])T([123])(?![0-9])", re.IGNORECASE)
_YEAR_IN_NAME = re.compile(r"(?<![0-9])(20[0-9]{2})(?![0-9])")


def proposed_period(today: date) -> tuple[int, Period]:
    """The year and tertial a round made today most likely covers."""
    day = today - PROPOSAL_LAG
    return day.year, Period(f"T{(day.month - 1) // 4 + 1}")


def period_in_name(name: str) -> tuple[int | None, Period | None]:
    """The year and tertial written in a round's name ("Placerade T1 2024"), where present."""
    year = _YEAR_IN_NAME.search(name)
    period = _PERIOD_IN_NAME.search(name)
    return (int(year.group(1)) if year else None,
            Period(f"T{period.group(1)}") if period else None)


@dataclass(frozen=True)
class RoundSummary:
    """A round as lists and dialogs show it."""

    id: int
    uid: str
    name: str
    checklist_id: str
    checklist_title: str
    checklist_version: str
    definition_id: int
    year: int
    period: str
    unit: str
    created_by: str
    created_at: datetime
    locked: bool = False
    frame_size: int = 0
    sampled: int = 0
    reviewed: int = 0

    @property
    def status(self) -> str:
        """Swedish status word for lists."""
        if self.locked:
            return "Låst"
        if self.sampled == 0:
            return "Urval saknas" if self.frame_size == 0 else "Urval ej draget"
        if self.reviewed >= self.sampled:
            return "Klar"
        return "Pågår"
