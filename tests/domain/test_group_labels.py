"""Group keys and their labels: one function per language, made from the key alone."""

from __future__ import annotations

import pytest

from audit_app.domain.figures import TOTAL, GroupKey, GroupKind
from audit_app.domain.gender import Gender, gender_label
from audit_app.domain.group_labels import group_label, key_text
from audit_app.domain.rounds import Period

SPAN = GroupKey(GroupKind.LAST_YEAR, 2025, Period.T1, until=Period.T3)


@pytest.mark.parametrize(("key", "sv", "en"), [
    (TOTAL, "Totalt", "Total"),
    (GroupKey(GroupKind.PERIOD, 2026, Period.T2), "T2 2026", "T2 2026"),
    (GroupKey(GroupKind.VB, 2026), "VB 2026", "Full year 2026"),
    (GroupKey(GroupKind.LAST_YEAR, 2025, Period.T1), "T1 2025 (föregående år)",
     "T1 2025 (previous year)"),
    (SPAN, "T1–T3 2025 (föregående år)", "T1–T3 2025 (previous year)"),
    (GroupKey(GroupKind.GENDER, value="pojke"), "Pojkar", "Boys"),
    (GroupKey(GroupKind.UNIT, value="Norr"), "Norr", "Norr"),
    (GroupKey(GroupKind.UNIT, value=""), "Okänd enhet", "Unknown unit"),
])
def test_labels_in_both_languages(key: GroupKey, sv: str, en: str) -> None:
    assert (group_label(key, "sv"), group_label(key, "en")) == (sv, en)


def test_key_text_is_language_neutral_and_span_periods() -> None:
    assert key_text(SPAN) == "T1–T3 2025"
    assert key_text(GroupKey(GroupKind.GENDER, value="flicka")) == "flicka"
    assert SPAN.periods() == (Period.T1, Period.T2, Period.T3)
    assert TOTAL.periods() == ()


def test_one_gender_table() -> None:
    assert gender_label("okant") == "Okänt"
    assert gender_label(Gender.GIRL, "en", plural=True) == "Girls"
    assert gender_label("drake") == "drake"
