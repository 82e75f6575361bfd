"""Item ids made from questions: ASCII, Swedish letters folded, unique."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from audit_app.domain.item_ids import MAX_ID_CHARS, item_id_from_question


def test_swedish_letters_folded() -> None:
    assert item_id_from_question("Har barnet fått återkoppling?") == \
        "har_barnet_fatt_aterkoppling"
    assert item_id_from_question("Är SIP upprättad för Öland?") == "ar_sip_upprattad_for_oland"


def test_taken_ids_get_a_number() -> None:
    taken = {"har_sip", "har_sip_2"}
    assert item_id_from_question("Har SIP?", taken) == "har_sip_3"


def test_digits_first_and_empty() -> None:
    assert item_id_from_question("12 veckor?") == "punkt_12_veckor"
    assert item_id_from_question("???") == "punkt"


def test_long_question_cut_at_a_word() -> None:
    made = item_id_from_question("Har socialsekreteraren dokumenterat samtliga samtal med "
                                 "barnet och vårdnadshavarna under utredningstiden?")
    assert len(made) <= MAX_ID_CHARS and not made.endswith("_")
    assert made.startswith("har_socialsekreteraren_dokumenterat")


@given(st.text(max_size=200))
def test_always_a_valid_id(question: str) -> None:
    made = item_id_from_question(question, {"punkt"})
    assert re.fullmatch(r"[a-z][a-z0-9_]*", made) and len(made) <= MAX_ID_CHARS + 4
    assert made != "punkt"
