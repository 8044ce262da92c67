"""The OS screen lock locks a signed-in session (a private D-Bus session bus, a real signal)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest

from tests.gui.conftest import WAIT_MS, sign_in
from tests.gui.fakes import FakeDesk
from ui.app import build_main_window
from ui.screen_lock import ScreenLockWatcher

pytestmark = pytest.mark.gui


@pytest.fixture
def session_bus() -> Iterator[str]:
    if not (shutil.which("dbus-daemon") and shutil.which("dbus-send")):
        pytest.skip("dbus-daemon / dbus-send not installed (./run test installs dbus-daemon)")
    out = subprocess.run(
        ["dbus-daemon", "--session", "--print-address=1", "--print-pid=1", "--fork"],
        capture_output=True,
        text=True,
        check=True,
        timeout=10,
    ).stdout.split()
    address, pid = out[0], int(out[1])
    try:
        yield address
    finally:
        os.kill(pid, signal.SIGTERM)


def screensaver(address: str, on: bool, path: str, interface: str) -> None:
    subprocess.run(
        [
            "dbus-send",
            f"--bus={address}",
            "--type=signal",
            path,
            f"{interface}.ActiveChanged",
            f"boolean:{str(on).lower()}",
        ],
        check=True,
        timeout=10,
    )


@pytest.mark.parametrize(
    ("path", "interface"),
    [
        ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
        ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
    ],
)
def test_screen_lock_locks_the_session(
    qtbot: Any, session_bus: str, path: str, interface: str
) -> None:
    win = build_main_window(FakeDesk(), "en")
    qtbot.addWidget(win)
    win.screen_lock = ScreenLockWatcher(win, bus_address=session_bus)
    win.screen_lock.locked.connect(lambda: win._auto_lock("screen_locked"))
    assert win.screen_lock.listening
    win.show()
    sign_in(qtbot, win)
    screensaver(session_bus, False, path, interface)  # screen saver going off: nothing happens
    qtbot.wait(200)
    assert win.pages.currentWidget() is win.work
    screensaver(session_bus, True, path, interface)
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.signin_page, timeout=WAIT_MS)
    assert "screen was locked" in win.notice.text()
