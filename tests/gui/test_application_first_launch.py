"""First launch: after the workstation check a newcomer goes straight to the registration
application (issue 11, R-ACC-2) — the check is still done first and its marker written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.gui.conftest import WAIT_MS
from tests.gui.fakes import selfcheck_readers
from tests.gui.test_selfcheck_ui import MakeWindow, make_window

__all__ = ["make_window"]  # the fixture, shared with the self-check tests


@pytest.mark.req("R-ACC-2", "R-WS-1")
def test_first_launch_offers_the_registration_application(
        qtbot: Any, make_window: MakeWindow, tmp_path: Path) -> None:
    marker = tmp_path / "first-launch.json"
    win = make_window(readers=selfcheck_readers(), marker=marker)
    qtbot.waitUntil(lambda: win.first_launch is not None and win.first_launch.isVisible(),
                    timeout=WAIT_MS)
    dialog = win.first_launch
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.page.report is not None, timeout=WAIT_MS)
    assert dialog.register_button.isEnabled()
    dialog.register_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert marker.exists()  # the step is done, as with Continue
    account = win.account_dialog
    assert account.isVisible() and dialog.registration is account.page.dialog
    form = dialog.registration.form
    assert form.action == "registration"
    assert form.pin_row.isVisibleTo(form)  # not signed in: the token's PIN reads the certificate
    assert not form.fields_box.isEnabled() and not form.submit_button.isEnabled()
