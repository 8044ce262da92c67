"""Gateway throughput on loopback: signed, verified, journaled queries/s beside /v1/health.

Both rates come from the same `sio-gateway serve --sandbox` subprocess in the same run, so the
ratio says what verification, journaling (a durable commit) and response signing cost.
"""

from __future__ import annotations

import base64
import queue
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from signing.cms import sign_detached
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI, create_sandbox_pki
from transport.clock import iso, now_astana
from transport.protocol import API_PREFIX, LoginStatement, QueryRequest, Signed

ROOT = Path(__file__).resolve().parents[1]
CONCURRENCY = 16
QUERIES = 960  # in total, split over the threads; each pre-signed with its own nonce
TIME_CAP_S = 60.0  # per phase: the bench stops itself even on a slow machine
USER = SANDBOX_USERS[2]
BASIS = {"case_number": "BENCH-1", "legal_ground": "AML/CFT Law, art. 16", "purpose": "bench"}


def _start_server(db_url: str, pki_dir: Path) -> tuple[subprocess.Popen[str], str]:
    cmd = [sys.executable, "-c", "import sys; from gateway.cli import main; "
           "sys.exit(main(sys.argv[1:]))", "serve", "--sandbox", "--port", "0",
           "--pki-dir", str(pki_dir), "--db", db_url,
           "--rate-limit", "off"]  # one loopback peer sends the whole load on purpose
    proc = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    lines: queue.Queue[str] = queue.Queue()
    assert proc.stderr is not None
    stream = proc.stderr

    def pump() -> None:  # keeps draining stderr so the server never blocks on it
        for text in stream:
            lines.put(text)

    threading.Thread(target=pump, daemon=True).start()
    try:
        line = lines.get(timeout=60)
    except queue.Empty:
        proc.kill()
        raise RuntimeError("the gateway did not start within 60 s") from None
    if "serving " not in line:
        proc.kill()
        raise RuntimeError(f"the gateway did not start: {line.strip()}")
    return proc, line.split("serving ", 1)[1].split()[0]


def _client(pki: SandboxPKI, url: str) -> httpx.Client:
    context = ssl.create_default_context(cafile=str(pki.root_path))
    return httpx.Client(base_url=url, verify=context, trust_env=False, timeout=30)


def _login(client: httpx.Client, pki: SandboxPKI) -> str:
    auth_signer, _ = pki.software_signers(USER)
    challenge = client.post(f"{API_PREFIX}/auth/challenge").json()["challenge"]
    cms = sign_detached(LoginStatement(challenge=challenge).canonical(), auth_signer)
    body = {"challenge": challenge, "signature": base64.b64encode(cms).decode()}
    response = client.post(f"{API_PREFIX}/auth/login", json=body)
    response.raise_for_status()
    return str(response.json()["session"])


def _presigned(pki: SandboxPKI, count: int) -> list[dict[str, Any]]:
    _, signer = pki.software_signers(USER)
    out = []
    for _ in range(count):
        req = QueryRequest(resource=1, params={"iin": USER.iin},
                           basis=BASIS,  # type: ignore[arg-type]  # pydantic coerces the dict
                           nonce=QueryRequest.new_nonce(), issued_at=iso(now_astana()),
                           user_iin=USER.iin)
        payload = req.canonical()
        out.append(Signed.wrap(payload, sign_detached(payload, signer)).model_dump())
    return out


def _phase(clients: list[httpx.Client], work: list[list[Callable[[httpx.Client], int]]]
           ) -> tuple[float, list[float], int]:
    """Run each thread's calls together; (wall seconds, latencies in s, non-200 answers)."""
    latencies: list[float] = []
    failures = [0]
    lock = threading.Lock()
    barrier = threading.Barrier(len(clients) + 1)
    deadline = [0.0]

    def run(client: httpx.Client, calls: list[Callable[[httpx.Client], int]]) -> None:
        mine: list[float] = []
        bad = 0
        barrier.wait()
        for call in calls:
            if time.monotonic() > deadline[0]:
                break
            start = time.perf_counter()
            bad += call(client) != 200
            mine.append(time.perf_counter() - start)
        with lock:
            latencies.extend(mine)
            failures[0] += bad

    threads = [threading.Thread(target=run, args=(c, w)) for c, w in zip(clients, work,
                                                                         strict=True)]
    for t in threads:
        t.start()
    deadline[0] = time.monotonic() + TIME_CAP_S
    start = time.perf_counter()
    barrier.wait()
    for t in threads:
        t.join()
    return time.perf_counter() - start, latencies, failures[0]


def _p95_ms(latencies: list[float]) -> float:
    return statistics.quantiles(latencies, n=20)[-1] * 1000 if len(latencies) > 1 else 0.0


def main(queries: int = QUERIES, concurrency: int = CONCURRENCY) -> dict[str, float]:
    """Print and return query and health rates, their ratio and p95 latencies."""
    with tempfile.TemporaryDirectory(prefix="sio-bench-gw-") as tmp:
        pki = create_sandbox_pki(Path(tmp) / "pki")
        proc, url = _start_server(f"sqlite:///{Path(tmp) / 'gateway.sqlite'}", pki.directory)
        clients = [_client(pki, url) for _ in range(concurrency)]
        try:
            tokens = [_login(c, pki) for c in clients]
            per = max(1, queries // concurrency)
            bodies = [_presigned(pki, per) for _ in range(concurrency)]

            def post(body: dict[str, Any], token: str) -> Callable[[httpx.Client], int]:
                headers = {"Authorization": f"Bearer {token}"}
                return lambda c: c.post(f"{API_PREFIX}/queries", json=body,
                                        headers=headers).status_code

            def health(c: httpx.Client) -> int:
                return c.get(f"{API_PREFIX}/health").status_code

            for c in clients:  # warm the TLS connections before timing anything
                health(c)
            h_wall, h_lat, h_bad = _phase(clients, [[health] * per for _ in clients])
            q_wall, q_lat, q_bad = _phase(
                clients, [[post(b, t) for b in mine] for mine, t in zip(bodies, tokens,
                                                                        strict=True)])
        finally:
            for c in clients:
                c.close()
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
    q_rate, h_rate = len(q_lat) / q_wall, len(h_lat) / h_wall
    figures = {"query_per_s": q_rate, "health_per_s": h_rate, "ratio": q_rate / h_rate,
               "query_p95_ms": _p95_ms(q_lat), "health_p95_ms": _p95_ms(h_lat),
               "query_failures": float(q_bad), "health_failures": float(h_bad)}
    print(f"gateway (loopback TLS, concurrency {concurrency}, SQLite): "
          f"signed+verified+journaled queries {q_rate:.0f}/s (p95 {figures['query_p95_ms']:.1f} ms,"
          f" {len(q_lat)} sent, {q_bad} not 200) vs /v1/health {h_rate:.0f}/s "
          f"(p95 {figures['health_p95_ms']:.1f} ms); queries/health = {figures['ratio']:.3f}")
    return figures


if __name__ == "__main__":
    main()
