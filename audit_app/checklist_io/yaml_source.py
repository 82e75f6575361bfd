"""The YAML text of a checklist: size, depth and alias limits, parsing, problems with lines."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import MappingNode

from audit_app.domain.errors import UserError

MAX_FILE_BYTES = 1_000_000  # a real checklist is a few kB; refuse anything absurd quickly
MAX_NODES = 50_000
MAX_DEPTH = 50  # PyYAML composes recursively; deep nesting would overflow the stack


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a checklist file."""

    file: str
    line: int  # 1-based; 0 when the problem concerns the whole file
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}" if self.line else \
            f"{self.file}: {self.message}"


class ChecklistFileError(UserError):
    """A checklist file has one or more problems; all of them are listed."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class Texts:
    """The messages that name the kind of file (checklist or plan)."""

    deep: str = "checklistan är för djupt nästlad"
    alias: str = ("YAML-ankare och alias (&, *) används inte i checklistor; använd answer_sets "
                  "för återanvända svar")
    large: str = "checklistan är för stor"
    root: str = "en checklista ska vara en YAML-mappning med id, title och sections"
    not_text: str = "checklistan är ingen text"


def check_limits(text: object, name: str, texts: Texts = Texts()) -> str:
    """The text, if it is within the limits every checklist YAML is held to before it is
    parsed: size, nesting depth, number of events, no anchors or aliases (billion laughs).
    Every YAML text the program reads (files, stored definitions, exchange files) passes
    here first; ChecklistFileError names the limit otherwise."""
    if not isinstance(text, str):
        raise ChecklistFileError([Problem(name, 0, texts.not_text)])
    if len(text) > MAX_FILE_BYTES or len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise ChecklistFileError([Problem(
            name, 0, f"{texts.large} (högst {MAX_FILE_BYTES} byte)")])
    try:
        count = depth = 0
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            count += 1
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise ChecklistFileError([Problem(
                        name, event.start_mark.line + 1 if event.start_mark else 0,
                        f"{texts.deep} (högst {MAX_DEPTH} nivåer)")])
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                line = event.start_mark.line + 1 if event.start_mark else 0
                raise ChecklistFileError([Problem(name, line, texts.alias)])
            if count > MAX_NODES:
                raise ChecklistFileError([Problem(
                    name, 0, f"{texts.large} (högst {MAX_NODES} YAML-noder)")])
    except yaml.YAMLError as exc:
        raise _yaml_problem(exc, name) from exc
    return text


def _yaml_problem(exc: yaml.YAMLError, name: str) -> ChecklistFileError:
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        reason = exc.problem or exc.context or "okänt fel"
        return ChecklistFileError([Problem(name, line, f"felaktig YAML: {reason}")])
    return ChecklistFileError([Problem(name, 0, f"felaktig YAML: {exc}")])


def load_data(text: object, name: str) -> Any:
    """The plain data (dicts, lists, scalars) of YAML text within the limits."""
    return _construct(check_limits(text, name), name)


def _construct(text: str, name: str) -> Any:
    try:
        return yaml.safe_load(text)
    except Exception as exc:  # PyYAML's constructors raise assorted exception types
        line = exc.problem_mark.line + 1 if isinstance(exc, yaml.MarkedYAMLError) and \
            exc.problem_mark else 0
        raise ChecklistFileError([Problem(name, line, f"felaktigt värde i YAML: {exc}")]) \
            from exc


def compose(text: str, name: str, texts: Texts = Texts()) -> MappingNode:
    """The node tree of checklist (or plan) YAML within the limits (values checked to
    construct)."""
    check_limits(text, name, texts)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise _yaml_problem(exc, name) from exc
    _construct(text, name)  # construct once, so bad tagged values (!!int abc) fail here
    if not isinstance(node, MappingNode):
        line = node.start_mark.line + 1 if node is not None else 0
        raise ChecklistFileError([Problem(name, line, texts.root)])
    return node
