"""The desk tells an answer over the client's size cap from a refusal and from a dead channel
(issue 9, hole 9), with the real GatewayClient over a mock transport."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from app.config import DeskConfig
from app.desk import Desk
from app.errors import DeskError
from gateway.registry import SANDBOX_NEWCOMER
from signing.filekey import FileKeyToken
from signing.profile import fingerprint
from signing.sandbox_pki import SandboxPKI
from transport.client import GatewayClient


def _desk(pki: SandboxPKI, tmp_path: Path, answer: httpx.Response) -> Desk:
    client = GatewayClient("https://gw.test", None,
                           transport=httpx.MockTransport(lambda request: answer))
    config = DeskConfig(gateway_url="https://gw.test", ca_file=pki.root_path,
                        trust=pki.trust_store(),
                        operator_sha256=frozenset({fingerprint(pki.operator_cert)}),
                        sandbox=True, state_dir=tmp_path)
    token = FileKeyToken(pki.issue_user_p12(SANDBOX_NEWCOMER, "secret"), sandbox=True)
    return Desk(config, token, client=client)


def test_an_answer_over_the_cap_is_its_own_error(sandbox_pki: SandboxPKI,
                                                 tmp_path: Path) -> None:
    huge = httpx.Response(200, stream=httpx.ByteStream(b" " * (2 * 1024 * 1024)))
    with pytest.raises(DeskError) as caught:
        _desk(sandbox_pki, tmp_path, huge).login("secret")
    assert caught.value.code == "reply_too_large"
    assert "размер" in caught.value.text("ru") and "larger than allowed" in str(caught.value)


def test_a_gateway_refusal_stays_a_refusal(sandbox_pki: SandboxPKI, tmp_path: Path) -> None:
    limited = httpx.Response(429, json={"title": "Too many", "status": 429,
                                        "code": "rate_limited", "detail": "slow down"})
    with pytest.raises(DeskError) as caught:
        _desk(sandbox_pki, tmp_path, limited).login("secret")
    assert caught.value.code == "refused" and caught.value.values["code"] == "rate_limited"
    assert "Wait a little" in caught.value.text("en")
