"""Written texts of one item summarised: identical texts counted once, a few quoted."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from audit_app.domain.checklist import Theme
from audit_app.domain.figures import Comment, ThemeCount

DEFAULT_QUOTES = 5
THEME_QUOTES = 3


@dataclass(frozen=True)
class Tag:
    """A text tagged with a theme (the label as stored with the tag)."""

    theme_id: str
    label: str
    case_ref: str
    round_name: str
    text: str
    quote: bool = False  # the user chose this text as one of the theme's quotes


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


def count_themes(declared: Sequence[Theme], tags: Sequence[Tag], texts: Sequence[Comment],
                 quotes: int = THEME_QUOTES) -> tuple[ThemeCount, ...]:
    """Each theme's count of the item's texts (x of n), with up to `quotes` texts quoted:
    those the user chose first, then the newest.

    declared: the checklist's themes for the item, in order; a theme only found on stored
    tags (added with the round, or since left out of the checklist) follows them.
    tags come oldest first; n counts the cases with a text (a tag is per answer).
    """
    with_text = {(c.round_name, c.case_ref) for c in texts}
    n = len(with_text)
    labels = {t.id: t.label for t in declared}
    for tag in tags:
        labels.setdefault(tag.theme_id, tag.label)
    out = []
    for theme_id, label in labels.items():
        mine = [t for t in tags if t.theme_id == theme_id
                and (t.round_name, t.case_ref) in with_text]
        cases = {(t.round_name, t.case_ref) for t in mine}
        newest_first = list(reversed(mine))
        ranked = ([t for t in newest_first if t.quote]
                  + [t for t in newest_first if not t.quote])
        quoted = tuple((t.case_ref, t.text) for t in ranked)[:max(0, quotes)]
        out.append(ThemeCount(theme_id, label, len(cases), n, quoted))
    return tuple(out)


def theme_id_for(label: str) -> str:
    """An id for a theme added during the synthesis: its label in a-z0-9_."""
    plain = label.lower().translate(str.maketrans("åäöéü", "aaoeu"))
    slug = re.sub(r"[^a-z0-9]+", "_", plain).strip("_")[:60]
    return slug if slug[:1].isalpha() else f"tema_{slug}".rstrip("_")
