"""Labels of result groups, one function per language, made where a figure is shown."""

from __future__ import annotations

from collections.abc import Callable

from audit_app.domain.figures import GroupKey, GroupKind
from audit_app.domain.gender import gender_label


def _periods(key: GroupKey) -> str:
    if key.period is None:
        return str(key.year)
    span = f"{key.period}–{key.until}" if key.until else str(key.period)
    return f"{span} {key.year}"


def key_text(key: GroupKey) -> str:
    """A language-neutral name of the group ("T1 2026", "VB 2026", a unit, "flicka"), used
    as a key in the JSON report; never parsed back."""
    if key.kind is GroupKind.TOTAL:
        return "total"
    if key.kind is GroupKind.VB:
        return f"VB {key.year}"
    if key.kind in (GroupKind.PERIOD, GroupKind.LAST_YEAR):
        return _periods(key)
    return key.value or ""


def group_label_sv(key: GroupKey) -> str:
    """The group in Swedish: "Totalt", "T1 2026", "VB 2026", "T1 2025 (föregående år)"."""
    match key.kind:
        case GroupKind.TOTAL:
            return "Totalt"
        case GroupKind.VB:
            return f"VB {key.year}"
        case GroupKind.PERIOD:
            return _periods(key)
        case GroupKind.LAST_YEAR:
            return f"{_periods(key)} (föregående år)"
        case GroupKind.GENDER:
            return gender_label(key.value, "sv", plural=True)
        case _:
            return key.value or "Okänd enhet"


def group_label_en(key: GroupKey) -> str:
    """The group in English: "Total", "T1 2026", "Full year 2026", "T1 2025 (previous year)"."""
    match key.kind:
        case GroupKind.TOTAL:
            return "Total"
        case GroupKind.VB:
            return f"Full year {key.year}"
        case GroupKind.PERIOD:
            return _periods(key)
        case GroupKind.LAST_YEAR:
            return f"{_periods(key)} (previous year)"
        case GroupKind.GENDER:
            return gender_label(key.value, "en", plural=True)
        case _:
            return key.value or "Unknown unit"


GROUP_LABELS: dict[str, Callable[[GroupKey], str]] = {"sv": group_label_sv, "en": group_label_en}

KIND_LABELS: dict[str, dict[GroupKind, str]] = {
    "sv": {GroupKind.TOTAL: "Totalt", GroupKind.PERIOD: "Period", GroupKind.VB: "Period",
           GroupKind.LAST_YEAR: "Föregående år", GroupKind.UNIT: "Enhet",
           GroupKind.GENDER: "Kön"},
    "en": {GroupKind.TOTAL: "Total", GroupKind.PERIOD: "Period", GroupKind.VB: "Period",
           GroupKind.LAST_YEAR: "Previous year", GroupKind.UNIT: "Unit",
           GroupKind.GENDER: "Gender"},
}


def group_label(key: GroupKey, lang: str = "sv") -> str:
    """The group's label in the language (Swedish for a language without labels)."""
    return GROUP_LABELS.get(lang, group_label_sv)(key)


def kind_label(kind: GroupKind, lang: str = "sv") -> str:
    return KIND_LABELS.get(lang, KIND_LABELS["sv"])[kind]
