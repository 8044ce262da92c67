"""Start-up time: process start → main window shown, bare QMainWindow vs SIO Desk's window.

Each sample is a fresh interpreter (QT_QPA_PLATFORM=offscreen). "Shown" means show() was called
and events were processed until the window is exposed, plus one more pass so the first paint
is done. For SIO Desk the child first starts the sandbox (PKI, SoftHSM2 or file token, TLS
gateway on loopback) — that set-up is timed separately and subtracted, so the figure is what
an analyst waits for: imports of ui/app, fonts, translations, the window, and the first token
read it queues. Not logged in: a PIN cannot be part of a start-up figure.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, sys, time
mode, workdir = sys.argv[1], sys.argv[2]
setup = 0.0
run = None
if mode == "desk":
    s0 = time.time()
    from pathlib import Path
    from sandbox.harness import start_sandbox
    run = start_sandbox(Path(workdir))
    setup = time.time() - s0
from PySide6.QtWidgets import QApplication, QMainWindow
if mode == "bare":
    app = QApplication(sys.argv[:1])
    win = QMainWindow()
    win.setWindowTitle("bare")
    win.resize(1180, 720)
else:
    from ui.app import build_main_window
    win = build_main_window(run.desk, "ru")
    app = QApplication.instance()
from PySide6.QtCore import QEventLoop, QTimer
def pump():  # not app.processEvents(): it leaks a None reference per call in PySide6 6.12
    loop = QEventLoop()
    QTimer.singleShot(0, loop.quit)
    loop.exec()
win.show()
while win.windowHandle() is None or not win.windowHandle().isExposed():
    pump()
pump()  # the first paint
shown = time.time()
print(json.dumps({"shown": shown, "setup": setup, "kind": getattr(run, "token_kind", None)}))
sys.stdout.flush()
win.close()
if run is not None:
    run.close()
"""


def _sample(mode: str, workdir: str) -> tuple[float, str | None]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    spawned = time.time()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, mode, workdir],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    line = [x for x in out.stdout.splitlines() if x.startswith("{")][-1]
    data = json.loads(line)
    return data["shown"] - spawned - data["setup"], data["kind"]


def measure(n: int) -> dict[str, list[float]]:
    with tempfile.TemporaryDirectory(prefix="sio-bench-") as tmp:
        _sample("desk", tmp)  # warm-up: provisions the PKI and token once, not counted
        _sample("bare", tmp)
        times: dict[str, list[float]] = {"bare": [], "desk": []}
        kind = None
        for _ in range(n):  # interleaved, so drift in machine load hits both alike
            times["bare"].append(_sample("bare", tmp)[0])
            t, kind = _sample("desk", tmp)
            times["desk"].append(t)
        print(f"  (SIO Desk token in the sandbox: {kind})")
    return times


def main(n: int = 5) -> None:
    print(f"startup: process start → main window shown, offscreen, {n} fresh processes each")
    times = measure(n)
    bare = statistics.median(times["bare"])
    desk = statistics.median(times["desk"])
    print(
        f"  bare PySide6 QMainWindow : median {bare * 1000:7.1f} ms  "
        f"(min {min(times['bare']) * 1000:.1f}, max {max(times['bare']) * 1000:.1f})"
    )
    print(
        f"  SIO Desk MainWindow      : median {desk * 1000:7.1f} ms  "
        f"(min {min(times['desk']) * 1000:.1f}, max {max(times['desk']) * 1000:.1f})"
    )
    print(f"  ratio SIO Desk / bare    : {desk / bare:.2f}×")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
