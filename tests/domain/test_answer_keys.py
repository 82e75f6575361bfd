"""The review form's answer keys: J/N/E/H/D in Swedish, Y/N/A/F/P in English."""

from __future__ import annotations

from audit_app.checklist_io.builtin import BUILTIN_SETS
from audit_app.domain.answer_keys import option_keys
from audit_app.domain.checklist import Option


def test_built_in_answers_have_keys_in_both_languages() -> None:
    yes_no_na = BUILTIN_SETS["ja_nej_ej_aktuellt"].options
    graded = BUILTIN_SETS["graderad"].options
    assert option_keys(yes_no_na) == ["J", "N", "E"]
    assert option_keys(yes_no_na, "en") == ["Y", "N", "A"]
    assert option_keys(graded) == ["H", "D", "N"]
    assert option_keys(graded, "en") == ["F", "P", "N"]


def test_own_keys_and_numbers_stay_and_a_taken_letter_is_not_reused() -> None:
    scale = (Option("a", "Alla steg"), Option("b", "Vissa"), Option("c", "Inga", "X"))
    assert option_keys(scale, "en") == ["1", "2", "X"]
    # an own option already answers with Y: "ja" keeps its Swedish J rather than clash
    clash = (Option("ja", "Ja", "J"), Option("ytterst", "Ytterst", "Y"))
    assert option_keys(clash, "en") == ["J", "Y"]
    # a checklist that gave "ja" a letter of its own keeps it in English too
    own = (Option("ja", "Ja", "K"), Option("nej", "Nej", "N"))
    assert option_keys(own, "en") == ["K", "N"]
