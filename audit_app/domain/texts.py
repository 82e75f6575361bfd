"""Written texts of one item summarised: identical texts counted once, a few quoted."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from audit_app.domain.figures import Comment

DEFAULT_QUOTES = 5


@dataclass(frozen=True)
class Quote:
    """One text as the summary quotes it, with how many cases gave the same text."""

    text: str
    count: int
    cases: tuple[str, ...]  # case references, newest first


@dataclass(frozen=True)
class TextSummary:
    """The quotes of an item, the number of texts and how many were left out."""

    quotes: tuple[Quote, ...]
    total: int
    more: int  # texts not quoted (all of them are in the Excel file)


def same_text_key(text: str) -> str:
    """Texts that differ only in spacing, line breaks or case count as the same text."""
    return " ".join(text.split()).casefold()


def summarise_texts(texts: Sequence[Comment], limit: int = DEFAULT_QUOTES) -> TextSummary:
    """Group identical texts; quote the most frequent first, then the most recent.

    texts come oldest first (as FigureService orders them).
    """
    groups: dict[str, list[int]] = {}
    for k, comment in enumerate(texts):
        groups.setdefault(same_text_key(comment.text), []).append(k)
    ranked = sorted(groups.values(), key=lambda idx: (-len(idx), -idx[-1]))
    quotes = []
    for idx in ranked[:max(0, limit)]:
        newest = texts[idx[-1]]
        cases = tuple(dict.fromkeys(texts[k].case_ref for k in reversed(idx)))
        quotes.append(Quote(newest.text, len(idx), cases))
    shown = sum(q.count for q in quotes)
    return TextSummary(tuple(quotes), len(texts), len(texts) - shown)
