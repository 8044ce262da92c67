"""Issue 13 (2022 §17, R-CTL-2): a controller's "Block now" takes effect at once — the analyst,
signed in to the real window with a SoftHSM2 token, sends the next query, the sandbox gateway
refuses it, the session ends and the window shows why, with the controller's reason."""

from __future__ import annotations

import secrets
from typing import Any

import pytest

from app.control import Control
from gateway.registry import SANDBOX_CONTROLLER
from sandbox.harness import open_desk
from signing.pkcs11 import Pkcs11Token
from signing.softhsm import provision_token
from tests.gui.test_session_lasts import (  # noqa: F401 — fixtures
    NET_MS,
    _fill,
    _sign_in,
    sandbox_run,
    win,
)
from ui import i18n

pytestmark = [pytest.mark.gui, pytest.mark.softhsm]

REASON = "Қызметтік емес мақсатта сұрау салу (SANDBOX)"


def _controller_blocks(run: Any, softhsm_env: Any, iin: str) -> None:
    """The sandbox controller, on their own SoftHSM2 token, blocks `iin` now."""
    made = provision_token(softhsm_env, run.pki, SANDBOX_CONTROLLER,
                           label=f"controller {secrets.token_hex(4)}")
    desk = open_desk(run.workdir / "controller", run.gateway.url, run.pki,
                     Pkcs11Token.open(made.module, made.label))
    try:
        desk.login(made.user_pin)
        decision = Control(desk).block(iin, REASON)
        assert (decision.decision, decision.reason) == ("block", REASON)
    finally:
        desk.close()


@pytest.mark.req("R-CTL-2")
def test_blocked_while_signed_in_the_session_ends_and_the_window_says_why(
        qtbot: Any, win: Any, sandbox_run: Any, softhsm_env: Any) -> None:  # noqa: F811
    i18n.apply("ru")
    _sign_in(qtbot, win, sandbox_run.pin)
    _fill(qtbot, win, sandbox_run.sample_iin)
    _controller_blocks(sandbox_run, softhsm_env, sandbox_run.user.iin)
    win.query_page.send_button.click()
    qtbot.waitUntil(lambda: win.user is None, timeout=NET_MS)  # the session is over
    assert win.pages.currentWidget() is win.signin_page
    assert win.notice.isVisible()
    assert REASON in win.notice.text() and "заблокирован" in win.notice.text()
    assert "user_blocked" not in win.notice.text()  # no raw code on screen
    i18n.apply("kk")  # the notice follows the language, the reason as the controller wrote it
    qtbot.waitUntil(lambda: "заблокирован" not in win.notice.text(), timeout=NET_MS)
    assert REASON in win.notice.text()
    qtbot.waitUntil(lambda: sandbox_run.desk.user is None, timeout=NET_MS)  # token signed out
