"""Recognising Swedish personnummer and samordningsnummer in text, so they are never stored."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from audit_app.domain.errors import UserError

# Before matching, every separator a person might type (or a program might paste) becomes
# '-', invisible characters are dropped and every Unicode decimal digit becomes its ASCII
# digit. C0 controls \x1c-\x1f are deliberately NOT separators: the case-list guard joins cells
# with them and relies on no match spanning two cells.
_ASCII_SEPARATORS = " \t\n\r\v\f-./_+"
_ASCII_FOLD = str.maketrans(_ASCII_SEPARATORS, "-" * len(_ASCII_SEPARATORS))
# Beyond the dash (Pd) and space (Zs, Zl, Zp) categories: minus, slashes, dots, full-width
# forms and middle dots that can stand between digit groups.
_OTHER_SEPARATORS = frozenset(
    "\u2212\u2044\u2215\u00b7\u2027\u2024\u2219\u30fb\uff0b\uff0e\uff0f\uff3f\uff65\ufe52"
    "\ufe62\u0085")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
SEPARATOR_RUN = 3  # at most this many separators in a row between two digit groups

_S = f"-{{0,{SEPARATOR_RUN}}}"
# The last four digits must not start a date of their own ('2024-03-12 – 2024-05-01' is a
# period, not the personnummer 240312-2024 followed by '-05-01').
_NOT_A_DATE = rf"(?!{_S}-[0-9]{{2}}-{_S}[0-9]{{2}}(?![0-9]))"
# Month 01-12 and day 00-39 or 60-99 already in the pattern, so that most number runs (case
# references such as '2026-000001') are passed over without a Python-level date check.
_TAIL = (rf"([0-9]{{2}}){_S}(0[1-9]|1[0-2]){_S}([0-36-9][0-9]){_S}([0-9]{{3}})([0-9])(?![0-9])"
         + _NOT_A_DATE)
# Looked for at every place a digit run starts (zero-width, so candidates may overlap), once
# with a century and once without, so a rejected reading never hides the other one.
_LONG = re.compile(rf"(?<![0-9])(?=((18|19|20){_TAIL}))")
_SHORT = re.compile(rf"(?<![0-9])(?=((){_TAIL}))")


@dataclass(frozen=True)
class Match:
    """Where in a text a personnummer-like number was found (positions in the original text)."""

    start: int
    end: int
    coordination: bool  # samordningsnummer (day + 60)


class PersonnummerError(UserError):
    """Free text that looks like a personnummer is never stored; `field` names where it was."""

    def __init__(self, field: str = "") -> None:
        self.field = field
        super().__init__(GUARD_MESSAGE + (f" (Fält: {field}.)" if field else ""))


def luhn_ok(digits: str) -> bool:
    """The Luhn check over the ten digits YYMMDDNNNC."""
    total = 0
    for n, ch in enumerate(digits):
        value = int(ch) * (2 if n % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


@lru_cache(maxsize=4096)
def _fold(ch: str) -> str:
    """One non-ASCII character as the matcher reads it: a digit, '-', nothing, or itself."""
    if ch.isdecimal():
        return str(unicodedata.decimal(ch))
    category = unicodedata.category(ch)
    if category == "Cf":  # zero-width spaces and joiners, soft hyphen, BOM, bidi controls
        return ""
    if category in ("Pd", "Zs", "Zl", "Zp") or ch in _OTHER_SEPARATORS or ch.isspace():
        return "-"
    return ch


def _non_ascii_table(text: str) -> dict[int, str]:
    return {ord(ch): _fold(ch) for ch in set(_NON_ASCII.findall(text))}


def fold(text: str) -> str:
    """The text as the matcher reads it: separators '-', ASCII digits, no invisible marks."""
    folded = text.translate(_ASCII_FOLD)
    return folded if folded.isascii() else folded.translate(_non_ascii_table(folded))


def normalise(text: str) -> tuple[str, list[int] | None]:
    """`fold(text)`, and where each of its characters came from in `text` (None when nothing
    was dropped, so positions are the same)."""
    folded = text.translate(_ASCII_FOLD)
    if folded.isascii():
        return folded, None
    table = _non_ascii_table(folded)
    folded = folded.translate(table)
    if len(folded) == len(text):
        return folded, None
    return folded, [k for k, ch in enumerate(text) if table.get(ord(ch)) != ""]


def _valid_date(century: str, yy: str, mm: str, dd: str) -> tuple[bool, bool]:
    """(is a real date, is a samordningsnummer) for the date part."""
    day = int(dd)
    coordination = day > 60
    if coordination:
        day -= 60
    years = [int(century + yy)] if century else [1900 + int(yy), 2000 + int(yy)]
    for year in years:
        try:
            date(year, int(mm), day)
            return True, coordination
        except ValueError:
            continue
    return False, coordination


def find_personnummer(text: str) -> list[Match]:
    """Every personnummer or samordningsnummer in the text (valid date and check digit),
    whatever dashes, dots, slashes, spaces or invisible characters stand between its parts."""
    folded, origin = normalise(text)
    candidates: list[tuple[int, int, bool]] = []
    for pattern in (_LONG, _SHORT):
        for m in pattern.finditer(folded):
            whole, century, yy, mm, dd, serial, check = m.groups()
            ok, coordination = _valid_date(century, yy, mm, dd)
            if ok and luhn_ok(yy + mm + dd + serial + check):
                candidates.append((m.start(1), m.start(1) + len(whole), coordination))
    found: list[Match] = []
    for start, end, coordination in sorted(candidates):
        if found and start < found[-1].end:
            continue  # inside one already found (the 10 digits of a 12-digit number)
        found.append(Match(start, end, coordination))
    if origin is None:
        return found
    return [Match(origin[m.start], origin[m.end - 1] + 1, m.coordination) for m in found]


def contains_personnummer(text: str) -> bool:
    return bool(find_personnummer(text))


GUARD_MESSAGE = (
    "Texten innehåller något som ser ut som ett personnummer eller samordningsnummer och "
    "sparades inte. Använd ärendenummer, aldrig namn eller personnummer."
)
