"""An offline machine for the installer tests: a network namespace with only `lo`, and per
command a private mount namespace in which /home and /root are the test's own folders (so a purge
of "every user's data" touches only them) and the system config dir is the test's."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

# Bind the test's homes over the real ones, only inside this command's mount namespace.
_ISOLATE = 'mount --bind "$SIO_T_HOMES/home" /home && mount --bind "$SIO_T_HOMES/root" /root ' \
           '&& cd /root && exec "$@"'
_INET = re.compile(r'connect\(\d+, \{sa_family=AF_INET6?, .*?(?:inet_addr\("([^"]+)"\)|'
                   r'inet_pton\(AF_INET6, "([^"]+)")')


def skip_reason() -> str | None:
    if os.name != "posix" or os.geteuid() != 0:
        return "installing into an offline network namespace needs root"
    for tool in ("ip", "unshare", "strace", "openssl", "dpkg-deb", "wixl", "msiinfo",
                 "osslsigncode"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (./run installer installs it)"
    probe = f"inst-probe-{os.getpid()}"
    done = subprocess.run(["ip", "netns", "add", probe], capture_output=True, text=True,
                          check=False)
    if done.returncode:
        return f"`ip netns add` is unavailable here: {done.stderr.strip()}"
    subprocess.run(["ip", "netns", "del", probe], check=False)
    return None


def outside_connects(strace_log: Path) -> list[str]:
    """connect() calls to an address that is not loopback, from an strace -e connect log."""
    found = []
    for line in strace_log.read_text(errors="replace").splitlines():
        match = _INET.search(line)
        if not match:
            continue
        addr = match.group(1) or match.group(2)
        if not (addr.startswith("127.") or addr in ("::1", "::ffff:127.0.0.1")):
            found.append(line)
    return found


@dataclass(frozen=True)
class Offline:
    ns: str
    homes: Path  # holds home/ and root/, seen as /home and /root by commands
    conf: Path  # XDG_CONFIG_DIRS: the policy and pinned release certificate go to conf/sio-desk

    def env(self) -> dict[str, str]:
        keep = {k: v for k, v in os.environ.items()
                if not k.startswith(("XDG_", "SOFTHSM2", "SIO_DESK_POLICY"))}
        return dict(keep, HOME="/root", XDG_CONFIG_DIRS=str(self.conf),
                    SIO_T_HOMES=str(self.homes), QT_QPA_PLATFORM="offscreen")

    def run(self, *cmd: str | Path, strace_log: Path | None = None,
            timeout: float = 600) -> subprocess.CompletedProcess[str]:
        traced = ["strace", "-f", "-qq", "-e", "trace=connect", "-o", str(strace_log)] \
            if strace_log else []
        argv = ["ip", "netns", "exec", self.ns, "unshare", "--mount", "--propagation", "private",
                "--", "bash", "-c", _ISOLATE, "isolate", *traced, *map(str, cmd)]
        return subprocess.run(argv, capture_output=True, text=True, timeout=timeout,
                              env=self.env(), check=False)

    def interfaces(self) -> list[str]:
        out = subprocess.run(["ip", "-n", self.ns, "-o", "link"], capture_output=True, text=True,
                             check=True).stdout
        return [line.split(":")[1].strip() for line in out.splitlines()]


@contextmanager
def offline_machine(base: Path) -> Iterator[Offline]:
    ns = f"sio-inst-{os.getpid()}-{time.monotonic_ns() % 100000}"
    subprocess.run(["ip", "netns", "add", ns], check=True, capture_output=True)
    try:
        subprocess.run(["ip", "-n", ns, "link", "set", "lo", "up"], check=True,
                       capture_output=True)
        for d in ("home/analyst", "root", "etc-xdg"):
            (base / d).mkdir(parents=True, exist_ok=True)
        yield Offline(ns, base, base / "etc-xdg")
    finally:
        subprocess.run(["ip", "netns", "del", ns], check=False, capture_output=True)
