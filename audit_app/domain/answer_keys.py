"""The keys that answer an item in the review form, in the user's language."""

from __future__ import annotations

from collections.abc import Sequence

from audit_app.domain.checklist import Option

# The built-in answers' English keys by stored value: Yes, No, not Applicable, Fully, Partly.
# A checklist's own options keep their own keys in both languages.
ENGLISH_KEYS = {"ja": "Y", "nej": "N", "ej_aktuellt": "A", "helt": "F", "delvis": "P"}
# The built-in answers' Swedish keys (checklist_io.builtin): only these are exchanged.
SWEDISH_KEYS = {"ja": "J", "nej": "N", "ej_aktuellt": "E", "helt": "H", "delvis": "D"}


def option_keys(options: Sequence[Option], lang: str = "sv") -> list[str]:
    """The key of each option: its own letter, else its number 1-9. In English a built-in
    answer's Swedish letter (J, N, E, H, D) becomes Y, N, A, F, P unless that letter is
    taken by another option of the item."""
    keys = [(o.key or (str(n) if n <= 9 else "")).upper()
            for n, o in enumerate(options, start=1)]
    if lang != "en":
        return keys
    out = list(keys)
    for k, option in enumerate(options):
        english = ENGLISH_KEYS.get(option.value)
        if english is None or keys[k] != SWEDISH_KEYS[option.value]:
            continue
        if english not in out[:k] + keys[k + 1:]:
            out[k] = english
    return out
