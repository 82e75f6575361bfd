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
