"""GatewayClient.logout() against the embedded gateway over real, pinned TLS (issue 9)."""

from __future__ import annotations

import base64
import socket
from pathlib import Path

import pytest

from gateway.config import GatewayConfig
from gateway.server import EmbeddedGateway
from signing.cms import sign_detached
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI
from transport.client import ChannelError, GatewayClient
from transport.protocol import LoginRequest, LoginStatement


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.req("R-AUTH-1", "R-WS-4")
def test_client_logout_ends_the_session(sandbox_pki: SandboxPKI, db_url: str) -> None:
    signer = sandbox_pki.software_signers(SANDBOX_USERS[3])[0]
    config = GatewayConfig.for_sandbox(sandbox_pki, db_url=db_url)
    with EmbeddedGateway(config) as gateway:
        client = GatewayClient(gateway.url, sandbox_pki.root_path, timeout=10)
        try:
            challenge = client.challenge().challenge
            cms = sign_detached(LoginStatement(challenge=challenge).canonical(), signer)
            session = client.login(LoginRequest(
                challenge=challenge, signature=base64.b64encode(cms).decode())).session
            client.logout(session)
            assert [e.kind for e in gateway.journal_entries()][-2:] == ["login", "logout"]
            with pytest.raises(ChannelError) as again:
                client.logout(session)
            assert again.value.code == "session_invalid"
        finally:
            client.close()


def test_client_logout_unreachable_is_a_channel_error(sandbox_pki: SandboxPKI) -> None:
    client = GatewayClient(f"https://127.0.0.1:{_free_port()}", sandbox_pki.root_path,
                           timeout=2)
    try:
        with pytest.raises(ChannelError) as err:
            client.logout("no-such-session")
        assert err.value.code.startswith("channel_")
    finally:
        client.close()


@pytest.mark.req("R-AUTH-1")
def test_desk_logout_ends_the_session_and_survives_a_dead_channel(
        sandbox_pki: SandboxPKI, db_url: str, tmp_path: Path) -> None:
    from sandbox.harness import open_desk
    from signing.filekey import FileKeyToken

    user = SANDBOX_USERS[0]
    token = FileKeyToken(sandbox_pki.issue_user_p12(user, "secret"), sandbox=True)
    config = GatewayConfig.for_sandbox(sandbox_pki, db_url=db_url)
    with EmbeddedGateway(config) as gateway:
        desk = open_desk(tmp_path / "desk", gateway.url, sandbox_pki, token)
        try:
            desk.login("secret")
            desk.logout()
            last = gateway.journal_entries()[-1]
            assert (last.kind, last.actor_iin) == ("logout", user.iin)
            assert desk.user is None
            desk.login("secret")
        finally:
            gateway.stop()  # the channel dies under a logged-in desk
            # A local sign-out never waits on the gateway: it happens, the session expires.
            desk.logout()
            assert desk.user is None
            desk.close()
