"""Start-up (issue 10): the window paints first; the token read, the self-check and the desk's
vault start just after, and sign-in stays disabled, saying why, until the token is read."""

from __future__ import annotations

import inspect
import json
import linecache
import sys
import time
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject

from app.errors import DeskError
from tests.gui.conftest import WAIT_MS
from tests.gui.fakes import FakeDesk
from ui.app import build_main_window

pytestmark = pytest.mark.gui


class TimedDesk(FakeDesk):
    """Notes when the token was first read; the first reads can fail as with no token."""

    def __init__(self, absent_reads: int = 0) -> None:
        super().__init__()
        self.read_at: list[float] = []
        self.absent_reads = absent_reads

    def token_info(self) -> Any:
        self.read_at.append(time.monotonic())
        if len(self.read_at) <= self.absent_reads:
            raise DeskError("token_absent", detail="no PKCS#11 module found")
        return super().token_info()


class FirstPaint(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.at: float | None = None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if self.at is None and event.type() == QEvent.Type.Paint:
            self.at = time.monotonic()
        return False


@pytest.mark.req("R-AUTH-1")
def test_the_window_paints_before_the_token_is_read(qtbot: Any) -> None:
    desk = TimedDesk()
    win = build_main_window(desk, "en")
    qtbot.addWidget(win)
    assert not win.signin_page.sign_in_button.isEnabled()
    assert win.signin_page.token_label.text() == "Reading the token…"
    assert desk.read_at == [] and not desk.opened  # nothing blocking before the window shows
    assert win._query_page is None and win._case_page is None  # built at the first sign-in
    paint = FirstPaint()
    win.installEventFilter(paint)
    win.show()
    qtbot.waitUntil(lambda: win.signin_page.info is not None, timeout=WAIT_MS)
    assert paint.at is not None and paint.at < desk.read_at[0]
    qtbot.waitUntil(lambda: desk.opened, timeout=WAIT_MS)  # the vault after the token read
    assert win.signin_page.sign_in_button.isEnabled()


@pytest.mark.req("R-AUTH-1")
def test_no_token_at_start_is_shown_and_read_again_on_request(qtbot: Any) -> None:
    desk = TimedDesk(absent_reads=1)
    win = build_main_window(desk, "en")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: len(desk.read_at) == 1 and not win.runner.busy, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "Reading" not in win.signin_page.token_label.text(),
                    timeout=WAIT_MS)
    assert not win.signin_page.sign_in_button.isEnabled()
    assert "token" in win.signin_page.token_label.text().lower()
    win.signin_page.refresh_button.click()  # the analyst inserted it and asks again
    qtbot.waitUntil(lambda: win.signin_page.info is not None, timeout=WAIT_MS)
    assert win.signin_page.sign_in_button.isEnabled()


# PySide6's per-import source scan (ui.import_scan) ---------------------------------------------

def test_pyside6_is_the_version_whose_private_scan_was_checked() -> None:
    """A PySide6 upgrade fails here first: check `_mod_uses_pyside` again, then move the pin."""
    import PySide6

    from ui import import_scan

    assert PySide6.__version__.startswith("6.11."), PySide6.__version__
    assert import_scan.install()
    feature = next(sys.modules[n] for n in import_scan.FEATURE_MODULES if n in sys.modules)
    assert feature._mod_uses_pyside is import_scan.source_mentions_pyside


def _feature(scan: object | None) -> ModuleType:
    module = ModuleType("fake_feature")
    if scan is not None:
        module._mod_uses_pyside = scan  # type: ignore[attr-defined]
    return module


def _raises(module: ModuleType) -> bool:
    raise TypeError("another signature")


@pytest.mark.parametrize("scan", [None, "not callable", _raises, lambda m: True,
                                  lambda m: "PySide6" in getattr(m, "__name__", "")])
def test_a_scan_absent_or_answering_otherwise_is_left_alone(scan: object | None) -> None:
    from ui import import_scan

    feature = _feature(scan)
    assert import_scan.replace_scan(feature) is not None
    assert getattr(feature, "_mod_uses_pyside", None) is scan


def test_a_scan_answering_as_pysides_is_replaced_and_keeps_no_source() -> None:
    from ui import import_scan

    def pysides(module: ModuleType) -> bool:  # PySide6 6.11's own criterion
        return "PySide6" in inspect.getsource(module)

    feature = _feature(pysides)
    assert import_scan.replace_scan(feature) is None
    assert feature._mod_uses_pyside is import_scan.source_mentions_pyside
    assert import_scan.__file__ not in linecache.cache  # the probe's reads were let go
    assert feature._mod_uses_pyside(import_scan) and not feature._mod_uses_pyside(json)


# The policy's certificates, parsed at the first token read (issue 10) ---------------------------

@pytest.mark.req("R-AUTH-1")
def test_a_bad_policy_certificate_is_shown_after_the_paint_and_blocks_sign_in(
        qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.cli import _production_token
    from app.desk import Desk
    from app.policy import load_policy
    from signing.sandbox_pki import create_sandbox_pki

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # the desk's vault goes here
    pki = create_sandbox_pki(tmp_path / "pki")
    (tmp_path / "operator.pem").write_bytes(b"-----BEGIN CERTIFICATE-----\nnot one\n")
    path = tmp_path / "policy.json"
    path.write_text(json.dumps({
        "gateway_url": "https://127.0.0.1:9", "ca_file": str(pki.root_path),
        "trust_dir": str(pki.trust_dir), "operator_certificates": ["operator.pem"],
    }), "utf-8")
    policy = load_policy(path)  # the structure is fine: the window starts
    desk = Desk(policy.desk, partial(_production_token, policy.desk, (), None))
    win = build_main_window(desk, "en")
    qtbot.addWidget(win)
    win.show()
    page = win.signin_page
    qtbot.waitUntil(lambda: page._failure is not None, timeout=WAIT_MS)
    assert isinstance(page._failure, DeskError) and page._failure.code == "policy_invalid"
    assert "operator.pem" in page.token_label.text()
    assert not page.sign_in_button.isEnabled()
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=WAIT_MS)
    page.refresh_button.click()  # asked again, still refused: nothing signs in unchecked
    qtbot.waitUntil(lambda: not win.runner.busy and page._failure is not None, timeout=WAIT_MS)
    assert not page.sign_in_button.isEnabled()
    desk.close()
