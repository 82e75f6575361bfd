"""Changes to a checklist draft: moving sections and items, and starting a new, copied or
edited draft."""

from __future__ import annotations

from typing import Any

from audit_app.checklist_io.draft import DraftChecklist, DraftSection, draft_from_source

# A place in the draft, as the editor's tree holds it: ("meta",), ("set", n),
# ("section", s) or ("item", s, i).
Ref = tuple[Any, ...]


def move_by(draft: DraftChecklist, ref: Ref, delta: int) -> Ref:
    """Move a section, item or answer set one step up (-1) or down (+1); its new place.

    An item at the edge of its section moves into the neighbouring section."""
    if ref[0] == "set":
        return _swap(draft.answer_sets, ref[1], delta, "set")
    if ref[0] == "section":
        return _swap(draft.sections, ref[1], delta, "section")
    if ref[0] != "item":
        return ref
    s, i = ref[1], ref[2]
    items = draft.sections[s].items
    if 0 <= i + delta < len(items):
        items[i], items[i + delta] = items[i + delta], items[i]
        return ("item", s, i + delta)
    if not 0 <= s + delta < len(draft.sections):
        return ref
    item = items.pop(i)
    other = draft.sections[s + delta].items
    if delta < 0:
        other.append(item)
        return ("item", s + delta, len(other) - 1)
    other.insert(0, item)
    return ("item", s + delta, 0)


def _swap(seq: list[Any], n: int, delta: int, kind: str) -> Ref:
    if not 0 <= n + delta < len(seq):
        return (kind, n)
    seq[n], seq[n + delta] = seq[n + delta], seq[n]
    return (kind, n + delta)


def move_to(draft: DraftChecklist, ref: Ref, target: Ref, after: bool) -> Ref:
    """Move what ref names next to (or, for an item dropped on a section, into) target."""
    if ref == target or ref[0] not in ("item", "section") or target[0] not in (
            "item", "section"):
        return ref
    if ref[0] == "section":
        moving = draft.sections[ref[1]]
        anchor = draft.sections[target[1]]
        draft.sections.remove(moving)
        at = draft.sections.index(anchor) + (1 if after else 0)
        draft.sections.insert(at, moving)
        return ("section", at)
    item = draft.sections[ref[1]].items[ref[2]]
    if target[0] == "section":
        section = draft.sections[target[1]]
        draft.sections[ref[1]].items.remove(item)
        section.items.append(item)
        return ("item", target[1], len(section.items) - 1)
    anchor_item = draft.sections[target[1]].items[target[2]]
    draft.sections[ref[1]].items.remove(item)
    items = draft.sections[target[1]].items
    at = items.index(anchor_item) + (1 if after else 0)
    items.insert(at, item)
    return ("item", target[1], at)


def bump_version(version: str) -> str:
    """The next version number: "1.0" gives "1.1", "2" gives "3", "v1-a" gives "v1-a.1"."""
    parts = version.split(".")
    if parts[-1].isdecimal():
        parts[-1] = str(int(parts[-1]) + 1)
        return ".".join(parts)
    return f"{version}.1" if version else "1.0"


def copy_of(source: str, taken: set[str]) -> DraftChecklist:
    """A new checklist from a copy of another: a free id, version 1.0, ids still editable."""
    draft = draft_from_source(source)
    base = f"{draft.id}-kopia"
    new_id, n = base, 2
    while new_id in taken:
        new_id, n = f"{base}-{n}", n + 1
    draft.id, draft.version, draft.title = new_id, "1.0", f"{draft.title} (kopia)"
    for item in draft.items:
        item.stored = False
    return draft


def start_draft(sources: dict[str, str], mode: str, checklist_id: str = "") -> DraftChecklist:
    """The draft the editor opens: "new" (empty), "copy" or "edit" of a checklist's text.

    `sources` maps each checklist id in the library to its YAML text. Editing bumps the
    version, so that saving makes a version that is told apart from the stored one.
    """
    if mode == "new":
        return DraftChecklist(sections=[DraftSection("avsnitt_1", "Avsnitt 1")])
    if mode == "copy":
        return copy_of(sources[checklist_id], set(sources))
    draft = draft_from_source(sources[checklist_id])
    draft.version = bump_version(draft.version)
    return draft
