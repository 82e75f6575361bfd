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
# The ui's own composition roots open the database and build AppServices (ui/app.py, as
# dangerzone's gui/run.py), or check an installation end to end (ui/smoke.py). Every other
# ui module gets the services handed in and may not import storage, not even for typing.
UI_STORAGE_ROOTS = {"ui/app.py", "ui/smoke.py"}
SHARED_TOP = {"paths", "settings", "__init__"}  # plain helpers any layer may use


def modules(package: Path = PACKAGE) -> list[Path]:
    return sorted(package.rglob("*.py"))


def imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def layer_of(path: Path, package: Path = PACKAGE) -> str | None:
    rel = path.relative_to(package)
    return rel.parts[0] if len(rel.parts) > 1 else None


def violations(path: Path, package: Path = PACKAGE) -> list[str]:
    """What is wrong with one module's imports (empty when nothing is)."""
    rel = path.relative_to(package).as_posix()
    layer = layer_of(path, package)
    found: list[str] = []
    names = imported(path)
    if layer != "ui" and rel not in COMPOSITION_ROOTS:
        found += [f"{rel} imports {n}; only audit_app.ui may import Qt" for n in sorted(names)
                  if n.split(".")[0] in ("PySide6", "shiboken6")]
    if layer is None or layer not in RANK:
        return found
    for name in sorted(names):
        parts = name.split(".")
        if parts[0] != "audit_app" or len(parts) < 2:
            continue
        target = parts[1]
        if target in SHARED_TOP or target == layer:
            continue
        if target not in RANK:
            found.append(f"{rel} imports unknown top-level module {name}")
        elif layer in DOMAIN_ONLY and target != "domain":
            found.append(f"{rel} ({layer}) may import only the domain: {name}")
        elif layer not in DOMAIN_ONLY and not (
                RANK[target] < RANK[layer] or target in DOMAIN_ONLY and RANK[layer] >= 2):
            found.append(f"{rel} ({layer}) imports {name} from a higher or equal layer")
        elif layer == "ui" and target == "storage" and rel not in UI_STORAGE_ROOTS:
            found.append(f"{rel} imports {name}; ui gets services, never storage")
    return found


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_layers_import_downwards(path: Path) -> None:
    assert violations(path) == []


def test_layering_check_catches_a_violation(tmp_path: Path) -> None:
    """The check itself: a fake package tree with one bad import per rule is caught."""
    package = tmp_path / "audit_app"
    files = {
        "domain/rules.py": "from PySide6.QtCore import QObject\n",
        "storage/db.py": "import audit_app.services.rounds\n",
        "reports/pdf.py": "from audit_app.storage.db import Database\n",
        "ui/view.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                      "    from audit_app.storage.db import Database\n",
        "ui/app.py": "from audit_app.storage.db import open_database\n",
        "services/fine.py": "from audit_app.storage.db import Database\n",
    }
    for rel, text in files.items():
        (package / rel).parent.mkdir(parents=True, exist_ok=True)
        (package / rel).write_text(text, encoding="utf-8")
    found = {p.relative_to(package).as_posix(): violations(p, package)
             for p in modules(package)}
    assert "only audit_app.ui may import Qt" in found["domain/rules.py"][0]
    assert "higher or equal layer" in found["storage/db.py"][0]
    assert "may import only the domain" in found["reports/pdf.py"][0]
    assert "never storage" in found["ui/view.py"][0]  # a TYPE_CHECKING import counts
    assert found["ui/app.py"] == [] and found["services/fine.py"] == []


def test_no_import_cycle_between_the_window_and_its_actions() -> None:
    ui = PACKAGE / "ui"
    for name in ("security_actions.py", "exclude_case.py", "exchange_actions.py"):
        assert "audit_app.ui.main_window" not in imported(ui / name), name
