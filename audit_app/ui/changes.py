"""One change notification: what was stored, so open views reload instead of being told to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QObject, Signal

ChangeKind = Literal["round", "case", "review", "sample", "caselist", "plan"]


@dataclass(frozen=True)
class Change:
    """What changed: its kind and, where known, the round and case (None: any or several)."""

    kind: ChangeKind
    round_id: int | None = None
    case_id: int | None = None


class Changes(QObject):
    """The hub every view listens to; whoever stores something calls notify once."""

    changed = Signal(object)  # a Change

    def notify(self, kind: ChangeKind, round_id: int | None = None,
               case_id: int | None = None) -> None:
        self.changed.emit(Change(kind, round_id, case_id))
