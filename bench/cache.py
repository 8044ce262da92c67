"""The bench's cache: big journals and their PKI, kept between runs under a key made of the code
that decides their bytes (schema, migrations, journal and checkpoint code, the builder itself).

$SIO_BENCH_CACHE names the directory (default: ~/.cache/sio-desk-bench); a change to any keyed
file makes a new key, and older keys are removed when a new one is written.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# What the rows of a built journal depend on: change one and the cached journals are rebuilt.
# (The synthetic world's code is not keyed: a changed resolver changes no format.)
KEYED = (
    "gateway/journal.py", "gateway/checkpoints.py", "gateway/models.py", "gateway/db.py",
    "gateway/migrations/versions", "transport/canonical.py", "transport/protocol.py",
    "transport/clock.py", "signing/sandbox_pki.py", "signing/cms.py", "bench/journal_builder.py",
    "bench/history.py", "bench/journals.py",
)


def code_key() -> str:
    digest = hashlib.sha256()
    for name in KEYED:
        path = ROOT / name
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in files:
            if file.is_file():
                digest.update(str(file.relative_to(ROOT)).encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def base_dir() -> Path:
    configured = os.environ.get("SIO_BENCH_CACHE")
    if configured:
        return Path(configured).expanduser().resolve()
    xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg) / "sio-desk-bench"


def cache_dir() -> Path:
    """This code's cache directory (made if missing); other keys' directories are removed."""
    base = base_dir()
    here = base / code_key()
    if not here.is_dir():
        base.mkdir(parents=True, exist_ok=True)
        for stale in base.iterdir():
            if stale.is_dir() and len(stale.name) == 16 and stale.name != here.name:
                shutil.rmtree(stale, ignore_errors=True)
        here.mkdir(exist_ok=True)  # two benches of the same tree may start at once
    return here
