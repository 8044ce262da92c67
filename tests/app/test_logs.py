"""The client's log: a private rotated file that never shows an IIN or a whole body."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from app.logs import LOG_NAME, configure


@pytest.mark.req("R-RES-3")
def test_the_log_is_private_rotated_and_masks_iins(tmp_path: Path) -> None:
    path = configure(tmp_path / "logs")
    try:
        log = logging.getLogger("sio.test")
        log.error("query for %s refused: %s", "880412410213", "x" * 5000)
        for handler in logging.getLogger().handlers:
            handler.flush()
        text = path.read_text("utf-8")
        assert "880412410213" not in text and "############" in text
        assert "more characters]" in text and len(text) < 3000
        assert path.name == LOG_NAME
        if os.name == "posix":
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
            assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    finally:
        root = logging.getLogger()
        for handler in [h for h in root.handlers if getattr(h, "_sio_desk", False)]:
            root.removeHandler(handler)
            handler.close()


def test_the_log_file_is_made_at_the_first_record_not_at_start(tmp_path: Path) -> None:
    """Issue 10: configuring touches no disk and imports no handlers module or vault."""
    path = configure(tmp_path / "logs")
    try:
        assert not path.parent.exists()
        logging.getLogger("sio.test").warning("first")
        assert path.read_text("utf-8").rstrip().endswith("WARNING sio.test: first")
        code = ("import logging, sys; from pathlib import Path; from app.logs import configure; "
                f"configure(Path({str(tmp_path / 'fresh')!r})); logging.getLogger('x').error('y'); "
                "print([m for m in ('app.vault', 'cryptography') if m in sys.modules])")
        fresh = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                               cwd=Path(__file__).resolve().parents[2], check=True, timeout=60)
        assert fresh.stdout.strip() == "[]", fresh.stderr
    finally:
        root = logging.getLogger()
        for handler in [h for h in root.handlers if getattr(h, "_sio_desk", False)]:
            root.removeHandler(handler)
            handler.close()
