"""Refresh the catalogues from every file that holds translatable text: UI and Qt-free core.

Run `.venv/bin/python -m resources.i18n.update` after changing a string, translate what comes
back unfinished, then run it again to compile the .qm.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from resources.i18n.reader import CATALOGUE_DIR, LANGS

ROOT = CATALOGUE_DIR.parents[1]
# The Qt-free layers whose modules may mark texts with QT_TRANSLATE_NOOP.
CORE_DIRS = ("app", "transport", "gateway", "signing")
MARK = "QT_TRANSLATE_NOOP("


def sources(root: Path = ROOT) -> list[str]:
    """Paths (relative to `root`) lupdate reads: ui/*.py and every core module that marks text."""
    found = sorted(str(p.relative_to(root)) for p in (root / "ui").glob("*.py"))
    for top in CORE_DIRS:
        found += sorted(str(p.relative_to(root)) for p in (root / top).rglob("*.py")
                        if MARK in p.read_text("utf-8"))
    return found


def lupdate(ts_files: list[Path], root: Path = ROOT) -> None:
    """Bring `ts_files` up to date with the sources (strings gone from the code are dropped)."""
    tool = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(tool), "-silent", "-locations", "none", "-no-obsolete", *sources(root),
                    "-ts", *map(str, ts_files)], check=True, cwd=root)


def lrelease(ts_files: list[Path]) -> None:
    """Compile each .ts into the .qm beside it, which the UI's QTranslator loads."""
    tool = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(tool), "-silent", *map(str, ts_files)], check=True)


def main() -> None:
    ts_files = [CATALOGUE_DIR / f"sio_desk_{lang}.ts" for lang in LANGS]
    lupdate(ts_files)
    lrelease(ts_files)


if __name__ == "__main__":
    main()
