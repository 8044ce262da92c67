"""Dispositions queued behind the gateway's rate limit (R-RES-1): the desk stops flushing at the
first `rate_limited` refusal instead of sending each queued one into the same refusal, and keeps
every one queued for the next flush."""

from __future__ import annotations

import ssl
from pathlib import Path

import httpx
import pytest

from gateway.config import GatewayConfig
from gateway.server import EmbeddedGateway
from signing.sandbox_pki import SandboxPKI
from signing.softhsm import softhsm_module

from .test_control import ANALYST, BASIS, PIN, _desk

pytestmark = [pytest.mark.skipif(softhsm_module() is None, reason="SoftHSM2 is not installed"),
              pytest.mark.req("R-RES-1")]


def _drain(gateway: EmbeddedGateway, pki: SandboxPKI) -> None:
    """Spend this address's remaining budget (a health check counts like any request)."""
    context = ssl.create_default_context(cafile=str(pki.root_path))
    with httpx.Client(base_url=gateway.url, verify=context, trust_env=False) as client:
        for _ in range(200):
            if client.get("/v1/health").status_code == 429:
                return
    raise AssertionError("the rate limit never answered 429")


def test_a_rate_limited_flush_stops_at_the_first_refusal_and_keeps_all_queued(
        softhsm_env: Path, sandbox_pki: SandboxPKI, tmp_path: Path) -> None:
    # A budget that does not refill within the test: 0.01 a second.
    config = GatewayConfig.sandbox_config(db_url=f"sqlite:///{tmp_path / 'gw.sqlite'}",
                                          pki=sandbox_pki, rate_limit_per_s=0.01,
                                          rate_limit_burst=60)
    gateway = EmbeddedGateway(config)
    gateway.start()
    analyst = _desk(softhsm_env, sandbox_pki, gateway, ANALYST, tmp_path)
    try:
        analyst.login(PIN)
        items = [analyst.query(1, {"iin": ANALYST.iin}, BASIS).item for _ in range(3)]
        _drain(gateway, sandbox_pki)
        for item in items:  # each destroy flushes what is queued
            analyst.destroy_unattached(item)
        assert analyst.materials is not None
        casefile = analyst.materials.casefile
        queued = casefile.queued(ANALYST.iin)
        assert sorted(r.id for r in queued) == sorted(items)
        # Only the oldest was sent (once per flush) and refused; the others waited.
        tried = [r for r in queued if r.delivery_error is not None]
        assert [r.id for r in tried] == [queued[0].id]
    finally:
        analyst.close()
        gateway.stop()
