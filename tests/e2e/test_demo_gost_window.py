"""The windowed `sio-desk demo --gost` (issue 12): the real window signs in as the sandbox's GOST
analyst with their key file and sends a GOST-signed query whose GOST-signed answer it verifies."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from signing.gost.certs import is_gost_key
from signing.sandbox_pki import SANDBOX_GOST_ANALYST
from tests.gui.conftest import open_pin
from ui import i18n
from ui.app import build_main_window

pytestmark = [pytest.mark.gui]

NET_MS = 30_000


@pytest.fixture
def gost_run(tmp_path: Path) -> Iterator[Any]:
    from sandbox.harness import start_sandbox
    from signing.sandbox_pki import create_sandbox_pki

    # A PKI of its own: trusting the GOST CA changes its trust directory.
    pki = create_sandbox_pki(tmp_path / "pki")
    with start_sandbox(tmp_path / "ws", pki=pki, gost=True) as run:
        yield run


@pytest.mark.req("R-AUTH-1", "R-Q-2", "R-LOG-1")
def test_the_window_signs_in_and_queries_as_the_gost_analyst(qtbot: Any, gost_run: Any) -> None:
    win = build_main_window(gost_run.desk, "en")
    qtbot.addWidget(win)
    win.show()
    try:
        qtbot.waitUntil(lambda: win.signin_page.info is not None, timeout=NET_MS)
        dialog = open_pin(qtbot, win)
        qtbot.keyClicks(dialog.pin_edit, gost_run.pin)
        qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: win.pages.currentWidget() is win.work, timeout=NET_MS)
        assert SANDBOX_GOST_ANALYST.iin in win.user_status.text()

        page = win.query_page
        qtbot.waitUntil(lambda: page.current_resource() is not None, timeout=NET_MS)
        qtbot.keyClicks(page.findChild(QLineEdit, "param_iin"), gost_run.sample_iin)
        qtbot.keyClicks(page.basis["case_number"].editor, "2026-GOST")
        page.basis["purpose"].editor.insertPlainText("Проверка по материалу")
        qtbot.waitUntil(page.send_button.isEnabled, timeout=NET_MS)
        page.send_button.click()
        qtbot.waitUntil(lambda: page.result_view.outcome is not None, timeout=NET_MS)
        assert "signature verified" in page.result_view.verification_text()
    finally:
        win.close()
        i18n.apply("en")
    (query,) = [e for e in gost_run.gateway.journal_entries() if e.kind == "query"]
    assert query.actor_iin == SANDBOX_GOST_ANALYST.iin
    assert is_gost_key(gost_run.gateway.config.operator_signer.certificate)
    assert is_gost_key(gost_run.token.keypairs()[0].certificate)
