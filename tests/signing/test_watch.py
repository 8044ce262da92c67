"""TokenWatcher: events from an injected presence, and a real SoftHSM2 token deleted meanwhile."""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from signing.softhsm import softhsm_module
from signing.watch import TokenWatcher

ROOT = Path(__file__).resolve().parents[2]


def test_events_from_presence_changes() -> None:
    state = {"present": True}
    events: queue.Queue[tuple[str, str]] = queue.Queue()
    watcher = TokenWatcher(lambda: state["present"], "tok", interval=0.02)

    def broken(event: str, label: str) -> None:
        raise RuntimeError("a subscriber bug")

    watcher.subscribe(broken)  # must not stop the others
    watcher.subscribe(lambda e, label: events.put((e, label)))
    with watcher:
        state["present"] = False
        assert events.get(timeout=5) == ("removed", "tok")
        state["present"] = True
        assert events.get(timeout=5) == ("inserted", "tok")
    assert events.empty()  # no event without a change


def test_unsubscribe() -> None:
    state = {"present": True}
    seen: list[str] = []
    events: queue.Queue[str] = queue.Queue()
    watcher = TokenWatcher(lambda: state["present"], "t", interval=0.02)
    off = watcher.subscribe(lambda e, _label: seen.append(e))
    watcher.subscribe(lambda e, _label: events.put(e))
    off()
    with watcher:
        state["present"] = False
        assert events.get(timeout=5) == "removed"
    assert seen == []


# SoftHSM2 cannot be unplugged. Deleting the token's directory from another process (what
# softhsm2-util --delete-token does) makes the loaded module fail C_GetTokenInfo for that
# slot, which is_present reports as "gone". The whole check runs in a child process with its
# own SOFTHSM2_CONF, because afterwards that slot errors for every caller of the module.
CHILD = textwrap.dedent("""
    import json, queue, subprocess, sys, time
    from signing.pkcs11 import Pkcs11Token
    from signing.softhsm import softhsm_module
    from signing.watch import TokenWatcher
    subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", "watched",
                    "--so-pin", "87654321", "--pin", "12345678"], check=True,
                   capture_output=True)
    token = Pkcs11Token.open(softhsm_module(), "watched")
    events = queue.Queue()
    watcher = TokenWatcher.for_token(token, interval=0.25)
    watcher.subscribe(lambda e, label: events.put((e, label, time.monotonic())))
    with watcher:
        serial = token.info().serial
        start = time.monotonic()
        subprocess.run(["softhsm2-util", "--delete-token", "--serial", serial], check=True,
                       capture_output=True)
        event, label, when = events.get(timeout=10)
    print(json.dumps({"event": event, "label": label, "seconds": when - start}))
""")


@pytest.mark.req("R-AUTH-4")  # the session follows the carrier: pulled token, locked desk
def test_softhsm_token_deleted_is_removed(tmp_path: Path) -> None:
    if softhsm_module() is None or shutil.which("softhsm2-util") is None:
        pytest.skip("SoftHSM2 not installed")
    (tmp_path / "tokens").mkdir()
    conf = tmp_path / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tmp_path / 'tokens'}\nobjectstore.backend = file"
                    "\nlog.level = ERROR\nslots.removable = false\n", encoding="utf-8")
    env = dict(os.environ, SOFTHSM2_CONF=str(conf))
    done = subprocess.run([sys.executable, "-c", CHILD], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert (result["event"], result["label"]) == ("removed", "watched")
