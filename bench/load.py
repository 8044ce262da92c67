"""Serving a gateway for the bench and loading it from another process.

- `Server`: `python -m bench.serve --sandbox --rate-limit off …` (sio-gateway serve plus the
  baseline routes) on a database copy, its URL, its RSS;
- `login` / `presign`: sessions of the sandbox analysts and signed query bodies made before the
  timed window (each is single-use: its nonce is spent by the gateway);
- `wrk`: Debian's wrk (C, epoll, its own process) driving 16 connections with bench/
  wrk_signed.lua, which sends each pre-signed body once and reports latency percentiles.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LUA = Path(__file__).resolve().parent / "wrk_signed.lua"
BASIS = {"case_number": "BENCH-2026-000001", "legal_ground": "AML/CFT Law of RK, art. 16",
         "purpose": "bench: throughput of signed queries"}


class Server:
    """The gateway in its own process; stop() ends it (SIGTERM, then SIGKILL)."""

    def __init__(self, db_url: str, pki_dir: Path, *, extra: tuple[str, ...] = (),
                 launcher: tuple[str, ...] | None = None) -> None:
        self.db_url = db_url
        cmd = [*(launcher or (sys.executable, "-m", "bench.serve")), "--sandbox", "--port", "0",
               "--pki-dir", str(pki_dir), "--db", db_url,
               "--rate-limit", "off",  # one loopback address sends the whole load on purpose
               *extra]
        self.proc = subprocess.Popen(cmd, cwd=ROOT, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                     text=True, start_new_session=True)
        self.log: list[str] = []
        lines: queue.Queue[str] = queue.Queue()
        stream = self.proc.stderr
        assert stream is not None

        def pump() -> None:  # keeps draining stderr so the server never blocks on it
            for text in stream:
                lines.put(text)
                if len(self.log) < 200:
                    self.log.append(text)

        threading.Thread(target=pump, daemon=True).start()
        deadline = time.monotonic() + 120
        while True:
            try:
                line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                self.stop()
                raise RuntimeError("the gateway did not start within 120 s") from None
            if "serving " in line:
                self.url = line.split("serving ", 1)[1].split()[0]
                return
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"the gateway did not start: {''.join(self.log)[-800:]}")

    @property
    def pid(self) -> int:
        return self.proc.pid

    def rss_mb(self) -> float:
        return rss_mb(self.proc.pid)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def rss_mb(pid: int) -> float:
    """Resident set size of a process now, MiB (VmRSS)."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for {pid}")


def login(client: Any, auth_signer: Any) -> str:
    """A session through the real GatewayClient: the challenge signed by the AUTH key."""
    from signing.cms import sign_detached
    from transport.protocol import LoginRequest, LoginStatement, Signed

    challenge = client.challenge().challenge
    cms = sign_detached(LoginStatement(challenge=challenge).canonical(), auth_signer)
    reply = client.login(LoginRequest(challenge=challenge,
                                      signature=Signed.wrap(b"", cms).signature))
    return str(reply.session)


def client_for(url: str, pki_dir: Path) -> Any:
    from transport.client import GatewayClient

    return GatewayClient(url, pki_dir / "trust" / "root.pem", timeout=120)


@dataclass(frozen=True)
class Session:
    user_key: str  # SandboxUser.key
    iin: str
    token: str


def sessions(url: str, pki_dir: Path, per_user: int) -> list[Session]:
    """`per_user` sessions of each sandbox analyst (their software AUTH keys)."""
    from signing.sandbox_pki import SANDBOX_USERS, load_sandbox_pki

    pki = load_sandbox_pki(pki_dir)
    client = client_for(url, pki_dir)
    try:
        out = []
        for _ in range(per_user):
            for user in SANDBOX_USERS:
                auth, _sign = pki.software_signers(user)
                out.append(Session(user.key, user.iin, login(client, auth)))
        return out
    finally:
        client.close()


def signed_query(signer: Any, iin: str, subject: str, resource: int = 1) -> dict[str, Any]:
    """A Signed QueryRequest as Desk.query makes it: fresh nonce, Astana time, CMS."""
    from signing.cms import sign_detached
    from transport.clock import iso, now_astana
    from transport.protocol import Basis, QueryRequest, Signed

    request = QueryRequest(resource=resource, params={"iin": subject}, basis=Basis(**BASIS),
                           nonce=QueryRequest.new_nonce(), issued_at=iso(now_astana()),
                           user_iin=iin)
    payload = request.canonical()
    return Signed.wrap(payload, sign_detached(payload, signer)).model_dump()


def _sign_batch(pki_dir: str, items: list[tuple[str, str, str]]) -> list[str]:
    """Worker: "token<TAB>json" lines for (user key, session token, subject IIN)."""
    from signing.sandbox_pki import SANDBOX_USERS, load_sandbox_pki

    pki = load_sandbox_pki(Path(pki_dir))
    users = {u.key: u for u in SANDBOX_USERS}
    out = []
    for key, token, subject in items:
        _auth, signer = pki.software_signers(users[key])
        body = signed_query(signer, users[key].iin, subject)
        out.append(f"{token}\t{json.dumps(body, separators=(',', ':'))}")
    return out


def presign(pki_dir: Path, live: list[Session], count: int, workers: int = 2) -> list[str]:
    """`count` body lines, round-robin over the sessions, each query about its user's own IIN
    (a person the synthetic registry always holds), signed by that user's software key."""
    items = [(s.user_key, s.token, s.iin) for s in (live[i % len(live)] for i in range(count))]
    step = max(1, (len(items) + workers - 1) // workers)
    batches = [items[i:i + step] for i in range(0, len(items), step)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        parts = list(pool.map(_sign_batch, [str(pki_dir)] * len(batches), batches))
    return [line for part in parts for line in part]


@dataclass(frozen=True)
class WrkResult:
    requests: int
    sent: int
    duration_s: float
    non200: int
    errors: int  # connect, read, write, timeouts
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    first_bad: str

    @property
    def per_s(self) -> float:
        return self.requests / self.duration_s if self.duration_s > 0 else 0.0


def wrk_path() -> str:
    found = shutil.which("wrk")
    if found is None:
        raise RuntimeError("wrk is not installed (./run bench installs Debian's wrk)")
    return found


def wrk(url: str, path: str, lines: list[str], *, mode: str, connections: int = 16,
        threads: int = 1, seconds: float = 20.0, reply_bytes: int = 0) -> WrkResult:
    """Run wrk against url+path with the body `lines` split over its threads."""
    with tempfile.TemporaryDirectory(prefix="sio-bench-wrk-") as tmp:
        for t in range(threads):
            part = lines[t::threads]
            Path(tmp, f"bodies-{t}.txt").write_text("\n".join(part) + "\n", "utf-8")
        cmd = [wrk_path(), "-t", str(threads), "-c", str(connections), "-d", f"{seconds:g}s",
               "--timeout", "120s", "-s", str(LUA), url, "--", tmp, mode, path,
               str(reply_bytes)]
        run = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 180,
                             check=False, env={**os.environ, "LANG": "C"})
    found = [x for x in run.stdout.splitlines() if x.startswith("BENCH-JSON ")]
    if run.returncode != 0 or not found:
        raise RuntimeError(f"wrk failed ({run.returncode}): {run.stderr[-500:]}"
                           f"{run.stdout[-500:]}")
    data = json.loads(found[-1].split(" ", 1)[1])
    return WrkResult(
        requests=int(data["requests"]), sent=int(data["sent"]),
        # The span from the first request to the last answer: wrk's own duration is its -d
        # cap even when the bodies ran out before it (a rate over the cap understates).
        duration_s=(data["span_us"] or data["duration_us"]) / 1e6, non200=int(data["non200"]),
        errors=int(data["connect_errors"] + data["read_errors"] + data["write_errors"]
                   + data["timeouts"]),
        p50_ms=data["p50_us"] / 1000, p95_ms=data["p95_us"] / 1000, p99_ms=data["p99_us"] / 1000,
        max_ms=data["max_us"] / 1000, first_bad=str(data["first_bad"]))


def hello_lines(live: list[Session]) -> list[str]:
    return [f"{s.token}\t{{}}" for s in live]

