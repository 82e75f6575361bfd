"""Item ids made from a question: ASCII, Swedish letters folded, lower case, underscores."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

MAX_ID_CHARS = 40
_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "Å": "a", "Ä": "a", "Ö": "o",
                       "æ": "ae", "ø": "o", "ß": "ss", "Æ": "ae", "Ø": "o"})


def item_id_from_question(question: str, taken: Collection[str] = ()) -> str:
    """A new, valid item id for this question, not among `taken`.

    "Har barnet fått återkoppling?" gives "har_barnet_fatt_aterkoppling". Ids are made once,
    when an item is new; renaming the question later keeps the id.
    """
    text = question.translate(_FOLD)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", text.lower())
    base = ""
    for word in words:  # whole words only, up to the length limit
        candidate = f"{base}_{word}" if base else word
        if len(candidate) > MAX_ID_CHARS and base:
            break
        base = candidate[:MAX_ID_CHARS]
    if not base or not base[0].isalpha():
        base = f"punkt_{base}" if base else "punkt"
    result = base
    n = 2
    while result in taken:
        result = f"{base}_{n}"
        n += 1
    return result
