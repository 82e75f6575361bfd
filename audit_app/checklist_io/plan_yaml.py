"""The internkontroll plan as YAML: validation with line numbers, and writing it back."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from audit_app.checklist_io.yaml_nodes import NodeReader, line_of
from audit_app.checklist_io.yaml_source import (
    MAX_FILE_BYTES,
    ChecklistFileError,
    Problem,
    Texts,
    compose,
)
from audit_app.domain.personnummer import contains_personnummer
from audit_app.domain.plan import RISK_LEVELS, Control, Method, MethodKind, Plan
from audit_app.domain.rounds import Period

__all__ = ["PlanFileError", "dump_plan", "load_plan_file", "parse_plan"]

PlanFileError = ChecklistFileError  # same shape: every problem with its line

TEXTS = Texts(
    deep="planen är för djupt nästlad",
    alias="YAML-ankare och alias (&, *) används inte i internkontrollplaner",
    large="planen är för stor",
    root="en internkontrollplan ska vara en YAML-mappning med unit, year och controls",
)
CONTROL_ID = re.compile(r"^[a-z][a-z0-9_-]*$")
TOP_KEYS = {"unit", "year", "controls"}
CONTROL_KEYS = {"id", "title", "checklist", "items", "rule", "reference", "risk", "method",
                "periods", "responsible", "note"}
RISK_KEYS = {"sannolikhet", "konsekvens"}
METHOD_KEYS = {"stickprov", "fixed", "full"}
SAMPLE_KEYS = {"confidence", "tolerable"}
TEXT_FIELDS = ("title", "rule", "reference", "responsible", "note")
MAX_TEXT = 4000
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
STR = "tag:yaml.org,2002:str"
BOOL = "tag:yaml.org,2002:bool"


def load_plan_file(path: str | Path,
                   checklists: Mapping[str, frozenset[str]] | None = None) -> Plan:
    """Read and validate a plan file; PlanFileError lists every problem with its line."""
    path = Path(path)
    name = str(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise PlanFileError([Problem(name, 0, "filen är för stor för en plan")])
        raw = path.read_bytes()
    except OSError as exc:
        raise PlanFileError([Problem(name, 0, f"kan inte läsa filen: {exc.strerror}")]) \
            from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PlanFileError([Problem(name, 0, "filen är inte UTF-8-kodad text")]) from exc
    return parse_plan(text, name, checklists)


def parse_plan(text: str, name: str = "<plan>",
               checklists: Mapping[str, frozenset[str]] | None = None) -> Plan:
    """Validate plan YAML; `checklists` (id -> item ids) checks the named checklists."""
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise PlanFileError([Problem(name, 0, TEXTS.large)])
    root = compose(text, name, TEXTS)
    builder = _Builder(name, checklists)
    plan = builder.build(root)
    if builder.problems or plan is None:
        raise PlanFileError(sorted(builder.problems, key=lambda p: p.line))
    return plan


def _value(node: ScalarNode) -> Any:
    return yaml.safe_load(yaml.serialize(node))


class _Builder(NodeReader):
    """Walks the node tree and collects every problem (mappings and errors as a checklist's
    reader makes them; texts, numbers and lists of a plan's own kinds)."""

    def __init__(self, name: str, checklists: Mapping[str, frozenset[str]] | None) -> None:
        super().__init__(name)
        self.checklists = checklists

    def text(self, m: dict[str, Node], key: str, owner: Node, required: bool = False) -> str:
        node = m.get(key)
        if node is None:
            if required:
                self.error(owner, f"'{key}' saknas")
            return ""
        if not isinstance(node, ScalarNode) or node.tag not in (STR, INT, FLOAT):
            self.error(node, f"'{key}' ska vara en text")
            return ""
        value = str(node.value).strip()
        if len(value) > MAX_TEXT:
            self.error(node, f"'{key}' är för lång (högst {MAX_TEXT} tecken)")
        if contains_personnummer(value):
            self.error(node, f"'{key}' innehåller något som liknar ett personnummer; "
                             "personnummer får inte sparas")
        return value

    def integer(self, node: Node, what: str, allowed: range) -> int | None:
        if isinstance(node, ScalarNode) and node.tag == INT:
            value = int(_value(node))
            if value in allowed:
                return value
        self.error(node, f"{what} ska vara ett heltal {allowed.start}–{allowed.stop - 1}")
        return None

    def fraction(self, node: Node, what: str) -> float | None:
        if isinstance(node, ScalarNode) and node.tag in (INT, FLOAT):
            try:
                value = float(_value(node))
            except OverflowError:
                value = math.inf
            if math.isfinite(value) and 0 < value < 1:
                return value
        self.error(node, f"{what} ska vara ett tal mellan 0 och 1 (t.ex. 0.95)")
        return None

    def build(self, root: MappingNode) -> Plan | None:
        top = self.mapping(root, TOP_KEYS, "planen")
        if top is None:
            return None
        unit = self.text(top, "unit", root, required=True)
        year = 0
        if "year" not in top:
            self.error(root, "'year' saknas")
        else:
            year = self.integer(top["year"], "year", range(2000, 2101)) or 0
        controls: list[Control] = []
        seen: dict[str, int] = {}
        if "controls" not in top:
            self.error(root, "'controls' saknas")
        elif not isinstance(top["controls"], SequenceNode):
            self.error(top["controls"], "controls ska vara en lista")
        else:
            for node in top["controls"].value:
                control = self._control(node, seen)
                if control is not None:
                    controls.append(control)
            if not top["controls"].value:
                self.error(top["controls"], "planen har inga kontrollmoment")
        if self.problems:
            return None
        return Plan(unit=unit, year=year, controls=tuple(controls))

    def _control(self, node: Node, seen: dict[str, int]) -> Control | None:
        m = self.mapping(node, CONTROL_KEYS, "kontrollmomentet")
        if m is None:
            return None
        before = len(self.problems)
        cid = self.text(m, "id", node, required=True)
        if cid and not CONTROL_ID.match(cid):
            self.error(m["id"], f"id '{cid}' får bara innehålla a-z, 0-9, - och _ och "
                                "börja med en bokstav")
        elif cid in seen:
            self.error(m["id"], f"kontrollmomentet '{cid}' finns redan på rad {seen[cid]}")
        elif cid:
            seen[cid] = line_of(m["id"])
        texts = {k: self.text(m, k, node, required=k == "title") for k in TEXT_FIELDS}
        checklist = self.text(m, "checklist", node, required=True)
        known = None if self.checklists is None else self.checklists.get(checklist)
        if checklist and self.checklists is not None and known is None:
            self.error(m["checklist"], f"checklistan '{checklist}' finns inte; tillgängliga: "
                       f"{', '.join(sorted(self.checklists)) or 'inga'}")
        items = self._items(m.get("items"), known)
        risk = self._risk(m.get("risk"), node)
        method = self._method(m.get("method"), node)
        periods = self._periods(m.get("periods"), node)
        if len(self.problems) > before or risk is None or method is None:
            return None
        return Control(control_id=cid, checklist=checklist, method=method, periods=periods,
                       sannolikhet=risk[0], konsekvens=risk[1], items=items, **texts)

    def _items(self, node: Node | None, known: frozenset[str] | None) -> tuple[str, ...]:
        if node is None:
            return ()
        if not isinstance(node, SequenceNode):
            self.error(node, "items ska vara en lista med kontrollpunkternas id")
            return ()
        out: list[str] = []
        for item in node.value:
            if not isinstance(item, ScalarNode) or item.tag != STR:
                self.error(item, "items ska innehålla kontrollpunkternas id som text")
            elif known is not None and item.value not in known:
                self.error(item, f"kontrollpunkten '{item.value}' finns inte i checklistan")
            elif item.value in out:
                self.error(item, f"kontrollpunkten '{item.value}' står två gånger")
            else:
                out.append(item.value)
        return tuple(out)

    def _risk(self, node: Node | None, owner: Node) -> tuple[int, int] | None:
        if node is None:
            self.error(owner, "'risk' saknas (sannolikhet och konsekvens, 1–4)")
            return None
        m = self.mapping(node, RISK_KEYS, "risk")
        if m is None:
            return None
        values: list[int | None] = []
        for key in ("sannolikhet", "konsekvens"):
            if key not in m:
                self.error(node, f"'{key}' saknas i risk")
                values.append(None)
            else:
                values.append(self.integer(m[key], key, RISK_LEVELS))
        s, k = values
        return None if s is None or k is None else (s, k)

    def _method(self, node: Node | None, owner: Node) -> Method | None:
        if node is None:
            self.error(owner, "'method' saknas (stickprov, fixed eller full)")
            return None
        m = self.mapping(node, METHOD_KEYS, "method")
        if m is None:
            return None
        if len(m) != 1:
            self.error(node, "method ska ha precis en av stickprov, fixed och full")
            return None
        kind, value = next(iter(m.items()))
        if kind == "fixed":
            size = self.integer(value, "fixed (antal ärenden)", range(1, 100_001))
            return None if size is None else Method(MethodKind.FIXED, size=size)
        if kind == "full":
            if not (isinstance(value, ScalarNode) and value.tag == BOOL and _value(value)):
                self.error(value, "full ska vara true")
                return None
            return Method(MethodKind.FULL)
        s = self.mapping(value, SAMPLE_KEYS, "stickprov")
        if s is None:
            return None
        numbers: list[float | None] = []
        for key in ("confidence", "tolerable"):
            if key not in s:
                self.error(value, f"'{key}' saknas i stickprov")
                numbers.append(None)
            else:
                numbers.append(self.fraction(s[key], key))
        confidence, tolerable = numbers
        if confidence is None or tolerable is None:
            return None
        return Method(MethodKind.SAMPLE, confidence=confidence, tolerable=tolerable)

    def _periods(self, node: Node | None, owner: Node) -> tuple[Period, ...]:
        if node is None:
            self.error(owner, "'periods' saknas (T1, T2, T3)")
            return ()
        if not isinstance(node, SequenceNode) or not node.value:
            self.error(node, "periods ska vara en lista med T1, T2 och/eller T3")
            return ()
        out: list[Period] = []
        for item in node.value:
            try:
                if not isinstance(item, ScalarNode) or item.tag != STR:
                    raise ValueError("period ska vara T1, T2 eller T3")
                period = Period.parse(item.value)
            except ValueError as exc:
                self.error(item, str(exc))
                continue
            if period in out:
                self.error(item, f"perioden {period.value} står två gånger")
            else:
                out.append(period)
        return tuple(sorted(out))


def plan_data(plan: Plan) -> dict[str, Any]:
    """The plan as plain data in the file's layout (keys left out when empty)."""
    controls = []
    for c in plan.controls:
        method: dict[str, Any]
        if c.method.kind is MethodKind.SAMPLE:
            method = {"stickprov": {"confidence": c.method.confidence,
                                    "tolerable": c.method.tolerable}}
        elif c.method.kind is MethodKind.FIXED:
            method = {"fixed": c.method.size}
        else:
            method = {"full": True}
        entry: dict[str, Any] = {"id": c.control_id, "title": c.title,
                                 "checklist": c.checklist}
        if c.items:
            entry["items"] = list(c.items)
        for key in ("rule", "reference"):
            if getattr(c, key):
                entry[key] = getattr(c, key)
        entry["risk"] = {"sannolikhet": c.sannolikhet, "konsekvens": c.konsekvens}
        entry["method"] = method
        entry["periods"] = [p.value for p in c.periods]
        for key in ("responsible", "note"):
            if getattr(c, key):
                entry[key] = getattr(c, key)
        controls.append(entry)
    return {"unit": plan.unit, "year": plan.year, "controls": controls}


def dump_plan(plan: Plan) -> str:
    """YAML text that parse_plan reads back to the same plan."""
    header = f"# Internkontrollplan {plan.unit} {plan.year} (Granska)\n"
    return header + yaml.safe_dump(plan_data(plan), allow_unicode=True, sort_keys=False,
                                   default_flow_style=None, width=100)
