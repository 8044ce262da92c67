"""Network namespaces for the self-check tests: a workstation and a peer joined by a veth pair.

Traffic stays inside the namespaces created here (10.231.0.0/30); IPv6 is off on the link so
the kernel's own router solicitations cannot pollute a capture.
"""

from __future__ import annotations

import os
import shutil
import signal
import struct
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

WS_ADDR, PEER_ADDR, PREFIX = "10.231.0.1", "10.231.0.2", "10.231.0.0/30"


def ip(*args: str) -> None:
    subprocess.run(["ip", *args], check=True, capture_output=True, timeout=10)


def skip_reason() -> str | None:
    if os.name != "posix" or os.geteuid() != 0:
        return "network namespaces need root"
    if shutil.which("ip") is None:
        return "iproute2 (`ip`) is not installed"
    probe = f"sc-probe-{os.getpid()}"
    try:
        ip("netns", "add", probe)
    except (subprocess.CalledProcessError, OSError) as exc:
        return f"`ip netns add` is unavailable here: {exc}"
    ip("netns", "del", probe)
    return None


@dataclass(frozen=True)
class Pair:
    ws: str  # the workstation's namespace
    peer: str  # the namespace at the other end of the cable
    ws_if: str = "sc-ws0"
    peer_if: str = "sc-peer0"

    def exec(self, ns: str, *cmd: str, **kw: object) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["ip", "netns", "exec", ns, *cmd], capture_output=True, text=True, timeout=60, **kw
        )  # type: ignore[call-overload]


@contextmanager
def namespace_pair() -> Iterator[Pair]:
    reason = skip_reason()
    if reason:
        pytest.skip(reason)
    tag = f"{os.getpid()}-{time.monotonic_ns() % 100000}"
    pair = Pair(f"sc-ws-{tag}", f"sc-peer-{tag}")
    made: list[str] = []
    try:
        for ns in (pair.ws, pair.peer):
            ip("netns", "add", ns)
            made.append(ns)
        ip(
            "-n",
            pair.ws,
            "link",
            "add",
            pair.ws_if,
            "type",
            "veth",
            "peer",
            "name",
            pair.peer_if,
            "netns",
            pair.peer,
        )
        for ns, dev, addr in ((pair.ws, pair.ws_if, WS_ADDR), (pair.peer, pair.peer_if, PEER_ADDR)):
            for key in (f"net.ipv6.conf.{dev}.disable_ipv6", "net.ipv6.conf.default.disable_ipv6"):
                pair.exec(ns, "sysctl", "-qw", f"{key}=1")
            ip("-n", ns, "addr", "add", f"{addr}/30", "dev", dev)
            ip("-n", ns, "link", "set", "lo", "up")
            ip("-n", ns, "link", "set", dev, "up")
        yield pair
    finally:
        for ns in made:  # deleting a namespace deletes its end of the veth pair too
            subprocess.run(["ip", "netns", "del", ns], capture_output=True, timeout=10)


def pcap_count(path: Path) -> int:
    """Packets in a classic pcap file (tcpdump -w)."""
    data = path.read_bytes()
    if len(data) < 24:
        raise AssertionError(f"{path} is not a pcap file ({len(data)} bytes)")
    endian = "<" if data[:4] in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1") else ">"
    count, offset = 0, 24
    while offset + 16 <= len(data):
        incl = struct.unpack(endian + "I", data[offset + 8 : offset + 12])[0]
        offset += 16 + incl
        count += 1
    return count


@contextmanager
def capture(pair: Pair, out: Path) -> Iterator[None]:
    """tcpdump on the peer's end of the cable, from before the body until after it."""
    if shutil.which("tcpdump") is None:
        pytest.skip("tcpdump is not installed")
    proc = subprocess.Popen(
        # --immediate-mode: without it packets wait in the kernel's ring buffer for up to a
        # second and a capture stopped early reports zero although packets passed.
        [
            "ip",
            "netns",
            "exec",
            pair.peer,
            "tcpdump",
            "-i",
            pair.peer_if,
            "-n",
            "-U",
            "--immediate-mode",
            "-w",
            str(out),
        ],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()  # "listening on …" once the capture is armed
        assert "listening on" in line, line
        yield
        time.sleep(0.5)  # let anything the body caused reach the wire
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
