"""Property tests: whatever text the loader is given, it succeeds or raises ChecklistFileError."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit_app.checklist_io.loader import ChecklistFileError, parse_checklist
from tests.checklist_io.test_loader import VALID

KEYS = ["id", "version", "title", "description", "organisation", "unit", "answer_sets",
        "sections", "items", "question", "help", "reference", "answer", "applies_when",
        "required", "critical", "target", "comment", "type", "options", "compliant", "min",
        "max", "value", "label", "key", "counted", "item", "equals", "in"]
WORDS = ["ja", "nej", "ej_aktuellt", "ja_nej", "ja_nej_ej_aktuellt", "graderad", "skala",
         "val", "tal", "datum", "fritext", "helt", "delvis", "plan", "a", "1", "Ja"]
YAML_SCALARS = ["0x1F", "1_000", ".inf", ".nan", "-.inf", "1:30", "~", "null", "yes", "off",
                "!!int abc", "!!bool hmm", "!!timestamp x", "!!binary zz", "!!float y",
                "2026-01-01", "'quoted'", "1e400", "9" * 400, "[", "{", "&a x", "*a", "|"]

scalars: st.SearchStrategy[Any] = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
    st.sampled_from(WORDS + KEYS), st.text(max_size=8))
structures = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=4), children, max_size=5)),
    max_leaves=30)


def outcome(text: str) -> str:
    try:
        parse_checklist(text, "fuzz.yaml")
    except ChecklistFileError as exc:
        assert exc.problems, "an error must name at least one problem"
        assert all(p.file == "fuzz.yaml" and p.message for p in exc.problems)
        return "error"
    return "ok"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text(text: str) -> None:
    assert outcome(text) in {"ok", "error"}


@settings(max_examples=300, deadline=None)
@given(structures)
def test_arbitrary_yaml_structures(data: Any) -> None:
    assert outcome(yaml.safe_dump(data, allow_unicode=True)) in {"ok", "error"}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_valid_checklist_with_one_line_mutated(data: st.DataObject) -> None:
    lines = VALID.splitlines()
    n = data.draw(st.integers(0, len(lines) - 1))
    head, sep, _ = lines[n].partition(": ")
    replacement = data.draw(st.sampled_from(YAML_SCALARS) | st.text(max_size=12))
    lines[n] = head + (sep or ": ") + replacement
    assert outcome("\n".join(lines) + "\n") in {"ok", "error"}


@settings(max_examples=50, deadline=None)
@given(st.integers(51, 3000), st.sampled_from(["[", "{a: ", "- "]))
def test_deep_nesting_is_an_error_not_a_crash(depth: int, opener: str) -> None:
    assert outcome(opener * depth) == "error"


def test_yaml_1_1_numbers_read_as_numbers() -> None:
    text = VALID.replace("answer: {type: tal, max: 14}", "answer: {type: tal, max: 0xE}")
    assert parse_checklist(text).item("dagar").answer.maximum == 14
