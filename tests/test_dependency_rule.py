"""The dependency rule of DESIGN.md, checked on the source (AST), not on a running import graph."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OURS = {"app", "ui", "signing", "transport", "gateway", "resources", "sandbox", "entrypoints"}

# layer -> our packages it may import (besides itself)
ALLOWED: dict[str, set[str]] = {
    "transport": set(),
    "signing": set(),
    "resources": set(),
    "app": {"signing", "transport", "resources"},
    "gateway": {"signing", "transport", "resources"},
    "ui": {"app", "resources"},
    "sandbox": {"app", "gateway", "signing", "transport", "resources", "ui"},
}
QT_FREE = {"app", "signing", "transport", "gateway", "resources"}


def imports(source: str) -> list[tuple[str, bool]]:
    """(top-level module, only under TYPE_CHECKING) for every import in `source`."""
    tree = ast.parse(source)
    guarded: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            guarded.update(id(n) for stmt in node.body for n in ast.walk(stmt))
    found: list[tuple[str, bool]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(a.name.split(".")[0], id(node) in guarded) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module.split(".")[0], id(node) in guarded))
    return found


def violations(layer: str, source: str) -> list[str]:
    bad = []
    for module, type_only in imports(source):
        if module == "PySide6" and layer in QT_FREE:
            bad.append("imports PySide6")
        elif module in OURS and module != layer and module not in ALLOWED[layer]:
            if not (type_only and layer == "ui" and module in {"signing", "transport"}):
                bad.append(f"imports {module}")
    return bad


def test_rule_checker_catches_violations() -> None:
    assert violations("app", "import gateway.journal") == ["imports gateway"]
    assert violations("gateway", "from app.desk import Desk") == ["imports app"]
    assert violations("signing", "from PySide6.QtCore import QObject") == ["imports PySide6"]
    assert violations("app", "def f():\n    from ui.app import run_gui\n") == ["imports ui"]
    assert (
        violations(
            "ui", "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import signing\n"
        )
        == []
    )
    assert violations("ui", "import signing") == ["imports signing"]


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layer_respects_dependency_rule(layer: str) -> None:
    files = sorted((ROOT / layer).rglob("*.py"))
    assert files or layer == "resources", f"{layer}/ has no Python files"
    problems = [
        f"{f.relative_to(ROOT)}: {v}"
        for f in files
        for v in violations(layer, f.read_text("utf-8"))
    ]
    assert problems == []
