"""Folders only the analyst's account may read (R-RES-3), made without the vault's crypto imports
(the log's folder is made before the first paint when something logs that early: issue 10)."""

from __future__ import annotations

import os
from pathlib import Path


def private_dir(path: Path) -> Path:
    """`path` created if missing, 0700 (R-RES-3: only the analyst's account may read it)."""
    path.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        path.chmod(0o700)
    return path
