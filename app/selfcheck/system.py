"""Small, time-bounded access to the operating system: files, helper programs, PowerShell."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

IS_WINDOWS = sys.platform == "win32"


def read_text(path: Path | str) -> str | None:
    """The file's text, or None if absent or unreadable (sysfs says 'unknown' with EINVAL)."""
    try:
        return Path(path).read_text("utf-8", errors="replace")
    except OSError:
        return None


def run(cmd: list[str], timeout: float) -> str | None:
    """stdout of a helper program, or None if it is missing, fails or outlives `timeout`."""
    exe = shutil.which(cmd[0])
    if exe is None:
        return None
    env = dict(os.environ, LC_ALL="C", LANG="C")  # parse one language, not the user's
    try:
        done = subprocess.run(
            [exe, *cmd[1:]],
            capture_output=True,
            timeout=timeout,
            env=env,
            stdin=subprocess.DEVNULL,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return done.stdout.decode("utf-8", errors="replace")


def powershell_json(script: str, timeout: float) -> Any:
    """Run a PowerShell snippet that ends in ConvertTo-Json; the parsed value or None."""
    out = run(
        [
            "powershell",
            "-NoProfile",
            "-NonInteractive",
            "-ExecutionPolicy",
            "Bypass",
            "-Command",
            script,
        ],
        timeout,
    )
    if not out or not out.strip():
        return None
    try:
        return json.loads(out)
    except json.JSONDecodeError:
        return None


def as_list(value: Any) -> list[Any]:
    """ConvertTo-Json gives an object for one item and a list for many."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
