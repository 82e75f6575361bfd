"""Percent agreement and Cohen's kappa against values worked out by hand."""

from __future__ import annotations

import pytest

from audit_app.domain.agreement import (
    UNDEFINED_NOTE,
    item_agreement,
    kappa_from_table,
    kappa_text,
    linear_weights,
)
from audit_app.domain.checklist import AnswerSpec, AnswerType, ChecklistItem, Option


def test_two_by_two_textbook_example() -> None:
    """The textbook example (Wikipedia, "Cohen's kappa"): 50 applications, A and B.

    Both yes 20, A yes / B no 5, A no / B yes 10, both no 15.
    p_o = (20 + 15) / 50 = 0.70.
    A says yes 25/50 = 0.5, B says yes 30/50 = 0.6.
    p_e = 0.5·0.6 + 0.5·0.4 = 0.50.
    κ = (0.70 − 0.50) / (1 − 0.50) = 0.40.
    Standard error (Fleiss, Cohen & Everitt 1969), 1 − κ = 0.6:
      diagonal yes: p = 0.4, 1 − (0.5 + 0.6)·0.6 = 0.34 → 0.4·0.34² = 0.04624
      diagonal no:  p = 0.3, 1 − (0.5 + 0.4)·0.6 = 0.46 → 0.3·0.46² = 0.06348
      A yes/B no: p = 0.1, (p_.yes + p_no.) = 0.6 + 0.5 = 1.1 → 0.1·(1.1·0.6)² = 0.04356
      A no/B yes: p = 0.2, (p_.no + p_yes.) = 0.4 + 0.5 = 0.9 → 0.2·(0.9·0.6)² = 0.05832
      minus (κ − p_e(1 − κ))² = (0.4 − 0.3)² = 0.01
      sum = 0.2016; var = 0.2016 / (50·0.5²) = 0.016128; SE = 0.12700
    95 % interval: 0.40 ± 1.96·0.12700 = 0.1511 … 0.6489.
    """
    a = kappa_from_table([[20, 5], [10, 15]])
    assert (a.cases, a.agreeing) == (50, 35)
    assert a.percent == pytest.approx(0.70)
    assert a.kappa == pytest.approx(0.40)
    assert a.se == pytest.approx(0.12700, abs=1e-5)
    assert a.low == pytest.approx(0.1511, abs=1e-4)
    assert a.high == pytest.approx(0.6489, abs=1e-4)
    assert not a.weighted
    assert kappa_text(a) == "0,40 (0,15–0,65)"
    assert kappa_text(a, "en") == "0.40 (0.15–0.65)"


def test_weighted_three_by_three() -> None:
    """Graded item (helt / delvis / nej), ten cases; rows reviewer A, columns B:

        4 1 0
        1 2 1
        0 0 1
    Linear weights: 1 on the diagonal, 0.5 one step apart, 0 two steps apart.
    Row shares 0.5 0.4 0.1; column shares 0.5 0.3 0.2.
    p_o(w) = 0.4 + 0.2 + 0.1 + 0.5·(0.1 + 0.1 + 0.1 + 0) = 0.85
    p_e(w) = (0.25 + 0.12 + 0.02) + 0.5·(0.15 + 0.20 + 0.08 + 0.03) = 0.39 + 0.23 = 0.62
    κ_w = (0.85 − 0.62) / 0.38 = 0.6053; exact agreement 7 of 10 = 70 %.
    SE: w̄_i. = (0.65, 0.65, 0.35), w̄_.j = (0.70, 0.70, 0.30), 1 − κ_w = 15/38 = 0.394737
      (0,0): 0.4·(1 − 1.35·0.394737)² = 0.087275
      (0,1) and (1,0): 0.1·(0.5 − 1.35·0.394737)² = 0.000108 each
      (1,1): 0.2·(1 − 1.35·0.394737)² = 0.043637
      (1,2): 0.1·(0.5 − 0.95·0.394737)² = 0.001563
      (2,2): 0.1·(1 − 0.65·0.394737)² = 0.055268
      sum 0.187958 − (0.605263 − 0.62·0.394737)² = 0.187958 − 0.129979 = 0.057979
      var = 0.057979 / (10·0.38²) = 0.040152; SE = 0.2004
    95 % interval: 0.6053 ± 1.96·0.2004 = 0.2125 … 0.9980.
    """
    levels = ["helt", "delvis", "nej"]
    a = kappa_from_table([[4, 1, 0], [1, 2, 1], [0, 0, 1]], linear_weights(levels, levels))
    assert a.weighted
    assert a.percent == pytest.approx(0.70)
    assert a.kappa == pytest.approx(0.6053, abs=1e-4)
    assert a.se == pytest.approx(0.2004, abs=1e-4)
    assert a.low == pytest.approx(0.2125, abs=1e-4)
    assert a.high == pytest.approx(0.9980, abs=1e-4)


def test_perfect_agreement_is_one_with_no_spread() -> None:
    a = kappa_from_table([[3, 0], [0, 2]])
    assert a.kappa == pytest.approx(1.0)
    assert (a.low, a.high) == (pytest.approx(1.0), pytest.approx(1.0))


def test_all_answers_in_one_category_leaves_kappa_undefined() -> None:
    a = kappa_from_table([[5, 0], [0, 0]])
    assert a.percent == 1.0
    assert a.kappa is None and a.low is None and a.high is None
    assert a.note == UNDEFINED_NOTE
    assert kappa_text(a) == "ej definierad"
    assert kappa_text(a, "en") == "undefined"


def test_single_case_has_no_interval() -> None:
    a = kappa_from_table([[0, 1], [0, 0]])
    assert a.cases == 1 and a.percent == 0.0
    assert a.kappa == pytest.approx(0.0)
    assert a.low is None and "för få fall" in a.note


def test_no_cases() -> None:
    a = kappa_from_table([[0, 0], [0, 0]])
    assert a.cases == 0 and a.percent is None and a.kappa is None


def _item(kind: AnswerType, values: list[str], na: bool = False) -> ChecklistItem:
    options = tuple(Option(v, v.capitalize()) for v in values)
    if na:
        options += (Option("ej_aktuellt", "Ej aktuellt", counted=False),)
    return ChecklistItem("q", "Fråga?", AnswerSpec(kind, options, frozenset(values[:1])))


def test_item_agreement_weights_graded_items_and_treats_na_as_apart() -> None:
    item = _item(AnswerType.GRADED, ["helt", "delvis", "nej"], na=True)
    pairs = [("helt", "helt")] * 4 + [("helt", "delvis"), ("delvis", "helt")] + \
        [("delvis", "delvis")] * 2 + [("delvis", "nej"), ("nej", "nej")]
    a = item_agreement(item, pairs)
    assert a is not None and a.weighted
    assert a.kappa == pytest.approx(0.6053, abs=1e-4)  # the 3×3 example above
    w = linear_weights(["helt", "delvis", "nej", "ej_aktuellt"], ["helt", "delvis", "nej"])
    assert w[0][1] == 0.5 and w[0][3] == 0.0 and w[3][3] == 1.0


def test_item_agreement_unweighted_for_yes_no_and_none_for_text() -> None:
    item = _item(AnswerType.YES_NO, ["ja", "nej"])
    pairs = [("ja", "ja")] * 20 + [("ja", "nej")] * 5 + [("nej", "ja")] * 10 + \
        [("nej", "nej")] * 15
    a = item_agreement(item, pairs)
    assert a is not None and not a.weighted and a.kappa == pytest.approx(0.4)
    text = ChecklistItem("t", "Kommentar", AnswerSpec(AnswerType.TEXT))
    assert item_agreement(text, [("a", "b")]) is None
