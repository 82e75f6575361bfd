"""The layers import in one direction only, and only the ui layer imports Qt."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "audit_app"

# Lower numbers may not import higher ones. cli and ui sit on top of services.
RANK = {
    "domain": 0,
    "checklist_io": 1,
    "importers": 1,
    "reports": 1,
    "storage": 2,
    "services": 3,
    "cli": 4,
    "ui": 4,
}
# Checklist loading, case-list reading and report building depend on the domain alone.
DOMAIN_ONLY = {"checklist_io", "importers", "reports"}
COMPOSITION_ROOTS = {"__main__.py"}
SHARED_TOP = {"paths", "settings", "__init__"}  # plain helpers any layer may use


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def layer_of(path: Path) -> str | None:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0] if len(rel.parts) > 1 else None


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_only_ui_imports_qt(path: Path) -> None:
    if layer_of(path) == "ui" or path.relative_to(PACKAGE).as_posix() in COMPOSITION_ROOTS:
        return
    qt = {n for n in imported(path) if n.split(".")[0] in ("PySide6", "shiboken6")}
    assert not qt, f"{path} imports {qt}; only audit_app.ui may import Qt"


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_layers_import_downwards(path: Path) -> None:
    layer = layer_of(path)
    if layer is None or layer not in RANK:
        return
    for name in imported(path):
        parts = name.split(".")
        if parts[0] != "audit_app" or len(parts) < 2:
            continue
        target = parts[1]
        if target in SHARED_TOP or target == layer:
            continue
        assert target in RANK, f"{path} imports unknown top-level module {name}"
        if layer in DOMAIN_ONLY:
            assert target == "domain", f"{path} ({layer}) may import only the domain: {name}"
        else:
            assert RANK[target] < RANK[layer] or target in DOMAIN_ONLY and RANK[layer] >= 2, (
                f"{path} ({layer}) imports {name} from a higher or equal layer")


def test_layering_check_catches_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QObject\nimport audit_app.ui.app\n")
    assert "PySide6.QtCore" in imported(bad)
    assert "audit_app.ui.app" in imported(bad)
