"""The personnummer guard: valid date plus Luhn check, with or without century/separator."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit_app.domain.personnummer import contains_personnummer, find_personnummer, luhn_ok


def check_digit(nine: str) -> str:
    for c in "0123456789":
        if luhn_ok(nine + c):
            return c
    raise AssertionError


# Test-only numbers built here from a date and serial; the check digit is computed.
BASE = "811218987"
VALID = BASE + check_digit(BASE)  # 10 digits
COORD_BASE = "811278987"  # day 18 + 60
COORD = COORD_BASE + check_digit(COORD_BASE)


@pytest.mark.parametrize("text", [
    VALID, f"{VALID[:6]}-{VALID[6:]}", f"19{VALID}", f"19{VALID[:6]}-{VALID[6:]}",
    f"barnet {VALID[:6]}+{VALID[6:]} bor", COORD, f"{COORD[:6]}-{COORD[6:]}",
])
def test_recognised(text: str) -> None:
    assert contains_personnummer(text)


@pytest.mark.parametrize("text", [
    BASE + str((int(check_digit(BASE)) + 1) % 10),  # wrong check digit
    "8113189870",  # month 13
    "Ärende 2026-0412", "ÄR-2026-00017", "12345", "", "tel 08-123 456 78",
    f"1{VALID}",  # 11 digits: not a personnummer shape
])
def test_not_recognised(text: str) -> None:
    assert not contains_personnummer(text)


def test_coordination_flag() -> None:
    assert find_personnummer(COORD)[0].coordination
    assert not find_personnummer(VALID)[0].coordination


@given(st.dates(), st.integers(0, 999))
def test_every_valid_date_with_right_check_digit_is_found(day: object, serial: int) -> None:
    stem = day.strftime("%y%m%d") + f"{serial:03d}"  # type: ignore[attr-defined]
    assert contains_personnummer(stem + check_digit(stem))
    wrong = str((int(check_digit(stem)) + 5) % 10)
    assert not contains_personnummer(stem + wrong)


DASHES = ["-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "\ufe63",
          "\uff0d"]
OTHERS = [".", "/", "_", "+", " ", "\t", "\u00a0", "\u202f", "\u2009", "\u3000", "\uff0e",
          "\uff0f", " - ", "\u00a0\u2013\u00a0"]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]


@pytest.mark.parametrize("sep", DASHES + OTHERS)
def test_every_separator_between_the_parts(sep: str) -> None:
    y, m, d, tail = VALID[:2], VALID[2:4], VALID[4:6], VALID[6:]
    for text in (f"{y}{m}{d}{sep}{tail}", f"{y}{sep}{m}{sep}{d}{sep}{tail}",
                 f"19{y}{m}{d}{sep}{tail}", f"19{y}{sep}{m}{sep}{d}{sep}{tail}"):
        assert contains_personnummer(f"Anteckning: {text}."), repr(text)


@pytest.mark.parametrize("mark", INVISIBLE)
def test_invisible_marks_are_ignored_and_positions_stay_in_the_original(mark: str) -> None:
    text = f"Barnet {VALID[:3]}{mark}{VALID[3:6]}-{mark}{VALID[6:]} bor"
    [match] = find_personnummer(text)
    assert text[match.start:match.end] == f"{VALID[:3]}{mark}{VALID[3:6]}-{mark}{VALID[6:]}"


def test_other_digits_are_read_as_digits() -> None:
    wide = VALID.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    arabic = VALID.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    for text in (wide, f"{wide[:6]}\uff0d{wide[6:]}", arabic, f"x {arabic[:6]}-{arabic[6:]}"):
        [match] = find_personnummer(text)
        assert text[match.start:match.end].strip("x ") == text.strip("x ")


@pytest.mark.parametrize("text", [
    f"{VALID[:6]}    {VALID[6:]}",  # four separators in a row: too far apart
    f"{VALID[:6]}\x1f{VALID[6:]}",  # the cell separator of the case-list guard
    f"{VALID[:6]}-{VALID[6:8]} {VALID[8:]}",  # the last four split
    f"{VALID[:6]}:{VALID[6:]}", f"{VALID[:6]}a{VALID[6:]}",
    "2024-03-12 – 2024-05-01", "2023-12-01/2024-04-30",
])
def test_separators_that_do_not_join(text: str) -> None:
    assert not contains_personnummer(text)


def test_two_numbers_and_a_twelve_digit_one_are_each_found_once() -> None:
    text = f"{VALID} och 19{VALID[:6]}-{VALID[6:]} samt {COORD[:6]}\u2013{COORD[6:]}"
    found = find_personnummer(text)
    assert [text[m.start:m.end] for m in found] == [
        VALID, f"19{VALID[:6]}-{VALID[6:]}", f"{COORD[:6]}\u2013{COORD[6:]}"]
    assert [m.coordination for m in found] == [False, False, True]
