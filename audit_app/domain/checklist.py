"""Checklists: sections, items, answer types, applicability and compliance rules."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class AnswerType(StrEnum):
    """The kinds of answer an item can take."""

    YES_NO = "ja_nej"
    YES_NO_NA = "ja_nej_ej_aktuellt"
    GRADED = "graderad"
    SCALE = "skala"
    CHOICE = "val"
    NUMBER = "tal"
    DATE = "datum"
    TEXT = "fritext"

    @property
    def has_options(self) -> bool:
        return self in _OPTION_TYPES


_OPTION_TYPES = {
    AnswerType.YES_NO,
    AnswerType.YES_NO_NA,
    AnswerType.GRADED,
    AnswerType.SCALE,
    AnswerType.CHOICE,
}

NOT_APPLICABLE = "ej_aktuellt"


@dataclass(frozen=True)
class Option:
    """One allowed answer: stored value, label shown, keyboard key."""

    value: str
    label: str
    key: str = ""
    counted: bool = True  # False for "ej aktuellt": left out of the denominator


@dataclass(frozen=True)
class AnswerSpec:
    """What an item accepts and which answers count as compliant."""

    type: AnswerType
    options: tuple[Option, ...] = ()
    compliant: frozenset[str] = frozenset()
    minimum: float | None = None  # number answers: compliant range
    maximum: float | None = None

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(o.value for o in self.options)

    def option(self, value: str) -> Option | None:
        for o in self.options:
            if o.value == value:
                return o
        return None

    @property
    def scored(self) -> bool:
        """True when answers to this item give a compliance figure."""
        if self.type is AnswerType.NUMBER:
            return self.minimum is not None or self.maximum is not None
        return bool(self.compliant)

    def is_compliant(self, value: str | None) -> bool | None:
        """Compliance of one answer: True, False, or None when it is not counted."""
        if value is None or value == "" or not self.scored:
            return None
        if self.type is AnswerType.NUMBER:
            try:
                number = float(value.replace(",", "."))
            except ValueError:
                return None
            if self.minimum is not None and number < self.minimum:
                return False
            return not (self.maximum is not None and number > self.maximum)
        opt = self.option(value)
        if opt is None or not opt.counted:
            return None
        return value in self.compliant


@dataclass(frozen=True)
class Condition:
    """An item applies only when another, earlier item has one of these answers."""

    item_id: str
    values: frozenset[str]

    def holds(self, answers: Mapping[str, str | None]) -> bool:
        return answers.get(self.item_id) in self.values


@dataclass(frozen=True)
class Theme:
    """A theme a written answer or comment can be tagged with (qualitative coding)."""

    id: str
    label: str
    description: str = ""


@dataclass(frozen=True)
class ChecklistItem:
    """One question of a checklist."""

    id: str
    question: str
    answer: AnswerSpec
    section_id: str = ""
    help: str = ""
    reference: str = ""
    applies_when: tuple[Condition, ...] = ()
    required: bool = False
    critical: bool = False
    target: float | None = None  # årsmål in percent, 0-100
    comment: bool = True
    themes: tuple[Theme, ...] = ()  # the item's own themes, besides the checklist's


@dataclass(frozen=True)
class Section:
    """A titled group of items."""

    id: str
    title: str
    items: tuple[ChecklistItem, ...]


@dataclass(frozen=True)
class Checklist:
    """A versioned review key loaded from a checklist file."""

    id: str
    version: str
    title: str
    sections: tuple[Section, ...]
    description: str = ""
    organisation: str = ""
    unit: str = ""
    themes: tuple[Theme, ...] = ()  # themes for every item's texts
    _index: dict[str, ChecklistItem] = field(
        default_factory=dict, compare=False, repr=False, hash=False
    )

    def __post_init__(self) -> None:
        for item in self.items:
            self._index[item.id] = item

    @property
    def items(self) -> tuple[ChecklistItem, ...]:
        return tuple(i for s in self.sections for i in s.items)

    def item(self, item_id: str) -> ChecklistItem:
        return self._index[item_id]

    def has_item(self, item_id: str) -> bool:
        return item_id in self._index

    def themes_for(self, item: ChecklistItem) -> tuple[Theme, ...]:
        """The checklist's themes, then the item's own (an item's theme wins on the same id)."""
        own = {t.id for t in item.themes}
        return tuple(t for t in self.themes if t.id not in own) + item.themes

    def taggable(self, item: ChecklistItem) -> bool:
        """A text can be tagged: the item has themes and a written answer or a comment."""
        return bool(self.themes_for(item)) and (item.comment
                                                 or item.answer.type is AnswerType.TEXT)

    def applicable(self, answers: Mapping[str, str | None]) -> dict[str, bool]:
        """Which items apply, given the answers so far.

        An item applies when each of its conditions holds and the items it depends on
        apply themselves; items are in dependency order, so one pass suffices.
        """
        result: dict[str, bool] = {}
        for item in self.items:
            ok = True
            for cond in item.applies_when:
                if not result.get(cond.item_id, False) or not cond.holds(answers):
                    ok = False
                    break
            result[item.id] = ok
        return result

    def evaluate(self, answers: Mapping[str, str | None]) -> dict[str, tuple[bool, bool | None]]:
        """Per item: (applies, compliant-or-None) for a set of answers."""
        applies = self.applicable(answers)
        out: dict[str, tuple[bool, bool | None]] = {}
        for item in self.items:
            ok = applies[item.id]
            out[item.id] = (ok, item.answer.is_compliant(answers.get(item.id)) if ok else None)
        return out

    def condition_text(self, item: ChecklistItem) -> str:
        """'Besvaras bara om …' for an item with conditions, else an empty string."""
        parts = []
        for cond in item.applies_when:
            other = self.item(cond.item_id)
            labels = [o.label for o in other.answer.options if o.value in cond.values] or \
                sorted(cond.values)
            parts.append(f"”{other.question}” är {' eller '.join(labels)}")
        return "Besvaras bara om " + " och ".join(parts) if parts else ""
