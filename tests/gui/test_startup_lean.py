"""Start-up (issue 10): what the window does not load or run before its first paint — the
first-launch dialog, QtDBus and the session bus, the attestation retry, an application-wide
event filter, PySide's `Qt` enums — and the Fusion style it starts in without asking Qt for the
style."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, ClassVar

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import WAIT_MS, sign_in
from tests.gui.fakes import FakeDesk
from ui.app import build_main_window, default_marker_path
from ui.session_guard import SessionGuard

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]

# A fresh interpreter: the window built and shown over the stand-in desk; which of the modules
# that the first paint does not need were imported before it and after the start that follows.
CHILD = r"""
import enum, json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from tests.gui.fakes import FakeDesk
from ui.app import build_main_window
LATE = ("ui.first_launch", "PySide6.QtDBus", "ui.selfcheck_page", "ui.attestation_retry",
        "ui.operator_tab")

def qt_namespace_enums():  # the Python enums PySide has built for its `Qt` namespace so far
    seen, todo = set(), [enum.Enum]
    while todo:
        for sub in type.__subclasses__(todo.pop()):
            if sub not in seen:
                seen.add(sub)
                todo.append(sub)
    return sorted(c.__qualname__ for c in seen
                  if c.__module__ == "PySide6.QtCore" and c.__qualname__.startswith("Qt."))

class FirstPaint(QObject):  # on the window only: see bench/startup.py
    painted = None
    def eventFilter(self, obj, event):
        if self.painted is None and event.type() == QEvent.Type.Paint:
            self.painted = qt_namespace_enums()
        return False

win = build_main_window(FakeDesk(), "en")
before = [m for m in LATE if m in sys.modules]
built = win.screen_lock is None
probe = FirstPaint()
win.installEventFilter(probe)
win.show()
from PySide6.QtWidgets import QApplication
def done():
    if not win._started:
        QTimer.singleShot(10, done)
        return
    print("LEAN " + json.dumps({"before": before, "watcher_late": built,
                                 "after": [m for m in LATE if m in sys.modules],
                                 "watcher": win.screen_lock is not None,
                                 "style": QApplication.style().name(),
                                 "qt_enums_at_paint": probe.painted,
                                 "qt_enums_after": len(qt_namespace_enums())}), flush=True)
    QApplication.quit()
QTimer.singleShot(0, done)
QApplication.instance().exec()
"""


@pytest.mark.req("R-AUTH-1")
def test_the_first_paint_loads_no_dialog_nor_qtdbus_and_starts_in_fusion() -> None:
    # The style is set by argument, which beats the user's override (ui.theme.new_application).
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
           "QT_STYLE_OVERRIDE": "Windows"}
    run = subprocess.run([sys.executable, "-c", CHILD], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=120, check=False)
    found = [line for line in run.stdout.splitlines() if line.startswith("LEAN ")]
    assert found, run.stderr[-2000:]
    seen = json.loads(found[-1][5:])
    assert seen["before"] == [] and seen["watcher_late"]
    # After the paint the window starts and follows the OS screen lock over D-Bus.
    assert "PySide6.QtDBus" in seen["after"] and seen["watcher"]
    assert seen["style"] == "fusion"
    # Nothing up to the paint names PySide's `Qt` namespace, whose 96 enums are built all at
    # once (≈18 ms); the start after the paint does (the scheme confirmed, the icons drawn).
    assert seen["qt_enums_at_paint"] == []
    assert seen["qt_enums_after"] > 0


def test_what_the_first_paint_sets_without_qt_enums_is_set(window: Any) -> None:
    # ui.widgets.keyed/set_key and the default rounding policy stand for the `Qt` enums the
    # window used to name; they must still mean the same.
    from PySide6.QtGui import QGuiApplication, QKeySequence

    assert window.banner.alignment() == Qt.AlignmentFlag.AlignCenter
    assert window.signin_page.selfcheck_notice.textFormat() == Qt.TextFormat.PlainText
    assert all(b.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextUnderIcon
               for b in window.rail.buttons.values())
    assert window.lock_action.shortcut() == QKeySequence("Ctrl+L")
    assert window.send_action.shortcuts() == [QKeySequence("Ctrl+Return"),
                                              QKeySequence("Ctrl+Enter")]
    assert window.archive_action.shortcut() == QKeySequence("Ctrl+Shift+J")
    assert (QGuiApplication.highDpiScaleFactorRoundingPolicy()
            == Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)


def test_a_qt_enum_property_set_by_a_wrong_name_is_refused(window: Any) -> None:
    from ui.widgets import set_key

    with pytest.raises(ValueError):
        set_key(window.banner, "alignment", "AlignMiddle")  # no such key
    with pytest.raises(ValueError):
        set_key(window.banner, "alignement", "AlignCenter")  # no such property
    assert window.banner.alignment() == Qt.AlignmentFlag.AlignCenter


# The same, with a stand-in desk that imports nothing (FakeDesk brings the whole self-check):
# which modules of the self-check, or importlib.resources, the window imported by its first paint.
CHILD_SELFCHECK = r"""
import json, os, sys
from types import SimpleNamespace
from PySide6.QtCore import QEvent, QObject
from ui.app import build_main_window

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            found = sorted(m for m in sys.modules
                           if m.startswith(("app.selfcheck", "importlib.resources")))
            print("SELFCHECK " + json.dumps(found), flush=True)
            os._exit(0)
        return False

desk = SimpleNamespace(sandbox=False, materials=None,
                       config=SimpleNamespace(idle_lock_s=600.0, gateway_url=None))
win = build_main_window(desk, "en", selfcheck_config=lambda: None)
probe = FirstPaint()
win.installEventFilter(probe)
win.show()
from PySide6.QtWidgets import QApplication
QApplication.instance().exec()
"""


@pytest.mark.req("R-WS-1")
def test_the_first_paint_imports_none_of_the_selfcheck() -> None:
    # Its model, thresholds and texts (socket, platform…) come with its run, after the paint;
    # the fonts and catalogues are found without importlib.resources (≈26 M instructions).
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-c", CHILD_SELFCHECK], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120, check=False)
    found = [line for line in run.stdout.splitlines() if line.startswith("SELFCHECK ")]
    assert found, run.stderr[-2000:]
    assert json.loads(found[-1][10:]) == []


def test_the_marker_path_is_the_users_data_dir(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_marker_path() == tmp_path / "sio-desk" / "first-launch.json"


class _Counting(SessionGuard):
    seen: ClassVar[list[QEvent.Type]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        _Counting.seen.append(event.type())
        return super().eventFilter(watched, event)


def _key(win: Any) -> None:
    QApplication.sendEvent(win, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Shift,
                                          Qt.KeyboardModifier.NoModifier))


def test_the_session_guard_filters_the_application_only_while_armed(qtbot: Any) -> None:
    win = build_main_window(FakeDesk(), "en")
    qtbot.addWidget(win)
    guard = _Counting(win.desk, win.runner, 600.0, win)
    _Counting.seen.clear()
    win.show()
    _key(win)
    assert _Counting.seen == []  # signed out: no event of the application goes through it
    sign_in(qtbot, win)
    guard.arm()
    _key(win)
    assert QEvent.Type.KeyPress in _Counting.seen
    guard.disarm()
    _Counting.seen.clear()
    _key(win)
    assert _Counting.seen == []
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=WAIT_MS)


@pytest.mark.req("R-WS-1")
def test_the_policys_selfcheck_section_is_read_after_the_first_paint(qtbot: Any) -> None:
    from app.selfcheck import SelfcheckConfig
    from tests.selfcheck.readings import compliant_readers

    reads: list[bool] = []

    def policy_section() -> SelfcheckConfig:
        reads.append(win.isVisible())
        return SelfcheckConfig()

    win = build_main_window(FakeDesk(), "en", selfcheck_config=policy_section,
                            readers=compliant_readers())  # no real system or network probe
    qtbot.addWidget(win)
    assert reads == []  # building the window does not read it
    win.show()
    qtbot.waitUntil(lambda: win.startup_check is not None, timeout=WAIT_MS)
    assert reads == [True]  # read once, by the start after the paint
    assert win.selfcheck_config == SelfcheckConfig() and reads == [True]
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=WAIT_MS)
