"""Start-up and idle memory of the production client, each in a fresh process, against a bare
PySide6 QMainWindow in a fresh process.

"desk": what `sio-desk` does — app.cli.main with the production policy ($SIO_DESK_POLICY),
Desk, then ui.app.run_gui, until the main window's first paint is done; the window then looks
for the analyst's SoftHSM2 token through the policy's PKCS#11 module, reads it and starts the
self-check the policy asks for (the child waits for the token read: desk_token_read_s).
"bare": QApplication + QMainWindow of the same size, shown, first paint ("bare-text", reported
beside it, not the baseline: the same with one line of text — what Qt's first text costs). Both
are timed from just before the interpreter is spawned to the end of that paint (an event filter
sees the window's first Paint event; a zero timer after it runs once the paint is over). The
filter is on the main window only, in both: a filter on the whole application would have every
event of every object go through Python, and PySide then resolves its lazy classes to wrap Qt's
internal objects (≈150 enum types, 20–30 ms in the desk's process, none in the bare one's) —
a cost of the probe, not of the product.
Everything is warm in the page cache (each variant runs once before the timed samples), as on
an analyst's second start of the day; the first start after installing is slower for both. The
children load compiled bytecode (written by the warm-up under the work folder), as the installed
bundle does, whatever PYTHONDONTWRITEBYTECODE says here.

"desk-signin": the same start, then the PIN dialog of the window signs in (token login, the
gateway's challenge signed, the query page loaded), 3 s idle, then VmRSS; "bare-idle": the bare
window shown, 3 s idle, VmRSS.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.env import PIN, Env, say
from bench.figures import Figure, Goal

ROOT = Path(__file__).resolve().parent.parent
IDLE_S = 3.0

CHILD = r"""
import json, os, sys, time
mode, PIN, IDLE_MS = sys.argv[1], sys.argv[2], int(sys.argv[3])
if mode.startswith("desk"):
    # As the `sio-desk` script does: entrypoints and app.cli come before Qt is imported
    # (PySide6 inspects the source of every module imported after it).
    import entrypoints
    from app.cli import main
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

def rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024

def finish(**out):
    print("BENCH-CHILD " + json.dumps(out), flush=True)
    os._exit(0)  # worker threads (self-check, token) may still run: no teardown to wait for

class FirstPaint(QObject):
    def __init__(self, then):
        super().__init__()
        self.then, self.window, self.seen = then, None, False
    def eventFilter(self, obj, event):
        if not self.seen and event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
            self.seen, self.window = True, obj
            QTimer.singleShot(0, lambda: self.then(time.time(), obj))
        return False

def after_paint(painted, window):
    # CPU time (all threads) up to the paint: what a busy machine's queueing does not inflate.
    cpu = time.process_time()
    if mode in ("bare", "bare-text"):
        finish(painted=painted, cpu_s=cpu)
    if mode == "desk":  # then until the sign-in page shows the token read after the paint
        def read():
            page = window.signin_page
            if page.info is not None or page._failure is not None:
                finish(painted=painted, cpu_s=cpu, token_read=time.time())
            QTimer.singleShot(5, read)
        read()
        return
    if mode == "bare-idle":
        QTimer.singleShot(IDLE_MS, lambda: finish(painted=painted, rss_mb=rss_mb()))
        return
    # desk-signin: the window's own PIN dialog signs in on the window's worker thread
    dialog = window.open_pin_dialog(window.desk.token_info())
    dialog.pin_edit.setText(PIN)
    started = time.time()
    dialog.submit()

    def wait():
        if window.user is not None:
            took = time.time() - started
            QTimer.singleShot(IDLE_MS, lambda: finish(painted=painted, signed_in_s=took,
                                                      rss_mb=rss_mb()))
            return
        if time.time() - started > 60:
            finish(error="not signed in within 60 s")
        QTimer.singleShot(20, wait)

    QTimer.singleShot(20, wait)

probe = FirstPaint(after_paint)
QTimer.singleShot(120_000, lambda: finish(error="no first paint within 120 s"))

if mode.startswith("bare"):
    app = QApplication(sys.argv[:1])
    win = QMainWindow()
    win.installEventFilter(probe)
    win.setWindowTitle("bare")
    win.resize(1180, 720)
    if mode == "bare-text":  # one line of text: Qt's first text layout and glyphs, nothing else
        win.setCentralWidget(QLabel("Токен оқылуда… Reading the token…"))
    win.show()
    app.exec()
else:
    def gui(desk, lang):
        import ui.app
        build = ui.app.build_main_window

        def watched(*args, **kwargs):  # the probe watches the window run_gui shows
            window = build(*args, **kwargs)
            window.installEventFilter(probe)
            return window

        ui.app.build_main_window = watched
        return entrypoints._gui(desk, lang)

    code = main([], gui)
    finish(error=f"sio-desk returned {code} before its first paint")
"""


def _child(mode: str, env_vars: dict[str, str]) -> dict[str, float]:
    spawned = time.time()
    run = subprocess.run([sys.executable, "-c", CHILD, mode, PIN, str(int(IDLE_S * 1000))],
                         env=env_vars, cwd=ROOT,
                         capture_output=True, text=True, timeout=180, check=False)
    found = [x for x in run.stdout.splitlines() if x.startswith("BENCH-CHILD ")]
    if not found:
        raise RuntimeError(f"{mode} child printed nothing (exit {run.returncode}): "
                           f"{run.stderr[-800:]}")
    data = json.loads(found[-1].split(" ", 1)[1])
    if "error" in data:
        raise RuntimeError(f"{mode}: {data['error']}: {run.stderr[-400:]}")
    data["startup_s"] = data["painted"] - spawned
    if "token_read" in data:
        data["token_read_s"] = data["token_read"] - spawned
    return data


def _environment(env: Env) -> dict[str, str]:
    """The children's environment: offscreen Qt, a home of their own (state, logs, the
    first-launch marker of a returning analyst), the policy and the SoftHSM2 token."""
    home = env.work / "home"
    marker = home / ".local" / "share" / "sio-desk" / "first-launch.json"
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.write_text(json.dumps({"completed_at": "bench", "overall": "pass"}), "utf-8")
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "SIO_", "QT_"))}
    # Bytecode as the installed product has it (its bundle ships compiled modules; site-packages
    # were compiled by pip): a machine that sets PYTHONDONTWRITEBYTECODE would otherwise have
    # the desk compile every module of ours from source at each start, and the bare window none.
    keep.pop("PYTHONDONTWRITEBYTECODE", None)
    keep["PYTHONPYCACHEPREFIX"] = str(env.work / "pycache")  # written by the warm-up, not the tree
    return {**keep, "HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
            "PYTHONPATH": str(ROOT), "SIO_DESK_POLICY": str(env.policy()),
            "SOFTHSM2_CONF": str(env.softhsm_conf())}


def startup(env: Env) -> Figure:
    n = 3 if env.quick else 7
    variables = _environment(env)
    _child("desk", variables)  # warm-up of both: page cache, .pyc
    _child("bare", variables)
    desk, bare, desk_cpu, bare_cpu, read, text_cpu = [], [], [], [], [], []
    for _ in range(n):  # interleaved, so drift in machine load hits both alike
        sample = _child("bare", variables)
        bare.append(sample["startup_s"])
        bare_cpu.append(sample["cpu_s"])
        sample = _child("desk", variables)
        desk.append(sample["startup_s"])
        desk_cpu.append(sample["cpu_s"])
        read.append(sample["token_read_s"])
        text_cpu.append(_child("bare-text", variables)["cpu_s"])
    return Figure(
        "startup", statistics.median(desk), "s", statistics.median(bare), "s",
        (Goal("ratio", "<=", 1.5),),
        what=("`sio-desk` (app.cli.main: production policy, Desk, run_gui) spawned → first "
              "paint of the main window, which then looks for the SoftHSM2 token through the "
              "policy's PKCS#11 module, reads it and runs the policy's self-check "
              "(desk_token_read_s: spawned → the token's state shown) / bare QApplication + "
              f"QMainWindow spawned → first paint; offscreen, median of {n} fresh processes "
              "each, interleaved; *_cpu_s: the process's CPU time up to the paint"),
        extra={"desk_min_s": min(desk), "desk_max_s": max(desk), "bare_min_s": min(bare),
               "bare_max_s": max(bare), "samples": n,
               "desk_cpu_s": statistics.median(desk_cpu), "bare_cpu_s": statistics.median(bare_cpu),
               "cpu_ratio": statistics.median(desk_cpu) / statistics.median(bare_cpu),
               "desk_token_read_s": statistics.median(read),
               # Not the baseline: a bare window with one line of text, the floor of any
               # window that shows words (Qt's first text layout and glyph rendering).
               "bare_text_cpu_s": statistics.median(text_cpu)})


def idle_rss(env: Env) -> Figure:
    variables = _environment(env)
    rounds = 1 if env.quick else 3
    # Compiled bytecode as the installed bundle ships it: without this warm-up a run of this
    # figure alone (--only idle_rss) would count the compiler's leftovers (~8 MiB) once.
    _child("desk", variables)
    desk = [_child("desk-signin", variables) for _ in range(rounds)]
    bare = [_child("bare-idle", variables) for _ in range(rounds)]
    value = statistics.median(d["rss_mb"] for d in desk)
    base = statistics.median(b["rss_mb"] for b in bare)
    return Figure(
        "idle_rss", value, "MiB", base, "MiB", (Goal("ratio", "<=", 2),),
        what=(f"VmRSS of `sio-desk` signed in through its PIN dialog (token login, signed "
              f"challenge, query page) after {IDLE_S:g} s idle / VmRSS of a bare QMainWindow "
              f"shown, {IDLE_S:g} s idle; fresh processes, median of {rounds}"),
        extra={"sign_in_s": statistics.median(d["signed_in_s"] for d in desk)})


def run(env: Env) -> list[Figure]:
    say("bench: startup…")
    return [startup(env)]
