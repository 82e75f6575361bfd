"""Load a checklist YAML file into domain objects, reporting every problem with its line."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import replace
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

__all__ = ["ChecklistFileError", "Problem", "content_hash", "load_checklist_file",
           "parse_checklist"]

from audit_app.checklist_io.builtin import BUILTIN_SETS
from audit_app.checklist_io.yaml_nodes import NodeReader, line_of
from audit_app.checklist_io.yaml_source import (
    MAX_FILE_BYTES,
    ChecklistFileError,
    Problem,
    compose,
    load_data,
)
from audit_app.domain.checklist import (
    NOT_APPLICABLE,
    AnswerSpec,
    AnswerType,
    Checklist,
    ChecklistItem,
    Condition,
    Option,
    Section,
    Theme,
)

CHECKLIST_ID = re.compile(r"^[a-z][a-z0-9_-]*$")
ITEM_ID = re.compile(r"^[a-z][a-z0-9_]*$")
KEY = re.compile(r"^[A-Z0-9]$")

TOP_KEYS = {"id", "version", "title", "description", "organisation", "unit", "answer_sets",
            "sections", "themes"}
SECTION_KEYS = {"id", "title", "items"}
ITEM_KEYS = {"id", "question", "help", "reference", "answer", "applies_when", "required",
             "critical", "target", "comment", "themes"}
THEME_KEYS = {"id", "label", "description"}
ANSWER_KEYS = {"type", "options", "compliant", "min", "max"}
OPTION_KEYS = {"value", "label", "key", "counted"}
CONDITION_KEYS = {"item", "equals", "in"}



def content_hash(source: str, name: str = "<checklista>") -> str:
    """SHA-256 of a checklist's content, independent of comments and layout; the text is
    held to the YAML limits first (it may come from an exchange file)."""
    data = load_data(source, name)
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def load_checklist_file(path: str | Path) -> Checklist:
    """Read and validate a checklist file; raise ChecklistFileError listing every problem."""
    path = Path(path)
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ChecklistFileError([Problem(
                name, 0, f"filen är för stor för en checklista ({size} byte, högst "
                f"{MAX_FILE_BYTES}) / file too large for a checklist")])
        raw = path.read_bytes()
    except OSError as exc:
        raise ChecklistFileError([Problem(name, 0, f"kan inte läsa filen: {exc.strerror}")]) \
            from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ChecklistFileError([Problem(name, 0, "filen är inte UTF-8-kodad text")]) from exc
    return parse_checklist(text, name)


def parse_checklist(text: str, name: str = "<checklista>") -> Checklist:
    """Validate checklist YAML text and build the domain Checklist."""
    root = compose(text, name)
    builder = _Builder(name)
    checklist = builder.build(root)
    if builder.problems or checklist is None:
        raise ChecklistFileError(sorted(builder.problems, key=lambda p: p.line))
    return checklist




class _Builder(NodeReader):
    """Walks the YAML node tree, collecting problems instead of stopping at the first."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.answer_sets: dict[str, AnswerSpec] = dict(BUILTIN_SETS)
        self.cond_nodes: dict[int, Node] = {}  # condition -> its YAML node, for line numbers

    # -- the document -------------------------------------------------------------------

    def build(self, root: MappingNode) -> Checklist | None:
        top = self.mapping(root, TOP_KEYS, "checklistan")
        if top is None:
            return None
        cid = self.text(top, "id", root, required=True)
        if cid and not CHECKLIST_ID.match(cid):
            self.error(top["id"], f"id '{cid}' får bara innehålla a-z, 0-9, - och _ "
                                  "och börja med en bokstav")
        version = self.text(top, "version", root, required=True)
        title = self.text(top, "title", root, required=True)
        if "answer_sets" in top:
            self._answer_sets(top["answer_sets"])
        themes = self._themes(top["themes"]) if "themes" in top else ()
        sections: list[Section] = []
        seen: dict[str, int] = {}
        if "sections" not in top:
            self.error(root, "'sections' saknas")
        else:
            for snode in self.seq(top["sections"], "sections"):
                section = self._section(snode, seen)
                if section is not None:
                    sections.append(section)
            if not sections and not self.problems:
                self.error(top["sections"], "checklistan har inga avsnitt")
        items = [i for s in sections for i in s.items]
        self._check_conditions(items, seen)
        if self.problems:
            return None
        return Checklist(
            id=cid, version=version, title=title, sections=tuple(sections),
            description=self.text(top, "description", root),
            organisation=self.text(top, "organisation", root),
            unit=self.text(top, "unit", root), themes=themes,
        )

    def _themes(self, node: Node) -> tuple[Theme, ...]:
        """themes: a list of {id, label, description}; ids unique within the list."""
        themes: list[Theme] = []
        for tnode in self.seq(node, "themes"):
            m = self.mapping(tnode, THEME_KEYS, "ett tema")
            if m is None:
                continue
            tid = self.text(m, "id", tnode, required=True)
            if tid and not ITEM_ID.match(tid):
                self.error(m["id"], f"temats id '{tid}' får bara innehålla a-z, 0-9 och _ "
                                    "och börja med en bokstav")
            elif any(t.id == tid for t in themes):
                self.error(m["id"], f"temat '{tid}' förekommer två gånger")
            label = self.text(m, "label", tnode, required=True)
            if tid and label:
                themes.append(Theme(tid, label, self.text(m, "description", tnode)))
        return tuple(themes)

    def _answer_sets(self, node: Node) -> None:
        if not isinstance(node, MappingNode):
            self.error(node, "answer_sets ska vara en mappning namn: svarsdefinition")
            return
        for key_node, value_node in node.value:
            name = str(key_node.value)
            if not ITEM_ID.match(name):
                self.error(key_node, f"namnet '{name}' på en svarsmängd får bara innehålla "
                                     "a-z, 0-9 och _")
                continue
            if name in BUILTIN_SETS:
                self.error(key_node, f"'{name}' är en inbyggd svarstyp och kan inte "
                                     "definieras om")
                continue
            spec = self._answer(value_node)
            if spec is not None:
                self.answer_sets[name] = spec

    def _section(self, node: Node, seen: dict[str, int]) -> Section | None:
        m = self.mapping(node, SECTION_KEYS, "ett avsnitt")
        if m is None:
            return None
        sid = self.text(m, "id", node)
        if sid and not ITEM_ID.match(sid):
            self.error(m["id"], f"avsnittets id '{sid}' får bara innehålla a-z, 0-9 och _")
        title = self.text(m, "title", node, required=True)
        items: list[ChecklistItem] = []
        if "items" not in m:
            self.error(node, f"avsnittet '{title}' saknar 'items'")
        else:
            for inode in self.seq(m["items"], "items"):
                item = self._item(inode, sid, seen)
                if item is not None:
                    items.append(item)
        return Section(sid, title, tuple(items))

    def _item(self, node: Node, section_id: str, seen: dict[str, int]) -> ChecklistItem | None:
        m = self.mapping(node, ITEM_KEYS, "en kontrollpunkt")
        if m is None:
            return None
        iid = self.text(m, "id", node, required=True)
        if iid and not ITEM_ID.match(iid):
            self.error(m["id"], f"kontrollpunktens id '{iid}' får bara innehålla a-z, 0-9 "
                                "och _ och börja med en bokstav")
        elif iid in seen:
            self.error(m["id"], f"id '{iid}' finns redan på rad {seen[iid]}")
        elif iid:
            seen[iid] = line_of(m["id"])
        question = self.text(m, "question", node, required=True)
        spec: AnswerSpec | None = None
        if "answer" not in m:
            self.error(node, f"kontrollpunkten '{iid}' saknar 'answer' (svarstyp)")
        else:
            spec = self._answer(m["answer"])
        target: float | None = None
        if "target" in m:
            target = self.number(m["target"], "target (årsmål i procent)")
            if target is not None and not 0 <= target <= 100:
                self.error(m["target"], "target (årsmål) ska vara en procentsats 0-100")
                target = None
            if target is not None and spec is not None and not spec.scored:
                self.error(m["target"], "ett årsmål kräver ett svar som räknas som uppfyllt "
                                        "(compliant)")
        conditions = self._conditions(m["applies_when"]) if "applies_when" in m else ()
        if spec is None or not iid:
            return None
        return ChecklistItem(
            id=iid, question=question, answer=spec, section_id=section_id,
            help=self.text(m, "help", node), reference=self.text(m, "reference", node),
            applies_when=conditions, required=self.flag(m, "required", False),
            critical=self.flag(m, "critical", False), target=target,
            comment=self.flag(m, "comment", True),
            themes=self._themes(m["themes"]) if "themes" in m else (),
        )

    def _answer(self, node: Node) -> AnswerSpec | None:
        if isinstance(node, ScalarNode):
            return self._named_set(node, str(node.value))
        m = self.mapping(node, ANSWER_KEYS, "svarsdefinitionen")
        if m is None:
            return None
        if "type" not in m:
            self.error(node, "svarsdefinitionen saknar 'type'")
            return None
        tnode = m["type"]
        base = self._named_set(tnode, str(tnode.value) if isinstance(tnode, ScalarNode) else "")
        if base is None:
            return None
        if "options" in m:
            if base.type not in (AnswerType.SCALE, AnswerType.CHOICE):
                self.error(m["options"], f"svarstypen '{base.type.value}' har fasta "
                                         "svarsalternativ; 'options' gäller skala och val")
            else:
                base = replace(base, options=self._options(m["options"]))
        elif base.type in (AnswerType.SCALE, AnswerType.CHOICE) and not base.options:
            self.error(node, f"svarstypen '{base.type.value}' kräver 'options'")
            return None
        if "compliant" in m:
            base = replace(base, compliant=self._compliant(m["compliant"], base))
        for key in ("min", "max"):
            if key in m:
                if base.type is not AnswerType.NUMBER:
                    self.error(m[key], f"'{key}' gäller bara svarstypen tal")
                elif key == "min":
                    base = replace(base, minimum=self.number(m[key], key))
                else:
                    base = replace(base, maximum=self.number(m[key], key))
        return base

    def _named_set(self, node: Node, name: str) -> AnswerSpec | None:
        if name in self.answer_sets:
            return self.answer_sets[name]
        if name in (AnswerType.SCALE.value, AnswerType.CHOICE.value):
            return AnswerSpec(AnswerType(name))
        known = sorted(set(self.answer_sets) | {AnswerType.SCALE.value, AnswerType.CHOICE.value})
        self.error(node, f"okänd svarstyp '{name}'; tillåtna: {', '.join(known)}")
        return None

    def _options(self, node: Node) -> tuple[Option, ...]:
        options: list[Option] = []
        keys: set[str] = set()
        for n, onode in enumerate(self.seq(node, "options"), start=1):
            m = self.mapping(onode, OPTION_KEYS, "ett svarsalternativ")
            if m is None:
                continue
            value = self.text(m, "value", onode, required=True)
            if value and not ITEM_ID.match(value) and not value.isdigit():
                self.error(m["value"], f"värdet '{value}' får bara innehålla a-z, 0-9 och _")
            label = self.text(m, "label", onode, required=True)
            key = self.text(m, "key", onode) or (str(n) if n <= 9 else "")
            if key and not KEY.match(key.upper()):
                self.error(m.get("key", onode), f"tangenten '{key}' ska vara en bokstav "
                                                "eller siffra")
            key = key.upper()
            if key and key in keys:
                self.error(m.get("key", onode), f"tangenten '{key}' används redan")
            keys.add(key)
            if any(o.value == value for o in options):
                self.error(m.get("value", onode), f"värdet '{value}' förekommer två gånger")
            counted = self.flag(m, "counted", value != NOT_APPLICABLE)
            options.append(Option(value, label, key, counted))
        if not options:
            self.error(node, "minst ett svarsalternativ behövs")
        return tuple(options)

    def _compliant(self, node: Node, spec: AnswerSpec) -> frozenset[str]:
        values = self._values(node, "compliant")
        for value, vnode in values:
            if spec.type.has_options and value not in spec.values:
                self.error(vnode, f"'{value}' är inget av svarsalternativen "
                                  f"({', '.join(spec.values)})")
            elif not spec.type.has_options:
                self.error(vnode, "compliant gäller svar med alternativ; för tal används "
                                  "min och max")
        return frozenset(v for v, _ in values)

    def _values(self, node: Node, what: str) -> list[tuple[str, Node]]:
        if isinstance(node, ScalarNode):
            return [(str(node.value), node)]
        out: list[tuple[str, Node]] = []
        for vnode in self.seq(node, what):
            if isinstance(vnode, ScalarNode):
                out.append((str(vnode.value), vnode))
            else:
                self.error(vnode, f"{what} ska vara en lista med värden")
        return out

    def _conditions(self, node: Node) -> tuple[Condition, ...]:
        nodes = self.seq(node, "applies_when") if isinstance(node, SequenceNode) else [node]
        out: list[Condition] = []
        for cnode in nodes:
            m = self.mapping(cnode, CONDITION_KEYS, "applies_when")
            if m is None:
                continue
            target = self.text(m, "item", cnode, required=True)
            if ("equals" in m) == ("in" in m):
                self.error(cnode, "applies_when ska ha antingen 'equals' eller 'in'")
                continue
            vnode = m["equals"] if "equals" in m else m["in"]
            values = frozenset(v for v, _ in self._values(vnode, "applies_when"))
            cond = Condition(target, values)
            self.cond_nodes[id(cond)] = cnode
            out.append(cond)
        return tuple(out)

    def _check_conditions(self, items: list[ChecklistItem], seen: dict[str, int]) -> None:
        position = {item.id: n for n, item in enumerate(items)}
        by_id = {item.id: item for item in items}
        nodes = self.cond_nodes
        for n, item in enumerate(items):
            for cond in item.applies_when:
                node = nodes[id(cond)]

                def report(msg: str, node: Node = node) -> None:
                    self.error(node, msg)
                if cond.item_id not in position:
                    report(f"applies_when i '{item.id}' pekar på '{cond.item_id}', som inte "
                           "finns i checklistan")
                    continue
                if cond.item_id == item.id:
                    report(f"'{item.id}' kan inte bero på sig själv (cykel)")
                    continue
                if self._in_cycle(item.id, by_id):
                    report(f"applies_when i '{item.id}' ingår i en cykel: "
                           f"{self._cycle_text(item.id, by_id)}")
                    continue
                if position[cond.item_id] > n:
                    report(f"applies_when i '{item.id}' pekar på '{cond.item_id}', som kommer "
                           f"senare (rad {seen.get(cond.item_id, 0)}); villkor får bara gälla "
                           "tidigare kontrollpunkter")
                    continue
                allowed = by_id[cond.item_id].answer
                if allowed.type.has_options:
                    for value in sorted(cond.values - set(allowed.values)):
                        report(f"'{value}' är inget svar på '{cond.item_id}' "
                               f"({', '.join(allowed.values)})")

    @staticmethod
    def _follow(start: str, by_id: dict[str, ChecklistItem]) -> list[str] | None:
        """Return a dependency path from start back to start, if there is one."""
        stack: list[tuple[str, list[str]]] = [(start, [start])]
        visited: set[str] = set()
        while stack:
            current, path = stack.pop()
            item = by_id.get(current)
            if item is None:
                continue
            for cond in item.applies_when:
                if cond.item_id == start:
                    return path + [start]
                if cond.item_id not in visited:
                    visited.add(cond.item_id)
                    stack.append((cond.item_id, path + [cond.item_id]))
        return None

    def _in_cycle(self, start: str, by_id: dict[str, ChecklistItem]) -> bool:
        return self._follow(start, by_id) is not None

    def _cycle_text(self, start: str, by_id: dict[str, ChecklistItem]) -> str:
        return " → ".join(self._follow(start, by_id) or [])

