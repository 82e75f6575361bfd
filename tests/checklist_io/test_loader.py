"""Checklist files: valid ones load, every problem is reported with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit_app.checklist_io.loader import (
    ChecklistFileError,
    content_hash,
    load_checklist_file,
    parse_checklist,
)
from audit_app.domain.checklist import AnswerType

HEADER = """id: prov
version: 1
title: Prov
"""

VALID = HEADER + """answer_sets:
  samverkan:
    type: skala
    options:
      - {value: alla_steg, label: I alla steg}
      - {value: flera, label: Vid flera möten}
      - {value: ingen, label: Inte alls}
    compliant: [alla_steg, flera]
sections:
  - id: a
    title: Avsnitt A
    items:
      - id: plan
        question: Finns en plan?
        answer: ja_nej_ej_aktuellt
        target: 70
        critical: true
      - id: plan_anvands
        question: Används planen?
        answer: ja_nej
        applies_when: {item: plan, equals: ja}
      - id: samverkan
        question: Samverkan?
        answer: samverkan
      - id: dagar
        question: Antal dagar till beslut
        answer: {type: tal, max: 14}
      - id: beskrivet
        question: Beskrivs behoven?
        answer: graderad
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "prov.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(tmp_path: Path, text: str) -> list[tuple[int, str]]:
    with pytest.raises(ChecklistFileError) as info:
        load_checklist_file(write(tmp_path, text))
    return [(p.line, p.message) for p in info.value.problems]


def test_valid_checklist_loads(tmp_path: Path) -> None:
    checklist = load_checklist_file(write(tmp_path, VALID))
    assert [i.id for i in checklist.items] == ["plan", "plan_anvands", "samverkan", "dagar",
                                               "beskrivet"]
    assert checklist.version == "1"
    plan = checklist.item("plan")
    assert plan.target == 70 and plan.critical
    assert plan.answer.type is AnswerType.YES_NO_NA
    assert [o.key for o in plan.answer.options] == ["J", "N", "E"]
    assert [o.key for o in checklist.item("samverkan").answer.options] == ["1", "2", "3"]
    assert checklist.item("samverkan").answer.is_compliant("flera") is True
    assert checklist.item("dagar").answer.is_compliant("15") is False
    assert checklist.item("dagar").answer.is_compliant("14") is True


def test_applies_when_and_of_these(tmp_path: Path) -> None:
    checklist = load_checklist_file(write(tmp_path, VALID))
    assert checklist.evaluate({"plan": "nej", "plan_anvands": "ja"})["plan_anvands"] == \
        (False, None)
    assert checklist.evaluate({"plan": "ja", "plan_anvands": "nej"})["plan_anvands"] == \
        (True, False)
    assert checklist.evaluate({"plan": "ej_aktuellt"})["plan"] == (True, None)


def test_wrong_answer_type_names_file_and_line(tmp_path: Path) -> None:
    text = VALID.replace("answer: ja_nej_ej_aktuellt", "answer: jaa_nej")
    line = text.splitlines().index("        answer: jaa_nej") + 1
    found = problems(tmp_path, text)
    assert found[0][0] == line
    assert "okänd svarstyp 'jaa_nej'" in found[0][1]


def test_every_problem_reported_at_once(tmp_path: Path) -> None:
    text = VALID.replace("answer: graderad", "answer: graderat\n        colour: red").replace(
        "target: 70", "target: 170")
    found = problems(tmp_path, text)
    messages = " | ".join(m for _, m in found)
    assert "okänd nyckel 'colour'" in messages
    assert "okänd svarstyp 'graderat'" in messages
    assert "0-100" in messages
    assert len(found) == 3


def test_unknown_and_later_applies_when(tmp_path: Path) -> None:
    unknown = VALID.replace("{item: plan, equals: ja}", "{item: planen, equals: ja}")
    assert any("'planen', som inte finns" in m for _, m in problems(tmp_path, unknown))
    later = VALID.replace("{item: plan, equals: ja}", "{item: samverkan, equals: ingen}")
    assert any("kommer senare" in m for _, m in problems(tmp_path, later))


def test_cycle_is_an_error(tmp_path: Path) -> None:
    text = VALID.replace(
        "        answer: ja_nej_ej_aktuellt\n",
        "        answer: ja_nej_ej_aktuellt\n        applies_when: {item: plan_anvands, "
        "equals: ja}\n")
    messages = [m for _, m in problems(tmp_path, text)]
    assert any("cykel" in m and "plan → plan_anvands → plan" in m for m in messages)


def test_condition_value_must_be_an_answer(tmp_path: Path) -> None:
    text = VALID.replace("{item: plan, equals: ja}", "{item: plan, equals: kanske}")
    assert any("'kanske' är inget svar på 'plan'" in m for _, m in problems(tmp_path, text))


def test_malformed_yaml(tmp_path: Path) -> None:
    found = problems(tmp_path, HEADER + "sections: [\n  - id: a\n")
    assert "felaktig YAML" in found[0][1]
    assert found[0][0] > 0


def test_alias_bomb_refused(tmp_path: Path) -> None:
    bomb = 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\n'
    found = problems(tmp_path, bomb)
    assert "alias" in found[0][1]


def test_oversized_file_refused(tmp_path: Path) -> None:
    found = problems(tmp_path, VALID + "#" * 1_100_000)
    assert "för stor" in found[0][1]


def test_duplicate_item_id(tmp_path: Path) -> None:
    text = VALID.replace("id: dagar", "id: plan")
    assert any("finns redan" in m for _, m in problems(tmp_path, text))


def test_content_hash_ignores_comments_and_layout() -> None:
    assert content_hash(VALID) == content_hash("# kommentar\n" + VALID)
    assert content_hash(VALID) != content_hash(VALID.replace("Finns en plan?", "Plan?"))


def test_parse_text_directly() -> None:
    assert parse_checklist(VALID).id == "prov"
