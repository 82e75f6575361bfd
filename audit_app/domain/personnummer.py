"""Recognising Swedish personnummer and samordningsnummer in text, so they are never stored."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

# YYMMDD or YYYYMMDD, an optional separator (-, +, space), then three digits and a check digit.
_CANDIDATE = re.compile(r"(?<!\d)(\d{2})?(\d{2})(\d{2})(\d{2})[-+ ]?(\d{3})(\d)(?!\d)")


@dataclass(frozen=True)
class Match:
    """Where in a text a personnummer-like number was found."""

    start: int
    end: int
    coordination: bool  # samordningsnummer (day + 60)


def luhn_ok(digits: str) -> bool:
    """The Luhn check over the ten digits YYMMDDNNNC."""
    total = 0
    for n, ch in enumerate(digits):
        value = int(ch) * (2 if n % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _valid_date(century: str | None, yy: str, mm: str, dd: str) -> tuple[bool, bool]:
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
    """Every personnummer or samordningsnummer in the text (valid date and check digit)."""
    found: list[Match] = []
    for m in _CANDIDATE.finditer(text):
        century, yy, mm, dd, serial, check = m.groups()
        if century is not None and century not in ("18", "19", "20"):
            continue
        ok, coordination = _valid_date(century, yy, mm, dd)
        if ok and luhn_ok(yy + mm + dd + serial + check):
            found.append(Match(m.start(), m.end(), coordination))
    return found


def contains_personnummer(text: str) -> bool:
    return bool(find_personnummer(text))


GUARD_MESSAGE = (
    "Texten innehåller något som ser ut som ett personnummer eller samordningsnummer och "
    "sparades inte. Använd ärendenummer, aldrig namn eller personnummer."
)
