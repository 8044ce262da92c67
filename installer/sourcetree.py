"""Clean copies of the checkout: a commit (git archive), or the tracked files as they are now."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

_SKIP = {".git", ".venv", "build", "dist", "__pycache__", ".mypy_cache", ".ruff_cache",
         ".pytest_cache", ".hypothesis"}


def source_files(source: Path) -> list[str]:
    """Paths relative to `source`: git's tracked files, or every file outside build folders."""
    # Only a checkout's own root: a folder inside some other repository (an export under build/)
    # would list that repository's files, or none.
    out = subprocess.run(["git", "-C", str(source), "ls-files", "-z"], capture_output=True,
                         check=False) if (source / ".git").exists() else None
    if out is not None and out.returncode == 0:
        return sorted(p for p in out.stdout.decode().split("\0") if p and (source / p).is_file())
    return sorted(
        p.relative_to(source).as_posix() for p in source.rglob("*")
        if p.is_file() and not _SKIP.intersection(p.relative_to(source).parts)
        and not any(part.endswith(".egg-info") for part in p.parts))


def export_commit(source: Path, target: Path, rev: str = "HEAD") -> bool:
    """The committed tree at `rev` into `target` (git archive); False outside a git checkout."""
    shutil.rmtree(target, ignore_errors=True)
    archive = subprocess.run(["git", "-C", str(source), "archive", "--format=tar", rev],
                             capture_output=True, check=False)
    if archive.returncode:
        return False
    target.mkdir(parents=True)
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return True


def copy_source(source: Path, target: Path) -> None:
    shutil.rmtree(target, ignore_errors=True)
    for rel in source_files(source):
        (target / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / rel, target / rel)
