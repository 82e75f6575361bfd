"""Bad plan files of every kind give Swedish errors with their line; good ones read back."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit_app.checklist_io.plan_yaml import PlanFileError, dump_plan, load_plan_file, parse_plan
from audit_app.domain.personnummer import luhn_ok
from audit_app.domain.plan import MethodKind
from tests.plan_data import MINIMAL, SECOND

CHECKLISTS = {"placerade-barn": frozenset({"enskilt_samtal", "genomforandeplan", "vardplan"}),
              "utredning-barn": frozenset({"signs_of_safety"})}


def guarded_number() -> str:
    """A personnummer-shaped test string with a computed check digit (guard tests only)."""
    stem = "790412555"
    digit = next(c for c in "0123456789" if luhn_ok(stem + c))
    return f"{stem[:6]}-{stem[6:]}{digit}"


def problems(text: str) -> list[tuple[int, str]]:
    with pytest.raises(PlanFileError) as info:
        parse_plan(text, "plan.yaml", CHECKLISTS)
    return [(p.line, p.message) for p in info.value.problems]


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_minimal_file_from_the_issue() -> None:
    plan = parse_plan(MINIMAL, "plan.yaml", CHECKLISTS)
    assert plan.unit == "Familjehemsenheten" and plan.year == 2024
    assert [c.control_id for c in plan.controls] == ["samtal_placerade"]


def test_all_methods_and_round_trip() -> None:
    text = MINIMAL + SECOND + """\
  - id: vardplan_alla
    title: Vårdplan i alla ärenden
    checklist: placerade-barn
    items: [vardplan]
    risk: {sannolikhet: 1, konsekvens: 1}
    method: {full: true}
    periods: [T3]
"""
    plan = parse_plan(text, "plan.yaml", CHECKLISTS)
    assert [c.method.kind for c in plan.controls] == [MethodKind.SAMPLE, MethodKind.FIXED,
                                                      MethodKind.FULL]
    assert plan.controls[1].method.size == 20
    assert parse_plan(dump_plan(plan), "igen.yaml", CHECKLISTS) == plan


@pytest.mark.parametrize(("old", "new", "needle", "message"), [
    ("sannolikhet: 3", "sannolikhet: 5", "risk:", "sannolikhet ska vara ett heltal 1–4"),
    ("konsekvens: 4", "konsekvens: tre", "risk:", "konsekvens ska vara ett heltal 1–4"),
    ("[T1, T2]", "[T1, T4]", "periods:", "period ska vara T1, T2 eller T3, inte 'T4'"),
    ("[T1, T2]", "[T1, T1]", "periods:", "perioden T1 står två gånger"),
    ("periods: [T1, T2]", "periods: T1", "periods:", "periods ska vara en lista"),
    ("checklist: placerade-barn", "checklist: okand-lista", "checklist:",
     "checklistan 'okand-lista' finns inte"),
    ("genomforandeplan]", "saknad_punkt]", "items:", "kontrollpunkten 'saknad_punkt' finns inte"),
    ("year: 2024", "year: tjugo", "year:", "year ska vara ett heltal 2000–2100"),
    ("year: 2024", "year: 1850", "year:", "year ska vara ett heltal 2000–2100"),
    ("confidence: 0.95", "confidence: 95", "method:", "confidence ska vara ett tal mellan 0 och 1"),
    ("{stickprov: {confidence: 0.95, tolerable: 0.05}}",
     "{stickprov: {confidence: 0.95}, fixed: 10}", "method:", "precis en av"),
    ("title: Enskilda samtal med placerade barn", "title: [a, b]", "title:",
     "'title' ska vara en text"),
    ("responsible: Gruppledare", "ansvarig: Gruppledare", "ansvarig:",
     "okänd nyckel 'ansvarig' i kontrollmomentet"),
    ("id: samtal_placerade", "id: Samtal Placerade", "id: Samtal", "får bara innehålla"),
    ("method: {stickprov", "metod: {stickprov", "metod:", "okänd nyckel 'metod'"),
])
def test_bad_values_are_named_with_their_line(old: str, new: str, needle: str,
                                              message: str) -> None:
    assert old in MINIMAL
    text = MINIMAL.replace(old, new)
    found = problems(text)
    assert any(n == line_of(text, needle) and message in m for n, m in found), found


def test_duplicate_control_id_names_both_lines() -> None:
    text = MINIMAL + MINIMAL.split("controls:\n")[1]
    [(line, message)] = problems(text)
    assert line == 13 and "'samtal_placerade' finns redan på rad 4" in message


def test_personnummer_in_note_is_refused() -> None:
    text = MINIMAL + f"    note: Gäller barnet {guarded_number()}\n"
    [(line, message)] = problems(text)
    assert line == 13 and "personnummer" in message
    assert guarded_number() not in message


def test_missing_keys_and_top_level() -> None:
    assert problems("- a\n- b\n")[0] == (1, "en internkontrollplan ska vara en YAML-mappning "
                                            "med unit, year och controls")
    found = problems("unit: X\nyear: 2024\ncontrols:\n  - id: a\n    title: A\n"
                     "    checklist: placerade-barn\n")
    messages = [m for _, m in found]
    assert any("'risk' saknas" in m for m in messages)
    assert any("'method' saknas" in m for m in messages)
    assert any("'periods' saknas" in m for m in messages)
    assert problems("unit: X\nyear: 2024\ncontrols: []\n")[0][1] == \
        "planen har inga kontrollmoment"


def test_alias_bomb_is_refused_at_its_line() -> None:
    bomb = MINIMAL + "extra: &a [x, x, x]\nmore: [*a, *a, *a]\n"
    [(line, message)] = problems(bomb)
    assert line == 13 and "alias" in message and "internkontrollplaner" in message


def test_broken_yaml_and_file_errors(tmp_path: Path) -> None:
    [(line, message)] = problems(MINIMAL.replace("periods: [T1, T2]", "periods: [T1, T2"))
    assert line > 0 and message.startswith("felaktig YAML")
    binary = tmp_path / "plan.yaml"
    binary.write_bytes(b"\xff\xfe\x00plan")
    with pytest.raises(PlanFileError, match="inte UTF-8"):
        load_plan_file(binary)
    with pytest.raises(PlanFileError, match="kan inte läsa filen"):
        load_plan_file(tmp_path / "saknas.yaml")


def test_the_documented_minimal_file_is_the_issue_file() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "plan-format.md").read_text(
        encoding="utf-8")
    block = doc.split("```yaml\n", 1)[1].split("```", 1)[0]
    assert block == MINIMAL
    assert parse_plan(block, "plan-format.md", CHECKLISTS).controls[0].risk == 12
