"""What changed between two versions of a checklist, item by item."""

from __future__ import annotations

from dataclasses import dataclass

from audit_app.domain.checklist import AnswerSpec, Checklist, ChecklistItem

TARGET = "årsmål"  # the name of the target property in an ItemChange


@dataclass(frozen=True)
class ItemChange:
    """One changed property of an item kept in both versions."""

    item_id: str
    what: str  # Swedish name of the property, e.g. "fråga", "årsmål"
    old: str
    new: str


@dataclass(frozen=True)
class ChecklistDiff:
    """Items added, removed and changed from `old` to `new`."""

    added: tuple[ChecklistItem, ...]
    removed: tuple[ChecklistItem, ...]
    changed: tuple[ItemChange, ...]
    settings: tuple[ItemChange, ...]  # title, version, unit ... (item_id is "")

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.settings)

    def lines(self) -> list[str]:
        """The changes as Swedish text lines for the CLI and the GUI."""
        out = [f"Ändrad {c.what}: '{c.old}' → '{c.new}'" for c in self.settings]
        out += [f"Ny punkt: {i.id} – {i.question}" for i in self.added]
        out += [f"Borttagen punkt: {i.id} – {i.question}" for i in self.removed]
        out += [f"Ändrad punkt {c.item_id}, {c.what}: '{c.old}' → '{c.new}'"
                for c in self.changed]
        renamed = {i.question: i.id for i in self.removed}
        for item in self.added:
            if item.question in renamed:
                out.append(f"Obs: '{item.id}' har samma fråga som borttagna "
                           f"'{renamed[item.question]}'. Ett id ska inte bytas: behåll "
                           "det gamla id:t om det är samma fråga.")
        return out


def _options(spec: AnswerSpec) -> str:
    return ", ".join(f"{o.value}={o.label}" for o in spec.options)


def _number(value: float | None) -> str:
    if value is None:
        return "inget"
    return str(int(value)) if float(value).is_integer() else str(value)


def _conditions(item: ChecklistItem) -> str:
    return "; ".join(f"{c.item_id} i {', '.join(sorted(c.values))}"
                     for c in item.applies_when) or "alltid"


def _flag(value: bool) -> str:
    return "ja" if value else "nej"


def _item_changes(old: ChecklistItem, new: ChecklistItem) -> list[ItemChange]:
    pairs = [
        ("fråga", old.question, new.question),
        ("svarstyp", old.answer.type.value, new.answer.type.value),
        ("svarsalternativ", _options(old.answer), _options(new.answer)),
        ("godkända svar", ", ".join(sorted(old.answer.compliant)),
         ", ".join(sorted(new.answer.compliant))),
        ("min", _number(old.answer.minimum), _number(new.answer.minimum)),
        ("max", _number(old.answer.maximum), _number(new.answer.maximum)),
        (TARGET, _number(old.target), _number(new.target)),
        ("villkor", _conditions(old), _conditions(new)),
        ("obligatorisk", _flag(old.required), _flag(new.required)),
        ("kritisk", _flag(old.critical), _flag(new.critical)),
        ("hjälptext", old.help, new.help),
        ("lagrum", old.reference, new.reference),
        ("avsnitt", old.section_id, new.section_id),
    ]
    return [ItemChange(new.id, what, a, b) for what, a, b in pairs if a != b]


def diff_checklists(old: Checklist, new: Checklist) -> ChecklistDiff:
    """Compare two versions by item id (ids are stable; a new id is a new item)."""
    old_ids = {i.id for i in old.items}
    new_ids = {i.id for i in new.items}
    settings = [ItemChange("", what, a, b) for what, a, b in (
        ("id", old.id, new.id), ("version", old.version, new.version),
        ("titel", old.title, new.title), ("enhet", old.unit, new.unit),
        ("beskrivning", old.description, new.description)) if a != b]
    changed: list[ItemChange] = []
    for item in new.items:
        if item.id in old_ids:
            changed += _item_changes(old.item(item.id), item)
    return ChecklistDiff(
        added=tuple(i for i in new.items if i.id not in old_ids),
        removed=tuple(i for i in old.items if i.id not in new_ids),
        changed=tuple(changed), settings=tuple(settings))


def differing_targets(versions: list[tuple[str, Checklist]], item_ids: set[str],
                      ) -> dict[str, tuple[tuple[str, float | None], ...]]:
    """Items whose target differs between the versions: (version, target) in the given order."""
    out: dict[str, tuple[tuple[str, float | None], ...]] = {}
    for item_id in sorted(item_ids):
        pairs = tuple(dict.fromkeys((v, c.item(item_id).target) for v, c in versions))
        if len({t for _, t in pairs}) > 1:
            out[item_id] = pairs
    return out


def target_text(pairs: tuple[tuple[str, float | None], ...]) -> str:
    """'85 % (v1.0), 90 % (v1.1)' for a note on differing targets."""
    return ", ".join(f"{'inget' if t is None else f'{t:g} %'} (v{v})" for v, t in pairs)
