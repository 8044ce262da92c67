"""R-WS-5 in real network namespaces: the Internet check reads routes and sends nothing."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.selfcheck.netns import PEER_ADDR, PREFIX, Pair, capture, namespace_pair, pcap_count

ROOT = Path(__file__).resolve().parents[2]
CLEAN_ENV = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}


@pytest.fixture(scope="module")
def pair() -> Iterator[Pair]:
    with namespace_pair() as p:
        yield p


@pytest.fixture
def default_route(pair: Pair) -> Iterator[None]:
    pair.exec(pair.ws, "ip", "route", "add", "default", "via", PEER_ADDR)
    try:
        yield
    finally:
        pair.exec(pair.ws, "ip", "route", "del", "default")


def selfcheck(
    pair: Pair, tmp_path: Path, policy: dict[str, Any] | None = None, only: str = "internet"
) -> tuple[int, dict[str, Any]]:
    """`python -m app.selfcheck --json [--only …]` inside the workstation namespace."""
    policy_file = tmp_path / "policy.json"
    policy_file.write_text(json.dumps(policy or {}))
    extra = ["--only", only] if only else []
    done = pair.exec(
        pair.ws,
        sys.executable,
        "-m",
        "app.selfcheck",
        "--json",
        *extra,
        "--policy",
        str(policy_file),
        cwd=ROOT,
        env=CLEAN_ENV,
    )
    assert done.stdout, done.stderr
    return done.returncode, json.loads(done.stdout)


def internet(report: dict[str, Any]) -> dict[str, Any]:
    return next(c for c in report["checks"] if c["id"] == "internet")


@pytest.mark.req("R-WS-5")
def test_no_default_route_passes(pair: Pair, tmp_path: Path) -> None:
    code, report = selfcheck(pair, tmp_path)
    check = report["checks"][0]
    assert (code, report["overall"], check["id"], check["status"]) == (
        0,
        "PASS",
        "internet",
        "PASS",
    )
    assert any("8.8.8.8: no route" in e for e in check["evidence"])


@pytest.mark.req("R-WS-5")
def test_default_route_through_peer_fails_naming_it_and_sends_nothing(
    pair: Pair, tmp_path: Path, default_route: None
) -> None:
    pcap = tmp_path / "check.pcap"
    with capture(pair, pcap):  # the whole self-check, not only the Internet part
        code, report = selfcheck(pair, tmp_path, only="")
    assert len(report["checks"]) == 11
    check = internet(report)
    assert (code, check["status"], check["reason"]) == (1, "FAIL", "internet_route")
    assert check["value"] == f"default via {PEER_ADDR} dev {pair.ws_if}"
    assert PEER_ADDR in check["message"] and pair.ws_if in check["message"]
    assert pcap_count(pcap) == 0, "the Internet check put packets on the wire"


@pytest.mark.req("R-WS-5")
def test_capture_harness_sees_a_deliberate_packet(pair: Pair, tmp_path: Path) -> None:
    """Control for the zero above: the same capture does see traffic on this cable."""
    pcap = tmp_path / "control.pcap"
    send = (
        "import socket; s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); "
        f"s.sendto(b'x', ('{PEER_ADDR}', 9))"
    )
    with capture(pair, pcap):
        assert pair.exec(pair.ws, sys.executable, "-c", send).returncode == 0
    assert pcap_count(pcap) >= 1


@pytest.mark.req("R-WS-5")
def test_allow_listed_peer_prefix_passes(pair: Pair, tmp_path: Path, default_route: None) -> None:
    code, report = selfcheck(pair, tmp_path, {"selfcheck": {"allowed_prefixes": [PREFIX]}})
    check = report["checks"][0]
    assert (code, check["status"]) == (0, "PASS"), check
    assert any("allow-listed" in e and PEER_ADDR in e for e in check["evidence"])


@pytest.mark.req("R-WS-5")
def test_other_prefix_allow_listed_still_fails(
    pair: Pair, tmp_path: Path, default_route: None
) -> None:
    code, report = selfcheck(pair, tmp_path, {"selfcheck": {"allowed_prefixes": ["10.232.0.0/16"]}})
    assert (code, report["checks"][0]["status"]) == (1, "FAIL")
