"""The published JSON Schema accepts every bundled checklist and rejects what the loader rejects."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from audit_app.checklist_io.loader import ChecklistFileError, parse_checklist

CHECKLISTS = Path(__file__).resolve().parents[2] / "checklists"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    text = resources.files("audit_app.checklist_io").joinpath("checklist.schema.json").read_text(
        encoding="utf-8")
    schema = json.loads(text)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def errors(validator: jsonschema.Draft202012Validator, data: Any) -> list[str]:
    return [e.message for e in validator.iter_errors(data)]


@pytest.mark.parametrize("path", sorted(CHECKLISTS.glob("*.yaml")), ids=lambda p: p.stem)
def test_bundled_checklist_matches_schema(
        validator: jsonschema.Draft202012Validator, path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert errors(validator, data) == []


def small() -> dict[str, Any]:
    return {"id": "prov", "version": "1", "title": "Prov", "sections": [
        {"id": "a", "title": "A", "items": [
            {"id": "plan", "question": "Finns en plan?", "answer": "ja_nej", "target": 70},
            {"id": "dagar", "question": "Dagar?", "answer": {"type": "tal", "max": 14}},
        ]}]}


def both_reject(validator: jsonschema.Draft202012Validator, data: dict[str, Any]) -> list[str]:
    """Schema errors for data; the loader must reject the same document."""
    with pytest.raises(ChecklistFileError):
        parse_checklist(yaml.safe_dump(data, allow_unicode=True))
    return errors(validator, data)


def test_small_document_accepted_by_both(validator: jsonschema.Draft202012Validator) -> None:
    assert errors(validator, small()) == []
    assert parse_checklist(yaml.safe_dump(small())).item("dagar").answer.maximum == 14


def test_unknown_key_rejected(validator: jsonschema.Draft202012Validator) -> None:
    data = small()
    data["sections"][0]["items"][0]["colour"] = "red"
    found = both_reject(validator, data)
    assert any("colour" in m for m in found)
    top = small()
    top["author"] = "x"
    assert any("author" in m for m in both_reject(validator, top))


def test_wrong_answer_type_rejected(validator: jsonschema.Draft202012Validator) -> None:
    wrong_shape = small()
    wrong_shape["sections"][0]["items"][0]["answer"] = ["ja", "nej"]
    assert both_reject(validator, wrong_shape)
    options_on_yes_no = small()
    options_on_yes_no["sections"][0]["items"][0]["answer"] = {
        "type": "ja_nej", "options": [{"value": "ja", "label": "Ja"}]}
    assert both_reject(validator, options_on_yes_no)
    scale_without_options = small()
    scale_without_options["sections"][0]["items"][0]["answer"] = {"type": "skala"}
    assert both_reject(validator, scale_without_options)
    min_on_text = small()
    min_on_text["sections"][0]["items"][0]["answer"] = {"type": "fritext", "min": 1}
    assert both_reject(validator, min_on_text)


def test_other_shapes_rejected(validator: jsonschema.Draft202012Validator) -> None:
    bad_target = small()
    bad_target["sections"][0]["items"][0]["target"] = 170
    assert both_reject(validator, bad_target)
    bad_id = small()
    bad_id["sections"][0]["items"][0]["id"] = "Plan-1"
    assert both_reject(validator, bad_id)
    both_keys = small()
    both_keys["sections"][0]["items"][1]["applies_when"] = {
        "item": "plan", "equals": "ja", "in": ["ja"]}
    assert both_reject(validator, both_keys)
    no_sections = small()
    no_sections["sections"] = []
    assert both_reject(validator, no_sections)
    redefined = small()
    redefined["answer_sets"] = {"ja_nej": {"type": "val", "options": [
        {"value": "a", "label": "A"}]}}
    assert both_reject(validator, redefined)
