"""The Excel layout of a checklist: sheet names, columns, and cell text for each YAML form."""

from __future__ import annotations

import re
from typing import Any

ITEMS = "Punkter"
OPTIONS = "Alternativ"
SETS = "Svarsuppsättningar"
SETTINGS = "Inställningar"

# (header, YAML key or a pseudo key for section columns); matched by header on import
ITEM_COLUMNS: tuple[tuple[str, str], ...] = (
    ("avsnitt", "section_id"), ("avsnittsrubrik", "section_title"), ("id", "id"),
    ("fråga", "question"), ("svarstyp", "answer"), ("obligatorisk", "required"),
    ("kritisk", "critical"), ("årsmål", "target"), ("gäller om", "applies_when"),
    ("hjälptext", "help"), ("lagrum", "reference"), ("godkända svar", "compliant"),
    ("min", "min"), ("max", "max"), ("kommentar", "comment"),
)
OPTION_COLUMNS: tuple[tuple[str, str], ...] = (
    ("punkt", "item"), ("svarsuppsättning", "set"), ("värde", "value"),
    ("etikett", "label"), ("tangent", "key"), ("räknas", "counted"),
)
SET_COLUMNS: tuple[tuple[str, str], ...] = (
    ("namn", "name"), ("svarstyp", "type"), ("godkända svar", "compliant"),
    ("min", "min"), ("max", "max"),
)
SETTING_KEYS: tuple[tuple[str, str], ...] = (
    ("id", "Checklistans id: a-z, 0-9, - och _ (ändras inte)"),
    ("version", "Versionsnummer, t.ex. 1.1; höj det när innehållet ändras"),
    ("title", "Titel som användarna ser"),
    ("description", "Beskrivning (frivillig)"),
    ("organisation", "Organisation (frivillig)"),
    ("unit", "Enhet / arbetsgrupp (frivillig)"),
)
FLAG_KEYS = ("required", "critical", "comment")
YES, NO = "ja", "nej"
NONE_MARK = "-"  # "godkända svar" given as an explicit empty list: the item is not scored
ITEM_KEY_ORDER = ("id", "question", "help", "reference", "answer", "applies_when",
                  "required", "critical", "target", "comment")

_CONDITION = re.compile(r"^\s*(?P<item>[^\s=]+)\s*(?:=\s*(?P<eq>.+?)|\s+i\s+(?P<in>.+?))\s*$")


def flag_text(value: Any) -> str | None:
    if value is None:
        return None
    return YES if value is True else NO if value is False else str(value)


def values_text(value: Any) -> str | None:
    """A compliant value or list as cell text; an empty list is NONE_MARK."""
    if value is None:
        return None
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) if value else NONE_MARK
    return str(value)


def split_values(text: str) -> list[str]:
    if text.strip() == NONE_MARK:
        return []
    return [v.strip() for v in text.split(",") if v.strip()]


def condition_text(value: Any) -> str | None:
    """applies_when as `punkt = svar` / `punkt i svar1, svar2`; a list joined by ';'."""
    if value is None:
        return None
    if isinstance(value, list):
        parts = [_one_condition(c) for c in value]
        return "; ".join(parts) + (";" if len(parts) == 1 else "")
    return _one_condition(value)


def _one_condition(cond: Any) -> str:
    if not isinstance(cond, dict):
        return str(cond)
    if "equals" in cond:
        return f"{cond.get('item', '')} = {cond['equals']}"
    values = cond.get("in")
    listed = ", ".join(str(v) for v in values) if isinstance(values, list) else str(values)
    return f"{cond.get('item', '')} i {listed}"


def parse_conditions(text: str) -> list[dict[str, Any]] | dict[str, Any] | None:
    """The applies_when value of a cell, or None when the text cannot be read."""
    parts = [p for p in text.split(";") if p.strip()]
    out: list[dict[str, Any]] = []
    for part in parts:
        m = _CONDITION.match(part)
        if m is None:
            return None
        if m.group("eq") is not None:
            out.append({"item": m.group("item"), "equals": m.group("eq")})
        else:
            out.append({"item": m.group("item"), "in": split_values(m.group("in"))})
    if not out:
        return None
    return out if ";" in text else out[0]
