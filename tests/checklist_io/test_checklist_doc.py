"""The full example in docs/checklist-format.md loads and matches the published schema."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import yaml

from audit_app.checklist_io.loader import parse_checklist
from audit_app.domain.checklist import AnswerType

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "checklist-format.md"
SCHEMA = ROOT / "audit_app" / "checklist_io" / "checklist.schema.json"


def full_example() -> str:
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## Full example", 1)[1]
    match = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert match, "the full example must be a ```yaml block"
    return match.group(1)


def test_full_example_loads() -> None:
    checklist = parse_checklist(full_example(), "docs/checklist-format.md")
    assert checklist.id == "exempel"
    assert {i.answer.type for i in checklist.items} == set(AnswerType)
    # "of these": hänvisning counts only where no investigation was opened
    answers = {"beslut": "utredning_inleds", "hanvisning": "nej"}
    assert checklist.evaluate(answers)["hanvisning"] == (False, None)
    assert checklist.item("dagar_till_beslut").answer.is_compliant("15") is False
    assert checklist.item("barnets_rost").answer.is_compliant("delvis") is True


def test_full_example_matches_schema() -> None:
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert [e.message for e in validator.iter_errors(yaml.safe_load(full_example()))] == []


def test_every_top_item_and_answer_key_is_documented() -> None:
    from audit_app.checklist_io import loader

    text = DOC.read_text(encoding="utf-8")
    keys = (loader.TOP_KEYS | loader.SECTION_KEYS | loader.ITEM_KEYS | loader.ANSWER_KEYS
            | loader.OPTION_KEYS | loader.CONDITION_KEYS)
    assert [k for k in sorted(keys) if f"`{k}`" not in text] == []
    assert [t.value for t in AnswerType if f"`{t.value}`" not in text] == []
