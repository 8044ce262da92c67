"""The client's log: a rotated file in the app's log directory (0700, files 0600).

Nothing secret or taken from a result belongs in it; as a second line of defence every record is
passed through a filter that masks 12-digit numbers (IINs, BINs) and caps its length.
"""

from __future__ import annotations

import logging
import os
import re
import time
from io import TextIOWrapper
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_log_path

if TYPE_CHECKING:
    from logging.handlers import RotatingFileHandler

LOG_NAME = "sio-desk.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
_TWELVE_DIGITS = re.compile(r"(?<!\d)\d{12}(?!\d)")
_MAX_MESSAGE = 2_000


class Redact(logging.Filter):
    """Masks IIN/BIN-shaped numbers and cuts very long messages (a whole body dumped by mistake)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = _TWELVE_DIGITS.sub("############", message)
        if len(masked) > _MAX_MESSAGE:
            masked = masked[:_MAX_MESSAGE] + f"… [{len(masked) - _MAX_MESSAGE} more characters]"
        record.msg, record.args = masked, None
        return True


class _FileOnFirstRecord(logging.Handler):
    """Creates the private folder and the rotated file at the first record: start-up imports no
    logging.handlers and touches no disk for the log, and no record imports the vault's crypto
    (issue 10: the window logs before its first paint where there is no D-Bus session)."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._file: RotatingFileHandler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None:
            self._file = _rotated_file(self.path)
        self._file.emit(record)  # under this handler's lock: one writer

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def _rotated_file(path: Path) -> RotatingFileHandler:
    from logging.handlers import RotatingFileHandler

    from app.privatedir import private_dir

    class PrivateFile(RotatingFileHandler):
        """Every file it opens, the first and each after a rollover, is created 0600."""

        def _open(self) -> TextIOWrapper:
            fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            return open(fd, "a", encoding="utf-8")

    private_dir(path.parent)
    handler = PrivateFile(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    formatter = logging.Formatter("%(asctime)s UTC %(levelname)s %(name)s: %(message)s")
    formatter.converter = time.gmtime  # UTC in logs, Astana time on screen (DESIGN "Time")
    handler.setFormatter(formatter)
    return handler


def log_dir() -> Path:
    return user_log_path("sio-desk", appauthor=False)


def configure(directory: Path | None = None, level: int = logging.INFO) -> Path:
    """Send the process's log records to the rotated file (made at the first); returns its path."""
    path = (directory or log_dir()) / LOG_NAME
    handler = _FileOnFirstRecord(path)
    handler.addFilter(Redact())
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_sio_desk", False)]:
        root.removeHandler(old)
        old.close()
    handler._sio_desk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return path
