"""A token bucket per address: 429 rate_limited with Retry-After after the burst, recovery at
the configured rate, limits set in the deployment file (issue 9, hole 8)."""

from __future__ import annotations

import re
import ssl
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from gateway import journal
from gateway.cli import main
from gateway.context import peer_key
from gateway.deployment import DeploymentError, load_deployment
from gateway.problems import CODES
from gateway.ratelimit import TokenBuckets
from signing.sandbox_pki import SandboxPKI
from transport.protocol import API_PREFIX

from .helpers import Gw
from .test_deployment import write_config

HEALTH = f"{API_PREFIX}/health"
ROOT = Path(__file__).resolve().parents[2]


class _Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_token_bucket_burst_then_rate() -> None:
    clock = _Clock()
    buckets = TokenBuckets(clock=clock)
    assert [buckets.take("a", 2.0, 3) for _ in range(3)] == [0.0, 0.0, 0.0]
    assert buckets.take("a", 2.0, 3) == pytest.approx(0.5)  # next token in 1/rate s
    assert buckets.take("b", 2.0, 3) == 0.0  # another peer has its own bucket
    clock.now += 0.5
    assert buckets.take("a", 2.0, 3) == 0.0
    assert buckets.take("a", 2.0, 3) > 0
    clock.now += 60  # refilled to the burst, not beyond
    assert [buckets.take("a", 2.0, 3) for _ in range(4)].count(0.0) == 3


def test_token_buckets_forget_idle_peers() -> None:
    clock = _Clock()
    buckets = TokenBuckets(clock=clock, max_peers=100)
    for i in range(100):
        buckets.take(f"10.0.0.{i}", 1.0, 5)
    clock.now += 10  # all refilled: as good as new, nothing to remember
    buckets.take("10.0.1.1", 1.0, 5)
    assert len(buckets) == 1
    for i in range(300):  # none refilled: the oldest go first, the count stays bounded
        buckets.take(f"10.0.2.{i}", 1.0, 5)
    assert len(buckets) <= 100


def test_addresses_are_counted_per_ipv4_address_and_ipv6_64() -> None:
    assert peer_key("192.0.2.7") == "192.0.2.7"
    assert peer_key("2001:db8:1:2:aaaa::1") == peer_key("2001:db8:1:2:bbbb::9") \
        == "2001:db8:1:2::/64"
    assert peer_key("2001:db8:1:3::1") != peer_key("2001:db8:1:2::1")
    assert peer_key("::ffff:192.0.2.7") == "192.0.2.7"
    assert peer_key(None) == "unknown" and peer_key("testclient") == "testclient"


@pytest.mark.req("R-LOG-1")
def test_429_after_the_burst_then_recovery(gw: Gw) -> None:
    gw.config.rate_limit_per_s, gw.config.rate_limit_burst = 4.0, 10
    codes = [gw.client.get(HEALTH).status_code for _ in range(10)]
    assert codes == [200] * 10
    limited = gw.client.get(HEALTH)
    assert limited.status_code == 429 == CODES["rate_limited"][0]
    assert limited.json()["code"] == "rate_limited"
    retry = int(limited.headers["retry-after"])
    assert 1 <= retry <= 2
    assert gw.client.post(f"{API_PREFIX}/auth/challenge").status_code == 429  # every endpoint
    time.sleep(retry)
    assert gw.client.get(HEALTH).status_code == 200  # recovered at the configured rate
    rows = [e.detail_obj() for e in journal.entries(gw.engine) if e.kind == "refusal"]
    assert [(d["code"], d["endpoint"]) for d in rows] == [
        ("rate_limited", f"GET {HEALTH}"), ("rate_limited", f"POST {API_PREFIX}/auth/challenge")]


def test_the_limit_can_be_turned_off(gw: Gw) -> None:
    gw.config.rate_limit_per_s, gw.config.rate_limit_burst = 0, 1
    assert {gw.client.get(HEALTH).status_code for _ in range(30)} == {200}


def test_limits_and_timeouts_come_from_the_deployment_file(
        tmp_path: Path, sandbox_pki: SandboxPKI, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIO_TEST_OPERATOR_PW", "op-secret")
    config = load_deployment(write_config(
        tmp_path, sandbox_pki, rate_limit_per_s=2.5, rate_limit_burst=40, header_timeout_s=5,
        body_timeout_s=20.5, max_connections=100, max_connections_per_peer=10,
        refusal_window_s=30, refusals_itemized=3))
    assert (config.rate_limit_per_s, config.rate_limit_burst, config.header_timeout_s,
            config.body_timeout_s, config.max_connections, config.max_connections_per_peer,
            config.refusal_window_s, config.refusals_itemized) == (2.5, 40, 5, 20.5, 100, 10,
                                                                    30, 3)
    with pytest.raises(DeploymentError, match=re.escape("rate_limit_per_s must be positive")):
        load_deployment(write_config(tmp_path, sandbox_pki, rate_limit_per_s=0))
    with pytest.raises(DeploymentError, match="max_connections must be positive whole"):
        load_deployment(write_config(tmp_path, sandbox_pki, max_connections=2.5))


def test_serve_takes_a_rate_limit(tmp_path: Path, sandbox_pki: SandboxPKI) -> None:
    assert main(["serve", "--sandbox", "--rate-limit", "fast"]) == 2
    assert main(["serve", "--sandbox", "--rate-limit", "0/5"]) == 2
    cmd = [sys.executable, "-c", "import sys; from gateway.cli import main; "
           "sys.exit(main(sys.argv[1:]))", "serve", "--sandbox", "--port", "0", "--pki-dir",
           str(sandbox_pki.directory), "--db", f"sqlite:///{tmp_path / 'g.sqlite'}",
           "--rate-limit", "0.5/3"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        assert "SANDBOX serving https://127.0.0.1:" in line, line
        url = line.split("serving ", 1)[1].split()[0]
        context = ssl.create_default_context(cafile=str(sandbox_pki.root_path))
        with httpx.Client(base_url=url, verify=context, trust_env=False, timeout=10) as client:
            codes = [client.get(HEALTH).status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
    finally:
        proc.terminate()
        proc.wait(timeout=20)
