"""The windowed `sio-desk demo --as controller` (issue 13): the sandbox controller signs in to
the real window with their own SoftHSM2 token; the gateway's registry makes them a controller,
so the rail offers Reports, which opens on last month's requests."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.control import astana_today, last_month
from gateway.registry import SANDBOX_CONTROLLER
from signing.sandbox_pki import SandboxPKI
from signing.softhsm import provision_token
from tests.gui.conftest import open_pin
from ui import i18n
from ui.app import build_main_window

pytestmark = [pytest.mark.gui, pytest.mark.softhsm]

NET_MS = 30_000


@pytest.fixture
def controller_run(tmp_path: Path, sandbox_pki: SandboxPKI, softhsm_env: Path) -> Iterator[Any]:
    from sandbox.harness import start_sandbox

    made = provision_token(softhsm_env, sandbox_pki, SANDBOX_CONTROLLER,
                           label=f"controller {secrets.token_hex(4)}")
    with start_sandbox(tmp_path / "ws", pki=sandbox_pki, provisioned=made,
                       user=SANDBOX_CONTROLLER) as run:
        yield run


@pytest.mark.req("R-CTL-1")
def test_demo_role_window_signs_the_controller_in_and_opens_reports(
        qtbot: Any, controller_run: Any) -> None:
    win = build_main_window(controller_run.desk, "ru")
    qtbot.addWidget(win)
    win.show()
    try:
        qtbot.waitUntil(lambda: win.signin_page.info is not None, timeout=NET_MS)
        assert not win.rail.buttons["reports"].isVisibleTo(win)  # nobody signed in yet
        dialog = open_pin(qtbot, win)
        qtbot.keyClicks(dialog.pin_edit, controller_run.pin)
        qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: win.user is not None, timeout=NET_MS)
        assert win.user.role == "controller" and win.user.iin == SANDBOX_CONTROLLER.iin
        qtbot.waitUntil(lambda: win.rail.buttons["reports"].isVisibleTo(win), timeout=NET_MS)
        win.rail.buttons["reports"].click()
        qtbot.waitUntil(lambda: getattr(win, "reports_dialog", None) is not None,
                        timeout=NET_MS)
        page = win.reports_dialog.page
        qtbot.waitUntil(lambda: page.report is not None, timeout=NET_MS)
        first, last = last_month(astana_today())
        assert page.report.period == (first.isoformat(), last.isoformat())
    finally:
        win.close()
        i18n.apply("en")
