"""What the widget screenshot scripts share (take_account, take_control, take_operator): letting
Qt's loop run, waiting for a screen to get there, and saving a widget's picture."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QWidget


def pump(ms: int = 200) -> None:
    """Run Qt's event loop for `ms` milliseconds (worker answers, repaints)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait(ready: Callable[[], bool], seconds: float = 60) -> None:
    """Pump until `ready()`; TimeoutError after `seconds`."""
    end = time.monotonic() + seconds
    while not ready():
        if time.monotonic() > end:
            raise TimeoutError("the screen did not get there in time")
        pump(100)


def grab(widget: QWidget, path: Path) -> None:
    """Show `widget`, let it paint, save its picture to `path` and name the file."""
    widget.show()
    pump()
    widget.grab().save(str(path))
    print(path)
