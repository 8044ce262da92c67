"""The installer tests' two builds, started when collection ends so they run beside the other
tests on the second core; the `built` fixture waits for them (issue 14, CI time)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NEWER = "99.0.0"  # the "rebuilt newer version" the upgrade goes to
BUILD_TIMEOUT_S = 1500  # each of the two builds


@dataclass
class Outcome:
    """What the builds left: the two bundle folders, or why there are none."""

    bundle: Path | None = None
    newer: Path | None = None
    error: str | None = None


@dataclass
class BackgroundBuild:
    """`installer.build` then the newer re-package, run one after the other in a thread."""

    base: Path
    outcome: Outcome = field(default_factory=Outcome)
    _done: threading.Event = field(default_factory=threading.Event)
    _proc: subprocess.Popen[str] | None = None
    _stopped: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> None:
        threading.Thread(target=self._run, name="installer-build", daemon=True).start()

    def wait(self, timeout: float) -> Outcome:
        if not self._done.wait(timeout):
            self.stop()
            return Outcome(error=f"the installer builds did not finish within {timeout:.0f} s")
        return self.outcome

    def stop(self) -> None:
        """Ends a build still running (its whole process group: pip, PyInstaller)."""
        with self._lock:
            self._stopped = True
            proc = self._proc
        if proc is not None and proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()

    def _run(self) -> None:
        try:
            self.outcome.bundle = self._build(self.base / "dist")
            # The upgrade's bundle: the same frozen app re-packaged and re-signed as a newer one.
            self.outcome.newer = self._build(self.base / "dist-newer", "--reuse-frozen",
                                             "--bundle-only", "--version", NEWER)
        except (AssertionError, OSError, subprocess.SubprocessError) as exc:
            self.outcome.error = str(exc)
        finally:
            self._done.set()

    def _build(self, out: Path, *extra: str) -> Path:
        with self._lock:
            if self._stopped:
                raise AssertionError("the installer build was stopped")
            # Own session: stop() ends pip and PyInstaller with it, never another process.
            self._proc = subprocess.Popen(
                [sys.executable, "-m", "installer.build", "--out", str(out), *extra], cwd=ROOT,
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                start_new_session=True)
        try:
            stdout, stderr = self._proc.communicate(timeout=BUILD_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.stop()
            raise AssertionError(f"installer.build {' '.join(extra)} did not finish within "
                                 f"{BUILD_TIMEOUT_S} s") from None
        if self._proc.returncode != 0:
            raise AssertionError(f"installer.build {' '.join(extra)} exited "
                                 f"{self._proc.returncode}:\n{stderr[-4000:]}")
        return Path(stdout.strip().splitlines()[-1])


def new_base() -> Path:
    return Path(tempfile.mkdtemp(prefix="sio-installer-tests-"))
