"""Reading typed values from YAML nodes, collecting each problem with its line number."""

from __future__ import annotations

import math

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from audit_app.checklist_io.yaml_source import Problem


def line_of(node: Node) -> int:
    return node.start_mark.line + 1


class NodeReader:
    """Mappings, texts, flags, numbers and lists from YAML nodes; a wrong node is a problem."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []

    def error(self, node: Node, message: str) -> None:
        self.problems.append(Problem(self.name, line_of(node), message))

    def mapping(self, node: Node, allowed: set[str], what: str) -> dict[str, Node] | None:
        if not isinstance(node, MappingNode):
            self.error(node, f"{what} ska vara en mappning (nyckel: värde)")
            return None
        out: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, ScalarNode) else "?"
            if key not in allowed:
                self.error(key_node, f"okänd nyckel '{key}' i {what}; tillåtna: "
                                     f"{', '.join(sorted(allowed))}")
            elif key in out:
                self.error(key_node, f"nyckeln '{key}' förekommer två gånger i {what}")
            else:
                out[key] = value_node
        return out

    def text(self, m: dict[str, Node], key: str, owner: Node, required: bool = False) -> str:
        node = m.get(key)
        if node is None:
            if required:
                self.error(owner, f"'{key}' saknas")
            return ""
        if not isinstance(node, ScalarNode) or node.tag == "tag:yaml.org,2002:null":
            self.error(node, f"'{key}' ska vara en text")
            return ""
        return str(node.value).strip()

    def flag(self, m: dict[str, Node], key: str, default: bool) -> bool:
        node = m.get(key)
        if node is None:
            return default
        if isinstance(node, ScalarNode) and node.tag == "tag:yaml.org,2002:bool":
            return bool(yaml.safe_load(yaml.serialize(node)))
        self.error(node, f"'{key}' ska vara true eller false")
        return default

    def number(self, node: Node, what: str) -> float | None:
        if isinstance(node, ScalarNode) and node.tag in ("tag:yaml.org,2002:int",
                                                         "tag:yaml.org,2002:float"):
            # YAML 1.1 numbers such as 0x1F, 1_000 or .inf are not Python float() syntax
            try:
                value = float(yaml.safe_load(yaml.serialize(node)))
            except OverflowError:
                value = math.inf
            if math.isfinite(value):
                return value
        self.error(node, f"{what} ska vara ett tal")
        return None

    def seq(self, node: Node, what: str) -> list[Node]:
        if not isinstance(node, SequenceNode):
            self.error(node, f"{what} ska vara en lista")
            return []
        return list(node.value)
